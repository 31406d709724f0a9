"""Matching, protection before translation, English normalization and dated titles,
on the shipped glossary and the seeds' own sentences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.glossary import load_glossary
from briefgen.glossary.titles import apply_titles

ROOT = Path(__file__).resolve().parent.parent
PERSIAN_SEED = ROOT / "seeds" / "004_281cd1e16a81b240.txt"


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([ROOT / "glossaries"])


def _persian_line(start: str) -> str:
    text = PERSIAN_SEED.read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(start))


def test_protect_replaces_the_persian_names_of_the_seed_by_canonical_english(glossary) -> None:
    line = _persian_line("به گزارش نصر")
    sent, terms = glossary.protect(line)
    assert "Issa Zarepour" in sent and "Said bin Hamoud Al Maawali" in sent
    assert "زارعپور" not in sent and "المعولی" not in sent
    assert terms == ["Issa Zarepour", "Said bin Hamoud Al Maawali"]
    # Only the names changed (titles are left to the model): the rest is as it was.
    assert sent.startswith(
        "به گزارش نصر، «Issa Zarepour» وزیر ارتباطات و فناوری اطلاعات در مسقط با"
    )
    assert sent.endswith(
        "«Said bin Hamoud Al Maawali» وزیر ارتباطات و حمل نقل عمان دیدار و گفت و گو کرد."
    )


def test_protect_finds_companies_short_names_and_raisi(glossary) -> None:
    sent, terms = glossary.protect(_persian_line("المعولی با اظهار"))
    assert terms == [
        "Said bin Hamoud Al Maawali",
        "Omantel",
        "Telecommunication Infrastructure Company",
    ]
    assert "از Omantel به Telecommunication Infrastructure Company در" in sent
    assert glossary.protect(_persian_line("وی با اشاره به ارتقای"))[1] == ["Ebrahim Raisi"]


def test_protect_leaves_text_without_terms_and_english_text_alone(glossary) -> None:
    for text in ("در پایان دو طرف بر تدوین برنامه تاکید کردند.", "Issa Zarei Pur said", ""):
        assert glossary.protect(text) == (text, [])


@pytest.mark.parametrize("spelling", ["زارع‌پور", "زارعپور", "زارع‌‌پور", "زارعـپور", "زارعپور"])
def test_persian_spellings_with_and_without_zwnj_tatweel_or_arabic_letters_match(
    glossary, spelling
) -> None:
    sent, terms = glossary.protect(f"آقای {spelling} گفت")
    assert terms == ["Issa Zarepour"] and sent == "آقای Issa Zarepour گفت"


def test_arabic_letters_and_hamza_spellings_match(glossary) -> None:
    assert glossary.protect("سعيد بن حمود المعولي")[1] == ["Said bin Hamoud Al Maawali"]
    assert glossary.protect("رئیسی و رییسی")[1] == ["Ebrahim Raisi"]


def test_no_match_inside_a_longer_word(glossary) -> None:
    assert glossary.protect("زارعپوری")[1] == []
    assert glossary.find_english("Raisin prices and Omantelecom") == []
    assert glossary.normalize_english("the ICT Ministry's plan") == "the Ministry of ICT's plan"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "discussed with the Iranian Minister of Communications and Information Technology, "
            "Dr. Issa Zarei Pur, and",
            "discussed with the Iranian Minister of ICT, Dr. Issa Zarepour, and",
        ),
        ("Iran's ICT Min:", "Iran's Minister of ICT:"),
        (
            "Iran's Minister of Information and Communication Technology, "
            "Seyed Sattar Hashemi, has",
            "Iran's Minister of ICT, Sattar Hashemi, has",
        ),
        (
            "Seyyed Ebrahim Raisi went to the Ministry of Communications and "
            "Information Technology",
            "Ebrahim Raisi went to the Ministry of ICT",
        ),
        (
            "met the Saudi Ambassador in Tehran, Abdullah bin Saud Al-Anzi",
            "met the Saudi Ambassador to Iran, Abdullah bin Saud Al-Anzi",
        ),
        ("issa zarepour and ISSA ZAREPOUR", "Issa Zarepour and Issa Zarepour"),
        ("Oman's minister, said Al Maawali.", "Oman's minister, said Al Maawali."),
        ("talks, said Al-Maawali", "talks, said Said bin Hamoud Al Maawali"),
        (
            "the Ministry of Communications and ILNA and Ilna",
            "the Ministry of Communications and ILNA and Ilna",
        ),
    ],
)
def test_english_variants_become_canonical(glossary, text, expected) -> None:
    assert glossary.normalize_english(text) == expected
    assert glossary.normalize_english(expected) == expected


@pytest.mark.parametrize(
    ("translation", "expected"),
    [
        (
            "Issa Zarepour, Minister of Communications and Information Technology, met Said bin "
            "Hamoud Al Maawali in Muscat.",
            "Issa Zarepour, Minister of ICT, met Said bin Hamoud Al Maawali in Muscat.",
        ),
        (
            "The Minister of Communications of Oman met the Minister of Communications and "
            "Transport.",
            "The Minister of Transport, Communications and Information Technology of Oman met "
            "the Minister of Transport, Communications and Information Technology of Oman.",
        ),
    ],
)
def test_titles_translated_by_the_model_become_canonical(glossary, translation, expected) -> None:
    assert glossary.normalize_english(translation) == expected


def test_syrian_and_omani_ministers_are_not_irans_minister_of_ict(glossary) -> None:
    text = "Minister of Communications and Technology, Eng. Iyad Al-Khatib"
    assert [h.entry.id for h in glossary.find_english(text)] == [
        "syria-minister-mct",
        "iyad-al-khatib",
    ]
    hits = glossary.find_persian("وزیر ارتباطات و حمل و نقل عمان")
    assert [h.entry.id for h in hits] == ["oman-minister-mtcit"]


TITLE_CASES = [
    # (sentences, date, expected)
    (
        ["Zarepour said on Monday that ties are growing.", "Issa Zarepour added: more."],
        dt.date(2023, 10, 26),
        [
            "Issa Zarepour, Minister of ICT, said on Monday that ties are growing.",
            "Zarepour added: more.",
        ],
    ),
    (
        ["Zarepour said on Monday that ties are growing."],
        None,
        ["Issa Zarepour said on Monday that ties are growing."],
    ),
    (
        ["Iran's Minister of ICT, Issa Zarepour, said so.", "Then Issa Zarepour left."],
        dt.date(2023, 10, 26),
        ["Iran's Minister of ICT, Issa Zarepour, said so.", "Then Zarepour left."],
    ),
    (
        ["Hashemi met Issa Zarepour."],
        dt.date(2025, 1, 29),
        ["Sattar Hashemi, Minister of ICT, met Issa Zarepour, former Minister of ICT."],
    ),
    (
        ["President Raisi emphasised it.", "Raisi then left."],
        dt.date(2024, 5, 15),
        ["President Ebrahim Raisi emphasised it.", "Raisi then left."],
    ),
    (
        ["Ebrahim Raisi visited."],
        dt.date(2024, 5, 15),
        ["Ebrahim Raisi, President of Iran, visited."],
    ),
    (
        ["Zarepour's trip to Iraq ended."],
        dt.date(2023, 10, 26),
        ["Minister of ICT Issa Zarepour's trip to Iraq ended."],
    ),
    (
        ["Issa Zarepour, Minister of ICT, spoke.", "It was met by Sattar Hashemi"],
        dt.date(2024, 8, 21),
        ["Issa Zarepour, Minister of ICT, spoke.", "It was met by Sattar Hashemi, Minister of ICT"],
    ),
]


@pytest.mark.parametrize(("texts", "day", "expected"), TITLE_CASES)
def test_titles_follow_the_articles_date(glossary, texts, day, expected) -> None:
    assert apply_titles(texts, glossary, day) == expected


def test_a_capital_inside_a_word_is_no_spelling_of_a_name() -> None:
    """Skeleton matching finds "Eisa Zarepur" but never swallows a glued capital."""
    from briefgen.api import load_glossary

    glossary = load_glossary()
    assert [h.entry.id for h in glossary.find_english("Eisa Zarepur met them")] == ["issa-zarepour"]
    assert glossary.find_english("Freddy NanezZ") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another country's minister keeps the title the text gives him
        (
            "Saudi Minister of Communications and Information Technology Abdullah Nasser met",
            "Saudi Minister of Communications and Information Technology Abdullah Nasser met",
        ),
        (
            "Egypt's Minister of Communications and Information Technology said",
            "Egypt's Minister of Communications and Information Technology said",
        ),
        (
            "the Minister of Communications and Information Technology of Pakistan said",
            "the Minister of Communications and Information Technology of Pakistan said",
        ),
        # Iran's minister, however introduced, gets the glossary's title
        (
            "Iran's Minister of Communications and Information Technology said",
            "Iran's Minister of ICT said",
        ),
        (
            "Iranian Minister of Communications and Information Technology said",
            "Iranian Minister of ICT said",
        ),
        (
            "The Minister of Communications and Information Technology said",
            "The Minister of ICT said",
        ),
    ],
)
def test_a_foreign_office_keeps_its_own_title(glossary, text, expected) -> None:
    assert glossary.normalize_english(text) == expected
