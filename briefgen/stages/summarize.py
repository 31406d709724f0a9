"""Summary stage: pick the article's key sentences with the project's summarizer."""

from __future__ import annotations

from briefgen.model import Article


def summarize_stage(
    article: Article, *, words: int | None = None, sentence_count: int | None = None
) -> None:
    """Set ``article.summary`` to the chosen sentences, in article order.

    Translated articles are summarized in English; untranslated ones in their own language.
    """
    from briefgen.summarize import summarize

    language = "en" if article.is_translated else article.language
    chosen = summarize(
        [s.text for s in article.sentences],
        headline=article.headline,
        language=language,
        words=words,
        sentence_count=sentence_count,
    )
    article.summary = [article.sentences[i] for i in chosen]
