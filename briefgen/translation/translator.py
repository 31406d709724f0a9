"""Sentence translation with an installed Argos package, without Argos's own pipeline.

argostranslate's ``translate()`` splits text with a sentence model it downloads on first
use; briefgen sends its own sentence units instead, straight to the package's
CTranslate2 model and tokenizer (SentencePiece or BPE, see
:mod:`~briefgen.translation.tokenizers`), with argostranslate's decoding settings (beam
4, length penalty 0.2, unknown tokens replaced from the source, the package's
``target_prefix``). All sentences of a run go in one call: normalized for their language,
looked up in the translation memory (:mod:`briefgen.tm`), the rest de-duplicated,
tokenized, translated in length-sorted batches, and stored in the memory batch by batch.
The batches run here, or elsewhere through a :data:`BatchRunner` (Dask workers, see
:mod:`briefgen.cluster`): the batches are the same, so the English is too.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from briefgen.errors import ModelError
from briefgen.model import Translation
from briefgen.translation.device import (
    INTER_THREADS,
    requested_device,
    resolve_device,
    resolve_threads,
)
from briefgen.translation.languages import normalizer
from briefgen.translation.packages import InstalledPackage
from briefgen.translation.tokenizers import load_tokenizer

if TYPE_CHECKING:
    from briefgen.tm.store import TranslationMemory

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
#: Token batches in, ``(batch index, English of each sentence)`` out, in any order.
BatchRunner = Callable[[list[list[list[str]]]], Iterator[tuple[int, list[str]]]]
#: Makes the batch runner of a translator (e.g. one that sends batches to Dask workers).
RunnerFactory = Callable[["ArgosTranslator"], BatchRunner]

BEAM_SIZE = 4  # as argostranslate
LENGTH_PENALTY = 0.2  # as argostranslate
BATCH_SENTENCES = 32  # sentences per CTranslate2 call (and per cache commit)
MAX_DECODING_LENGTH = 256
MAX_INPUT_LENGTH = 1024  # CTranslate2's default: longer inputs are truncated
_POSITIONS = re.compile(r"position encodings are defined for positions >= (\d+)")


def engine_name(from_code: str, to_code: str = "en") -> str:
    """The engine string of a pair, e.g. "Argos ar→en"."""
    return f"Argos {from_code}→{to_code}"


class ArgosTranslator:
    """A loaded X→en package: ``translate(texts)`` gives English for each text.

    Load it once per run; it holds the CTranslate2 model in memory. ``device`` is
    "auto", "cpu" or "cuda" and ``threads`` CTranslate2's intra-op threads (see
    :mod:`~briefgen.translation.device`).

    ``memory`` holds reviewed translations (read whenever there is a memory) and machine
    ones (read and written with ``use_cache``); without one, ``use_cache`` opens the
    default memory, which the translator then closes. ``batch_runner`` makes the runner
    of the token batches elsewhere (``load_model=False`` then skips loading the model here).
    """

    def __init__(
        self,
        package: InstalledPackage,
        *,
        memory: TranslationMemory | None = None,
        use_cache: bool = True,
        device: str | None = None,
        threads: int | None = None,
        beam_size: int = BEAM_SIZE,
        batch_size: int = BATCH_SENTENCES,
        max_decoding_length: int = MAX_DECODING_LENGTH,
        batch_runner: RunnerFactory | None = None,
        load_model: bool = True,
    ) -> None:
        self.package = package
        self.beam_size = beam_size
        self.batch_size = batch_size
        self.max_decoding_length = max_decoding_length
        self.info = Translation(
            engine=engine_name(package.from_code, package.to_code),
            package=package.code,
            version=package.version,
            is_test_model=package.is_test_model,
            source_language=package.from_code,
        )
        self._normalize = normalizer(package.from_code)
        try:
            self._tokenizer = load_tokenizer(package.path, package.from_code, package.to_code)
        except ModelError as exc:
            raise ModelError(exc.reason, package.path) from exc
        self.tokenizer_kind = self._tokenizer.kind
        self.device_option, self.threads_option = device, threads  # as asked, for workers
        self.threads = resolve_threads(threads)
        self.device = resolve_device(device)
        self._fall_back = requested_device(device) == "auto"
        self._model = self._load_model(self._fall_back) if load_model else None
        self._owns_memory = memory is None and use_cache
        if memory is None and use_cache:
            from briefgen.tm import open_memory

            memory = open_memory()
        self.memory = memory
        self.use_cache = use_cache
        self.batch_runner: BatchRunner = batch_runner(self) if batch_runner else self._run_batches
        #: Source tokens the model reads (a model with fewer position encodings lowers it).
        self.max_input_length = MAX_INPUT_LENGTH
        self.translated_count = 0  # sentences sent to the model (not from the memory)
        self.reviewed_count = 0  # sentences given a reviewed translation

    def _load_model(self, fall_back: bool):
        import ctranslate2

        def load(device: str):
            return ctranslate2.Translator(
                str(self.package.path / "model"),
                device=device,
                compute_type="auto",
                inter_threads=INTER_THREADS,
                intra_threads=self.threads,
            )

        try:
            return load(self.device)
        except (RuntimeError, ValueError, OSError) as exc:
            reason = " ".join(str(exc).split())
            if self.device == "cuda" and fall_back:
                log.warning("the model does not load on the GPU (%s); using the CPU", reason)
                self.device = "cpu"
                return self._load_model(fall_back=False)
            where = " on the GPU" if self.device == "cuda" else ""
            message = f"model does not load{where} ({reason})"
            raise ModelError(message, self.package.path) from exc

    @property
    def pair(self) -> tuple[str, str]:
        return (self.package.from_code, self.package.to_code)

    @property
    def origin(self) -> str:
        """How the memory names this model's segments: "translate-fa_en 1.5"."""
        return f"{self.package.code} {self.package.version}"

    @property
    def model_key(self) -> str:
        """What machine segments key on besides the text: pair, package, version, size,
        decoding."""
        size = (self.package.path / "model" / "model.bin").stat().st_size
        return (
            f"{self.package.from_code}-{self.package.to_code}|{self.package.code}|"
            f"{self.package.version}|{size}|beam{self.beam_size}"
        )

    def normalize(self, text: str) -> str:
        """The source text as the model and the memory see it."""
        return self._normalize(text).strip()

    def reviewed(self, texts: list[str]) -> list[str | None]:
        """The reviewed English of each source text (as the article wrote it), or None."""
        if self.memory is None:
            return [None] * len(texts)
        sources = [self.normalize(text) for text in texts]
        found = self.memory.human(self.pair, sources)
        english = [found.get(s) for s in sources]
        self.reviewed_count += sum(1 for e in english if e is not None)
        return english

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """Machine English for each source text (a sentence or headline), in order."""
        sources = [self.normalize(text) for text in texts]
        unique = [s for s in dict.fromkeys(sources) if s]
        memory = self.memory if self.use_cache else None
        known = memory.machine(self.pair, self.model_key, unique) if memory is not None else {}
        pending = [s for s in unique if s not in known]
        total = len(unique)
        done = total - len(pending)
        if progress and total:
            progress("Translating", done, total)
        # Sorted by length, so each CTranslate2 batch pads little; committed batch by batch.
        tokens = [self._tokenizer.encode(s) for s in pending]
        order = sorted(range(len(pending)), key=lambda i: len(tokens[i]))
        chunks = [order[i : i + self.batch_size] for i in range(0, len(order), self.batch_size)]
        for index, english in self.batch_runner([[tokens[i] for i in c] for c in chunks]):
            batch = {pending[i]: text for i, text in zip(chunks[index], english, strict=True)}
            known.update(batch)
            if memory is not None:
                memory.put_machine(self.pair, self.model_key, self.origin, batch)
            self.translated_count += len(batch)
            done += len(batch)
            if progress:
                progress("Translating", done, total)
        return [known.get(s, "") for s in sources]

    def _run_batches(self, batches: list[list[list[str]]]) -> Iterator[tuple[int, list[str]]]:
        for index, tokens in enumerate(batches):
            yield index, self.translate_tokens(tokens)

    def translate_uncached(self, sources: list[str]) -> list[str]:
        """Translate normalized source sentences with the model (no cache)."""
        if not sources:
            return []
        return self.translate_tokens([self._tokenizer.encode(s) for s in sources])

    def translate_tokens(self, tokens: list[list[str]]) -> list[str]:
        """English for each tokenized source sentence: one model call."""
        if self._model is None:
            self._model = self._load_model(self._fall_back)
        prefix = self.package.target_prefix
        try:
            results = self._translate_batch(tokens, prefix)
        except RuntimeError as exc:
            # A model with learned positions (e.g. the TEST fixtures: 256) reads no more
            # than that: truncate longer sentences to it, as CTranslate2 does at 1024.
            limit = _POSITIONS.search(str(exc))
            if limit is None or int(limit.group(1)) >= self.max_input_length:
                raise
            self.max_input_length = int(limit.group(1))
            log.debug("model reads %d source tokens at most", self.max_input_length)
            results = self._translate_batch(tokens, prefix)
        return [self._decode(result.hypotheses[0]) for result in results]

    def _translate_batch(self, tokens: list[list[str]], prefix: str):
        assert self._model is not None
        return self._model.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            beam_size=self.beam_size,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_batch_size=self.batch_size,
            max_decoding_length=self.max_decoding_length,
            max_input_length=self.max_input_length,
        )

    def _decode(self, hypothesis: list[str]) -> str:
        prefix = self.package.target_prefix
        # The hypothesis starts with the prefix token; drop it before decoding (argostranslate
        # drops it from the decoded text, which misses a prefix SentencePiece decodes
        # differently, e.g. one with "_").
        if prefix and hypothesis[:1] == [prefix]:
            hypothesis = hypothesis[1:]
        text = self._tokenizer.decode(hypothesis)
        if prefix and text.startswith(prefix):
            text = text[len(prefix) :]
        return text.strip()

    def close(self) -> None:
        if self.memory is not None and self._owns_memory:
            self.memory.close()
        self._model = None
