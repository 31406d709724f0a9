"""Headlines and datelines of real page shapes, on invented text, through the real stages.

Every case is written for its shape: a kicker above the headline, a numbered breadcrumb,
a category or tag line, a caption, a media prefix, a headline printed twice, a page with
no headline line, agency datelines and attributions in English, Persian and Arabic.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.api import analyse_article
from briefgen.cli import main
from briefgen.model import Article

EN_LEAD = (
    "Iran's Minister of ICT met his Omani counterpart in Muscat on Monday to discuss data "
    "transit and postal services."
)
EN_MORE = "The two sides agreed to speed up joint projects in cables and satellites."
FA_LEAD = (
    "وزیر ارتباطات و فناوری اطلاعات در سفر به مسقط با وزیر ارتباطات عمان دیدار و گفت و گو کرد."
)
FA_MORE = "دو طرف بر تسریع اجرای توافقات در حوزه ترانزیت داده تاکید کردند."
FA_HEADLINE = "تاکید بر گسترش همکاری ارتباطی ایران و عمان"
EN_HEADLINE = "Iran and Oman agree to speed up data transit"


def read(text: str) -> Article:
    return analyse_article(Article(source_path=Path("page.txt"), raw_text=text))


# --- headlines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "above",
    [
        ["1. Politics"],
        ["۱. سیاسی"],
        ["وزیر ارتباطات خبر داد:"],
        ["در حاشیه سفر به مسقط صورت گرفت؛"],
        ["Minister of ICT in Muscat;"],
        ["Category: Technology"],
        ["دسته‌بندی: فناوری اطلاعات"],
        ["Legal Matters"],
        ["Iran - Oman"],
        ["ایران و عمان"],
        ["Advertisement"],
        ['<img src="/files/ad.jpg" alt="Car prices in the free market today">'],
        ["Photo: IRNA"],
        ["خبرگزاری ایرنا", "وزیر ارتباطات:"],
    ],
)
def test_furniture_above_the_headline_is_not_the_headline(above: list[str]) -> None:
    for headline, lead, more in ((EN_HEADLINE, EN_LEAD, EN_MORE), (FA_HEADLINE, FA_LEAD, FA_MORE)):
        article = read("\n".join([*above, headline, lead, more]))
        assert article.headline == headline
        assert not any(line in article.body_text for line in above)
        assert article.paragraphs[0] == lead


def test_a_label_line_between_headline_and_lead_goes_too() -> None:
    article = read(f"{EN_HEADLINE}\nLegal Matters\n{EN_LEAD}\n{EN_MORE}")
    assert article.headline == EN_HEADLINE
    assert "Legal Matters" not in article.body_text


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        (f"ویدئو| {FA_HEADLINE}", FA_HEADLINE),
        (f"VIDEO: {EN_HEADLINE}", EN_HEADLINE),
        (f"• {EN_HEADLINE}", EN_HEADLINE),
        (f"Photos | {EN_HEADLINE}", EN_HEADLINE),
        (f"VIDEO | {EN_HEADLINE}", EN_HEADLINE),
    ],
)
def test_media_and_bullet_prefixes_are_cut_off_the_headline(line: str, headline: str) -> None:
    lead, more = (FA_LEAD, FA_MORE) if headline == FA_HEADLINE else (EN_LEAD, EN_MORE)
    assert read(f"{line}\n{lead}\n{more}").headline == headline


def test_a_headline_printed_twice_is_the_headline_once() -> None:
    title = "Iran, Oman on one path in data transit: ICT min."  # ends like a sentence
    article = read(f"{title}\n{title}\n{EN_LEAD}\n{EN_MORE}")
    assert article.headline == title
    assert article.paragraphs == [EN_LEAD, EN_MORE]


def test_a_caption_and_an_image_placeholder_in_the_body_are_removed() -> None:
    article = read(
        f"{EN_HEADLINE}\n{EN_LEAD}\n(Photo: Ministry of ICT)\n"
        "![Minister in Muscat](https://example.org/a.jpg)\n"
        f"{EN_MORE}"
    )
    assert article.paragraphs == [EN_LEAD, EN_MORE]
    assert {reason for _, reason in article.removed} == {"image caption", "image placeholder"}


def test_a_widget_of_symbols_above_the_lead_is_not_a_headline() -> None:
    article = read(f"+ ↻ − 14 px\n{EN_LEAD}\n{EN_MORE}")
    assert article.headline.startswith("Iran's Minister of ICT met his Omani counterpart")


@pytest.mark.parametrize(
    ("lead", "headline_start"),
    [
        (
            "Tehran (IP) – Iran's deputy ICT minister announced plans for a data centre in "
            "Muscat with Omani partners.",
            "Iran's deputy ICT minister announced plans",
        ),
        (
            "به گزارش ایرنا، وزیر ارتباطات از راه اندازی مرکز داده مشترک ایران و عمان "
            "در مسقط خبر داد.",
            "وزیر ارتباطات از راه اندازی مرکز داده",
        ),
        (
            "TEHRAN, Mar. 3 (MNA) – At a meeting in Tehran, the ICT minister and the Omani "
            "ambassador signed a memorandum on postal services.",
            "The ICT minister and the Omani ambassador signed",
        ),
    ],
)
def test_a_page_without_headline_gets_the_clause_that_says_what_happened(
    lead: str, headline_start: str
) -> None:
    more = FA_MORE if "وزیر" in lead else EN_MORE
    article = read(f"{lead}\n{more}")
    assert article.headline.startswith(headline_start)


def test_persian_headline_keeps_the_digits_and_letters_the_source_wrote() -> None:
    headline = "سفر ۲ روزه وزير ارتباطات به مسقط"  # Persian digits, an Arabic yeh
    article = read(f"{headline}\n{FA_LEAD}\n{FA_MORE}")
    assert article.headline == headline


def test_arabic_city_and_reporter_line_is_a_byline_not_a_headline() -> None:
    lead = "بحث وزير الاتصالات الإيراني مع نظيره العماني في مسقط سبل التعاون في مجال نقل البيانات."
    more = "واتفق الجانبان على تسريع المشاريع المشتركة في الكابلات البحرية."
    article = read(f"القاهرة – سامي الخطيب\n{lead}\n{more}")
    assert article.byline == "سامي الخطيب"
    assert article.outlet is None  # a person is never the outlet
    assert article.headline.startswith("بحث وزير الاتصالات")
    assert "سامي" not in article.body_text


# --- datelines ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("TEHRAN, Mar. 3 (MNA) –", "Mehr News Agency"),
        ("Tehran (IP) –", "Iran Press"),
        ("Tehran(IP) -", "Iran Press"),
        ("Tehran, IRNA –", "IRNA"),
        ("Qom, Feb 1, IRNA –", "IRNA"),
        ("TEHRAN (Tasnim) –", "Tasnim News Agency"),
        ("MUSCAT, June 4 (Xinhua) --", "Xinhua"),
        ("MOSCOW, June 4. /TASS/.", "TASS"),
        ("BEIJING /Xinhua/ –", "Xinhua"),
        ("TEHRAN –", None),
        ("Tehran,", None),
    ],
)
def test_english_datelines_are_metadata(opening: str, outlet: str | None) -> None:
    lead = "Iranian and Omani officials agreed to speed up data transit projects on Monday."
    article = read(f"{EN_HEADLINE}\n{opening} {lead}\n{EN_MORE}")
    assert article.paragraphs[0] == lead
    assert article.outlet == outlet
    assert any(opening.rstrip(" -–,") in line for line in article.meta_lines)


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("به گزارش ایرنا،", "IRNA"),
        ("به گزارش خبرگزاری مهر،", "Mehr News Agency"),
        ("به گزارش خبرنگار ایلنا،", "ILNA"),
        ("به گزارش «ایسنا»", "ISNA"),
        ("به گزارش خبرگزاری فارس به نقل از روابط عمومی وزارت ارتباطات،", "Fars News Agency"),
        ("تهران- ایران پرس:", "Iran Press"),
        ("تهران – ایرنا -", "IRNA"),
    ],
)
def test_persian_datelines_and_attributions_are_metadata(opening: str, outlet: str) -> None:
    article = read(f"{FA_HEADLINE}\n{opening} {FA_LEAD}\n{FA_MORE}")
    assert article.paragraphs[0] == FA_LEAD
    assert article.outlet == outlet


def test_an_attribution_later_in_the_article_is_cut_too() -> None:
    second = "به گزارش خبرگزاری مهر، زارع پور افزود: همکاری در حوزه پست نیز گسترش می یابد."
    article = read(f"{FA_HEADLINE}\n{FA_LEAD}\n{second}")
    assert article.paragraphs[1].startswith("زارع پور افزود")


def test_an_arabic_city_with_an_unknown_outlet_in_parentheses_is_a_dateline() -> None:
    lead = "مسقط (الصباح) - التقى وزير الاتصالات الإيراني نظيره العماني لبحث نقل البيانات."
    more = "واتفق الجانبان على تسريع المشاريع المشتركة في الكابلات البحرية."
    article = read(f"{lead}\n{more}")
    assert article.paragraphs[0].startswith("التقى وزير الاتصالات الإيراني")


def test_arabic_agency_attribution_is_metadata() -> None:
    lead = "وأفادت وكالة مهر للأنباء، ان وزير الاتصالات الإيراني التقى نظيره العماني في مسقط."
    more = "واتفق الجانبان على تسريع المشاريع المشتركة في الكابلات البحرية."
    article = read(f"{lead}\n{more}")
    assert article.paragraphs[0].startswith("وزير الاتصالات الإيراني التقى")
    assert article.outlet == "Mehr News Agency"


@pytest.mark.parametrize(
    ("lines", "first"),
    [
        (["By Trend", f"{EN_LEAD}"], EN_LEAD),
        ([f"Iran Press/Iran news: {EN_LEAD}"], EN_LEAD),
        ([f"Iran PressWest AsiaOn Monday, {EN_LEAD[0].lower()}{EN_LEAD[1:]}"], "On Monday, "),
    ],
)
def test_outlet_tags_are_metadata_and_name_the_outlet(lines: list[str], first: str) -> None:
    article = read("\n".join([EN_HEADLINE, *lines, EN_MORE]))
    assert article.paragraphs[0].startswith(first)
    assert article.outlet in {"Trend News Agency", "Iran Press"}


def test_a_city_before_a_colon_is_a_dateline_not_the_outlet() -> None:
    lead = "Federal Minister for IT Amina Rao met the Iranian ambassador on Wednesday."
    article = read(f"{EN_HEADLINE}\nKARACHI: {lead}\n{EN_MORE}")
    assert article.paragraphs[0] == lead
    assert article.outlet is None


def test_a_person_byline_is_never_the_outlet() -> None:
    article = read(f"{EN_HEADLINE}\nBy Jane Doe\n{EN_LEAD}\n{EN_MORE}")
    assert article.outlet is None
    assert article.byline == "Jane Doe"


def test_no_summary_opens_with_a_dateline_through_the_cli(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    cases = {
        "en.txt": f"{EN_HEADLINE}\nTehran, IRNA – {EN_LEAD}\n{EN_MORE}\n",
        "fa.txt": f"{FA_HEADLINE}\nبه گزارش خبرگزاری مهر، {FA_LEAD}\n{FA_MORE}\n",
        "tag.txt": f"Iran PressIran newsIn Muscat, {EN_LEAD[0].lower()}{EN_LEAD[1:]}\n{EN_MORE}\n",
    }
    for name, text in cases.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["brief", str(folder), "-o", str(out), "--format", "json", "--no-translate", "-q"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(next(out.glob("brief-*.json")).read_text(encoding="utf-8"))
    firsts = {Path(a["source_path"]).name: a["summary"][0] for a in data["articles"]}
    assert firsts["en.txt"].startswith("Iran's Minister of ICT")
    assert firsts["fa.txt"].startswith("وزیر ارتباطات")
    assert firsts["tag.txt"].startswith("In Muscat,")
    outlets = {Path(a["source_path"]).name: a["outlet"] for a in data["articles"]}
    assert outlets == {"en.txt": "IRNA", "fa.txt": "Mehr News Agency", "tag.txt": "Iran Press"}


def test_an_unrelated_sidebar_line_above_the_headline_is_not_the_headline() -> None:
    sidebar = "Gold coin prices in the free market on Wednesday"
    article = read(f"{sidebar}\nPrintable Version Send to a friend\n{EN_HEADLINE}\n{EN_LEAD}")
    assert article.headline == EN_HEADLINE
    assert sidebar not in article.body_text


def test_a_place_and_date_line_and_a_reporter_with_agency_are_metadata() -> None:
    article = read(
        f"{EN_HEADLINE}\nMuscat, Oman, Feb. 5\nBy Jane Doe – Trend:\n{EN_LEAD}\n{EN_MORE}"
    )
    assert article.headline == EN_HEADLINE
    assert article.paragraphs == [EN_LEAD, EN_MORE]
    assert (article.outlet, article.byline) == ("Trend News Agency", "Jane Doe")
    assert "Muscat, Oman, Feb. 5" in article.meta_lines


def test_a_standfirst_without_a_full_stop_stays_in_the_body() -> None:
    standfirst = (
        "The two ministers agreed in Muscat to build a submarine cable and to share data "
        "centres for the region"
    )
    article = read(f"{EN_HEADLINE}\n{standfirst}\nTEHRAN, Mar. 3 (MNA) – {EN_LEAD}\n{EN_MORE}")
    assert article.headline == EN_HEADLINE
    assert article.paragraphs == [standfirst, EN_LEAD, EN_MORE]
    assert article.outlet == "Mehr News Agency"


def test_a_question_headline_is_not_the_lead() -> None:
    question = "Will Iran and Oman link their national data networks before the summer?"
    article = read(f"{question}\n{EN_LEAD}\n{EN_MORE}")
    assert article.headline == question
    assert article.paragraphs == [EN_LEAD, EN_MORE]
