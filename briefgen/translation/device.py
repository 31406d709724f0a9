"""Where and with how many threads CTranslate2 runs a model.

* Device: ``"auto"`` (the default), ``"cpu"`` or ``"cuda"``; without a value,
  ``$ARGOS_DEVICE_TYPE`` (argostranslate's own setting) decides. ``auto`` is ``cuda``
  when CTranslate2 sees a CUDA GPU (``ctranslate2.get_cuda_device_count() > 0``),
  else ``cpu``. ``cuda`` without a usable GPU is an error, never a silent CPU run.
* Threads: ``intra_threads`` (threads inside one translation batch) is the ``threads``
  value, else ``$BRIEFGEN_THREADS``, else the number of CPUs; ``inter_threads``
  (batches run in parallel) is 1, since briefgen sends one batch at a time.
"""

from __future__ import annotations

import os

from briefgen.errors import ConfigError, ModelError

DEVICE_ENV = "ARGOS_DEVICE_TYPE"
THREADS_ENV = "BRIEFGEN_THREADS"
DEVICES = ("auto", "cpu", "cuda")
INTER_THREADS = 1


def cuda_device_count() -> int:
    """CUDA GPUs CTranslate2 can use (0 for a CPU-only build or no driver)."""
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except (RuntimeError, OSError):
        return 0


def requested_device(device: str | None = None) -> str:
    """``device``, else ``$ARGOS_DEVICE_TYPE``, else "auto"; checked against :data:`DEVICES`."""
    value = (device or os.environ.get(DEVICE_ENV) or "auto").strip().lower()
    if value not in DEVICES:
        where = "" if device else f" (from ${DEVICE_ENV})"
        raise ConfigError(f"device must be auto, cpu or cuda, not {value!r}{where}")
    return value


def resolve_device(device: str | None = None) -> str:
    """The device to load on: "cpu" or "cuda"; :class:`ModelError` for cuda without a GPU."""
    value = requested_device(device)
    if value == "cpu":
        return "cpu"
    gpus = cuda_device_count()
    if value == "cuda" and gpus == 0:
        where = "" if device else f" (from ${DEVICE_ENV})"
        raise ModelError(
            f"device 'cuda' was requested{where} but CTranslate2 finds no usable CUDA GPU; "
            "use device 'cpu' or 'auto'"
        )
    return "cuda" if gpus > 0 else "cpu"


def resolve_threads(threads: int | None = None) -> int:
    """CTranslate2's ``intra_threads``: ``threads``, else ``$BRIEFGEN_THREADS``, else CPUs."""
    if threads is None:
        configured = os.environ.get(THREADS_ENV, "").strip()
        if not configured:
            return os.cpu_count() or 1
        try:
            threads = int(configured)
        except ValueError:
            raise ConfigError(
                f"${THREADS_ENV} must be a whole number, not {configured!r}"
            ) from None
    if threads < 1:
        raise ConfigError(f"threads must be at least 1, not {threads}")
    return threads
