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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from briefgen.config import Settings, load_settings
from briefgen.errors import InputError
from briefgen.glossary import Glossary
from briefgen.model import Article, Brief, Window, language_name
from briefgen.pipeline import run_pipeline
from briefgen.run import Progress, Run
from briefgen.summarize import METHODS
from briefgen.translation import INSTALL_HINT
from briefgen.window import describe_window, make_window, window_from_setting

if TYPE_CHECKING:
    from briefgen.glossary.review import Review
    from briefgen.translation.packages import InstalledPackage

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
    "glossary_format",
    "import_glossary",
    "install_model",
    "language_name",
    "list_models",
    "load_glossary",
    "load_settings",
    "make_window",
    "read_input",
    "remove_model",
    "review_glossary",
    "review_markdown",
    "summarize_file",
    "translate_file",
    "translation_data",
    "translation_text",
    "window_from_setting",
    "write_brief",
    "write_review",
    "write_text",
    "write_translation",
]

#: The name standard input goes by in messages.
STDIN = Path("<stdin>")
#: Summary methods ``summarize_file`` accepts: the default, ``lead`` and sumy's algorithms.
SUMMARY_METHODS = METHODS
_READING = ("language", "clean", "date", "country", "sentences")


# --- runs -------------------------------------------------------------------------------


def load_glossary(settings: Settings | None = None, files: Sequence[Path] = ()) -> Glossary:
    """The glossary a run uses: ``files`` if given, else the shipped glossary plus the
    settings' ``glossaries`` (or a ``glossaries/`` folder in the working folder)."""
    from briefgen.glossary import load_glossary as load_files
    from briefgen.glossary import load_run_glossary

    if files:
        return load_files(files)
    settings = settings or Settings()
    return load_run_glossary(settings.glossary_paths, shipped=settings.shipped_glossary)


def _run(
    settings: Settings | None,
    *,
    today: dt.date | None = None,
    window: Window | None = None,
    glossary: Glossary | None = None,
    translate: bool = True,
    use_cache: bool = True,
    device: str | None = None,
    progress: Progress | None = None,
) -> Run:
    settings = settings or Settings()
    run = Run(
        settings=settings,
        today=today or dt.date.today(),
        window=window or Window(),
        glossary=glossary if glossary is not None else load_glossary(settings),
        translate=translate,
        use_cache=use_cache,
        device=device,
        progress=progress,
    )
    if run.glossary.files:
        run.notes.append("Glossary: " + ", ".join(run.glossary.files))
    return run


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
    device: str | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Build a brief from the article files and folders in ``paths``.

    ``today`` (default: the system date) is the run's day: the brief's date when the
    window has no end, and the limit for dates in the future. Articles not in English are
    translated with the installed Argos package of their language (``translate=False``
    keeps them untranslated); without one they are kept, untranslated and marked.
    ``glossary`` defaults to :func:`load_glossary` of ``settings``.
    """
    from briefgen.readers import read_articles

    with _run(
        settings,
        today=today,
        window=window,
        glossary=glossary,
        translate=translate,
        device=device,
        progress=progress,
    ) as run:
        articles, skipped = read_articles(Path(p) for p in paths)
        brief = _brief(run, articles)
        brief.skipped.extend(skipped)
        run_pipeline(brief, run)
        brief.notes.extend(run.notes)
    return brief


def write_brief(
    brief: Brief, output_dir: Path | str = "output", formats: Iterable[str] = ("docx",)
) -> list[Path]:
    """Write ``brief`` in each format into ``output_dir`` as ``brief-YYYY-MM-DD.<ext>``."""
    from briefgen.writers import write_brief as write

    return write(brief, Path(output_dir), formats)


# --- one article ------------------------------------------------------------------------


def read_input(
    source: Path | str | BinaryIO, *, max_bytes: int | None = None, name: Path = STDIN
) -> Article:
    """One article from a file path, ``"-"`` (standard input) or a binary stream.

    Standard input and streams are read as text, with the same size limit as files.
    Raises :class:`~briefgen.errors.InputError` naming the input and the reason.
    """
    from briefgen.readers import MAX_INPUT_BYTES, read_article
    from briefgen.readers.text import read_text

    limit = max_bytes or MAX_INPUT_BYTES
    if isinstance(source, str | Path) and str(source) != "-":
        return read_article(Path(source), limit)
    stream = sys.stdin.buffer if isinstance(source, str | Path) else source
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read ({exc})", name) from exc
    if len(data) > limit:
        raise InputError(f"too large for an article (over {limit / 1e6:.1f} MB)", name)
    article = read_text(name, data)
    if not article.raw_text.strip():
        raise InputError("empty (no text)", name)
    return article


def analyse_article(article: Article, *, today: dt.date | None = None) -> Article:
    """Run the reading stages (language, clean, date, country, sentences) on ``article``."""
    with _run(None, today=today, glossary=Glossary()) as run:
        _one(article, run, _READING)
    return article


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
        article = _one(article, run, (*_READING, "has-text", "translate", "glossary"))
        if not article.sentences:
            raise InputError("nothing to summarize: only a headline", article.source_path)
        return _one(article, run, ("summarize", "titles"))


def translate_file(
    source: Path | str | BinaryIO,
    *,
    settings: Settings | None = None,
    use_cache: bool = True,
    device: str | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> Article:
    """The article in ``source`` translated to English sentence by sentence, with the
    brief's glossary. Raises :class:`~briefgen.errors.ModelMissingError` when no model
    for its language is installed and :class:`InputError` when it is English already."""
    from briefgen.stages.translate import needs_translation

    article = read_input(source)
    with _run(settings, today=today, use_cache=use_cache, device=device, progress=progress) as run:
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
    from briefgen.readers import read_articles
    from briefgen.stages.translate import needs_translation

    glossary = load_glossary(settings, files)
    with _run(settings, glossary=glossary, translate=translate) as run:
        articles, skipped = read_articles(Path(p) for p in paths)
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


@dataclass
class GlossaryCheck:
    """What ``glossary check`` found."""

    glossary: Glossary
    unsourced: list[str]  # file:line: id: reason, for each dated role without a source
    undated: list[str]  # ids of entries with a role that has no dates


def check_glossary(settings: Settings | None = None, files: Sequence[Path] = ()) -> GlossaryCheck:
    """Validate the glossary (``files``, or the run's glossary); loading raises on the first
    mistake, the sources of dates of office are checked here."""
    from briefgen.glossary.load import unsourced_roles

    glossary = load_glossary(settings, files)
    undated = [e.id for e in glossary.entries if any(not r.is_dated for r in e.roles)]
    return GlossaryCheck(glossary, unsourced_roles(glossary), undated)


def export_glossary(
    fmt: str, *, settings: Settings | None = None, files: Sequence[Path] = ()
) -> str:
    """The glossary as CSV or TBX text."""
    from briefgen.glossary.exchange import export_glossary as export

    return export(load_glossary(settings, files), fmt)


def import_glossary(path: Path, fmt: str | None = None) -> tuple[Glossary, str]:
    """A CSV or TBX glossary file read back: the glossary and its YAML text."""
    from briefgen.glossary import dump_glossary
    from briefgen.glossary.exchange import format_for
    from briefgen.glossary.exchange import import_glossary as parse

    fmt = format_for(path, fmt)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read as UTF-8 text ({exc})", path) from exc
    imported = parse(text, fmt, str(path))
    return imported, dump_glossary(imported)


# --- translation models -----------------------------------------------------------------


def install_model(
    path: Path | str | None = None,
    *,
    from_index: str | None = None,
    progress: Progress | None = None,
) -> tuple[InstalledPackage, list[InstalledPackage]]:
    """Install an Argos package from a ``.argosmodel`` file, or download the
    ``from_index``→en package through the package index. Returns it and what it replaced."""
    from briefgen.errors import ConfigError
    from briefgen.translation.packages import install_from_index, install_package_file

    if (path is None) == (from_index is None):
        raise ConfigError("give either FILE.argosmodel or --from-index (not both)")
    if path is not None:
        return install_package_file(Path(path))
    say = (lambda text: progress(text, 0, 0)) if progress else None
    return install_from_index(from_index or "fa", "en", progress=say)


def list_models() -> tuple[Path, list[InstalledPackage], list[str]]:
    """The packages folder, the packages in it, and the folders that are not packages."""
    from briefgen.translation.packages import list_packages, packages_dir

    folder = packages_dir()
    packages, problems = list_packages(folder)
    return folder, packages, problems


def remove_model(what: str) -> list[InstalledPackage]:
    """Remove the packages named by ``what`` (a pair such as ``fa``, a code or a folder)."""
    from briefgen.errors import ConfigError
    from briefgen.translation.packages import matching_packages, remove_package

    found = matching_packages(what)
    if not found:
        raise ConfigError(f"no installed package matches {what!r} (see 'briefgen model list')")
    for item in found:
        remove_package(item)
    return found


# --- small helpers the commands share ---------------------------------------------------


def write_text(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically (UTF-8)."""
    from briefgen.files import write_text_atomically

    return write_text_atomically(path, text)


def glossary_format(path: Path, given: str | None) -> str:
    """``csv`` or ``tbx``: ``given``, else from ``path``'s suffix."""
    from briefgen.glossary.exchange import format_for

    return format_for(path, given)


def review_markdown(review: Review) -> str:
    """The glossary review as Markdown."""
    from briefgen.glossary.review import review_markdown as render

    return render(review)


def write_review(review: Review, out: Path) -> list[Path]:
    """The glossary review as ``OUT.csv`` and ``OUT.md``."""
    from briefgen.glossary.review import write_review as write

    return write(review, out)


def translation_text(article: Article, *, bilingual: bool = False) -> str:
    """A translated article as plain text (``bilingual``: each source line, then English)."""
    from briefgen.writers.translation import render_text

    return render_text(article, bilingual=bilingual)


def translation_data(article: Article) -> dict[str, Any]:
    """A translated article as JSON-ready data: marking, headline, sentences and sources."""
    from briefgen.writers.translation import article_translation_dict

    return article_translation_dict(article)


def write_translation(article: Article, path: Path, fmt: str, *, bilingual: bool = False) -> Path:
    """Write a translated article as ``txt``, ``json`` or ``docx`` to ``path`` (atomically)."""
    import json

    from briefgen.writers.translation import write_translation_docx

    if fmt == "docx":
        return write_translation_docx(article, path, bilingual=bilingual)
    if fmt == "json":
        text = json.dumps(translation_data(article), ensure_ascii=False, indent=2) + "\n"
    else:
        text = translation_text(article, bilingual=bilingual)
    return write_text(path, text)
