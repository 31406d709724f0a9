"""``briefgen brief``: articles in, dated brief out."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from briefgen.cli.progress import progress_reporter
from briefgen.errors import EXIT_STRICT


def _formats(_ctx, _param, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    allowed = ("docx", "json", "md")
    for item in items:
        if item not in allowed:
            raise click.BadParameter(f"{item!r} is not one of {', '.join(allowed)}")
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
    help="Show the Persian source sentence beside each translated summary sentence.",
)
@click.option("--no-translate", is_flag=True, help="Do not translate Persian articles.")
@click.option("--words", type=click.IntRange(min=10), help="Summary length in words.")
@click.option("--sentences", type=click.IntRange(min=1), help="Summary length in sentences.")
@click.option("--strict", is_flag=True, help="Exit with 1 when any input was skipped.")
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
    strict: bool,
    quiet: bool,
) -> None:
    """Write a dated brief from article files and folders (default: seeds/).

    The brief is named after the last day of the window, or today:
    output/brief-YYYY-MM-DD.docx (and .json / .md with --format).
    """
    from briefgen.config import load_settings
    from briefgen.pipeline import build_brief
    from briefgen.window import make_window, window_from_setting
    from briefgen.writers import write_brief

    settings = load_settings(config_path).with_overrides(
        title=title,
        formats=formats,
        output_dir=output_dir,
        skip_undated=skip_undated,
        show_source=show_source,
        summary_words=words,
        summary_sentences=sentences,
    )
    today = dt.date.today()
    if week or since or until or last_week:
        window = make_window(
            week=week, since=since, until=until, previous_week=last_week, today=today
        )
    else:
        window = window_from_setting(settings.window, today)
    inputs = paths or (Path("seeds"),)
    with progress_reporter(quiet) as progress:
        result = build_brief(
            inputs,
            settings=settings,
            window=window,
            today=today,
            use_translation=not no_translate,
            progress=progress,
        )
    written = write_brief(result, settings.output_dir, settings.formats)
    if not quiet:
        _report(result, written)
    if strict and result.skipped:
        sys.exit(EXIT_STRICT)


def _report(result, written: list[Path]) -> None:
    from briefgen.writers.common import brief_window

    echo = lambda text="": click.echo(text, err=True)  # noqa: E731
    total = len(result.articles)
    merged = sum(len(a.also_reported_by) for a in result.articles)
    also = f" (+{merged} duplicate report(s) merged)" if merged else ""
    echo(
        f"Articles: {total} in the brief{also}, {len(result.skipped)} skipped, "
        f"{len(result.excluded)} outside the window ({brief_window(result)})"
    )
    for item in result.skipped:
        echo(f"  skipped {item.path}: {item.reason}")
    for item in result.excluded:
        echo(f"  left out {item.path}: {item.reason}")
    width = max((len(s.country) for s in result.sections), default=0)
    for section in result.sections:
        echo(f"  {section.country:<{width}}  {len(section.articles) + len(section.undated)}")
    translated = [a for a in result.articles if a.translation]
    if translated:
        info = translated[0].translation
        test = ", TEST MODEL" if info.is_test_model else ""
        echo(
            f"  {len(translated)} Persian article(s) machine-translated "
            f"({info.package} {info.version}{test})"
        )
    untranslated = [a for a in result.articles if a.untranslated_reason]
    if untranslated:
        echo(
            f"  {len(untranslated)} Persian article(s) not translated: "
            "install a model with 'briefgen model install' (see README)"
        )
    for article in result.articles:
        if article.translation and article.translation.missing_terms:
            lost = ", ".join(article.translation.missing_terms)
            echo(f"  glossary terms lost in translation in {article.name}: {lost}")
    for path in written:
        echo(f"Wrote {path}")
