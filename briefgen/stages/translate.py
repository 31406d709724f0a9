"""Translation stage: all Persian sentences of a run go to the translator in one call.

Each article's headline and every :class:`~briefgen.model.Sentence` are translated; the
Persian text stays in ``headline_source`` and ``sentence.source``, so every English
sentence links back to the Persian sentence it came from.

``prepare`` (the glossary's hook) turns each source text into the text sent to the
model and the English terms that must come out, e.g. a Persian name replaced by its
canonical Latin-script form; terms missing from the English are listed in
``article.translation.missing_terms``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from briefgen.model import Article, Translation

Progress = Callable[[str, int, int], None]
Prepare = Callable[[str], tuple[str, list[str]]]


class Translator(Protocol):
    """What the stage needs from a loaded translation model."""

    info: Translation

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """English for each source sentence, in order."""
        ...


def translate_articles(
    articles: list[Article],
    translator: Translator,
    progress: Progress | None = None,
    *,
    prepare: Prepare | None = None,
) -> None:
    """Translate headline and sentences of every article; keep each Persian source sentence."""
    texts: list[str] = []
    required: list[list[str]] = []
    for article in articles:
        for text in [article.headline, *(s.text for s in article.sentences)]:
            sent, terms = prepare(text) if prepare is not None else (text, [])
            texts.append(sent)
            required.append(list(terms))
    english = iter(translator.translate(texts, progress=progress))
    terms_of = iter(required)

    def take(missing: list[str]) -> str:
        text, terms = next(english), next(terms_of)
        missing.extend(t for t in terms if t not in text and t not in missing)
        return text

    for article in articles:
        missing: list[str] = []
        article.headline_source = article.headline
        article.headline = take(missing)
        for sentence in article.sentences:
            sentence.source = sentence.text
            sentence.text = take(missing)
        article.translation = Translation(
            engine=translator.info.engine,
            package=translator.info.package,
            version=translator.info.version,
            is_test_model=translator.info.is_test_model,
            missing_terms=missing,
        )
