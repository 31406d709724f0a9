"""Near-duplicate stories: one entry per event, "also reported by" the rest."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main
from briefgen.stages.duplicates import merge_duplicates, story_score
from tests.docx_samples import (
    AMBASSADOR,
    MUSCAT_EN,
    MUSCAT_FA,
    MUSCAT_FA_HEADLINE,
    POST,
    article,
    week_articles,
)


def muscat_en(**changes):
    return article(
        "irna.txt",
        "Iran, Oman stress speeding up implementation of ICT agreements",
        MUSCAT_EN,
        country="Oman",
        day=15,
        outlet="IRNA English",
        **changes,
    )


def muscat_translated(**changes):
    values = dict(country="Oman", day=15, outlet="ISNA", language="fa")
    values.update(changes)
    return article(
        "isna.txt",
        "Emphasis on accelerating the implementation of Tehran-Muscat agreements",
        MUSCAT_FA,
        headline_source=MUSCAT_FA_HEADLINE,
        **values,
    )


def ambassador(**changes):
    values = dict(country="Oman", day=14, outlet="Tehran Times")
    values.update(changes)
    return article(
        "ambassador.txt",
        "Zarepour receives Omani ambassador ahead of Muscat visit",
        AMBASSADOR,
        **values,
    )


def test_english_and_translated_reports_of_one_meeting_merge() -> None:
    english, translated = muscat_en(), muscat_translated()
    kept = merge_duplicates([translated, english])
    assert kept == [english]  # the original English report is the entry
    assert english.also_reported_by == [translated]


def test_same_partner_and_minister_but_another_event_stays_separate() -> None:
    articles = [muscat_en(), ambassador(), muscat_translated()]
    kept = merge_duplicates(articles)
    assert [a.name for a in kept] == ["irna.txt", "ambassador.txt"]
    assert kept[1].also_reported_by == []
    assert not story_score(articles[0], articles[1]).same_story


def test_same_topic_postal_deal_is_not_the_ministers_meeting() -> None:
    post = article(
        "post.txt", "Iran and Oman sign memorandum on postal services", POST, country="Oman", day=15
    )
    kept = merge_duplicates([muscat_en(), post])
    assert len(kept) == 2


def test_reports_days_apart_or_about_another_country_do_not_merge() -> None:
    assert len(merge_duplicates([muscat_en(), muscat_translated(day=19)])) == 2
    assert len(merge_duplicates([muscat_en(), muscat_translated(country="Qatar")])) == 2


def test_undated_report_merges_only_when_clearly_the_same() -> None:
    kept = merge_duplicates([muscat_en(), muscat_translated(day=None)])
    assert len(kept) == 1
    kept = merge_duplicates([muscat_en(), ambassador(day=None)])
    assert len(kept) == 2


def test_agency_copy_under_a_new_headline_merges() -> None:
    copy = muscat_en()
    copy = dataclasses.replace(
        copy,
        source_path=Path("inbox/copy.txt"),
        headline="Tehran and Muscat to speed up deals",
        outlet="Tehran Times",
        also_reported_by=[],
    )
    kept = merge_duplicates([muscat_en(), copy])
    assert len(kept) == 1 and kept[0].also_reported_by[0].outlet == "Tehran Times"


def test_untranslated_persian_without_shared_participants_stays_apart() -> None:
    """Changed by issue 17: an untranslated Persian report used to be compared with
    Persian ones only, so it could never join an English report of its event. Now it is
    compared through participants, numbers and dates (tests/test_story.py merges one);
    with none of them in common, the partner and the day alone do not make one story."""
    persian = article(
        "fa.txt",
        MUSCAT_FA_HEADLINE,
        [fa for _, fa in MUSCAT_FA],
        country="Oman",
        day=15,
        language="fa",
    )
    assert len(merge_duplicates([muscat_en(), persian])) == 2


def test_the_sample_week_keeps_every_other_story() -> None:
    articles = week_articles()
    kept = merge_duplicates(articles)
    assert len(kept) == len(articles) - 1
    assert sum(len(a.also_reported_by) for a in kept) == 1


def write_report(folder: Path, name: str, headline: str, dateline: str, body: list[str]) -> None:
    text = "\n\n".join([headline, dateline, *body]) + "\n"
    (folder / name).write_text(text, encoding="utf-8")


def test_brief_command_merges_duplicate_files(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    write_report(
        inbox,
        "irna.txt",
        "Iran, Oman stress speeding up ICT agreements",
        "Tehran, 26 October 2023",
        MUSCAT_EN,
    )
    write_report(
        inbox,
        "tehrantimes.txt",
        "Iran and Oman to speed up ICT deals",
        "October 26, 2023",
        [s.replace("Wednesday", "Wednesday evening") for s in MUSCAT_EN],
    )
    write_report(
        inbox,
        "ambassador.txt",
        "Zarepour receives Omani ambassador",
        "October 24, 2023",
        AMBASSADOR,
    )
    result = CliRunner().invoke(
        main, ["brief", str(inbox), "-o", str(tmp_path / "out"), "--format", "json,docx", "-q"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    assert len(data["articles"]) == 3  # every report, the merged one included
    merged = [a for a in data["articles"] if a["also_reported_by"]]
    assert len(merged) == 1
    names = {Path(merged[0]["source_path"]).name, Path(merged[0]["also_reported_by"][0]).name}
    assert names == {"irna.txt", "tehrantimes.txt"}
    duplicate = next(a for a in data["articles"] if a["duplicate_of"])
    assert duplicate["duplicate_of"] == merged[0]["source_path"]
    assert duplicate["summary"]  # merged reports are summarized too
    assert data["overview"] == [
        {"country": "Oman", "articles": 2, "duplicates": 1, "dates": "24–26 October 2023"}
    ]
