"""Glossary export and import: CSV (for spreadsheets) and TBX (for CAT tools).

CSV: one row per entry; columns ``id, type, canonical, short, persian, arabic, english,
roles, notes``; several forms in a cell are separated by `` | ``; ``roles`` is a JSON list.
A cell a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) is written with a leading ``'`` (OWASP's rule), and that
``'`` is removed again on import.

TBX: TBX-Basic layout (ISO 30042 ``martif``) that Trados (via Glossary Converter),
memoQ and OmegaT read: one ``termEntry`` per entry with its id, the type as
``subjectField``, notes as ``note``, each role as a ``descrip type="role"`` (JSON), and
one ``langSet`` per language holding a ``tig`` per term. English terms carry a
``termType`` (fullForm = canonical, shortForm, variant); the first Persian term is the
preferred one (likewise Arabic). Export then import gives back the same glossary; TBX
files from other tools import too (missing ids are made from the English term, missing
types are "other").
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from briefgen.glossary.dump import role_to_data
from briefgen.glossary.load import GlossaryError, check_forms, parse_glossary, source_problem
from briefgen.glossary.model import TYPES, Entry, Glossary, Location, Role
from briefgen.text.persian import has_arabic_script

FORMATS = ("csv", "tbx")
CSV_COLUMNS = ("id", "type", "canonical", "short", "persian", "arabic", "english", "roles", "notes")
SEPARATOR = " | "
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def format_for(path: Path, given: str | None) -> str:
    """The exchange format named by ``given`` or by the file's suffix."""
    fmt = (given or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise GlossaryError(path, None, None, f"unknown glossary format {fmt!r} (use csv or tbx)")
    return fmt


def export_glossary(glossary: Glossary, fmt: str) -> str:
    """The glossary as CSV or TBX text."""
    return to_csv(glossary) if fmt == "csv" else to_tbx(glossary)


def import_glossary(text: str, fmt: str, name: str = "<import>") -> Glossary:
    """A glossary from CSV or TBX text, validated like a YAML file: what imports is what
    ``glossary check`` accepts once written as YAML (sources of dated roles included)."""
    glossary = from_csv(text, name) if fmt == "csv" else from_tbx(text, name)
    check_forms(glossary)
    _check_as_yaml(glossary, name)
    return glossary


def _check_as_yaml(glossary: Glossary, name: str) -> None:
    """Raise the error ``glossary check`` would give the YAML of ``glossary``, located in
    the imported file."""
    from briefgen.glossary.dump import dump_glossary

    def where(entry_id: str | None) -> int | None:
        location = glossary.locations.get(entry_id or "")
        return location.line if location else None

    try:
        again = parse_glossary(dump_glossary(glossary), name)
    except GlossaryError as exc:
        reason = str(exc).split(": ", 2 if exc.entry_id else 1)[-1]
        raise GlossaryError(name, where(exc.entry_id), exc.entry_id, reason) from None
    for entry in again.entries:
        for role in entry.roles:
            if role.is_dated and not role.sources:
                reason = f"role {role.title!r} has dates but no source (a date of office needs one)"
                raise GlossaryError(name, where(entry.id), entry.id, reason)


# Spreadsheet formulas ---------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MAX_CSV_CELL = 1_000_000  # characters in one cell of an imported CSV


def formula_safe(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text, never evaluates it: a leading ``'``
    before ``=``, ``+``, ``-``, ``@``, tab or carriage return (OWASP, CSV injection), and
    before a ``'`` already leading such a cell (so :func:`from_formula_safe` is exact)."""
    rest = cell.lstrip("'")
    return f"'{cell}" if rest.startswith(_FORMULA_START) else cell


def from_formula_safe(cell: str) -> str:
    """A cell as :func:`formula_safe` had it before: one leading ``'`` removed when a
    formula character follows the quotes."""
    quoted = cell.startswith("'") and cell.lstrip("'").startswith(_FORMULA_START)
    return cell[1:] if quoted else cell


# Roles as plain data ------------------------------------------------------------------


def _role_from(data: object, fail) -> Role:
    if not isinstance(data, dict) or not isinstance(data.get("title"), str):
        raise fail("a role needs a title")

    def date(key: str) -> dt.date | None:
        value = data.get(key)
        if value in (None, ""):
            return None
        try:
            return dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            raise fail(f"{key} date {value!r} is not a valid YYYY-MM-DD date") from None

    raw = data.get("source") or []
    sources = tuple(raw) if isinstance(raw, list) else (raw,)
    for source in sources:
        if not isinstance(source, str):
            raise fail("a role's source must be text")
        if problem := source_problem(source):
            raise fail(problem)
    for key in ("organization", "country"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise fail(f"a role's {key} must be text")
    role = Role(
        data["title"],
        data.get("organization") or None,
        data.get("country") or None,
        date("from"),
        date("to"),
        sources=sources,
    )
    if role.start and role.end and role.end < role.start:
        raise fail(f"role ends ({role.end}) before it starts ({role.start})")
    return role


def _checked(entry: Entry, fail) -> Entry:
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", entry.id):
        raise fail("id must be lower-case letters, digits, '.', '_' or '-'")
    if entry.type not in TYPES:
        raise fail(f"type must be one of {', '.join(TYPES)}, not {entry.type!r}")
    if not entry.canonical:
        raise fail("no canonical English form")
    for form in (*entry.english_forms, *(r.title for r in entry.roles)):
        if has_arabic_script(form) or "|" in form:
            raise fail(f"English form {form!r} is in Persian script or has a '|'")
    for form in entry.source_script_forms:
        if not has_arabic_script(form) or "|" in form:
            raise fail(f"Persian form {form!r} is not in Persian script or has a '|'")
    return entry


def _add(entries: list[Entry], locations: dict, entry: Entry, name: str, line: int, fail):
    if entry.id in locations:
        raise fail(f"duplicate id (first at {locations[entry.id]})")
    entries.append(entry)
    locations[entry.id] = Location(name, line)


# CSV ----------------------------------------------------------------------------------


def to_csv(glossary: Glossary) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in glossary.entries:
        roles = [role_to_data(r) for r in e.roles]
        cells = [
            e.id,
            e.type,
            e.canonical,
            e.short or "",
            SEPARATOR.join(e.persian),
            SEPARATOR.join(e.arabic),
            SEPARATOR.join(e.english),
            json.dumps(roles, ensure_ascii=False) if roles else "",
            e.notes or "",
        ]
        writer.writerow([formula_safe(cell) for cell in cells])
    return out.getvalue()


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def from_csv(text: str, name: str = "<csv>") -> Glossary:
    """Entries from CSV text; a malformed file, a cell over :data:`MAX_CSV_CELL`
    characters or roles nested too deeply are a :class:`GlossaryError`."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_CELL + 1))
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        rows = [[from_formula_safe(cell) for cell in row] for row in reader]
    except csv.Error as exc:
        raise GlossaryError(name, reader.line_num, None, f"invalid CSV ({exc})") from None
    lines = _row_lines(text.lstrip("\ufeff"))
    for number, row in enumerate(rows):
        if any(len(cell) > MAX_CSV_CELL for cell in row):
            line = lines[number] if number < len(lines) else None
            raise GlossaryError(name, line, None, f"a cell holds over {MAX_CSV_CELL:,} characters")
    return _from_rows(rows, lines, name)


def _row_lines(text: str) -> list[int]:
    """The line each CSV row ends on (as ``csv.reader.line_num`` counts)."""
    reader = csv.reader(io.StringIO(text))
    lines = []
    for _row in reader:
        lines.append(reader.line_num)
    return lines


def _from_rows(rows: list[list[str]], lines: list[int], name: str) -> Glossary:
    if not rows:
        return Glossary()
    header = rows[0]
    columns = [h.strip().lower() for h in header]
    missing = [c for c in ("id", "type", "canonical") if c not in columns]
    if missing:
        raise GlossaryError(name, 1, None, f"missing column(s): {', '.join(missing)}")
    entries: list[Entry] = []
    locations: dict[str, Location] = {}
    for row, line in zip(rows[1:], lines[1:], strict=False):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(columns, row, strict=False))
        entry_id = cells.get("id", "").strip()

        def fail(reason: str, line=line, entry_id=entry_id) -> GlossaryError:
            return GlossaryError(name, line, entry_id or None, reason)

        try:
            raw_roles = json.loads(cells["roles"]) if cells.get("roles", "").strip() else []
        except json.JSONDecodeError as exc:
            raise fail(f"roles is not a JSON list ({exc.msg})") from None
        except RecursionError:
            raise fail("roles is nested too deeply to be a list of roles") from None
        if not isinstance(raw_roles, list):
            raise fail("roles is not a JSON list")
        entry = Entry(
            id=entry_id,
            type=cells.get("type", "").strip(),
            canonical=cells.get("canonical", "").strip(),
            short=cells.get("short", "").strip() or None,
            persian=_split(cells.get("persian", "")),
            arabic=_split(cells.get("arabic", "")),
            english=_split(cells.get("english", "")),
            roles=tuple(_role_from(r, fail) for r in raw_roles),
            notes=cells.get("notes") or None,
        )
        _add(entries, locations, _checked(entry, fail), name, line, fail)
    return Glossary(tuple(entries), locations)


# TBX ----------------------------------------------------------------------------------


def to_tbx(glossary: Glossary) -> str:
    martif = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: "en"})
    header = ET.SubElement(martif, "martifHeader")
    file_desc = ET.SubElement(header, "fileDesc")
    source = ET.SubElement(ET.SubElement(file_desc, "sourceDesc"), "p")
    source.text = "briefgen glossary export"
    encoding = ET.SubElement(ET.SubElement(header, "encodingDesc"), "p", {"type": "XCSURI"})
    encoding.text = "TBXBasicXCSV02.xcs"
    body = ET.SubElement(ET.SubElement(martif, "text"), "body")
    for e in glossary.entries:
        term_entry = ET.SubElement(body, "termEntry", {"id": e.id})
        ET.SubElement(term_entry, "descrip", {"type": "subjectField"}).text = e.type
        for role in e.roles:
            descrip = ET.SubElement(term_entry, "descrip", {"type": "role"})
            descrip.text = json.dumps(role_to_data(role), ensure_ascii=False)
        if e.notes:
            ET.SubElement(term_entry, "note").text = e.notes
        english = ET.SubElement(term_entry, "langSet", {XML_LANG: "en"})
        _tig(english, e.canonical, "fullForm", "preferredTerm-admn-sts")
        if e.short:
            _tig(english, e.short, "shortForm", "admittedTerm-admn-sts")
        for form in e.english:
            _tig(english, form, "variant", "admittedTerm-admn-sts")
        for lang, forms in (("fa", e.persian), ("ar", e.arabic)):
            if not forms:
                continue
            lang_set = ET.SubElement(term_entry, "langSet", {XML_LANG: lang})
            for index, form in enumerate(forms):
                status = "preferredTerm-admn-sts" if index == 0 else "admittedTerm-admn-sts"
                _tig(lang_set, form, None, status)
    ET.indent(martif, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(martif, "unicode") + "\n"


def _tig(lang_set: ET.Element, term: str, term_type: str | None, status: str) -> None:
    tig = ET.SubElement(lang_set, "tig")
    ET.SubElement(tig, "term").text = term
    if term_type:
        ET.SubElement(tig, "termNote", {"type": "termType"}).text = term_type
    ET.SubElement(tig, "termNote", {"type": "administrativeStatus"}).text = status


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> Iterable[ET.Element]:
    return (child for child in element if _local(child.tag) == name)


def _slug(text: str, taken: dict) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "entry"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def from_tbx(text: str, name: str = "<tbx>") -> Glossary:
    try:
        root = ET.fromstring(text.lstrip("\ufeff").encode("utf-8"))
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise GlossaryError(name, line, None, f"invalid TBX/XML ({exc})") from None
    entries: list[Entry] = []
    locations: dict[str, Location] = {}
    for number, element in enumerate(
        (el for el in root.iter() if _local(el.tag) in ("termEntry", "conceptEntry")), 1
    ):
        entry_id = element.get("id", "").strip()

        def fail(reason: str, entry_id=entry_id, number=number) -> GlossaryError:
            return GlossaryError(name, None, entry_id or f"term entry {number}", reason)

        kind, roles, notes = "other", [], []
        for child in element:
            tag, kind_attr = _local(child.tag), child.get("type")
            if tag == "descrip" and kind_attr == "subjectField":
                kind = (child.text or "").strip() or "other"
            elif tag == "descrip" and kind_attr == "role":
                try:
                    roles.append(_role_from(json.loads(child.text or ""), fail))
                except json.JSONDecodeError:
                    raise fail("a role is not JSON") from None
                except RecursionError:
                    raise fail("a role is nested too deeply") from None
            elif tag == "note":
                notes.append(child.text or "")
        terms: dict[str, list[tuple[str, str | None]]] = {"en": [], "fa": [], "ar": []}
        for lang_set in (el for el in element if _local(el.tag) == "langSet"):
            lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").split("-")[0].lower()
            for tig in (el for el in lang_set.iter() if _local(el.tag) in ("tig", "termSec")):
                term = next(iter(_children(tig, "term")), None)
                if term is None or not (term.text or "").strip():
                    continue
                term_type = next(
                    (n.text for n in _children(tig, "termNote") if n.get("type") == "termType"),
                    None,
                )
                terms.setdefault(lang, []).append(((term.text or "").strip(), term_type))
        english = terms["en"]
        if not english:
            raise fail("no English term")
        canonical = next((t for t, kind_ in english if kind_ == "fullForm"), english[0][0])
        short = next((t for t, kind_ in english if kind_ == "shortForm"), None)
        variants = tuple(t for t, _ in english if t not in (canonical, short))
        entry = Entry(
            id=entry_id or _slug(canonical, locations),
            type=kind if kind in TYPES else "other",
            canonical=canonical,
            short=short,
            persian=tuple(t for t, _ in terms["fa"]),
            arabic=tuple(t for t, _ in terms["ar"]),
            english=variants,
            roles=tuple(roles),
            notes="\n".join(notes) or None,
        )
        _add(entries, locations, _checked(entry, fail), name, number, fail)
    return Glossary(tuple(entries), locations)
