"""Word output: the brief as a .docx built with python-docx."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.files import write_atomically
from briefgen.model import Article, Brief
from briefgen.text.persian import has_arabic_script
from briefgen.writers.common import article_meta, brief_heading, brief_window, long_date

PERSIAN_FONT = "Vazirmatn"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """Drop characters that XML 1.0 (and so Word) cannot hold."""
    return _XML_INVALID.sub("", text)


def set_rtl(paragraph, font: str = PERSIAN_FONT) -> None:
    """Mark a paragraph and its runs right-to-left with a complex-script font."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = paragraph._p.get_or_add_pPr()
    if p_pr.find(qn("w:bidi")) is None:
        p_pr.append(OxmlElement("w:bidi"))
    for run in paragraph.runs:
        r_pr = run._r.get_or_add_rPr()
        fonts = r_pr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            r_pr.insert(0, fonts)
        fonts.set(qn("w:cs"), font)
        if r_pr.find(qn("w:rtl")) is None:
            r_pr.append(OxmlElement("w:rtl"))


def add_text(document, text: str, style: str | None = None):
    """Add a paragraph, right-to-left when the text is in Arabic script."""
    paragraph = document.add_paragraph(xml_safe(text), style=style)
    if has_arabic_script(text):
        set_rtl(paragraph)
    return paragraph


def _article(document, article: Article) -> None:
    heading = document.add_heading(xml_safe(article.headline or article.name), level=2)
    if has_arabic_script(article.headline):
        set_rtl(heading)
    meta = document.add_paragraph()
    meta.add_run(xml_safe(" · ".join(article_meta(article)))).italic = True
    if article.translation:
        note = document.add_paragraph()
        note.add_run(xml_safe(article.translation.label)).italic = True
    elif article.untranslated_reason:
        note = document.add_paragraph()
        note.add_run(article.untranslated_reason).bold = True
    for sentence in article.summary:
        add_text(document, sentence.text, style="List Bullet")
    document.add_paragraph(xml_safe(f"Source: {article.source_path}"), style="Caption")


def build_document(brief: Brief):
    """A python-docx Document for ``brief``."""
    import docx

    document = docx.Document()
    document.add_heading(xml_safe(brief_heading(brief)), level=0)
    document.add_paragraph(
        xml_safe(f"Covering {brief_window(brief)}. Generated {long_date(brief.generated.date())}.")
    )
    if not brief.articles:
        document.add_paragraph("No articles in this window.")
    for section in brief.sections:
        document.add_heading(xml_safe(section.country), level=1)
        for article in section.articles:
            _article(document, article)
        if section.undated:
            document.add_heading("Undated", level=3)
            for article in section.undated:
                _article(document, article)
    if brief.skipped or brief.excluded:
        document.add_heading("Not included", level=1)
        for item in [*brief.skipped, *brief.excluded]:
            document.add_paragraph(xml_safe(f"{item.path}: {item.reason}"), style="List Bullet")
    document.core_properties.title = xml_safe(brief_heading(brief))
    return document


def write_docx(brief: Brief, path: Path) -> Path:
    """Write ``brief`` as a Word document at ``path`` (atomically)."""
    document = build_document(brief)
    return write_atomically(path, document.save)
