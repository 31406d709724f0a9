"""Per-article work on every core: a process pool when there is enough work to pay for it.

Sentence splitting (pysbd) and summarizing are pure Python and CPU-bound, so threads do
not help; processes do. On Linux the pool forks after :func:`warm_up` has loaded the
gazetteer and the sentence splitters, so workers start with them in memory. Small runs
stay in the calling process: a pool costs more than it saves below
:data:`MIN_PARALLEL_ITEMS` articles.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PARALLEL_ITEMS = 24
MAX_WORKERS = 8
WORKERS_ENV = "BRIEFGEN_WORKERS"
_PR_SET_PDEATHSIG = 1


def worker_count(requested: int | None = None) -> int:
    """Workers to use: ``requested``, else $BRIEFGEN_WORKERS, else the number of cores."""
    if requested is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        requested = int(env) if env.isdigit() else None
    if requested is None:
        requested = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return max(1, min(requested, MAX_WORKERS))


def _die_with_parent() -> None:
    """Pool initializer: on Linux, ask the kernel to kill this worker when its parent dies.

    Forked workers hold the pool's pipes open themselves, so a parent killed with SIGKILL
    would otherwise leave them waiting forever.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent died before prctl took effect
        os._exit(1)


def warm_up() -> None:
    """Load what every worker needs before the pool forks (shared copy-on-write)."""
    from briefgen.gazetteer import gazetteer
    from briefgen.text.sentences import _segmenter

    gazetteer()
    for language in ("en", "fa"):
        _segmenter(language)


def map_articles(
    func: Callable[[T], R],
    items: Sequence[T],
    *,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """``[func(item) for item in items]``, in order, on several processes when it pays.

    ``func`` must be a module-level function (it is pickled); ``progress`` gets the
    number of items done so far.
    """
    count = worker_count(workers)
    if count <= 1 or len(items) < MIN_PARALLEL_ITEMS:
        results = []
        for done, item in enumerate(items, 1):
            results.append(func(item))
            if progress:
                progress(done)
        return results
    warm_up()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunksize = max(1, min(16, len(items) // (count * 8)))
    results = []
    with ProcessPoolExecutor(
        max_workers=count, mp_context=context, initializer=_die_with_parent
    ) as pool:
        for done, result in enumerate(pool.map(func, items, chunksize=chunksize), 1):
            results.append(result)
            if progress:
                progress(done)
    return results
