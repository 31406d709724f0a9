"""Settings: defaults, overridden by ``briefgen.toml`` (or ``--config``), overridden by flags.

The file's keys go at the top level or under ``[brief]``; how the brief looks (title,
header, font…) is one :class:`~briefgen.model.Layout`; thresholds go under ``[tuning]``
(see :mod:`briefgen.tuning`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from briefgen.errors import ConfigError
from briefgen.model import Layout
from briefgen.tuning import Tuning, default_tuning, load_tuning

CONFIG_NAME = "briefgen.toml"
FORMATS = ("docx", "json", "md")
PAPERS = ("a4", "letter")
DEVICES = ("auto", "cpu", "cuda")
#: A folder of this name in the working folder adds its glossary files to the shipped one.
LOCAL_GLOSSARY_FOLDER = Path("glossaries")

_LAYOUT_KEYS = {f.name for f in fields(Layout)}


@dataclass(frozen=True)
class Settings:
    """Everything a run can be told; see the README's configuration section."""

    layout: Layout = field(default_factory=Layout)
    window: str | None = None  # "last-week", "2024-W20", or unset for all dates
    country_order: tuple[str, ...] = ()
    #: The names headings print, by ISO alpha-2 code, over the analyst names briefgen
    #: uses ({"TR": "Türkiye"}); keys may also be any name of the country.
    country_names: Mapping[str, str] = field(default_factory=dict)
    summary_words: int | None = None
    summary_sentences: int | None = None
    formats: tuple[str, ...] = ("docx",)
    output_dir: Path = Path("output")
    skip_undated: bool = False
    #: Glossary files or folders added to the shipped glossary (``None``: ./glossaries if
    #: there is one); an entry with a shipped entry's id replaces it.
    glossaries: tuple[Path, ...] | None = None
    #: Use the glossary shipped with briefgen (set false to use only ``glossaries``).
    shipped_glossary: bool = True
    #: Where translation models run: "auto" (a GPU when CTranslate2 sees one), "cpu" or
    #: "cuda"; ``None``: ``$ARGOS_DEVICE_TYPE``, else auto.
    device: str | None = None
    #: CTranslate2 threads per model; ``None``: ``$BRIEFGEN_THREADS``, else the CPU count.
    threads: int | None = None
    #: The translation memory: ``postgresql://…`` (shared) or ``sqlite:///path``;
    #: ``None``: ``$BRIEFGEN_TM_URL``, else SQLite in the user cache folder.
    tm_url: str | None = None
    tuning: Tuning = field(default_factory=default_tuning)

    def with_overrides(self, **values: Any) -> Settings:
        """A copy with every non-``None`` value in ``values`` applied (layout keys too)."""
        given = {k: v for k, v in values.items() if v is not None}
        layout = {k: given.pop(k) for k in list(given) if k in _LAYOUT_KEYS}
        if layout:
            given["layout"] = replace(self.layout, **layout)
        return replace(self, **given)

    @property
    def glossary_paths(self) -> tuple[Path, ...]:
        """The glossaries added to the shipped one: configured, else ./glossaries if present."""
        if self.glossaries is not None:
            return self.glossaries
        return (LOCAL_GLOSSARY_FOLDER,) if LOCAL_GLOSSARY_FOLDER.is_dir() else ()


_SETTING_TYPES = {
    f.name: str(f.type) for f in fields(Settings) if f.name not in ("layout", "tuning")
}
_LAYOUT_TYPES = {f.name: str(f.type) for f in fields(Layout)}


def load_settings(path: Path | None = None, *, folder: Path | None = None) -> Settings:
    """Read ``path``, or ``briefgen.toml`` in ``folder`` (default: working folder) if present."""
    if path is None:
        candidate = (folder or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Settings()
        path = candidate
    try:
        data = tomllib.loads(_read_config(Path(path)))
    except OSError as exc:
        raise ConfigError(f"cannot read config ({exc.strerror or exc})", path) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML ({exc})", path) from exc
    except RecursionError:
        raise ConfigError("invalid TOML (nested too deeply)", path) from None
    brief = data.pop("brief", {})
    if not isinstance(brief, dict):
        raise ConfigError("[brief] must be a table of settings", path)
    return settings_from({**data, **brief}, Path(path))


MAX_CONFIG_BYTES = 1_000_000


def _read_config(path: Path) -> str:
    """The settings file's text: a regular file of at most :data:`MAX_CONFIG_BYTES`
    (never a FIFO or device, which would block or never end)."""
    import os
    import stat

    with open(path, "rb", buffering=0, opener=_nonblocking) as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise OSError(0, "not a regular file")
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise OSError(0, f"too large for a settings file (over {MAX_CONFIG_BYTES:,} bytes)")
    return data.decode("utf-8")


def _nonblocking(path: str, flags: int) -> int:
    import os

    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def settings_from(data: dict[str, Any], path: Path) -> Settings:
    """Settings from the parsed table of a settings file at ``path``."""
    values: dict[str, Any] = {}
    layout: dict[str, Any] = {}
    tuning = None
    for key, value in data.items():
        name = key.replace("-", "_")
        if name == "tuning":
            if not isinstance(value, dict):
                raise ConfigError("[tuning] must be a table", path)
            tuning = load_tuning(value, str(path))
        elif name in _LAYOUT_TYPES:
            layout[name] = _coerce(name, _LAYOUT_TYPES[name], value, path.parent, path)
        elif name in _SETTING_TYPES:
            values[name] = _coerce(name, _SETTING_TYPES[name], value, path.parent, path)
        else:
            known = ", ".join(sorted({*_SETTING_TYPES, *_LAYOUT_TYPES, "tuning"}))
            raise ConfigError(f"unknown setting {key!r} (known: {known})", path)
    for fmt in values.get("formats", ()):
        if fmt not in FORMATS:
            raise ConfigError(f"unknown format {fmt!r} in formats (use {', '.join(FORMATS)})", path)
    _check_values({**values, **layout}, path)
    settings = Settings(layout=Layout(**layout), **values)
    return replace(settings, tuning=tuning) if tuning is not None else settings


def _check_values(values: dict[str, Any], path: Path) -> None:
    """Values of the right type that still make no sense: a bad window, paper, font."""
    from briefgen.window import window_from_setting

    if "window" in values:
        try:
            window_from_setting(values["window"])
        except ConfigError as exc:
            raise ConfigError(exc.reason, path) from exc
    if "device" in values and values["device"] not in DEVICES:
        raise ConfigError(
            f"device must be one of {', '.join(DEVICES)}, got {values['device']!r}", path
        )
    if "tm_url" in values:
        from briefgen.tm import memory_url

        try:
            memory_url(values["tm_url"])
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


def _coerce(name: str, expected: str, value: Any, base: Path, path: Path) -> Any:
    ok = True
    if name == "output_dir":
        ok = isinstance(value, str)
        value = base / value if ok else value
    elif name == "glossaries":
        items = [value] if isinstance(value, str) else value
        ok = isinstance(items, list) and all(isinstance(v, str) for v in items)
        value = tuple(base / v for v in items) if ok else value
    elif name == "country_names":
        ok = isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
        )
        value = _country_names(value, path) if ok else value
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


def _country_names(value: dict[str, str], path: Path) -> dict[str, str]:
    """``country_names`` keyed by alpha-2 code; a key that names no country is an error."""
    from briefgen.gazetteer import gazetteer

    names = {}
    for key, name in value.items():
        code = gazetteer().code_of(key)
        if code is None:
            raise ConfigError(f"country_names: {key!r} is no country (use a code like TR)", path)
        names[code] = name.strip()
    return names
