"""What the commands print: escaped for terminals, and failures of the streams as errors.

File names and texts come from untrusted input; a name holding an escape sequence
(``\\x1b]0;…``) must not drive the terminal. :func:`printable` escapes control
characters, bidirectional overrides and undecodable bytes of file names as ``\\xNN`` /
``\\u202e``; messages on stderr are always escaped, data on stdout when stdout is a
terminal (redirected data stays as it is).

A standard output that cannot take the data (closed, a full disk, a closed pipe) is an
:class:`~briefgen.errors.OutputError` (exit 4); a failing stderr is ignored.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
from typing import IO

import click

from briefgen.errors import OutputError

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and the lone surrogates that undecodable bytes of file names become.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object, *, one_line: bool = False) -> str:
    """``text`` with every character that could drive a terminal escaped (``\\x1b``).

    ``one_line`` escapes newlines and tabs too (a file name in a message).
    """
    return (_UNSAFE_LINE if one_line else _UNSAFE).sub(_escape, str(text))


def message(text: object = "", *, nl: bool = True, one_line: bool = False) -> None:
    """Print a message on stderr, escaped (``one_line``: newlines too); a stderr that
    cannot take it is ignored."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        click.echo(printable(text, one_line=one_line), err=True, nl=nl)


def data(text: str, *, nl: bool = True) -> None:
    """Print command output on stdout (escaped on a terminal).

    Raises :class:`OutputError` when standard output is closed, full or a closed pipe.
    """
    stream = sys.stdout
    if stream is None or isinstance(stream, ClosedStream):
        raise OutputError("standard output is closed: nothing to write to (use -o FILE)")
    if _is_terminal(stream):
        text = printable(text)
    try:
        _write_all(stream, text + "\n" if nl else text)
    except OSError as exc:
        raise stdout_error(exc) from exc
    except ValueError as exc:  # an I/O operation on a closed file
        raise OutputError(f"cannot write to standard output ({exc})") from exc


def _write_all(stream: IO[str], text: str) -> None:
    """Write ``text`` whole or raise: a large write to a pipe its reader closed can end
    in a short write that Python's buffered stream reports as success (data lost, exit 0),
    so a stream with a descriptor is written with :func:`os.write` until all is taken."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # an in-memory stream (tests)
        click.echo(text, nl=False, file=stream)
        stream.flush()
        return
    stream.flush()
    encoding = getattr(stream, "encoding", None) or "utf-8"
    view = memoryview(text.encode(encoding, getattr(stream, "errors", None) or "strict"))
    while view:
        view = view[os.write(fd, view) :]


def _is_terminal(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def stdout_error(exc: OSError) -> OutputError:
    """The one-line error for a standard output that failed; a closed pipe is silenced
    for the rest of the run (so nothing more fails at exit)."""
    if exc.errno == errno.EPIPE:
        silence_stdout()
        return OutputError("standard output was closed by the reader (broken pipe)")
    return OutputError(f"cannot write to standard output ({exc.strerror or exc})")


def silence_stdout() -> None:
    """Point standard output's descriptor at /dev/null (after a broken pipe)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno() if sys.__stdout__ else 1)
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class ClosedStream:
    """Stands in for a standard stream the command was started without (``>&-``)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def write(self, _text: str) -> int:
        raise OSError(errno.EBADF, f"standard {self.name} is closed")

    def read(self, *_args: object) -> str:
        raise OSError(errno.EBADF, f"standard {self.name} is closed")

    def flush(self) -> None:
        return None

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        raise OSError(errno.EBADF, f"standard {self.name} is closed")


def guard_standard_streams() -> None:
    """Keep descriptors 0–2 open (on /dev/null) when the command was started without
    them, so no file briefgen opens lands on them, and mark the missing streams closed."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            try:
                opened = os.open(os.devnull, os.O_RDWR)
            except OSError:
                continue
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
            if getattr(sys, name) is None:
                setattr(sys, name, ClosedStream(name.removeprefix("std")))
    for name in ("stdin", "stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, ClosedStream(name.removeprefix("std")))
