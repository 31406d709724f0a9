"""Same-story matching in detail: every labelled pair, every must-stay-apart pair, and the
closest other pairs, with their points and evidence.

    python bench/duplicates.py ../shared/corpus [--model FILE.argosmodel] [--gold-dates]
                               [--top N] [--brief-only]

briefgen builds one brief of all labelled files (no window), as ``bench/accuracy.py``
does: shipped glossary, an empty packages folder (``--model`` installs that package) and
an empty cache. The articles are then merged again by ``merge_duplicates`` to list the
score of every pair. ``--gold-dates`` replaces the tool's dates by the labels' dates
before that second merge: what matching does once dates are found (the tool dates few of
the corpus files). The last line is ``found/missed/false | apart merged``.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy import isolated_environment
from accuracy_rules import MUST_STAY_APART
from accuracy_score import load_labels, score_same_story, story_of


def _articles(corpus: Path, files: Sequence[str]) -> tuple[list, list[str]]:
    """Every article of one brief of ``files`` (merges undone), and the files that make
    ``build_brief`` raise (left out, as ``bench/accuracy.py`` does)."""
    from briefgen import Settings, build_brief

    settings = dataclasses.replace(Settings(), glossaries=())
    paths = [corpus / "articles" / f for f in files]
    crashed = []
    try:
        brief = build_brief(paths, settings=settings)
    except Exception:
        for path in paths:
            try:
                build_brief([path], settings=settings)
            except Exception:
                crashed.append(path.name)
        brief = build_brief([p for p in paths if p.name not in crashed], settings=settings)
    found = []
    for article in brief.articles:
        found.append(article)
        found.extend(article.also_reported_by)
    for article in found:
        article.also_reported_by = []
        article.merged_because = None
    return sorted(found, key=lambda a: a.name), crashed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="folder with labels.csv and articles/")
    parser.add_argument("--model", type=Path, help="an .argosmodel to install and use")
    parser.add_argument("--gold-dates", action="store_true", help="use the labels' dates")
    parser.add_argument("--top", type=int, default=8, help="closest other pairs to show")
    parser.add_argument("--brief-only", action="store_true", help="only the last line")
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    labels = load_labels(corpus)
    with isolated_environment(args.model):
        articles, crashed = _articles(corpus, list(labels))
    from briefgen.glossary import load_run_glossary
    from briefgen.stages.duplicates import merge_duplicates
    from briefgen.story.profile import build_profiles
    from briefgen.story.score import score_pair
    from briefgen.tuning import default_tuning

    if args.gold_dates:
        for article in articles:
            article.date = labels[article.name].date
    tuning = default_tuning().duplicates
    glossary = load_run_glossary()
    run = build_profiles(articles, glossary, tuning)
    index = {p.article.name: p for p in run.profiles}
    gold = sorted(
        {tuple(sorted((g.file, g.same_story_as))) for g in labels.values() if g.same_story_as}
    )
    apart = [tuple(sorted(p)) for p in MUST_STAY_APART]
    scored = {}
    if crashed:
        print(f"left out (build_brief raised): {', '.join(crashed)}")
    for a, b in combinations(sorted(index), 2):
        scored[(a, b)] = score_pair(index[a], index[b], run, tuning)
    kept = merge_duplicates(articles, tuning, glossary)
    entries = [
        {
            "source_path": str(r.source_path),
            "duplicate_of": str(e.source_path) if r is not e else None,
        }
        for e in kept
        for r in (e, *e.also_reported_by)
    ]
    result = score_same_story(labels, story_of(entries), MUST_STAY_APART)
    if not args.brief_only:
        sections = (("same story (labelled)", gold), ("must stay apart", apart))
        for title, pairs in sections:
            print(f"== {title}")
            for pair in pairs:
                if pair in scored:
                    print(f"{pair[0]} + {pair[1]}: {scored[pair].describe()}")
        others = [p for p in scored if p not in set(gold) | set(apart) and not scored[p].veto]
        others.sort(key=lambda p: scored[p].threshold - scored[p].score)
        print(f"== closest other pairs (top {args.top})")
        for pair in others[: args.top]:
            print(f"{pair[0]} + {pair[1]}: {scored[pair].describe()}")
    found, missed, false = (len(result[k]) for k in ("found", "missed", "false_merges"))
    dates = "gold dates" if args.gold_dates else "tool dates"
    model = args.model.name if args.model else "no model"
    print(
        f"same story ({model}, {dates}): found/missed/false {found}/{missed}/{false}"
        f" | apart merged {len(result['apart_merged'])}/{result['apart_total']}"
        + (f"; false: {result['false_merges']}" if false else "")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
