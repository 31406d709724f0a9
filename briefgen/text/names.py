"""People's names across spellings and scripts: honorifics, skeletons and the person key.

A *skeleton* keeps the consonants of a name the way transliteration keeps them:
"Zarepour", "Zarei Pur", "Zare'pour" and «زارع‌پور» all give ``zrpr``. Latin names are
folded (accents, case, apostrophes and hyphens dropped; sh/kh/gh/ch/zh/ph digraphs as one
sound, g = gh = q, c = k, h after a consonant dropped), then vowels and y are dropped and
doubled letters written once. Persian and Arabic names are romanized letter by letter to
the same alphabet (ق/غ/گ → q, as transliterations of the three disagree: «اوغلو» Oglu;
ث/س/ص → s, ذ/ز/ض/ظ → z, ت/ط → t, ح/ه → h, alef, ain and the long vowels dropped). v, w,
f and و are dropped on both sides: Persian writes the same sound as a vowel or a
consonant («واعظی» Vaezi, «المعولی» Al Maawali, «نائوآ» -naeva).

:func:`name_key` is :attr:`briefgen.model.Person.key` for people outside the glossary.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from briefgen import lang
from briefgen.text.persian import fold_letters

#: Prefix of a key made from a name (glossary people use their entry id, which has none).
NAME_KEY_PREFIX = "~"

_LATIN_DIGRAPHS = (
    ("sch", "S"),
    ("sh", "S"),
    ("ch", "C"),
    ("zh", "Z"),
    ("kh", "X"),
    ("gh", "q"),
    ("ph", "f"),
    ("th", "t"),
    ("dh", "z"),
    ("dj", "j"),
    ("ck", "k"),
    ("c", "k"),
    ("x", "ks"),
    ("g", "q"),  # g, gh and q are one sound class: Qasemi/Ghasemi/Gasemi, «اوغلو» Oglu
)
_VOWELS = frozenset("aeiouy")
_DROPPED = frozenset("vwf")
_PERSIAN_LETTERS = {
    "ب": "b",
    "پ": "p",
    "ت": "t",
    "ط": "t",
    "ث": "s",
    "س": "s",
    "ص": "s",
    "ج": "j",
    "چ": "C",
    "ح": "h",
    "ه": "h",
    "ة": "h",
    "خ": "X",
    "د": "d",
    "ذ": "z",
    "ز": "z",
    "ض": "z",
    "ظ": "z",
    "ر": "r",
    "ژ": "Z",
    "ش": "S",
    "غ": "q",
    "ق": "q",
    "ک": "k",
    "گ": "q",
    "ل": "l",
    "م": "m",
    "ن": "n",
}
_LETTERS = re.compile(r"[^\W\d_]+")


def _collapse(sounds: list[str]) -> str:
    out: list[str] = []
    for sound in sounds:
        if sound and (not out or out[-1] != sound):
            out.append(sound)
    return "".join(out)


@functools.lru_cache(maxsize=16384)
def latin_skeleton(word: str) -> str:
    """The consonant skeleton of a Latin-script name (``Taghipour`` → ``tqpr``)."""
    text = unicodedata.normalize("NFKD", word)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = "".join(_LETTERS.findall(text))
    for digraph, sound in _LATIN_DIGRAPHS:
        text = text.replace(digraph, sound)
    sounds: list[str] = []
    previous = ""
    for ch in text:
        silent = ch == "h" and previous and previous not in _VOWELS
        sounds.append("" if ch in _VOWELS or ch in _DROPPED or silent else ch)
        previous = ch
    return _collapse(sounds)


@functools.lru_cache(maxsize=16384)
def persian_skeleton(word: str) -> str:
    """The romanized consonant skeleton of a Persian or Arabic name («تقی‌پور» → ``tqpr``)."""
    return _collapse([_PERSIAN_LETTERS.get(ch, "") for ch in fold_letters(word)])


def skeleton(text: str) -> str:
    """The skeleton of ``text`` (any script), its words run together."""
    return "".join(
        persian_skeleton(w) if _is_arabic_script(w) else latin_skeleton(w)
        for w in _LETTERS.findall(text)
    )


def _is_arabic_script(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


@functools.cache
def honorifics() -> tuple[str, ...]:
    """Honorific words of every language, folded (``dr``, ``seyed``, «سید», «دکتر» …)."""
    forms = lang.words("names", "honorifics")
    return tuple(sorted({fold_letters(f).casefold().rstrip(".") for f in forms}, key=len)[::-1])


@functools.cache
def glued_honorifics() -> tuple[str, ...]:
    """Persian honorifics that are written joined to the first name («سیدستار»)."""
    return tuple(fold_letters(f) for f in lang.words("names", "glued_honorifics", ["fa"]))


@functools.cache
def _surname_suffixes() -> frozenset[str]:
    return frozenset(fold_letters(w).casefold() for w in lang.words("names", "surname_suffixes"))


def strip_honorifics(name: str) -> str:
    """``name`` without leading honorifics («سیدکاظم سجادی» → «کاظم سجادی», "Dr. Issa …")."""
    words = name.split()
    honor = set(honorifics())
    while len(words) > 1 and fold_letters(words[0]).casefold().rstrip(".,") in honor:
        words.pop(0)
    if words:
        first = fold_letters(words[0])
        for prefix in glued_honorifics():
            if first.startswith(prefix) and len(first) - len(prefix) >= 3:
                words[0] = first[len(prefix) :]
                break
    return " ".join(words)


def name_words(name: str) -> list[str]:
    """The words of a name without honorifics; surname endings written apart («زارع پور»,
    "Zarei Pur") joined to the word before them; hyphens as spaces."""
    words: list[str] = []
    for word in strip_honorifics(name.replace("-", " ")).split():
        if words and fold_letters(word).casefold() in _surname_suffixes():
            words[-1] += word
        else:
            words.append(word)
    return words


def name_key(name: str) -> str:
    """A spelling- and script-insensitive key for a person named ``name``.

    ``~`` followed by the skeleton of the surname (the last word after
    :func:`name_words`): "Issa Zarepour", "Eisa Zarei-Pur", "Zarepour" and «عیسی زارع پور»
    all give ``~zrpr``. Empty when the name has no letters. Names written surname
    first (Chinese, Korean) or split differently in two scripts ("Alisjahbana" /
    «آلیس جابانا») do not meet; see :func:`keys_may_match`.
    """
    words = name_words(name)
    if not words:
        return ""
    last = words[-1]
    if _is_arabic_script(last) and len(last) >= 5 and last.startswith("ال"):
        last = last[2:]  # the Arabic article, which Latin spellings write apart ("Al-Yasiri")
    last = skeleton(last)
    if not last:  # "Wang Yi": no consonant to go by; the whole name, folded
        return NAME_KEY_PREFIX + "".join(w.casefold() for w in words)
    return NAME_KEY_PREFIX + last


def keys_may_match(first: str, second: str, minimum: int = 3) -> bool:
    """Looser than equality: one key's skeleton ends the other's, the shorter one having at
    least ``minimum`` consonants (a surname split in two words in one script)."""
    if first == second:
        return bool(first)
    if not (first.startswith(NAME_KEY_PREFIX) and second.startswith(NAME_KEY_PREFIX)):
        return False
    a, b = sorted((first[1:], second[1:]), key=len)
    return len(a) >= minimum and b.endswith(a)


_READABLE = {"S": "sh", "C": "ch", "X": "kh", "Z": "zh", "q": "gh"}


def romanize(name: str) -> str:
    """A rough Latin spelling of a Persian or Arabic name («اشکات اورزبیک» → "Ashkat
    Orzbik"), for a reviewer to correct; Latin names are returned as they are."""
    if not _is_arabic_script(name):
        return name
    words = []
    for word in fold_letters(name).replace("\u200c", " ").split():
        out: list[str] = []
        for index, ch in enumerate(word):
            if index == 0 and word.startswith("او"):
                out.append("o")
            elif index == 1 and word.startswith("او"):
                continue
            elif ch == "ا":
                out.append("a")
            elif ch == "و":
                out.append("v" if index == 0 else "u")
            elif ch == "ی":
                out.append("y" if index == 0 else "i")
            elif ch == "ه" and index == len(word) - 1 and index > 0:
                out.append("eh")
            elif ch == "ف":
                out.append("f")
            else:
                sound = _PERSIAN_LETTERS.get(ch, "")
                out.append(_READABLE.get(sound, sound))
        text = "".join(out)
        if text:
            words.append(text[:1].upper() + text[1:])
    return " ".join(words)
