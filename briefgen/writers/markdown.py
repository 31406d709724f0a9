"""Markdown output, from the same Brief model as DOCX and JSON."""

from __future__ import annotations

from pathlib import Path

from briefgen.files import write_text_atomically
from briefgen.model import Article, Brief
from briefgen.writers.common import article_meta, brief_heading, brief_window, long_date


def _article(lines: list[str], article: Article) -> None:
    lines += [
        f"### {article.headline or article.name}",
        "",
        f"*{' · '.join(article_meta(article))}*",
        "",
    ]
    if article.translation:
        lines += [f"*{article.translation.label}*", ""]
    elif article.untranslated_reason:
        lines += [f"**{article.untranslated_reason}**", ""]
    lines += [f"- {s.text}" for s in article.summary]
    lines += ["", f"Source: `{article.source_path}`", ""]


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown text."""
    lines = [
        f"# {brief_heading(brief)}",
        "",
        f"Covering {brief_window(brief)}. Generated {long_date(brief.generated.date())}.",
        "",
    ]
    if not brief.articles:
        lines += ["No articles in this window.", ""]
    for section in brief.sections:
        lines += [f"## {section.country}", ""]
        for article in section.articles:
            _article(lines, article)
        if section.undated:
            lines += ["#### Undated", ""]
            for article in section.undated:
                _article(lines, article)
    if brief.skipped or brief.excluded:
        lines += ["## Not included", ""]
        lines += [f"- `{item.path}`: {item.reason}" for item in [*brief.skipped, *brief.excluded]]
        lines.append("")
    return "\n".join(lines)


def write_markdown(brief: Brief, path: Path) -> Path:
    """Write ``brief`` as Markdown at ``path`` (atomically)."""
    return write_text_atomically(path, render_markdown(brief))
