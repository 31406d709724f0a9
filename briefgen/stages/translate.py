"""Translation stage: all Persian sentences of a run go to the translator in one batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from briefgen.model import Article, Translation


class Translator(Protocol):
    """What the stage needs from a loaded translation model."""

    info: Translation

    def translate(
        self, texts: list[str], progress: Callable[[str, int, int], None] | None = None
    ) -> list[str]:
        """English for each source sentence, in order."""
        ...


def translate_articles(
    articles: list[Article],
    translator: Translator,
    progress: Callable[[str, int, int], None] | None = None,
) -> None:
    """Translate headline and sentences of every article; keep each Persian source sentence."""
    texts: list[str] = []
    for article in articles:
        texts.append(article.headline)
        texts.extend(s.text for s in article.sentences)
    english = iter(translator.translate(texts, progress=progress))
    for article in articles:
        article.headline_source = article.headline
        article.headline = next(english)
        for sentence in article.sentences:
            sentence.source = sentence.text
            sentence.text = next(english)
        article.translation = Translation(
            engine=translator.info.engine,
            package=translator.info.package,
            version=translator.info.version,
            is_test_model=translator.info.is_test_model,
        )
