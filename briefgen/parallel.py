"""Per-article work on every core: a process pool when there is enough work to pay for it,
or a :class:`Backend` that runs it elsewhere (Dask workers, :mod:`briefgen.cluster`).

Sentence splitting (pysbd) and summarizing are pure Python and CPU-bound, so threads do
not help; processes do. On Linux the pool forks after :func:`warm_up` has loaded the
gazetteer, the language model and the sentence splitters, so workers start with them in
memory. Small runs stay in the calling process: a pool costs more than it saves below
:data:`MIN_PARALLEL_ITEMS` articles.
"""

from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from briefgen.translation.translator import RunnerFactory

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")

MIN_PARALLEL_ITEMS = 24
MAX_WORKERS = 8
WORKERS_ENV = "BRIEFGEN_WORKERS"
_PR_SET_PDEATHSIG = 1


class Backend(Protocol):
    """Somewhere else to run a run's per-article work and translation batches."""

    def map(
        self,
        func: Callable[[Any, Any], Any],
        items: Sequence[Any],
        context: Any,
        progress: Callable[[int], None] | None,
    ) -> list[Any]:
        """``[func(item, context) for item in items]``, in order."""
        ...

    @property
    def batch_runner(self) -> RunnerFactory:
        """Makes a translator's :data:`~briefgen.translation.translator.BatchRunner`."""
        ...

    def close(self) -> None:
        """Let go of the workers."""
        ...


DASK_HINT = "--dask needs Dask: pip install 'briefgen[dask]'"


def open_backend(address: str, workers: int | None = None) -> Backend:
    """A Dask backend on the scheduler at ``address`` ("local": a LocalCluster of
    ``workers`` processes, default :func:`worker_count`)."""
    from briefgen.errors import ConfigError

    try:
        from briefgen.cluster import DaskBackend
    except ImportError as exc:
        raise ConfigError(DASK_HINT) from exc
    return DaskBackend(address, workers=workers)


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
    from briefgen.stages.language import language_model
    from briefgen.text.sentences import _segmenter

    gazetteer()
    language_model()
    for language in ("en", "fa", "ar"):
        _segmenter(language)


def _start_method() -> str | None:
    """``fork`` (workers share what :func:`warm_up` loaded) when this process runs one
    thread; else ``forkserver``: a fork while another thread holds a lock (a Dask client's,
    a logging handler's) leaves that lock held forever in the child, and the pool hangs."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else None


_CONTEXT: object = None  # the context of the current map, in the parent and in workers


def _start_worker(context: object) -> None:
    """Pool initializer: die with the parent, and hold the map's context."""
    global _CONTEXT
    _die_with_parent()
    _CONTEXT = context


def _call(func: Callable[[T, C], R], item: T) -> R:
    return func(item, _CONTEXT)  # type: ignore[arg-type]


def map_articles(
    func: Callable[[T, C], R],
    items: Sequence[T],
    *,
    context: C,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    backend: Backend | None = None,
) -> list[R]:
    """``[func(item, context) for item in items]``, in order, on several processes when
    it pays, or on ``backend``.

    ``func`` must be a module-level function (it is pickled); ``context`` (the run) goes
    to each worker once, when it starts; ``progress`` gets the number of items done.
    """
    if backend is not None:
        return backend.map(func, items, context, progress)
    count = worker_count(workers)
    if count <= 1 or len(items) < MIN_PARALLEL_ITEMS:
        results = []
        for done, item in enumerate(items, 1):
            results.append(func(item, context))
            if progress:
                progress(done)
        return results
    warm_up()
    mp_context = multiprocessing.get_context(_start_method())
    chunksize = max(1, min(16, len(items) // (count * 8)))
    results = []
    with ProcessPoolExecutor(
        max_workers=count,
        mp_context=mp_context,
        initializer=_start_worker,
        initargs=(context,),
    ) as pool:
        jobs = pool.map(functools.partial(_call, func), items, chunksize=chunksize)
        for done, result in enumerate(jobs, 1):
            results.append(result)
            if progress:
                progress(done)
    return results
