"""The glossary of official names and titles.

* :mod:`~briefgen.glossary.model` — entries, roles, the :class:`Glossary`
* :mod:`~briefgen.glossary.load` — YAML files: loading and validation; the shipped glossary
* :mod:`~briefgen.glossary.dump` — entries written back as YAML
* :mod:`~briefgen.glossary.match` — finding terms, protecting them before translation,
  normalizing English variants
* :mod:`~briefgen.glossary.titles` — the title valid on an article's date in summaries
* :mod:`~briefgen.glossary.review` — the reviewer's report (hits, misses, uncovered names)
* :mod:`~briefgen.glossary.exchange` — CSV and TBX export and import
* :mod:`~briefgen.glossary.commands` — what the ``briefgen glossary`` commands do

The loading functions are imported on first use (YAML parsing is not needed to start).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from briefgen.glossary.model import TYPES, Entry, Glossary, Role

if TYPE_CHECKING:
    from briefgen.glossary.dump import dump_glossary
    from briefgen.glossary.load import (
        GlossaryError,
        load_glossary,
        load_run_glossary,
        parse_glossary,
        shipped_glossary_folder,
    )

_LAZY = {
    "dump_glossary": "briefgen.glossary.dump",
    "GlossaryError": "briefgen.glossary.load",
    "load_glossary": "briefgen.glossary.load",
    "load_run_glossary": "briefgen.glossary.load",
    "parse_glossary": "briefgen.glossary.load",
    "shipped_glossary_folder": "briefgen.glossary.load",
}

__all__ = [
    "TYPES",
    "Entry",
    "Glossary",
    "GlossaryError",
    "Role",
    "dump_glossary",
    "load_glossary",
    "load_run_glossary",
    "parse_glossary",
    "shipped_glossary_folder",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'briefgen.glossary' has no attribute {name!r}")
