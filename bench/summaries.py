"""ROUGE of every summary method on a folder of articles with reference summaries.

    python bench/summaries.py DIR [DIR ...] [--words N] [--sentences N] [--ablation]

DIR holds ``articles/`` and ``summaries/`` with files of the same names (the BBC News
Summary layout): an article's first line is its headline, the rest its body. Every
method sees the same sentences (the project's splitter) and the same budget rule:
sentences are taken from the top of the method's ranking until the budget is reached,
then shown in article order; with ``--words N`` the summary is cut after N words for
scoring only. Scores are F1 from the ``rouge-score`` package with its Porter stemmer.

For each length, one table per DIR: method × ROUGE-1/2/L F1 × mean words printed,
and each method's R2 gap to the default with a 95% paired bootstrap interval.
"""

from __future__ import annotations

import argparse
import functools
import random
import statistics
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefgen.readers.decode import decode_text
from briefgen.summarize import METHODS, rank_sentences
from briefgen.summarize.budget import Length, cut_words, take, word_count
from briefgen.summarize.default import WEIGHTS, Weights, rank, sentence_features
from briefgen.text.sentences import split_sentences

BOOTSTRAP_SAMPLES = 2000


@dataclass
class Item:
    """One article: its sentences, reference, and every method's ranking."""

    name: str
    sentences: list[str]
    reference: str
    rankings: dict[str, list[int]] = field(default_factory=dict)
    features: object = None


def load(folder: Path) -> list[Item]:
    """The articles of ``folder`` with their reference summaries."""
    items = []
    for path in sorted((folder / "articles").glob("*.txt")):
        text, _ = decode_text(path.read_bytes())
        headline, _, body = text.partition("\n")
        reference, _ = decode_text((folder / "summaries" / path.name).read_bytes())
        item = Item(path.name, split_sentences(body), reference)
        item.features = sentence_features(item.sentences, headline=headline.strip())
        for method in METHODS:
            if method != "default":  # a full ranking: no length
                item.rankings[method] = rank_sentences(
                    item.sentences, method=method, length=Length(sentences=len(item.sentences))
                )
        items.append(item)
    return items


def evaluate(items: list[Item], rankings: list[list[int]], length: Length) -> dict[str, list]:
    """Per-article ROUGE F1 (1, 2, L) and printed words for one method."""
    scorer = _scorer()
    result: dict[str, list] = {"rouge1": [], "rouge2": [], "rougeL": [], "words": []}
    for item, ranking in zip(items, rankings, strict=True):
        sizes = [word_count(s) for s in item.sentences]
        text = " ".join(item.sentences[i] for i in take(ranking, sizes, length))
        result["words"].append(word_count(text))
        if length.words is not None:
            text = cut_words(text, length.words)
        scores = scorer.score(item.reference, text)
        for key in ("rouge1", "rouge2", "rougeL"):
            result[key].append(scores[key].fmeasure)
    return result


@functools.cache
def _scorer():
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)


def bootstrap(differences: list[float], seed: int = 0) -> tuple[float, float]:
    """95% interval of the mean of ``differences`` (paired bootstrap over articles)."""
    rng = random.Random(seed)
    n = len(differences)
    means = sorted(sum(rng.choices(differences, k=n)) / n for _ in range(BOOTSTRAP_SAMPLES))
    return means[int(0.025 * BOOTSTRAP_SAMPLES)], means[int(0.975 * BOOTSTRAP_SAMPLES) - 1]


def table(title: str, items: list[Item], length: Length, methods: dict[str, list[list[int]]]):
    """Print one Markdown table: a row per method, the default first."""
    results = {name: evaluate(items, rankings, length) for name, rankings in methods.items()}
    default = results["default"]["rouge2"]
    print(f"\n{title}\n")
    print("| method | R1 | R2 | RL | words | R2 − default [95% CI] | default better / worse |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, result in results.items():
        mean = {k: 100 * statistics.fmean(v) for k, v in result.items() if k != "words"}
        words = statistics.fmean(result["words"])
        if name == "default":
            gap, record = "", ""
        else:
            diffs = [100 * (o - d) for o, d in zip(result["rouge2"], default, strict=True)]
            low, high = bootstrap(diffs)
            gap = f"{statistics.fmean(diffs):+.2f} [{low:+.2f}, {high:+.2f}]"
            better = sum(d > o for o, d in zip(result["rouge2"], default, strict=True))
            worse = sum(d < o for o, d in zip(result["rouge2"], default, strict=True))
            record = f"{better} / {worse}"
        print(
            f"| {name} | {mean['rouge1']:.2f} | {mean['rouge2']:.2f} | {mean['rougeL']:.2f} "
            f"| {words:.1f} | {gap} | {record} |"
        )


def ablation(items: list[Item], per_word: bool) -> dict[str, list[list[int]]]:
    """The default with one part changed at a time (for BENCHMARKS.md)."""
    variants: dict[str, Weights] = {
        "default": WEIGHTS,
        "Reduction only": Weights(word_weight=0, headline=0, redundancy=0, drop_fragments=False),
        "no SumBasic weight": replace(WEIGHTS, word_weight=0),
        "no headline overlap": replace(WEIGHTS, headline=0),
        "no redundancy control": replace(WEIGHTS, redundancy=0),
        "fragments kept": replace(WEIGHTS, drop_fragments=False),
        "position prior 0.05": replace(WEIGHTS, position=0.05),
        "position prior 0.2": replace(WEIGHTS, position=0.2),
    }
    return {
        name: [rank(i.features, w, per_word=per_word) for i in items]
        for name, w in variants.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+", type=Path, metavar="DIR")
    parser.add_argument("--words", type=int, action="append", help="word budget (repeatable)")
    parser.add_argument("--sentences", type=int, action="append", help="sentence count")
    parser.add_argument("--ablation", action="store_true", help="also score the default's parts")
    args = parser.parse_args(argv)
    lengths = [Length(words=n) for n in args.words or []]
    lengths += [Length(sentences=n) for n in args.sentences or []]
    lengths = lengths or [Length(words=75)]
    started = time.perf_counter()
    for folder in args.dirs:
        if not (folder / "articles").is_dir() or not (folder / "summaries").is_dir():
            parser.error(f"{folder}: needs articles/ and summaries/ folders")
        load_started = time.perf_counter()
        items = load(folder)
        print(
            f"\n### {folder.name}: {len(items)} articles "
            f"(ranked by every method in {time.perf_counter() - load_started:.0f} s)"
        )
        for length in lengths:
            per_word = length.words is not None
            methods = {
                m: [
                    rank(i.features, per_word=per_word) if m == "default" else i.rankings[m]
                    for i in items
                ]
                for m in METHODS
            }
            what = f"{length.words} words" if length.words else f"{length.sentences} sentences"
            table(f"{folder.name}, {what}", items, length, methods)
            if args.ablation:
                variants = ablation(items, per_word=length.words is not None)
                table(f"{folder.name}, {what}: ablation", items, length, variants)
    print(f"\nTotal run time: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
