"""Where briefgen keeps its cache, and the sentence cache of its earlier versions.

The translation memory (:mod:`briefgen.tm`) replaced the private cache
``translations.sqlite3`` (rows keyed by model key and normalized source). The memory
takes that file's translations over when it is first opened beside it
(:func:`read_legacy_cache`); nothing writes the old file any more.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

CACHE_ENV = "BRIEFGEN_CACHE_DIR"
LEGACY_FILE = "translations.sqlite3"


def cache_dir() -> Path:
    """``$BRIEFGEN_CACHE_DIR``, else the platform's user cache folder for briefgen."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefgen", appauthor=False))


def parse_model_key(model: str) -> tuple[tuple[str, str], str] | None:
    """``fa-en|translate-fa_en|1.5|<size>|beam4`` → ((fa, en), "translate-fa_en 1.5")."""
    parts = model.split("|")
    if len(parts) < 3 or parts[0].count("-") != 1:
        return None
    source, target = parts[0].split("-")
    return (source, target), f"{parts[1]} {parts[2]}"


def read_legacy_cache(path: Path) -> Iterator[tuple[str, tuple[str, str], str, str, str]]:
    """(model key, pair, origin, source, target) of each row of an old cache file whose
    model key names a pair (raises :class:`sqlite3.Error` when the file does not read)."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
    try:
        for model, source, target in db.execute("SELECT model, source, target FROM translations"):
            parsed = parse_model_key(model)
            if parsed is not None:
                yield model, parsed[0], parsed[1], source, target
    finally:
        db.close()
