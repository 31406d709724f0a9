"""Publication dates: where pages state them, in Gregorian and Jalali forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from briefgen.api import analyse_article
from briefgen.model import Article
from briefgen.text.dates import find_dates, jalali_to_gregorian

BODY = (
    "Iran's Minister of ICT met his Omani counterpart in Muscat to discuss data transit. "
    "The two sides agreed to speed up joint projects in postal services and cables."
)


def analysed(text: str, **meta: str) -> Article:
    return analyse_article(Article(source_path=Path("a.txt"), raw_text=text, source_meta=meta))


@pytest.mark.parametrize(
    ("text", "expected", "jalali"),
    [
        ("2024-05-15", dt.date(2024, 5, 15), None),
        ("Publish Date: 2025/01/29", dt.date(2025, 1, 29), None),
        ("1402/08/04 - 16:45", dt.date(2023, 10, 26), "1402/08/04"),
        ("۱۴۰۲/۰۸/۰۴", dt.date(2023, 10, 26), "1402/08/04"),
        ("۴ آبان ۱۴۰۲", dt.date(2023, 10, 26), "1402/08/04"),
        ("4 Aban 1402", dt.date(2023, 10, 26), "1402/08/04"),
        ("Wednesday, May 15, 2024", dt.date(2024, 5, 15), None),
        ("15 May 2024", dt.date(2024, 5, 15), None),
        ("Sept. 3rd, 2023", dt.date(2023, 9, 3), None),
        ("December, 03, 2024 - 14:22 Economy news", dt.date(2024, 12, 3), None),
        ("15/05/2024", dt.date(2024, 5, 15), None),
        ("Ahmet Kaya |03.12.2024 - 14:20", dt.date(2024, 12, 3), None),
        ("1403/12/30", dt.date(2025, 3, 20), "1403/12/30"),  # a leap Esfand
    ],
)
def test_date_forms(text: str, expected: dt.date, jalali: str | None) -> None:
    found = find_dates(text)
    assert [(d.date, d.jalali) for d in found] == [(expected, jalali)]


@pytest.mark.parametrize(
    "text", ["1402/13/40", "1402/12/30", "2023-02-30", "05/06/2024", "version 2.3.2024", "in 2024"]
)
def test_impossible_or_ambiguous_dates_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_jalali_conversion_checks_the_calendar() -> None:
    assert jalali_to_gregorian(1402, 1, 1) == dt.date(2023, 3, 21)
    assert jalali_to_gregorian(1402, 7, 31) is None  # Mehr has 30 days


def test_dateline_gives_the_publication_date() -> None:
    article = analysed(f"Minister visits Muscat\n1402/08/04 - 16:45 - کد خبر: 1\n{BODY}")
    assert (article.date, article.jalali_date) == (dt.date(2023, 10, 26), "1402/08/04")


def test_a_date_in_the_body_is_not_the_publication_date() -> None:
    article = analysed(
        f"Minister visits Muscat\n{BODY}\nThe commander was killed on Friday, "
        "January 3, 2020, in a drone strike near the airport, officials recalled."
    )
    assert article.date is None


def test_impossible_jalali_dateline_leaves_the_article_undated() -> None:
    article = analysed(f"دیدار وزیران در مسقط\n1402/13/40 - 16:45\n{BODY}")
    assert article.date is None


def test_page_metadata_wins_over_text() -> None:
    article = analysed(f"Minister visits Muscat\nPublished: 2024-05-01\n{BODY}", date="2024-05-02")
    assert article.date == dt.date(2024, 5, 2)


def test_labelled_publication_date_wins_over_an_update_line() -> None:
    article = analysed(
        f"Minister visits Muscat\nUpdated: 2024-05-20\n{BODY}\nPublish Date: 2024/05/15"
    )
    assert article.date == dt.date(2024, 5, 15)


def test_a_date_in_the_future_is_a_typo() -> None:
    article = analysed(f"Minister visits Muscat\nPublished: 2091-05-15\n{BODY}")
    assert article.date is None


def test_a_line_of_only_date_and_time_is_a_dateline() -> None:
    article = analysed(f"Minister visits Muscat\n1402/08/04 - 16:45\n{BODY}")
    assert article.date == dt.date(2023, 10, 26)
    article = analysed(f"Minister visits Muscat\n2024-05-15\n{BODY}")
    assert article.date == dt.date(2024, 5, 15)
