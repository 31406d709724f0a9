"""Printing for ``bench/accuracy.py``: the 12-line summary table and the list of misses."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

LABEL_WIDTH = 46
COLUMN_WIDTH = 24

#: (row label, how to print one run's totals); 10 rows + title + header = 12 lines.
ROWS: tuple[tuple[str, Any], ...] = (
    (
        "headline right: strict | loose",
        lambda t: f"{t['headline_strict']} | {t['headline_loose']} /{t['files']}",
    ),
    (
        "  of which no headline line: right",
        lambda t: f"{t['headline_gold_empty_right']}/{t['headline_gold_empty']}",
    ),
    ("dateline-led summaries", lambda t: f"{t['dateline_led']}/{t['summaries']}"),
    (
        "dates correct/abstained/wrong (blank ok)",
        lambda t: (
            "{correct}/{abstained}/{wrong}".format(**t["dates"])
            + f" ({t['dates_blank_abstained']})"
        ),
    ),
    (
        "country right (official-style art.|head.)",
        lambda t: (
            f"{t['country_right']}/{t['files']} "
            f"({t['country_non_analyst']}|{len(t['non_analyst_headings'])}/{t['headings']})"
        ),
    ),
    (
        "people recall: exact (+surname)",
        lambda t: f"{t['people_exact']}/{t['people_gold']} (+{t['people_surname']})",
    ),
    (
        "people precision (+title/org entries)",
        lambda t: (
            f"{t['tool_persons'] - t['false_persons']}/{t['tool_persons']}"
            f" (+{t['non_person_entries']})"
        ),
    ),
    (
        "titles agree of found (no title)",
        lambda t: f"{t['titles_agree']}/{t['titles_found']} ({t['titles_none']})",
    ),
    ("doubled titles | 'ICT (ICT)'", lambda t: f"{t['doubled_titles']} | {t['paren_repeats']}"),
    (
        "same story found/missed/false | apart merged",
        lambda t: "{f}/{m}/{x} | {a}/{n}".format(
            f=len(t["same_story"]["found"]),
            m=len(t["same_story"]["missed"]),
            x=len(t["same_story"]["false_merges"]),
            a=len(t["same_story"]["apart_merged"]),
            n=t["same_story"]["apart_total"],
        ),
    ),
)


def summary_table(title: str, runs: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The summary: a title line, a header and one row per metric, a column per run."""
    left_out = sorted({f for t in runs.values() for f in t["crashed"]})
    missing = ", ".join(f"{t['missing']} missing ({name})" for name, t in runs.items())
    crashed = f", crashed: {' '.join(left_out)}" if left_out else ""
    lines = [f"== {title}; {missing}{crashed} ==", _row("metric", list(runs))]
    for label, show in ROWS:
        lines.append(_row(label, [show(t) for t in runs.values()]))
    return lines


def _row(label: str, cells: Iterable[str]) -> str:
    return label.ljust(LABEL_WIDTH) + "".join(c.ljust(COLUMN_WIDTH) for c in cells).rstrip()


def _miss(run: str, file: str, field: str, expected: Any, got: Any) -> str:
    return f"[{run}] {file}  {field}\n    expected: {expected}\n    got:      {got}"


def error_lines(run: str, results: Iterable[Mapping[str, Any]], totals: Mapping[str, Any]):
    """Every miss of one run: file, field, expected, got."""
    for r in results:
        file = r["file"]
        if r["missing"]:
            yield _miss(run, file, "missing", "in the brief", r.get("reason"))
            continue
        head = r["headline"]
        if not head["strict"]:
            note = head.get("furniture") or ("loose match" if head["loose"] else "")
            yield _miss(run, file, f"headline {note}".strip(), head["expected"], head["got"])
        if r["dateline_led"]:
            yield _miss(
                run,
                file,
                "summary",
                "no dateline",
                f"{r['dateline_led']}: {r['summary_first'][:120]}",
            )
        date = r["date"]
        if date["outcome"] != "correct":
            tolerance = f" ±{date['tolerance']}" if date["tolerance"] else ""
            yield _miss(
                run, file, f"date {date['outcome']}", f"{date['expected']}{tolerance}", date["got"]
            )
        country = r["country"]
        if not country["right"]:
            yield _miss(run, file, "country", " or ".join(country["expected"]), country["got"])
        elif country["non_analyst_style"]:
            yield _miss(run, file, "country style", "analyst name", country["got"])
        people = r["people"]
        if people["missed"]:
            yield _miss(run, file, "people missed", people["missed"], "-")
        if people["false_persons"]:
            yield _miss(run, file, "people extra", "-", people["false_persons"])
        if people["non_person_entries"]:
            yield _miss(run, file, "people non-person", "-", people["non_person_entries"])
        for title in people["titles"]:
            if not title["agree"]:
                yield _miss(run, file, f"title of {title['name']}", title["expected"], title["got"])
        for doubled in r["doubled_titles"]:
            yield _miss(run, file, "doubled title", "-", doubled)
        for repeat in r["paren_repeats"]:
            yield _miss(run, file, "ICT (ICT)", "-", repeat)
    story = totals["same_story"]
    for pair in story["missed"]:
        yield _miss(run, " + ".join(pair), "same story missed", "one entry", "separate")
    for pair in story["false_merges"]:
        yield _miss(run, " + ".join(pair), "false merge", "separate", "one entry")
    for heading in totals["non_analyst_headings"]:
        yield _miss(run, "(brief)", "heading style", "analyst name", heading)
