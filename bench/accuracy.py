"""Accuracy of briefgen's content on a labelled folder of articles.

    python bench/accuracy.py ../shared/corpus [--window] [--model FILE.argosmodel]
                             [--errors] [--json OUT]

The folder holds ``labels.csv`` and ``articles/`` (see ``../shared/corpus/README.md``).
briefgen runs through its library (``build_brief``) with an empty temporary
``ARGOS_PACKAGES_DIR`` (``--model`` installs that package there first) and a temporary
``BRIEFGEN_CACHE_DIR``, and the shipped glossary; every score is read from
``briefgen.writers.json.brief_to_dict(brief)``, whose ``articles`` list every report,
merged duplicates too. The last 12 lines printed are the summary table.

Runs: **plain** is one brief of all labelled files without a window. **window**
(``--window``) puts each file with a gold date into a brief whose window is the ISO week
(Monday–Sunday) holding that date, one brief per week, and the files without a gold date
into one brief without a window; a file the brief leaves out (outside the window,
skipped) is *missing*. If ``build_brief`` raises, each file of that brief is built alone
to find the ones that make it fail; those are *missing* ("crashed") and the brief is
built again without them. A missing file counts as wrong in every metric.

Metrics (per file of the JSON ``articles``, matched to a label by file name):

- **headline** – the tool's source-language headline (``headline_source``, else
  ``headline``). With a gold headline: *strict* right when equal after NFC and
  whitespace collapsing; *loose* right when equal after also removing ZWNJ and folding
  ي/ى→ی, ك→ک and Persian/Arabic digits. With an empty gold headline (the page has no
  headline line): right (strict and loose) unless it is page furniture: empty; opening
  with a dateline or attribution (the **dateline** shapes below); holding markup or a link
  (``<tag``, ``data:``, ``http``); fewer than 3 words of two or more letters; ending with
  ':' or ';' (a kicker); or equal to a line of the file (or its "…"-cut start) that
  starts with a string the label's notes quote ('…' or «…»), the headline line excepted.
- **dateline-led summaries** – summaries whose first sentence opens (after quotes) with
  a dateline or agency attribution: a listed city with a parenthesis ("Tehran (IP)",
  "Tehran, (APP …)"); city [, date] [, agency] and a dash ("Qom, Feb 1, IRNA –");
  capitals and a dash ("TEHRAN (FNA)-"); a city and a comma before a capitalized word
  ("Tehran, Iranian …"); agency run-ins ("Iran Press/Iran news:", "By Trend", "IRNA:",
  "According to IRNA", "IRNA reported"); «به گزارش», «به نقل از»; one or two Persian/
  Arabic words and a dash («تهران – ایرنا -», «القاهرة –»); outlet tags («خبرایران:»);
  Arabic attributions («أفادت وكالة», «نقلا عن»). Patterns: ``bench/accuracy_rules.py``.
- **dates** – *correct*: the tool's date equals the gold date, within ±N days for an
  INFERRED gold date (N from "+-N"/"±N" in the notes, else 1), or the tool gives no date
  where the gold is blank; *abstained*: no tool date where the gold has one; *wrong*:
  any other date, or missing.
- **country** – right when the tool's ``country`` names the gold ``partner_country`` or
  an accepted alternative ("accept X", "X is defensible", "WEAK partner as in dev_N" in
  the notes, plus dev_003's four bilaterals), comparing analyst names ("Türkiye" =
  "Turkey", "Russian Federation" = "Russia", "Korea, Republic of" = "South Korea").
  Also counted: articles and brief headings whose country is in an official
  (non-analyst) style.
- **people** – *recall*: gold key people with a tool person entry of the same name
  (case, diacritics, hyphens and punctuation ignored: *exact*), else of the same last
  word (*surname*). *Precision*: tool ``people`` entries that are persons (the mention's
  ``kind``; else not named like a title or organization) and match a gold person
  exactly or by surname, over all tool persons; title/organization entries in
  ``people`` are counted apart. **titles**: of the gold people found, those whose tool
  title agrees with the gold title or its parenthesized alternative: same qualifiers
  (former, deputy, vice, acting, ex, first) and equal words, or one word sequence inside
  the other, or Jaccard overlap of content words ≥ 0.5 (spelled-out ICT folded to "ICT";
  of/the/Iran's ignored). No tool title disagrees. **doubled titles**: in headlines and
  summary sentences, two copies of a known title (gold titles and the tool's titles) with
  only punctuation, the/Iran's/Iranian/his and at most four capitalized name words
  between them; **"ICT (ICT)"**: a phrase followed by itself in parentheses.
- **same story** – from ``same_story_as``: *found* when both files are listed under one
  brief entry (one's ``duplicate_of`` is the other, or both point to the same entry),
  else *missed*; *false merges*: pairs listed under one entry that are not labelled; the
  README's near-misses (``MUST_STAY_APART``) are reported as "apart merged".
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy_report import error_lines, summary_table
from accuracy_rules import MUST_STAY_APART
from accuracy_score import (
    Gold,
    known_titles,
    load_labels,
    score_file,
    score_same_story,
    story_of,
    totals,
)
from accuracy_text import analyst_country

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = ("ARGOS_PACKAGES_DIR", "BRIEFGEN_CACHE_DIR")

BriefDict = dict[str, Any]
Scored = tuple[list[dict[str, Any]], dict[str, Any]]  # per-file results, totals


def build(files: Sequence[Path], window: Any = None) -> tuple[BriefDict, dict[str, str]]:
    """``brief_to_dict`` of a brief of ``files``; files that make ``build_brief`` raise are
    left out and returned with the error."""
    from briefgen import Settings, build_brief
    from briefgen.writers.json import brief_to_dict

    # The shipped glossary only: no briefgen.toml or glossaries/ of the working folder.
    settings = dataclasses.replace(Settings(), glossaries=())

    def run(paths: Sequence[Path]) -> BriefDict:
        return brief_to_dict(build_brief(paths, settings=settings, window=window))

    try:
        return run(files), {}
    except Exception:
        crashed = {}
        for path in files:
            try:
                run([path])
            except Exception as exc:
                crashed[path.name] = f"build_brief raised {type(exc).__name__}: {exc}"
        return run([p for p in files if p.name not in crashed]), crashed


def score_run(
    labels: Mapping[str, Gold], briefs: Sequence[BriefDict], crashed: dict[str, str]
) -> Scored:
    """Per-file results, totals, same-story scores and non-analyst headings of one run."""
    articles = {Path(a["source_path"]).name: a for b in briefs for a in b["articles"]}
    left_out = {
        Path(s["path"]).name: s["reason"]
        for b in briefs
        for s in (*b.get("skipped", []), *b.get("excluded", []))
    }
    left_out.update(crashed)
    titles = known_titles(labels.values(), articles.values())
    results = []
    for file, gold in labels.items():
        result = score_file(gold, articles.get(file), titles)
        if result["missing"]:
            result["reason"] = left_out.get(file, "not in the brief")
        results.append(result)
    stories: dict[str, str] = {}
    for brief in briefs:
        stories.update(story_of(brief["articles"]))
    headings = {s["country"] for b in briefs for s in b.get("sections", [])}
    summary = totals(results)
    summary["same_story"] = score_same_story(labels, stories, MUST_STAY_APART)
    summary["headings"] = len(headings)
    summary["non_analyst_headings"] = sorted(h for h in headings if analyst_country(h) != h)
    summary["crashed"] = sorted(crashed)
    return results, summary


def plain_run(corpus: Path, labels: Mapping[str, Gold]) -> Scored:
    """All labelled files in one brief without a window."""
    files = [corpus / "articles" / f for f in labels]
    brief, crashed = build(files)
    return score_run(labels, [brief], crashed)


def window_run(corpus: Path, labels: Mapping[str, Gold]) -> Scored:
    """One brief per ISO week of the gold dates, and one without a window for the rest."""
    from briefgen.window import iso_week

    weeks: dict[str | None, list[Path]] = {}
    for file, gold in labels.items():
        key = None
        if gold.date:
            year, week, _ = gold.date.isocalendar()
            key = f"{year}-W{week:02d}"
        weeks.setdefault(key, []).append(corpus / "articles" / file)
    briefs, crashed = [], {}
    for key, files in weeks.items():
        brief, failed = build(files, iso_week(key) if key else None)
        briefs.append(brief)
        crashed.update(failed)
    return score_run(labels, briefs, crashed)


@contextmanager
def isolated_environment(model: Path | None) -> Iterator[None]:
    """An empty packages folder (holding ``model`` when given) and an empty cache, in
    ``ARGOS_PACKAGES_DIR`` and ``BRIEFGEN_CACHE_DIR`` until the block ends."""
    saved = {name: os.environ.get(name) for name in ENVIRONMENT}
    with tempfile.TemporaryDirectory(prefix="briefgen-accuracy-") as tmp:
        packages = Path(tmp) / "packages"
        packages.mkdir()
        os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
        os.environ["BRIEFGEN_CACHE_DIR"] = str(Path(tmp) / "cache")
        try:
            if model:
                from briefgen.translation.packages import install_package_file

                install_package_file(model, folder=packages)
            yield
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with labels.csv and articles/")
    parser.add_argument("--window", action="store_true", help="also score with ISO-week windows")
    parser.add_argument("--model", type=Path, help="an .argosmodel to install and use")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write per-file results")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    if not (corpus / "labels.csv").is_file():
        parser.error(f"{args.corpus}: no labels.csv")
    started = time.perf_counter()
    labels = load_labels(corpus)
    runs: dict[str, Callable[[Path, Mapping[str, Gold]], Scored]] = {"plain": plain_run}
    if args.window:
        runs["window"] = window_run
    scored = {}
    with isolated_environment(args.model):
        for name, run in runs.items():
            scored[name] = run(corpus, labels)
    elapsed = time.perf_counter() - started
    if args.errors:
        for name, (results, summary) in scored.items():
            for line in error_lines(name, results, summary):
                print(line)
        print()
    if args.json:
        data = {name: {"totals": s, "files": r} for name, (r, s) in scored.items()}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    model = args.model.name if args.model else "no model"
    title = f"accuracy: {len(labels)} files, {model}, {elapsed:.1f} s"
    sys.stderr.flush()
    print("\n".join(summary_table(title, {n: s for n, (_, s) in scored.items()})), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
