"""Progress bars for long work: on a terminal only, quiet otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click


class progress_reporter:
    """A click progress bar per stage on a terminal's stderr; nothing otherwise.

    ``with progress_reporter(quiet) as progress:`` gives a ``progress(label, done, total)``
    callback, or ``None`` when stderr is not a terminal or ``quiet`` is set.
    """

    def __init__(self, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.bar: Any = None
        self.label: str | None = None

    def __enter__(self) -> Callable[[str, int, int], None] | None:
        return self.update if self.enabled else None

    def update(self, label: str, done: int, total: int) -> None:
        if label != self.label:
            self._close()
            self.label = label
            self.bar = click.progressbar(length=total, label=label, file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None:
            self.bar.update(done - self.bar.pos)

    def _close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __exit__(self, *exc) -> None:
        self._close()
