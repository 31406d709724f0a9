"""X→English translation through installed Argos Translate packages (any source language).

* :mod:`~briefgen.translation.packages`: install (file or index), list, remove packages.
* :mod:`~briefgen.translation.translator`: the CTranslate2 + tokenizer translator.
* :mod:`~briefgen.translation.tokenizers`: SentencePiece and BPE, as argostranslate 1.11.
* :mod:`~briefgen.translation.device`: device (auto/cpu/cuda) and threads.
* :mod:`~briefgen.translation.languages`: per-language names, normalization, checks.
* :mod:`~briefgen.translation.cache`: the on-disk cache of sentence translations.

Nothing here touches the network except ``briefgen model install --from-index``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.errors import ModelMissingError

if TYPE_CHECKING:
    from briefgen.translation.translator import ArgosTranslator


def install_hint(source: str = "fa") -> str:
    """The one-line "no model" message for ``source``→en, with the two ways to install."""
    from briefgen.translation.languages import pair_label

    return (
        f"no {pair_label(source)} model is installed. Install one with "
        f"'briefgen model install --from-index {source}' (online) or "
        "'briefgen model install FILE.argosmodel' (from a file carried over); see the README"
    )


INSTALL_HINT = install_hint("fa")


def installed_sources() -> set[str]:
    """Source languages with an installed X→en translation package, e.g. {"fa", "ar"}."""
    from briefgen.translation.packages import installed_sources as sources

    return sources("en")


def load_translator(
    source: str = "fa",
    *,
    use_cache: bool = True,
    device: str | None = None,
    threads: int | None = None,
) -> ArgosTranslator:
    """Load the installed ``source``→en package once for this run.

    ``device``: "auto" | "cpu" | "cuda" (default ``$ARGOS_DEVICE_TYPE``, else auto: cuda
    when CTranslate2 sees a GPU). ``threads``: CTranslate2 intra-op threads (default
    ``$BRIEFGEN_THREADS``, else the CPU count; inter-op threads are 1).

    Raises :class:`ModelMissingError` (with :func:`install_hint`) when none is installed,
    :class:`~briefgen.errors.ModelError` when it does not load or "cuda" has no GPU, and
    :class:`~briefgen.errors.ConfigError` for a bad device or thread count.
    """
    from briefgen.translation.packages import find_package
    from briefgen.translation.translator import ArgosTranslator

    package = find_package(source, "en")
    if package is None:
        raise ModelMissingError(install_hint(source))
    return ArgosTranslator(package, use_cache=use_cache, device=device, threads=threads)
