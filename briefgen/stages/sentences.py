"""Sentence units of the clean body: what summaries pick and translation translates."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.model import Article, Sentence
from briefgen.text.sentences import split_paragraph_sentences

if TYPE_CHECKING:
    from briefgen.run import Run


def sentence_stage(article: Article, run: Run) -> None:
    """Split the clean body paragraphs into numbered sentences."""
    groups = split_paragraph_sentences(article.paragraphs, article.language)
    article.sentences = [
        Sentence(text=text, index=index, paragraph=number)
        for index, (number, text) in enumerate(
            (number, text) for number, group in enumerate(groups) for text in group
        )
    ]
