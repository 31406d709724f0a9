"""HTML pages, through trafilatura (main text, title, date, site name).

Before trafilatura sees a page, a linear scan of its markup refuses what would stall the
parsers: more elements than :data:`~briefgen.limits.MAX_HTML_ELEMENTS` (trafilatura's
time grows faster than their number) and a tag with more attributes than
:data:`~briefgen.limits.MAX_HTML_ATTRIBUTES` (libxml2 compares every attribute with
every other, in C that cannot be interrupted: 100,000 of them take a minute).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from briefgen.errors import InputError
from briefgen.limits import MAX_HTML_ATTRIBUTES, MAX_HTML_ELEMENTS, LimitExceeded
from briefgen.model import Article
from briefgen.readers.decode import clean_characters, decode_text

_TAG_START = re.compile(r"<[A-Za-z]")
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{2000,}+")
_ATTRIBUTE = re.compile(r"[\s\"'][^\s=<>\"']++\s*+=")


def _without_scripts(html: str) -> str:
    """``html`` without the contents of its ``<script>`` and ``<style>`` elements, in one
    pass (a regex, or a search from every tag, would rescan the rest of the page)."""
    lowered = html.lower()
    found = {name: lowered.find(f"<{name}") for name in ("script", "style")}
    kept: list[str] = []
    position = 0
    while True:
        open_tags = [(index, name) for name, index in found.items() if index >= 0]
        if not open_tags:
            break
        start, name = min(open_tags)
        kept.append(html[position : start + 1 + len(name)])
        end = lowered.find(f"</{name}", start + 1)
        if end < 0:
            position = len(html)
            break
        position = end
        for other, index in found.items():  # search again only past what was cut
            if 0 <= index < position:
                found[other] = lowered.find(f"<{other}", position)
    kept.append(html[position:])
    return "".join(kept)


def check_markup(html: str) -> None:
    """Raise :class:`LimitExceeded` for markup too large for the parsers (linear time).

    Script and style contents are not markup (``i<n`` in JavaScript is no element)."""
    html = _without_scripts(html)
    elements = len(_TAG_START.findall(html))
    if elements > MAX_HTML_ELEMENTS:
        raise LimitExceeded(f"too many HTML elements ({elements:,} > {MAX_HTML_ELEMENTS:,} limit)")
    for tag in _LONG_TAG.finditer(html):
        attributes = len(_ATTRIBUTE.findall(tag.group()))
        if attributes > MAX_HTML_ATTRIBUTES:
            raise LimitExceeded(
                f"an HTML tag with {attributes:,} attributes (> {MAX_HTML_ATTRIBUTES:,} limit)"
            )


def read_html(path: Path, data: bytes) -> Article:
    """The main text of a saved web page, with its title, date, site name and URL."""
    import trafilatura

    html, encoding = decode_text(data)
    check_markup(html)
    extracted = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False
    )
    document: dict[str, Any] = {}
    if isinstance(extracted, dict):
        document = extracted
    elif extracted is not None:
        document = extracted.as_dict()
    if not (document.get("text") or "").strip():
        raise InputError("no article text found in this HTML page")
    meta = {"encoding": encoding}
    for key, name in (("title", "title"), ("date", "date"), ("sitename", "outlet"), ("url", "url")):
        if value := document.get(key):
            meta[name] = clean_characters(str(value)).strip()
    title = meta.get("title", "")
    text = clean_characters(document["text"])
    raw = f"{title}\n\n{text}" if title and not text.lstrip().startswith(title) else text
    return Article(source_path=path, raw_text=raw, source_meta=meta)
