"""A faster abbreviation pass for pysbd, with the same output.

pysbd's ``AbbreviationReplacer`` runs two regular expressions for every abbreviation in
its list (about 200 for English) whose letters occur anywhere in the text — and short
ones such as "al", "is" or "me" occur in nearly every paragraph. Yet an abbreviation
only matters when it is followed by a period: every replacement pysbd makes is of the
period after it. :func:`speed_up` gives a pysbd language the replacer it would have
anyway, run over only the abbreviations written with a period in the text. This halves
the time pysbd needs for English news (measured on the BBC dev set, output identical;
``tests/test_sentences.py`` checks it). It uses pysbd's own per-language hook
(``Language.AbbreviationReplacer``), through which pysbd's languages plug their
replacers in.
"""

from __future__ import annotations

from typing import Any


class _LanguageView:
    """A pysbd language that lists only some of its abbreviations."""

    def __init__(self, language: Any, abbreviations: list[str]) -> None:
        self._language = language
        self.Abbreviation = type(
            "Abbreviation", (language.Abbreviation,), {"ABBREVIATIONS": abbreviations}
        )

    def __getattr__(self, name: str) -> Any:
        return getattr(self._language, name)


def speed_up(language: Any) -> None:
    """Give the pysbd ``language`` class the faster replacer (once)."""
    base: Any = language.__dict__.get("AbbreviationReplacer")
    if base is None:
        from pysbd.abbreviation_replacer import AbbreviationReplacer

        base = AbbreviationReplacer
    if getattr(base, "_checks_periods_first", False):
        return

    class PeriodFirstReplacer(base):
        _checks_periods_first = True
        lang: Any

        def search_for_abbreviations_in_string(self, text: str) -> str:
            lowered = text.lower()
            present = [
                abbreviation
                for abbreviation in self.lang.Abbreviation.ABBREVIATIONS
                if f"{abbreviation.strip()}." in lowered
            ]
            if not present:
                return text
            language_class = self.lang
            self.lang = _LanguageView(language_class, present)
            try:
                return super().search_for_abbreviations_in_string(text)
            finally:
                self.lang = language_class

    language.AbbreviationReplacer = PeriodFirstReplacer
