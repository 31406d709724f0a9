"""``briefgen glossary``: check, review, export and import the glossary of official names."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from briefgen.errors import EXIT_STRICT

_FORMAT = click.Choice(["csv", "tbx"], case_sensitive=False)


def _load(files: tuple[Path, ...], config_path: Path | None):
    """The glossary named by ``files``, else by the settings (default ``glossaries/``)."""
    from briefgen.config import Settings, load_settings
    from briefgen.glossary import load_glossary

    if files:
        return load_glossary(files)
    settings = load_settings(config_path)
    default = settings.glossaries == Settings().glossaries
    return load_glossary(settings.glossaries, missing_ok=default)


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
    help="Glossary file or folder (repeatable; default: the settings' glossaries/).",
)


@click.group()
def glossary() -> None:
    """Check, review, export and import the glossary of official names and titles.

    Glossary files are YAML lists of entries in glossaries/ (see the README).
    """


@glossary.command()
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@_config_option
def check(files: tuple[Path, ...], config_path: Path | None) -> None:
    """Validate glossary FILES (default: the glossaries/ folder).

    Exits with 2 and a file:line: entry: reason message on the first problem.
    """
    from briefgen.errors import ConfigError
    from briefgen.glossary.load import unsourced_roles

    loaded = _load(files, config_path)
    per_file = Counter(loc.path for loc in loaded.locations.values())
    for path, count in per_file.items():
        click.echo(f"{path}: {count} entries")
    kinds = Counter(e.type for e in loaded.entries)
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
    undated = [e.id for e in loaded.entries if any(not (r.start or r.end) for r in e.roles)]
    unsourced = unsourced_roles(loaded)
    if unsourced:
        for line in unsourced:
            click.echo(f"briefgen: error: {line}", err=True)
        raise ConfigError(
            f"{len(unsourced)} dated role(s) without a source (a date of office needs one)"
        )
    click.echo(f"OK: {len(loaded)} entries" + (f" ({detail})" if detail else ""))
    if undated:
        click.echo(
            f"Roles without dates (title printed on any dated article): {', '.join(undated)}"
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
@click.option("--no-translate", is_flag=True, help="Do not translate Persian articles.")
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
    from briefgen.glossary.review import review_markdown, write_review

    loaded = _load(glossary_files, config_path)
    result = review_paths(paths, loaded, translate=not no_translate)
    if out:
        for path in write_review(result, out):
            click.echo(f"Wrote {path}", err=True)
    else:
        click.echo(review_markdown(result))
    click.echo(
        f"Review: {result.articles} article(s), {len(result.hits)} hit(s), "
        f"{len(result.missing)} lost in translation, "
        f"{len({c.found_as for c in result.candidates})} name(s) not in the glossary",
        err=True,
    )
    if strict and result.has_findings:
        sys.exit(EXIT_STRICT)


def review_paths(paths, loaded, *, translate: bool = True):
    """Read and analyse the articles in ``paths`` (translating Persian ones when a model
    is installed) and review them against ``loaded``."""
    from briefgen.errors import ModelMissingError
    from briefgen.glossary.review import review_articles
    from briefgen.pipeline import StageError, analyse_article
    from briefgen.readers import read_articles

    articles, skipped = read_articles(Path(p) for p in paths)
    analysed = []
    notes = [f"Skipped {item.path}: {item.reason}" for item in skipped]
    for article in articles:
        try:
            analysed.append(analyse_article(article))
        except StageError as exc:
            notes.append(f"Skipped {article.source_path}: {exc}")
    persian = [a for a in analysed if a.language == "fa"]
    if persian and translate:
        from briefgen.stages.translate import translate_articles
        from briefgen.translation import load_translator

        try:
            translator = load_translator()
        except ModelMissingError:
            notes.append(
                "No Persian→English model installed: Persian articles were reviewed in Persian "
                "only (no check of terms lost in translation)."
            )
        else:
            try:
                translate_articles(persian, translator, prepare=loaded.protect)
            finally:
                close = getattr(translator, "close", None)
                if close is not None:
                    close()
    result = review_articles(analysed, loaded)
    result.notes.extend(notes)
    return result


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
    """Export the glossary (FILES, default glossaries/) as CSV or TBX (for CAT tools)."""
    from briefgen.files import write_text_atomically
    from briefgen.glossary.exchange import export_glossary, format_for

    if out is None and fmt is None:
        raise click.UsageError("give --format csv|tbx (or an --out file ending in .csv/.tbx)")
    fmt = format_for(out or Path(f"-.{fmt}"), fmt)
    text = export_glossary(_load(files, config_path), fmt)
    if out:
        click.echo(f"Wrote {write_text_atomically(out, text)}", err=True)
    else:
        click.echo(text, nl=False)


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
    from briefgen.errors import InputError
    from briefgen.files import write_text_atomically
    from briefgen.glossary import dump_glossary
    from briefgen.glossary.exchange import format_for, import_glossary

    fmt = format_for(source, fmt)
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read as UTF-8 text ({exc})", source) from exc
    imported = import_glossary(text, fmt, str(source))
    yaml_text = dump_glossary(imported)
    if out is None:
        click.echo(yaml_text, nl=False)
        return
    if out.exists() and not force:
        raise click.UsageError(f"{out} exists (use --force to replace it)")
    write_text_atomically(out, yaml_text)
    click.echo(f"Wrote {out} ({len(imported)} entries)", err=True)
