"""Scoring for ``bench/accuracy.py``: labels in, per-file results and totals out.

Pure functions over the corpus labels (``labels.csv``) and briefgen's JSON dictionary
(``briefgen.writers.json.brief_to_dict``); the metric definitions are in the docstring of
``bench/accuracy.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from accuracy_rules import EXTRA_ACCEPTED_COUNTRIES, NON_PERSON_WORDS
from accuracy_text import (
    analyst_country,
    collapse,
    dateline_shape,
    doubled_titles,
    headline_furniture,
    labelled_furniture,
    loose,
    name_key,
    paren_repeats,
    same_country,
    surname,
    title_alternatives,
    titles_agree,
)

DEFAULT_DATE_TOLERANCE = 1  # days, for an INFERRED date whose notes state none
_TOLERANCE = re.compile(r"(?:\+-|±|\+/-)\s*(\d+)")
_ACCEPT = re.compile(r"(?i:\baccept)\s+([A-Z][\w-]*(?:\s[A-Z][\w-]*)*)")
_DEFENSIBLE = re.compile(r"(Iran \(domestic\)|[A-Z][\w-]*(?:\s[A-Z][\w-]*)*) is defensible")
_AS_IN = re.compile(r"WEAK partner as in (\w+)")


@dataclass
class Person:
    name: str
    title: str


@dataclass
class Gold:
    """One row of ``labels.csv``, with what the scorer derives from its notes."""

    file: str
    language: str
    headline: str
    date: dt.date | None
    date_tolerance: int  # days either side that still count as correct
    country: str
    accepted_countries: list[str]
    people: list[Person]
    same_story_as: str
    notes: str
    text: str = ""  # the article file, for the furniture lines the notes name
    furniture: set[str] = field(default_factory=set)


def date_tolerance(notes: str) -> int:
    """Days of tolerance for a label: 0 unless the date is INFERRED, then the ``+-N`` /
    ``±N`` the notes state, else :data:`DEFAULT_DATE_TOLERANCE`."""
    if "INFERRED" not in notes:
        return 0
    match = _TOLERANCE.search(notes)
    return int(match.group(1)) if match else DEFAULT_DATE_TOLERANCE


def parse_people(value: str) -> list[Person]:
    """``Name|Title;Name|Title`` → people."""
    people = []
    for item in filter(None, (part.strip() for part in value.split(";"))):
        name, _, title = item.partition("|")
        people.append(Person(collapse(name), collapse(title)))
    return people


def accepted_countries(file: str, country: str, notes: str, rows: Mapping[str, str]) -> list[str]:
    """The gold partner plus the alternatives a WEAK note accepts: "accept X", "X is
    defensible", "WEAK partner as in dev_NNN" (that file's alternatives), and
    :data:`~accuracy_rules.EXTRA_ACCEPTED_COUNTRIES`. ``rows`` maps files to notes."""
    accepted = [country, *EXTRA_ACCEPTED_COUNTRIES.get(file, ())]
    accepted += _ACCEPT.findall(notes) + _DEFENSIBLE.findall(notes)
    for other in _AS_IN.findall(notes):
        name = other if other.endswith(".txt") else f"{other}.txt"
        if name in rows and name != file:
            accepted += _ACCEPT.findall(rows[name]) + _DEFENSIBLE.findall(rows[name])
    return list(dict.fromkeys(collapse(c) for c in accepted if c))


def load_labels(corpus: Path) -> dict[str, Gold]:
    """The labels of ``corpus`` (``labels.csv`` and ``articles/``), by file name."""
    with (corpus / "labels.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    notes = {row["file"]: row.get("notes", "") for row in rows}
    labels = {}
    for row in rows:
        file, note = row["file"], row.get("notes", "")
        path = corpus / "articles" / file
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        date = row.get("publish_date", "").strip()
        gold = Gold(
            file=file,
            language=row.get("language", ""),
            headline=row.get("headline", ""),
            date=dt.date.fromisoformat(date) if date else None,
            date_tolerance=date_tolerance(note),
            country=collapse(row.get("partner_country", "")),
            accepted_countries=accepted_countries(file, row["partner_country"], note, notes),
            people=parse_people(row.get("key_people", "")),
            same_story_as=row.get("same_story_as", "").strip(),
            notes=note,
            text=text,
        )
        gold.furniture = labelled_furniture(text, note, gold.headline)
        labels[file] = gold
    return labels


# --- One file --------------------------------------------------------------------------


def score_headline(gold: Gold, article: Mapping[str, Any]) -> dict[str, Any]:
    """Headline against the label: equality (strict and loose), or, when the page has no
    headline line, not reproducing page furniture."""
    got = article.get("headline_source") or article.get("headline") or ""
    result: dict[str, Any] = {"expected": gold.headline, "got": got}
    if article.get("headline_origin") is not None:
        result["origin"] = article["headline_origin"]
    if gold.headline.strip():
        result["strict"] = collapse(got) == collapse(gold.headline)
        result["loose"] = loose(got) == loose(gold.headline)
    else:
        reason = headline_furniture(got, gold.furniture)
        result["strict"] = result["loose"] = reason is None
        result["expected"] = "(no headline line: not page furniture)"
        result["furniture"] = reason
    return result


def score_date(gold: Gold, got: str | None) -> str:
    """``correct``, ``abstained`` or ``wrong`` (abstaining on a blank gold is correct)."""
    day = dt.date.fromisoformat(got[:10]) if got else None
    if gold.date is None:
        return "correct" if day is None else "wrong"
    if day is None:
        return "abstained"
    return "correct" if abs((day - gold.date).days) <= gold.date_tolerance else "wrong"


def person_kind(entry: Mapping[str, Any], article: Mapping[str, Any]) -> str:
    """``person``, ``title`` or ``organization``: the mention's kind when the JSON gives
    it, else a guess from the words (Minister, Ministry, Agency, … → not a person)."""
    for mention in article.get("mentions") or []:
        if entry.get("id") is not None and mention.get("id") == entry.get("id"):
            return mention.get("kind") or "person"
    if entry.get("kind"):
        return entry["kind"]
    words = name_key(entry.get("name")).split()
    return "other" if not words or NON_PERSON_WORDS & set(words) else "person"


def score_people(gold: Gold, article: Mapping[str, Any]) -> dict[str, Any]:
    """Recall by name (exact, else surname), precision over the tool's person entries,
    and title agreement for the gold people found."""
    entries = article.get("people") or []
    persons = [e for e in entries if person_kind(e, article) == "person"]
    others = [e.get("name") for e in entries if person_kind(e, article) != "person"]
    by_key = {name_key(p.name): p for p in gold.people}
    found, titles, missed = [], [], []
    for person in gold.people:
        exact = [e for e in persons if name_key(e.get("name")) == name_key(person.name)]
        partial = [e for e in persons if surname(e.get("name")) == surname(person.name)]
        match = (exact or partial or [None])[0]
        if match is None:
            missed.append(person.name)
            continue
        found.append({"name": person.name, "got": match.get("name"), "exact": bool(exact)})
        titles.append(
            {
                "name": person.name,
                "expected": person.title,
                "got": match.get("title"),
                "agree": titles_agree(person.title, match.get("title")),
            }
        )
    gold_surnames = {surname(p.name) for p in gold.people}
    extra = [
        e.get("name")
        for e in persons
        if name_key(e.get("name")) not in by_key and surname(e.get("name")) not in gold_surnames
    ]
    return {
        "gold": len(gold.people),
        "found": found,
        "missed": missed,
        "tool_persons": len(persons),
        "false_persons": extra,
        "non_person_entries": others,
        "not_in_glossary": [e.get("name") for e in persons if e.get("in_glossary") is False],
        "titles": titles,
    }


def known_titles(gold: Iterable[Gold], articles: Iterable[Mapping[str, Any]]) -> set[str]:
    """Titles to look for when counting doubled titles: the gold titles (and their
    alternatives) and every title the tool printed."""
    titles = {alt for g in gold for p in g.people for alt in title_alternatives(p.title)}
    titles |= {e["title"] for a in articles for e in a.get("people") or [] if e.get("title")}
    return {t for t in titles if t}


def score_file(gold: Gold, article: Mapping[str, Any] | None, titles: set[str]) -> dict[str, Any]:
    """Every per-file metric for one labelled file (``article`` is its JSON entry, or
    ``None`` when the brief does not list it)."""
    if article is None:
        return {"file": gold.file, "missing": True, "gold_people": len(gold.people)}
    summary = list(article.get("summary") or [])
    printed = [article.get("headline") or "", *summary]
    country = article.get("country")
    return {
        "file": gold.file,
        "missing": False,
        "headline": score_headline(gold, article),
        "summary_first": summary[0] if summary else "",
        "dateline_led": dateline_shape(summary[0]) if summary else None,
        "date": {
            "expected": gold.date.isoformat() if gold.date else None,
            "tolerance": gold.date_tolerance,
            "got": article.get("date"),
            "outcome": score_date(gold, article.get("date")),
        },
        "country": {
            "expected": gold.accepted_countries,
            "got": country,
            "right": any(same_country(country, c) for c in gold.accepted_countries),
            "non_analyst_style": bool(country) and analyst_country(country) != collapse(country),
        },
        "people": score_people(gold, article),
        "doubled_titles": [d for text in printed for d in doubled_titles(text, titles)],
        "paren_repeats": [r for text in printed for r in paren_repeats(text)],
    }


# --- Same story ------------------------------------------------------------------------


def story_of(articles: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """File name → the file name of the brief entry it is listed under."""
    return {
        Path(a["source_path"]).name: Path(a.get("duplicate_of") or a["source_path"]).name
        for a in articles
    }


def score_same_story(
    labels: Mapping[str, Gold],
    stories: Mapping[str, str],
    must_stay_apart: Iterable[tuple[str, str]],
) -> dict[str, Any]:
    """Labelled pairs found (one entry) or missed; merged pairs that are not labelled
    (false merges); and which must-stay-apart pairs were merged."""
    gold_pairs = {
        tuple(sorted((g.file, g.same_story_as))) for g in labels.values() if g.same_story_as
    }
    members: dict[str, list[str]] = {}
    for file, entry in stories.items():
        members.setdefault(entry, []).append(file)
    merged = {tuple(sorted(p)) for group in members.values() for p in combinations(group, 2)}
    together = [p for p in sorted(gold_pairs) if p[0] in stories and p in merged]
    return {
        "found": together,
        "missed": [p for p in sorted(gold_pairs) if p not in together],
        "false_merges": sorted(merged - gold_pairs),
        "apart_merged": [p for p in must_stay_apart if tuple(sorted(p)) in merged],
        "apart_total": len(list(must_stay_apart)),
    }


# --- Totals ----------------------------------------------------------------------------


def totals(results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Sums over the per-file results; a missing file counts as a miss everywhere."""
    results = list(results)
    present = [r for r in results if not r["missing"]]
    people = [r["people"] for r in present]
    titles = [t for p in people for t in p["titles"]]
    dates = Counter(r["date"]["outcome"] for r in present)
    dates["wrong"] += len(results) - len(present)
    no_headline = [r for r in present if "furniture" in r["headline"]]
    return {
        "files": len(results),
        "missing": len(results) - len(present),
        "headline_strict": sum(r["headline"]["strict"] for r in present),
        "headline_loose": sum(r["headline"]["loose"] for r in present),
        "headline_gold_empty": len(no_headline),
        "headline_gold_empty_right": sum(r["headline"]["strict"] for r in no_headline),
        "dateline_led": sum(bool(r["dateline_led"]) for r in present),
        "summaries": sum(bool(r["summary_first"]) for r in present),
        "dates": {k: dates[k] for k in ("correct", "abstained", "wrong")},
        "dates_blank_abstained": sum(
            r["date"]["expected"] is None and r["date"]["outcome"] == "correct" for r in present
        ),
        "country_right": sum(r["country"]["right"] for r in present),
        "country_non_analyst": sum(r["country"]["non_analyst_style"] for r in present),
        "people_gold": sum(p["gold"] for p in people)
        + sum(r["gold_people"] for r in results if r["missing"]),
        "people_exact": sum(f["exact"] for p in people for f in p["found"]),
        "people_surname": sum(not f["exact"] for p in people for f in p["found"]),
        "tool_persons": sum(p["tool_persons"] for p in people),
        "false_persons": sum(len(p["false_persons"]) for p in people),
        "non_person_entries": sum(len(p["non_person_entries"]) for p in people),
        "titles_found": len(titles),
        "titles_agree": sum(t["agree"] for t in titles),
        "titles_none": sum(t["got"] is None for t in titles),
        "doubled_titles": sum(len(r["doubled_titles"]) for r in present),
        "paren_repeats": sum(len(r["paren_repeats"]) for r in present),
    }
