"""Word documents given as input (an article pasted into Word)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from briefgen.errors import InputError
from briefgen.model import Article
from briefgen.readers.decode import clean_characters


def read_docx(path: Path, data: bytes) -> Article:
    """The paragraphs of a ``.docx`` file, with its title property when set."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word document ({exc})") from exc
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    meta: dict[str, str] = {}
    if title := (document.core_properties.title or "").strip():
        meta["title"] = title
    return Article(
        source_path=path, raw_text=clean_characters("\n\n".join(paragraphs)), source_meta=meta
    )
