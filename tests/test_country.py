"""Partner country: names, demonyms and capitals, in English and Persian."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.api import analyse_article
from briefgen.gazetteer import gazetteer
from briefgen.model import DOMESTIC, UNDETERMINED, Article


def country(text: str) -> str | None:
    article = Article(source_path=Path("a.txt"), raw_text=text)
    return analyse_article(article).country


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran, Armenia sign deal\nIran's minister met his Armenian counterpart in Yerevan. "
            "The Armenian side welcomed the agreement on roaming and data transit.",
            "Armenia",
        ),
        (
            "ICT minister receives envoy\nThe Qatari ambassador met the minister in Tehran on "
            "Sunday. Doha is ready to expand cooperation, he said after the talks.",
            "Qatar",
        ),
        (
            "دیدار وزیر ارتباطات با سفیر چین\nوزیر ارتباطات و فناوری اطلاعات با سفیر چین در "
            "تهران دیدار کرد. دو طرف درباره همکاری در حوزه فناوری گفت و گو کردند.",
            "China",
        ),
        (
            "Minister inaugurates fibre project\nThe minister opened six infrastructure projects "
            "in Tehran and called for better internet quality across the country.",
            DOMESTIC,
        ),
        (
            "Minister praises the space industry\nPresident Raisi visited the ministry and "
            "ordered the opening of six large infrastructure projects by operators.",
            DOMESTIC,
        ),
        (
            "US firms sanctioned\nThe U.S. Treasury announced sanctions on two U.S. companies "
            "accused of selling equipment; officials in Washington declined to comment.",
            "United States",
        ),
    ],
)
def test_partner_country(text: str, expected: str) -> None:
    assert country(text) == expected


def test_persian_amman_goes_to_jordan_only_with_jordanian_context() -> None:
    oman = (
        "همکاری با عمان\nوزیر ارتباطات با همتای عمانی خود در مسقط دیدار کرد "
        "و سفر به عمان را مهم خواند."
    )
    jordan = (
        "سفر به اردن\nوزیر ارتباطات در عمان با وزیر اقتصاد دیجیتال اردن دیدار کرد. "
        "اردن آماده همکاری در حوزه داده است و مقام‌های اردنی از این سفر استقبال کردند."
    )
    assert country(oman) == "Oman"
    assert country(jordan) == "Jordan"


def test_a_passing_mention_in_the_body_does_not_make_a_partner() -> None:
    text = (
        "Minister opens data centre\nThe minister opened a national data centre in Tehran on "
        "Monday and praised domestic engineers for the project.\n"
        "Some servers had earlier been imported from China, an official noted in passing."
    )
    assert country(text) == DOMESTIC


def test_related_news_list_does_not_pull_the_country() -> None:
    text = (
        "ICT Minister meets Saudi envoy\nThe minister met the Saudi ambassador in Tehran and "
        "discussed data transit with Riyadh.\nLatest News\n- Iran and Serbia Forge Path\n"
        "- Iran and Serbia Commit to Collaboration\n- Serbia as Gateway to Europe\n"
        "- Transfer of Expertise to Cuba Initiated"
    )
    assert country(text) == "Saudi Arabia"


def test_a_bare_headline_naming_no_place_is_undetermined() -> None:
    assert country("Weekly roundup") == UNDETERMINED


def test_common_words_are_not_countries() -> None:
    places = gazetteer()
    assert places.find("خدمات مالی و کابل دریایی سه ماهه") == []
    assert places.find("The Island project by Douglas Stanley") == []


def test_a_foreign_official_of_the_glossary_names_the_partner(tmp_path: Path) -> None:
    # Syria's minister, never called "Syrian": his glossary roles say whose minister he is
    from briefgen.api import build_brief

    page = tmp_path / "a.txt"
    page.write_text(
        "وزير الاتصالات يبحث مع نظيره الإيراني التعاون\n"
        "بحث وزير الاتصالات والتقانة إياد الخطيب مع الوزير الإيراني سبل تعزيز التعاون.\n"
        "وأكد الجانبان أهمية تطوير خدمات الاتصالات.\n",
        encoding="utf-8",
    )
    assert build_brief([page], translate=False).articles[0].country == "Syria"
    page.write_text(
        "وزير الاتصالات يبحث التعاون\n"
        "بحث وزير الاتصالات الإيراني سبل تطوير خدمات الاتصالات في المحافظات.\n",
        encoding="utf-8",
    )
    assert build_brief([page], translate=False).articles[0].country == DOMESTIC
