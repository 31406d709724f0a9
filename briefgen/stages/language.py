"""Language of an article: its script first, then a language-identification model.

1. **Script.** Letters are counted by script; the script with the most letters gives the
   candidates (``briefgen/data/languages.toml``). An English article quoting a Persian
   name stays English, a Persian one quoting "Smart City" stays Persian, and text in no
   listed script is "und".
2. **Model.** py3langid (the langid.py model, shipped inside the package: nothing is
   downloaded) ranks the candidates of that script on a sample of the text: its longest
   lines, quotations left out when enough remains.

   * Latin and the other scripts with several languages: the first candidate (English for
     Latin) unless another one is likely, so a short English headline is not called Dutch
     and an Indonesian article is not called English.
   * Arabic script: Urdu, Pashto and Central Kurdish by the letters only they use; Persian
     against Arabic by the model with each language given its own spelling of the letters
     the two share (ی/ي, ک/ك, ى), so Persian typed with Arabic letters and Arabic typed with
     Persian ones are read by their words, plus function words only one of them uses
     (``briefgen/lang/<code>/text.toml``), which decide short texts.
   * Scripts of one language (Armenian, Georgian, Hangul…): that language, no model.
"""

from __future__ import annotations

import copy
import functools
import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from briefgen import lang
from briefgen.model import Article

if TYPE_CHECKING:
    from briefgen.run import Run

UNDETERMINED = "und"

#: Letters of each script (Unicode blocks, digits and punctuation left out).
_SCRIPT_LETTERS = {
    "arabic": "\u0620-\u064a\u066e-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff\u0750-\u077f"
    "\u08a0-\u08ff\ufb50-\ufdfb\ufe70-\ufefc",
    "latin": "A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff",
    "cyrillic": "\u0400-\u0481\u048a-\u052f",
    "greek": "\u0370-\u0373\u0376\u0377\u037b-\u037d\u0386-\u03ff",
    "armenian": "\u0531-\u0556\u0561-\u0587",
    "georgian": "\u10a0-\u10ff",
    "hebrew": "\u05d0-\u05ea",
    "devanagari": "\u0900-\u0963\u0971-\u097f",
    "thai": "\u0e01-\u0e4e",
    "hangul": "\u1100-\u11ff\uac00-\ud7af",
    "kana": "\u3041-\u30ff",
    "han": "\u3400-\u4dbf\u4e00-\u9fff",
}
_SCRIPT_PATTERNS = {name: re.compile(f"[{letters}]") for name, letters in _SCRIPT_LETTERS.items()}
_QUOTATION = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W\d_]+")
_TO_PERSIAN = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
_TO_ARABIC = str.maketrans({"ی": "ي", "ک": "ك"})


@dataclass(frozen=True)
class Rules:
    """The settings of ``briefgen/data/languages.toml``."""

    scripts: dict[str, tuple[str, ...]]
    letters: dict[str, str]
    min_letters: int
    min_share: float
    min_probability_over_default: float
    min_model_letters: int
    function_word_odds: float
    sample_chars: int
    min_unquoted_letters: int

    @property
    def languages(self) -> frozenset[str]:
        """Every code the stage can give (besides "und")."""
        return frozenset({code for codes in self.scripts.values() for code in codes}) | set(
            self.letters
        )


@functools.cache
def rules() -> Rules:
    """The language-identification settings, read once."""
    text = (resources.files("briefgen") / "data" / "languages.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    numbers = data["rules"]
    return Rules(
        scripts={name: tuple(codes) for name, codes in data["scripts"].items()},
        letters=dict(data["letters"]),
        min_letters=int(numbers["min_letters"]),
        min_share=float(numbers["min_share"]),
        min_probability_over_default=float(numbers["min_probability_over_default"]),
        min_model_letters=int(numbers["min_model_letters"]),
        function_word_odds=float(numbers["function_word_odds"]),
        sample_chars=int(numbers["sample_chars"]),
        min_unquoted_letters=int(numbers["min_unquoted_letters"]),
    )


@functools.cache
def _function_words(code: str) -> frozenset[str]:
    return frozenset(w.translate(_TO_PERSIAN) for w in lang.words("text", "function_words", [code]))


class LanguageModel:
    """py3langid's model, restricted to a few languages at a time (restrictions are kept)."""

    def __init__(self) -> None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        self._full = LanguageIdentifier.from_model_file(MODEL_FILE)
        self._restricted: dict[tuple[str, ...], Any] = {}

    def log_scores(self, text: str, languages: Sequence[str]) -> dict[str, float]:
        """Naive Bayes log-scores of ``text`` for each of ``languages``, per √byte.

        Divided by the square root of the text's length in bytes, as py3langid does to
        turn them into calibrated probabilities (softmax over the languages).
        """
        key = tuple(sorted(languages))
        identifier = self._restricted.get(key)
        if identifier is None:
            identifier = copy.copy(self._full)
            identifier.set_languages(list(key))
            self._restricted[key] = identifier
        scale = 1.0 / math.sqrt(len(text.encode("utf-8", "surrogatepass")) or 1)
        return {code: score * scale for code, score in identifier.rank(text)}


@functools.cache
def language_model() -> LanguageModel:
    """The model, loaded on first use (about a second; before the process pool forks)."""
    return LanguageModel()


def letter_counts(text: str) -> dict[str, int]:
    """Letters of each script in ``text`` (scripts without letters left out)."""
    counts = {name: len(pattern.findall(text)) for name, pattern in _SCRIPT_PATTERNS.items()}
    return {name: n for name, n in counts.items() if n}


def detect_language(text: str) -> str:
    """The ISO 639 code of ``text``'s language, or "und" when it has no letters we read."""
    counts = letter_counts(text)
    if not counts:
        return UNDETERMINED
    settings = rules()
    script = max(counts, key=lambda name: counts[name])
    if script == "han" and counts.get("kana", 0) * 10 >= counts["han"]:
        script = "kana"  # Japanese writes kana among its kanji
    candidates = settings.scripts.get(script, ())
    if not candidates:
        return UNDETERMINED
    if script == "arabic":
        by_letters = _arabic_script_by_letters(text, counts[script], settings)
        if by_letters:
            return by_letters
    if len(candidates) == 1:
        return candidates[0]
    if script != "arabic" and counts[script] < settings.min_model_letters:
        return candidates[0]
    sample = _sample(text, _SCRIPT_PATTERNS[script], settings)
    if script == "arabic":
        return _persian_or_arabic(sample, settings)
    return _with_default(sample, candidates, settings)


def _arabic_script_by_letters(text: str, arabic_letters: int, settings: Rules) -> str | None:
    """Urdu, Pashto or Central Kurdish when enough of the letters only they use appear."""
    needed = max(settings.min_letters, settings.min_share * arabic_letters)
    best, best_count = None, 0
    for code, letters in settings.letters.items():
        count = sum(text.count(letter) for letter in letters)
        if count >= needed and count > best_count:
            best, best_count = code, count
    return best


def _sample(text: str, letters: re.Pattern[str], settings: Rules) -> str:
    """What the model reads: quotations out (when enough remains), longest lines first."""
    unquoted = _QUOTATION.sub(" ", text)
    if len(letters.findall(unquoted)) >= settings.min_unquoted_letters:
        text = unquoted
    lines = [line.strip() for line in text.splitlines() if letters.search(line)]
    if sum(len(line) for line in lines) <= settings.sample_chars:
        return " ".join(lines)
    chosen: list[str] = []
    size = 0
    for line in sorted(lines, key=len, reverse=True):
        chosen.append(line[: settings.sample_chars - size])
        size += len(chosen[-1]) + 1
        if size >= settings.sample_chars:
            break
    return " ".join(chosen)


def _with_default(sample: str, candidates: Sequence[str], settings: Rules) -> str:
    """The script's first language unless another is likely enough."""
    scores = language_model().log_scores(sample, candidates)
    top = max(scores.values())
    total = sum(math.exp(score - top) for score in scores.values())
    best = max(scores, key=lambda code: scores[code])
    probability = 1.0 / total  # the best language's softmax probability
    default = candidates[0]
    if best != default and probability < settings.min_probability_over_default:
        return default
    return best


def _persian_or_arabic(sample: str, settings: Rules) -> str:
    """Persian or Arabic: model log-odds, each in its own spelling, plus function words."""
    model = language_model()
    persian = model.log_scores(sample.translate(_TO_PERSIAN), ("fa", "ar"))["fa"]
    arabic = model.log_scores(sample.translate(_TO_ARABIC), ("fa", "ar"))["ar"]
    words = [word.translate(_TO_PERSIAN) for word in _WORD.findall(sample)]
    persian_words = sum(word in _function_words("fa") for word in words)
    arabic_words = sum(word in _function_words("ar") for word in words)
    log_odds = persian - arabic
    log_odds += math.log(settings.function_word_odds) * (persian_words - arabic_words)
    return "fa" if log_odds >= 0 else "ar"


def language_stage(article: Article, run: Run) -> None:
    """Set the article's language from its raw text (script, then py3langid's model)."""
    article.language = detect_language(article.raw_text)
