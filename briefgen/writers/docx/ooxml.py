"""Low-level WordprocessingML helpers python-docx lacks: XML-safe text, children in
schema order, bookmarks, hyperlinks.

Word refuses (or "repairs") a document whose property elements are out of the
order the schema gives, so every element added here goes in at its schema place.
"""

from __future__ import annotations

import re

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def tag_names(text: str) -> tuple[str, ...]:
    """Element names listed in ``text``, in order."""
    return tuple(text.split())


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

#: Children of w:pPr, in schema order (ECMA-376 CT_PPr).
P_PR_ORDER = tag_names(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
)

#: Children of w:rPr, in schema order (ECMA-376 CT_RPr).
R_PR_ORDER = tag_names(
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint "
    "noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u "
    "effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
)

#: Children of w:tcPr, in schema order (ECMA-376 CT_TcPr).
TC_PR_ORDER = tag_names(
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark"
)

#: Children of w:trPr that we use, in schema order.
TR_PR_ORDER = tag_names(
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader"
)


def xml_safe(text: str | None) -> str:
    """``text`` without the characters XML 1.0 (and so Word) cannot hold."""
    return _XML_INVALID.sub("", text or "")


def element(tag: str, **attributes: str):
    """A new ``w:`` element; attribute names use ``_`` for ``:`` (``w_val``)."""
    node = OxmlElement(tag)
    for name, value in attributes.items():
        node.set(qn(name.replace("_", ":", 1)), value)
    return node


def ordered_child(parent, tag: str, order: tuple[str, ...] | list[str], **attributes: str):
    """The ``tag`` child of ``parent`` (created at its schema place), with ``attributes`` set."""
    local = tag.split(":", 1)[1]
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        later = order[order.index(local) + 1 :]
        for sibling in parent:
            name = sibling.tag.rsplit("}", 1)[-1]
            if name in later:
                sibling.addprevious(child)
                break
        else:
            parent.append(child)
    for name, value in attributes.items():
        child.set(qn(name.replace("_", ":", 1)), value)
    return child


def p_property(paragraph: Paragraph, tag: str, **attributes: str):
    """Set (or add) a paragraph property element such as ``w:bidi``."""
    return ordered_child(paragraph._p.get_or_add_pPr(), tag, P_PR_ORDER, **attributes)


def r_property(run_or_rpr, tag: str, **attributes: str):
    """Set (or add) a run property element such as ``w:szCs`` on a run (or an ``w:rPr``)."""
    r_pr = run_or_rpr._r.get_or_add_rPr() if isinstance(run_or_rpr, Run) else run_or_rpr
    return ordered_child(r_pr, tag, R_PR_ORDER, **attributes)


def add_run(paragraph: Paragraph, text: str, *, bold: bool = False, italic: bool = False) -> Run:
    """Append a run of XML-safe ``text``."""
    run = paragraph.add_run(xml_safe(text))
    if bold:
        run.bold = True
    if italic:
        run.italic = True
    return run


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Wrap the paragraph's content in a bookmark called ``name``."""
    start = element("w:bookmarkStart", w_id=str(bookmark_id), w_name=name)
    end = element("w:bookmarkEnd", w_id=str(bookmark_id))
    p = paragraph._p
    p_pr = p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def add_hyperlink(
    paragraph: Paragraph, text: str, *, url: str | None = None, anchor: str | None = None
) -> Run:
    """Append a link to ``url`` (external) or to the bookmark ``anchor``; returns its run."""
    link = element("w:hyperlink")
    if url is not None:
        rel_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        link.set(qn("r:id"), rel_id)
    if anchor is not None:
        link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = Run(OxmlElement("w:r"), paragraph)
    run.text = xml_safe(text)
    run._r.get_or_add_rPr().style = "Hyperlink"  # the id of the style styles.py adds
    link.append(run._r)
    paragraph._p.append(link)
    return run


def shade_cell(cell, fill: str) -> None:
    """Give a table cell a solid background colour (hex RGB)."""
    tc_pr = cell._tc.get_or_add_tcPr()
    ordered_child(tc_pr, "w:shd", TC_PR_ORDER, w_val="clear", w_color="auto", w_fill=fill)


def repeat_header_row(row) -> None:
    """Repeat ``row`` at the top of every page the table runs onto, and keep it whole."""
    tr_pr = row._tr.get_or_add_trPr()
    ordered_child(tr_pr, "w:cantSplit", TR_PR_ORDER)
    ordered_child(tr_pr, "w:tblHeader", TR_PR_ORDER)


def set_column_widths(table, widths) -> None:
    """Fixed column widths (python-docx ``Length`` values) in the grid and every cell."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width
