"""Errors users can act on, each with its documented exit code.

Exit codes (also in the README):

====  =============================================================
0     done
1     done, but inputs were skipped or findings reported (``--strict``)
2     usage or configuration error (bad option, config, glossary, input file,
      an input path that does not exist, no input file readable)
3     no Persian→English translation model installed
4     output cannot be written
70    internal error (a bug: rerun with ``--debug`` and report it)
130   interrupted
====  =============================================================
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_STRICT = 1
EXIT_USAGE = 2
EXIT_NO_MODEL = 3
EXIT_OUTPUT = 4
EXIT_INTERNAL = 70
EXIT_INTERRUPTED = 130


class BriefgenError(Exception):
    """An error with a one-line message for the user and an exit code."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = message
        super().__init__(f"{self.path}: {message}" if self.path is not None else message)


class InputError(BriefgenError):
    """An input file that cannot be read as an article."""


class NoInputError(InputError):
    """No input file could be read (a mistyped path, an empty folder): no brief is written.

    ``skipped`` lists the files found and why each was left out.
    """

    def __init__(self, message: str, skipped: list | None = None) -> None:
        super().__init__(message)
        self.skipped = list(skipped or [])


class ConfigError(BriefgenError):
    """A bad configuration file, glossary or option value."""


class ModelMissingError(BriefgenError):
    """No Persian→English translation model is installed."""

    exit_code = EXIT_NO_MODEL


class ModelError(BriefgenError):
    """A translation model package that cannot be installed or loaded."""


class OutputError(BriefgenError):
    """An output file that cannot be written."""

    exit_code = EXIT_OUTPUT


class EditedOutputError(OutputError):
    """An output file on disk that briefgen did not write last (edited by someone, or
    not briefgen's): it is kept as it is, and nothing of the set is written."""
