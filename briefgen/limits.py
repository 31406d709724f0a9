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
from collections.abc import Callable
from types import FrameType
from typing import Any, TypeVar

from briefgen.errors import InputError
from briefgen.tuning import input_limits

T = TypeVar("T")

# The limits are data: ``[limits]`` in ``briefgen/data/defaults.toml``.
_LIMITS = input_limits()
#: Bytes of one input file (a .docx counts its zip bytes here, its text below).
MAX_INPUT_BYTES: int = _LIMITS["max_input_bytes"]
#: Characters of text one article may hold once decoded or unzipped.
MAX_TEXT_CHARS: int = _LIMITS["max_text_chars"]
#: Non-empty paragraphs (lines) of one article.
MAX_PARAGRAPHS: int = _LIMITS["max_paragraphs"]
#: Element nesting in an XML part of a .docx.
MAX_XML_DEPTH: int = _LIMITS["max_xml_depth"]
#: Bytes of the unzipped XML of a .docx (text plus markup).
MAX_XML_BYTES: int = _LIMITS["max_xml_bytes"]
#: Elements of one HTML page, and attributes of one of its tags.
MAX_HTML_ELEMENTS: int = _LIMITS["max_html_elements"]
MAX_HTML_ATTRIBUTES: int = _LIMITS["max_html_attributes"]
#: Seconds to read one file, and to analyse one article (clean … summarize).
READ_SECONDS = float(_LIMITS["read_seconds"])
ANALYSE_SECONDS = float(_LIMITS["analyse_seconds"])
#: Sentences a summary is chosen from (summarizing is quadratic in them).
SUMMARY_SENTENCES: int = _LIMITS["summary_sentences"]


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


class _TimeUp(BaseException):
    """Raised in the work when its time is up: a BaseException, so that no library's
    ``except Exception`` swallows it; :func:`call_with_time_limit` turns it into
    :class:`LimitExceeded`."""


class _Timer:
    """A one-shot SIGALRM timer that repeats every quarter second once due (in case the
    first interruption lands somewhere that swallows it) until disarmed."""

    REPEAT = 0.25

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.armed = False
        self._outer_delay = 0.0
        self._outer_handler: object = None
        self._started = 0.0

    def _time_up(self, _signum: int, _frame: FrameType | None) -> None:
        if self.armed:
            raise _TimeUp

    def arm(self) -> None:
        if self.seconds <= 0 or threading.current_thread() is not threading.main_thread():
            return
        outer_delay, _ = signal.getitimer(signal.ITIMER_REAL)
        if outer_delay and outer_delay <= self.seconds:
            return  # an outer limit ends first: it applies
        self._started = time.monotonic()
        self._outer_delay = outer_delay
        self._outer_handler = signal.signal(signal.SIGALRM, self._time_up)
        self.armed = True
        signal.setitimer(signal.ITIMER_REAL, self.seconds, self.REPEAT)

    def disarm(self) -> None:
        if not self.armed:
            return
        self.armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._outer_handler)  # type: ignore[arg-type]
        if self._outer_delay:
            left = self._outer_delay - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), self.REPEAT)


def call_with_time_limit(seconds: float, what: str, func: Callable[..., T], *args: Any) -> T:
    """``func(*args)``, or :class:`LimitExceeded` ("took longer than N s to WHAT") when it
    runs past ``seconds``.

    A real-time interval timer (SIGALRM) interrupts Python code anywhere, regular
    expressions included; C code that never returns to Python is interrupted when it
    does. Off the main thread, or with ``seconds`` <= 0, there is no limit; an outer
    limit that ends first is kept.
    """
    timer = _Timer(seconds)
    try:
        timer.arm()
        try:
            return func(*args)
        finally:
            timer.disarm()
    except _TimeUp:
        timer.disarm()
        raise LimitExceeded(f"took longer than {seconds:g} s to {what} (time limit)") from None
