"""Sentence splitting shared by summaries, translation and the bilingual view.

Built on pysbd. Scraped articles put one paragraph per line, so line breaks are hard
boundaries; pysbd then splits inside each paragraph. pysbd also splits Persian (and
sometimes English) at a colon that introduces a quote ("وی افزود:"); such a piece is
merged with the sentence it introduces.
"""

from __future__ import annotations

import functools
import re

_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
_ENDS_WITH_COLON = re.compile(r"[:：]\s*$")
_NO_LETTERS = re.compile(r"^[\W\d_]*$")
# Honorifics pysbd does not know ("Eng. Iyad Al-Khatib"): a piece ending in one continues.
_HONORIFIC_END = re.compile(
    r"(?:^|\s)(?:Eng|Engr|Dr|Prof|Gen|Col|Maj|Capt|Lt|Sgt|Adm|Gov|Sen|Rep|Amb|Hon|Rev|"
    r"Mr|Mrs|Ms|Messrs|Jr|Sr|St|No|Vol|Art)\.$"
)


@functools.lru_cache(maxsize=8)
def _segmenter(language: str):
    import pysbd

    lang = language if language in pysbd.languages.LANGUAGE_CODES else "en"
    return pysbd.Segmenter(language=lang, clean=False)


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines of ``text``, stripped."""
    return [p for p in (part.strip() for part in _PARAGRAPH_BREAK.split(text)) if p]


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split ``text`` into sentences; line breaks always end a sentence."""
    sentences: list[str] = []
    for paragraph in split_paragraphs(text):
        sentences.extend(_split_paragraph(paragraph, language))
    return sentences


def _split_paragraph(paragraph: str, language: str) -> list[str]:
    pieces = [p.strip() for p in _segmenter(language).segment(paragraph)]
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if merged and (
            _ENDS_WITH_COLON.search(merged[-1])
            or _HONORIFIC_END.search(merged[-1])
            or _NO_LETTERS.match(piece)
        ):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged
