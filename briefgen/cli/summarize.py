"""``briefgen summarize``: one article in, its key sentences out (one per line)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from briefgen.summarize import METHODS

STDIN = Path("<stdin>")


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
    type=click.Choice(METHODS),
    default="default",
    show_default=True,
    help="Summarizer: the default, the first sentences (lead), or one of sumy's algorithms.",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Settings file for the default length (default: ./briefgen.toml when present).",
)
def summarize(
    file: Path, words: int | None, sentences: int | None, method: str, config_path: Path | None
) -> None:
    """Print the summary of FILE (or of standard input with -), one sentence per line.

    The article is read and cleaned as for the brief (boilerplate removed) and
    summarized in its own language. Without --words or --sentences, the brief's
    length applies: about 75 words in 2–4 sentences, unless briefgen.toml sets
    summary_words or summary_sentences.
    """
    from briefgen.config import load_settings
    from briefgen.errors import InputError
    from briefgen.pipeline import analyse_article
    from briefgen.summarize import summarize as summarize_sentences

    if words is not None and sentences is not None:
        raise click.UsageError("give --words or --sentences, not both")
    if words is None and sentences is None:
        settings = load_settings(config_path)
        words, sentences = settings.summary_words, settings.summary_sentences
    article = analyse_article(_read(file))
    if not article.sentences:
        reason = (
            "nothing to summarize: only a headline"
            if article.headline
            else "no article text after removing boilerplate"
        )
        raise InputError(reason, article.source_path)
    chosen = summarize_sentences(
        [s.text for s in article.sentences],
        headline=article.headline or None,
        language=article.language,
        words=words,
        sentence_count=sentences,
        method=method,
    )
    for index in chosen:
        click.echo(article.sentences[index].text)


def _read(file: Path):
    from briefgen.errors import InputError
    from briefgen.readers import MAX_INPUT_BYTES, read_article
    from briefgen.readers.text import read_text

    if str(file) != "-":
        return read_article(file)
    data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"too large for an article (over {MAX_INPUT_BYTES / 1e6:.1f} MB)", STDIN)
    article = read_text(STDIN, data)
    if not article.raw_text.strip():
        raise InputError("empty (no text)", STDIN)
    return article
