"""briefgen: offline weekly briefs from Persian and English news articles.

The library API (imported lazily, so ``import briefgen`` stays cheap)::

    from briefgen import build_brief, write_brief
    brief = build_brief(["seeds/"])
    write_brief(brief, "output", formats=["docx", "json"])
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_API = {
    "build_brief": "briefgen.pipeline",
    "analyse_article": "briefgen.pipeline",
    "read_article": "briefgen.readers",
    "read_articles": "briefgen.readers",
    "write_brief": "briefgen.writers",
    "load_settings": "briefgen.config",
    "Settings": "briefgen.config",
    "Article": "briefgen.model",
    "Brief": "briefgen.model",
    "Sentence": "briefgen.model",
    "Window": "briefgen.model",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'briefgen' has no attribute {name!r}")
