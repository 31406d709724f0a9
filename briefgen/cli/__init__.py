"""The ``briefgen`` command: a thin Click layer over the library.

Each command lives in its own module and imports heavy libraries only when it runs,
so ``briefgen --help`` stays instant. Errors print one line and exit with the code
documented in :mod:`briefgen.errors`; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import _thread
import contextlib
import io
import logging
import signal
import sys
import threading
from types import FrameType
from typing import Any

import click

from briefgen import __version__
from briefgen.cli.output import (
    guard_standard_streams,
    message,
    printable,
    silence_stdout,
    stdout_error,
)
from briefgen.errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
    BriefgenError,
)


def one_line(text: object) -> str:
    """``text`` on one line (a YAML error spans several), with controls escaped."""
    lines = (line.strip() for line in str(text).split("\n"))
    return printable(" ".join(line for line in lines if line), one_line=True)


class BriefgenGroup(click.Group):
    """A group that turns every failure into one line on stderr and its exit code.

    Exit codes are those of :mod:`briefgen.errors`, whatever fails and wherever: an
    error of briefgen's, Click's usage errors (escaped), Ctrl-C (130, also while Click
    parses), a standard output that is closed, full or a closed pipe (4), a bug (70).
    Standard streams the command was started without are kept closed safely.
    """

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **kw: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **kw)
        guard_standard_streams()
        previous_hook = sys.unraisablehook
        sys.unraisablehook = _unraisable
        previous_handler = _install_interrupt_handler()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **kw)
            _flush_stdout()
        except click.Abort as exc:
            interrupted = isinstance(exc.__cause__, KeyboardInterrupt)
            message("briefgen: interrupted" if interrupted else "Aborted!")
            sys.exit(EXIT_INTERRUPTED if interrupted else 1)
        except click.ClickException as exc:
            buffer = io.StringIO()
            exc.show(file=buffer)
            message(buffer.getvalue().rstrip("\n"))
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            message("briefgen: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        except BriefgenError as exc:  # raised while flushing standard output
            message(f"briefgen: error: {one_line(exc)}")
            sys.exit(exc.exit_code)
        finally:
            sys.unraisablehook = previous_hook
            # The work is done. Run as the ``briefgen`` command (``args`` from the command
            # line), a Ctrl-C from now on is ignored: Python restores the default action
            # while it shuts down, and it would kill the process. Called from Python
            # (tests), the caller's handler comes back.
            with contextlib.suppress(ValueError, OSError, TypeError):
                signal.signal(signal.SIGINT, signal.SIG_IGN if args is None else previous_handler)
        if _INTERRUPT["pending"]:  # Ctrl-C came while Python could not raise it
            message("briefgen: interrupted")
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            if _debug(ctx):
                raise
            message(f"briefgen: error: {one_line(exc)}")
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            message("briefgen: interrupted")
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError as exc:
            message(f"briefgen: error: {one_line(stdout_error(exc))}")
            ctx.exit(EXIT_OUTPUT)
        except Exception as exc:
            if _debug(ctx):
                raise
            message(
                f"briefgen: internal error: {type(exc).__name__}: {one_line(exc)} "
                "(rerun with --debug for the traceback)"
            )
            ctx.exit(EXIT_INTERNAL)


_INTERRUPT = {"pending": False}


def _install_interrupt_handler() -> Any:
    """Ctrl-C raises KeyboardInterrupt, except inside a ``__del__`` (a finalizer, where
    Python would print "Exception ignored … Traceback" and lose it): there it is
    deferred a moment, to arrive where it can be handled. Returns the previous handler."""
    _INTERRUPT["pending"] = False
    if threading.current_thread() is not threading.main_thread():
        return None
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:  # started in the background (``&``): stay ignored
        return previous
    with contextlib.suppress(ValueError, OSError):
        signal.signal(signal.SIGINT, _on_interrupt)
    return previous


def _on_interrupt(_signum: int, frame: FrameType | None) -> None:
    depth = 0
    while frame is not None and depth < 50:
        if frame.f_code.co_name == "__del__":
            _defer_interrupt()
            return
        frame, depth = frame.f_back, depth + 1
    _INTERRUPT["pending"] = False
    raise KeyboardInterrupt


def _defer_interrupt() -> None:
    _INTERRUPT["pending"] = True
    timer = threading.Timer(0.05, _thread.interrupt_main)  # a no-op once Python exits
    timer.daemon = True
    timer.start()


def _unraisable(unraisable: Any) -> None:
    """An exception Python cannot raise (in a ``__del__``, a finalizer): never a traceback.
    A Ctrl-C there is deferred (see :func:`_install_interrupt_handler`); anything else is
    logged (``--debug`` shows it)."""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        _defer_interrupt()
        return
    logging.getLogger("briefgen").debug(
        "ignored in %r: %r", unraisable.object, unraisable.exc_value
    )


def _flush_stdout() -> None:
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:
        raise stdout_error(exc) from exc
    except ValueError:
        silence_stdout()


def _debug(ctx: click.Context) -> bool:
    return bool(ctx.find_root().params.get("debug"))


@click.group(cls=BriefgenGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
@click.option("--debug", is_flag=True, help="Show tracebacks and detailed logs.")
def main(debug: bool) -> None:
    """Offline weekly briefs from Persian, Arabic and English news articles.

    Reads a folder of articles, translates the non-English ones (Argos X→en), applies
    the glossary of official names, summarizes each article and writes a dated Word
    brief grouped by partner country.
    """
    logging.raiseExceptions = debug  # a closed stderr must not print logging tracebacks
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def _register() -> None:
    from briefgen.cli.brief import brief
    from briefgen.cli.glossary import glossary
    from briefgen.cli.model import model
    from briefgen.cli.summarize import summarize
    from briefgen.cli.tm import tm
    from briefgen.cli.translate import translate

    main.add_command(brief)
    main.add_command(glossary)
    main.add_command(model)
    main.add_command(summarize)
    main.add_command(tm)
    main.add_command(translate)


_register()
