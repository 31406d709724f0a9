"""Sentence translation with an installed Argos package, without Argos's own pipeline.

argostranslate's ``translate()`` splits text with a sentence model it downloads on first
use; briefgen sends its own sentence units instead, straight to the package's
CTranslate2 model and tokenizer (SentencePiece or BPE, see
:mod:`~briefgen.translation.tokenizers`), with argostranslate's decoding settings (beam
4, length penalty 0.2, unknown tokens replaced from the source, the package's
``target_prefix``). All sentences of a run go in one call: normalized for their language,
looked up in the on-disk cache, the rest de-duplicated, tokenized, translated in
length-sorted batches, and stored in the cache batch by batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from briefgen.errors import ModelError
from briefgen.model import Translation
from briefgen.translation.cache import TranslationCache
from briefgen.translation.device import (
    INTER_THREADS,
    requested_device,
    resolve_device,
    resolve_threads,
)
from briefgen.translation.languages import normalizer
from briefgen.translation.packages import InstalledPackage
from briefgen.translation.tokenizers import load_tokenizer

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]

BEAM_SIZE = 4  # as argostranslate
LENGTH_PENALTY = 0.2  # as argostranslate
BATCH_SENTENCES = 32  # sentences per CTranslate2 call (and per cache commit)
MAX_DECODING_LENGTH = 256


def engine_name(from_code: str, to_code: str = "en") -> str:
    """The engine string of a pair, e.g. "Argos ar→en"."""
    return f"Argos {from_code}→{to_code}"


class ArgosTranslator:
    """A loaded X→en package: ``translate(texts)`` gives English for each text.

    Load it once per run; it holds the CTranslate2 model in memory. ``device`` is
    "auto", "cpu" or "cuda" and ``threads`` CTranslate2's intra-op threads (see
    :mod:`~briefgen.translation.device`).
    """

    def __init__(
        self,
        package: InstalledPackage,
        *,
        cache: TranslationCache | None = None,
        use_cache: bool = True,
        device: str | None = None,
        threads: int | None = None,
        beam_size: int = BEAM_SIZE,
        batch_size: int = BATCH_SENTENCES,
        max_decoding_length: int = MAX_DECODING_LENGTH,
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
        self.threads = resolve_threads(threads)
        self.device = resolve_device(device)
        self._model = self._load_model(fall_back=requested_device(device) == "auto")
        if cache is None and use_cache:
            cache = TranslationCache(self.model_key)
        self.cache = cache
        self.translated_count = 0  # sentences sent to the model (not from the cache)

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
    def model_key(self) -> str:
        """What the cache keys on besides the text: pair, package, version, size, decoding."""
        size = (self.package.path / "model" / "model.bin").stat().st_size
        return (
            f"{self.package.from_code}-{self.package.to_code}|{self.package.code}|"
            f"{self.package.version}|{size}|beam{self.beam_size}"
        )

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """English for each source text (a sentence or headline), in order."""
        sources = [self._normalize(text).strip() for text in texts]
        unique = [s for s in dict.fromkeys(sources) if s]
        known = self.cache.get_many(unique) if self.cache is not None else {}
        pending = [s for s in unique if s not in known]
        total = len(unique)
        done = total - len(pending)
        if progress and total:
            progress("Translating", done, total)
        # Sorted by length, so each CTranslate2 batch pads little; committed batch by batch.
        tokens = [self._tokenizer.encode(s) for s in pending]
        order = sorted(range(len(pending)), key=lambda i: len(tokens[i]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            english = self._translate_tokens([tokens[i] for i in chunk])
            batch = {pending[i]: text for i, text in zip(chunk, english, strict=True)}
            known.update(batch)
            if self.cache is not None:
                self.cache.put_many(batch)
            done += len(chunk)
            if progress:
                progress("Translating", done, total)
        return [known.get(s, "") for s in sources]

    def translate_uncached(self, sources: list[str]) -> list[str]:
        """Translate normalized source sentences with the model (no cache)."""
        if not sources:
            return []
        return self._translate_tokens([self._tokenizer.encode(s) for s in sources])

    def _translate_tokens(self, tokens: list[list[str]]) -> list[str]:
        prefix = self.package.target_prefix
        results = self._model.translate_batch(
            tokens,
            target_prefix=[[prefix]] * len(tokens) if prefix else None,
            beam_size=self.beam_size,
            length_penalty=LENGTH_PENALTY,
            replace_unknowns=True,
            max_batch_size=self.batch_size,
            max_decoding_length=self.max_decoding_length,
        )
        self.translated_count += len(tokens)
        return [self._decode(result.hypotheses[0]) for result in results]

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
        if self.cache is not None:
            self.cache.close()
