"""Persian→English translation through an installed Argos package (first cut)."""

from __future__ import annotations

from briefgen.errors import ModelMissingError

INSTALL_HINT = (
    "no Persian→English (fa→en) translation model is installed. Install one with "
    "'briefgen model install --from-index fa' (online) or "
    "'briefgen model install FILE.argosmodel' (from a file carried over); see the README"
)


def load_translator():
    """Load the installed fa→en model once for this run."""
    raise ModelMissingError(INSTALL_HINT)
