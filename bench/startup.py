"""Start-up time: `briefgen --help` and `--version` against importing argostranslate.

    python bench/startup.py [--runs 15]

Each command runs in a fresh interpreter; the table gives the median wall time of
``--runs`` runs and its ratio to the anchor (``import argostranslate.translate``,
what a tool that imports its heavy libraries eagerly pays before doing anything).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time

GOAL_SECONDS = 0.3


def timed(command: list[str], runs: int) -> float:
    """Median wall time of ``command`` over ``runs`` runs (after one warm-up run)."""
    subprocess.run(command, check=True, capture_output=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    briefgen = shutil.which("briefgen") or "briefgen"
    commands = {
        "python -c pass (floor)": [sys.executable, "-c", "pass"],
        "briefgen --help": [briefgen, "--help"],
        "briefgen --version": [briefgen, "--version"],
        "import argostranslate.translate (anchor)": [
            sys.executable,
            "-c",
            "import argostranslate.translate",
        ],
    }
    results = {name: timed(command, args.runs) for name, command in commands.items()}
    anchor = results["import argostranslate.translate (anchor)"]
    print(f"| command | median s ({args.runs} runs) | ratio to anchor | goal ≤ {GOAL_SECONDS} s |")
    print("|---|---:|---:|---|")
    for name, seconds in results.items():
        goal = ("met" if seconds <= GOAL_SECONDS else "missed") if "briefgen" in name else ""
        print(f"| `{name}` | {seconds:.3f} | {seconds / anchor:.2f} | {goal} |")


if __name__ == "__main__":
    main()
