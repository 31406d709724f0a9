"""``briefgen summarize``: one article in, its key sentences out (one per line)."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen import api
from briefgen.cli.output import data
from briefgen.cli.progress import progress_reporter
from briefgen.config import load_settings


@click.command()
@click.argument("file", type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--words",
    type=click.IntRange(min=1),
    help="Summary length in words (the last sentence may go past it).",
)
@click.option("--sentences", type=click.IntRange(min=1), help="Summary length in sentences.")
@click.option(
    "--method",
    type=click.Choice(api.SUMMARY_METHODS),
    default="default",
    show_default=True,
    help="Summarizer: the default, the first sentences (lead), or one of sumy's algorithms.",
)
@click.option("--no-translate", is_flag=True, help="Summarize in the article's own language.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file for the default length (default: ./briefgen.toml when present).",
)
def summarize(
    file: Path,
    words: int | None,
    sentences: int | None,
    method: str,
    no_translate: bool,
    config_path: Path | None,
) -> None:
    """Print the summary of FILE (or of standard input with -), one sentence per line.

    The summary is the one the brief shows for this file: the article is read and
    cleaned as for the brief, translated when it is not in English and a model for its
    language is installed (unless --no-translate), and names and titles come from the
    glossary. Without --words or --sentences, the brief's length applies: about 75
    words in 2–4 sentences, unless briefgen.toml sets summary_words or summary_sentences.
    """
    if words is not None and sentences is not None:
        raise click.UsageError("give --words or --sentences, not both")
    with progress_reporter(quiet=False) as progress:
        article = api.summarize_file(
            file,
            settings=load_settings(config_path),
            words=words,
            sentences=sentences,
            method=method,
            translate=not no_translate,
            progress=progress,
        )
    for sentence in article.summary:
        data(sentence.shown)
