"""``briefgen model``: install, list and remove Argos translation packages."""

from __future__ import annotations

from pathlib import Path

import click

from briefgen.errors import ConfigError


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
def install(file: Path | None, from_index: str | None) -> None:
    """Install a package from FILE.argosmodel, or online with --from-index.

    \b
    briefgen model install translate-fa_en.argosmodel   (air-gapped: a carried-over file)
    briefgen model install --from-index fa             (online)
    """
    from briefgen.translation.packages import install_from_index, install_package_file

    if (file is None) == (from_index is None):
        raise ConfigError("give either FILE.argosmodel or --from-index (not both)")
    if file is not None:
        package, replaced = install_package_file(file)
    else:
        say = lambda text: click.echo(text, err=True)  # noqa: E731
        package, replaced = install_from_index(from_index or "fa", "en", progress=say)
    for old in replaced:
        if old.path != package.path or old.version != package.version:
            click.echo(f"Removed {old.code} {old.version} ({old.path})", err=True)
    click.echo(f"Installed {package.code} {package.version} ({package.pair}) in {package.path}")
    if package.is_test_model:
        click.echo("Note: this is a TEST fixture, not a real translation model.", err=True)


@model.command(name="list")
def list_() -> None:
    """Show installed packages: pair, version, size, folder."""
    from briefgen.translation.packages import list_packages, packages_dir

    folder = packages_dir()
    packages, problems = list_packages(folder)
    if not packages:
        click.echo(f"No translation packages in {folder}.")
    else:
        click.echo(f"Packages in {folder}:")
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
            click.echo(("  " + "  ".join(cells)).rstrip())
    for problem in problems:
        click.echo(f"  not a package: {problem}", err=True)
    if not any((p.from_code, p.to_code) == ("fa", "en") for p in packages):
        from briefgen.translation import INSTALL_HINT

        click.echo(f"Note: {INSTALL_HINT}.", err=True)


@model.command()
@click.argument("package")
def remove(package: str) -> None:
    """Remove an installed package, named by pair (fa, fa_en), code or folder."""
    from briefgen.translation.packages import matching_packages, remove_package

    found = matching_packages(package)
    if not found:
        raise ConfigError(f"no installed package matches {package!r} (see 'briefgen model list')")
    for item in found:
        remove_package(item)
        click.echo(f"Removed {item.code} {item.version} ({item.path})")


def _size(size: int) -> str:
    for unit in ("B", "KB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size:.1f} GB"
