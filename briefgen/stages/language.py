"""Language of an article, by a clear script rule.

Arabic-script text with Persian-only letters (پ چ ژ گ ی ک) or Persian function words
(``briefgen/lang/fa/text.toml``) is Persian; other Arabic-script text is Arabic;
Latin-script text is English. The decision uses letter counts, so a Persian article
quoting an English name stays Persian.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from briefgen import lang
from briefgen.model import Article

if TYPE_CHECKING:
    from briefgen.run import Run

_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_PERSIAN_ONLY = re.compile(r"[پچژگ\u06cc\u06a9]")  # پ چ ژ گ ی ک


@functools.cache
def _persian_words() -> re.Pattern[str]:
    alternatives = "|".join(map(re.escape, lang.words("text", "marker_words", ["fa"])))
    return re.compile(rf"(?:^|\s)(?:{alternatives})(?=\s|$)")


def detect_language(text: str) -> str:
    """ "fa", "ar", "en", or "und" when the text has no letters."""
    arabic = len(_ARABIC_LETTER.findall(text))
    latin = len(_LATIN_LETTER.findall(text))
    if arabic == 0 and latin == 0:
        return "und"
    if arabic > latin:
        if _PERSIAN_ONLY.search(text) or _persian_words().search(text):
            return "fa"
        return "ar"
    return "en"


def language_stage(article: Article, run: Run) -> None:
    """Set the article's language from its raw text."""
    article.language = detect_language(article.raw_text)
