"""Partner country by role: the counterpart's country wins over the venue, organisations,
sanctioning states, quoted posts and Iranian provinces that share a country's name.

Every case is written for its shape (English, Persian, Arabic); none is a copied article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.api import analyse_article
from briefgen.country_roles import BACKGROUND, COUNTERPART, IGNORED, MENTION, VENUE
from briefgen.country_scan import mention_roles
from briefgen.model import DOMESTIC, Article
from briefgen.text.arabic import fold_arabic


def country(text: str) -> str | None:
    return analyse_article(Article(source_path=Path("a.txt"), raw_text=text)).country


def roles(text: str, language: str, *, event: bool = True) -> list[tuple[str, str]]:
    return [(m.codes[0], m.role) for m in mention_roles(text, language, event=event)]


# --- a bilateral meeting at a venue abroad goes to the counterpart ---------------------

VENUE_VS_COUNTERPART = [
    pytest.param(
        "Iran, Pakistan discuss ICT cooperation\nIran's ICT minister met Pakistan's Minister "
        "of IT and Telecom on the sidelines of the ECO ministerial meeting in Baku on Tuesday. "
        "The two ministers discussed data transit.",
        "Pakistan",
        id="en-possessive-title-at-a-third-country-meeting",
    ),
    pytest.param(
        "Iranian minister meets Cuban counterpart in Geneva\nThe Iranian ICT minister met his "
        "Cuban counterpart on the sidelines of the WSIS Forum held in Geneva, Switzerland.",
        "Cuba",
        id="en-demonym-counterpart-venue-city-and-country",
    ),
    pytest.param(
        "WTDC in Baku\nIran's ICT minister met Azerbaijan's Minister of Digital Development "
        "on the sidelines of the development conference in Baku.",
        "Azerbaijan",
        id="en-host-is-the-counterpart",
    ),
    pytest.param(
        "Talks in Astana\nThe Iranian minister, in Astana for a regional council of ministers, "
        "held talks with the Deputy Minister of Digital Affairs of Mongolia.",
        "Mongolia",
        id="en-title-of-country",
    ),
    pytest.param(
        "دیدار وزیر ارتباطات با همتای پاکستانی در حاشیه اجلاس اکو در باکو\nوزیر ارتباطات و "
        "فناوری اطلاعات در حاشیه اجلاس وزرای اکو در باکو با وزیر فناوری اطلاعات پاکستان "
        "دیدار کرد.",
        "Pakistan",
        id="fa-title-then-country-venue-after-dar",
    ),
    pytest.param(
        "گفت‌وگوی وزیران در سئول\nوزیر ارتباطات در جریان سفر به کره جنوبی برای شرکت در "
        "کنفرانس منطقه‌ای با همتای ویتنامی خود دیدار کرد و دو طرف بر همکاری در حوزه داده "
        "تاکید کردند.",
        "Vietnam",
        id="fa-demonym-counterpart-during-a-trip",
    ),
    pytest.param(
        "وزير الاتصالات الإيراني يلتقي نظيره السوري على هامش مؤتمر في جنيف\nالتقى وزير "
        "الاتصالات وتكنولوجيا المعلومات الإيراني نظيره السوري على هامش القمة العالمية في جنيف.",
        "Syria",
        id="ar-demonym-counterpart-on-the-sidelines",
    ),
    pytest.param(
        "لقاء في دبي\nالتقى نائب وزير الاتصالات الإيراني خلال زيارته الإمارات للمشاركة في "
        "المؤتمر الدولي مع نائب وزير الاتصالات بجمهورية أرمينيا وبحثا تبادل الخبرات.",
        "Armenia",
        id="ar-title-with-proclitic-country",
    ),
]


@pytest.mark.parametrize(("text", "expected"), VENUE_VS_COUNTERPART)
def test_the_counterparts_country_wins_over_the_venue(text: str, expected: str) -> None:
    assert country(text) == expected


# --- stories whose only foreign element is a venue or an organisation ------------------

DOMESTIC_STORIES = [
    pytest.param(
        "Minister addresses ITU conference in Bucharest\nIran's minister addressed the ITU "
        "Plenipotentiary Conference in Bucharest, Romania, calling for fair access to orbital "
        "slots. He also met the ITU Secretary-General.",
        id="en-organisation-and-venue",
    ),
    pytest.param(
        "Minister meets commission chief in Bangkok\nThe minister met the ESCAP executive "
        "secretary in Bangkok on the sidelines of the ministerial conference in Thailand.",
        id="en-organisation-chief-at-venue",
    ),
    pytest.param(
        "سخنرانی وزیر ارتباطات در ژنو\nوزیر ارتباطات در اجلاس سالانه اتحادیه بین‌المللی "
        "مخابرات در ژنو سخنرانی کرد و با دبیرکل این اتحادیه دیدار کرد.",
        id="fa-organisation-and-venue",
    ),
    pytest.param(
        "دیدار با دبیرکل\nوزیر ارتباطات که به دعوت همتای چینی خود برای شرکت در کنفرانس "
        "جهانی اینترنت به چین سفر کرده، با دبیرکل اتحادیه بین‌المللی مخابرات دیدار کرد.",
        id="fa-the-inviter-is-the-occasion",
    ),
    pytest.param(
        "كلمة وزير الاتصالات\nألقى وزير الاتصالات الإيراني كلمة في مؤتمر الاتحاد الدولي "
        "للاتصالات في دبي، وأكد على أهمية العدالة الرقمية.",
        id="ar-organisation-and-venue",
    ),
    pytest.param(
        "Commission chief invites minister to Astana meeting\nIn a phone call, the ESCAP "
        "executive secretary invited the minister to the ministerial conference to be held in "
        "Astana, Kazakhstan, next month.",
        id="en-an-invitation-to-a-conference-abroad",
    ),
    pytest.param(
        "Minister back from Geneva\nThe minister, back from the WSIS Forum in Geneva, said "
        "Iran's e-government plan had won a prize.",
        id="en-back-from-the-venue",
    ),
    pytest.param(
        "وزیر ارتباطات وارد باکو شد\nوزیر ارتباطات برای شرکت در کنفرانس جهانی توسعه مخابرات "
        "اتحادیه بین‌المللی مخابرات وارد باکو شد.",
        id="fa-arrived-at-the-venue",
    ),
    pytest.param(
        "Four-country ICT meeting in Tehran\nTelecom chiefs of Iran, Russia, Turkey and "
        "Azerbaijan met in Tehran in a quadrilateral meeting on transit. The Russian, Turkish "
        "and Azerbaijani officials signed a joint statement.",
        id="en-multilateral-meeting-without-a-dominant-country",
    ),
]


@pytest.mark.parametrize("text", DOMESTIC_STORIES)
def test_a_venue_or_organisation_alone_is_domestic(text: str) -> None:
    assert country(text) == DOMESTIC


def test_a_travel_verb_is_no_title_phrase() -> None:
    assert roles("وزیر ارتباطات امروز راهی ترکیه شد", "fa", event=False) == [("TR", MENTION)]
    assert ("AZ", VENUE) in roles("وصل وزير الاتصالات الإيراني إلى باكو", "ar")
    assert roles("Deputy minister back from Dubai", "en", event=False) == [("AE", MENTION)]


def test_a_bilateral_visit_without_an_event_goes_to_the_host() -> None:
    assert country("Minister in Moscow\nThe minister arrived in Moscow for talks.") == "Russia"
    persian = "وزیر ارتباطات وارد مسکو شد\nوزیر ارتباطات برای گفت‌وگو درباره ماهواره وارد مسکو شد."
    assert country(persian) == "Russia"


# --- background: sanctions, quoted posts ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Minister: sanctions hurt users\nThe minister said US sanctions block access to cloud "
        "services for Iranian developers and must end.",
        "تحریم‌ها مانع نیست\nوزیر ارتباطات گفت تحریم‌های آمریکا مانع پیشرفت شرکت‌های دانش‌بنیان "
        "داخلی نشده است.",
        "الحظر لن يوقفنا\nقال وزير الاتصالات الإيراني إن الحظر الأميركي لم يوقف تطوير شبكة "
        "الاتصالات الوطنية.",
    ],
    ids=["en", "fa", "ar"],
)
def test_a_sanctioning_state_is_no_partner(text: str) -> None:
    assert country(text) == DOMESTIC


def test_countries_inside_a_quoted_post_are_background() -> None:
    english = (
        "Minister replies on Twitter\nThe minister wrote on Twitter: “Unlike what some claim, "
        "our satellites are not inferior to those of France or Japan.”"
    )
    persian = (
        "پاسخ وزیر ارتباطات\nوزیر ارتباطات در توییتی نوشت: «اینترنت ما از اینترنت فرانسه "
        "و آلمان کندتر نیست»."
    )
    assert country(english) == DOMESTIC
    assert country(persian) == DOMESTIC
    assert ("FR", BACKGROUND) in roles(english.split("\n")[1], "en")


def test_a_counterpart_inside_a_quoted_post_still_counts() -> None:
    text = (
        "Deputy minister back from Dubai\nThe deputy minister wrote on Instagram: “We met "
        "the Kenyan deputy minister of ICT and agreed on a joint working group.”"
    )
    assert country(text) == "Kenya"


# --- Iranian places that share a country's name -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Minister visits West Azerbaijan\nThe minister opened fibre projects in Urmia, West "
        "Azerbaijan province, and in Tabriz.",
        "Projects in five provinces\nThe minister inaugurated projects in Yazd, Rasht and East "
        "and West Azerbaijan provinces by videoconference.",
        "سفر وزیر ارتباطات به آذربایجان شرقی\nوزیر ارتباطات برای افتتاح طرح‌های ارتباطی به "
        "استان آذربایجان شرقی سفر کرد و در تبریز با نخبگان دیدار کرد.",
        "زيارة إلى تبريز\nزار وزير الاتصالات الإيراني محافظة أذربيجان الشرقية وافتتح مشاريع.",
    ],
    ids=["en-west", "en-east-and-west", "fa-east", "ar-east"],
)
def test_east_and_west_azerbaijan_are_iran(text: str) -> None:
    assert country(text) == DOMESTIC


def test_the_republic_of_azerbaijan_is_still_azerbaijan() -> None:
    text = (
        "دیدار با وزیر آذربایجان\nوزیر ارتباطات با وزیر حمل و نقل و ارتباطات جمهوری "
        "آذربایجان دیدار کرد."
    )
    assert country(text) == "Azerbaijan"


# --- roles, one shape at a time -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("He met his Kazakh counterpart.", "en", ("KZ", COUNTERPART)),
        ("The Turkish minister arrived.", "en", ("TR", COUNTERPART)),
        ("Talks with South Korea's Science and ICT Minister Lee.", "en", ("KR", COUNTERPART)),
        ("He met the Minister of Communications of South Africa.", "en", ("ZA", COUNTERPART)),
        ("A delegation from Belarus arrived.", "en", ("BY", COUNTERPART)),
        ("The meeting was held in Geneva.", "en", ("CH", VENUE)),
        ("Trade with Brazil grew.", "en", ("BR", MENTION)),
        ("Turkish / Persian / Arabic", "en", ("TR", IGNORED)),
        ("Source: Pakistan Point News", "en", ("PK", IGNORED)),
        ("وزیر ارتباطات با وزیر ارتباطات ترکیه دیدار کرد.", "fa", ("TR", COUNTERPART)),
        ("او با سفیر چین دیدار کرد.", "fa", ("CN", COUNTERPART)),
        ("طرف قرقیزستانی از همکاری استقبال کرد.", "fa", ("KG", COUNTERPART)),
        ("وزیر ارتباطات در سئول سخنرانی کرد.", "fa", ("KR", VENUE)),
        ("التقى وزير النقل التركي.", "ar", ("TR", COUNTERPART)),
        ("استقبل السفير العراقي في طهران.", "ar", ("IQ", COUNTERPART)),
        ("شارك في المؤتمر في جنيف.", "ar", ("CH", VENUE)),
    ],
)
def test_role_of_a_mention(text: str, language: str, expected: tuple[str, str]) -> None:
    found = [r for r in roles(text, language) if r[0] != "IR"]
    assert found[0] == expected


def test_a_title_of_iran_does_not_make_the_venue_a_counterpart() -> None:
    found = roles("وزير الاتصالات الإيراني في أنقرة", "ar")
    assert ("TR", VENUE) in found
    found = roles("Iran's ambassador to Armenia attended the forum.", "en", event=False)
    assert ("AM", MENTION) in found


# --- Arabic text and normalization --------------------------------------------------------


def test_arabic_is_normalized_before_matching() -> None:
    assert fold_arabic("أإآٱ") == "اااا"
    assert fold_arabic("سوريةٌ") == "سوريه"  # teh marbuta, tanwin
    assert fold_arabic("منتدى") == "منتدي"
    assert fold_arabic("الســوري") == "السوري"  # tatweel
    assert fold_arabic("کرمی") == "كرمي"  # Persian kaf and yeh
    assert fold_arabic("١٢٣") == "123"
    assert fold_arabic("Tehran") == "Tehran"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تعاون\nبحث وزير الاتصالات الإيراني مع وزير الاتصالات العراقي سبل التعاون.", "Iraq"),
        ("لقاء\nالتقى وَزِيرُ الاتِّصَالاتِ السُّورِيُّ بالسفير الإيراني في دمشق.", "Syria"),
        ("لقاء\nاستقبل وزير الاتصالات الإيراني الســفير العراقي في طهران.", "Iraq"),
        (
            "زيارة\nوصل وزير الاتصالات الإيراني إلى سورية وبحث مع المسؤولين السوريين التعاون.",
            "Syria",
        ),
        (
            "تعاون\nبحث الوزير الإيراني التعاون مع المسؤولين في وزارة الاتصالات اللبنانية.",
            "Lebanon",
        ),
    ],
)
def test_arabic_articles_about_iraq_and_syria_are_filed_there(text: str, expected: str) -> None:
    assert country(text) == expected
