"""The brief's styles: Word's built-in ones (Heading 1–3, Title, List Bullet, toc 1–3,
Hyperlink) set up so Persian text anywhere gets a font with Persian glyphs, plus a few
of the brief's own (entry source line, notes, Persian paragraphs)."""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from briefgen.writers.docx.ooxml import P_PR_ORDER, element, ordered_child, r_property

#: Default complex-script font: shipped with Windows and macOS, and has Persian glyphs.
PERSIAN_FONT = "Tahoma"
#: Persian body text size in points (Arabic script reads small at the Latin size).
PERSIAN_SIZE = 12
PERSIAN_LANGUAGE = "fa-IR"

META = "Entry Source"
NOTE = "Entry Note"
PERSIAN = "Persian Text"
LABEL = "Entry Label"
TOC_STYLES = {1: "toc 1", 2: "toc 2", 3: "toc 3"}

PAPER = {"a4": (Mm(210), Mm(297)), "letter": (Mm(215.9), Mm(279.4))}
MARGIN = Mm(22)


def setup_styles(document, persian_font: str = PERSIAN_FONT) -> None:
    """Prepare ``document``'s styles for the brief."""
    styles_element = document.styles.element
    _complex_script_defaults(styles_element, persian_font)
    styles = document.styles
    for level in (1, 2, 3):
        _toc_style(styles, level)
    _hyperlink_style(styles)
    meta = _paragraph_style(styles, META, size=10, italic=True, color="595959")
    meta.paragraph_format.space_after = Pt(4)
    note = _paragraph_style(styles, NOTE, size=10, color="595959")
    note.paragraph_format.space_after = Pt(4)
    label = _paragraph_style(styles, LABEL, size=11, bold=True, color="404040")
    label.paragraph_format.space_before = Pt(8)
    label.paragraph_format.space_after = Pt(2)
    label.paragraph_format.keep_with_next = True
    persian = _paragraph_style(styles, PERSIAN, size=11)
    ordered_child(persian.element.get_or_add_pPr(), "w:bidi", P_PR_ORDER)
    rtl_run_properties(persian.element.get_or_add_rPr(), persian_font, PERSIAN_SIZE)
    list_bullet = styles["List Bullet"]
    list_bullet.paragraph_format.space_after = Pt(3)


def setup_page(document, paper: str = "A4") -> None:
    """Paper size and margins of every section."""
    width, height = PAPER.get(paper.casefold(), PAPER["a4"])
    for section in document.sections:
        section.page_width, section.page_height = width, height
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN


def language_tag(code: str) -> str:
    """The BCP 47 tag Word wants for a complex-script language: ``fa-IR``, ``ar-EG``…
    (CLDR's likely region for the language)."""
    if code == "fa":
        return PERSIAN_LANGUAGE
    from babel.core import get_global

    likely = str(get_global("likely_subtags").get(code, code))
    parts = likely.split("_")
    region = parts[-1] if len(parts) > 1 and parts[-1].isupper() else None
    return f"{code}-{region}" if region else code


def rtl_run_properties(
    r_pr, font: str, size: float | None, bold: bool = False, language: str = PERSIAN_LANGUAGE
) -> None:
    """Right-to-left run properties: complex-script font, size, bold, ``w:rtl`` and language
    (a BCP 47 tag, Persian unless given)."""
    fonts = r_property(r_pr, "w:rFonts")
    fonts.set(qn("w:cs"), font)
    for theme in ("w:cstheme",):
        fonts.attrib.pop(qn(theme), None)
    if bold:
        r_property(r_pr, "w:bCs")
    if size:
        r_property(r_pr, "w:szCs", w_val=str(round(size * 2)))
    r_property(r_pr, "w:rtl")
    r_property(r_pr, "w:lang", w_bidi=language)


def _complex_script_defaults(styles_element, font: str) -> None:
    """Every style's complex-script font becomes ``font`` (theme fonts would win over it)."""
    defaults = styles_element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    r_property(r_pr, "w:rFonts")
    r_property(r_pr, "w:szCs", w_val=str(PERSIAN_SIZE * 2))
    r_property(r_pr, "w:lang", w_bidi=PERSIAN_LANGUAGE)
    for fonts in styles_element.iter(qn("w:rFonts")):
        fonts.attrib.pop(qn("w:cstheme"), None)
        fonts.set(qn("w:cs"), font)


def _paragraph_style(
    styles,
    name: str,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    color: str | None = None,
):
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(size)
    font.bold = bold or None
    font.italic = italic or None
    if color:
        font.color.rgb = RGBColor.from_string(color)
    return style


def _toc_style(styles, level: int) -> None:
    """Word's built-in ``toc N`` style, which a TOC update fills."""
    style = styles.add_style(TOC_STYLES[level], WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), f"TOC{level}")
    style.base_style = styles["Normal"]
    style.next_paragraph_style = styles["Normal"]
    style.priority = 39
    style.unhide_when_used = True
    fmt = style.paragraph_format
    fmt.left_indent = Mm(5 * (level - 1))
    fmt.space_after = Pt(2 if level > 1 else 4)
    if level == 1:
        style.font.bold = True
    p_pr = style.element.get_or_add_pPr()
    tabs = ordered_child(p_pr, "w:tabs", P_PR_ORDER)
    tabs.append(element("w:tab", w_val="right", w_leader="dot", w_pos="9350"))


def _hyperlink_style(styles) -> None:
    style = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    style.priority = 99
    style.unhide_when_used = True
    style.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    style.font.underline = True
