"""The run context every stage receives: the day, settings, tuning, glossary, window,
translators and progress of one run.

A :class:`Run` is made once per command (``briefgen brief``, ``translate``…) by the
API and handed to each stage with the articles. Translators are loaded on first use,
one per source language, with the run's translation memory (opened on first use too),
and closed when the run ends (``with Run(...) as run``). The parts workers need
(everything but the translators, the memory, the backend and the progress callback)
travel to the workers with the run; see :mod:`briefgen.parallel`.
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
    from briefgen.parallel import Backend
    from briefgen.stages.translate import Translator
    from briefgen.tm.store import TranslationMemory

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
    #: Where article stages and translation batches run (None: this machine's pool).
    backend: Backend | None = field(default=None, compare=False, repr=False)
    _memory: TranslationMemory | None = field(default=None, compare=False, repr=False)

    @property
    def tuning(self) -> Tuning:
        return self.settings.tuning

    def report(self, what: str, done: int, total: int) -> None:
        """Tell the progress callback, if any."""
        if self.progress is not None:
            self.progress(what, done, total)

    def memory(self) -> TranslationMemory:
        """The run's translation memory (``tm_url``, ``$BRIEFGEN_TM_URL``, else SQLite)."""
        if self._memory is None:
            from briefgen.tm import open_memory

            self._memory = open_memory(self.settings.tm_url)
        return self._memory

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
                runner = self.backend.batch_runner if self.backend is not None else None
                cached = load_translator(
                    language,
                    use_cache=self.use_cache,
                    device=self.settings.device,
                    threads=self.settings.threads,
                    memory=self.memory(),
                    batch_runner=runner,
                )
            except Exception as exc:
                self.translators[language] = exc
                raise
            self.translators[language] = cached
        return cached

    def close(self) -> None:
        """Close the translators, the memory and the backend of this run."""
        for translator in self.translators.values():
            close = getattr(translator, "close", None)
            if close is not None:
                close()
        self.translators.clear()
        if self._memory is not None:
            self._memory.close()
            self._memory = None
        if self.backend is not None:
            self.backend.close()
            self.backend = None

    def __enter__(self) -> Run:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        """For the workers: without translators, memory, backend and progress callback."""
        state = dict(self.__dict__)
        state.update(translators={}, progress=None, backend=None, _memory=None)
        return state
