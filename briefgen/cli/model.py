"""``briefgen model``: install, list and remove Argos translation packages."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen import api
from briefgen.cli.output import data, message


@click.group()
def model() -> None:
    """Install, list and remove translation models (Argos Translate packages).

    Packages live in $ARGOS_PACKAGES_DIR, or Argos Translate's own folder
    (~/.local/share/argos-translate/packages), where argostranslate sees them too.
    """


@model.command()
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--from-index",
    "from_index",
    is_flag=False,
    flag_value="fa",
    default=None,
    metavar="[LANG]",
    help="Download the LANG→en package (default fa) through the Argos package index "
    "($ARGOS_PACKAGE_INDEX).",
)
@click.option(
    "--sha256",
    "sha256",
    metavar="HEX",
    help="Expected SHA-256 of FILE (default: FILE.sha256 beside it, if any).",
)
@click.option(
    "--force", is_flag=True, help="Let an older or TEST package replace a newer or real one."
)
def install(file: Path | None, from_index: str | None, sha256: str | None, force: bool) -> None:
    """Install a package from FILE.argosmodel, or online with --from-index.

    \b
    briefgen model install translate-fa_en.argosmodel   (air-gapped: a carried-over file)
    briefgen model install --from-index fa             (online)
    """
    package, replaced = api.install_model(
        file,
        from_index=from_index,
        sha256=sha256,
        force=force,
        progress=lambda text, *_: message(text),
    )
    for old in replaced:
        if old.path != package.path or old.version != package.version:
            message(f"Removed {old.code} {old.version} ({old.path})")
    data(f"Installed {package.code} {package.version} ({package.pair}) in {package.path}")
    if package.is_test_model:
        message("Note: this is a TEST fixture, not a real translation model.")


@model.command(name="list")
def list_() -> None:
    """Show installed packages: pair, version, size, folder."""
    folder, packages, problems = api.list_models()
    if not packages:
        data(f"No translation packages in {folder}.")
    else:
        data(f"Packages in {folder}:")
        rows = [
            (
                p.pair,
                p.code + (" (TEST fixture)" if p.is_test_model else ""),
                p.version,
                _size(p.size),
                p.path.name,
            )
            for p in packages
        ]
        header = ("pair", "package", "version", "size", "folder")
        widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, *rows]:
            cells = (str(v).ljust(w) for v, w in zip(row, widths, strict=True))
            data(("  " + "  ".join(cells)).rstrip())
    for problem in problems:
        message(f"  not a package: {problem}")
    if not any((p.from_code, p.to_code) == ("fa", "en") for p in packages):
        message(f"Note: {api.INSTALL_HINT}.")


@model.command()
@click.argument("package")
def remove(package: str) -> None:
    """Remove an installed package, named by pair (fa, fa_en), code or folder."""
    for item in api.remove_model(package):
        data(f"Removed {item.code} {item.version} ({item.path})")


def _size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB"):
        if value < 1000:
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"
