"""Sentence splitting shared by summaries, translation and the bilingual view.

Built on pysbd. Scraped articles put one paragraph per line, so line breaks are hard
boundaries; pysbd then splits inside each paragraph. pysbd also splits Persian (and
sometimes English) at a colon that introduces a quote ("وی افزود:"), and English after
honorifics it does not know ("Eng."); such pieces are merged with what follows.

pysbd slows down faster than linearly on long inputs (100 KB of sentences in one line
takes a minute), so very long paragraphs are first cut at likely sentence ends outside
quotations.

Arabic uses pysbd's Arabic rules without one: pysbd ends an Arabic sentence at every
Arabic comma «،», which news prose uses as English uses its comma; the full stop, «؟»,
"!" and the colon rule above end Arabic sentences as they end Persian ones. pysbd also
cuts an Arabic quotation that ends in «؟» or "!" before its closing «»», which then opens
the next sentence; the closing quote goes back to its sentence (so it does in Persian and
English). Arabic honorifics written
with a period («د.» for doctor) continue the sentence (``briefgen/lang/ar/text.toml``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import Any

from briefgen import lang

_ENDS_WITH_COLON = re.compile(r"[:：]\s*$")
_NO_LETTERS = re.compile(r"^[\W\d_]*$")
# Honorifics pysbd does not know ("Eng. Iyad Al-Khatib"): a piece ending in one continues.
_HONORIFIC_END = re.compile(
    r"(?:^|\s)(?:Eng|Engr|Dr|Prof|Gen|Col|Maj|Capt|Lt|Sgt|Adm|Gov|Sen|Rep|Amb|Hon|Rev|"
    r"Mr|Mrs|Ms|Messrs|Jr|Sr|St|No|Vol|Art)\.$"
)
# A likely sentence end outside quotes: final punctuation, space, then a capital or quote.
_LIKELY_END = re.compile(r"(?<=[.!?؟…])\s+(?=[A-Z\"“«\u0600-\u06ff])")
_QUOTES = re.compile(r"[\"“”«»]")
_LEADING_CLOSERS = re.compile(r"^[»”\")\]]+")
_LONG_PARAGRAPH = 2500  # longer paragraphs are cut first: pysbd slows down on them
_MAX_PIECE_CHARS = 2000  # text with no sentence end at all is cut at spaces


@functools.lru_cache(maxsize=8)
def _segmenter(language: str):
    import pysbd

    from briefgen.text.abbreviations import speed_up

    lang = language if language in pysbd.languages.LANGUAGE_CODES else "en"
    segmenter = pysbd.Segmenter(language=lang, clean=False)
    if lang == "ar":
        segmenter.language_module = _arabic_without_comma_breaks(segmenter.language_module)
    speed_up(segmenter.language_module)
    return segmenter


def _arabic_without_comma_breaks(arabic: Any) -> type:
    """pysbd's Arabic language with «،» no longer a sentence boundary."""
    return type(
        "ArabicNews",
        (arabic,),
        {
            "Punctuations": [p for p in arabic.Punctuations if p != "،"],
            "SENTENCE_BOUNDARY_REGEX": arabic.SENTENCE_BOUNDARY_REGEX.replace("،", ""),
            # its own (speed_up looks for the language's replacer in the class itself)
            "AbbreviationReplacer": arabic.AbbreviationReplacer,
        },
    )


def split_paragraphs(text: str) -> list[str]:
    """Non-empty lines of ``text``, stripped (in linear time: a regex splitting at
    ``\\s*\\n\\s*`` is quadratic on a long run of spaces)."""
    return [p for p in (part.strip() for part in text.split("\n")) if p]


def split_sentences(text: str, language: str = "en") -> list[str]:
    """Split ``text`` into sentences; line breaks always end a sentence."""
    groups = split_paragraph_sentences(split_paragraphs(text), language)
    return [sentence for group in groups for sentence in group]


def split_paragraph_sentences(paragraphs: Sequence[str], language: str = "en") -> list[list[str]]:
    """The sentences of each paragraph (one list per paragraph, same order)."""
    segmenter = _segmenter(language)
    result: list[list[str]] = []
    for paragraph in paragraphs:
        sentences: list[str] = []
        for line in _cut_long(" ".join(paragraph.split())):
            for piece in segmenter.segment(line):
                if piece := piece.strip():
                    _append(sentences, piece, language)
        result.append(sentences)
    return result


def _cut_long(paragraph: str) -> list[str]:
    if len(paragraph) <= _LONG_PARAGRAPH:
        return [paragraph]
    lines: list[str] = []
    current = ""
    for part in _outside_quotes(_LIKELY_END.split(paragraph)):
        while len(part) > _MAX_PIECE_CHARS:
            cut = part.rfind(" ", 0, _MAX_PIECE_CHARS)
            cut = cut if cut > 0 else _MAX_PIECE_CHARS
            if current:
                lines.append(current)
                current = ""
            lines.append(part[:cut])
            part = part[cut:].strip()
        if current and len(current) + len(part) + 1 > _LONG_PARAGRAPH // 2:
            lines.append(current)
            current = part
        else:
            current = f"{current} {part}" if current else part
    if current:
        lines.append(current)
    return lines


def _outside_quotes(parts: list[str]) -> Iterator[str]:
    """Rejoin parts so that no cut falls inside a quotation."""
    pending = ""
    for part in parts:
        pending = f"{pending} {part}" if pending else part
        if len(_QUOTES.findall(pending)) % 2 == 0 or len(pending) > _MAX_PIECE_CHARS:
            yield pending
            pending = ""
    if pending:
        yield pending


@functools.cache
def _arabic_honorific_end() -> re.Pattern[str]:
    written = "|".join(map(re.escape, lang.words("text", "honorific_abbreviations", ["ar"])))
    return re.compile(rf"(?:^|\s)(?:{written})\.$")


def _append(sentences: list[str], piece: str, language: str = "en") -> None:
    closers = _LEADING_CLOSERS.match(piece) if sentences else None
    if closers and (not closers.group().startswith('"') or sentences[-1].count('"') % 2):
        # «…؟» cut before its closing quote: the quote goes back ('"' only when the
        # sentence before left one open: in English it also opens quotations)
        sentences[-1] += closers.group()
        piece = piece[closers.end() :].strip()
        if not piece:
            return
    if sentences and (
        _ENDS_WITH_COLON.search(sentences[-1])
        or _HONORIFIC_END.search(sentences[-1])
        or (language == "ar" and _arabic_honorific_end().search(sentences[-1]))
        or _NO_LETTERS.match(piece)
    ):
        sentences[-1] = f"{sentences[-1]} {piece}"
    else:
        sentences.append(piece)
