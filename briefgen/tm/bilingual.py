"""The bilingual DOCX of ``briefgen translate --bilingual``: an analyst's corrections in.

The document is an ordinary Word table an analyst can read and edit: a header row, then
one row per headline or sentence with three columns: the segment (its number, and in
small grey type a fingerprint), the source sentence, and the English. The document's
keywords name it (``briefgen-bilingual fa-en``).

The fingerprint is two short digests: of the normalized source, and of the English as
written. On import a row whose English no longer matches its digest was corrected and
becomes a reviewed segment; a row whose source no longer matches was edited in the
wrong column and is left out; the others are the machine's English, left out unless
``accept_unchanged`` (the analyst vouches for the whole document). The reviewer is the
document's "last modified by" (Word sets it on save), else the file.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from briefgen.errors import InputError
from briefgen.tm.model import HUMAN, ImportReport, Segment
from briefgen.tm.tmx import clean_text
from briefgen.translation.languages import normalizer

KEYWORD = "briefgen-bilingual"
WRITER = "briefgen"
#: "last modified by" values that name a program, not a reviewer.
NOT_REVIEWERS = {"", WRITER, "python-docx"}
INSTRUCTIONS = (
    "Correct the English column (leave the first two as they are), save, then: "
    "briefgen tm import THIS.docx"
)
_FINGERPRINT = re.compile(r"\b([0-9a-f]{8})([0-9a-f]{8})\s*$")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def fingerprint(language: str, source: str, english: str) -> str:
    """The row's digests of its normalized source and of its English."""
    normalized = normalizer(language)(source).strip()
    return _digest(normalized) + _digest(clean_text(english))


def keywords(source_language: str, target_language: str = "en") -> str:
    """The document keywords that mark a bilingual DOCX and its pair."""
    return f"{KEYWORD} {source_language}-{target_language}"


def read_bilingual_docx(
    path: Path, report: ImportReport, *, accept_unchanged: bool = False
) -> list[Segment]:
    """The corrected rows of a bilingual DOCX as reviewed segments (raises InputError)."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"not a Word document ({exc})", f"{path}:1") from exc
    properties = document.core_properties
    words = (properties.keywords or "").split()
    if KEYWORD not in words or words.index(KEYWORD) + 1 >= len(words):
        raise InputError(
            "not a bilingual DOCX of 'briefgen translate --bilingual' (no keywords)", f"{path}:1"
        )
    language, _, target = words[words.index(KEYWORD) + 1].partition("-")
    if not document.tables or len(document.tables[0].columns) != 3:
        raise InputError("no three-column segment table", f"{path}:1")
    reviewer = (properties.last_modified_by or "").strip()
    origin = f"reviewer {reviewer}" if reviewer not in NOT_REVIEWERS else f"file {path.name}"
    normalize = normalizer(language)
    segments = []
    for number, row in enumerate(document.tables[0].rows[1:], start=2):
        cells = row.cells
        found = _FINGERPRINT.search(cells[0].text)
        if found is None:
            raise InputError("a row without its segment fingerprint", f"{path}:row {number}")
        source = normalize(cells[1].text).strip()
        english = clean_text(cells[2].text)
        if _digest(source) != found.group(1):
            report.skip("row(s) whose source was edited")
        elif not english:
            report.skip("row(s) with no English")
        elif _digest(english) == found.group(2) and not accept_unchanged:
            report.skip("row(s) not corrected")
        else:
            segments.append(Segment(source, english, language, target or "en", HUMAN, origin))
    return segments
