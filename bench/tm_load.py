"""What a shared PostgreSQL memory costs per translation batch, with 1 and 2 writers.

    python bench/tm_load.py [--batches 300] [--writers 1,2]

Each writer is a process doing what a translator does for every batch of new sentences
(``briefgen/translation/translator.py``): one look-up of 32 reviewed and 32 machine
segments that are not there, then one upsert of 32 machine segments. A throwaway
cluster as in the tests (``tests/postgres_server.py``, fsync off: a lower bound for a
server that syncs, see BENCHMARKS.md), or the server in ``BRIEFGEN_TEST_PG_URL``.
Prints batches per second (wall time: the slowest writer's loop), milliseconds per
batch for one writer, and the server's CPU time (connections included).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT)]

BATCH = 32
WRITER = """
import json, sys, time
from briefgen.tm import open_memory
url, writer, batches, size = sys.argv[1], *map(int, sys.argv[2:5])
memory = open_memory(url, strict=True)
pair, model = ("fa", "en"), "fa-en|bench|1.0"
started = time.perf_counter()
for number in range(batches):
    sources = [f"جمله {writer} {number} {i} از یک مقاله" for i in range(size)]
    assert not memory.human(pair, sources) and not memory.machine(pair, model, sources)
    memory.put_machine(pair, model, "bench 1.0", {s: s + " in English" for s in sources})
print(json.dumps(time.perf_counter() - started))
memory.close()
"""


def _server_cpu(url: str) -> float:
    """CPU seconds the server's backends and helpers have used (Linux /proc)."""
    import psycopg

    with psycopg.connect(url) as db:
        (folder,) = db.execute("SHOW data_directory").fetchone()
    pid = int(Path(folder, "postmaster.pid").read_text().split()[0])
    pids = [pid, *_children(pid)]
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])) / ticks
    return total


def _children(pid: int) -> list[int]:
    found = []
    for path in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = path.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(path.parent.name))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=300, help="batches per writer")
    parser.add_argument("--writers", default="1,2")
    args = parser.parse_args()
    from tests.postgres_server import URL_ENV, Server, create_database

    server = None
    url = os.environ.get(URL_ENV)
    if not url:
        server = Server(Path(tempfile.mkdtemp(prefix="briefgen-pg-")) / "cluster")
        failed = server.start()
        if failed:
            sys.exit(f"no PostgreSQL: {failed}")
        url = server.url
    try:
        print("| writers | batches | wall s | batches/s | ms per batch | server CPU s |")
        print("|---:|---:|---:|---:|---:|---:|")
        for count in [int(n) for n in args.writers.split(",")]:
            database = create_database(url, f"tm_load_{count}")
            cpu_before = _server_cpu(database)
            processes = [
                subprocess.Popen(
                    [sys.executable, "-c", WRITER, database, str(n), str(args.batches), str(BATCH)],
                    stdout=subprocess.PIPE,
                    text=True,
                    cwd=ROOT,
                )
                for n in range(count)
            ]
            seconds = []
            for process in processes:
                out, _ = process.communicate()
                if process.returncode != 0:
                    sys.exit("a writer failed")
                seconds.append(json.loads(out))
            wall = max(seconds)
            cpu = _server_cpu(database) - cpu_before
            batches = count * args.batches
            print(
                f"| {count} | {batches} | {wall:.1f} | {batches / wall:.0f}"
                f" | {1000 * sum(seconds) / batches:.1f} | {cpu:.1f} |"
            )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
