"""briefgen: offline weekly briefs from Persian, Arabic and English news articles.

The library API is :mod:`briefgen.api`; its main functions are importable from here too
(lazily, so ``import briefgen`` stays cheap)::

    from briefgen import build_brief, write_brief
    brief = build_brief(["seeds/"])
    write_brief(brief, "output", formats=["docx", "json"])
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "build_brief": "briefgen.api",
    "write_brief": "briefgen.api",
    "summarize_file": "briefgen.api",
    "translate_file": "briefgen.api",
    "review_glossary": "briefgen.api",
    "read_input": "briefgen.api",
    "analyse_article": "briefgen.api",
    "load_glossary": "briefgen.api",
    "load_settings": "briefgen.config",
    "Settings": "briefgen.config",
    "Article": "briefgen.model",
    "Brief": "briefgen.model",
    "Sentence": "briefgen.model",
    "Window": "briefgen.model",
    "read_article": "briefgen.readers",
    "read_articles": "briefgen.readers",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
