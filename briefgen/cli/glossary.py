"""``briefgen glossary``: check, review, export and import the glossary of official names."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from briefgen import api
from briefgen.cli.output import data, message
from briefgen.config import load_settings
from briefgen.errors import EXIT_STRICT, ConfigError

_FORMAT = click.Choice(["csv", "tbx"], case_sensitive=False)

_config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file naming the glossaries (default: ./briefgen.toml when present).",
)
_glossary_option = click.option(
    "-g",
    "--glossary",
    "glossary_files",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Glossary file or folder (repeatable; default: the shipped glossary and the "
    "settings' glossaries).",
)


@click.group()
def glossary() -> None:
    """Check, review, export and import the glossary of official names and titles.

    The shipped glossary (YAML files, see the README) is used from any folder; a
    glossaries/ folder in the working folder, or glossaries = [...] in briefgen.toml,
    adds to it.
    """


@glossary.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@_config_option
def check(files: tuple[Path, ...], config_path: Path | None) -> None:
    """Validate glossary FILES (default: the glossary a brief uses).

    Exits with 2 and a file:line: entry: reason message on the first problem, and on
    every dated role without a source.
    """
    result = api.check_glossary(load_settings(config_path), files)
    loaded = result.glossary
    per_file = Counter(loc.path for loc in loaded.locations.values())
    for path, count in per_file.items():
        data(f"{path}: {count} entries")
    if result.unsourced:
        for line in result.unsourced:
            message(f"briefgen: error: {line}")
        raise ConfigError(
            f"{len(result.unsourced)} dated role(s) without a source (a date of office needs one)"
        )
    kinds = Counter(e.type for e in loaded.entries)
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    data(f"OK: {len(loaded)} entries" + (f" ({detail})" if detail else ""))
    if result.undated:
        data(
            "Roles without dates (title printed on any dated article): " + ", ".join(result.undated)
        )


@glossary.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_glossary_option
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    help="Write the report to OUT.csv and OUT.md (default: Markdown on standard output).",
)
@click.option("--no-translate", is_flag=True, help="Do not translate articles.")
@click.option("--strict", is_flag=True, help="Exit with 1 on findings (lost terms, new names).")
@_config_option
def review(
    paths: tuple[Path, ...],
    glossary_files: tuple[Path, ...],
    out: Path | None,
    no_translate: bool,
    strict: bool,
    config_path: Path | None,
) -> None:
    """Report how the glossary meets the articles in PATHS.

    Per entry: how often, where and as what it was found. Persian terms whose canonical
    form did not come out of the translation. Names the glossary does not cover yet
    (capitalized names in English, «quoted» and titled names in Persian), with context.
    """
    result = api.review_glossary(
        paths,
        settings=load_settings(config_path),
        files=glossary_files,
        translate=not no_translate,
    )
    if out:
        for path in result.write(out):
            message(f"Wrote {path}")
    else:
        data(result.markdown())
    message(
        f"Review: {result.articles} article(s), {len(result.hits)} hit(s), "
        f"{len(result.missing)} lost in translation, "
        f"{len({c.found_as for c in result.candidates})} name(s) not in the glossary"
    )
    if strict and result.has_findings:
        sys.exit(EXIT_STRICT)


@glossary.command("export")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=_FORMAT, help="csv or tbx (default: from OUT's suffix).")
@click.option(
    "-o", "--out", type=click.Path(path_type=Path), help="Output file (default: standard output)."
)
@_config_option
def export_command(
    files: tuple[Path, ...], fmt: str | None, out: Path | None, config_path: Path | None
) -> None:
    """Export the glossary (FILES, default: the brief's glossary) as CSV or TBX."""
    if out is None and fmt is None:
        raise click.UsageError("give --format csv|tbx (or an --out file ending in .csv/.tbx)")
    fmt = api.glossary_format(out or Path(f"-.{fmt}"), fmt)
    text = api.export_glossary(fmt, settings=load_settings(config_path), files=files)
    if out:
        message(f"Wrote {api.write_text(out, text)}")
    else:
        data(text, nl=False)


@glossary.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "fmt", type=_FORMAT, help="csv or tbx (default: from the suffix).")
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    help="YAML file to write, e.g. glossaries/imported.yaml (default: standard output).",
)
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
def import_command(source: Path, fmt: str | None, out: Path | None, force: bool) -> None:
    """Import a CSV or TBX glossary (e.g. from a CAT tool) as glossary YAML."""
    imported, yaml_text = api.import_glossary(source, fmt)
    if out is None:
        data(yaml_text, nl=False)
        return
    if out.exists() and not force:
        raise click.UsageError(f"{out} exists (use --force to replace it)")
    api.write_text(out, yaml_text)
    message(f"Wrote {out} ({len(imported)} entries)")
