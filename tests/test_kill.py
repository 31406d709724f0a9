"""A run killed with SIGKILL leaves the previous brief whole (files are renamed into place)
and the translation cache usable (SQLite, committed per batch)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import docx

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _many_articles(folder: Path, count: int) -> None:
    """``count`` English articles (seed copies) and a quarter as many distinct Persian ones
    in the test model's vocabulary, so that a run translates for a while."""
    from tests.fixtures.fa_en_corpus import training_pairs

    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for index in range(count):
        text = texts[index % len(texts)]
        (folder / f"{index:04d}.txt").write_text(f"{text}\n\nRun-on note {index}.", "utf-8")
    persian = [fa for fa, _ in training_pairs(count * 3 + 200, seed=7)[200:]]
    for index in range(count // 4):
        body = "\n".join(persian[index * 12 : index * 12 + 12])
        (folder / f"fa-{index:04d}.txt").write_text(f"دیدار در مسقط {index}\n{body}", "utf-8")


def _run(args: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def test_sigkill_mid_run_keeps_the_previous_brief_and_the_cache(
    argos_installed_dir: Path, tmp_path: Path
) -> None:
    cache_dir = tmp_path / "cache"
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(argos_installed_dir),
        "BRIEFGEN_CACHE_DIR": str(cache_dir),
    }
    out = tmp_path / "out"
    first = _run(["brief", str(SEEDS), "-o", str(out), "--until", "2024-05-19", "-q"], env)
    assert first.wait(timeout=120) == 0
    brief = out / "brief-2024-05-19.docx"
    before = brief.read_bytes()

    big = tmp_path / "big"
    _many_articles(big, 400)
    killed = 0
    for delay in (0.5, 1.5, 3.0):
        victim = _run(["brief", str(big), "-o", str(out), "--until", "2024-05-19", "-q"], env)
        time.sleep(delay)
        if victim.poll() is None:
            os.kill(victim.pid, signal.SIGKILL)
            killed += 1
        victim.wait(timeout=60)
        data = brief.read_bytes()
        text = "\n".join(p.text for p in docx.Document(str(brief)).paragraphs)
        if "0399.txt" not in text:  # not the new, complete brief: the old one, untouched
            assert data == before
        before = data
    assert killed, "every run finished before the kill: make the input larger"
    time.sleep(1.0)
    assert not _processes_reading(big), "workers of a killed run are still running"

    database = cache_dir / "translation-memory.sqlite3"
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    last = _run(["brief", str(big), "-o", str(out), "--until", "2024-05-19", "-q"], env)
    assert last.wait(timeout=300) == 0  # the cache opens and answers after the kills
    from briefgen.tm.sqlite import SQLiteMemory

    with sqlite3.connect(database) as connection:
        model, source, target = connection.execute(
            "SELECT model, source, target FROM segments WHERE kind = 'machine' LIMIT 1"
        ).fetchone()
    memory = SQLiteMemory(database)
    assert memory.machine(("fa", "en"), model, [source]) == {source: target}
    memory.close()


def _processes_reading(folder: Path) -> list[int]:
    """Processes whose command line names ``folder`` (orphaned pool workers)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if str(folder) in cmdline:
                found.append(int(proc.name))
    return found


def test_temporaries_left_by_a_killed_run_are_cleaned_up_later(tmp_path: Path) -> None:
    from briefgen.files import STALE_SECONDS, write_text_atomically

    stale = tmp_path / ".notes.txt.abc123.tmp"
    fresh = tmp_path / ".notes.txt.def456.tmp"
    stale.write_text("half")
    fresh.write_text("in use by another run")
    old = time.time() - STALE_SECONDS - 10
    os.utime(stale, (old, old))
    write_text_atomically(tmp_path / "notes.txt", "done")
    assert (tmp_path / "notes.txt").read_text() == "done"
    assert not stale.exists() and fresh.exists()
