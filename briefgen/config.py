"""Settings: defaults, overridden by ``briefgen.toml`` (or ``--config``), overridden by flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError

CONFIG_NAME = "briefgen.toml"
FORMATS = ("docx", "json", "md")
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told; see the README's configuration section."""

    title: str = "ICT Partners Weekly Brief"
    organization: str | None = None
    author: str | None = None
    header: str | None = None  # e.g. a handling caveat printed on every page
    footer: str | None = None
    window: str | None = None  # "last-week", "2024-W20", or unset for all dates
    country_order: tuple[str, ...] = ()
    summary_words: int | None = None
    summary_sentences: int | None = None
    formats: tuple[str, ...] = ("docx",)
    output_dir: Path = Path("output")
    skip_undated: bool = False
    show_source: bool = False  # Persian source sentence beside each translated summary sentence
    glossaries: tuple[Path, ...] = (Path("glossaries"),)
    persian_font: str = "Tahoma"  # complex-script font of Persian text in the DOCX
    paper: str = "A4"  # A4 or Letter

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with every non-``None`` value in ``values`` applied."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})


_TYPES = {f.name: f.type for f in fields(Settings)}


def load_settings(path: Path | None = None, *, folder: Path | None = None) -> Settings:
    """Read ``path``, or ``briefgen.toml`` in ``folder`` (default: working folder) if present."""
    if path is None:
        candidate = (folder or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Settings()
        path = candidate
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read config ({exc.strerror or exc})", path) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML ({exc})", path) from exc
    section = data.get("brief", data)
    return _settings_from(section, Path(path))


def _settings_from(data: dict[str, Any], path: Path) -> Settings:
    values: dict[str, Any] = {}
    base = path.parent
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in _TYPES:
            known = ", ".join(sorted(_TYPES))
            raise ConfigError(f"unknown setting {key!r} (known: {known})", path)
        values[name] = _coerce(name, value, base, path)
    for name in ("formats",):
        for fmt in values.get(name, ()):
            if fmt not in FORMATS:
                raise ConfigError(
                    f"unknown format {fmt!r} in {name} (use {', '.join(FORMATS)})", path
                )
    _check_values(values, path)
    return Settings(**values)


def _check_values(values: dict[str, Any], path: Path) -> None:
    """Values of the right type that still make no sense: a bad window, paper, font."""
    from briefgen.window import window_from_setting

    if "window" in values:
        try:
            window_from_setting(values["window"])
        except ConfigError as exc:
            raise ConfigError(exc.reason, path) from exc
    if "paper" in values and values["paper"].casefold() not in PAPERS:
        raise ConfigError(
            f"paper must be one of {', '.join(PAPERS)}, got {values['paper']!r}", path
        )
    for name in ("persian_font", "title"):
        if name in values and not values[name].strip():
            raise ConfigError(f"setting {name!r} is empty", path)
    font = values.get("persian_font", "")
    if not font.isprintable():
        raise ConfigError(f"setting 'persian_font' holds control characters: {font!r}", path)


def _coerce(name: str, value: Any, base: Path, path: Path) -> Any:
    expected = str(_TYPES[name])
    ok = True
    if name in ("output_dir",):
        ok = isinstance(value, str)
        value = base / value if ok else value
    elif name == "glossaries":
        items = [value] if isinstance(value, str) else value
        ok = isinstance(items, list) and all(isinstance(v, str) for v in items)
        value = tuple(base / v for v in items) if ok else value
    elif "tuple" in expected:
        items = [value] if isinstance(value, str) else value
        ok = isinstance(items, list) and all(isinstance(v, str) for v in items)
        value = tuple(items) if ok else value
    elif "int" in expected:
        ok = isinstance(value, int) and not isinstance(value, bool) and value > 0
    elif "bool" in expected:
        ok = isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ConfigError(f"setting {name!r} has the wrong type ({type(value).__name__})", path)
    return value
