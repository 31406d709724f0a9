"""``briefgen brief``: articles in, dated brief out."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from briefgen import api
from briefgen.api import Article, Brief, language_name
from briefgen.cli.options import model_options
from briefgen.cli.output import message
from briefgen.cli.progress import progress_reporter
from briefgen.config import FORMATS, load_settings
from briefgen.errors import EXIT_STRICT, NoInputError


def _formats(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    for item in items:
        if item not in FORMATS:
            raise click.BadParameter(f"{item!r} is not one of {', '.join(FORMATS)}")
    return items


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    "output_dir",
    type=click.Path(path_type=Path),
    help="Folder for the brief (default: output/).",
)
@click.option("--since", metavar="DATE", help="First day of the window (YYYY-MM-DD).")
@click.option("--until", metavar="DATE", help="Last day of the window (YYYY-MM-DD).")
@click.option("--week", metavar="YYYY-Www", help="An ISO week, e.g. 2024-W20 (Monday–Sunday).")
@click.option("--last-week", is_flag=True, help="The ISO week before this one.")
@click.option("--title", help="Title of the brief.")
@click.option(
    "--format",
    "formats",
    callback=_formats,
    metavar="LIST",
    help="Comma-separated output formats: docx, json, md (default: docx).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file (default: ./briefgen.toml when present).",
)
@click.option(
    "--skip-undated",
    is_flag=True,
    default=None,
    help="Leave out articles without a publication date.",
)
@click.option(
    "--show-source",
    is_flag=True,
    default=None,
    help="Show the source sentence beside each translated summary sentence.",
)
@click.option("--no-translate", is_flag=True, help="Do not translate articles.")
@click.option("--words", type=click.IntRange(min=10), help="Summary length in words.")
@click.option("--sentences", type=click.IntRange(min=1), help="Summary length in sentences.")
@model_options
@click.option(
    "--dask",
    metavar="ADDRESS",
    help="Run on the Dask scheduler at ADDRESS, or 'local' for a cluster on this machine "
    "(needs briefgen[dask]).",
)
@click.option(
    "--dask-workers",
    type=click.IntRange(min=1),
    help="Worker processes of --dask local (default: $BRIEFGEN_WORKERS, else the cores).",
)
@click.option("--strict", is_flag=True, help="Exit with 1 when any input was skipped.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace a brief on disk even when it changed since briefgen wrote it (edited).",
)
@click.option("-q", "--quiet", is_flag=True, help="No run report on stderr.")
def brief(
    paths: tuple[Path, ...],
    output_dir: Path | None,
    since: str | None,
    until: str | None,
    week: str | None,
    last_week: bool,
    title: str | None,
    formats: tuple[str, ...] | None,
    config_path: Path | None,
    skip_undated: bool | None,
    show_source: bool | None,
    no_translate: bool,
    words: int | None,
    sentences: int | None,
    device: str | None,
    threads: int | None,
    dask: str | None,
    dask_workers: int | None,
    strict: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Write a dated brief from article files and folders (default: seeds/).

    The brief is named after the last day of the window, or today:
    output/brief-YYYY-MM-DD.docx (and .json / .md with --format). Nothing is written
    when an input path does not exist or no input file can be read (exit 2), and a
    brief edited since briefgen wrote it is kept as it is (exit 4; --force replaces it).
    """
    settings = load_settings(config_path).with_overrides(
        title=title,
        formats=formats,
        output_dir=output_dir,
        skip_undated=skip_undated,
        show_source=show_source,
        summary_words=words,
        summary_sentences=sentences,
        device=device,
        threads=threads,
    )
    today = dt.date.today()
    if week or since or until or last_week:
        window = api.make_window(
            week=week, since=since, until=until, previous_week=last_week, today=today
        )
    else:
        window = api.window_from_setting(settings.window, today)
    inputs = paths or (Path("seeds"),)
    try:
        with progress_reporter(quiet) as progress:
            result = api.build_brief(
                inputs,
                settings=settings,
                window=window,
                today=today,
                translate=not no_translate,
                progress=progress,
                dask=dask,
                dask_workers=dask_workers,
            )
    except NoInputError as exc:
        if not quiet:
            for item in exc.skipped:
                message(f"  skipped {item.path}: {item.reason}")
        raise
    written = api.write_brief(result, settings.output_dir, settings.formats, force=force)
    if not quiet:
        _report(result, written)
    if strict and result.skipped:
        sys.exit(EXIT_STRICT)


def _by_language(articles: Iterable[Article]) -> list[tuple[str, list[Article]]]:
    groups: dict[str, list[Article]] = {}
    for article in articles:
        groups.setdefault(language_name(article.language), []).append(article)
    return list(groups.items())


def _report(result: Brief, written: list[Path]) -> None:
    def echo(text: str = "") -> None:
        message(text, one_line=True)

    total = len(result.articles)
    merged = sum(len(a.also_reported_by) for a in result.articles)
    also = f" (+{merged} duplicate report(s) merged)" if merged else ""
    echo(
        f"Articles: {total} in the brief{also}, {len(result.skipped)} skipped, "
        f"{len(result.excluded)} outside the window ({api.describe_window(result.window)})"
    )
    undated = sum(1 for a in result.articles if a.date is None)
    if undated:
        where = "" if result.window.is_open else ", nothing in their text contradicts the window"
        echo(f"  {undated} undated article(s) in the brief (listed as undated{where})")
    for item in result.skipped:
        echo(f"  skipped {item.path}: {item.reason}")
    for item in result.excluded:
        echo(f"  left out {item.path}: {item.reason}")
    width = max((len(s.country) for s in result.sections), default=0)
    for section in result.sections:
        echo(f"  {section.country:<{width}}  {len(section.articles) + len(section.undated)}")
    for language, articles in _by_language(a for a in result.articles if a.translation):
        info = articles[0].translation
        assert info is not None
        test = ", TEST MODEL" if info.is_test_model else ""
        echo(
            f"  {len(articles)} {language} article(s) machine-translated "
            f"({info.package} {info.version}{test})"
        )
    for language, articles in _by_language(a for a in result.articles if a.untranslated_reason):
        hint = articles[0].untranslated_reason or ""
        if "no " in hint and "model installed" in hint:
            hint = "install a model with 'briefgen model install' (see README)"
        else:
            hint = hint.removeprefix("Not translated: ")
        echo(f"  {len(articles)} {language} article(s) not translated: {hint}")
    for article in result.articles:
        if article.translation and article.translation.missing_terms:
            lost = ", ".join(article.translation.missing_terms)
            echo(f"  glossary terms lost in translation in {article.name}: {lost}")
    for note in result.notes:
        echo(f"  {note}")
    for path in written:
        echo(f"Wrote {path}")
