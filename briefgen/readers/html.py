"""HTML pages, through trafilatura (main text, title, date, site name)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefgen.errors import InputError
from briefgen.model import Article
from briefgen.readers.decode import clean_characters, decode_text


def read_html(path: Path, data: bytes) -> Article:
    """The main text of a saved web page, with its title, date, site name and URL."""
    import trafilatura

    html, encoding = decode_text(data)
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
