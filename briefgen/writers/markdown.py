"""Markdown output, from the same Brief model and wording as the DOCX and JSON."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.files import write_text_atomically
from briefgen.model import REVIEWED, Article, Brief
from briefgen.writers.common import (
    APPENDIX_GLOSSARY,
    APPENDIX_NOT_INCLUDED,
    APPENDIX_ORIGINALS,
    APPENDIX_SOURCES,
    CONTENTS,
    ENGLISH_TRANSLATION,
    NO_TRANSLATION,
    OVERVIEW,
    UNDATED,
    all_articles,
    also_reported_text,
    article_meta,
    article_title,
    brief_window,
    empty_message,
    generated_line,
    glossary_terms,
    is_rtl_language,
    key_people,
    link_label,
    not_included,
    original_articles,
    original_headline,
    original_label,
    overview_rows,
    overview_sentence,
    parallel_paragraphs,
    person_text,
    source_details,
    web_link,
)
from briefgen.writers.executive import EXECUTIVE_SUMMARY, executive_summary

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    """``text`` with Markdown's special characters escaped, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def file_name(path: object) -> str:
    """A file's path for a code span: control characters (an escape sequence in a name)
    as ``\\x1b``, a backtick as ``'``, so the name can neither break the line nor drive a
    terminal that shows the file."""

    def code(match: re.Match[str]) -> str:
        number = ord(match.group())
        return f"\\x{number:02x}" if number < 0x100 else f"\\u{number:04x}"

    return _CONTROL.sub(code, str(path)).replace("`", "'")


def anchor(text: str) -> str:
    """The anchor GitHub-style renderers give a heading: ``Iran (domestic)`` → ``iran-domestic``."""
    slug = re.sub(r"[^\w\- ]", "", text.strip().casefold())
    return slug.replace(" ", "-")


def _entry(lines: list[str], article: Article, level: int, show_source: bool) -> None:
    meta = " · ".join(escape(p) for p in article_meta(article))
    url = web_link(article.url)
    if url:
        meta += f" · [{escape(link_label(url))}]({url})"
    lines += [f"{'#' * level} {escape(article_title(article))}", "", f"*{meta}*", ""]
    if article.translation:
        lines += [f"*{escape(article.translation.label)}*", ""]
    elif article.untranslated_reason:
        lines += [f"**{escape(article.untranslated_reason)}**", ""]
    for sentence in article.summary:
        mark = f" *({REVIEWED})*" if sentence.reviewed else ""
        lines.append(f"- {escape(sentence.shown)}{mark}")
        if show_source and article.is_translated:
            lines.append(f"  > {escape(sentence.text)}")
    if article.summary:
        lines.append("")
    people = key_people(article)
    if people:
        lines += [f"**Key people:** {escape('; '.join(person_text(*p) for p in people))}", ""]
    also = also_reported_text(article)
    if also:
        lines += [f"**Also reported by:** {escape(also)}", ""]


def _front(lines: list[str], brief: Brief) -> None:
    layout = brief.layout
    lines += [f"# {escape(layout.title)}", ""]
    if layout.header:
        lines += [f"**{escape(layout.header)}**", ""]
    if layout.organization:
        lines += [escape(layout.organization), ""]
    lines += [f"**Covering {escape(brief_window(brief))}**", "", f"*{generated_line(brief)}*", ""]
    summary = executive_summary(brief)
    if summary:
        lines += [f"## {EXECUTIVE_SUMMARY}", ""]
        lines += [
            f"- **[{escape(line.country)}](#{anchor(line.country)})** — {escape(line.text)}"
            for line in summary
        ]
        lines.append("")
    lines += [f"## {OVERVIEW}", ""]
    if not brief.sections:
        lines += [escape(empty_message(brief)), ""]
        return
    lines += [
        escape(overview_sentence(brief)),
        "",
        "| Country | Articles | Dates |",
        "|---|---|---|",
    ]
    rows = overview_rows(brief)
    lines += [f"| {escape(r.country)} | {r.articles} | {escape(r.span)} |" for r in rows]
    lines += [f"| **Total** | **{sum(r.entries for r in rows)}** | |", ""]
    links = " · ".join(f"[{escape(s.country)}](#{anchor(s.country)})" for s in brief.sections)
    lines += [f"**{CONTENTS}:** {links}", ""]


def _appendices(lines: list[str], brief: Brief) -> None:
    letters = iter("ABCDEFGH")
    originals = original_articles(brief)
    if originals:
        lines += [f"## Appendix {next(letters)}. {APPENDIX_ORIGINALS}", ""]
        for article in originals:
            lines += [f"### {escape(article_title(article))}", ""]
            lines += [f"*{escape(' · '.join([*source_details(article), article.name]))}*", ""]
            paragraphs = parallel_paragraphs(article)
            if article.translation:
                lines += [f"*{escape(article.translation.label)}*", ""]
                lines += [
                    f"**{ENGLISH_TRANSLATION}**",
                    "",
                    f"**{escape(article.shown_headline)}**",
                    "",
                ]
                for p in paragraphs:
                    lines += [f"[{p.number}] {escape(p.english or '')}", ""]
            else:
                reason = (article.untranslated_reason or "not translated").removeprefix(
                    "Not translated: "
                )
                lines += [f"*{escape(NO_TRANSLATION.format(reason=reason))}*", ""]
            lines += [f"**{original_label(article)}**", ""]
            original = [f"**{escape(original_headline(article))}**", ""]
            original += [
                line for p in paragraphs for line in (f"[{p.number}] {escape(p.original)}", "")
            ]
            if is_rtl_language(article.language):
                # Markdown has no direction of its own: renderers honour HTML's dir.
                code = escape(article.language)
                original = [f'<div dir="rtl" lang="{code}">', "", *original, "</div>", ""]
            lines += original
    terms = glossary_terms(brief)
    if terms:
        lines += [f"## Appendix {next(letters)}. {APPENDIX_GLOSSARY}", ""]
        lines += ["| Term | Persian | Kind | Title | Articles |", "|---|---|---|---|---|"]
        for t in terms:
            cells = [t.canonical, t.persian or "", t.kind, "; ".join(t.titles), str(t.articles)]
            lines.append("| " + " | ".join(escape(c) for c in cells) + " |")
        lines.append("")
    articles = all_articles(brief)
    if articles:
        lines += [f"## Appendix {next(letters)}. {APPENDIX_SOURCES}", ""]
        for number, article in enumerate(articles, 1):
            title = escape(article_title(article))
            if article.is_translated and article.headline:
                title += f" ({escape(article.headline)})"
            parts = [escape(" · ".join(source_details(article)))]
            url = web_link(article.url)
            if url:
                parts.append(f"<{url}>")
            parts.append(f"file `{file_name(article.source_path)}`")
            lines.append(f"{number}. **{title}** — " + " · ".join(parts))
        lines.append("")
    left_out = not_included(brief)
    if left_out:
        lines += [f"## Appendix {next(letters)}. {APPENDIX_NOT_INCLUDED}", ""]
        lines += [f"- `{file_name(item.path)}`: {escape(item.reason)}" for item in left_out]
        lines.append("")


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown text."""
    layout = brief.layout
    lines: list[str] = []
    _front(lines, brief)
    for section in brief.sections:
        lines += [f"## {escape(section.country)}", ""]
        for article in section.articles:
            _entry(lines, article, 3, layout.show_source)
        if section.undated:
            lines += [f"### {UNDATED} ({escape(section.country)})", ""]
            for article in section.undated:
                _entry(lines, article, 4, layout.show_source)
    _appendices(lines, brief)
    if layout.footer:
        lines += ["---", "", escape(layout.footer), ""]
    return "\n".join(lines)


def write_markdown(brief: Brief, path: Path) -> Path:
    """Write ``brief`` as Markdown at ``path`` (atomically)."""
    return write_text_atomically(path, render_markdown(brief))
