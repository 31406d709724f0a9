"""The same story once (issue 17): reports of one event merge across languages and outlets
without a translation model; near misses stay apart; the entry is the best report; the
JSON and the debug log say why.

The reports are invented for these tests (tests/story_samples.py) and go through the real
pipeline with the shipped glossary and no translation, unless a test builds articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from briefgen import build_brief
from briefgen.glossary import load_run_glossary
from briefgen.model import Article, Brief, Mention, Person, Sentence, Translation
from briefgen.stages.duplicates import keep_rank, merge_duplicates, story_score
from briefgen.story.numbers import Count, counts, weekdays
from briefgen.text.names import name_key
from briefgen.writers.common import also_reported_text, overview_rows
from briefgen.writers.json import brief_to_dict
from tests import story_samples as samples

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def brief_of(folder: Path, **texts: str) -> Brief:
    return build_brief([samples.write(folder, **texts)], translate=False)


def entry(brief: Brief, name: str) -> Article:
    return next(a for a in brief.articles if a.name == name)


def merged_names(brief: Brief) -> dict[str, list[str]]:
    return {a.name: [r.name for r in a.also_reported_by] for a in brief.articles}


# --- through the pipeline ----------------------------------------------------------------


def test_english_and_persian_reports_of_one_meeting_are_one_entry(tmp_path: Path) -> None:
    brief = brief_of(
        tmp_path,
        yerevan_en=samples.YEREVAN_EN,
        yerevan_fa=samples.YEREVAN_FA,
        tehran_armenia_fa=samples.TEHRAN_ARMENIA_FA,
    )
    # The English original is the entry; the Persian report a day later is merged; the
    # same two ministers a week later in Tehran are another event.
    assert merged_names(brief) == {
        "yerevan_en.txt": ["yerevan_fa.txt"],
        "tehran_armenia_fa.txt": [],
    }
    reason = entry(brief, "yerevan_en.txt").also_reported_by[0].merged_because
    assert reason is not None and reason.matched.name == "yerevan_en.txt"
    assert reason.date_gap == 1 and reason.score >= reason.threshold
    details = {e.detail for e in reason.evidence}
    assert {"Hakob Arshakyan", "Mohammad Javad Azari Jahromi", "Armenia"} <= details
    assert any(e.kind == "numbers" and "5 memorandum" in e.detail for e in reason.evidence)
    # The overview counts the event once; "Also reported by" names the other report.
    row = next(r for r in overview_rows(brief) if r.country == "Armenia")
    assert (row.entries, row.merged) == (2, 1)
    assert also_reported_text(entry(brief, "yerevan_en.txt")) == (
        "yerevan_fa.txt (Persian, 16 October 2019)"
    )


def test_a_counterpart_the_persian_spells_in_its_own_way_is_still_the_counterpart(
    tmp_path: Path,
) -> None:
    # «رشاد نبی‌اف» is no glossary form of Rashad Nabiyev, but his name key is: the pair
    # shares the counterpart (not just someone), and the undated English report is merged
    brief = brief_of(tmp_path, baku_en=samples.BAKU_EN, baku_fa=samples.BAKU_FA)
    assert merged_names(brief) == {"baku_en.txt": ["baku_fa.txt"]}
    reason = entry(brief, "baku_en.txt").also_reported_by[0].merged_because
    assert reason is not None
    assert any(e.detail == "Rashad Nabiyev" and e.points >= 2 for e in reason.evidence)


def test_the_json_keeps_every_report_and_why_it_was_merged(tmp_path: Path) -> None:
    brief = brief_of(tmp_path, yerevan_en=samples.YEREVAN_EN, yerevan_fa=samples.YEREVAN_FA)
    data = json.loads(json.dumps(brief_to_dict(brief), ensure_ascii=False))
    reports = {Path(a["source_path"]).name: a for a in data["articles"]}
    assert set(reports) == {"yerevan_en.txt", "yerevan_fa.txt"}
    merged = reports["yerevan_fa.txt"]
    assert Path(merged["duplicate_of"]).name == "yerevan_en.txt"
    because = merged["merged_because"]
    assert Path(because["matched"]).name == "yerevan_en.txt"
    assert because["date_gap_days"] == 1 and because["score"] >= because["threshold"]
    assert "Hakob Arshakyan" in because["shared"] and "Armenia" in because["shared"]
    assert "5 memorandum" in because["numbers"][0]
    assert {e["kind"] for e in because["evidence"]} >= {"person", "country", "date", "numbers"}
    assert reports["yerevan_en.txt"]["merged_because"] is None


def test_two_persian_outlets_a_day_apart_are_one_entry_not_the_ministers_other_event(
    tmp_path: Path,
) -> None:
    brief = brief_of(
        tmp_path,
        villages_1=samples.VILLAGES_FA_1,
        villages_2=samples.VILLAGES_FA_2,
        filtering=samples.FILTERING_FA,
    )
    groups = merged_names(brief)
    assert sorted(groups) == ["filtering.txt", next(k for k in groups if k.startswith("vill"))]
    villages = next(a for a in brief.articles if a.name.startswith("villages"))
    assert [a.name.startswith("villages") for a in villages.also_reported_by] == [True]
    assert entry(brief, "filtering.txt").also_reported_by == []
    reason = villages.also_reported_by[0].merged_because
    assert reason is not None and reason.date_gap == 1
    assert any("1,200 village" in e.detail for e in reason.evidence if e.kind == "numbers")


def test_two_meetings_at_one_conference_stay_apart_and_an_undated_report_joins_its_own(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="briefgen.stages.duplicates"):
        brief = brief_of(
            tmp_path,
            escap_fa=samples.BANGKOK_ESCAP_FA,
            thai_fa=samples.BANGKOK_THAI_FA,
            escap_en=samples.BANGKOK_ESCAP_EN_UNDATED,
        )
    # Same city, same day, same minister, one press office's wording: two counterparts.
    # The undated English report names the ESCAP chief: it joins that meeting, and as an
    # English original it is the entry.
    assert merged_names(brief) == {"escap_en.txt": ["escap_fa.txt"], "thai_fa.txt": []}
    reason = entry(brief, "escap_en.txt").also_reported_by[0].merged_because
    assert reason is not None and reason.date_gap is None
    assert reason.threshold == pytest.approx(2.75)  # same_story_undated
    assert "Armida Salsiah Alisjahbana" in {e.detail for e in reason.evidence}
    messages = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("same story: escap_fa.txt joins escap_en.txt") for m in messages)
    apart = [m for m in messages if m.startswith("kept apart:") and "thai_fa.txt" in m]
    assert apart and "Armida Salsiah Alisjahbana not in thai_fa.txt" in apart[0]


def test_a_trips_two_legs_in_two_capitals_stay_apart(tmp_path: Path) -> None:
    brief = brief_of(tmp_path, ashgabat=samples.ASHGABAT_EN, tashkent=samples.TASHKENT_EN)
    assert merged_names(brief) == {"ashgabat.txt": [], "tashkent.txt": []}
    articles = {a.name: a for a in brief.articles}
    score = story_score(articles["ashgabat.txt"], articles["tashkent.txt"])
    assert score.veto == "different partners (Turkmenistan, Uzbekistan)"


def test_the_same_counterpart_at_another_event_stays_apart(tmp_path: Path) -> None:
    """Hashemi and the Turkmen minister in Ashgabat on Tuesday, and in Tehran on Thursday
    (undated): the same two people, the same partner, another event."""
    brief = brief_of(
        tmp_path,
        ashgabat=samples.ASHGABAT_EN,
        tehran=samples.TEHRAN_TURKMEN_EN_UNDATED,
        villages=samples.VILLAGES_FA_1,
    )
    articles = {a.name: a for a in brief.articles}
    assert all(not a.also_reported_by for a in articles.values())
    score = story_score(
        articles["ashgabat.txt"], articles["tehran.txt"], [articles["villages.txt"]]
    )
    kinds = {e.kind: e for e in score.evidence}
    assert "Mammetkhan Chakiyev" in {e.detail for e in score.evidence}
    assert kinds["weekday"].points < 0 and kinds["words"].points < 0  # Tuesday / Thursday


def test_the_seeds_brief_merges_nothing(seeds_dir: Path) -> None:
    brief = build_brief([seeds_dir], translate=False)
    assert len(brief.articles) == 5
    assert all(not a.also_reported_by and a.merged_because is None for a in brief.articles)


# --- evidence ----------------------------------------------------------------------------


def test_counts_agree_across_scripts_and_number_words() -> None:
    english = counts(["They signed twenty documents worth $3 million on 15 May 2024."])
    persian = counts(["دو طرف ۲۰ سند همکاری به ارزش ۳ میلیون دلار امضا کردند."])
    assert set(english) == set(persian) == {Count(20, "memorandum"), Count(3_000_000, "dollar")}
    # Years, dates, times, ordinals and numbers glued to letters are no counts.
    assert counts(["In 2019, at 10:30, the 75th WSIS, 5G and D-8 on November 9."]) == []
    assert counts(["۱۷ کشور در ۲۴ آبان ۱۴۰۴ حضور داشتند"]) == [Count(17, "country")]


def test_weekdays_in_both_languages() -> None:
    assert weekdays(["met on Tuesday"]) == weekdays(["روز سه شنبه"]) == {"tuesday"}
    assert weekdays(["سهشنبه و پنجشنبه"]) == {"tuesday", "thursday"}
    assert weekdays(["روز شنبه"]) == {"saturday"}


def _article(name: str, language: str, sentences: list[str], **changes) -> Article:
    values: dict = dict(
        source_path=Path(name),
        raw_text="",
        language=language,
        headline=sentences[0],
        country="Thailand",
        date=dt.date(2022, 11, 24),
        sentences=[Sentence(s, i) for i, s in enumerate(sentences[1:])],
    )
    values.update(changes)
    return Article(**values)


ZAREPOUR = Mention("issa-zarepour", "Issa Zarepour", "Issa Zarepour", "person")
CHAIWUT = Mention("chaiwut-thanakhamanusorn", "Chaiwut Thanakhamanusorn", "Chaiwut", "person")


def test_someone_outside_the_glossary_meets_the_glossary_person_by_name_key() -> None:
    """The Persian report spells the Thai minister as the glossary does not: its person
    key still meets the glossary entry's English spelling in the English report."""
    glossary = load_run_glossary()
    english = _article(
        "en.txt",
        "en",
        ["Zarepour meets Chaiwut", "Issa Zarepour met Chaiwut Thanakamanusorn in Bangkok."],
        mentions=[ZAREPOUR, CHAIWUT],
        people=[Person("Issa Zarepour", key="issa-zarepour", entry_id="issa-zarepour")],
    )
    surface = "چایووت تاناکامانوسورن"
    persian = _article(
        "fa.txt",
        "fa",
        ["دیدار زارع پور و چایووت", f"عیسی زارع پور با {surface} در بانکوک دیدار کرد."],
        mentions=[dataclasses.replace(ZAREPOUR, surface="عیسی زارع پور")],
        people=[Person(surface, surface=surface, key=name_key(surface))],
    )
    score = story_score(english, persian, glossary=glossary)
    assert score.same_story, score.describe()
    assert "Chaiwut Thanakhamanusorn" in {e.detail for e in score.evidence}


def test_the_same_thing_counted_differently_speaks_against() -> None:
    first = _article("a.txt", "en", ["Deal", "Iran and Thailand signed 20 memoranda."])
    second = _article("b.txt", "en", ["Deal", "Iran and Thailand signed 15 memoranda."])
    score = story_score(first, second)
    conflict = [e for e in score.evidence if e.kind == "numbers"]
    assert conflict and conflict[0].points < 0 and "memorandum: 20 / 15" in conflict[0].detail


def test_foreign_cities_of_two_countries_speak_against() -> None:
    """The same minister and ESCAP chief in Seoul and in Bangkok: two meetings, although
    neither report is dated and each has the other's participants."""
    mentions = [ZAREPOUR, Mention("escap", "ESCAP", "ESCAP", "organization")]
    texts = {
        "Seoul": "Issa Zarepour met the ESCAP chief in Seoul at the digital ministers' meeting.",
        "Bangkok": "In Bangkok, Zarepour and the ESCAP chief discussed a regional satellite.",
    }
    seoul, bangkok = (
        _article(
            f"{city.lower()}.txt",
            "en",
            ["Zarepour meets ESCAP chief", text],
            mentions=mentions,
            date=None,
            country="Iran (domestic)",
        )
        for city, text in texts.items()
    )
    score = story_score(seoul, bangkok, glossary=load_run_glossary())
    cities = next(e for e in score.evidence if e.kind == "cities")
    assert cities.detail == "different (Seoul / Bangkok)" and cities.points < 0
    assert not score.same_story


def test_an_english_original_beats_a_translation_which_beats_an_untranslated_report() -> None:
    translation = Translation("Argos fa→en", "translate-fa_en", "1.9")
    long_persian = _article("fa.txt", "fa", ["تیتر", *["جمله ای طولانی درباره دیدار."] * 9])
    translated = _article(
        "fa-en.txt",
        "fa",
        ["تیتر", *["جمله"] * 6],
        translation=translation,
        headline_english="Headline",
    )
    for sentence in translated.sentences:
        sentence.english = "A long translated sentence about the meeting in Bangkok."
    short_english = _article("en-short.txt", "en", ["Headline", "Short."])
    full_english = _article("en-full.txt", "en", ["Headline", "A fuller English report.", "More."])
    ranked = sorted([long_persian, translated, short_english, full_english], key=keep_rank)
    assert [a.name for a in ranked] == ["en-full.txt", "en-short.txt", "fa-en.txt", "fa.txt"]


def test_merging_keeps_the_order_and_sorts_the_other_reports_by_date() -> None:
    base = ["Zarepour meets Chaiwut", "Issa Zarepour met Chaiwut in Bangkok on Thursday."]
    people = [Person("Issa Zarepour", key="issa-zarepour", entry_id="issa-zarepour")]
    reports = [
        _article(f"{n}.txt", "en", base, mentions=[ZAREPOUR, CHAIWUT], people=people, date=d)
        for n, d in (("b", dt.date(2022, 11, 25)), ("a", dt.date(2022, 11, 24)))
    ]
    reports.append(_article("c.txt", "en", [*base, "It was long."], mentions=[ZAREPOUR, CHAIWUT]))
    kept = merge_duplicates(reports, glossary=load_run_glossary())
    assert [a.name for a in kept] == ["c.txt"]  # the fullest English report
    assert [a.name for a in kept[0].also_reported_by] == ["a.txt", "b.txt"]


# --- the development corpus (read at run time, never copied) -----------------------------


@pytest.mark.skipif(not (CORPUS / "labels.csv").is_file(), reason="no ../shared/corpus")
def test_development_corpus_pairs_without_a_model() -> None:
    """Calibration guard: the FA+FA and the EN+FA pair with a shared counterpart are found,
    nothing else is merged (see BENCHMARKS.md, "The same story once")."""
    import csv

    with (CORPUS / "labels.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    files = [CORPUS / "articles" / row["file"] for row in rows]
    brief = build_brief(files, translate=False)
    merged = {tuple(sorted((a.name, r.name))) for a in brief.articles for r in a.also_reported_by}
    assert merged == {("dev_008.txt", "dev_036.txt"), ("dev_016.txt", "dev_030.txt")}
