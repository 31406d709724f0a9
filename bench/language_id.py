"""Language identification accuracy: the labelled sentences and the development corpus.

    python bench/language_id.py [--corpus ../shared/corpus] [--errors] [--windows]

Reads ``tests/fixtures/language_samples.tsv`` (sentences written for the tests, labelled)
and, when present, the corpus articles with their ``language`` label in ``labels.csv``;
prints accuracy by language and shape, the time per text, and with ``--errors`` every
miss. ``--windows`` also scores every run of 2, 3, 5 and 8 consecutive words of the
Persian and Arabic sentences (short-text robustness; windows of a quotation carry the
sentence's label, so some misses there are right).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from briefgen.stages.language import detect_language, language_model  # noqa: E402

SAMPLES = ROOT / "tests" / "fixtures" / "language_samples.tsv"


def read_samples(path: Path = SAMPLES) -> list[tuple[str, str, str]]:
    """(language, shape, text) of each labelled sentence."""
    rows = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line]
    for line in lines:
        if line.startswith("#") or line.startswith("language\t"):
            continue
        language, shape, text = line.split("\t")
        rows.append((language, shape, text))
    return rows


def read_corpus(folder: Path) -> list[tuple[str, str, str]]:
    """(language, "corpus", text) of each labelled corpus article."""
    with (folder / "labels.csv").open(encoding="utf-8") as handle:
        labels = list(csv.DictReader(handle))
    return [
        (row["language"], "corpus", (folder / "articles" / row["file"]).read_text("utf-8"))
        for row in labels
    ]


def windows(rows: list[tuple[str, str, str]], size: int) -> list[tuple[str, str, str]]:
    """Every run of ``size`` words of the Persian and Arabic sentences."""
    found = []
    for language, _shape, text in rows:
        if language in ("fa", "ar"):
            words = text.split()
            for start in range(max(1, len(words) - size + 1)):
                found.append((language, f"{size} words", " ".join(words[start : start + size])))
    return found


def score(name: str, rows: list[tuple[str, str, str]], show_errors: bool) -> None:
    """Print accuracy overall, by label and by shape, and the time per text."""
    started = time.perf_counter()
    results = [(language, shape, text, detect_language(text)) for language, shape, text in rows]
    elapsed = time.perf_counter() - started
    right = sum(1 for language, _, _, got in results if got == language)
    print(f"{name}: {right}/{len(rows)} right ({elapsed * 1000 / len(rows):.2f} ms per text)")
    for kind, index in (("language", 0), ("shape", 1)):
        total, good = Counter(), Counter()
        for row in results:
            total[row[index]] += 1
            good[row[index]] += row[3] == row[0]
        print(f"  by {kind}: " + ", ".join(f"{k} {good[k]}/{n}" for k, n in total.items()))
    said_english = [r for r in results if r[3] == "en" and r[0] != "en"]
    print(f"  other languages called English: {len(said_english)}")
    if show_errors:
        for language, shape, text, got in results:
            if got != language:
                print(f"    {language} ({shape}) -> {got}: {text[:70]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--windows", action="store_true")
    options = parser.parse_args()
    started = time.perf_counter()
    language_model()
    print(f"model load: {time.perf_counter() - started:.2f} s")
    samples = read_samples()
    score("labelled sentences", samples, options.errors)
    if options.windows:
        for size in (2, 3, 5, 8):
            score(f"{size}-word windows", windows(samples, size), options.errors)
    if (options.corpus / "labels.csv").is_file():
        score("corpus articles", read_corpus(options.corpus), options.errors)


if __name__ == "__main__":
    main()
