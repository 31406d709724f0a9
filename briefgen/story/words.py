"""Word overlap of two reports in one language: TF-IDF cosine of stemmed content words.

IDF comes from the run's own articles, so words every article of the week shares (Iran,
minister, communications) weigh little and the event's own names, places and numbers
decide. A report is read in two *views*: ``source`` (its own language: the English of an
English original, the Persian of a Persian article) and ``english`` (the English the
brief prints, for an English or translated article). Two Persian reports compare in
Persian even when one was translated; an English and a translated Persian report compare
in English; an English and an untranslated Persian report have no words in common.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from briefgen.model import Article
from briefgen.story.numbers import fold
from briefgen.summarize.tokens import stemmer, stop_words

_WORD = re.compile(r"\w+")
#: A report's most telling terms: two reports are compared only when they share one.
_TOP_TERMS = 10

Vector = dict[str, float]


def view_of(first: Article, second: Article) -> str | None:
    """The view two reports compare in: ``source``, ``english`` or ``None``."""
    if first.language == second.language:
        return "source"
    if first.text_language == "en" and second.text_language == "en":
        return "english"
    return None


def terms(article: Article, view: str, names: frozenset[str] = frozenset()) -> Counter[str]:
    """Content-word stems of the headline and body in ``view``, without the words of
    ``names`` (folded): who takes part counts as participants, words say what happened."""
    if view == "english" or article.language == "en":
        if article.text_language != "en":
            return Counter()
        language = "en"
        texts = [article.shown_headline, *(s.shown for s in article.sentences)]
    else:
        language = article.language
        texts = [article.headline, *(s.text for s in article.sentences)]
    text = " ".join(texts)
    text = fold(text) if language in ("fa", "ar") else text.casefold()
    stop = _stop_words(language)
    stem = stemmer(language if language in ("en", "fa", "ar") else "en")
    words = _WORD.findall(text)
    return Counter(
        stem(w) for w in words if w not in stop and w not in names and (len(w) > 2 or w.isdigit())
    )


@functools.cache
def _stop_words(language: str) -> frozenset[str]:
    if language not in ("en", "fa", "ar"):
        return frozenset()
    listed = stop_words(language)
    return frozenset(fold(w) for w in listed) if language != "en" else listed


def tfidf(documents: Sequence[Counter[str]]) -> list[Vector]:
    """Sublinear TF × smoothed IDF (``log((1+n)/(1+df)) + 1``), L2-normalized."""
    n = len(documents)
    df = Counter(term for doc in documents for term in doc)
    vectors = []
    for doc in documents:
        weights = {
            t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in doc.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    """The cosine of two normalized vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def top_terms(vector: Vector) -> list[str]:
    """The terms of ``vector`` that weigh most: what candidate pairs are found by."""
    return sorted(vector, key=lambda t: (-vector[t], t))[:_TOP_TERMS]
