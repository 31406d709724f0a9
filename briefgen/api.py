"""briefgen's public API: everything the command line does, callable from Python.

Every function here builds one :class:`~briefgen.run.Run` and walks (part of) the one
pipeline in :mod:`briefgen.pipeline`; the ``briefgen`` commands are argument parsing plus
one call to this module. ::

    from briefgen import api
    brief = api.build_brief(["seeds/"])
    api.write_brief(brief, "output", formats=["docx", "json"])
    summary = api.summarize_file("seeds/003_74af4bd25be794b0.txt")

Errors are :class:`~briefgen.errors.BriefgenError` subclasses with one-line messages.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from briefgen.config import Settings, load_settings
from briefgen.errors import InputError, NoInputError
from briefgen.glossary.commands import (
    GlossaryCheck,
    check_glossary,
    export_glossary,
    glossary_format,
    import_glossary,
    load_glossary,
)
from briefgen.model import Article, Brief, Skipped, Window, language_name
from briefgen.summarize.methods import SUMY_METHODS
from briefgen.tm.commands import export_translations, import_translations, translation_memory_stats
from briefgen.translation import INSTALL_HINT
from briefgen.translation.commands import install_model, list_models, remove_model
from briefgen.window import describe_window, make_window, window_from_setting

if TYPE_CHECKING:
    from briefgen.glossary import Glossary
    from briefgen.glossary.review import Review
    from briefgen.parallel import Backend
    from briefgen.run import Progress, Run

__all__ = [
    "INSTALL_HINT",
    "STDIN",
    "SUMMARY_METHODS",
    "Article",
    "Brief",
    "GlossaryCheck",
    "Settings",
    "Window",
    "analyse_article",
    "build_brief",
    "check_glossary",
    "describe_window",
    "export_glossary",
    "export_translations",
    "glossary_format",
    "import_glossary",
    "import_translations",
    "install_model",
    "language_name",
    "list_models",
    "load_glossary",
    "load_settings",
    "make_window",
    "read_input",
    "read_inputs",
    "remove_model",
    "render_translation",
    "review_glossary",
    "summarize_file",
    "translate_file",
    "translation_memory_stats",
    "window_from_setting",
    "write_brief",
    "write_text",
    "write_translation",
]

#: The name standard input goes by in messages.
STDIN = Path("<stdin>")
#: Summary methods ``summarize_file`` accepts: the default, ``lead`` and sumy's algorithms.
SUMMARY_METHODS: tuple[str, ...] = ("default", "lead", *SUMY_METHODS)
_READING = ("language", "clean", "date", "country", "sentences")


# --- runs -------------------------------------------------------------------------------


def _run(
    settings: Settings | None,
    *,
    today: dt.date | None = None,
    window: Window | None = None,
    glossary: Glossary | None = None,
    translate: bool = True,
    use_cache: bool = True,
    progress: Progress | None = None,
    backend: Backend | None = None,
) -> Run:
    from briefgen.run import Run

    settings = settings or Settings()
    if translate:
        from briefgen.translation.device import requested_device, resolve_device

        if requested_device(settings.device) == "cuda":
            resolve_device(settings.device)  # one clear error now, not one per article
    run = Run(
        settings=settings,
        today=today or dt.date.today(),
        window=window or Window(),
        glossary=glossary if glossary is not None else load_glossary(settings),
        translate=translate,
        use_cache=use_cache,
        progress=progress,
        backend=backend,
    )
    if run.glossary.files:
        run.notes.append(_glossary_note(run.glossary))
    return run


def _glossary_note(glossary: Glossary) -> str:
    """``Glossary: 190 entries from 6 files in /…/glossaries`` (folders in order of use)."""
    folders: dict[str, int] = {}
    for name in glossary.files:
        folder = str(Path(name).parent)
        folders[folder] = folders.get(folder, 0) + 1
    where = "; ".join(f"{n} file{'s' if n > 1 else ''} in {f}" for f, n in folders.items())
    return f"Glossary: {len(glossary)} entries from {where}"


def _brief(run: Run, articles: list[Article] | None = None) -> Brief:
    return Brief(
        date=run.window.end or run.today,
        window=run.window,
        generated=dt.datetime.now().astimezone().replace(microsecond=0),
        layout=run.settings.layout,
        articles=articles or [],
    )


# --- the brief --------------------------------------------------------------------------


def build_brief(
    paths: Iterable[Path | str],
    *,
    settings: Settings | None = None,
    window: Window | None = None,
    today: dt.date | None = None,
    translate: bool = True,
    glossary: Glossary | None = None,
    progress: Progress | None = None,
    dask: str | None = None,
    dask_workers: int | None = None,
) -> Brief:
    """Build a brief from the article files and folders in ``paths``.

    ``today`` (default: the system date) is the run's day: the brief's date when the
    window has no end, and the limit for dates in the future. Articles not in English are
    translated with the installed Argos package of their language (``translate=False``
    keeps them untranslated); without one they are kept, untranslated and marked.
    ``glossary`` defaults to :func:`load_glossary` of ``settings``. ``dask``: a Dask
    scheduler's address or ``"local"`` (:func:`briefgen.parallel.open_backend`).

    Raises :class:`~briefgen.errors.InputError` when one of ``paths`` does not exist and
    :class:`~briefgen.errors.NoInputError` when no file under them could be read: a
    brief of nothing would replace a real one. Files read but outside the window still
    make a brief (that says so).
    """
    from briefgen.parallel import open_backend

    articles, skipped = read_inputs(paths)
    with _run(
        settings,
        today=today,
        window=window,
        glossary=glossary,
        translate=translate,
        progress=progress,
        backend=open_backend(dask, dask_workers) if dask else None,  # the run closes it
    ) as run:
        brief = _brief(run, articles)
        brief.skipped.extend(skipped)
        run_pipeline(brief, run)
        brief.notes.extend(run.notes)
    return brief


def read_inputs(paths: Iterable[Path | str]) -> tuple[list[Article], list[Skipped]]:
    """The articles under ``paths``, and the files skipped with their reasons.

    Raises :class:`InputError` for a path that does not exist and
    :class:`~briefgen.errors.NoInputError` when no file could be read as an article.
    """
    from briefgen.readers import missing_inputs, read_articles

    input_paths = [Path(p) for p in paths]
    for path in missing_inputs(input_paths):
        raise InputError("no such file or folder (nothing written)", path)
    articles, skipped = read_articles(input_paths)
    if not articles:
        names = ", ".join(str(p) for p in input_paths) or "no paths"
        found = f"{len(skipped)} file(s) skipped" if skipped else "no article files found"
        raise NoInputError(
            f"no article could be read from {names} ({found}; nothing written)", skipped
        )
    return articles, skipped


def write_brief(
    brief: Brief,
    output_dir: Path | str = "output",
    formats: Iterable[str] = ("docx",),
    *,
    force: bool = False,
) -> list[Path]:
    """Write ``brief`` in each format into ``output_dir`` as ``brief-YYYY-MM-DD.<ext>``,
    as one set: every file new, or (on any failure) every file as it was.

    A brief on disk that is not the one briefgen last wrote there (edited in Word, or
    not briefgen's) is never replaced: :class:`~briefgen.errors.EditedOutputError`
    names it, unless ``force``. Returns the paths written.
    """
    from briefgen.writers import write_brief as write

    return write(brief, Path(output_dir), formats, force=force)


# --- one article ------------------------------------------------------------------------


def read_input(
    source: Path | str | BinaryIO, *, max_bytes: int | None = None, name: Path = STDIN
) -> Article:
    """One article from a file path, ``"-"`` (standard input) or a binary stream.

    Standard input and streams are read as text, with the same size limit as files.
    Raises :class:`~briefgen.errors.InputError` naming the input and the reason.
    """
    from briefgen.limits import LimitExceeded, check_text
    from briefgen.readers import MAX_INPUT_BYTES, read_article
    from briefgen.readers.text import read_text

    limit = max_bytes or MAX_INPUT_BYTES
    if isinstance(source, str | Path) and str(source) != "-":
        return read_article(Path(source), limit)
    stream = getattr(sys.stdin, "buffer", None) if isinstance(source, str | Path) else source
    if stream is None:
        raise InputError("standard input is closed (nothing to read)", name)
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read ({getattr(exc, 'strerror', None) or exc})", name) from exc
    if len(data) > limit:
        raise InputError(f"too large for an article (over {limit / 1e6:.1f} MB)", name)
    article = read_text(name, data)
    try:
        check_text(article.raw_text)
    except LimitExceeded as exc:
        raise LimitExceeded(exc.reason, name) from exc
    if not article.raw_text.strip():
        raise InputError("empty (no text)", name)
    return article


def analyse_article(article: Article, *, today: dt.date | None = None) -> Article:
    """Run the reading stages (language, clean, date, country, sentences) on ``article``."""
    from briefgen.glossary import Glossary

    with _run(None, today=today, glossary=Glossary()) as run:
        _one(article, run, _READING)
    return article


def run_pipeline(brief: Brief, run: Run, names: Iterable[str] | None = None) -> Brief:
    """Walk the pipeline (or the steps ``names``) over ``brief``'s articles."""
    from briefgen.pipeline import run_pipeline as walk

    return walk(brief, run, names)


def _one(article: Article, run: Run, names: Sequence[str]) -> Article:
    """Walk the steps ``names`` over one article; its skip reason becomes an InputError."""
    brief = _brief(run, [article])
    run_pipeline(brief, run, names)
    if brief.skipped:
        raise InputError(brief.skipped[0].reason, article.source_path)
    return brief.articles[0]


def summarize_file(
    source: Path | str | BinaryIO,
    *,
    settings: Settings | None = None,
    words: int | None = None,
    sentences: int | None = None,
    method: str = "default",
    translate: bool = True,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Article:
    """The article in ``source`` read, translated and summarized exactly as the brief does.

    The summary is ``article.summary`` (print ``sentence.shown``); ``words`` or
    ``sentences`` override the settings' length, ``method`` picks a sumy algorithm.
    """
    settings = settings or Settings()
    if words is not None or sentences is not None:
        settings = replace(settings, summary_words=words, summary_sentences=sentences)
    article = read_input(source)
    with _run(settings, today=today, translate=translate, progress=progress) as run:
        run.summary_method = method
        article = _one(article, run, (*_READING, "has-text", "translate", "glossary", "people"))
        if not article.sentences:
            raise InputError("nothing to summarize: only a headline", article.source_path)
        return _one(article, run, ("summarize", "titles"))


def translate_file(
    source: Path | str | BinaryIO,
    *,
    settings: Settings | None = None,
    use_cache: bool = True,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Article:
    """The article in ``source`` translated to English sentence by sentence, with the
    brief's glossary. Raises :class:`~briefgen.errors.ModelMissingError` when no model
    for its language is installed and :class:`InputError` when it is English already."""
    from briefgen.stages.translate import needs_translation

    article = read_input(source)
    with _run(settings, today=today, use_cache=use_cache, progress=progress) as run:
        article = _one(article, run, (*_READING, "has-text"))
        if not needs_translation(article):
            raise InputError(
                f"not in a language to translate (detected: {article.language})",
                article.source_path,
            )
        run.translator(article.language)  # raises ModelMissingError with the install hint
        return _one(article, run, ("translate", "glossary"))


# --- the glossary -----------------------------------------------------------------------


def review_glossary(
    paths: Iterable[Path | str],
    *,
    settings: Settings | None = None,
    files: Sequence[Path] = (),
    translate: bool = True,
) -> Review:
    """How the glossary meets the articles in ``paths``: hits, terms lost in translation,
    names it does not cover (see :mod:`briefgen.glossary.review`)."""
    from briefgen.errors import ModelMissingError
    from briefgen.glossary.review import review_articles
    from briefgen.stages.translate import needs_translation

    glossary = load_glossary(settings, files)
    with _run(settings, glossary=glossary, translate=translate) as run:
        articles, skipped = read_inputs(paths)
        brief = _brief(run, articles)
        brief.skipped.extend(skipped)
        run_pipeline(brief, run, _READING)
        notes = [f"Skipped {item.path}: {item.reason}" for item in brief.skipped]
        if translate:
            languages = {a.language for a in brief.articles if needs_translation(a)}
            for language in sorted(languages):
                try:
                    run.translator(language)
                except ModelMissingError:
                    notes.append(
                        f"No {language}→English model installed: those articles were reviewed "
                        "in their own language only (no check of terms lost in translation)."
                    )
            run_pipeline(brief, run, ["translate"])
        review = review_articles(brief.articles, glossary)
    review.notes.extend(notes)
    return review


# --- small helpers the commands share ---------------------------------------------------


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    from briefgen.files import write_text_atomically

    return write_text_atomically(path, text)


def render_translation(article: Article, fmt: str = "txt", *, bilingual: bool = False) -> str:
    """A translated article as ``txt`` (``bilingual``: each source line, then its English)
    or ``json`` (marking, headline, sentences and their sources)."""
    import json

    from briefgen.writers.translation import article_translation_dict, render_text

    if fmt == "json":
        data = article_translation_dict(article)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return render_text(article, bilingual=bilingual)


def write_translation(article: Article, path: Path, fmt: str, *, bilingual: bool = False) -> Path:
    """Write a translated article as ``txt``, ``json`` or ``docx`` to ``path`` (atomically)."""
    from briefgen.writers.translation import write_translation_docx

    if fmt == "docx":
        return write_translation_docx(article, path, bilingual=bilingual)
    return write_text(path, render_translation(article, fmt, bilingual=bilingual))
