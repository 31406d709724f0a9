"""The glossary of official names and titles.

* :mod:`~briefgen.glossary.model` — entries, roles, the :class:`Glossary`
* :mod:`~briefgen.glossary.load` — YAML files in ``glossaries/``: loading, validation, writing
* :mod:`~briefgen.glossary.match` — finding terms, protecting them before translation,
  normalizing English variants
* :mod:`~briefgen.glossary.titles` — the title valid on an article's date in summaries
* :mod:`~briefgen.glossary.review` — the reviewer's report (hits, misses, uncovered names)
* :mod:`~briefgen.glossary.exchange` — CSV and TBX export and import
"""

from briefgen.glossary.load import (
    GlossaryError,
    dump_glossary,
    load_glossary,
    load_run_glossary,
    parse_glossary,
    shipped_glossary_folder,
)
from briefgen.glossary.model import TYPES, Entry, Glossary, Role

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
