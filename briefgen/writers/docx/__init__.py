"""Word output: the brief as a .docx that Word and LibreOffice open as written.

Layout (modules in reading order): ``front`` (title block, overview table, table of
contents), ``sections`` (one per partner country), ``appendices`` (originals and
translations, glossary terms, sources, what was left out), ``page`` (header, footer
with page numbers, document properties). ``styles``, ``fields``, ``builder`` and
``ooxml`` are the helpers they share: built-in styles with a Persian complex-script
font, TOC and page fields, right-to-left paragraphs, XML-safe text.

The package imports python-docx: import it only when writing a DOCX.
"""

from __future__ import annotations

from pathlib import Path

import docx

from briefgen.files import write_atomically
from briefgen.model import Brief
from briefgen.writers.docx.appendices import appendices
from briefgen.writers.docx.builder import BriefDocument
from briefgen.writers.docx.fields import enable_update_fields, insert_toc
from briefgen.writers.docx.front import contents, overview, title_block
from briefgen.writers.docx.ooxml import xml_safe
from briefgen.writers.docx.page import header_and_footer, properties
from briefgen.writers.docx.sections import country_sections
from briefgen.writers.docx.styles import PERSIAN_FONT, setup_page, setup_styles

__all__ = ["PERSIAN_FONT", "build_document", "write_docx", "xml_safe"]


def build_document(brief: Brief):
    """A python-docx ``Document`` for ``brief``."""
    font = xml_safe(brief.layout.persian_font).strip() or PERSIAN_FONT
    document = docx.Document()
    setup_styles(document, font)
    setup_page(document, brief.layout.paper)
    doc = BriefDocument(document, persian_font=font)
    title_block(doc, brief)
    overview(doc, brief)
    toc_placeholder = contents(doc)
    country_sections(doc, brief)
    appendices(doc, brief)
    insert_toc(doc, toc_placeholder)
    header_and_footer(doc, brief)
    properties(document, brief)
    enable_update_fields(document)
    return document


def write_docx(brief: Brief, path: Path) -> Path:
    """Write ``brief`` as a Word document at ``path`` (atomically)."""
    document = build_document(brief)
    return write_atomically(path, document.save)
