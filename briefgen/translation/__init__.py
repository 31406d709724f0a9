"""Persian→English translation through an installed Argos Translate package.

* :mod:`~briefgen.translation.packages`: install (file or index), list, remove packages.
* :mod:`~briefgen.translation.translator`: the CTranslate2 + SentencePiece translator.
* :mod:`~briefgen.translation.cache`: the on-disk cache of sentence translations.

Nothing here touches the network except ``briefgen model install --from-index``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.errors import ModelMissingError

if TYPE_CHECKING:
    from briefgen.translation.translator import ArgosTranslator

INSTALL_HINT = (
    "no Persian→English (fa→en) translation model is installed. Install one with "
    "'briefgen model install --from-index fa' (online) or "
    "'briefgen model install FILE.argosmodel' (from a file carried over); see the README"
)


def load_translator(
    source: str = "fa", *, use_cache: bool = True, device: str | None = None
) -> ArgosTranslator:
    """Load the installed ``source``→en model once for this run.

    Raises :class:`ModelMissingError` (with :data:`INSTALL_HINT`) when none is installed
    and :class:`~briefgen.errors.ModelError` when the installed one does not load.
    """
    from briefgen.translation.packages import find_package
    from briefgen.translation.translator import ArgosTranslator

    package = find_package(source, "en")
    if package is None:
        if source == "fa":
            raise ModelMissingError(INSTALL_HINT)
        raise ModelMissingError(f"no {source}→en translation model is installed")
    return ArgosTranslator(package, use_cache=use_cache)
