"""The document being written: paragraphs in the right direction, headings recorded for
the table of contents, every string made XML-safe on the way in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from briefgen.writers.common import is_rtl
from briefgen.writers.docx.ooxml import add_bookmark, add_run, p_property, xml_safe
from briefgen.writers.docx.styles import (
    PERSIAN,
    PERSIAN_FONT,
    PERSIAN_LANGUAGE,
    PERSIAN_SIZE,
    rtl_run_properties,
)

_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
_LATIN = "A-Za-z\u00c0-\u024f"
#: Arabic-script words and what lies between them short of a Latin letter or a line's
#: separators: "تهران-مسقط", "«عیسی زارعپور»", "۱۴۰۲/۰۸/۰۴".
_PERSIAN_STRETCH = re.compile(f"[{_ARABIC}](?:[^{_LATIN}·—]*[{_ARABIC}])?")


LRM = "\u200e"


def _is_rtl_run(run) -> bool:
    r_pr = run._r.rPr
    return r_pr is not None and r_pr.find(qn("w:rtl")) is not None


@dataclass
class Heading:
    """A heading written so far: what the table of contents lists and links to."""

    text: str
    level: int
    bookmark: str


@dataclass
class BriefDocument:
    """A python-docx ``Document`` plus what the brief's writers need along the way."""

    document: Any
    persian_font: str = PERSIAN_FONT
    headings: list[Heading] = field(default_factory=list)
    _next_bookmark: int = 1
    _style_ids: dict[str, str] = field(default_factory=dict)

    # --- styles -----------------------------------------------------------------------

    def style_id(self, name: str) -> str:
        """The id of the style called ``name`` (looked up once: python-docx searches the
        styles part by XPath on every use of a name, the writer's slowest step)."""
        if name not in self._style_ids:
            self._style_ids[name] = self.document.styles[name].style_id
        return self._style_ids[name]

    def add_paragraph(self, style: str | None = None, before: Paragraph | None = None) -> Paragraph:
        """An empty paragraph in ``style`` at the end (or before the paragraph ``before``)."""
        paragraph = before.insert_paragraph_before() if before else self.document.add_paragraph()
        if style:
            paragraph._p.style = self.style_id(style)
        return paragraph

    # --- headings ---------------------------------------------------------------------

    def heading(
        self,
        text: str,
        level: int,
        *,
        page_break: bool = False,
        bookmark: str | None = None,
        language: str = PERSIAN_LANGUAGE,
    ) -> Heading:
        """A built-in Heading ``level`` paragraph, bookmarked (``_TocNNN`` unless given)
        for the table of contents; right to left (tagged ``language``) when it starts so."""
        text = " ".join(xml_safe(text).split()) or "(untitled)"
        paragraph = self.add_paragraph("Title" if level == 0 else f"Heading {level}")
        if page_break:
            paragraph.paragraph_format.page_break_before = True
        add_run(paragraph, text)
        if is_rtl(text):
            self.make_rtl(paragraph, size=None, language=language)
        bookmark = bookmark or f"_Toc{100000000 + self._next_bookmark}"
        add_bookmark(paragraph, bookmark, self._next_bookmark)
        self._next_bookmark += 1
        entry = Heading(text, level, bookmark)
        self.headings.append(entry)
        return entry

    # --- paragraphs -------------------------------------------------------------------

    def paragraph(
        self,
        text: str = "",
        style: str | None = None,
        rtl: bool | None = None,
        language: str = PERSIAN_LANGUAGE,
        **run_format,
    ) -> Paragraph:
        """A paragraph of ``text``; right-to-left (tagged ``language``) when ``rtl`` or
        (``None``) when the text starts in a right-to-left script."""
        if rtl or (rtl is None and is_rtl(text)):
            return self.persian(text, style=style, language=language, **run_format)
        paragraph = self.add_paragraph(style)
        self.add_text(paragraph, text, **run_format)
        return paragraph

    def persian(
        self,
        text: str,
        style: str | None = PERSIAN,
        size: float = PERSIAN_SIZE,
        language: str = PERSIAN_LANGUAGE,
        **run_format,
    ) -> Paragraph:
        """A right-to-left paragraph (``size`` in points), whatever it starts with: Persian,
        or the right-to-left ``language`` (a BCP 47 tag such as ``ar-EG``)."""
        paragraph = self.add_paragraph(style)
        add_run(paragraph, text, **run_format)
        self.make_rtl(paragraph, size=size, language=language)
        return paragraph

    def labelled(self, label: str, text: str, style: str | None = None) -> Paragraph:
        """``Label: text`` with the label in bold."""
        paragraph = self.add_paragraph(style)
        add_run(paragraph, f"{label}: ", bold=True)
        self.add_text(paragraph, text)
        return paragraph

    def add_text(self, paragraph: Paragraph, text: str, **run_format) -> None:
        """Append ``text`` to a left-to-right paragraph; Persian stretches become RTL runs.

        Text after a Persian stretch starts with a left-to-right mark, so the bidi
        algorithm does not pull its leading digits or punctuation into the Persian run.
        """
        text = xml_safe(text)
        after_persian = bool(paragraph.runs) and _is_rtl_run(paragraph.runs[-1])
        position = 0
        for match in [*_PERSIAN_STRETCH.finditer(text), None]:
            start = match.start() if match else len(text)
            if start > position:
                plain = text[position:start]
                add_run(paragraph, LRM + plain if after_persian else plain, **run_format)
            if match is None:
                break
            run = add_run(paragraph, match.group(), **run_format)
            rtl_run_properties(
                run._r.get_or_add_rPr(), self.persian_font, PERSIAN_SIZE, bold=bool(run.bold)
            )
            after_persian, position = True, match.end()

    # --- direction --------------------------------------------------------------------

    def make_rtl(
        self,
        paragraph: Paragraph,
        size: float | None = PERSIAN_SIZE,
        language: str = PERSIAN_LANGUAGE,
    ) -> None:
        """Paragraph ``w:bidi``; every run ``w:rtl`` with the Persian font, size, bold and
        the ``language`` tag."""
        p_property(paragraph, "w:bidi")
        for run in paragraph._p.xpath("./w:r | ./w:hyperlink/w:r"):
            r_pr = run.get_or_add_rPr()
            bold = r_pr.b is not None and r_pr.b.val
            rtl_run_properties(r_pr, self.persian_font, size, bold=bool(bold), language=language)
