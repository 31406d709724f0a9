"""``briefgen tm``: the translation memory: import corrections, export, statistics."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen import api
from briefgen.cli.output import data, message
from briefgen.config import load_settings

_CONFIG = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file naming tm_url (default: ./briefgen.toml when present).",
)


@click.group()
def tm() -> None:
    """The translation memory: analysts' corrections in, the memory out.

    The memory is tm_url in briefgen.toml, else $BRIEFGEN_TM_URL (postgresql://… for one
    memory a team shares, or sqlite:///path), else a SQLite file in the user cache folder.
    A reviewed translation always wins over the model's.
    """


@tm.command(name="import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--reviewer", metavar="NAME", help="Who reviewed these translations.")
@click.option(
    "--accept-unchanged",
    is_flag=True,
    help="Bilingual DOCX: take uncorrected rows as reviewed too.",
)
@click.option("--dry-run", is_flag=True, help="Count what would change; write nothing.")
@_CONFIG
def import_(
    file: Path,
    reviewer: str | None,
    accept_unchanged: bool,
    dry_run: bool,
    config_path: Path | None,
) -> None:
    """Import reviewed translations from FILE: TMX (a CAT tool), CSV, or the bilingual
    DOCX of 'briefgen translate --bilingual' after its English column was corrected.

    Importing a file twice changes nothing the second time; a malformed file is refused
    whole, with file:line.
    """
    report = api.import_translations(
        file,
        settings=load_settings(config_path),
        reviewer=reviewer,
        accept_unchanged=accept_unchanged,
        dry_run=dry_run,
    )
    data(("Would import " if dry_run else "Imported ") + report.summary)


@tm.command()
@click.option(
    "--format", "fmt", type=click.Choice(["tmx", "csv"]), default="tmx", show_default=True
)
@click.option(
    "--kind",
    type=click.Choice(["all", "human", "machine"]),
    default="all",
    show_default=True,
    help="Which segments.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write here (atomically) instead of standard output.",
)
@_CONFIG
def export(fmt: str, kind: str, output: Path | None, config_path: Path | None) -> None:
    """Write the memory as TMX 1.4b (for CAT tools) or CSV (formula cells escaped)."""
    count = api.export_translations(output, fmt, settings=load_settings(config_path), kind=kind)
    if output is not None:
        message(f"Wrote {count} segment(s) to {output}")


@tm.command()
@_CONFIG
def stats(config_path: Path | None) -> None:
    """Segments in the memory by language pair and origin."""
    location, rows = api.translation_memory_stats(load_settings(config_path))
    data(f"Translation memory: {location}")
    if not rows:
        data("  empty")
        return
    width = max(len(row.origin) for row in rows)
    for row in rows:
        last = f"  last {row.last_updated:%Y-%m-%d %H:%M}" if row.last_updated else ""
        data(
            f"  {row.source_language}→{row.target_language}  {row.kind:<7}  "
            f"{row.origin:<{width}}  {row.segments:>8}{last}"
        )
    for kind in ("human", "machine"):
        total = sum(row.segments for row in rows if row.kind == kind)
        data(f"  {kind}: {total}")
