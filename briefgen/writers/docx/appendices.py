"""The appendices: non-English originals beside their translations (right to left for
Persian, Arabic and the other RTL languages), glossary terms used, sources, and the
articles left out and why."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from string import ascii_uppercase

from docx.shared import Mm, Pt

from briefgen.model import Article, Brief, Skipped
from briefgen.writers.common import (
    APPENDIX_GLOSSARY,
    APPENDIX_NOT_INCLUDED,
    APPENDIX_ORIGINALS,
    APPENDIX_SOURCES,
    ENGLISH_TRANSLATION,
    NO_TRANSLATION,
    GlossaryTerm,
    ParallelParagraph,
    all_articles,
    article_title,
    glossary_terms,
    is_rtl_language,
    not_included,
    original_articles,
    original_headline,
    original_label,
    parallel_paragraphs,
    source_details,
    web_link,
)
from briefgen.writers.docx.builder import BriefDocument
from briefgen.writers.docx.front import HEADER_FILL
from briefgen.writers.docx.ooxml import (
    add_hyperlink,
    add_run,
    repeat_header_row,
    set_column_widths,
    shade_cell,
)
from briefgen.writers.docx.styles import LABEL, META, NOTE, PERSIAN_SIZE, language_tag

#: How an original numbers its paragraphs: Persian and Arabic digits, else ASCII.
_DIGITS = {
    "fa": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
    "ar": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
}


def appendices(doc: BriefDocument, brief: Brief) -> None:
    """Each non-empty appendix on a new page, lettered A, B, C… in this order."""
    parts: list[tuple[str, Sequence, Callable]] = [
        (APPENDIX_ORIGINALS, original_articles(brief), _originals),
        (APPENDIX_GLOSSARY, glossary_terms(brief), _glossary),
        (APPENDIX_SOURCES, all_articles(brief), _sources),
        (APPENDIX_NOT_INCLUDED, not_included(brief), _not_included),
    ]
    letters = iter(ascii_uppercase)
    for title, items, write in parts:
        if items:
            doc.heading(f"Appendix {next(letters)}. {title}", 1, page_break=True)
            write(doc, items)


def _originals(doc: BriefDocument, articles: list[Article]) -> None:
    for article in articles:
        doc.heading(article_title(article), 2)
        doc.paragraph(" · ".join([*source_details(article), article.name]), style=META, rtl=False)
        paragraphs = parallel_paragraphs(article)
        if article.translation:
            doc.paragraph(article.translation.label, style=NOTE, italic=True)
            doc.paragraph(ENGLISH_TRANSLATION, style=LABEL)
            doc.paragraph(article.shown_headline, bold=True)
            for item in paragraphs:
                doc.paragraph(f"[{item.number}] {item.english}")
        else:
            reason = (article.untranslated_reason or "not translated").removeprefix(
                "Not translated: "
            )
            doc.paragraph(NO_TRANSLATION.format(reason=reason), style=NOTE, italic=True)
        label = doc.paragraph(original_label(article), style=LABEL)
        label.paragraph_format.keep_with_next = True
        _original(doc, article, paragraphs)


def _original(doc: BriefDocument, article: Article, paragraphs: list[ParallelParagraph]) -> None:
    """The headline and numbered paragraphs as the source wrote them, in its direction."""
    digits = _DIGITS.get(article.language, {})
    if is_rtl_language(article.language):
        tag = language_tag(article.language)
        doc.persian(original_headline(article), size=PERSIAN_SIZE + 1, bold=True, language=tag)
        for item in paragraphs:
            number = str(item.number).translate(digits)
            doc.persian(f"[{number}] {item.original}", language=tag)
        return
    doc.paragraph(original_headline(article), rtl=False, bold=True)
    for item in paragraphs:
        doc.paragraph(f"[{item.number}] {item.original}", rtl=False)


def _glossary(doc: BriefDocument, terms: list[GlossaryTerm]) -> None:
    doc.paragraph(
        "Official names and titles the glossary matched in this brief's articles; "
        "titles are those valid on the articles' dates."
    )
    table = doc.document.add_table(rows=1, cols=5)
    table.style = doc.document.styles["Table Grid"]
    headers = ("Term", "Persian", "Kind", "Title", "Articles")
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        add_run(cell.paragraphs[0], text, bold=True)
        shade_cell(cell, HEADER_FILL)
    repeat_header_row(table.rows[0])
    for term in terms:
        cells = table.add_row().cells
        add_run(cells[0].paragraphs[0], term.canonical)
        if term.persian:
            persian = cells[1].paragraphs[0]
            add_run(persian, term.persian)
            doc.make_rtl(persian, size=10)
        add_run(cells[2].paragraphs[0], term.kind)
        add_run(cells[3].paragraphs[0], "; ".join(term.titles))
        add_run(cells[4].paragraphs[0], str(term.articles))
    set_column_widths(table, (Mm(40), Mm(36), Mm(25), Mm(45), Mm(20)))
    for row in table.rows:
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)


def _sources(doc: BriefDocument, articles: list[Article]) -> None:
    for article in articles:
        paragraph = doc.add_paragraph("List Number")
        doc.add_text(paragraph, article_title(article), bold=True)
        if article.is_translated and article.headline:
            add_run(paragraph, " (")
            doc.add_text(paragraph, article.headline)
            doc.add_text(paragraph, ")")
        doc.add_text(paragraph, " — " + " · ".join(source_details(article)) + " · ")
        url = web_link(article.url)
        if url:
            add_hyperlink(paragraph, url, url=url)
            add_run(paragraph, " · ")
        add_run(paragraph, f"file {article.source_path}", italic=True)


def _not_included(doc: BriefDocument, items: list[Skipped]) -> None:
    for item in items:
        paragraph = doc.add_paragraph("List Bullet")
        doc.add_text(paragraph, str(item.path), italic=True)
        doc.add_text(paragraph, f": {item.reason}")
