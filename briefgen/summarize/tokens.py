"""Words, stop words and stems for the summarizer, in English, Persian and Arabic.

sumy's own ``Tokenizer`` needs NLTK's punkt data, which cannot be downloaded here, so
:class:`SumyTokenizer` gives sumy the project's sentence splitter and NLTK's rule-based
word tokenizer (no data files). Persian text is normalized with
:func:`briefgen.text.persian.normalize_persian` and split into words (ZWNJ-joined parts
stay one word); its stop words come from the ``stop-words`` package.

Arabic words are compared in one spelling (:func:`arabic_key`: alef, yeh, teh marbuta
and Persian-keyboard variants folded, marks and tatweel dropped, digits ASCII); its stop
words are the ``stop-words`` list and briefgen's Arabic function words in that spelling,
and its "stem" strips the article with the clitics written before it («والاتصالات»,
«بالاتصالات», «للاتصالات» → «اتصالات»; ``briefgen/lang/ar/text.toml``). Words are only
compared, never printed: the summary is made of the article's own sentences. Any other
language is read as English.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from briefgen import lang
from briefgen.text.arabic import normalize_arabic
from briefgen.text.persian import ZWNJ, normalize_digits, normalize_persian
from briefgen.text.sentences import split_sentences

# Same rule as sumy's Tokenizer: a word starts with a letter and holds letters, ' or -.
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['\-\u200c])*$")
# Persian: runs of letters/digits, ZWNJ-joined parts kept together ("همکاری‌ها").
_PERSIAN_TOKEN = re.compile(rf"\w+(?:{ZWNJ}\w+)*")

SUMY_LANGUAGES = {"en": "english", "fa": "persian", "ar": "arabic"}
_ARABIC_SCRIPT = frozenset({"fa", "ar"})
# One spelling for Arabic words (what normalize_arabic may leave: letters, digits).
_ARABIC_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك", "ۀ": "ه"}
)
_MIN_STEM_LETTERS = 3


def arabic_key(text: str) -> str:
    """Arabic text in one spelling for comparing words (not for display)."""
    return normalize_digits(normalize_arabic(text)).translate(_ARABIC_FOLD)


@functools.cache
def _arabic_prefixes() -> tuple[str, ...]:
    """The article with its clitics, longest first, in :func:`arabic_key` spelling."""
    listed = {arabic_key(p) for p in lang.words("text", "article_prefixes", ["ar"])}
    return tuple(sorted(listed, key=len, reverse=True))


def arabic_stem(word: str) -> str:
    """``word`` without its article and the clitics before it, when three letters remain."""
    for prefix in _arabic_prefixes():
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM_LETTERS:
            return word[len(prefix) :]
    return word


def sumy_language(language: str) -> str:
    """sumy's name for an ISO 639-1 code (English for anything we cannot tell)."""
    return SUMY_LANGUAGES.get(language, "english")


@functools.cache
def _nltk_word_tokenizer():
    from nltk.tokenize import NLTKWordTokenizer  # rule-based, needs no NLTK data

    return NLTKWordTokenizer()


def raw_tokens(text: str, language: str = "en") -> list[str]:
    """Word and punctuation tokens of ``text`` (Persian and Arabic are normalized first)."""
    if language == "ar":
        return _PERSIAN_TOKEN.findall(arabic_key(text))
    if language in _ARABIC_SCRIPT:
        return _PERSIAN_TOKEN.findall(normalize_persian(text))
    return _nltk_word_tokenizer().tokenize(text)


@functools.lru_cache(maxsize=65536)
def words(text: str, language: str = "en") -> tuple[str, ...]:
    """The words of ``text`` as sumy wants them: tokens that start with a letter."""
    return tuple(t for t in raw_tokens(text, language) if _WORD.match(t))


@functools.cache
def stop_words(language: str = "en") -> frozenset[str]:
    """Lower-case stop words: sumy's list for English, ``stop-words``' for Persian/Arabic
    (Arabic also briefgen's function words), spelled as :func:`words` gives them."""
    if language == "ar":
        from stop_words import get_stop_words

        listed = [*get_stop_words("arabic"), *lang.words("text", "function_words", ["ar"])]
        return frozenset(arabic_key(w) for w in listed)
    if language in _ARABIC_SCRIPT:
        from stop_words import get_stop_words

        listed = get_stop_words(SUMY_LANGUAGES[language])
        return frozenset(normalize_persian(w).lower() for w in listed)
    from sumy.utils import get_stop_words as sumy_stop_words

    return frozenset(sumy_stop_words(sumy_language(language)))


@functools.cache
def stemmer(language: str = "en") -> Callable[[str], str]:
    """sumy's stemmer (Snowball for English); Arabic loses its article (:func:`arabic_stem`);
    Persian words are only lower-cased."""
    from sumy.nlp.stemmers import Stemmer, null_stemmer

    if language == "ar":
        return arabic_stem
    if language in _ARABIC_SCRIPT:
        return null_stemmer
    # Words repeat across sentences and articles: remember their stems.
    return functools.lru_cache(maxsize=65536)(Stemmer(sumy_language(language)))


class SumyTokenizer:
    """The tokenizer object sumy expects, built on the project's splitters."""

    def __init__(self, language: str = "en") -> None:
        self.code = language if language in SUMY_LANGUAGES else "en"
        self._language = sumy_language(self.code)

    @property
    def language(self) -> str:
        return self._language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(split_sentences(paragraph, self.code))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return words(sentence, self.code)
