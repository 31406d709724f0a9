"""The brief's first page: title block, executive summary, overview table, table of contents."""

from __future__ import annotations

from docx.shared import Mm, Pt

from briefgen.model import Brief
from briefgen.writers.common import (
    CONTENTS,
    OVERVIEW,
    brief_window,
    empty_message,
    generated_line,
    overview_rows,
    overview_sentence,
)
from briefgen.writers.docx.builder import BriefDocument
from briefgen.writers.docx.ooxml import (
    add_hyperlink,
    add_run,
    repeat_header_row,
    set_column_widths,
    shade_cell,
)
from briefgen.writers.executive import EXECUTIVE_SUMMARY
from briefgen.writers.executive import executive_summary as summary_lines

HEADER_FILL = "DCE6F1"


def title_block(doc: BriefDocument, brief: Brief):
    """Title, organization, window and generation date."""
    doc.paragraph(brief.layout.title, style="Title")
    if brief.layout.organization:
        doc.paragraph(brief.layout.organization, style="Subtitle")
    window = doc.paragraph(f"Covering {brief_window(brief)}", bold=True)
    window.runs[0].font.size = Pt(13)
    doc.paragraph(generated_line(brief), style="Entry Source")


def contents(doc: BriefDocument):
    """The "Contents" title on a new page; returns the paragraph the TOC field replaces."""
    title = doc.paragraph(CONTENTS, style="TOC Heading")
    title.paragraph_format.page_break_before = True
    return doc.paragraph("")


def section_bookmark(number: int) -> str:
    """The bookmark of the ``number``-th country section (the overview table links to it)."""
    return f"_Section{number}"


def executive_summary(doc: BriefDocument, brief: Brief) -> None:
    """One line per country section: its name (linked to the section), the main development."""
    lines = summary_lines(brief)
    if not lines:
        return
    doc.heading(EXECUTIVE_SUMMARY, 1)
    for line in lines:
        paragraph = doc.add_paragraph("List Bullet")
        link = add_hyperlink(paragraph, line.country, anchor=section_bookmark(line.number))
        link.bold = True
        add_run(paragraph, " — ")
        doc.add_text(paragraph, line.text)


def overview(doc: BriefDocument, brief: Brief) -> None:
    """The executive summary, then the overview heading, one summary line and the
    country × articles × dates table."""
    executive_summary(doc, brief)
    doc.heading(OVERVIEW, 1)
    if not brief.sections:
        doc.paragraph(empty_message(brief))
        return
    doc.paragraph(overview_sentence(brief))
    rows = overview_rows(brief)
    table = doc.document.add_table(rows=1, cols=3)
    table.style = doc.document.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("Country", "Articles", "Dates"), strict=True):
        add_run(cell.paragraphs[0], text, bold=True)
        shade_cell(cell, HEADER_FILL)
    repeat_header_row(table.rows[0])
    for number, row in enumerate(rows, 1):
        cells = table.add_row().cells
        add_hyperlink(cells[0].paragraphs[0], row.country, anchor=section_bookmark(number))
        add_run(cells[1].paragraphs[0], row.articles)
        add_run(cells[2].paragraphs[0], row.span)
    set_column_widths(table, (Mm(75), Mm(35), Mm(56)))
    total = table.add_row().cells
    add_run(total[0].paragraphs[0], "Total", bold=True)
    add_run(total[1].paragraphs[0], str(sum(r.entries for r in rows)), bold=True)
    doc.paragraph("")
