"""Persian text normalization, used before translation and for every match.

Two levels:

* :func:`normalize_persian` gives the canonical spelling fed to the translator and
  shown to readers: Arabic letter variants become Persian ones, digits become Latin,
  diacritics and tatweel go, ZWNJ is kept only between two joining letters.
* :func:`standard_spacing` also gives the verbal prefix «می» and the plural «ها» typed
  with a space their ZWNJ («می کند» → «می‌کند»): what the translator sees.
* :func:`match_key` is a looser key for comparing names: it also drops ZWNJ, so
  «زارع‌پور» and «زارعپور» compare equal.
"""

from __future__ import annotations

import re
import unicodedata

from persiantools import characters, digits

ZWNJ = "\u200c"
ZWJ = "\u200d"

_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
# Letters that never join to the following letter: a ZWNJ after them is noise.
_NON_JOINING = "اآأإدذرزژوؤۀةء"
_ZWNJ_RUN = re.compile(f"[{ZWNJ}{ZWJ}]+")
# (?<!\s): a match starts where a run of spaces starts, never inside it (a search from
# every space of a long run is quadratic: 100,000 spaces took minutes).
_ZWNJ_NEAR_SPACE = re.compile(rf"(?<!\s)\s*{ZWNJ}\s*(?=\s)|(?<=\s){ZWNJ}|^{ZWNJ}|{ZWNJ}$", re.M)
_ZWNJ_AFTER_NON_JOINING = re.compile(f"(?<=[{_NON_JOINING}]){ZWNJ}")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_EXTRA_LETTERS = str.maketrans({"ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ة", "ۓ": "ی", "ې": "ی"})
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# Spacing variants of the commonest affixes: «می کند» and «کشور ها» are often typed with
# a space where the standard spelling has a ZWNJ («می‌کند», «کشورها»).
_LETTER = "[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]"
_MI_SPACE = re.compile(rf"(?<!\S)(ن?می) (?={_LETTER})")
_HA_SPACE = re.compile(rf"(?<={_LETTER}) (ها(?:ی|یی|یم|یت|یش|یمان|یتان|یشان)?)(?=[\s.,،؛:!?؟»)]|$)")


def has_arabic_script(text: str) -> bool:
    """True when ``text`` holds at least one Arabic-script letter."""
    return bool(_ARABIC_SCRIPT.search(text))


def normalize_digits(text: str) -> str:
    """Turn Persian and Arabic-Indic digits into ASCII digits."""
    return digits.fa_to_en(digits.ar_to_fa(text))


def normalize_letters(text: str) -> str:
    """Arabic letter variants → Persian ones (ي → ی, ك → ک), one character for one."""
    return characters.ar_to_fa(text)


def normalize_persian(text: str) -> str:
    """Canonical Persian spelling: Persian letters, ASCII digits, clean ZWNJ and spaces."""
    if not text:
        return text
    if _ARABIC_SCRIPT.search(text) and any("\ufb50" <= ch <= "\ufeff" for ch in text):
        # Arabic presentation forms (from PDFs and old sites) → base letters.
        text = "".join(
            unicodedata.normalize("NFKC", ch) if "\ufb50" <= ch <= "\ufeff" else ch for ch in text
        )
    text = characters.ar_to_fa(text)
    text = text.translate(_EXTRA_LETTERS)
    text = normalize_digits(text)
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    text = _ZWNJ_NEAR_SPACE.sub("", text)
    text = _ZWNJ_AFTER_NON_JOINING.sub("", text)
    return _SPACES.sub(" ", text)


_LOOSE_LETTERS = str.maketrans(
    {"ئ": "ی", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و", "ۀ": "ه", "ة": "ه"}
)


def fold_letters(text: str) -> str:
    """Normalized, ZWNJ dropped, hamza/ta-marbuta spellings folded («رئیسی» = «رییسی»);
    case and spaces kept, so it can be applied one character at a time."""
    return normalize_persian(text).replace(ZWNJ, "").translate(_LOOSE_LETTERS)


def standard_spacing(text: str) -> str:
    """``text`` normalized, with «می کند» / «کشور ها» spaced as «می‌کند» / «کشورها»."""
    text = _MI_SPACE.sub(rf"\1{ZWNJ}", normalize_persian(text))
    text = _HA_SPACE.sub(rf"{ZWNJ}\1", text)
    return _ZWNJ_AFTER_NON_JOINING.sub("", text)


def match_key(text: str) -> str:
    """A loose comparison key: :func:`fold_letters`, case folded, spaces collapsed."""
    return " ".join(fold_letters(text).casefold().split())
