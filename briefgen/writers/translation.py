"""One translated article as text, JSON or Word (``briefgen translate``).

Every format carries the machine-translation marking; ``bilingual`` pairs each Persian
source sentence with its English translation. The bilingual DOCX is also the form an
analyst corrects and ``briefgen tm import`` reads back (see :mod:`briefgen.tm.bilingual`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefgen.files import write_atomically
from briefgen.model import Article
from briefgen.writers.json import translation_to_dict


def _paragraphs(article: Article) -> list[list]:
    groups: dict[int, list] = {}
    for sentence in article.sentences:
        groups.setdefault(sentence.paragraph, []).append(sentence)
    return [groups[k] for k in sorted(groups)]


def _label(article: Article) -> str:
    return article.translation.label if article.translation else ""


def render_text(article: Article, bilingual: bool = False) -> str:
    """The English article as plain text; with ``bilingual``, Persian line then English."""
    lines: list[str] = []
    if bilingual:
        if article.is_translated and article.headline:
            lines += [article.headline, article.shown_headline, ""]
        for sentence in article.sentences:
            lines += [sentence.text, sentence.shown, ""]
    else:
        if article.shown_headline:
            lines += [article.shown_headline, ""]
        for group in _paragraphs(article):
            lines += [" ".join(s.shown for s in group), ""]
    lines.append(f"[{_label(article)}]")
    return "\n".join(lines) + "\n"


def article_translation_dict(article: Article) -> dict[str, Any]:
    """The translation as data: marking, headline and sentences with their sources."""
    return {
        "source_path": str(article.source_path),
        "language": article.language,
        "translation": translation_to_dict(article.translation),
        "headline": {
            "source": article.headline if article.is_translated else None,
            "text": article.shown_headline,
            "reviewed": article.headline_reviewed,
        },
        "sentences": [
            {
                "index": s.index,
                "paragraph": s.paragraph,
                "source": s.text,
                "text": s.shown,
                "reviewed": s.reviewed,
            }
            for s in article.sentences
        ],
    }


def write_translation_docx(article: Article, path: Path, bilingual: bool = False) -> Path:
    """The translation as a Word document; ``bilingual`` puts Persian and English side by side."""
    import docx

    from briefgen.writers.docx import PERSIAN_FONT, xml_safe
    from briefgen.writers.docx.ooxml import p_property
    from briefgen.writers.docx.styles import rtl_run_properties

    def set_rtl(paragraph) -> None:
        p_property(paragraph, "w:bidi")
        for run in paragraph.runs:
            rtl_run_properties(run._r.get_or_add_rPr(), PERSIAN_FONT, None)

    document = docx.Document()
    document.core_properties.author = document.core_properties.last_modified_by = "briefgen"
    document.core_properties.comments = ""
    document.add_heading(xml_safe(article.shown_headline or article.name), level=1)
    document.add_paragraph().add_run(xml_safe(_label(article))).italic = True
    if bilingual:
        _segment_table(document, article, set_rtl)
    else:
        for group in _paragraphs(article):
            document.add_paragraph(xml_safe(" ".join(s.shown for s in group)))
    document.add_paragraph(xml_safe(f"Source: {article.source_path}"), style="Caption")
    return write_atomically(path, document.save)


def _segment_table(document, article: Article, set_rtl) -> None:
    """Segment | source | English rows, each with the fingerprint ``tm import`` checks."""
    from docx.shared import Cm, Pt, RGBColor

    from briefgen.model import REVIEWED, language_name
    from briefgen.tm import bilingual
    from briefgen.writers.docx import xml_safe

    language = article.translation.source_language if article.translation else article.language
    document.core_properties.keywords = bilingual.keywords(language)
    document.core_properties.comments = bilingual.INSTRUCTIONS
    document.add_paragraph(bilingual.INSTRUCTIONS, style="Caption")
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    heads = ("Segment", f"{language_name(language)} source", "English (correct here)")
    for cell, text in zip(table.rows[0].cells, heads, strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    rows = [(article.headline, article.shown_headline, article.headline_reviewed)]
    rows += [(s.text, s.shown, s.reviewed) for s in article.sentences]
    for number, (source, english, reviewed) in enumerate(rows):
        if not source.strip():
            continue
        cells = table.add_row().cells
        cells[0].paragraphs[0].add_run(str(number) + (f" ({REVIEWED})" if reviewed else ""))
        mark = (
            cells[0]
            .add_paragraph()
            .add_run(bilingual.fingerprint(language, xml_safe(source), xml_safe(english)))
        )
        mark.font.size, mark.font.color.rgb = Pt(6), RGBColor(0x99, 0x99, 0x99)
        cells[1].paragraphs[0].add_run(xml_safe(source))
        set_rtl(cells[1].paragraphs[0])
        cells[2].paragraphs[0].add_run(xml_safe(english))
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, (Cm(2.2), Cm(7.2), Cm(7.2)), strict=True):
            cell.width = width
