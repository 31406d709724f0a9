"""Word fields: the table of contents, page numbers, and ``w:updateFields`` so Word
refreshes them when the brief is opened.

The TOC field carries its result already filled in (one linked line per heading), so
the contents show even where fields are not refreshed (LibreOffice's converter, Word
when the reader declines the update); refreshing adds the page numbers.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefgen.writers.common import is_rtl
from briefgen.writers.docx.builder import BriefDocument, Heading
from briefgen.writers.docx.ooxml import add_hyperlink, element, tag_names, xml_safe
from briefgen.writers.docx.styles import TOC_STYLES

TOC_INSTRUCTION = ' TOC \\o "1-3" \\h \\z \\u '

#: Children of w:settings that come after w:updateFields (ECMA-376 CT_Settings).
_AFTER_UPDATE_FIELDS = tag_names(
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema "
    "themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures "
    "forceUpgrade captions readModeInkLockDown smartTagType schemaLibrary shapeDefaults "
    "doNotEmbedSmartTags decimalSymbol listSeparator"
)


def _field_char(kind: str, *, dirty: bool = False):
    run = element("w:r")
    char = element("w:fldChar", w_fldCharType=kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def _instruction(text: str):
    run = element("w:r")
    instr = element("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    run.append(instr)
    return run


def add_field(paragraph: Paragraph, instruction: str, result: str = "") -> None:
    """Append a field (``PAGE``, ``NUMPAGES``…) with ``result`` as its current value."""
    p = paragraph._p
    p.append(_field_char("begin"))
    p.append(_instruction(f" {instruction} "))
    p.append(_field_char("separate"))
    if result:
        p.append(paragraph.add_run(xml_safe(result))._r)
    p.append(_field_char("end"))


def insert_toc(doc: BriefDocument, placeholder: Paragraph) -> None:
    """Replace ``placeholder`` with a TOC field whose result lists ``doc``'s headings,
    the entries of Persian headings right-to-left.

    The begin mark sits in the first entry, the end mark in the last, as Word writes it.
    """
    entries = list(doc.headings) or [Heading("No headings", 1, "")]
    paragraphs = []
    for heading in entries:
        paragraph = doc.add_paragraph(TOC_STYLES[min(heading.level, 3)], before=placeholder)
        if heading.bookmark:
            add_hyperlink(paragraph, heading.text, anchor=heading.bookmark)
        else:
            paragraph.add_run(heading.text)
        if is_rtl(heading.text):
            doc.make_rtl(paragraph)
        paragraphs.append(paragraph)
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    start = first.pPr.getnext() if first.pPr is not None else first[0]
    for node in (
        _field_char("begin", dirty=True),
        _instruction(TOC_INSTRUCTION),
        _field_char("separate"),
    ):
        start.addprevious(node)
    last.append(_field_char("end"))
    placeholder._p.getparent().remove(placeholder._p)


def enable_update_fields(document) -> None:
    """Ask Word (and LibreOffice) to refresh every field when the document is opened."""
    settings = document.settings.element
    update = settings.find(qn("w:updateFields"))
    if update is None:
        update = element("w:updateFields")
        for sibling in settings:
            if sibling.tag.rsplit("}", 1)[-1] in _AFTER_UPDATE_FIELDS:
                sibling.addprevious(update)
                break
        else:
            settings.append(update)
    update.set(qn("w:val"), "true")
