"""The body: one section per partner country, one entry per article (or merged story)."""

from __future__ import annotations

from docx.shared import RGBColor

from briefgen.model import REVIEWED, Article, Brief
from briefgen.writers.common import (
    UNDATED,
    also_reported_text,
    article_meta,
    article_title,
    is_rtl_language,
    key_people,
    link_label,
    person_text,
    web_link,
)
from briefgen.writers.docx.builder import BriefDocument
from briefgen.writers.docx.front import section_bookmark
from briefgen.writers.docx.ooxml import add_hyperlink, add_run
from briefgen.writers.docx.styles import META, NOTE, PERSIAN_LANGUAGE, language_tag

SOURCE_GREY = RGBColor(0x59, 0x59, 0x59)


def country_sections(doc: BriefDocument, brief: Brief) -> None:
    """Heading 1 per country; its dated entries (Heading 2), then an "Undated" part."""
    for number, section in enumerate(brief.sections, 1):
        doc.heading(section.country, 1, page_break=number == 1, bookmark=section_bookmark(number))
        for article in section.articles:
            entry(doc, article, level=2, show_source=brief.layout.show_source)
        if section.undated:
            doc.heading(f"{UNDATED} ({section.country})", 2)
            for article in section.undated:
                entry(doc, article, level=3, show_source=brief.layout.show_source)


def entry(doc: BriefDocument, article: Article, *, level: int, show_source: bool) -> None:
    """Headline, source line, translation note, summary bullets, key people, also reported."""
    rtl_source = is_rtl_language(article.language)
    tag = language_tag(article.language) if rtl_source else PERSIAN_LANGUAGE
    doc.heading(article_title(article), level, language=tag)
    meta = doc.paragraph(" · ".join(article_meta(article)), style=META, rtl=False)
    url = web_link(article.url)
    if url:
        add_run(meta, " · ")
        add_hyperlink(meta, link_label(url), url=url)
    if article.translation:
        doc.paragraph(article.translation.label, style=NOTE, italic=True)
    elif article.untranslated_reason:
        doc.paragraph(article.untranslated_reason, style=NOTE, bold=True)
    for sentence in article.summary:
        bullet = doc.paragraph(sentence.shown, style="List Bullet", language=tag)
        if sentence.reviewed:
            add_run(bullet, f" ({REVIEWED})", italic=True)
        if show_source and article.is_translated:
            if rtl_source:
                source = doc.persian(sentence.text, style="List Continue", size=10.5, language=tag)
            else:
                source = doc.paragraph(sentence.text, style="List Continue", rtl=False)
            for run in source.runs:
                run.font.color.rgb = SOURCE_GREY
    people = key_people(article)
    if people:
        doc.labelled("Key people", "; ".join(person_text(n, t) for n, t in people), style=NOTE)
    also = also_reported_text(article)
    if also:
        doc.labelled("Also reported by", also, style=NOTE)
