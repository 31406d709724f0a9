"""One translation memory for a team: PostgreSQL, with concurrent writers losing nothing.

Runs against the server ``.ci/run`` started (``BRIEFGEN_TEST_PG_URL``) or a throwaway
cluster (see tests/postgres_server.py); skipped where neither is possible.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.tm import open_memory
from briefgen.tm.model import Segment

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed (briefgen[postgres])")
ROOT = Path(__file__).resolve().parent.parent
PAIR = ("fa", "en")

WRITER = """
import json, sys
from briefgen.tm import open_memory
from briefgen.tm.model import Segment
url, first, last, step = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
numbers = list(range(first, last))[::step]
memory = open_memory(url, strict=True)
for start in range(0, len(numbers), 25):
    batch = {f"جمله {n}": f"sentence {n}" for n in numbers[start:start + 25]}
    memory.put_machine(("fa", "en"), "model-1", "translate-fa_en 1.0", batch)
report = memory.put_human(
    Segment(f"جمله {n}", f"reviewed {n}", "fa", origin="reviewer R") for n in range(1500, 1700)
)
print(json.dumps([report.added, report.updated, report.unchanged]))
memory.close()
"""


def test_the_store_keeps_machine_and_human_segments(postgres_url: str) -> None:
    with open_memory(postgres_url, strict=True) as memory:
        assert memory.shared and "postgresql://" in memory.location
        memory.put_machine(PAIR, "m1", "pkg 1", {"الف": "A", "ب": "B"})
        memory.put_machine(PAIR, "m2", "pkg 2", {"الف": "A2"})
        assert memory.machine(PAIR, "m1", ["الف", "ب", "پ"]) == {"الف": "A", "ب": "B"}
        assert memory.machine(PAIR, "m2", ["الف", "ب"]) == {"الف": "A2"}
        assert memory.human(PAIR, ["الف"]) == {}
        first = memory.put_human([Segment("الف", "Alef", "fa", origin="reviewer Sara")])
        assert (first.added, first.updated, first.unchanged) == (1, 0, 0)
        again = memory.put_human([Segment("الف", "Alef", "fa", origin="reviewer Sara")])
        assert (again.added, again.updated, again.unchanged) == (0, 0, 1)
        changed = memory.put_human([Segment("الف", "Alef!", "fa", origin="reviewer Reza")])
        assert (changed.added, changed.updated, changed.unchanged) == (0, 1, 0)
        assert memory.human(PAIR, ["الف"]) == {"الف": "Alef!"}
        stats = {(r.kind, r.origin): r.segments for r in memory.stats()}
        assert stats == {
            ("human", "reviewer Reza"): 1,
            ("machine", "pkg 1"): 2,
            ("machine", "pkg 2"): 1,
        }
        assert len(memory) == 4
        long_source = "ب " * 3000  # beyond a btree index row: keyed by digest
        memory.put_machine(PAIR, "m1", "pkg 1", {long_source: "long"})
        assert memory.machine(PAIR, "m1", [long_source]) == {long_source: "long"}


def test_two_concurrent_writers_lose_no_segment(postgres_url: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Overlapping halves, one written backwards: the same rows locked in opposite orders.
    commands = [
        [sys.executable, "-c", WRITER, postgres_url, "0", "3000", "1"],
        [sys.executable, "-c", WRITER, postgres_url, "1500", "4500", "-1"],
    ]
    processes = [
        subprocess.Popen(c, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    outputs = [p.communicate(timeout=300) for p in processes]
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    counts = [json.loads(out) for out, _ in outputs]
    # Both imported the same 200 reviewed segments: together exactly 200 added, none lost.
    assert sum(c[0] for c in counts) == 200
    assert sum(c[1] for c in counts) == 0
    assert sum(c[2] for c in counts) == 200

    with open_memory(postgres_url, strict=True) as memory:
        sources = [f"جمله {n}" for n in range(4500)]
        found = memory.machine(PAIR, "model-1", sources)
        assert len(found) == 4500
        assert all(found[f"جمله {n}"] == f"sentence {n}" for n in range(4500))
        reviewed = memory.human(PAIR, sources)
        assert reviewed == {f"جمله {n}": f"reviewed {n}" for n in range(1500, 1700)}


def _persian_folder(folder: Path, numbers: range) -> None:
    from tests.fixtures.fa_en_corpus import training_pairs

    persian = [fa for fa, _ in training_pairs(900, seed=11)[200:]]
    folder.mkdir()
    for index in numbers:
        body = " ".join(persian[index * 6 : index * 6 + 6])
        (folder / f"fa-{index:03d}.txt").write_text(f"دیدار در مسقط {index}\n{body}\n", "utf-8")


def _segment_count(url: str) -> int:
    with psycopg.connect(url) as db:
        row = db.execute("SELECT count(*) FROM briefgen_segments").fetchone()
    assert row is not None
    return int(row[0])


def test_two_concurrent_briefs_share_one_memory(
    fa_en_model: Path, postgres_url: str, tmp_path: Path
) -> None:
    first, second, both = tmp_path / "first", tmp_path / "second", tmp_path / "both"
    _persian_folder(first, range(0, 60))
    _persian_folder(second, range(30, 90))
    _persian_folder(both, range(0, 90))
    env = {**os.environ, "BRIEFGEN_TM_URL": postgres_url, "BRIEFGEN_WORKERS": "1"}

    def brief(folder: Path) -> subprocess.Popen:
        command = [
            sys.executable,
            "-m",
            "briefgen",
            "brief",
            str(folder),
            "-q",
            "--format",
            "json",
            "-o",
            str(tmp_path / f"out-{folder.name}"),
        ]
        return subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)

    runs = [brief(first), brief(second)]
    for process in runs:
        _out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    stored = _segment_count(postgres_url)
    assert stored > 300  # 90 headlines and their sentences, at least
    # Everything the union of both folders needs was kept: a third run adds nothing.
    third = brief(both)
    _out, err = third.communicate(timeout=300)
    assert third.returncode == 0, err
    assert _segment_count(postgres_url) == stored
    assert not (tmp_path / "cache" / "translation-memory.sqlite3").exists()
