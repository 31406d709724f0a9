"""What one input file may cost: size, text, nesting, paragraphs and time.

Every input is untrusted. A file past any limit is skipped with the limit as its reason
(the run report and the brief's "Not included" appendix say which), and the brief is
written from the others. The limits are far above any news article: the longest of the
dev corpus is about 30,000 characters in 60 paragraphs.
"""

from __future__ import annotations

import signal
import threading
import time
from types import FrameType

from briefgen.errors import InputError

#: Bytes of one input file (a .docx counts its zip bytes here, its text below).
MAX_INPUT_BYTES = 5_000_000
#: Characters of text one article may hold once decoded or unzipped.
MAX_TEXT_CHARS = 1_000_000
#: Non-empty paragraphs (lines) of one article.
MAX_PARAGRAPHS = 10_000
#: Element nesting in an XML part of a .docx (Word writes fewer than 20 levels).
MAX_XML_DEPTH = 100
#: Bytes of the unzipped XML of a .docx (text plus markup).
MAX_XML_BYTES = 60_000_000
#: Seconds to read one file, and to analyse one article (clean … summarize).
READ_SECONDS = 30.0
ANALYSE_SECONDS = 60.0
#: Sentences a summary is chosen from (the first ones: news puts the story first).
#: Summarizing is quadratic in the sentences considered.
SUMMARY_SENTENCES = 400


class LimitExceeded(InputError):
    """An input past one of the limits above (skipped, never fatal)."""


def check_text(text: str) -> None:
    """Raise :class:`LimitExceeded` when ``text`` holds too many characters or paragraphs."""
    if len(text) > MAX_TEXT_CHARS:
        raise LimitExceeded(
            f"too much text for an article ({len(text):,} characters > {MAX_TEXT_CHARS:,} limit)"
        )
    paragraphs = sum(1 for line in text.split("\n") if line.strip())
    if paragraphs > MAX_PARAGRAPHS:
        raise LimitExceeded(
            f"too many paragraphs for an article ({paragraphs:,} > {MAX_PARAGRAPHS:,} limit)"
        )


class time_limit:
    """``with time_limit(seconds, "read"):`` raises :class:`LimitExceeded` ("took longer
    than N s to read") when the block runs past ``seconds``.

    A real-time interval timer (SIGALRM) interrupts Python code anywhere, regular
    expressions included, and again every quarter second, in case a library swallows the
    first exception; C code that never returns to Python is interrupted when it does.
    Off the main thread, or with ``seconds`` <= 0, the block runs without a limit. An
    outer limit that ends first is kept.
    """

    _REPEAT = 0.25

    def __init__(self, seconds: float, what: str) -> None:
        self.seconds = seconds
        self.what = what
        self.armed = False
        self._outer: tuple[float, object] | None = None
        self._started = 0.0

    def _time_up(self, _signum: int, _frame: FrameType | None) -> None:
        if self.armed:
            raise LimitExceeded(f"took longer than {self.seconds:g} s to {self.what} (time limit)")

    def __enter__(self) -> time_limit:
        if self.seconds <= 0 or threading.current_thread() is not threading.main_thread():
            return self
        outer_delay, _ = signal.getitimer(signal.ITIMER_REAL)
        if outer_delay and outer_delay <= self.seconds:
            return self  # the outer limit ends first
        self._started = time.monotonic()
        self._outer = (outer_delay, signal.signal(signal.SIGALRM, self._time_up))
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds, self._REPEAT)
        return self

    def __exit__(self, *_exc: object) -> None:
        if not self.armed:
            return
        self.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        assert self._outer is not None
        outer_delay, outer_handler = self._outer
        signal.signal(signal.SIGALRM, outer_handler)  # type: ignore[arg-type]
        if outer_delay:
            left = outer_delay - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), self._REPEAT)
