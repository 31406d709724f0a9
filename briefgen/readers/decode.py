"""Bytes → clean text: encoding detection and removal of characters no document can hold."""

from __future__ import annotations

import codecs
import re
import unicodedata

from briefgen.errors import InputError

_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document (not supported; convert it to text)",
    b"PK\x03\x04": "a ZIP archive",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "a gzip archive",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0/C1 controls except tab and newline, noncharacters, bidi embeddings and marks, BOM.
_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    "\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\ud800-\udfff]"
)
_BINARY_CONTROL_RATIO = 0.25  # text with more control characters is binary


def describe_binary(data: bytes) -> str | None:
    """A short description when ``data`` starts like a known binary format."""
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    return None


def clean_characters(text: str) -> str:
    """Unify newlines, compose characters (NFC) and drop characters XML and readers reject."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    return _UNWANTED.sub("", unicodedata.normalize("NFC", text))


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text, returning ``(text, encoding)``.

    BOMs first, then strict UTF-8 (unless NUL bytes in every other position say UTF-16
    without a BOM), then charset-normalizer's best guess. Raises :class:`InputError`
    (without a path; the caller adds it) for binary data.
    """
    if binary := describe_binary(data):
        raise InputError(f"binary file ({binary})")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise InputError(f"invalid {encoding} text ({exc.reason})") from exc
    text, encoding = _decode_without_bom(data)
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r")
    if controls > _BINARY_CONTROL_RATIO * max(len(text), 1):
        raise InputError("binary file (too many control characters)")
    return text, encoding


def _looks_like_utf16(data: bytes) -> bool:
    """NUL bytes in every other position: UTF-16 text of mostly Latin letters, no BOM."""
    half = len(data) // 2
    if half < 2:
        return False
    even, odd = data[0::2].count(0), data[1::2].count(0)
    return max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half


def _decode_without_bom(data: bytes) -> tuple[str, str]:
    if not _looks_like_utf16(data):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("binary file or unknown text encoding")
    return str(best), best.encoding
