"""The library API: files in, a :class:`~briefgen.model.Brief` out.

``build_brief`` reads the inputs, runs the per-article stages, keeps the articles in
the window, translates the Persian ones, applies the glossary, summarizes, merges
near-duplicate stories, and groups the result by partner country. Writers
(``briefgen.writers``) turn the Brief into files.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from briefgen.config import Settings
from briefgen.errors import ModelError, ModelMissingError
from briefgen.glossary import Glossary
from briefgen.model import Article, Brief, Skipped, Window
from briefgen.parallel import map_articles
from briefgen.readers import read_articles
from briefgen.stages.clean import clean_stage
from briefgen.stages.country import country_stage
from briefgen.stages.dates import date_stage
from briefgen.stages.duplicates import merge_duplicates
from briefgen.stages.glossary import glossary_stage, load_run_glossary, title_stage
from briefgen.stages.group import group_by_country
from briefgen.stages.language import language_stage
from briefgen.stages.sentences import sentence_stage
from briefgen.stages.summarize import summarize_stage

log = logging.getLogger(__name__)

ArticleStage = Callable[[Article], None]
Progress = Callable[[str, int, int], None]  # (what, done, total)

#: Stages that need only the article itself, in order.
ARTICLE_STAGES: tuple[tuple[str, ArticleStage], ...] = (
    ("language", language_stage),
    ("clean", clean_stage),
    ("date", date_stage),
    ("country", country_stage),
    ("sentences", sentence_stage),
)

NO_MODEL_NOTE = (
    "Not translated: no Persian→English model installed "
    "(install one with 'briefgen model install', see the README)"
)


def analyse_article(
    article: Article, stages: Sequence[tuple[str, ArticleStage]] = ARTICLE_STAGES
) -> Article:
    """Run the per-article stages on ``article`` and return it."""
    for name, stage in stages:
        try:
            stage(article)
        except Exception as exc:  # a bug in one stage must not cost the week's brief
            log.debug("stage %s failed on %s", name, article.source_path, exc_info=True)
            raise StageError(name, exc) from exc
    return article


class StageError(Exception):
    """A stage failed on one article (a bug); the article is skipped and reported."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(f"internal error in the {stage} stage ({type(error).__name__}: {error})")


def build_brief(
    paths: Iterable[Path | str],
    *,
    settings: Settings | None = None,
    window: Window | None = None,
    today: dt.date | None = None,
    translator: object | None = None,
    use_translation: bool = True,
    progress: Progress | None = None,
    glossary: Glossary | None = None,
) -> Brief:
    """Build a brief from the article files and folders in ``paths``.

    ``translator`` is a loaded translator (see ``briefgen.translation``); when ``None``
    the installed fa→en model is loaded if Persian articles need it. Without a model,
    Persian articles are kept, untranslated and marked. ``glossary`` defaults to the
    files in ``settings.glossaries`` (a missing default ``glossaries/`` folder means none).
    """
    settings = settings or Settings()
    if glossary is None:
        glossary = load_run_glossary(settings.glossaries, Settings().glossaries)
    window = window or Window()
    today = today or dt.date.today()
    articles, skipped = read_articles(Path(p) for p in paths)

    kept: list[Article] = []
    analysed = map_articles(
        _analyse_or_reason,
        articles,
        progress=_reporter(progress, "Reading articles", len(articles)),
    )
    for article, reason in analysed:
        if reason:
            skipped.append(Skipped(article.source_path, reason))
        else:
            kept.append(article)

    in_window, excluded = _apply_window(kept, window, settings.skip_undated)
    if use_translation:
        _translate(in_window, translator, progress, glossary)
    else:
        for article in in_window:
            if article.language == "fa":
                article.untranslated_reason = "Not translated: translation turned off"
    jobs = [(a, glossary, settings.summary_words, settings.summary_sentences) for a in in_window]
    in_window = map_articles(
        _glossary_and_summary, jobs, progress=_reporter(progress, "Summarizing", len(jobs))
    )
    in_window = merge_duplicates(in_window)

    return Brief(
        title=settings.title,
        date=window.end or today,
        window=window,
        generated=dt.datetime.now().astimezone().replace(microsecond=0),
        articles=in_window,
        skipped=skipped,
        excluded=excluded,
        sections=group_by_country(in_window, settings.country_order, settings.skip_undated),
        organization=settings.organization,
        author=settings.author,
        header=settings.header,
        footer=settings.footer,
        show_source=settings.show_source,
        persian_font=settings.persian_font,
        paper=settings.paper,
    )


def _analyse_or_reason(article: Article) -> tuple[Article, str | None]:
    """Run the per-article stages; return the article and why it is left out, if it is."""
    try:
        analyse_article(article)
    except StageError as exc:
        return article, str(exc)
    if not article.sentences and not article.headline:
        return article, "no article text after removing boilerplate"
    return article, None


def _glossary_and_summary(job: tuple[Article, Glossary | None, int | None, int | None]) -> Article:
    """The per-article stages after translation: glossary names, summary, dated titles."""
    article, glossary, words, sentence_count = job
    if glossary:
        glossary_stage([article], glossary)
    summarize_stage(article, words=words, sentence_count=sentence_count)
    if glossary:
        title_stage([article], glossary)
    return article


def _reporter(progress: Progress | None, label: str, total: int) -> Callable[[int], None] | None:
    if progress is None:
        return None
    return lambda done: progress(label, done, total)


def _apply_window(
    articles: list[Article], window: Window, skip_undated: bool
) -> tuple[list[Article], list[Skipped]]:
    kept: list[Article] = []
    excluded: list[Skipped] = []
    for article in articles:
        if article.date is None:
            if skip_undated and not window.is_open:
                excluded.append(Skipped(article.source_path, "undated (--skip-undated)"))
            else:
                kept.append(article)
        elif window.contains(article.date):
            kept.append(article)
        else:
            excluded.append(
                Skipped(article.source_path, f"dated {article.date}, outside the window")
            )
    return kept, excluded


def _translate(
    articles: list[Article],
    translator: object | None,
    progress: Progress | None,
    glossary: Glossary,
) -> None:
    persian = [a for a in articles if a.language == "fa"]
    if not persian:
        return
    from briefgen.stages.translate import translate_articles

    loaded = None
    if translator is None:
        from briefgen.translation import load_translator

        try:
            translator = loaded = load_translator()
        except ModelMissingError:
            for article in persian:
                article.untranslated_reason = NO_MODEL_NOTE
            return
        except ModelError as exc:
            log.warning("translation model not usable: %s", exc)
            for article in persian:
                article.untranslated_reason = f"Not translated: {exc}"
            return
    try:
        # Glossary terms go to the model as their canonical English form (see Glossary.protect).
        translate_articles(
            persian, translator, progress=progress, prepare=glossary.protect if glossary else None
        )
    finally:
        if loaded is not None:
            loaded.close()
