"""Wording shared by every writer, so DOCX, Markdown and JSON say the same thing."""

from __future__ import annotations

import datetime as dt

from briefgen.model import Article, Brief
from briefgen.window import describe_window

LANGUAGE_NAMES = {"fa": "Persian", "en": "English", "ar": "Arabic", "und": "unknown language"}


def long_date(day: dt.date) -> str:
    """``29 January 2025``."""
    return f"{day.day} {day.strftime('%B %Y')}"


def article_date(article: Article) -> str:
    """Gregorian date with the source's Jalali date in brackets, or "undated"."""
    if article.date is None:
        return "undated"
    text = long_date(article.date)
    return f"{text} ({article.jalali_date} SH)" if article.jalali_date else text


def article_meta(article: Article) -> list[str]:
    """The pieces of an article's source line: outlet, date, language."""
    parts = [article.outlet] if article.outlet else []
    parts.append(article_date(article))
    parts.append(LANGUAGE_NAMES.get(article.language, article.language))
    return parts


def brief_heading(brief: Brief) -> str:
    """Title line: "ICT Partners Weekly Brief — 19 May 2024"."""
    return f"{brief.title} — {long_date(brief.date)}"


def brief_window(brief: Brief) -> str:
    """The covered period in words."""
    return describe_window(brief.window)


def output_stem(brief: Brief) -> str:
    """``brief-YYYY-MM-DD``."""
    return f"brief-{brief.date.isoformat()}"
