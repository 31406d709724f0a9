"""The development corpus, read at run time (skipped when ``../shared/corpus`` is absent):
headlines, datelines and dates stay at the levels BENCHMARKS.md reports.

Only counts are asserted; no text of the corpus is in this file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "bench"))

pytestmark = pytest.mark.skipif(
    not (CORPUS / "labels.csv").is_file(), reason="development corpus not present"
)


@pytest.fixture(scope="module")
def window_totals() -> dict:
    import accuracy

    labels = accuracy.load_labels(CORPUS)
    with accuracy.isolated_environment(None):
        _, totals = accuracy.window_run(CORPUS, labels)
    return totals


def test_headlines_datelines_and_dates_on_the_corpus(window_totals: dict) -> None:
    assert window_totals["missing"] == 0
    assert window_totals["headline_strict"] >= 0.94 * window_totals["files"]
    assert window_totals["headline_gold_empty_right"] == window_totals["headline_gold_empty"]
    assert window_totals["dateline_led"] == 0
    assert window_totals["dates"]["wrong"] == 0
    assert window_totals["dates"]["correct"] >= 23  # yearless datelines dated in their week
