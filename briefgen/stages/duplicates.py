"""Near-duplicate stories: the same event reported by several outlets, or in Persian and
English, becomes one entry that says "Also reported by …".

Two articles are the same story when they are about the same partner country, were
published at most ``max_days_apart`` days apart (or one is undated), and their
content words are alike: the cosine of TF-IDF vectors of stemmed content words (plus
the glossary entries they mention) is at least ``same_story`` (``same_story_undated``
when a date is missing). The numbers are ``[duplicates]`` in ``briefgen/data/defaults.toml``:
on the test stories, reports of one meeting (English and machine-translated Persian) scored
0.62–0.67; the same minister and partner at another event a day apart 0.27–0.30; the same
partner and topic (a postal deal) 0.12–0.21.

IDF comes from the run's own articles, so words every article of the week shares
(Iran, minister, communications) weigh little and the event's own names, places and
numbers decide. Translated articles compare in English (the stage runs after
translation); untranslated Persian ones compare with each other in Persian.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen.model import UNDETERMINED, Article, Brief
from briefgen.summarize.tokens import stemmer, stop_words
from briefgen.tuning import DuplicateTuning, default_tuning

if TYPE_CHECKING:
    from briefgen.run import Run

_WORD = re.compile(r"\w+")


@dataclass
class _Profile:
    """What an article is compared by."""

    article: Article
    language: str
    terms: Counter[str]


def duplicates_stage(brief: Brief, run: Run) -> None:
    """Merge reports of the same story into one entry ("Also reported by")."""
    brief.articles = merge_duplicates(brief.articles, run.tuning.duplicates)


def merge_duplicates(
    articles: Sequence[Article], tuning: DuplicateTuning | None = None
) -> list[Article]:
    """The articles to list, each duplicate moved into its story's ``also_reported_by``.

    The entry kept for a story is an untranslated original when there is one (no
    machine-translation errors), then the longest report; the order of ``articles``
    is kept otherwise.
    """
    if len(articles) < 2:
        return list(articles)
    tuning = tuning or default_tuning().duplicates
    profiles = [_profile(a) for a in articles]
    vectors = _tfidf([p.terms for p in profiles])
    # Kept articles by (language, country), then by term: an article is compared only
    # with kept articles of its group that share a word with it, through their postings.
    postings: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    kept: list[int] = []
    for index in sorted(range(len(profiles)), key=lambda i: _keep_rank(articles[i])):
        profile, vector = profiles[index], vectors[index]
        group = postings[(profile.language, profile.article.country or UNDETERMINED)]
        dots: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for k in group.get(term, ()):
                dots[k] += weight * vectors[k][term]
        match = max(
            (
                (score, k)
                for k, score in dots.items()
                if _same_story(profile, profiles[k], score, tuning)
            ),
            default=None,
        )
        if match is None:
            kept.append(index)
            for term in vector:
                group[term].append(index)
        else:
            articles[match[1]].also_reported_by.append(articles[index])
    for k in kept:
        articles[k].also_reported_by.sort(key=lambda a: (a.date or dt.date.max, a.outlet or ""))
    keep = set(kept)
    return [a for i, a in enumerate(articles) if i in keep]


def story_similarity(first: Article, second: Article, background: Sequence[Article] = ()) -> float:
    """TF-IDF cosine of two articles' content words, IDF over them and ``background``."""
    profiles = [_profile(a) for a in (first, second, *background)]
    vectors = _tfidf([p.terms for p in profiles])
    return _cosine(vectors[0], vectors[1])


def _same_story(a: _Profile, b: _Profile, score: float, tuning: DuplicateTuning) -> bool:
    """Whether a pair of the same language and country with this similarity is one story."""
    first, second = a.article.date, b.article.date
    if first is not None and second is not None:
        if abs((first - second).days) > tuning.max_days_apart:
            return False
        return score >= tuning.same_story
    return score >= tuning.same_story_undated


def _keep_rank(article: Article) -> tuple:
    return (article.is_translated, -len(article.sentences), article.date or dt.date.max)


def _profile(article: Article) -> _Profile:
    language = article.text_language
    text = " ".join([article.shown_headline, *(s.shown for s in article.sentences)])
    words = [w.casefold() for w in _WORD.findall(text)]
    content = _content_words(words, language)
    terms = Counter(content)
    terms.update(f"@{m.entry_id}" for m in article.mentions)
    return _Profile(article, language, terms)


def _content_words(words: list[str], language: str) -> list[str]:
    stop = stop_words(language)
    stem = stemmer(language)
    return [stem(w) for w in words if w not in stop and (len(w) > 2 or w.isdigit())]


def _tfidf(documents: list[Counter[str]]) -> list[dict[str, float]]:
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


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())
