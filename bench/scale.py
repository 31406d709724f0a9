"""Brief speed at scale: wall time and peak memory for 10, 100 and 1,000 articles.

    python bench/scale.py [--sizes 10,100,1000] [--runs 3] [--persian-share 0.2]

Folders are built by ``bench/corpus.py`` from the BBC dev sets and the seeds (English),
and, with ``--persian-share``, Persian articles from the test translation model's
vocabulary, which the test model (installed into a private packages folder) translates.
Each size runs ``briefgen brief DIR --week 2024-W20 -q`` ``--runs`` times in a fresh
process with an empty translation cache; the table gives the median wall time, the peak
resident memory of the whole process tree (sampled every 20 ms from /proc), the time
per article, and the growth ratio against the previous size (linear growth: 1,000 ≤
11 × 100).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, english_articles, persian_articles, write_folder

GOAL_SECONDS_1000 = 60.0
GOAL_MEMORY_MB = 1536


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in kB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")
            )
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return total


def measure(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, peak tree RSS in MB) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss_kb(process.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    return elapsed, peak / 1024


def install_test_model(work: Path) -> dict[str, str]:
    """Install the test fa→en package into ``work``; the environment that uses it."""
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(work / "packages")}
    fixture = ROOT / "tests" / "fixtures" / "translate-fa_en-test.argosmodel"
    subprocess.run(
        [shutil.which("briefgen") or "briefgen", "model", "install", str(fixture)],
        env=env,
        check=True,
        capture_output=True,
    )
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--persian-share", type=float, default=0.0)
    parser.add_argument("--keep", type=Path, help="build the folders here and keep them")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    briefgen = shutil.which("briefgen") or "briefgen"
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefgen-scale-"))
    env = install_test_model(work) if args.persian_share else dict(os.environ)
    rows = []
    previous: tuple[int, float] | None = None
    for size in sizes:
        persian = round(size * args.persian_share)
        folder = write_folder(work / f"in-{size}", english_articles(size - persian))
        write_folder(folder, persian_articles(persian), prefix="fa")
        out = work / f"out-{size}"
        command = [briefgen, "brief", str(folder), "-o", str(out), "--week", "2024-W20", "-q"]
        samples = []
        for run in range(args.runs):
            run_env = {**env, "BRIEFGEN_CACHE_DIR": str(work / f"cache-{size}-{run}")}
            samples.append(measure(command, run_env))
        seconds = statistics.median(s for s, _ in samples)
        memory = max(m for _, m in samples)
        growth = ""
        if previous:
            growth = f"{seconds / previous[1]:.1f}× for {size / previous[0]:.0f}× articles"
        rows.append((size, persian, seconds, memory, seconds / size * 1000, growth))
        previous = (size, seconds)
    print(
        f"| articles (Persian) | median wall s ({args.runs} runs) | peak RSS MB "
        "| ms/article | growth |"
    )
    print("|---:|---:|---:|---:|---|")
    for size, persian, seconds, memory, per_article, growth in rows:
        print(
            f"| {size} ({persian}) | {seconds:.2f} | {memory:.0f} | {per_article:.1f} | {growth} |"
        )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
