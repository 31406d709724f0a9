"""One translated article as text, JSON or Word (``briefgen translate``).

Every format carries the machine-translation marking; ``bilingual`` pairs each Persian
source sentence with its English translation.
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
        },
        "sentences": [
            {"index": s.index, "paragraph": s.paragraph, "source": s.text, "text": s.shown}
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
    document.add_heading(xml_safe(article.shown_headline or article.name), level=1)
    document.add_paragraph().add_run(xml_safe(_label(article))).italic = True
    if bilingual:
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        pairs = [(article.headline, article.shown_headline)]
        pairs += [(s.text, s.shown) for s in article.sentences]
        for persian, english in pairs:
            cells = table.add_row().cells
            cells[0].paragraphs[0].add_run(xml_safe(persian))
            set_rtl(cells[0].paragraphs[0])
            cells[1].paragraphs[0].add_run(xml_safe(english))
    else:
        for group in _paragraphs(article):
            document.add_paragraph(xml_safe(" ".join(s.shown for s in group)))
    document.add_paragraph(xml_safe(f"Source: {article.source_path}"), style="Caption")
    return write_atomically(path, document.save)
