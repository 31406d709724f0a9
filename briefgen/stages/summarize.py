"""Summary stage: pick the article's key sentences with the project's summarizer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.model import Article

if TYPE_CHECKING:
    from briefgen.run import Run


def summarize_stage(article: Article, run: Run) -> None:
    """Choose the summary sentences, in article order, in the language the brief shows."""
    from briefgen.summarize import Length, summarize

    settings, tuning = run.settings, run.tuning.summary
    length = None
    if settings.summary_words is None and settings.summary_sentences is None:
        length = Length(
            words=tuning.words,
            min_sentences=tuning.min_sentences,
            max_sentences=tuning.max_sentences,
        )
    chosen = summarize(
        [s.shown for s in article.sentences],
        headline=article.shown_headline,
        language=article.text_language,
        words=settings.summary_words,
        sentence_count=settings.summary_sentences,
        length=length,
        method=run.summary_method,
    )
    article.summary = [article.sentences[i] for i in chosen]
