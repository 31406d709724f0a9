"""Articles in any language: kept, marked untranslated without a model, shown in the
appendix of originals (right to left for Arabic and Persian, left to right for others)."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from briefgen.api import build_brief, write_brief
from briefgen.cli import main
from briefgen.writers.common import (
    APPENDIX_ORIGINALS,
    is_rtl_language,
    original_articles,
    overview_sentence,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
ARTICLES = FIXTURES / "articles"
SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PERSIAN_SEED = "004_281cd1e16a81b240.txt"


def folder_of_languages(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in ARTICLES.glob("*.txt"):
        shutil.copy(path, folder)
    shutil.copy(SEEDS / PERSIAN_SEED, folder)
    return folder


@pytest.fixture
def untranslated(no_model: Path, tmp_path: Path):
    folder = folder_of_languages(tmp_path)
    brief = build_brief([folder])
    written = write_brief(brief, tmp_path / "out", ["docx", "md"])
    return brief, written


def by_name(brief, name: str):
    return next(a for a in brief.articles if a.source_path.name == name)


def test_every_language_is_kept_and_marked_with_its_own_name(untranslated) -> None:
    brief, _ = untranslated
    assert len(brief.articles) == 5 and not brief.skipped
    expected = {
        "ar_iraq.txt": ("ar", "Arabic"),
        "ar_syria.txt": ("ar", "Arabic"),
        "id_jakarta.txt": ("id", "Indonesian"),
        "tr_ankara.txt": ("tr", "Turkish"),
        PERSIAN_SEED: ("fa", "Persian"),
    }
    for name, (code, language) in expected.items():
        article = by_name(brief, name)
        assert article.language == code, name
        assert article.untranslated_reason is not None
        assert f"no {language}→English model installed" in article.untranslated_reason
        assert article.summary, name


def test_an_untranslated_arabic_article_has_its_key_people_from_the_arabic(untranslated) -> None:
    brief, _ = untranslated
    article = by_name(brief, "ar_iraq.txt")
    people = {p.name: p.surface for p in article.people}
    assert people.get("Sattar Hashemi") == "ستار هاشمي"


def test_the_appendix_holds_every_non_english_original(untranslated) -> None:
    brief, _ = untranslated
    names = {a.source_path.name for a in original_articles(brief)}
    assert names == {"ar_iraq.txt", "ar_syria.txt", "id_jakarta.txt", "tr_ankara.txt", PERSIAN_SEED}


def test_right_to_left_languages_by_cldr() -> None:
    assert all(is_rtl_language(code) for code in ("fa", "ar", "ur", "ps", "he", "ckb"))
    assert not any(is_rtl_language(code) for code in ("en", "id", "tr", "ru", "und", "zz"))


def _original_block(document, label: str) -> list:
    """The paragraphs after the label ``label`` up to the next heading."""
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == label)
    block = []
    for paragraph in paragraphs[start + 1 :]:
        if paragraph.style.name.startswith("Heading"):
            break
        block.append(paragraph)
    return block


def _bidi_language(paragraph) -> set[str]:
    return {
        lang.get(qn("w:bidi"))
        for run in paragraph.runs
        for lang in run._r.iter(qn("w:lang"))
        if lang.get(qn("w:bidi"))
    }


def test_docx_sets_arabic_right_to_left_with_its_language(untranslated) -> None:
    _, written = untranslated
    document = docx.Document(next(p for p in written if p.suffix == ".docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert f"Appendix A. {APPENDIX_ORIGINALS}" in headings
    labels = [p.text for p in document.paragraphs if p.text.endswith(" original")]
    assert sorted(set(labels)) == [
        "Arabic original",
        "Indonesian original",
        "Persian original",
        "Turkish original",
    ]
    arabic = _original_block(document, "Arabic original")
    numbered = [p for p in arabic if p.text.startswith("[")]
    assert numbered[0].text.startswith("[١]")
    for paragraph in arabic:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None
        assert _bidi_language(paragraph) == {"ar-EG"}
    persian = _original_block(document, "Persian original")
    assert any(p.text.startswith("[۱]") for p in persian)
    assert all(_bidi_language(p) == {"fa-IR"} for p in persian)


def test_docx_sets_indonesian_left_to_right(untranslated) -> None:
    _, written = untranslated
    document = docx.Document(next(p for p in written if p.suffix == ".docx"))
    indonesian = _original_block(document, "Indonesian original")
    assert indonesian[0].text == "Indonesia dan Iran sepakat perkuat kerja sama digital"
    assert indonesian[1].text.startswith("[1] Menteri Komunikasi")
    for paragraph in indonesian:
        p_pr = paragraph._p.pPr
        assert p_pr is None or p_pr.find(qn("w:bidi")) is None


def test_markdown_marks_only_right_to_left_originals(untranslated) -> None:
    _, written = untranslated
    text = next(p for p in written if p.suffix == ".md").read_text(encoding="utf-8")
    appendix = text[text.index(f"## Appendix A. {APPENDIX_ORIGINALS}") :]
    assert appendix.count('<div dir="rtl" lang="ar">') == 2
    assert appendix.count('<div dir="rtl" lang="fa">') == 1
    assert appendix.count("<div") == 3
    indonesian = appendix[appendix.index("**Indonesian original**") :]
    assert "[1] Menteri Komunikasi" in indonesian.split("</div>")[0]


def test_translated_arabic_shows_english_then_the_arabic_original(
    no_model: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    for package in ("translate-ar_en-test.argosmodel", "translate-fa_en-test.argosmodel"):
        installed = runner.invoke(main, ["model", "install", str(FIXTURES / package)])
        assert installed.exit_code == 0, installed.output
    brief = build_brief([folder_of_languages(tmp_path)])
    arabic = by_name(brief, "ar_syria.txt")
    assert arabic.translation and arabic.translation.source_language == "ar"
    assert "Machine-translated from Arabic" in arabic.translation.label
    assert by_name(brief, "id_jakarta.txt").untranslated_reason
    sentence = overview_sentence(brief)
    assert "3 articles machine-translated (2 from Arabic, 1 from Persian)." in sentence
    written = write_brief(brief, tmp_path / "out", ["md"])
    text = written[0].read_text(encoding="utf-8")
    block = text[text.index("ar\\_syria.txt") :]
    english = block.index("**English translation**")
    original = block.index("**Arabic original**")
    assert english < original < block.index('<div dir="rtl" lang="ar">')


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
ARABIC_CORPUS = ("dev_003.txt", "dev_015.txt", "dev_025.txt", "dev_037.txt")


@pytest.mark.skipif(not (CORPUS / "labels.csv").is_file(), reason="no development corpus")
def test_the_arabic_corpus_articles_end_to_end(no_model: Path, tmp_path: Path) -> None:
    brief = build_brief([CORPUS / "articles" / name for name in ARABIC_CORPUS])
    assert len(brief.articles) == 4
    for article in brief.articles:
        assert article.language == "ar", article.source_path.name
        assert "no Arabic→English model installed" in (article.untranslated_reason or "")
        assert article.summary
        for sentence in article.summary:
            assert any("\u0621" <= ch <= "\u064a" for ch in sentence.text)
            assert not sentence.text.endswith("،")  # whole sentences, not comma pieces
    text = write_brief(brief, tmp_path / "out", ["md"])[0].read_text(encoding="utf-8")
    assert text.count('<div dir="rtl" lang="ar">') == 4
    assert text.count("**Arabic original**") == 4
