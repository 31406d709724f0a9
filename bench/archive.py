"""Archive runs: the local process pool against ``--dask local`` with 1 and 2 workers, and
translation-memory hit rates on reruns.

    python bench/archive.py [--articles 1000] [--model bench|test] [--cap 40]

The archive comes from ``bench/corpus.py`` as ``bench/scale.py`` builds it (20 % Persian
by default). ``--model bench`` translates with a random-weight transformer-base package
built as ``bench/translation.py`` builds it (6+6 layers, d_model 512, int8, 32,000-entry
SentencePiece vocabulary); random weights never emit end-of-sentence, so every sentence
decodes exactly ``--cap`` target tokens (the bench caps decoding there, in this script
only, as a real model's sentence length would). ``--model test`` uses the tiny TEST
fixture, to see the pipeline's and Dask's own costs at large sizes.

Each run is a fresh process (``api.build_brief`` + JSON output) with its own memory:
wall time, the translate step's time, peak memory of the process tree (Dask's workers
included), and the segments in the memory. The Dask runs' briefs are compared with the
local one (``bench/compare_briefs.py``). Then two reruns on the local run's memory: the
same archive, and the archive with 10 % new Persian articles. Writes
``bench/results/archive-<model>-<articles>.json`` and prints Markdown tables.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]


def _child(folder: Path, out: Path, dask: str | None, workers: int | None, cap: int) -> None:
    """One run in this process: the brief, its step times, printed as JSON."""
    from briefgen import api
    from briefgen.translation import translator as translator_module

    steps: dict[str, float] = {}

    class StepTimes(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            found = re.match(r"steps? (.+): ([\d.]+) s", record.getMessage())
            if found:
                steps[found.group(1)] = float(found.group(2))

    pipeline_log = logging.getLogger("briefgen.pipeline")
    pipeline_log.setLevel(logging.DEBUG)
    pipeline_log.addHandler(StepTimes())
    original = translator_module.ArgosTranslator.__init__

    def capped(self, *args, **kwargs):
        kwargs["max_decoding_length"] = cap
        original(self, *args, **kwargs)

    translator_module.ArgosTranslator.__init__ = capped  # type: ignore[method-assign]
    started = time.perf_counter()
    brief = api.build_brief([folder], dask=dask, dask_workers=workers)
    api.write_brief(brief, out, ["json"])
    seconds = time.perf_counter() - started
    translated = sum(1 for a in brief.articles if a.translation)
    print(json.dumps({"seconds": seconds, "steps": steps, "translated_articles": translated}))


def _segments(cache: Path) -> int:
    path = cache / "translation-memory.sqlite3"
    if not path.exists():
        return 0
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT count(*) FROM segments").fetchone()[0])


def _run(name: str, folder: Path, work: Path, env: dict[str, str], cap: int, *options: str):
    from scale import measure

    out = work / f"out-{name}"
    result = work / f"{name}.json"
    command = [
        sys.executable,
        __file__,
        "--child",
        str(folder),
        str(out),
        "--cap",
        str(cap),
        "--result",
        str(result),
        *options,
    ]
    before = _segments(Path(env["BRIEFGEN_CACHE_DIR"]))
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall, peak = measure(command, env)
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
    data = json.loads(result.read_text())
    data.update(
        name=name,
        wall=wall,
        cpu=cpu,
        peak_mb=peak,
        segments_before=before,
        segments_after=_segments(Path(env["BRIEFGEN_CACHE_DIR"])),
        brief=str(next(out.glob("*.json"))),
    )
    print(
        f"{name}: {wall:.1f} s, CPU {cpu:.1f} s, "
        f"translate {data['steps'].get('translate', 0):.1f} s, "
        f"{data['segments_after']} segments",
        file=sys.stderr,
    )
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--persian-share", type=float, default=0.2)
    parser.add_argument("--model", choices=["bench", "test"], default="bench")
    parser.add_argument("--cap", type=int, default=40, help="target tokens per sentence")
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--dask", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        import contextlib
        import io

        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            _child(*args.child, args.dask, args.workers, args.cap)
        args.result.write_text(buffer.getvalue().strip().splitlines()[-1])
        return

    from compare_briefs import _load, differences
    from corpus import english_articles, persian_articles, write_folder
    from scale import install_test_model

    work = Path(tempfile.mkdtemp(prefix="briefgen-archive-"))
    persian = round(args.articles * args.persian_share)
    folder = write_folder(work / "archive", english_articles(args.articles - persian))
    persian_texts = persian_articles(persian + persian // 10 + 1)
    write_folder(folder, persian_texts[:persian], prefix="fa")
    if args.model == "bench":
        from translation import build_package

        from briefgen.text.persian import standard_spacing

        build_package([standard_spacing(t) for t in persian_texts], work / "packages" / "bench")
        env = {**os.environ, "ARGOS_PACKAGES_DIR": str(work / "packages")}
    else:
        env = install_test_model(work)
    env["BRIEFGEN_WORKERS"] = "2"
    env.pop("BRIEFGEN_TM_URL", None)

    def cache(name: str) -> dict[str, str]:
        return {**env, "BRIEFGEN_CACHE_DIR": str(work / f"cache-{name}")}

    runs = [_run("local", folder, work, cache("local"), args.cap)]
    for workers in (1, 2):
        runs.append(
            _run(
                f"dask-{workers}",
                folder,
                work,
                cache(f"dask-{workers}"),
                args.cap,
                "--dask",
                "local",
                "--workers",
                str(workers),
            )
        )
    reference = _load(Path(runs[0]["brief"]))
    for item in runs[1:]:
        item["differences"] = len(differences(reference, _load(Path(item["brief"]))))
    runs.append(_run("rerun", folder, work, cache("local"), args.cap))
    grown = write_folder(work / "new", persian_texts[persian:], prefix="fa-new")
    for path in grown.iterdir():
        path.rename(folder / path.name)
    runs.append(_run("rerun+10%", folder, work, cache("local"), args.cap))

    needed = runs[0]["segments_after"]
    print(f"\n{args.articles} articles ({persian} Persian), model {args.model}, cap {args.cap}\n")
    print("| run | wall s | CPU s | translate s | peak MB | same brief as local |")
    print("|---|---:|---:|---:|---:|---|")
    for item in runs[:3]:
        same = {None: "(reference)", 0: "yes"}.get(item.get("differences"), "**no**")
        print(
            f"| {item['name']} | {item['wall']:.1f} | {item['cpu']:.1f}"
            f" | {item['steps'].get('translate', 0):.1f} | {item['peak_mb']:.0f} | {same} |"
        )
    print("\n| rerun | wall s | CPU s | translate s | segments needed | new | hit rate |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for item in runs[3:]:
        new = item["segments_after"] - item["segments_before"]
        total = item["segments_after"] if item["name"] != "rerun" else needed
        print(
            f"| {item['name']} | {item['wall']:.1f} | {item['cpu']:.1f}"
            f" | {item['steps'].get('translate', 0):.1f} | {total} | {new}"
            f" | {100 * (total - new) / total:.1f} % |"
        )
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    target = results / f"archive-{args.model}-{args.articles}.json"
    target.write_text(
        json.dumps(
            {"args": vars(args) | {"child": None, "result": None}, "runs": runs},
            indent=2,
            default=str,
        )
    )
    print(f"load average at the end: {os.getloadavg()}", file=sys.stderr)
    print(f"\n(work folder {work}; results in {target})", file=sys.stderr)


if __name__ == "__main__":
    main()
