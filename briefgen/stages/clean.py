"""Boilerplate removal for plain-text scrapes (first cut; being deepened)."""

from __future__ import annotations

from briefgen.model import Article
from briefgen.text.sentences import split_paragraphs


def clean_stage(article: Article) -> None:
    """Fill headline, meta_lines, paragraphs and removed from ``article.raw_text``."""
    lines = split_paragraphs(article.raw_text)
    if lines:
        article.headline = lines[0]
        article.paragraphs = lines[1:]
