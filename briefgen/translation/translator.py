"""Sentence translation with an installed Argos package, without Argos's own pipeline.

argostranslate's ``translate()`` splits text with a sentence model it downloads on first
use; briefgen sends its own sentence units instead, straight to the package's
CTranslate2 model and SentencePiece tokenizer. All sentences of a run go in one call:
normalized, looked up in the on-disk cache, the rest de-duplicated, tokenized,
translated in length-sorted batches, and stored in the cache batch by batch.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from briefgen.errors import ModelError
from briefgen.model import Translation
from briefgen.text.persian import standard_spacing
from briefgen.translation.cache import TranslationCache
from briefgen.translation.packages import InstalledPackage

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]

ENGINE = "Argos fa→en"
BEAM_SIZE = 4  # as argostranslate
LENGTH_PENALTY = 0.2  # as argostranslate
BATCH_SENTENCES = 32  # sentences per CTranslate2 call (and per cache commit)
MAX_DECODING_LENGTH = 256


class ArgosTranslator:
    """A loaded fa→en package: ``translate(texts)`` gives English for each text.

    Load it once per run; it holds the CTranslate2 model in memory.
    """

    def __init__(
        self,
        package: InstalledPackage,
        *,
        cache: TranslationCache | None = None,
        use_cache: bool = True,
        beam_size: int = BEAM_SIZE,
        batch_size: int = BATCH_SENTENCES,
        max_decoding_length: int = MAX_DECODING_LENGTH,
        threads: int | None = None,
    ) -> None:
        import ctranslate2
        import sentencepiece

        self.package = package
        self.beam_size = beam_size
        self.batch_size = batch_size
        self.max_decoding_length = max_decoding_length
        self.info = Translation(
            engine=ENGINE,
            package=package.code,
            version=package.version,
            is_test_model=package.is_test_model,
        )
        tokenizer = package.path / "sentencepiece.model"
        if not tokenizer.is_file():
            raise ModelError("the package has no sentencepiece.model", package.path)
        try:
            self._sp = sentencepiece.SentencePieceProcessor(model_file=str(tokenizer))
            self._model = ctranslate2.Translator(
                str(package.path / "model"),
                device="cpu",
                compute_type="auto",
                inter_threads=1,
                intra_threads=threads if threads is not None else (os.cpu_count() or 1),
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"the model does not load ({exc})", package.path) from exc
        if cache is None and use_cache:
            cache = TranslationCache(self.model_key)
        self.cache = cache
        self.translated_count = 0  # sentences sent to the model (not from the cache)

    @property
    def model_key(self) -> str:
        """What the cache keys on besides the text: package, version, size, decoding."""
        size = (self.package.path / "model" / "model.bin").stat().st_size
        return f"{self.package.code}|{self.package.version}|{size}|beam{self.beam_size}"

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """English for each Persian text (a sentence or headline), in order."""
        sources = [standard_spacing(text).strip() for text in texts]
        unique = [s for s in dict.fromkeys(sources) if s]
        known = self.cache.get_many(unique) if self.cache is not None else {}
        pending = [s for s in unique if s not in known]
        total = len(unique)
        done = total - len(pending)
        if progress and total:
            progress("Translating", done, total)
        # Sorted by length, so each CTranslate2 batch pads little; committed batch by batch.
        tokens = self._sp.encode(pending, out_type=str) if pending else []
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
        return self._translate_tokens(self._sp.encode(sources, out_type=str))

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
        english = []
        for result in results:
            text = self._sp.decode_pieces(result.hypotheses[0])
            if prefix and text.startswith(prefix):
                text = text[len(prefix) :]
            english.append(text.strip())
        return english

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()
