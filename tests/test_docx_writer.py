"""The DOCX brief written by the real writer and read back with python-docx and lxml:
styles, headings, TOC field, updateFields, right-to-left Persian, properties."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from briefgen.model import DOMESTIC, UNDETERMINED, Window
from briefgen.writers.docx import write_docx
from briefgen.writers.docx.ooxml import P_PR_ORDER, R_PR_ORDER
from tests.docx_samples import (
    BASRA_FA,
    MUSCAT_FA,
    MUSCAT_FA_HEADLINE,
    PERSIAN_FONT,
    article,
    week_brief,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ARABIC = range(0x0600, 0x0700)


def has_persian(text: str) -> bool:
    return any(ord(c) in ARABIC for c in text)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_docx(week_brief(), tmp_path_factory.mktemp("docx") / "brief.docx")


@pytest.fixture(scope="module")
def document(written: Path):
    return docx.Document(str(written))


@pytest.fixture(scope="module")
def body(written: Path):
    with zipfile.ZipFile(written) as package:
        return etree.fromstring(package.read("word/document.xml"))


def paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def headings(document, level: int) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == f"Heading {level}"]


def body_paragraphs(document) -> list:
    """The paragraphs after the table of contents."""
    return [p for p in document.paragraphs if not p.style.name.startswith("toc ")]


def section(document, heading: str) -> list[str]:
    """Texts of the paragraphs under the Heading 1 ``heading``, up to the next one."""
    texts, inside = [], False
    for p in body_paragraphs(document):
        if p.style.name == "Heading 1":
            inside = p.text == heading
        elif inside:
            texts.append(p.text)
    return texts


def test_sections_are_built_in_headings_ordered_by_article_count(document) -> None:
    h1 = headings(document, 1)
    countries = h1[2 : h1.index(next(h for h in h1 if h.startswith("Appendix")))]
    assert h1[:2] == ["Executive summary", "Overview"]
    assert countries == ["Oman", "Iraq", "Syria", "Turkey", DOMESTIC, UNDETERMINED]
    style = document.styles["Heading 1"]
    assert style.element.get(qn("w:styleId")) == "Heading1"
    outline = style.element.pPr.find(qn("w:outlineLvl"))
    assert outline is not None and outline.get(qn("w:val")) == "0"


def test_each_article_is_a_heading_2_with_its_source_line(document) -> None:
    h2 = headings(document, 2)
    assert "Iran, Oman stress speeding up implementation of ICT agreements" in h2
    assert "Zarepour receives Omani ambassador ahead of Muscat visit" in h2
    assert "Undated (Syria)" in h2
    assert "Syria and Iran discuss space cooperation" in headings(document, 3)
    texts = section(document, "Iraq")
    iraq_meta = texts[texts.index("First Iranian postal shipment reaches Basra") + 1]
    assert iraq_meta.startswith("IRNA · 17 May 2024 (1403/02/28 SH) · Persian")


def test_duplicate_is_merged_into_one_entry_with_also_reported_by(document) -> None:
    texts = section(document, "Oman")
    assert "Emphasis on accelerating the implementation of Tehran-Muscat agreements" not in texts
    also = [t for t in texts if t.startswith("Also reported by:")]
    assert also == ["Also reported by: ISNA (Persian, 15 May 2024)"]
    entry = texts.index("Iran, Oman stress speeding up implementation of ICT agreements")
    assert texts.index(also[0]) > entry


def test_entry_has_link_summary_bullets_key_people_and_translation_note(
    document, written: Path
) -> None:
    paragraphs = body_paragraphs(document)
    texts = [p.text for p in paragraphs]
    start = texts.index("Iran, Oman stress speeding up implementation of ICT agreements")
    entry = paragraphs[start : start + 8]
    assert entry[1].text == "IRNA English · 15 May 2024 · English · en.irna.ir"
    bullets = [p.text for p in entry if p.style.name == "List Bullet"]
    assert bullets[0].startswith("Iran's Minister of Information") and len(bullets) == 3
    people = next(p.text for p in entry if p.text.startswith("Key people:"))
    assert "Issa Zarepour, Minister of ICT" in people
    assert "Saeed bin Hamoud Al Maawali, Minister of Transport" in people
    basra = texts.index("First Iranian postal shipment reaches Basra")
    assert texts[basra + 2].startswith("Machine-translated from Persian (Argos fa→en")
    rels = document.part.rels.values()
    targets = [r.target_ref for r in rels if r.reltype.endswith("/hyperlink")]
    assert "https://en.irna.ir/news/85000001/Iran-Oman-stress%20speeding-up" in targets
    assert all(" " not in t and t.isascii() for t in targets)


def test_toc_field_lists_every_heading_and_links_to_its_bookmark(body) -> None:
    instructions = [t.text for t in body.iter(f"{W}instrText")]
    assert any(i.strip().startswith('TOC \\o "1-3" \\h') for i in instructions)
    begin = body.find(f".//{W}fldChar[@{W}fldCharType='begin']")
    assert begin.get(f"{W}dirty") == "true"
    bookmarks = {b.get(f"{W}name") for b in body.iter(f"{W}bookmarkStart")}
    toc = [p for p in body.iter(f"{W}p") if _style(p) in ("TOC1", "TOC2", "TOC3")]
    heading_texts = [
        paragraph_text(p) for p in body.iter(f"{W}p") if _style(p).startswith("Heading")
    ]
    assert [paragraph_text(p) for p in toc] == heading_texts
    for p in toc:
        link = p.find(f"{W}hyperlink")
        assert link.get(f"{W}anchor") in bookmarks


def _style(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else ""


def test_update_fields_is_set_in_schema_order(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        settings = etree.fromstring(package.read("word/settings.xml"))
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    names = [child.tag.rsplit("}", 1)[1] for child in settings]
    assert names.index("updateFields") < names.index("compat")


def test_persian_appendix_paragraphs_are_right_to_left_with_persian_font(body) -> None:
    persian = [p for p in body.iter(f"{W}p") if has_persian(paragraph_text(p))]
    assert len(persian) >= len(MUSCAT_FA) + 1
    for p in persian:
        text = paragraph_text(p)
        runs = [r for r in p.iter(f"{W}r") if has_persian("".join(r.itertext()))]
        for run in runs:
            r_pr = run.find(f"{W}rPr")
            assert r_pr.find(f"{W}rtl") is not None, text
            assert r_pr.find(f"{W}rFonts").get(f"{W}cs") == PERSIAN_FONT, text
            assert r_pr.find(f"{W}lang").get(f"{W}bidi") == "fa-IR"
        if text.startswith(("[", "\u200f")) or text == MUSCAT_FA_HEADLINE:
            assert p.find(f"{W}pPr/{W}bidi") is not None, text
    originals = [p for p in persian if paragraph_text(p).startswith("[۲] ")]
    assert originals, "numbered Persian paragraphs"
    r_pr = originals[0].find(f"{W}r/{W}rPr")
    assert r_pr.find(f"{W}szCs").get(f"{W}val") == "24"
    headline = [p for p in persian if paragraph_text(p) == MUSCAT_FA_HEADLINE]
    bold = [p.find(f"{W}r/{W}rPr") for p in headline]
    assert any(r.find(f"{W}bCs") is not None and r.find(f"{W}b") is not None for r in bold)


def test_styles_give_persian_text_everywhere_the_persian_font(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    fonts = list(styles.iter(f"{W}rFonts"))
    assert fonts and all(f.get(f"{W}cstheme") is None for f in fonts)
    assert all(f.get(f"{W}cs") == PERSIAN_FONT for f in fonts)
    toc1 = styles.find(f"{W}style[@{W}styleId='TOC1']")
    assert toc1.find(f"{W}name").get(f"{W}val") == "toc 1"


def test_appendices_translation_glossary_sources_not_included(document) -> None:
    h1 = [h for h in headings(document, 1) if h.startswith("Appendix")]
    assert h1 == [
        "Appendix A. Originals and translations",
        "Appendix B. Glossary terms used",
        "Appendix C. Sources",
        "Appendix D. Not included",
    ]
    texts = [p.text for p in body_paragraphs(document)]
    assert "English translation" in texts and "Persian original" in texts
    assert f"[1] {MUSCAT_FA[0][0]}" in texts
    assert f"[۱] {MUSCAT_FA[0][1]}" in texts
    glossary = document.tables[1]
    rows = [[c.text for c in row.cells] for row in glossary.rows]
    assert rows[0] == ["Term", "Persian", "Kind", "Title", "Articles"]
    zarepour = next(r for r in rows if r[0] == "Issa Zarepour")
    assert zarepour[1] == "عیسی زارع‌پور" and zarepour[3] == "Minister of ICT"
    assert zarepour[4] == "3"
    sources = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    assert len(sources) == 10  # every article, the merged duplicate included
    assert any(MUSCAT_FA_HEADLINE in s and "ISNA" in s for s in sources)
    left_out = texts[texts.index("Appendix D. Not included") + 1 :]
    assert "inbox/scan.pdf: unsupported file type .pdf" in left_out
    assert "inbox/old.txt: dated 2024-04-01, outside the window" in left_out


def test_overview_table_country_articles_dates(document) -> None:
    rows = [[c.text for c in row.cells] for row in document.tables[0].rows]
    assert rows[0] == ["Country", "Articles", "Dates"]
    assert rows[1] == ["Oman", "3 (+1 duplicate)", "13–15 May 2024"]
    assert rows[2] == ["Iraq", "2", "16–17 May 2024"]
    assert rows[3] == ["Syria", "1", "undated"]
    assert rows[-1][:2] == ["Total", "9"]


def test_front_page_and_document_properties(document) -> None:
    texts = [p.text for p in document.paragraphs[:6]]
    assert texts[0] == "ICT Partners Weekly Brief"
    assert "Office of Regional Technology Analysis" in texts
    assert "Covering Week 20, 13–19 May 2024" in texts
    assert any(t.startswith("Generated 20 May 2024") for t in texts)
    props = document.core_properties
    assert props.title == "ICT Partners Weekly Brief — 19 May 2024"
    assert props.subject == "Covering Week 20, 13–19 May 2024"
    assert props.author == "Office of Regional Technology Analysis"
    assert props.created == dt.datetime(2024, 5, 20, 9, 30, tzinfo=dt.UTC)
    assert document.part.package.part_related_by(
        "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    )


def test_header_caveat_and_footer_page_numbers(document) -> None:
    section = document.sections[0]
    assert section.header.paragraphs[0].text.startswith("OFFICIAL USE ONLY")
    footer = section.footer.paragraphs[0]
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Weekly ICT brief · Page ")
    assert round(section.page_width.mm) == 210


def test_no_stale_template_thumbnail(written: Path) -> None:
    with zipfile.ZipFile(written) as package:
        assert not [n for n in package.namelist() if "thumbnail" in n]


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml"])
def test_paragraph_and_run_properties_are_in_schema_order(written: Path, part: str) -> None:
    """Word repairs (or refuses) documents whose property elements are out of order."""
    with zipfile.ZipFile(written) as package:
        root = etree.fromstring(package.read(part))
    for tag, order in (("pPr", P_PR_ORDER), ("rPr", R_PR_ORDER)):
        for props in root.iter(f"{W}{tag}"):
            names = [c.tag.rsplit("}", 1)[1] for c in props]
            known = [n for n in names if n in order]
            assert known == sorted(known, key=order.index), names


def test_control_characters_never_reach_the_xml(tmp_path: Path) -> None:
    bad = article(
        "bad.txt",
        "Head\x0bline\x00 with \ufffe controls\uffff",
        ["A sentence\x1f with a vertical tab\x0b.", "Another\x08 one."],
        country="Oman\x07",
        day=15,
        outlet="Out\x01let",
        url="https://example.org/a\x0bb",
    )
    brief = week_brief([bad], organization="Org\x0c", header="Caveat\x1b")
    path = write_docx(brief, tmp_path / "brief.docx")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Headline with  controls" in text
    assert "A sentence with a vertical tab." in text
    assert "Outlet" in text


def test_empty_window_says_so(tmp_path: Path) -> None:
    brief = week_brief([])
    path = write_docx(brief, tmp_path / "brief.docx")
    document = docx.Document(str(path))
    texts = [p.text for p in document.paragraphs]
    assert any(t.startswith("No articles in this window (Week 20, 13–19 May 2024).") for t in texts)
    assert headings(document, 1)[0] == "Overview"
    assert not document.tables


def test_open_window_and_letter_paper_and_other_font(tmp_path: Path) -> None:
    brief = week_brief(window=Window(), persian_font="Arial", paper="Letter")
    path = write_docx(brief, tmp_path / "brief.docx")
    document = docx.Document(str(path))
    assert "Covering all dates" in [p.text for p in document.paragraphs[:5]]
    assert round(document.sections[0].page_width.mm) == 216
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode()
    assert 'w:cs="Arial"' in xml and f'w:cs="{PERSIAN_FONT}"' not in xml


def test_show_source_puts_the_persian_sentence_under_each_translated_bullet(
    tmp_path: Path,
) -> None:
    path = write_docx(week_brief(show_source=True), tmp_path / "brief.docx")
    paragraphs = body_paragraphs(docx.Document(str(path)))
    texts = [p.text for p in paragraphs]
    english, persian = BASRA_FA[0]
    index = texts.index(english)
    source = paragraphs[index + 1]
    assert source.text == persian
    assert source._p.pPr.find(qn("w:bidi")) is not None
    assert source.runs[0]._r.rPr.find(qn("w:rtl")) is not None
