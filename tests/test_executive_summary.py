"""The executive summary on the front page: one line per country section, the same in
DOCX (read back with python-docx), Markdown and JSON."""

from __future__ import annotations

import docx
import pytest

from briefgen.model import Sentence
from briefgen.writers.docx import write_docx
from briefgen.writers.executive import (
    EXECUTIVE_SUMMARY,
    MAX_WORDS,
    drop_dateline,
    executive_summary,
    main_development,
    shorten,
    stands_alone,
)
from briefgen.writers.json import brief_to_dict
from briefgen.writers.markdown import render_markdown
from tests.docx_samples import article, week_brief


@pytest.fixture(scope="module")
def brief():
    return week_brief()


@pytest.fixture(scope="module")
def front_page(brief, tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The DOCX paragraphs from the executive summary heading to the overview heading."""
    path = write_docx(brief, tmp_path_factory.mktemp("exec") / "brief.docx")
    texts, inside = [], False
    for paragraph in docx.Document(str(path)).paragraphs:
        if paragraph.style.name == "Heading 1":
            if inside:
                break
            inside = paragraph.text == EXECUTIVE_SUMMARY
        elif inside:
            texts.append(paragraph.text.replace("\u200e", ""))  # marks after Persian runs
    return texts


def test_one_line_per_section_in_section_order(brief) -> None:
    lines = executive_summary(brief)
    assert [line.country for line in lines] == [s.country for s in brief.sections]
    assert [line.number for line in lines] == list(range(1, len(brief.sections) + 1))


def test_the_line_tells_the_story_reported_most(brief) -> None:
    oman = executive_summary(brief)[0]
    assert oman.country == "Oman"
    assert oman.article.name == "irna-muscat.html"  # merged with the Persian report
    assert oman.text.startswith("Iran's Minister of Information and Communications Technology")
    assert "Muscat" in oman.text and len(oman.text.split()) <= MAX_WORDS + 1


def test_docx_front_page_holds_the_summary_before_the_overview(brief, front_page) -> None:
    lines = executive_summary(brief)
    assert front_page == [f"{line.country} — {line.text}" for line in lines]
    assert front_page[1].startswith("Iraq — ")  # the newest Iraqi entry, no duplicates
    assert "Basra" in front_page[1] or "fibre" in front_page[1]


def test_markdown_and_json_say_the_same(brief) -> None:
    lines = executive_summary(brief)
    markdown = render_markdown(brief)
    summary = markdown.split(f"## {EXECUTIVE_SUMMARY}\n\n", 1)[1].split("\n\n", 1)[0]
    assert summary.count("\n") + 1 == len(lines)
    assert summary.splitlines()[0].startswith("- **[Oman](#oman)** — Iran's Minister")
    assert markdown.index(EXECUTIVE_SUMMARY) < markdown.index("## Overview")
    data = brief_to_dict(brief)["executive_summary"]
    assert [(d["country"], d["text"]) for d in data] == [(x.country, x.text) for x in lines]
    assert data[0]["source_path"].endswith("irna-muscat.html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tehran (IP) - Iran and Russia agreed to set up a working group.", "Iran and Russia"),
        ("TEHRAN, Mar. 3 (MNA) – The minister met his Turkish counterpart.", "The minister met"),
        ("Tehran, IRNA – ICT minister said Iran launched two satellites.", "ICT minister said"),
        ("Qom, Feb 1, IRNA – the minister opened a data centre in Qom.", "The minister opened"),
        ("TEHRAN (FNA)- Iran offered ECO members a joint satellite.", "Iran offered"),
        ("Iran Press/Iran news: Zarepour said IT can create many jobs.", "Zarepour said"),
        ("Tehran, Iranian and Armenian ministers met in Geneva on Wednesday.", "Iranian and"),
        ("به گزارش خبرگزاری مهر، وزیر ارتباطات با سفیر عمان دیدار کرد.", "وزیر ارتباطات"),
        ("Iran and Turkey signed a memorandum on data transit.", "Iran and Turkey"),
        ("China, Iran sign a deal on data transit and cloud services.", "China, Iran"),
    ],
)
def test_a_dateline_never_opens_the_line(text: str, expected: str) -> None:
    assert drop_dateline(text).startswith(expected)


def test_a_sentence_leaning_on_the_one_before_is_passed_over() -> None:
    assert not stands_alone("He added that the deal covers data transit.")
    assert not stands_alone("وی افزود: این توافق شامل ترانزیت داده است.")
    assert not stands_alone("وأضاف أن الاتفاق يشمل نقل البيانات.")
    assert not stands_alone("the network will be ready next year,” he said.")
    assert stands_alone("Iran and Iraq agreed to link their fibre backbones.")
    entry = article(
        "a.txt",
        "Iran, Kenya sign ICT memorandum",
        ["He also thanked the hosts.", "Iran and Kenya signed a memorandum on e-government."],
        country="Kenya",
        day=14,
    )
    assert main_development(entry) == "Iran and Kenya signed a memorandum on e-government."
    entry.summary = [Sentence("He also thanked the hosts.", 0)]
    assert main_development(entry) == "Iran, Kenya sign ICT memorandum"  # the headline


def test_a_long_sentence_is_cut_at_a_clause_boundary() -> None:
    text = (
        "Iran and Turkey signed a memorandum on data transit in Ankara on Monday, after two "
        "days of talks between the ministers of the two countries and their deputies, who also "
        "agreed to set up a joint working group on cyber security and a new fibre link."
    )
    cut = shorten(text)
    assert cut.endswith("between the ministers of the two countries and their deputies …")
    assert shorten("Short and whole.") == "Short and whole."
    assert len(shorten(" ".join(["word"] * 80)).split()) == MAX_WORDS + 1


def test_an_untranslated_entry_is_summarized_in_its_language(brief) -> None:
    turkey = next(line for line in executive_summary(brief) if line.country == "Turkey")
    assert turkey.rtl and "آنکارا" in turkey.text
