"""How long a summary is, and the one rule that cuts a ranking to that length.

Every method (the default and sumy's) ranks the sentences; :func:`take` then walks the
ranking best first and keeps sentences until the budget is reached, and returns them in
article order. The defaults used by the brief and by ``briefgen summarize`` live here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from briefgen.tuning import default_tuning

#: The default summary (``[summary]`` in ``briefgen/data/defaults.toml``): about 75 words,
#: never fewer than 2 nor more than 4 sentences (when the article has them).
_DEFAULT = default_tuning().summary
DEFAULT_WORDS = _DEFAULT.words
DEFAULT_MIN_SENTENCES = _DEFAULT.min_sentences
DEFAULT_MAX_SENTENCES = _DEFAULT.max_sentences


@dataclass(frozen=True)
class Length:
    """A summary length: a word budget, a sentence count, or both (the tighter wins)."""

    words: int | None = None
    sentences: int | None = None
    min_sentences: int = 1
    max_sentences: int | None = None


def summary_length(words: int | None = None, sentence_count: int | None = None) -> Length:
    """The length for the given options; the default (2–4 sentences, ~75 words) if none."""
    if words is None and sentence_count is None:
        return Length(
            words=DEFAULT_WORDS,
            min_sentences=DEFAULT_MIN_SENTENCES,
            max_sentences=DEFAULT_MAX_SENTENCES,
        )
    for name, value in (("words", words), ("sentence_count", sentence_count)):
        if value is not None and value < 1:
            raise ValueError(f"{name} must be at least 1, not {value}")
    return Length(words=words, sentences=sentence_count)


def word_count(text: str) -> int:
    """Words as a reader counts them: whitespace-separated pieces."""
    return len(text.split())


def take(ranking: Sequence[int], sizes: Sequence[int], length: Length) -> list[int]:
    """Walk ``ranking`` (sentence indices, best first) until ``length`` is reached.

    ``sizes`` holds each sentence's word count. With a word budget, sentences are kept
    until their words reach the budget (the last one may go past it: summaries are
    never cut inside a sentence). The result is in article order.
    """
    chosen: list[int] = []
    for index in ranking:
        if is_full(chosen, sizes, length):
            break
        chosen.append(index)
    return sorted(chosen)


def is_full(chosen: Sequence[int], sizes: Sequence[int], length: Length) -> bool:
    """True when ``chosen`` (indices into ``sizes``) already meets ``length``."""
    count = len(chosen)
    limit = len(sizes)
    for cap in (length.sentences, length.max_sentences):
        if cap is not None:
            limit = min(limit, cap)
    if count >= limit:
        return True
    if length.words is None or count < length.min_sentences:
        return False
    return sum(sizes[i] for i in chosen) >= length.words


def cut_words(text: str, budget: int) -> str:
    """The first ``budget`` words of ``text`` (for scoring at a fixed length only)."""
    return " ".join(text.split()[:budget])
