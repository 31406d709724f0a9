"""``briefgen translate``: one article to English."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen import api
from briefgen.cli.options import model_options
from briefgen.cli.output import data, message
from briefgen.cli.progress import progress_reporter
from briefgen.config import load_settings
from briefgen.errors import ConfigError


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write here instead of standard output (required for docx).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["txt", "json", "docx"]),
    help="Output format (default: from the -o suffix, else txt).",
)
@click.option("--bilingual", is_flag=True, help="Pair each source sentence with its English.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Translate everything again (reviewed translations in the memory still win).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file naming the glossaries (default: ./briefgen.toml when present).",
)
@model_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or notes on stderr.")
def translate(
    file: Path,
    output: Path | None,
    fmt: str | None,
    bilingual: bool,
    no_cache: bool,
    config_path: Path | None,
    device: str | None,
    threads: int | None,
    quiet: bool,
) -> None:
    """Translate one article (FILE, or - for standard input) to English.

    Sentences are split as in the brief and names come from the brief's glossary, so
    each English sentence keeps its source; the output is marked as machine-translated.
    """
    fmt = fmt or _format_from_suffix(output)
    if fmt == "docx" and output is None:
        raise ConfigError("--format docx needs -o FILE.docx")
    with progress_reporter(quiet) as progress:
        article = api.translate_file(
            file,
            settings=load_settings(config_path).with_overrides(device=device, threads=threads),
            use_cache=not no_cache,
            progress=progress,
        )
    if output is None:
        data(api.render_translation(article, fmt, bilingual=bilingual), nl=False)
    else:
        api.write_translation(article, output, fmt, bilingual=bilingual)
    if output is not None and not quiet:
        message(f"Wrote {output}")
    if article.translation and article.translation.is_test_model and not quiet:
        message("Note: translated with the TEST fixture, not a real model.")


def _format_from_suffix(output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in ("json", "docx") else "txt"
