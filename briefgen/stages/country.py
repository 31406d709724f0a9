"""Partner country of an article (first cut; being deepened)."""

from __future__ import annotations

from briefgen.model import DOMESTIC, Article


def country_stage(article: Article) -> None:
    """Set ``article.country`` to the story's main foreign counterpart or Iran (domestic)."""
    article.country = DOMESTIC
