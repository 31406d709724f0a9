"""The ``briefgen`` command: a thin Click layer over the library.

Each command lives in its own module and imports heavy libraries only when it runs,
so ``briefgen --help`` stays instant. Errors print one line and exit with the code
documented in :mod:`briefgen.errors`; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import logging
import sys

import click

from briefgen import __version__
from briefgen.errors import EXIT_INTERNAL, EXIT_INTERRUPTED, BriefgenError


class BriefgenGroup(click.Group):
    """A group that turns errors into one-line messages and exit codes."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgenError as exc:
            if _debug(ctx):
                raise
            click.echo(f"briefgen: error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("briefgen: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            if _debug(ctx):
                raise
            click.echo(
                f"briefgen: internal error: {type(exc).__name__}: {exc} "
                "(rerun with --debug for the traceback)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


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
