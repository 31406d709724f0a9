"""Options more than one command takes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from briefgen.config import DEVICES

F = TypeVar("F", bound=Callable[..., Any])


def model_options(command: F) -> F:
    """``--device`` and ``--threads``: where and on how many threads models run."""
    command = click.option(
        "--threads",
        type=click.IntRange(min=1),
        help="Threads per translation model (default: $BRIEFGEN_THREADS, else all cores).",
    )(command)
    return click.option(
        "--device",
        type=click.Choice(DEVICES),
        help="Where translation models run (default: $ARGOS_DEVICE_TYPE, else auto).",
    )(command)
