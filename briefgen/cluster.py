"""A Dask backend: the per-article stages and the translation batches of a run as Dask tasks.

``briefgen brief … --dask tcp://scheduler:8786`` (or ``--dask local`` for a LocalCluster
of ``$BRIEFGEN_WORKERS`` worker processes on this machine) hands the same work the local
process pool does to a Dask cluster, behind the same interface
(:class:`~briefgen.parallel.Backend`):

* article stages go out in chunks of articles, the run's context scattered to every
  worker once; results come back in order;
* translation batches are planned here exactly as for a local run (memory look-up,
  de-duplication, length-sorted batches), so each worker translates the same batches
  the local model would, and the English is the same. Each worker loads a model once
  (the :class:`ModelCache` worker plugin) and keeps it for every later batch and run;
* the English comes back to this process, which writes it to the translation memory
  batch by batch: the shared PostgreSQL memory when ``tm_url`` names one, else the
  local SQLite file.

Workers need briefgen (``pip install 'briefgen[dask]'``) and the same Argos package
installed; a worker with another version of the package refuses the batch. This module
imports Dask: import it only when ``--dask`` is asked for (:func:`briefgen.parallel.open_backend`).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from briefgen.errors import ConfigError, ModelError
from briefgen.parallel import worker_count

if TYPE_CHECKING:
    from briefgen.translation.translator import ArgosTranslator, BatchRunner

log = logging.getLogger(__name__)

LOCAL = "local"
PLUGIN = "briefgen-models"
#: Environment Dask's nanny sets in new workers by default, which triples CTranslate2's
#: CPU time (measured: BENCHMARKS.md): a fixed malloc trim threshold (glibc then returns
#: and re-faults the decoder's buffers at every batch) and one OpenMP thread. Unset for a
#: LocalCluster; workers of another cluster should be started without them too.
UNSET_WORKER_ENV = ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS", "MKL_NUM_THREADS")
#: Articles per task: enough to pay for a task's overhead, small enough to balance.
MAX_CHUNK = 32
CONNECT_TIMEOUT = "30s"


@dataclass(frozen=True)
class ModelSpec:
    """Which model a worker loads for a batch, and how it decodes."""

    from_code: str
    to_code: str
    model_key: str
    device: str | None
    threads: int | None
    beam_size: int
    batch_size: int
    max_decoding_length: int


def _load(spec: ModelSpec) -> ArgosTranslator:
    """The worker's translator for ``spec``: the installed package, checked to be the same."""
    from briefgen.translation.packages import find_package
    from briefgen.translation.translator import ArgosTranslator

    package = find_package(spec.from_code, spec.to_code)
    if package is None:
        raise ModelError(f"no {spec.from_code}→{spec.to_code} package on worker {os.uname()[1]}")
    translator = ArgosTranslator(
        package,
        use_cache=False,
        device=spec.device,
        threads=spec.threads,
        beam_size=spec.beam_size,
        batch_size=spec.batch_size,
        max_decoding_length=spec.max_decoding_length,
    )
    if translator.model_key != spec.model_key:
        translator.close()
        raise ModelError(
            f"worker {os.uname()[1]} has {translator.model_key}, the client {spec.model_key}"
        )
    return translator


class ModelCache(WorkerPlugin):
    """Worker plugin: each model loaded once per worker process, kept until it stops."""

    name = PLUGIN

    def __init__(self) -> None:
        self.translators: dict[ModelSpec, ArgosTranslator] = {}
        self._lock = threading.Lock()

    def setup(self, worker: Any) -> None:
        self.translators = {}
        self._lock = threading.Lock()

    def teardown(self, worker: Any) -> None:
        for translator in self.translators.values():
            translator.close()
        self.translators.clear()

    def translator(self, spec: ModelSpec) -> ArgosTranslator:
        with self._lock:
            if spec not in self.translators:
                self.translators[spec] = _load(spec)
            return self.translators[spec]

    def __getstate__(self) -> dict[str, Any]:
        return {}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.translators = {}
        self._lock = threading.Lock()


def translate_batch(spec: ModelSpec, tokens: list[list[str]]) -> list[str]:
    """Task: English for one batch of tokenized sentences, with the worker's model."""
    plugin: ModelCache = get_worker().plugins[PLUGIN]  # type: ignore[assignment]
    return plugin.translator(spec).translate_tokens(tokens)


def _article_chunk(func: Callable[[Any, Any], Any], items: Sequence[Any], context: Any) -> list:
    """Task: ``func`` over a chunk of articles."""
    return [func(item, context) for item in items]


class DaskBackend:
    """Run article stages and translation batches on a Dask cluster (see the module doc)."""

    def __init__(self, address: str, *, workers: int | None = None) -> None:
        self.address = address
        self._cluster = None
        self.local_threads: int | None = None
        if not log.isEnabledFor(logging.DEBUG):  # Dask's own INFO lines are not the run report
            logging.getLogger("distributed").setLevel(logging.WARNING)
        try:
            if address == LOCAL:
                count = worker_count(workers)
                self.local_threads = max(1, (os.cpu_count() or 1) // count)
                unset = {
                    f"distributed.nanny.pre-spawn-environ.{name}": None for name in UNSET_WORKER_ENV
                }
                with dask.config.set(unset):
                    self._cluster = LocalCluster(
                        n_workers=count,
                        threads_per_worker=1,
                        processes=True,
                        dashboard_address=None,
                        scheduler_kwargs={"dashboard": False},
                        silence_logs=logging.ERROR,
                    )
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout=CONNECT_TIMEOUT)
        except OSError as exc:
            self.close()
            raise ConfigError(f"cannot reach the Dask scheduler {address} ({exc})") from exc
        self.client.register_plugin(ModelCache(), name=PLUGIN)

    @property
    def workers(self) -> int:
        """Workers the scheduler knows now."""
        return len(self.client.scheduler_info().get("workers", {}))

    def map(
        self,
        func: Callable[[Any, Any], Any],
        items: Sequence[Any],
        context: Any,
        progress: Callable[[int], None] | None,
    ) -> list[Any]:
        """``[func(item, context) for item in items]`` in order, in chunks of articles."""
        if not items:
            return []
        size = max(1, min(MAX_CHUNK, len(items) // (max(1, self.workers) * 8)))
        shared = self.client.scatter(context, broadcast=True, hash=False)
        chunks = [items[i : i + size] for i in range(0, len(items), size)]
        futures = [
            self.client.submit(_article_chunk, func, chunk, shared, pure=False) for chunk in chunks
        ]
        done = 0
        sizes = {future.key: len(chunk) for future, chunk in zip(futures, chunks, strict=True)}
        for future in as_completed(futures):
            done += sizes[future.key]
            if progress:
                progress(done)
        results = [item for part in self.client.gather(futures) for item in part]
        del shared
        return results

    @property
    def batch_runner(self) -> Callable[[ArgosTranslator], BatchRunner]:
        return self._runner

    def _runner(self, translator: ArgosTranslator) -> BatchRunner:
        spec = ModelSpec(
            translator.package.from_code,
            translator.package.to_code,
            translator.model_key,
            translator.device_option,
            translator.threads_option or self.local_threads,
            translator.beam_size,
            translator.batch_size,
            translator.max_decoding_length,
        )

        def run(batches: list[list[list[str]]]) -> Iterator[tuple[int, list[str]]]:
            futures = [
                self.client.submit(translate_batch, spec, tokens, pure=False) for tokens in batches
            ]
            index = {future.key: i for i, future in enumerate(futures)}
            for future in as_completed(futures):
                yield index[future.key], future.result()
                future.release()

        return run

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None
