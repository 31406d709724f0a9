"""sumy's summarizers by name, as rankings of an article's sentences.

Each ranker takes the sentences of one article and returns a rating per sentence
(higher is better). sumy's summarizers pick the top N sentences; here a counting
callable given to sumy records the whole ranking instead, so every method can be cut to
a word budget by the same rule (see :mod:`briefgen.summarize.budget`).
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import warnings
from collections.abc import Callable, Sequence

#: sumy's algorithms offered by name (``--method``), with sumy's class names.
SUMY_METHODS: dict[str, str] = {
    "lexrank": "sumy.summarizers.lex_rank:LexRankSummarizer",
    "textrank": "sumy.summarizers.text_rank:TextRankSummarizer",
    "lsa": "sumy.summarizers.lsa:LsaSummarizer",
    "luhn": "sumy.summarizers.luhn:LuhnSummarizer",
    "sumbasic": "sumy.summarizers.sum_basic:SumBasicSummarizer",
    "kl": "sumy.summarizers.kl:KLSummarizer",
    "reduction": "sumy.summarizers.reduction:ReductionSummarizer",
}


def sumy_document(sentences: Sequence[str], language: str = "en"):
    """A sumy document with one paragraph holding ``sentences`` as they are."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    from briefgen.summarize.tokens import SumyTokenizer

    tokenizer = SumyTokenizer(language)
    return ObjectDocumentModel([Paragraph([SumySentence(text, tokenizer) for text in sentences])])


@functools.cache
def _summarizer_class(name: str) -> type:
    module_name, class_name = SUMY_METHODS[name].split(":")
    module = importlib.import_module(module_name)
    return getattr(module, class_name)


def make_summarizer(name: str, language: str = "en"):
    """A configured sumy summarizer: stemmer and stop words of ``language``."""
    from briefgen.summarize.tokens import stemmer, stop_words

    summarizer = _summarizer_class(name)(stemmer(language))
    summarizer.stop_words = stop_words(language)
    return summarizer


def sumy_ratings(
    name: str,
    sentences: Sequence[str],
    language: str = "en",
    enough: Callable[[list[int]], bool] | None = None,
) -> list[float]:
    """The rating sumy's ``name`` method gives each sentence (higher is better).

    These are sumy's own scores (their scale differs by method: LexRank's centrality,
    SumBasic's negated pick order...). Sentences sumy cannot rate (a document without
    words) all get 0. KL picks sentences one by one in quadratic time; ``enough`` (given
    the indices picked so far) lets it stop once the summary is full: the sentences it
    did not reach then share the lowest rating.
    """
    ratings = [0.0] * len(sentences)
    if not sentences:
        return ratings
    if name == "kl":
        return _kl_ratings(sentences, language, enough)
    recorded: list = []

    def record(infos):  # sumy passes the sentences sorted by rating, best first
        recorded.extend(infos)
        return infos

    summarizer = make_summarizer(name, language)
    with warnings.catch_warnings():  # LSA warns about short articles; we rank them anyway
        warnings.simplefilter("ignore", UserWarning)
        summarizer(sumy_document(sentences, language), record)
    for info in recorded:
        ratings[info.order] = float(info.rating)
    return ratings


class _Enough(Exception):
    """KL has picked enough sentences."""


def _kl_ratings(
    sentences: Sequence[str], language: str, enough: Callable[[list[int]], bool] | None
) -> list[float]:
    summarizer = make_summarizer("kl", language)
    remaining = list(range(len(sentences)))  # mirrors sumy's list of unpicked sentences
    picked: list[int] = []
    find_best = summarizer._find_index_of_best_sentence

    def find_and_record(kls):
        index = find_best(kls)
        picked.append(remaining.pop(index))
        if enough is not None and enough(picked):
            raise _Enough
        return index

    summarizer._find_index_of_best_sentence = find_and_record
    with contextlib.suppress(_Enough):
        summarizer._compute_ratings(sumy_document(sentences, language).sentences)
    ratings = [-float(len(sentences))] * len(sentences)
    for rank, index in enumerate(picked):
        ratings[index] = -float(rank)  # sumy's KL rating: minus the pick order
    return ratings
