"""Arabic text normalization before translation (minimal: marks only).

:func:`normalize_arabic` removes what changes the spelling but not the word: tatweel
(kashida, «ـ») and the diacritics (harakat, tanwin, shadda, sukun, dagger alif, Quranic
marks). Letters and digits are left as they are: full Arabic text handling (alif and
ya variants, digits, sentence splitting) lives elsewhere.
"""

from __future__ import annotations

import re
import unicodedata

TATWEEL = "\u0640"
# Honorific and Quranic signs, harakat/tanwin/shadda/sukun, dagger alif, small high marks.
_MARKS = re.compile(
    f"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed{TATWEEL}]"
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def normalize_arabic(text: str) -> str:
    """``text`` in NFC without tatweel or diacritics, runs of spaces made one space."""
    if not text:
        return text
    text = _MARKS.sub("", unicodedata.normalize("NFC", text))
    return _SPACES.sub(" ", text).strip()


# --- matching ------------------------------------------------------------------------

_MATCH_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",  # Persian yeh typed on a Persian keyboard
        "ک": "ك",  # Persian kaf
        "ە": "ه",
        "ھ": "ه",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def fold_arabic(text: str) -> str:
    """One spelling per Arabic word, for matching names and places (not for display):
    :func:`normalize_arabic`, then alef variants → «ا», «ى» → «ي», «ة» → «ه», Persian
    «ی»/«ک» → «ي»/«ك», digits → ASCII, presentation forms decomposed. Arabic outlets
    write «أذربيجان» and «اذربيجان», «سورية» and «سوريه», «منتدى» and «منتدي»."""
    if not text:
        return text
    if any("\ufb50" <= ch <= "\ufeff" for ch in text):
        text = "".join(
            unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text
        )
    return normalize_arabic(text).translate(_MATCH_LETTERS).translate(_DIGITS)
