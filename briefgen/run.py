"""The run context every stage receives: the day, settings, tuning, glossary, window,
translators and progress of one run.

A :class:`Run` is made once per command (``briefgen brief``, ``translate``…) by the
API and handed to each stage with the articles. Translators are loaded on first use,
one per source language, and closed when the run ends (``with Run(...) as run``).
The parts workers need (everything but the translators and the progress callback)
travel to the process pool with the run; see :mod:`briefgen.parallel`.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from briefgen.config import Settings
from briefgen.glossary import Glossary
from briefgen.model import Window
from briefgen.tuning import Tuning

if TYPE_CHECKING:
    from briefgen.stages.translate import Translator

log = logging.getLogger(__name__)

#: ``progress(what, done, total)``: how far a long step is.
Progress = Callable[[str, int, int], None]


@dataclass
class Run:
    """What one run knows; stages read it and never change it (translators and notes aside)."""

    settings: Settings = field(default_factory=Settings)
    today: dt.date = field(default_factory=dt.date.today)
    window: Window = field(default_factory=Window)
    glossary: Glossary = field(default_factory=Glossary)
    translate: bool = True  # translate articles not in English when a model is installed
    use_cache: bool = True  # use the translation cache
    summary_method: str = "default"  # "default", "lead" or a sumy method
    progress: Progress | None = field(default=None, compare=False, repr=False)
    translators: dict[str, Translator | Exception] = field(
        default_factory=dict, compare=False, repr=False
    )
    notes: list[str] = field(default_factory=list)  # what the run report should say

    @property
    def tuning(self) -> Tuning:
        return self.settings.tuning

    def report(self, what: str, done: int, total: int) -> None:
        """Tell the progress callback, if any."""
        if self.progress is not None:
            self.progress(what, done, total)

    def translator(self, language: str) -> Translator:
        """The loaded X→English translator for ``language`` (loaded once per run).

        Raises :class:`~briefgen.errors.ModelMissingError` when no package for the language
        is installed and :class:`~briefgen.errors.ModelError` when it does not load; the
        failure is remembered, so the run does not try again.
        """
        cached = self.translators.get(language)
        if isinstance(cached, Exception):
            raise cached
        if cached is None:
            from briefgen.translation import load_translator

            try:
                cached = load_translator(
                    language,
                    use_cache=self.use_cache,
                    device=self.settings.device,
                    threads=self.settings.threads,
                )
            except Exception as exc:
                self.translators[language] = exc
                raise
            self.translators[language] = cached
        return cached

    def close(self) -> None:
        """Close the translators this run loaded."""
        for translator in self.translators.values():
            close = getattr(translator, "close", None)
            if close is not None:
                close()
        self.translators.clear()

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        """For the process pool: without translators and the progress callback."""
        state = dict(self.__dict__)
        state["translators"] = {}
        state["progress"] = None
        return state
