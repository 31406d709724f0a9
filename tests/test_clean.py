"""Clean stage: page furniture from several outlets' scrapes never reaches the body."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.model import Article
from briefgen.run import Run
from briefgen.stages.clean import clean_stage
from briefgen.stages.language import language_stage


def clean(text: str) -> Article:
    article = Article(source_path=Path("a.txt"), raw_text=text)
    language_stage(article, Run())
    clean_stage(article, Run())
    return article


ENGLISH_PROSE = (
    "Iran's Minister of ICT met his Omani counterpart in Muscat on Monday to discuss data "
    "transit. The two sides agreed to speed up joint projects in postal services and cables."
)
PERSIAN_PROSE = (
    "وزیر ارتباطات و فناوری اطلاعات در سفر به مسقط با وزیر ارتباطات عمان دیدار و گفت و گو کرد. "
    "دو طرف بر تسریع اجرای توافقات در حوزه ترانزیت داده تاکید کردند."
)


def test_english_news_site_furniture_is_removed() -> None:
    article = clean(
        "Home > World > Middle East\n"
        "Iran and Oman agree to speed up data transit\n"
        "Tehran Times\n"
        "By Jane Doe\n"
        "TEHRAN, May 15 (IRNA) – " + ENGLISH_PROSE + "\n"
        "Officials said a joint committee would meet again before the end of the year.\n"
        "Share this article\n"
        "0 Comments\n"
        "Related news\n"
        "Iran, Armenia sign MoU on ICT cooperation\n"
        "Iranian startups showcase products in Moscow\n"
    )
    assert article.headline == "Iran and Oman agree to speed up data transit"
    assert article.outlet == "Tehran Times"
    assert article.paragraphs[0].startswith("Iran's Minister of ICT met")
    body = "\n".join(article.paragraphs)
    for furniture in ("Home >", "Share", "Comments", "Related", "Armenia", "Moscow", "Jane Doe"):
        assert furniture not in body, furniture
    assert "By Jane Doe" in article.meta_lines
    assert any("TEHRAN" in line for line in article.meta_lines)


def test_city_dateline_names_the_agency_when_no_site_line() -> None:
    article = clean(f"Iran and Oman agree on data transit\nTEHRAN (IRNA) – {ENGLISH_PROSE}")
    assert article.outlet == "IRNA"
    assert article.paragraphs[0].startswith("Iran's Minister")


def test_persian_agency_page_keeps_only_the_article() -> None:
    article = clean(
        "صفحه اصلی » اقتصاد » فناوری\n"
        "دیدار وزیران ارتباطات ایران و عمان در مسقط\n"
        "۲۴ آبان ۱۴۰۲ - ۱۰:۳۰\n"
        "کد خبر 6012345\n"
        f"مهر: {PERSIAN_PROSE}\n"
        "وی افزود: همکاری در حوزه پست نیز گسترش می یابد.\n"
        "/انتهای پیام/\n"
        "برچسب‌ها\n"
        "اخبار مرتبط\n"
        "سفر وزیر ارتباطات به ارمنستان\n"
        "ارسال نظر\n"
    )
    assert article.headline == "دیدار وزیران ارتباطات ایران و عمان در مسقط"
    assert article.paragraphs[0].startswith("وزیر ارتباطات")
    assert article.paragraphs[1] == "وی افزود: همکاری در حوزه پست نیز گسترش می یابد."
    assert len(article.paragraphs) == 2
    assert article.outlet == "Mehr News Agency"  # the agency table's display name
    assert "کد خبر 6012345" in article.meta_lines


def test_quote_introduction_is_not_taken_for_a_source_prefix() -> None:
    article = clean(f"Headline of the story\nHe added: {ENGLISH_PROSE}")
    assert article.paragraphs[0].startswith("He added:")
    persian = clean(f"دیدار در مسقط\nزارعپور گفت: {PERSIAN_PROSE}")
    assert persian.paragraphs[0].startswith("زارعپور گفت:")


def test_related_list_in_one_run_on_line_is_removed() -> None:
    run_on = (
        "Minister of Health Discusses Cooperation with Swiss Mission in Damascus Jordanian "
        "Delegation to Visit Syria Next Week to Explore Economic and Investment Cooperation "
        "Syria , Jordan Sign MoU to Establish High Coordination Council"
    )
    article = clean(f"Headline here\n{ENGLISH_PROSE}\nYou might also like\n{run_on}")
    assert article.paragraphs == [ENGLISH_PROSE]


def test_lead_without_headline_gets_a_derived_one() -> None:
    lead = (
        "While praising the ministry's work on satellites, President Raisi called for better "
        "internet quality for people and businesses across the country, officials said."
    )
    article = clean(f"{lead}\n{ENGLISH_PROSE}")
    assert article.headline.startswith("President Raisi called for better internet quality")
    assert article.paragraphs[0] == lead  # the lead stays in the body


def test_leading_date_label_is_cut_off_the_lead() -> None:
    article = clean(f"date 2024-05-15 {ENGLISH_PROSE}\n{ENGLISH_PROSE}")
    assert article.paragraphs[0].startswith("Iran's Minister")
    assert "date 2024-05-15" in article.meta_lines


def test_a_date_in_the_lead_sentence_is_not_cut() -> None:
    text = f"On May 15, 2024, the minister met his Omani counterpart. {ENGLISH_PROSE}"
    article = clean(f"Headline\n{text}")
    assert article.paragraphs[0] == text


@pytest.mark.parametrize(
    "text",
    ["Latest news\n- One\n- Two\n", "ثبت نظر\nنمایش 0 نظر\nانتهای پیام/\n", "Share\nPrint\n"],
)
def test_pages_made_only_of_furniture_have_no_body(text: str) -> None:
    assert clean(text).paragraphs == []


def test_removed_lines_are_recorded_with_a_reason() -> None:
    article = clean(f"Headline\n{ENGLISH_PROSE}\nانتهای پیام/\nثبت نظر")
    reasons = dict(article.removed)
    assert reasons["انتهای پیام/"] == "agency trailer"
    assert reasons["ثبت نظر"] == "after the agency trailer"
