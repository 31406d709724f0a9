"""Dates without a year, Arabic and Hijri dates, and undated articles in windowed briefs,
on invented text, through the real CLI (``briefgen brief --week/--since/--until``).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.api import analyse_article
from briefgen.cli import main
from briefgen.model import Article
from briefgen.text.dates import find_dates, find_day_months

EN_HEADLINE = "Iran and Oman agree to speed up data transit"
EN_BODY = (
    "Iranian and Omani officials agreed to speed up data transit projects.\n"
    "The two sides will meet again to review cable and postal services."
)
FA_HEADLINE = "تاکید بر گسترش همکاری ارتباطی ایران و عمان"
FA_BODY = (
    "وزیر ارتباطات و فناوری اطلاعات در سفر به مسقط با وزیر ارتباطات عمان دیدار و گفت و گو کرد.\n"
    "دو طرف بر تسریع اجرای توافقات در حوزه ترانزیت داده تاکید کردند."
)
AR_HEADLINE = "إيران وعمان تبحثان تسريع نقل البيانات"
AR_BODY = (
    "بحث وزير الاتصالات الإيراني مع نظيره العماني في مسقط سبل التعاون في مجال نقل البيانات.\n"
    "واتفق الجانبان على تسريع المشاريع المشتركة في الكابلات البحرية."
)


def brief(tmp_path: Path, files: dict[str, str], *options: str) -> tuple[dict, str]:
    """The JSON brief of ``files`` built by the CLI with ``options``, and its run report."""
    folder = tmp_path / "in"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    args = ["brief", str(folder), "-o", str(out), "--format", "json,md", "--no-translate"]
    result = CliRunner().invoke(main, [*args, *options])
    assert result.exit_code == 0, result.output
    data = json.loads(next(out.glob("brief-*.json")).read_text(encoding="utf-8"))
    data["markdown"] = next(out.glob("brief-*.md")).read_text(encoding="utf-8")
    return data, result.stderr


def dates(data: dict) -> dict[str, str | None]:
    return {Path(a["source_path"]).name: a["date"] for a in data["articles"]}


def excluded(data: dict) -> dict[str, str]:
    return {Path(s["path"]).name: s["reason"] for s in data["excluded"]}


@pytest.mark.parametrize(
    ("text", "week", "expected", "jalali"),
    [
        # an English agency dateline with month and day
        (f"{EN_HEADLINE}\nTEHRAN, Mar. 3 (MNA) – {EN_BODY}", "2025-W10", "2025-03-03", None),
        # a Persian stamp with weekday: 8 Mehr 1398 was a Monday
        (f"{FA_HEADLINE}\nدوشنبه، ۸ مهر\n{FA_BODY}", "2019-W40", "2019-09-30", "1398/07/08"),
        # the day in words and «ماه» glued to the month: 10 Esfand 1400 was a Tuesday
        (f"{FA_HEADLINE}\nسه‌شنبه دهم اسفندماه\n{FA_BODY}", "2022-W09", "2022-03-01", "1400/12/10"),
        # «امروز (پنجشنبه)» and a yearless date in the lead: 22 Azar 1403 was a Thursday
        (
            f"{FA_HEADLINE}\nوزیر ارتباطات امروز (پنجشنبه) ۲۲ آذر در مسقط "
            f"با همتای عمانی خود دیدار کرد.\n{FA_BODY}",
            "2024-W50",
            "2024-12-12",
            "1403/09/22",
        ),
        # an Arabic dateline with a Levantine month name, weekday checked (3 March 2022)
        (f"{AR_HEADLINE}\nالخميس 3 آذار\n{AR_BODY}", "2022-W09", "2022-03-03", None),
        # a dateline under a standfirst
        (
            f"{EN_HEADLINE}\nThe two ministers agreed to build a cable and to share data centres "
            f"for the region\nTEHRAN, Mar. 3 (MNA) – {EN_BODY}",
            "2025-W10",
            "2025-03-03",
            None,
        ),
        # a window day at its edge: Sunday 1 June 2025 reported from a week ending Friday
        (f"{EN_HEADLINE}\nMuscat, June 1 (ONA) – {EN_BODY}", "2025-W22", "2025-06-01", None),
    ],
)
def test_yearless_dateline_takes_its_year_from_the_window(
    tmp_path: Path, text: str, week: str, expected: str, jalali: str | None
) -> None:
    data, _ = brief(tmp_path, {"a.txt": text}, "--week", week)
    article = data["articles"][0]
    assert (article["date"], article["jalali_date"]) == (expected, jalali)
    undated, _ = brief(tmp_path / "no-window", {"a.txt": text})
    assert dates(undated) == {"a.txt": None}  # no window: no year, no date


def test_a_yearless_date_with_the_wrong_weekday_is_no_date(tmp_path: Path) -> None:
    # 8 Mehr 1398 was a Monday, not a Tuesday: the stamp fits no day of this window
    text = f"{FA_HEADLINE}\nسه شنبه، ۸ مهر\n{FA_BODY}"
    data, _ = brief(tmp_path, {"a.txt": text}, "--week", "2019-W40")
    assert data["articles"] == []
    assert "falls outside the window" in excluded(data)["a.txt"]


def test_two_readings_near_the_window_leave_the_date_out(tmp_path: Path) -> None:
    # a two-year window holds 3 March twice: no single reading, no date
    text = f"{EN_HEADLINE}\nTEHRAN, Mar. 3 (MNA) – {EN_BODY}"
    data, _ = brief(tmp_path, {"a.txt": text}, "--since", "2024-01-01", "--until", "2025-12-31")
    assert dates(data) == {"a.txt": None}


def test_a_body_date_about_another_event_never_dates_the_article(tmp_path: Path) -> None:
    body = f"{EN_BODY}\nThe first cable was laid on March 3 after talks in Muscat."
    data, _ = brief(tmp_path, {"a.txt": f"{EN_HEADLINE}\n{body}"}, "--week", "2025-W10")
    assert dates(data) == {"a.txt": None}


def test_a_sidebar_date_in_an_image_placeholder_is_not_the_date(tmp_path: Path) -> None:
    sidebar = '<image>data:image/png;base64,AAAA alt="قیمت طلا در بازار امروز دوشنبه ۸ مهر"</image>'
    data, _ = brief(tmp_path, {"a.txt": f"{sidebar}\n{FA_BODY}"}, "--week", "2019-W40")
    assert dates(data) == {"a.txt": None}


def test_dates_of_a_related_stories_list_are_not_the_date(tmp_path: Path) -> None:
    sidebar = "Latest news\nIran and Armenia sign a postal MoU\nMonday, Mar. 3\n2025-03-01"
    data, _ = brief(
        tmp_path, {"a.txt": f"{EN_HEADLINE}\n{EN_BODY}\n{sidebar}\n"}, "--week", "2025-W10"
    )
    assert dates(data) == {"a.txt": None}


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("شنبه ۱۲ بهمن ماه ۱۴۰۲", "2024-02-01"),  # Persian digits, «ماه» after the month
        ("مهر 02, 1399 12:09 [Updated: دی 13, 1399 21:35]", "2020-09-23"),  # not the update
        ("الثلاثاء 18 حزيران/ يونيو 2019", "2019-06-18"),
        ("نشر بتاريخ 18/10/2017", "2017-10-18"),
        ("١٥ رمضان ١٤٤٥ هـ", "2024-03-25"),  # Hijri, Umm al-Qura
        ("May 15, 2024 (Updated: May 20, 2024)", "2024-05-15"),
    ],
)
def test_stamps_with_a_year(stamp: str, expected: str) -> None:
    article = analyse_article(
        Article(source_path=Path("a.txt"), raw_text=f"{AR_HEADLINE}\n{stamp}\n{AR_BODY}")
    )
    assert str(article.date) == expected


def test_a_page_clock_in_three_calendars_is_not_the_date() -> None:
    clock = "English | فارسی 2 Rajab 1446 / Thursday 2 January 2025 / 13 Dey 1403"
    text = f"{clock}\n{EN_HEADLINE}\nNews ID: 5012\n14:20 | 2024-12-30\n{EN_BODY}"
    article = analyse_article(Article(source_path=Path("a.txt"), raw_text=text))
    assert article.date == dt.date(2024, 12, 30)
    alone = analyse_article(
        Article(source_path=Path("b.txt"), raw_text=f"{clock}\n{EN_HEADLINE}\n{EN_BODY}")
    )
    assert alone.date is None


def test_hijri_and_arabic_month_names_are_read() -> None:
    assert [d.date for d in find_dates("28 Dhul Hijjah 1433")] == [dt.date(2012, 11, 13)]
    assert [d.date for d in find_dates("٥ كانون الثاني ٢٠٢٠")] == [dt.date(2020, 1, 5)]
    assert [d.date for d in find_dates("5 يناير 2020")] == [dt.date(2020, 1, 5)]
    assert find_day_months("may 3 people") == []  # a verb, not a month


# --- undated articles in windowed briefs ---------------------------------------------


def test_undated_articles_are_kept_in_a_window_unless_their_text_contradicts_it(
    tmp_path: Path,
) -> None:
    files = {
        "plain.txt": f"{EN_HEADLINE}\n{EN_BODY}\n",
        # a background date deep in the body does not contradict the window
        "background.txt": (
            "Iran opens a postal data centre in Kish\n"
            "The ministry opened a data centre for postal services on Kish island.\n"
            "Its first link to the mainland opened on 3 May 2009, officials recalled.\n"
        ),
        # the lead names a day two years before the window: an old story
        "old.txt": f"{EN_HEADLINE}\nOn 3 May 2021 Iran and Oman agreed on transit.\n{EN_BODY}\n",
        # a yearless dateline of another month
        "other-month.txt": f"{EN_HEADLINE}\nTEHRAN, Sept. 9 (IRNA) – {EN_BODY}\n",
    }
    data, report = brief(tmp_path, files, "--week", "2023-W19")
    assert dates(data) == {"plain.txt": None, "background.txt": None}
    reasons = excluded(data)
    assert set(reasons) == {"old.txt", "other-month.txt"}
    assert "2021-05-03" in reasons["old.txt"]
    assert "2 undated article(s) in the brief" in report
    assert "### Undated (" in data["markdown"]  # listed as undated in their section


def test_skip_undated_still_drops_them(tmp_path: Path) -> None:
    files = {"plain.txt": f"{EN_HEADLINE}\n{EN_BODY}\n"}
    data, report = brief(tmp_path, files, "--week", "2023-W19", "--skip-undated")
    assert data["articles"] == []
    assert excluded(data) == {"plain.txt": "undated (--skip-undated)"}
    assert "undated article(s) in the brief" not in report
