"""Language data: the word lists briefgen reads text with, one folder per language.

``briefgen/lang/<code>/<kind>.toml`` (codes ``en``, ``fa``, ``ar``) holds, by kind:

* ``page`` — page furniture: related-stories headings, share-widget words, agency
  trailers, news-ID, date and byline labels, outlet-name words, weekdays;
* ``names`` — words around people's names: titles, honorifics, particles, abbreviations,
  reporting verbs, generic capitalized words;
* ``places`` — country names and cities the country databases lack, words that are not
  places, Iranian provinces that share a country's name, the names headings print;
* ``roles`` — the words that give a country mention its role (an official's title, a
  venue, an event, sanctions, a quoted post);
* ``front`` — the front page's wording (openers of sentences that lean on another);
* ``events`` — what pins an event down across languages: weekdays, number words,
  magnitudes, the units counted ("20 memoranda" = «۲۰ سند»), month names;
* ``text`` — function words that identify the language.

A list missing from a language's file is empty for it. Code asks for one list across
all languages (:func:`words`) because pages mix them (an English "Share" widget on a
Persian page), or for one language (:func:`words` with ``languages=``).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterable
from importlib import resources
from typing import Any

LANGUAGES = ("en", "fa", "ar")


@functools.cache
def _load(code: str, kind: str) -> dict[str, Any]:
    resource = resources.files(__name__) / code / f"{kind}.toml"
    if not resource.is_file():
        return {}
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def words(kind: str, key: str, languages: Iterable[str] = LANGUAGES) -> tuple[str, ...]:
    """The ``key`` list of ``kind`` data for each of ``languages``, concatenated, once each."""
    found: dict[str, None] = {}
    for code in languages:
        for word in _load(code, kind).get(key, ()):
            found.setdefault(str(word), None)
    return tuple(found)


def mapping(kind: str, key: str, languages: Iterable[str] = LANGUAGES) -> dict[str, str]:
    """The ``key`` table of ``kind`` data (name → one text), merged; earlier languages win."""
    merged: dict[str, str] = {}
    for code in languages:
        for name, value in _load(code, kind).get(key, {}).items():
            merged.setdefault(str(name), str(value))
    return merged


def table(kind: str, key: str, languages: Iterable[str] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """The ``key`` table of ``kind`` data (name → list), merged over ``languages``."""
    merged: dict[str, dict[str, None]] = {}
    for code in languages:
        for name, items in _load(code, kind).get(key, {}).items():
            bucket = merged.setdefault(str(name), {})
            for item in items:
                bucket.setdefault(str(item), None)
    return {name: tuple(items) for name, items in merged.items()}
