"""The ``briefgen`` command: a thin Click layer over the library.

Each command lives in its own module and imports heavy libraries only when it runs,
so ``briefgen --help`` stays instant. Errors print one line and exit with the code
documented in :mod:`briefgen.errors`; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import io
import logging
import re
import sys
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

_LINE_BREAKS = re.compile(r"\s*\n\s*")


def one_line(text: object) -> str:
    """``text`` on one line (a YAML error spans several), with controls escaped."""
    return printable(_LINE_BREAKS.sub(" ", str(text)).strip(), one_line=True)


class BriefgenGroup(click.Group):
    """A group that turns every failure into one line on stderr and its exit code.

    Exit codes are those of :mod:`briefgen.errors`, whatever fails and wherever: an
    error of briefgen's, Click's usage errors (escaped), Ctrl-C (130, also while Click
    parses), a standard output that is closed, full or a closed pipe (4), a bug (70).
    Standard streams the command was started without are kept closed safely.
    """

    def main(self, args: Any = None, prog_name: str | None = None, *a: Any, **kw: Any) -> Any:
        standalone = kw.pop("standalone_mode", True)
        if not standalone:
            return super().main(args, prog_name, *a, standalone_mode=False, **kw)
        guard_standard_streams()
        try:
            code = super().main(args, prog_name, *a, standalone_mode=False, **kw)
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
    """Offline weekly briefs from Persian and English news articles.

    Reads a folder of articles, translates the Persian ones (Argos fa→en), applies
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
    from briefgen.cli.translate import translate

    main.add_command(brief)
    main.add_command(glossary)
    main.add_command(model)
    main.add_command(summarize)
    main.add_command(translate)


_register()
