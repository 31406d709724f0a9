"""The tokenizer of an Argos package, chosen and applied as argostranslate 1.11 does.

A package folder holds ``sentencepiece.model`` (SentencePiece, most Argos packages) or
``bpe.model`` (subword-nmt BPE codes, e.g. packages converted from OPUS-MT); when both
are there SentencePiece wins, as in ``argostranslate.package.Package``. The tokenizer
objects are argostranslate's own (``argostranslate.tokenizer``, which downloads
nothing), so a package splits and joins words exactly as under argostranslate:

* SentencePiece: ``encode`` gives pieces; ``decode`` joins them and turns "▁" and "_"
  into spaces.
* BPE: Moses punctuation normalization and tokenization (sacremoses, for the source
  language), BPE segmentation with "@@" joiners; ``decode`` removes the joiners and
  Moses-detokenizes for the target language.

argostranslate loads both lazily; :func:`load_tokenizer` loads them at once, so a
broken tokenizer file fails when the package loads, not on the first sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefgen.errors import ModelError

SENTENCEPIECE_FILE = "sentencepiece.model"
BPE_FILE = "bpe.model"


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


@dataclass(frozen=True)
class LoadedTokenizer:
    """A package's tokenizer and its kind ("sentencepiece" or "bpe")."""

    kind: str
    tokenizer: Tokenizer

    def encode(self, sentence: str) -> list[str]:
        return self.tokenizer.encode(sentence)

    def decode(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(tokens)


def tokenizer_kind(folder: Path) -> str | None:
    """ "sentencepiece", "bpe" or ``None``: which tokenizer argostranslate would use."""
    if (folder / SENTENCEPIECE_FILE).is_file():
        return "sentencepiece"
    if (folder / BPE_FILE).is_file():
        return "bpe"
    return None


def load_tokenizer(folder: Path, from_code: str, to_code: str) -> LoadedTokenizer:
    """Load the package's tokenizer now; :class:`ModelError` when there is none or it is bad."""
    from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

    kind = tokenizer_kind(folder)
    if kind is None:
        raise ModelError(f"the package has no tokenizer ({SENTENCEPIECE_FILE} or {BPE_FILE})")
    try:
        if kind == "sentencepiece":
            tokenizer = SentencePieceTokenizer(folder / SENTENCEPIECE_FILE)
            tokenizer.lazy_processor()
        else:
            tokenizer = BPETokenizer(folder / BPE_FILE, from_code, to_code)
            tokenizer.lazy_load()
    except SystemExit as exc:  # apply_bpe exits on a malformed codes line
        raise ModelError(f"{BPE_FILE} does not load (malformed BPE codes)") from exc
    except (RuntimeError, OSError, ValueError, UnicodeDecodeError) as exc:
        name = SENTENCEPIECE_FILE if kind == "sentencepiece" else BPE_FILE
        raise ModelError(f"{name} does not load ({exc})") from exc
    return LoadedTokenizer(kind, tokenizer)
