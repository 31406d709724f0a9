"""Arabic text normalization for matching (names, places), not for display.

Arabic outlets write one word several ways: hamza on the alef or not («أذربيجان» /
«اذربيجان»), final yeh dotted or not («منتدى» / «منتدي»), teh marbuta or heh («سورية» /
«سوريه»), with or without diacritics and tatweel, and now and then with Persian letters
(«ک», «ی») typed on a Persian keyboard. :func:`normalize_arabic` folds these to one
spelling so that a word list matches every variant.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        "ە": "ه",
        "ھ": "ه",
    }
)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def normalize_arabic(text: str) -> str:
    """One spelling per Arabic word: alef variants → «ا», «ى» → «ي», «ة» → «ه», Persian
    «ی»/«ک» → «ي»/«ك», digits → ASCII; diacritics and tatweel removed, presentation forms
    decomposed. Text in other scripts is unchanged."""
    if not text:
        return text
    if any("\ufb50" <= ch <= "\ufeff" for ch in text):
        text = "".join(
            unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text
        )
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_LETTERS).translate(_DIGITS)
