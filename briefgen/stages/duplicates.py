"""The same story once: reports of one event (several outlets, Persian and English) become
one entry, the best report first, that says "Also reported by …".

Two reports are one event when the evidence of :mod:`briefgen.story` adds up: who takes
part (glossary people and organizations, people outside the glossary by their key), the
partner country, the dates, weekdays and numbers, and the words when both texts are in
one language. None of it needs a translation, so an English and an untranslated Persian
report of one meeting merge. Each merged report records why (``Article.merged_because``),
and ``briefgen --debug`` logs every merge and every close pair kept apart.

The entry of a story is its best report: an English original before a machine
translation before an untranslated one, then the fullest (most text), then the earliest.
Reports are taken in that order; each joins the story one of whose reports it matches
best, unless a report of that story rules it out (dated too far apart, another partner).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefgen.model import Article, Brief, StoryMatch
from briefgen.story.profile import RunProfiles, build_profiles
from briefgen.story.score import PairScore, score_pair, veto
from briefgen.story.words import top_terms
from briefgen.tuning import DuplicateTuning, default_tuning

if TYPE_CHECKING:
    from briefgen.glossary import Glossary
    from briefgen.run import Run

log = logging.getLogger(__name__)

#: A pair kept apart is logged when it scored at least this share of its threshold.
_LOG_CLOSE_CALLS = 1 / 3
#: Candidate pairs come from words and numbers in at most max(20, 2.5% of the run) articles.
_COMMON_MINIMUM = 20
_COMMON_SHARE = 40


def duplicates_stage(brief: Brief, run: Run) -> None:
    """Merge reports of the same event into one entry ("Also reported by")."""
    brief.articles = merge_duplicates(brief.articles, run.tuning.duplicates, run.glossary)


def merge_duplicates(
    articles: Sequence[Article],
    tuning: DuplicateTuning | None = None,
    glossary: Glossary | None = None,
) -> list[Article]:
    """The articles to list, each duplicate moved into its story's ``also_reported_by``
    (with ``merged_because`` set); the order of ``articles`` is kept otherwise."""
    if len(articles) < 2:
        return list(articles)
    tuning = tuning or default_tuning().duplicates
    run = build_profiles(articles, glossary, tuning)
    candidates = _candidates(run)
    stories: dict[int, list[int]] = {}  # entry index → its reports, the entry first
    for index in sorted(range(len(articles)), key=lambda i: keep_rank(articles[i])):
        found = _best_story(index, stories, candidates, run, tuning)
        if found is None:
            stories[index] = [index]
            continue
        entry, matched, score = found
        stories[entry].append(index)
        report = articles[index]
        report.merged_because = StoryMatch(
            articles[matched].source_path,
            round(score.score, 2),
            score.threshold,
            score.date_gap,
            score.evidence,
        )
        log.debug(
            "same story: %s joins %s (matched %s): %s",
            report.name,
            articles[entry].name,
            articles[matched].name,
            score.describe(),
        )
    for entry, members in stories.items():
        merged = articles[entry].also_reported_by
        merged.extend(articles[i] for i in members[1:])
        merged.sort(key=lambda a: (a.date or dt.date.max, a.outlet or "", a.name))
    return [a for i, a in enumerate(articles) if i in stories]


def keep_rank(article: Article) -> tuple:
    """Sort key of the best report first: English original, translation, untranslated;
    then the fullest; then the earliest."""
    if article.language == "en":
        kind = 0
    elif article.text_language == "en":
        kind = 1
    else:
        kind = 2
    length = sum(len(s.shown) for s in article.sentences) + len(article.shown_headline)
    return (kind, -length, article.date or dt.date.max, article.name)


def story_score(
    first: Article,
    second: Article,
    background: Sequence[Article] = (),
    tuning: DuplicateTuning | None = None,
    glossary: Glossary | None = None,
) -> PairScore:
    """The evidence on two articles being one event, rarities over them and ``background``."""
    tuning = tuning or default_tuning().duplicates
    run = build_profiles([first, second, *background], glossary, tuning)
    return score_pair(run.profiles[0], run.profiles[1], run, tuning)


def _best_story(
    index: int,
    stories: dict[int, list[int]],
    candidates: dict[int, set[int]],
    run: RunProfiles,
    tuning: DuplicateTuning,
) -> tuple[int, int, PairScore] | None:
    """(entry, matched report, score) of the story ``index`` belongs to, or ``None``."""
    best: tuple[int, int, PairScore] | None = None
    mine = run.profiles[index]
    for entry, members in stories.items():
        near = [k for k in members if k in candidates[index]]
        if not near:
            continue
        if any(veto(mine, run.profiles[k], tuning) for k in members):
            continue  # dated too far apart or about another partner: nothing to weigh
        scores = [(k, score_pair(mine, run.profiles[k], run, tuning)) for k in near]
        matched, score = max(scores, key=lambda item: item[1].score - item[1].threshold)
        if not score.same_story:
            if score.score >= _LOG_CLOSE_CALLS * score.threshold:
                log.debug(
                    "kept apart: %s / %s: %s",
                    mine.article.name,
                    run.profiles[matched].article.name,
                    score.describe(),
                )
            continue
        if best is None or score.score - score.threshold > best[2].score - best[2].threshold:
            best = (entry, matched, score)
    return best


def _candidates(run: RunProfiles) -> dict[int, set[int]]:
    """For each article, the articles it shares a participant, a number or one of its
    most telling words with: the only pairs that can reach a threshold."""
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(run.profiles):
        keys = [("participant", key) for key in item.participants]
        keys += [("number", f"{count.value:g}") for count in item.counts]
        for view, vector in item.vectors.items():
            keys += [(view, term) for term in top_terms(vector)]
        for key in set(keys):
            postings[key].append(index)
    # A word or number in more than this many articles is about no one event.
    common = max(_COMMON_MINIMUM, len(run.profiles) // _COMMON_SHARE)
    candidates: dict[int, set[int]] = defaultdict(set)
    for (kind, _), members in postings.items():
        if kind != "participant" and len(members) > common:
            continue
        for index in members:
            candidates[index].update(members)
    for index, found in candidates.items():
        found.discard(index)
    return candidates
