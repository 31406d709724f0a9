"""Word documents given as input (an article pasted into Word), read under limits.

The main document part is streamed out of the zip and parsed incrementally (lxml, no
DTDs, entities or network), so a compression bomb, markup nested thousands deep, an
invalid character reference (``&#0;``) or a hundred thousand paragraphs cost at most the
limits of :mod:`briefgen.limits` before the file is skipped with the reason. Paragraphs
come in document order; a table row is one paragraph, its cells joined by `` | ``.
Deleted text (tracked changes) and text boxes are left out, as Word's own "plain text"
does; the title property comes from ``docProps/core.xml``.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from briefgen.errors import InputError
from briefgen.limits import (
    MAX_PARAGRAPHS,
    MAX_TEXT_CHARS,
    MAX_XML_BYTES,
    MAX_XML_DEPTH,
    LimitExceeded,
)
from briefgen.model import Article
from briefgen.readers.decode import clean_characters

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_CHUNK = 64 * 1024
_SKIPPED = {f"{_W}txbxContent", f"{_W}delText", f"{_W}instrText"}  # not body text
_BREAKS = {f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}tab": "\t"}


def read_docx(path: Path, data: bytes) -> Article:
    """The paragraphs of a ``.docx`` file, with its title property when set."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"not a readable Word document ({exc})") from exc
    with package:
        main = _main_part(package)
        paragraphs = list(_paragraphs(package, main))
        title = _title(package)
    meta = {"title": title} if title else {}
    text = clean_characters("\n\n".join(paragraphs))
    return Article(source_path=path, raw_text=text, source_meta=meta)


def _member(package: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    try:
        return package.getinfo(name)
    except KeyError:
        return None


def _main_part(package: zipfile.ZipFile) -> zipfile.ZipInfo:
    """The main document part: the package relationship's target, else word/document.xml."""
    name = "word/document.xml"
    rels = _member(package, "_rels/.rels")
    if rels is not None:
        for element in _elements(package, rels, "package relationships"):
            if element.tag == _REL and (element.get("Type") or "").endswith(_OFFICE_DOCUMENT):
                target = posixpath.normpath((element.get("Target") or "").lstrip("/"))
                if target and not target.startswith(".."):
                    name = target
                break
    info = _member(package, name)
    if info is None:
        raise InputError(f"not a readable Word document (no {name} in the package)")
    return info


def _open(package: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> IO[bytes]:
    if info.file_size > MAX_XML_BYTES:
        raise LimitExceeded(
            f"{what} unzips to {info.file_size / 1e6:.0f} MB "
            f"(> {MAX_XML_BYTES / 1e6:.0f} MB limit: a compression bomb?)"
        )
    try:
        return package.open(info)
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, ValueError, OSError) as exc:
        raise InputError(f"not a readable Word document ({what}: {exc})") from exc


def _events(package: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> Iterator[tuple]:
    """``(event, element, depth)`` of one XML part, read in chunks, under the limits."""
    from lxml import etree

    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
    )
    depth = 0
    unzipped = 0
    try:
        with _open(package, info, what) as stream:
            while chunk := stream.read(_CHUNK):
                unzipped += len(chunk)
                if unzipped > MAX_XML_BYTES:  # the zip lied about the size
                    raise LimitExceeded(f"{what} unzips to more than the size limit")
                if unzipped == len(chunk) and b"<!DOCTYPE" in chunk[:4096]:
                    raise InputError(f"not a readable Word document ({what} declares a DTD)")
                parser.feed(chunk)
                for event, element in parser.read_events():
                    depth += 1 if event == "start" else -1
                    if depth > MAX_XML_DEPTH:
                        raise LimitExceeded(
                            f"{what} is nested more than {MAX_XML_DEPTH} levels deep"
                        )
                    yield event, element, depth
                    if event == "end":
                        _forget(element)
            parser.close()
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc).lower():  # libxml2's own limit met within one chunk
            raise LimitExceeded(f"{what} is nested more than {MAX_XML_DEPTH} levels deep") from exc
        raise InputError(f"not a readable Word document ({what}: malformed XML: {exc})") from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(f"not a readable Word document ({what}: {exc})") from exc


def _forget(element) -> None:
    """Drop a read element and its earlier siblings, so memory stays flat on any length."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _elements(package: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> Iterator:
    for event, element, _depth in _events(package, info, what):
        if event == "end":
            yield element


def _paragraphs(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[str]:
    """Body paragraphs and table rows, in order; raises past the text limits."""
    parts: list[str] = []  # text of the paragraph being read
    cells: list[list[str]] = []  # per open table row: the texts of its cells
    cell: list[str] = []  # paragraphs of the innermost open cell
    skipping = 0  # inside a text box or deleted text
    chars = count = 0
    for event, element, _depth in _events(package, info, "the document"):
        tag = element.tag
        if tag in _SKIPPED:
            skipping += 1 if event == "start" else -1
            continue
        if event == "start":
            if tag == f"{_W}tr":
                cells.append([])
            continue
        if skipping:
            pass
        elif tag == f"{_W}t":
            parts.append(element.text or "")
        elif tag in _BREAKS:
            parts.append(_BREAKS[tag])
        elif tag == f"{_W}p":
            text = "".join(parts).strip()
            parts = []
            if cells:
                if text:
                    cell.append(text)
            elif text:
                chars += len(text)
                count += 1
                _check(chars, count)
                yield text
        elif tag == f"{_W}tc" and cells:
            cells[-1].append(" ".join(cell))
            cell = []
        elif tag == f"{_W}tr" and cells:
            row = " | ".join(cells.pop())
            if cells:  # a nested table: its rows belong to the enclosing cell
                cell.append(row)
            elif row.strip(" |"):
                chars += len(row)
                count += 1
                _check(chars, count)
                yield row
        if len(parts) > MAX_TEXT_CHARS:
            raise LimitExceeded("a paragraph holds too many text runs")


def _check(chars: int, count: int) -> None:
    if chars > MAX_TEXT_CHARS:
        raise LimitExceeded(f"too much text for an article (> {MAX_TEXT_CHARS:,} characters)")
    if count > MAX_PARAGRAPHS:
        raise LimitExceeded(f"too many paragraphs for an article (> {MAX_PARAGRAPHS:,})")


def _title(package: zipfile.ZipFile) -> str:
    """The document's title property, or ``""`` (a broken core.xml costs only the title)."""
    info = _member(package, "docProps/core.xml")
    if info is None:
        return ""
    try:
        for element in _elements(package, info, "the document properties"):
            if element.tag == _DC_TITLE:
                return clean_characters(element.text or "").strip()
    except InputError:
        return ""
    return ""
