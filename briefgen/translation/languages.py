"""What briefgen knows per source language: its English name, its normalization before
translation, and the sentence an install check translates.

Any language with an installed X→en package translates; the tables here only refine it.
A language missing from them gets its name from CLDR (Babel), Unicode NFC as its
normalization, and a neutral check sentence.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

TARGET = "en"

# The sentence the install check translates (any non-empty English passes): one a real
# model and the test fixtures both handle.
CHECK_SENTENCES = {
    "fa": "ایران و عمان در حوزه ارتباطات همکاری می‌کنند.",
    "ar": "التقى وزير الاتصالات مع نظيره في مسقط.",
}
NEUTRAL_CHECK_SENTENCE = "2024."


def _persian(text: str) -> str:
    from briefgen.text.persian import standard_spacing

    return standard_spacing(text).strip()


def _arabic(text: str) -> str:
    from briefgen.text.arabic import normalize_arabic

    return normalize_arabic(text)


def _default(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


NORMALIZERS: dict[str, Callable[[str], str]] = {"fa": _persian, "ar": _arabic}


def language_name(code: str) -> str:
    """English name of a language code ("ar" → "Arabic"); the code itself if unknown."""
    from briefgen.model import language_name as name

    return name(code)


def normalizer(code: str) -> Callable[[str], str]:
    """The normalization a ``code`` sentence gets before it goes to the model."""
    return NORMALIZERS.get(code, _default)


def check_sentence(code: str) -> str:
    """The sentence an install check of a ``code``→en package translates."""
    return CHECK_SENTENCES.get(code, NEUTRAL_CHECK_SENTENCE)


def pair_label(code: str, target: str = TARGET) -> str:
    """ "Arabic→English (ar→en)"."""
    return f"{language_name(code)}→{language_name(target)} ({code}→{target})"
