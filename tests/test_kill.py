"""A run killed with SIGKILL leaves the previous brief whole (files are renamed into place)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _many_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for index in range(count):
        text = texts[index % len(texts)]
        (folder / f"{index:04d}.txt").write_text(f"{text}\n\nRun-on note {index}.", "utf-8")


def _run(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "briefgen", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_sigkill_mid_run_keeps_the_previous_brief(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = _run(["brief", str(SEEDS), "-o", str(out), "--until", "2024-05-19", "-q"])
    assert first.wait(timeout=120) == 0
    brief = out / "brief-2024-05-19.docx"
    before = brief.read_bytes()

    big = tmp_path / "big"
    _many_articles(big, 400)
    killed = 0
    for delay in (0.5, 1.5, 3.0):
        victim = _run(
            ["brief", str(big), "-o", str(out), "--until", "2024-05-19", "-q", "--no-translate"]
        )
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
