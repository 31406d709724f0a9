"""Extractive summaries: pick an article's key sentences, in article order.

:func:`summarize` is what the brief and ``briefgen summarize`` call. Every method ranks
the sentences (best first); the budget rule in :mod:`briefgen.summarize.budget` then
keeps sentences from the top of the ranking until the length is reached.

Methods: ``default`` (see :mod:`briefgen.summarize.default`), ``lead`` (the first
sentences), and sumy's algorithms by name (:data:`SUMY_METHODS`).
sumy is imported only when a summary is made.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefgen.limits import SUMMARY_SENTENCES
from briefgen.summarize.budget import (
    DEFAULT_MAX_SENTENCES,
    DEFAULT_MIN_SENTENCES,
    DEFAULT_WORDS,
    Length,
    is_full,
    summary_length,
    take,
    word_count,
)
from briefgen.summarize.methods import SUMY_METHODS

#: Every method name ``summarize`` and ``--method`` accept.
METHODS: tuple[str, ...] = ("default", "lead", *SUMY_METHODS)

__all__ = [
    "DEFAULT_MAX_SENTENCES",
    "DEFAULT_MIN_SENTENCES",
    "DEFAULT_WORDS",
    "METHODS",
    "Length",
    "rank_sentences",
    "summarize",
]


def summarize(
    sentences: list[str],
    *,
    headline: str | None = None,
    language: str = "en",
    words: int | None = None,
    sentence_count: int | None = None,
    method: str = "default",
    length: Length | None = None,
) -> list[int]:
    """Indices of the summary sentences of ``sentences``, in article order.

    ``words`` is a word budget (sentences are kept until their words reach it; the last
    may go past it), ``sentence_count`` a number of sentences; with neither, the default
    length applies: about :data:`DEFAULT_WORDS` words, 2–4 sentences.
    ``language`` is an ISO 639-1 code ("en", "fa", "ar"; others are read as English).
    ``length`` (a :class:`Length`) replaces both when given.
    Raises ``ValueError`` for an unknown method or a length below 1.
    """
    length = length or summary_length(words, sentence_count)
    if not sentences:
        _check_method(method)
        return []
    ranking = rank_sentences(
        sentences, headline=headline, language=language, method=method, length=length
    )
    return take(ranking, [word_count(s) for s in sentences], length)


def rank_sentences(
    sentences: Sequence[str],
    *,
    headline: str | None = None,
    language: str = "en",
    method: str = "default",
    length: Length | None = None,
) -> list[int]:
    """Sentence indices, best first, by ``method``, for a summary of ``length``.

    sumy's methods rank every sentence (KL stops once ``length`` is filled and ranks
    the rest in article order: it is quadratic). The default method leaves out what
    should never be shown (repeats; lines that are no body sentences, when the article
    has body sentences) and weighs words by density under a word budget.

    Every method is quadratic in the sentences it compares, so only the first
    :data:`~briefgen.limits.SUMMARY_SENTENCES` are ranked (news puts the story first);
    the later ones follow in article order. A 10,000-sentence text costs what a
    400-sentence one does.
    """
    _check_method(method)
    length = length or summary_length()
    if method == "lead" or not sentences:
        return list(range(len(sentences)))
    if len(sentences) > SUMMARY_SENTENCES:
        head = rank_sentences(
            sentences[:SUMMARY_SENTENCES],
            headline=headline,
            language=language,
            method=method,
            length=length,
        )
        return [*head, *range(SUMMARY_SENTENCES, len(sentences))]
    if method == "default":
        from briefgen.summarize.default import default_ranking

        return default_ranking(
            sentences, headline=headline, language=language, per_word=length.words is not None
        )
    from briefgen.summarize.methods import sumy_ratings

    sizes = [word_count(s) for s in sentences]
    ratings = sumy_ratings(
        method, sentences, language, enough=lambda chosen: is_full(chosen, sizes, length)
    )
    return sorted(range(len(sentences)), key=lambda i: (-ratings[i], i))


def _check_method(method: str) -> None:
    if method not in METHODS:
        raise ValueError(f"unknown summary method {method!r} (use one of: {', '.join(METHODS)})")
