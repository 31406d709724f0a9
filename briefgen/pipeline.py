"""The pipeline: one ordered list of stages that every command walks.

A stage has one of two shapes, both given the run's :class:`~briefgen.run.Run`:

* an **article** stage ``stage(article, run) -> None`` refines one article (runs of
  consecutive article stages go to the process pool together, see :mod:`briefgen.parallel`);
  it raises :class:`ArticleSkipped` to leave its article out, with the reason;
* a **brief** stage ``stage(brief, run) -> None`` works on the whole run: it keeps the
  articles in the window, translates them in one batch, merges duplicate stories,
  groups the articles into country sections.

:data:`PIPELINE` is the order; :func:`run_pipeline` walks it (or part of it, by step
name). ``briefgen --debug brief`` logs each step with its time.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from briefgen import limits
from briefgen.limits import LimitExceeded, call_with_time_limit
from briefgen.model import Article, Brief, Skipped
from briefgen.parallel import map_articles
from briefgen.run import Run
from briefgen.stages.clean import clean_stage
from briefgen.stages.country import country_stage
from briefgen.stages.dates import date_stage
from briefgen.stages.duplicates import duplicates_stage
from briefgen.stages.glossary import glossary_stage, title_stage
from briefgen.stages.group import group_stage
from briefgen.stages.language import language_stage
from briefgen.stages.people import people_stage
from briefgen.stages.sentences import sentence_stage
from briefgen.stages.summarize import summarize_stage
from briefgen.stages.translate import translate_stage
from briefgen.stages.window import window_stage

log = logging.getLogger(__name__)

ArticleStage = Callable[[Article, Run], None]
BriefStage = Callable[[Brief, Run], None]


class ArticleSkipped(Exception):
    """Raised by an article stage: leave this article out of the brief, for ``reason``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StageError(Exception):
    """A stage failed on one article (a bug); the article is skipped and reported."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"internal error in the {stage} stage ({type(error).__name__}: {error})")


@dataclass(frozen=True)
class Step:
    """One stage of the pipeline, by name."""

    name: str
    stage: ArticleStage | BriefStage
    scope: Literal["article", "brief"]
    label: str = ""  # what a progress bar says while a run of article steps goes on

    @property
    def summary(self) -> str:
        """The first line of the stage's docstring."""
        return (self.stage.__doc__ or "").strip().splitlines()[0]


def _has_text(article: Article, run: Run) -> None:
    """Leave out an article with neither body sentences nor a headline."""
    if not article.sentences and not article.headline:
        raise ArticleSkipped("no article text after removing boilerplate")


#: Every stage, in the order a brief runs them.
PIPELINE: tuple[Step, ...] = (
    Step("language", language_stage, "article", "Reading articles"),
    Step("clean", clean_stage, "article", "Reading articles"),
    Step("date", date_stage, "article", "Reading articles"),
    Step("country", country_stage, "article", "Reading articles"),
    Step("sentences", sentence_stage, "article", "Reading articles"),
    Step("has-text", _has_text, "article", "Reading articles"),
    Step("window", window_stage, "brief"),
    Step("translate", translate_stage, "brief"),
    Step("glossary", glossary_stage, "article", "Summarizing"),
    Step("people", people_stage, "article", "Summarizing"),
    Step("summarize", summarize_stage, "article", "Summarizing"),
    Step("titles", title_stage, "article", "Summarizing"),
    Step("duplicates", duplicates_stage, "brief"),
    Step("group", group_stage, "brief"),
)
STEP_NAMES = tuple(step.name for step in PIPELINE)


def steps(names: Iterable[str] | None = None) -> list[Step]:
    """The steps named (in pipeline order), or all of them."""
    if names is None:
        return list(PIPELINE)
    wanted = set(names)
    unknown = wanted - set(STEP_NAMES)
    if unknown:
        raise ValueError(f"unknown pipeline step(s): {', '.join(sorted(unknown))}")
    return [step for step in PIPELINE if step.name in wanted]


def run_pipeline(brief: Brief, run: Run, names: Iterable[str] | None = None) -> Brief:
    """Walk the pipeline (or the steps ``names``) over ``brief``'s articles, in order."""
    chosen = steps(names)
    index = 0
    while index < len(chosen):
        step = chosen[index]
        if step.scope == "brief":
            started = time.perf_counter()
            step.stage(brief, run)  # type: ignore[arg-type]
            log.debug("step %s: %.3f s", step.name, time.perf_counter() - started)
            index += 1
            continue
        batch = [step]
        while index + len(batch) < len(chosen) and chosen[index + len(batch)].scope == "article":
            batch.append(chosen[index + len(batch)])
        _run_article_steps(brief, run, batch)
        index += len(batch)
    return brief


def _run_article_steps(brief: Brief, run: Run, batch: Sequence[Step]) -> None:
    started = time.perf_counter()
    names = tuple(step.name for step in batch)
    label = batch[0].label or "Working"
    total = len(brief.articles)
    results = map_articles(
        _article_job,
        [(article, names) for article in brief.articles],
        context=run,
        progress=(lambda done: run.report(label, done, total)) if run.progress else None,
        backend=run.backend,
    )
    kept: list[Article] = []
    for article, reason in results:
        if reason is None:
            kept.append(article)
        else:
            brief.skipped.append(Skipped(article.source_path, reason))
    brief.articles = kept
    log.debug("steps %s: %.3f s", ", ".join(names), time.perf_counter() - started)


def _article_job(job: tuple[Article, tuple[str, ...]], run: Run) -> tuple[Article, str | None]:
    """Run the named article steps on one article (in a pool worker or in process), within
    the time limit of :data:`~briefgen.limits.ANALYSE_SECONDS`."""
    article, names = job
    try:
        return call_with_time_limit(limits.ANALYSE_SECONDS, "analyse", _steps, article, names, run)
    except LimitExceeded as exc:
        return article, exc.reason


def _steps(article: Article, names: tuple[str, ...], run: Run) -> tuple[Article, str | None]:
    by_name = {step.name: step for step in PIPELINE}
    for name in names:
        try:
            by_name[name].stage(article, run)  # type: ignore[arg-type]
        except ArticleSkipped as skipped:
            return article, skipped.reason
        except Exception as exc:  # a bug in one stage must not cost the week's brief
            log.debug("stage %s failed on %s", name, article.source_path, exc_info=True)
            return article, str(StageError(name, exc))
    return article, None


def analyse_article(article: Article, run: Run | None = None) -> Article:
    """Run the reading stages (language to sentences) on one article and return it.

    Raises :class:`StageError` when a stage fails on it.
    """
    run = run or Run()
    reading = [step.name for step in PIPELINE if step.label == "Reading articles"]
    for name in reading:
        if name == "has-text":
            continue
        step = next(s for s in PIPELINE if s.name == name)
        try:
            step.stage(article, run)  # type: ignore[arg-type]
        except Exception as exc:
            raise StageError(name, exc) from exc
    return article
