"""Who's who: names matched however they are spelled, people beyond the glossary, titles
on the article's date, one title per name, people only from the source text.

Every sentence here is written for these tests (none is taken from an article)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.glossary import load_glossary, parse_glossary
from briefgen.glossary.people import people_in_text, title_for
from briefgen.glossary.people_article import article_people
from briefgen.glossary.titles import apply_titles
from briefgen.model import Article, Sentence
from briefgen.text.names import keys_may_match, name_key

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def glossary():
    return load_glossary([ROOT / "glossaries"])


def _people(glossary, text: str, language: str = "en") -> list[tuple[str, str | None, bool]]:
    found = people_in_text(text, language, glossary)
    return [(p.name, p.title, p.entry is not None) for p in found]


# Matching that survives real spelling ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "entry_id"),
    [
        ("زارع‌پور در نشست گفت", "issa-zarepour"),
        ("زارع پور در نشست گفت", "issa-zarepour"),
        ("زارعپور در نشست گفت", "issa-zarepour"),
        ("دکتر عیسی زارع پور امروز گفت", "issa-zarepour"),
        ("آذری جهرمی در توییتی نوشت", "mohammad-javad-azari-jahromi"),
        ("آذریجهرمی در توییتی نوشت", "mohammad-javad-azari-jahromi"),
        ("تقی پور در اجلاس گفت", "reza-taghipour"),
        ("تقی‌پور در اجلاس گفت", "reza-taghipour"),
        ("سیدستار هاشمی در جلسه گفت", "sattar-hashemi"),
        ("سید ستار هاشمی در جلسه گفت", "sattar-hashemi"),
        ("حجت‌الاسلام محمود واعظی گفت", "mahmoud-vaezi"),
    ],
)
def test_persian_names_match_whatever_the_joint_and_honorific(glossary, text, entry_id) -> None:
    hits = [h for h in glossary.find_persian(text) if h.entry.type == "person"]
    assert [h.entry_id for h in hits] == [entry_id]
    assert not hits[0].text.startswith(("دکتر ", "حجت"))  # a separate honorific stays out


def test_a_joined_name_inside_a_longer_word_is_no_match(glossary) -> None:
    assert glossary.find_persian("زارعپوری") == []
    assert glossary.find_persian("وآذری جهرمی") != []  # a joined «و» ("and") is passed over
    assert glossary.find_persian("آذری جهرمیان") == []


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Dr. Issa Zarepour said", "Dr. Issa Zarepour said"),
        ("Eng. Eisa Zarepur said", "Eng. Issa Zarepour said"),
        ("Esa Zarepour said", "Issa Zarepour said"),
        ("Seyyed Sattar Hashemi said", "Sattar Hashemi said"),
        ("Azari-Jahromi said", "Mohammad Javad Azari Jahromi said"),
        ("Reza Taqipour said", "Reza Taghipour said"),
    ],
)
def test_english_spellings_become_the_canonical_name(glossary, text, canonical) -> None:
    assert glossary.normalize_english(text) == canonical


def test_a_partial_variant_is_never_completed_twice(glossary) -> None:
    """ "Esa Zarepour" is one name, never "Esa Issa Zarepour"."""
    for text in ("Esa Zarepour met them", "Isa Zarepour met them", "Eisa Zarepour met them"):
        assert glossary.normalize_english(text) == "Issa Zarepour met them"


def test_a_skeleton_needs_the_surnames_own_letters(glossary) -> None:
    assert glossary.find_english("Abbas Araghchié spoke") == [] or all(
        h.text != "Abbas Araghchié" for h in glossary.find_english("Abbas Araghchié spoke")
    )


# The person key ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "spellings",
    [
        ["Issa Zarepour", "Eisa Zarei-Pur", "Zarepour", "عیسی زارع پور", "زارع‌پور"],
        ["Reza Taghipour", "Taqipour", "تقی پور"],
        ["Mahmoud Vaezi", "Mahmood Waezi", "محمود واعظی"],
        ["Kazem Sajjadi", "سیدکاظم سجادی"],
        ["Hayam Al-Yasiri", "هیام الیاسری"],
        ["Askhat Orazbek", "اشکات اورزبیک"],
        ["Abdulkadir Uraloğlu", "Abdulkadir Uraloglu", "عبدالقادر اورال اوغلو"],
        ["Mohammad Bagher Ghalibaf", "Qalibaf", "قالیباف"],
    ],
)
def test_one_person_has_one_key_in_both_scripts(spellings: list[str]) -> None:
    keys = {name_key(name) for name in spellings}
    assert len(keys) == 1 and next(iter(keys)).startswith("~")


def test_different_people_have_different_keys() -> None:
    names = ["Issa Zarepour", "Sattar Hashemi", "Mahmoud Vaezi", "Wang Yi", "Chang Hua"]
    assert len({name_key(n) for n in names}) == len(names)
    assert name_key("") == ""


def test_a_surname_split_in_two_words_may_still_match() -> None:
    assert keys_may_match("~lsjbn", "~jbn") and not keys_may_match("~lsjbn", "~zrpr")


# People beyond the glossary -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "The minister met his Kazakh counterpart, Daulet Serikbayev, in Astana.",
            "Daulet Serikbayev",
            "Kazakh counterpart",
        ),
        (
            "He received the visiting Deputy Minister of Communications and Informatization "
            "of Belarus, Pavel Kaminsky, on Monday.",
            "Pavel Kaminsky",
            "Deputy Minister of Communications and Informatization of Belarus",
        ),
        (
            "Rustam Yuldashev, Minister of Digital Technologies of Uzbekistan, said the "
            "fibre link will open next year.",
            "Rustam Yuldashev",
            "Minister of Digital Technologies of Uzbekistan",
        ),
        (
            "Tajikistan's ambassador to Tehran Farrukh Nazarov attended the ceremony.",
            "Farrukh Nazarov",
            "Tajikistan's ambassador to Tehran",
        ),
        (
            "Marta Ruiz, the Cuban ambassador to Iran, said ties were growing.",
            "Marta Ruiz",
            "Cuban ambassador to Iran",
        ),
    ],
)
def test_english_people_the_text_names_with_a_role(glossary, text, name, title) -> None:
    found = _people(glossary, text)
    assert (name, title, False) in found


@pytest.mark.parametrize(
    ("text", "language", "surface", "title"),
    [
        (
            "در این نشست بختیار رحیموف وزیر ارتباطات ازبکستان گفت همکاری ادامه دارد.",
            "fa",
            "بختیار رحیموف",
            "Uzbek Minister of Communications",
        ),
        (
            "وی با کاظم رضوانی سفیر ایران در ترکمنستان دیدار کرد.",
            "fa",
            "کاظم رضوانی",
            "Iranian Ambassador to Turkmenistan",
        ),
        (
            # words no table knows between the head and the country: the title keeps the
            # country and the head only
            "در این دیدار رستم کریموف وزیر فناوری‌های نوین قزاقستان گفت همکاری ادامه دارد.",
            "fa",
            "رستم کریموف",
            "Kazakh Minister",
        ),
        (
            # a name ends where the next title begins, its head with the Arabic article
            "التقى وزير الاتصالات اللبناني سامي حداد السفير الإيراني وبحث معه التعاون.",
            "ar",
            "سامي حداد",
            "Lebanese Minister of Communications",
        ),
        (
            "وزير الاتصالات المصري خالد منصور قال إن التعاون مستمر.",
            "ar",
            "خالد منصور",
            "Egyptian Minister of Communications",
        ),
    ],
)
def test_persian_and_arabic_people_the_text_names_with_a_role(
    glossary, text, language, surface, title
) -> None:
    found = people_in_text(text, language, glossary)
    outside = [(p.surface, p.title) for p in found if p.entry is None]
    assert (surface, title) in outside


def test_a_city_after_a_title_is_where_not_whose(glossary) -> None:
    text = "عیسی زارع‌پور وزیر ارتباطات و فناوری اطلاعات در تاشکند گفت همکاری ادامه دارد."
    titles = {p.name: p.title for p in people_in_text(text, "fa", glossary)}
    assert titles["Issa Zarepour"] == "Minister of ICT"
    text = "وی با کاظم رضوانی سفیر ایران در عشق آباد دیدار کرد."
    found = [(p.surface, p.title) for p in people_in_text(text, "fa", glossary) if not p.entry]
    assert found == [("کاظم رضوانی", "Iranian Ambassador")]


def test_a_name_joined_by_and_to_a_known_person_is_a_person(glossary) -> None:
    # «X و <person> دیدار کردند»: the pair met; X starts with a given name (honorific glued)
    text = "به گزارش خبرنگار ما، سیدمجید کرمانی و هاکوپ آرشاکیان درباره همکاری گفتگو کردند."
    found = people_in_text(text, "fa", glossary)
    assert "مجید کرمانی" in [p.name for p in found if p.entry is None]
    assert "hakob-arshakyan" in [p.entry.id for p in found if p.entry]
    # a run holding a glossary name is that person, not a second one
    text = "به گزارش ایرنا، ستار هاشمی و سعید المعولی درباره ترانزیت داده گفتگو کردند."
    outside = [p.name for p in people_in_text(text, "fa", glossary) if p.entry is None]
    assert outside == []
    # words that are no given name, or a run glued to more words, are no person
    for text in (
        "نشست کمیسیون اقتصادی و هاکوپ آرشاکیان برگزار شد.",
        "وزیر گفت بهبود شبکه ملی و هاکوپ آرشاکیان حاضر بودند.",
    ):
        assert [p for p in people_in_text(text, "fa", glossary) if p.entry is None] == []


def test_unnamed_officials_titles_and_organizations_are_no_people(glossary) -> None:
    for text in (
        "The Russian Deputy Minister of Digital Development said the talks went well.",
        "The Ministry of Digital Development of Kazakhstan signed the memorandum.",
        "Officials of the Information Technology Organization attended.",
    ):
        assert [p for p in _people(glossary, text) if not p[2]] == []
    for text in (
        "وزیر ارتباطات تایلند در ابتدای این دیدار سخن گفت.",
        "در ضیافتی که نخست وزیر قزاقستان داده بود شرکت کرد.",
    ):
        assert people_in_text(text, "fa", glossary) == []


def test_a_title_between_two_names_belongs_to_the_second(glossary) -> None:
    text = (
        "Iran's ICT Minister Issa Zarepour, Minister of Digital Development of Kyrgyzstan "
        "Nurlan Abdrakhmanov and others attended."
    )
    found = {name: title for name, title, _ in _people(glossary, text)}
    assert found["Issa Zarepour"] == "Minister of ICT"
    assert found["Nurlan Abdrakhmanov"] == "Minister of Digital Development of Kyrgyzstan"


# Titles on the article's date -------------------------------------------------------------


def _article(sentences: list[str], language: str = "en", day: dt.date | None = None) -> Article:
    article = Article(source_path=Path("x.txt"), raw_text="", language=language, date=day)
    article.sentences = [Sentence(text, i) for i, text in enumerate(sentences)]
    return article


def test_a_dated_article_gets_the_glossary_title_of_that_day(glossary) -> None:
    text = ["Azari Jahromi spoke about the national network."]
    assert article_people(_article(text, day=dt.date(2019, 5, 1)), glossary)[0].title == (
        "Minister of ICT"
    )
    assert article_people(_article(text, day=dt.date(2025, 5, 1)), glossary)[0].title == (
        "former Minister of ICT"
    )


def test_an_undated_article_gets_the_texts_title_or_the_only_role(glossary) -> None:
    zarepour = glossary["issa-zarepour"]
    assert len(zarepour.roles) > 1
    assert title_for(zarepour, None, None) is None  # several roles, the text says nothing
    assert title_for(zarepour, None, "former ICT minister") == "former Minister of ICT"
    assert title_for(zarepour, None, "Minister of Communications") == "Minister of ICT"
    only = parse_glossary(
        "- id: x\n  type: person\n  canonical: Lina Haddad\n  roles:\n"
        "    - title: Jordanian Minister of Digital Economy\n"
    )["x"]
    assert title_for(only, None, None) == "Jordanian Minister of Digital Economy"
    assert title_for(None, None, "Kazakh counterpart") == "Kazakh counterpart"


def test_an_undated_title_given_to_nobody_goes_to_the_one_official_it_fits(glossary) -> None:
    article = _article(
        [
            "The Minister of ICT opened the new data centre in Qazvin.",
            "Zarepour said the centre would serve the province.",
        ]
    )
    assert [(p.name, p.title) for p in article_people(article, glossary)] == [
        ("Issa Zarepour", "Minister of ICT")
    ]


# Never a title twice ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Iran's Minister Information and Communications Technology Isa Zarepour spoke.",
        "Sattar Hashemi, Iran's Minister of ICT, spoke at the opening.",
        "The Information and Communication Technology (ICT) Minister, Sattar Hashemi, spoke.",
    ],
)
def test_a_name_the_text_titles_gets_no_second_title(glossary, sentence) -> None:
    text = glossary.normalize_english(sentence)
    [titled] = apply_titles([text], glossary, dt.date(2023, 1, 10))
    assert titled.count("Minister") == text.count("Minister")
    assert "(ICT)" not in glossary.normalize_english(
        "the Minister of Information and Communications Technology (ICT) said"
    )
    assert "ECO (ECO)" not in glossary.normalize_english(
        "the Economic Cooperation Organization (ECO) met"
    )


# Key people come from the source text ------------------------------------------------------


def test_key_people_of_a_translation_come_from_the_persian(glossary) -> None:
    article = _article(["عیسی زارع پور وزیر ارتباطات و فناوری اطلاعات امروز به مسقط رفت."], "fa")
    # what a translation model might write, with a name the source never gives
    article.sentences[0].english = "Vladimir Putin, the Russian President, met Issa Zarepour."
    people = article_people(article, glossary)
    assert [p.name for p in people] == ["Issa Zarepour"]
    assert people[0].title == "Minister of ICT" and people[0].key == "issa-zarepour"
