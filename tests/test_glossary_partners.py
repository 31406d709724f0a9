"""The partner-country and international glossary files: they load with the rest, every dated
role carries a source, every role names its country, single-holder posts never have two
holders on the same day, and the spellings that matter are found in text."""

from __future__ import annotations

import datetime as dt
from itertools import combinations
from pathlib import Path

import pytest

from briefgen.glossary import load_glossary
from briefgen.glossary.load import source_problem, unsourced_roles
from briefgen.glossary.model import Role
from briefgen.glossary.titles import apply_titles

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = ROOT / "glossaries" / "people-partners.yaml"
ORGANIZATIONS = ROOT / "glossaries" / "organizations-partners.yaml"
GLOSSARY = load_glossary([ROOT / "glossaries"])
PARTNERS = load_glossary([PEOPLE])
INTERNATIONAL_BODIES = {"ITU", "ECO", "ESCAP", "UPU", "Asia-Pacific Telecommunity"}


def _roles() -> list[tuple[str, Role]]:
    return [(entry.id, role) for entry in PARTNERS.entries for role in entry.roles]


def test_partner_files_load_alone_and_with_the_other_files() -> None:
    people = load_glossary([PEOPLE])
    organizations = load_glossary([ORGANIZATIONS])
    assert len(people) >= 80 and {e.type for e in people.entries} == {"person"}
    assert len(organizations) >= 30 and {e.type for e in organizations.entries} == {"organization"}
    ids = {e.id for e in GLOSSARY.entries}
    assert {e.id for e in people.entries} <= ids and {e.id for e in organizations.entries} <= ids


def test_every_dated_role_has_a_source_that_names_a_url_or_a_dated_publication() -> None:
    assert unsourced_roles(GLOSSARY) == []
    dated = [(entry_id, role) for entry_id, role in _roles() if role.is_dated]
    assert len(dated) >= 90
    for entry_id, role in dated:
        assert role.sources, entry_id
        assert all(source_problem(source) is None for source in role.sources), entry_id


def test_every_role_names_its_country_and_international_posts_their_body() -> None:
    for entry_id, role in _roles():
        assert role.country, (entry_id, role.title)
        if role.country == "International":
            assert role.organization in INTERNATIONAL_BODIES, (entry_id, role.title)
        else:
            assert role.organization not in INTERNATIONAL_BODIES, (entry_id, role.title)


def _single_holder(title: str) -> bool:
    """Posts one person holds at a time: ministers, ambassadors, heads (not deputies)."""
    return "Deputy" not in title


def _overlap(a: Role, b: Role) -> bool:
    """True when two terms share a day; a handover day (one ends as the other starts) is not
    an overlap, and a missing date is an open end."""
    a_start, b_start = a.start or dt.date.min, b.start or dt.date.min
    a_end, b_end = a.end or dt.date.max, b.end or dt.date.max
    return a_start < b_end and b_start < a_end


def test_no_two_people_hold_a_single_holder_post_of_one_country_on_the_same_day() -> None:
    posts: dict[tuple[str, str], list[tuple[str, Role]]] = {}
    for entry_id, role in _roles():
        if _single_holder(role.title):
            posts.setdefault((role.title, role.country or ""), []).append((entry_id, role))
    assert len(posts) >= 40
    clashes = [
        (post, first[0], second[0])
        for post, holders in posts.items()
        for first, second in combinations(holders, 2)
        if _overlap(first[1], second[1])
    ]
    assert clashes == []


def test_the_overlap_check_sees_a_clash_and_allows_a_handover() -> None:
    minister = "Iraqi Minister of Communications"
    early = Role(minister, country="Iraq", start=dt.date(2020, 5, 7), end=dt.date(2022, 10, 27))
    handover = Role(minister, country="Iraq", start=dt.date(2022, 10, 27))
    open_start = Role(minister, country="Iraq", end=dt.date(2021, 1, 1))
    assert not _overlap(early, handover)
    assert _overlap(early, open_start)
    assert _single_holder(minister) and not _single_holder(
        "Iraqi Deputy Minister of Communications"
    )


def test_role_titles_read_back_unchanged_when_names_are_normalized() -> None:
    # A title must not contain another entry's variant, or the brief would rewrite it on a
    # second pass (e.g. "ITU" inside "ITU Secretary-General" is the body's canonical form).
    for entry_id, role in _roles():
        for hit in GLOSSARY.find_english(role.title):
            if hit.entry.type != "title":
                assert hit.text == hit.entry.canonical, (entry_id, role.title, hit.entry.id)
        day = role.start or role.end or dt.date(2024, 1, 1)
        once = apply_titles([role.title], GLOSSARY, day)
        assert apply_titles(once, GLOSSARY, day) == once


@pytest.mark.parametrize(
    ("entry_id", "day", "expected"),
    [
        ("hayam-al-yasiri", dt.date(2023, 11, 20), "Iraqi Minister of Communications"),
        ("arkan-shihab-ahmed", dt.date(2021, 6, 1), "Iraqi Minister of Communications"),
        ("arkan-shihab-ahmed", dt.date(2023, 1, 1), None),
        ("iyad-al-khatib", dt.date(2023, 5, 4), "Syrian Minister of Communications and Technology"),
        ("iyad-al-khatib", dt.date(2025, 5, 1), None),
        (
            "mohammad-ghazi-al-jalali",
            dt.date(2015, 6, 1),
            "Syrian Minister of Communications and Technology",
        ),
        ("mohammad-ghazi-al-jalali", dt.date(2024, 10, 1), "Syrian Prime Minister"),
        ("abdullah-al-anzi", dt.date(2022, 6, 1), "Saudi Ambassador to Oman"),
        ("abdullah-al-anzi", dt.date(2025, 1, 29), "Saudi Ambassador to Iran"),
        (
            "rashad-nabiyev",
            dt.date(2021, 6, 1),
            "Azerbaijani Minister of Transport, Communications and High Technologies",
        ),
        (
            "rashad-nabiyev",
            dt.date(2024, 6, 1),
            "Azerbaijani Minister of Digital Development and Transport",
        ),
        (
            "ramin-guluzade",
            dt.date(2019, 7, 17),
            "Azerbaijani Minister of Transport, Communications and High Technologies",
        ),
        (
            "konstantin-noskov",
            dt.date(2019, 7, 17),
            "Russian Minister of Digital Development, Communications and Mass Media",
        ),
        (
            "ahmet-arslan",
            dt.date(2017, 3, 1),
            "Turkish Minister of Transport, Maritime Affairs and Communications",
        ),
        (
            "mehmet-cahit-turhan",
            dt.date(2019, 3, 1),
            "Turkish Minister of Transport and Infrastructure",
        ),
        ("chang-hua", dt.date(2019, 6, 30), "Chinese Ambassador to Iran"),
        ("chang-hua", dt.date(2024, 6, 1), None),
        (
            "hakob-arshakyan",
            dt.date(2019, 4, 10),
            "Armenian Minister of Transport, Communications and Information Technologies",
        ),
        ("doreen-bogdan-martin", dt.date(2022, 6, 1), None),
        ("doreen-bogdan-martin", dt.date(2025, 11, 18), "ITU Secretary-General"),
        ("armida-salsiah-alisjahbana", dt.date(2022, 11, 10), "ESCAP Executive Secretary"),
        (
            "chaiwut-thanakhamanusorn",
            dt.date(2022, 11, 10),
            "Thai Minister of Digital Economy and Society",
        ),
    ],
)
def test_the_title_printed_follows_the_date(
    entry_id: str, day: dt.date, expected: str | None
) -> None:
    assert GLOSSARY[entry_id].title_on(day) == expected


def _ids(hits) -> set[str]:
    return {hit.entry.id for hit in hits}


def test_arabic_spellings_are_found_in_arabic_text() -> None:
    sentence = "استقبلت وزيرة الاتصالات هيام عبود الياسري السفير الإيراني في بغداد أمس."
    assert "hayam-al-yasiri" in _ids(GLOSSARY.find_persian(sentence))
    sentence = "وبحث وزير الاتصالات والتقانة إياد الخطيب مع نظيره الإيراني سبل التعاون."
    assert "iyad-al-khatib" in _ids(GLOSSARY.find_persian(sentence))
    sentence = "وشارك عادل كارا إسماعيل أوغلو في اجتماع وزراء النقل."
    assert "adil-karaismailoglu" in _ids(GLOSSARY.find_persian(sentence))
    sentence = "التقى الأمين العام لمنظمة التعاون الاقتصادي بوزير الخارجية."
    assert "eco" not in _ids(GLOSSARY.find_persian(sentence))  # glued to the ل preposition
    sentence = "وقال الأمين العام إن منظمة التعاون الاقتصادي ستعقد قمتها المقبلة."
    assert "eco" in _ids(GLOSSARY.find_persian(sentence))


def test_persian_spellings_are_found_in_persian_text() -> None:
    sentence = (
        "وزیر ارتباطات در دیدار با هیام الیاسری وزیر ارتباطات عراق بر توسعه همکاری تاکید کرد."
    )
    assert "hayam-al-yasiri" in _ids(GLOSSARY.find_persian(sentence))
    sentence = "دورین بوگدان مارتین، دبیرکل اتحادیه جهانی ارتباطات، با وزیر ارتباطات دیدار کرد."
    assert {"doreen-bogdan-martin", "itu"} <= _ids(GLOSSARY.find_persian(sentence))
    sentence = "خسرو ناظری دبیرکل سازمان همکاری اقتصادی امروز به تهران آمد."
    assert {"khusrav-noziri", "eco"} <= _ids(GLOSSARY.find_persian(sentence))
    sentence = "وزیر ارتباطات با علی‌عباس اف وزیر ارتباطات جمهوری آذربایجان دیدار کرد."
    assert "ali-abbasov" in _ids(GLOSSARY.find_persian(sentence))


def test_protect_puts_the_canonical_english_name_in_place_of_the_persian_one() -> None:
    text, terms = GLOSSARY.protect("هیام الیاسری و آرمیدا آلیسجابانا در بانکوک دیدار کردند.")
    assert "Hayam Al-Yasiri" in text and "Armida Salsiah Alisjahbana" in text
    assert terms == ["Hayam Al-Yasiri", "Armida Salsiah Alisjahbana"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Communications: Hoyam Abboud", "Communications: Hayam Al-Yasiri"),
        ("Minister Eyad al-Khatieb said", "Minister Iyad Al-Khatib said"),
        ("Abdullah Al Anazi arrived in Tehran", "Abdullah bin Saud Al-Anzi arrived in Tehran"),
        ("Mammedkhan Chakiyev met him", "Mammetkhan Chakiyev met him"),
        ("the International Telecommunication Union said", "the ITU said"),
    ],
)
def test_english_variants_become_the_canonical_form(text: str, expected: str) -> None:
    assert GLOSSARY.normalize_english(text) == expected


def test_generic_ministry_names_are_not_claimed_by_one_country() -> None:
    # "Ministry of Digital Development" names Russia's, Kyrgyzstan's and Kazakhstan's
    # ministries; it must not be rewritten to any one of them.
    text = "The Ministry of Digital Development and the Ministry of Communications met."
    assert GLOSSARY.normalize_english(text) == text
    assert not [h for h in GLOSSARY.find_english(text) if h.entry.type == "organization"]
