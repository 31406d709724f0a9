"""The whole brief on the seeds, through the real CLI, read back from DOCX and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefgen.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

EXPECTED = {
    "000_01990d0eca7408d8.txt": ("Iran (domestic)", "2024-05-15", "en"),
    "001_2d052a0ec3066c97.txt": ("Syria", None, "en"),
    "002_7440945092f6ca90.txt": ("Iraq", None, "en"),
    "003_74af4bd25be794b0.txt": ("Saudi Arabia", "2025-01-29", "en"),
    "004_281cd1e16a81b240.txt": ("Oman", "2023-10-26", "fa"),
}
BOILERPLATE = [
    "You might also like",
    "Latest news",
    "Latest News",
    "Read more",
    "Inas Abdulkareem",
    "Muslim World League",
    "Serbia",
    "Cuba",
    "ثبت نظر",
    "نمایش 0 نظر",
    "انتهای پیام",
    "کد خبر",
    "نسخه چاپی",
    "پژوهشیار",
    "خبرگزاری کار ایران",
]


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, Path, str]:
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        main, ["brief", str(SEEDS), "-o", str(out), "--format", "docx,json", "--no-translate"]
    )
    assert result.exit_code == 0, result.output
    jsons = list(out.glob("brief-*.json"))
    docxs = list(out.glob("brief-*.docx"))
    assert len(jsons) == 1 and len(docxs) == 1
    assert jsons[0].stem == docxs[0].stem
    return json.loads(jsons[0].read_text(encoding="utf-8")), docxs[0], result.stderr


def by_name(data: dict) -> dict[str, dict]:
    return {Path(a["source_path"]).name: a for a in data["articles"]}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_seed_gets_its_country_date_and_language(seed_brief, name: str) -> None:
    article = by_name(seed_brief[0])[name]
    assert (article["country"], article["date"], article["language"]) == EXPECTED[name]


def test_jalali_date_is_kept_for_the_persian_seed(seed_brief) -> None:
    article = by_name(seed_brief[0])["004_281cd1e16a81b240.txt"]
    assert article["jalali_date"] == "1402/08/04"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_summaries_have_two_to_four_sentences_free_of_boilerplate(seed_brief, name: str) -> None:
    article = by_name(seed_brief[0])[name]
    assert 2 <= len(article["summary"]) <= 4
    joined = " ".join(article["summary"])
    for marker in BOILERPLATE:
        assert marker not in joined, marker
    assert article["headline"] and article["headline"] not in article["summary"]


def test_persian_seed_is_kept_and_marked_untranslated(seed_brief) -> None:
    article = by_name(seed_brief[0])["004_281cd1e16a81b240.txt"]
    assert article["untranslated_reason"].startswith("Not translated")
    assert "مسقط" in article["headline"] or "مسقط" in " ".join(article["summary"])


def test_docx_has_a_heading_per_country_and_every_article(seed_brief) -> None:
    data, path, _ = seed_brief
    document = docx.Document(str(path))
    headings = {p.style.name: [] for p in document.paragraphs if p.style.name.startswith("Heading")}
    for p in document.paragraphs:
        if p.style.name in headings:
            headings[p.style.name].append(p.text)
    countries = set(headings["Heading 1"])
    assert {c for c, _, _ in EXPECTED.values()} <= countries
    text = "\n".join(p.text for p in document.paragraphs)
    for article in data["articles"]:
        assert article["headline"] in text
        for sentence in article["summary"]:
            assert sentence in text
    assert "undated" in text
    assert "1402/08/04" in text


def test_run_report_counts_articles_and_names_the_output(seed_brief) -> None:
    _, path, stderr = seed_brief
    assert "5 in the brief" in stderr
    assert f"Wrote {path}" in stderr
    for country in {c for c, _, _ in EXPECTED.values()}:
        assert country in stderr
