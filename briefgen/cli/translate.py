"""``briefgen translate``: one Persian article to English."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from briefgen.cli.progress import progress_reporter
from briefgen.errors import ConfigError, InputError


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
@click.option("--bilingual", is_flag=True, help="Pair each Persian sentence with its English.")
@click.option("--no-cache", is_flag=True, help="Translate everything again; do not use the cache.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or notes on stderr.")
def translate(
    file: Path, output: Path | None, fmt: str | None, bilingual: bool, no_cache: bool, quiet: bool
) -> None:
    """Translate one Persian article (FILE, or - for standard input) to English.

    Sentences are split as in the brief, so each English sentence keeps its Persian
    source; the output is marked as machine-translated.
    """
    from briefgen.files import write_text_atomically
    from briefgen.stages.translate import translate_articles
    from briefgen.translation import load_translator
    from briefgen.writers.translation import (
        article_translation_dict,
        render_text,
        write_translation_docx,
    )

    fmt = fmt or _format_from_suffix(output)
    if fmt == "docx" and output is None:
        raise ConfigError("--format docx needs -o FILE.docx")
    article = _read(file)
    if article.language != "fa":
        raise InputError(f"not Persian (detected: {article.language}); nothing to translate", file)
    translator = load_translator(use_cache=not no_cache)
    try:
        with progress_reporter(quiet) as progress:
            translate_articles([article], translator, progress=progress)
    finally:
        translator.close()

    if fmt == "docx":
        assert output is not None
        write_translation_docx(article, output, bilingual=bilingual)
    else:
        if fmt == "json":
            data = article_translation_dict(article)
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = render_text(article, bilingual=bilingual)
        if output is None:
            click.echo(text, nl=False)
        else:
            write_text_atomically(output, text)
    if output is not None and not quiet:
        click.echo(f"Wrote {output}", err=True)
    if article.translation and article.translation.is_test_model and not quiet:
        click.echo("Note: translated with the TEST fixture, not a real model.", err=True)


def _format_from_suffix(output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return suffix if suffix in ("json", "docx") else "txt"


def _read(file: Path):
    """The article in ``file`` (or standard input), through the brief's own stages."""
    from briefgen.pipeline import analyse_article
    from briefgen.readers import read_article
    from briefgen.readers.text import read_text

    if str(file) == "-":
        data = sys.stdin.buffer.read()
        article = read_text(Path("<stdin>"), data)
        if not article.raw_text.strip():
            raise InputError("empty (no text)", "<stdin>")
    else:
        article = read_article(file)
    analyse_article(article)
    if not article.sentences and not article.headline:
        raise InputError("no article text", file)
    return article
