"""Sentence units of the clean body: what summaries pick and translation translates."""

from __future__ import annotations

from briefgen.model import Article, Sentence
from briefgen.text.sentences import split_sentences


def sentence_stage(article: Article) -> None:
    """Split ``article.paragraphs`` into numbered :class:`Sentence` objects."""
    sentences: list[Sentence] = []
    for number, paragraph in enumerate(article.paragraphs):
        for text in split_sentences(paragraph, article.language):
            sentences.append(Sentence(text=text, index=len(sentences), paragraph=number))
    article.sentences = sentences
