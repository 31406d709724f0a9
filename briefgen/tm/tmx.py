"""TMX 1.4b, the exchange format of CAT tools: read reviewed segments, write the memory.

Reading takes every ``<tu>`` with a source-language and an English ``<tuv>``: the source
is the variant in the header's (or the unit's) ``srclang``, or the non-English one when
that is ``*all*``. Inline codes (``<bpt>``, ``<ept>``, ``<ph>``, ``<it>``, ``<ut>``) are
markup, not text, and are dropped; ``<hi>`` keeps its text. A unit's ``changeid`` or
``creationid`` names the reviewer. Units briefgen exported as machine output
(``<prop type="x-briefgen-kind">machine</prop>``) are not taken for reviewed ones.

A file that is no TMX (bad XML, no ``<header>``, a ``<tuv>`` without language or
``<seg>``) is refused as a whole, with ``file:line``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import IO
from xml.parsers import expat
from xml.sax.saxutils import escape, quoteattr

from briefgen import __version__
from briefgen.errors import InputError
from briefgen.tm.model import HUMAN, MACHINE, ImportReport, Segment, language_code
from briefgen.translation.languages import normalizer

XML_LANG = "http://www.w3.org/XML/1998/namespace lang"
CODES = {"bpt", "ept", "ph", "it", "ut"}  # inline native codes: not text
KIND_PROP = "x-briefgen-kind"
ORIGIN_PROP = "x-briefgen-origin"
MODEL_PROP = "x-briefgen-model"
ALL = "*all*"
_INVALID_XML = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def clean_text(text: str) -> str:
    """One line, single spaces (how segments are compared and stored)."""
    return " ".join(text.split())


class _Unit:
    def __init__(self, line: int, attrs: dict[str, str]) -> None:
        self.line = line
        self.attrs = attrs
        self.variants: list[tuple[str, str, int]] = []  # (language, text, line)
        self.props: dict[str, str] = {}


class _Reader:
    """An expat handler collecting units, with the line each starts on."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.stack: list[str] = []
        self.srclang: str | None = None
        self.units: list[_Unit] = []
        self.unit: _Unit | None = None
        self.tuv: tuple[str, int] | None = None
        self.seg: list[str] | None = None
        self.prop: tuple[str, list[str]] | None = None
        self.code_depth = 0

    def fail(self, reason: str, line: int | None = None) -> InputError:
        return InputError(reason, f"{self.path}:{line or self.parser.CurrentLineNumber}")

    def start(self, name: str, attrs: dict[str, str]) -> None:
        line = self.parser.CurrentLineNumber
        if not self.stack and name != "tmx":
            raise self.fail(f"not a TMX file (root element <{name}>)")
        self.stack.append(name)
        if name == "header":
            self.srclang = attrs.get("srclang")
            if not self.srclang:
                raise self.fail("<header> has no srclang")
        elif name == "tu":
            if self.srclang is None:
                raise self.fail("<tu> before the <header>")
            self.unit = _Unit(line, attrs)
        elif name == "tuv" and self.unit is not None:
            language = attrs.get(XML_LANG) or attrs.get("lang")
            if not language:
                raise self.fail("<tuv> without xml:lang")
            self.tuv = (language, line)
        elif name == "seg" and self.tuv is not None:
            self.seg = []
        elif name == "prop" and self.unit is not None and self.tuv is None:
            self.prop = (attrs.get("type", ""), [])
        elif name in CODES and self.seg is not None:
            self.code_depth += 1

    def end(self, name: str) -> None:
        self.stack.pop()
        if name in CODES and self.seg is not None:
            self.code_depth -= 1
        elif name == "seg" and self.tuv is not None and self.seg is not None:
            assert self.unit is not None
            self.unit.variants.append((self.tuv[0], "".join(self.seg), self.tuv[1]))
            self.seg = None
        elif name == "tuv" and self.tuv is not None:
            assert self.unit is not None
            if not any(line == self.tuv[1] for _, _, line in self.unit.variants[-1:]):
                raise self.fail("<tuv> without <seg>", self.tuv[1])
            self.tuv = None
        elif name == "prop" and self.prop is not None and self.unit is not None:
            self.unit.props[self.prop[0]] = "".join(self.prop[1]).strip()
            self.prop = None
        elif name == "tu" and self.unit is not None:
            self.units.append(self.unit)
            self.unit = None

    def text(self, data: str) -> None:
        if self.seg is not None and self.code_depth == 0:
            self.seg.append(data)
        elif self.prop is not None:
            self.prop[1].append(data)


def read_tmx(path: Path, report: ImportReport) -> list[Segment]:
    """The reviewed X→English segments of a TMX file (raises InputError with file:line)."""
    reader = _Reader(path)
    try:
        with path.open("rb") as stream:
            reader.parser.ParseFile(stream)
    except expat.ExpatError as exc:
        raise InputError(
            f"not well-formed XML ({expat.errors.messages[exc.code]})", f"{path}:{exc.lineno}"
        ) from exc
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", path) from exc
    if reader.srclang is None:
        raise InputError("no <header> (not a TMX file)", f"{path}:1")
    segments = []
    for unit in reader.units:
        segment = _segment(unit, reader.srclang, path)
        if isinstance(segment, str):
            report.skip(segment)
        else:
            segments.append(segment)
    return segments


def _segment(unit: _Unit, srclang: str, path: Path) -> Segment | str:
    """The unit's segment, or why it is left out."""
    if unit.props.get(KIND_PROP) == MACHINE:
        return "machine translation(s) not imported"
    wanted = unit.attrs.get("srclang", srclang)
    english = [(lang, text) for lang, text, _ in unit.variants if language_code(lang) == "en"]
    if wanted.casefold() == ALL:
        sources = [(lang, t) for lang, t, _ in unit.variants if language_code(lang) != "en"]
    else:
        sources = [
            (lang, t)
            for lang, t, _ in unit.variants
            if language_code(lang) == language_code(wanted)
        ]
    if not english or not sources or language_code(sources[0][0]) == "en":
        return "unit(s) not X→English"
    language = language_code(sources[0][0])
    source = normalizer(language)(sources[0][1]).strip()
    target = clean_text(english[0][1])
    if not source or not target:
        return "unit(s) with an empty segment"
    who = unit.attrs.get("changeid") or unit.attrs.get("creationid")
    origin = f"reviewer {who}" if who else f"file {path.name}"
    return Segment(source, target, language, "en", HUMAN, origin)


def _date(value: dt.datetime | None) -> str:
    return (value or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _text(value: str) -> str:
    return escape(value.translate(_INVALID_XML))


def write_tmx(segments: Iterable[Segment], out: IO[str], source_languages: set[str]) -> int:
    """Write ``segments`` as TMX 1.4b to ``out``; returns how many units were written."""
    srclang = next(iter(source_languages)) if len(source_languages) == 1 else ALL
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n')
    out.write('<tmx version="1.4">\n')
    out.write(
        f'  <header creationtool="briefgen" creationtoolversion={quoteattr(__version__)}'
        f' segtype="sentence" o-tmf="briefgen" adminlang="en" srclang={quoteattr(srclang)}'
        f' datatype="plaintext" creationdate="{_date(None)}"/>\n  <body>\n'
    )
    count = 0
    for segment in segments:
        count += 1
        who = segment.origin.removeprefix("reviewer ") if segment.kind == HUMAN else "briefgen"
        out.write(
            f'    <tu tuid="{count}" srclang={quoteattr(segment.source_language)}'
            f' creationdate="{_date(segment.created)}" changedate="{_date(segment.updated)}"'
            f" creationid={quoteattr(who.translate(_INVALID_XML))}>\n"
            f'      <prop type="{KIND_PROP}">{segment.kind}</prop>\n'
            f'      <prop type="{ORIGIN_PROP}">{_text(segment.origin)}</prop>\n'
        )
        if segment.model:
            out.write(f'      <prop type="{MODEL_PROP}">{_text(segment.model)}</prop>\n')
        for language, text in (
            (segment.source_language, segment.source),
            (segment.target_language, segment.target),
        ):
            out.write(f"      <tuv xml:lang={quoteattr(language)}><seg>{_text(text)}</seg></tuv>\n")
        out.write("    </tu>\n")
    out.write("  </body>\n</tmx>\n")
    return count
