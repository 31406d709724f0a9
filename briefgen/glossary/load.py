"""Reading and validating glossary YAML files; writing them back.

A glossary file is a YAML list of entries::

    - id: issa-zarepour
      type: person
      canonical: Issa Zarepour
      short: Zarepour
      persian: [عیسی زارع‌پور, زارع‌پور]
      english: [Issa Zarei Pur, Eisa Zarepour]
      roles:
        - title: Minister of ICT
          country: Iran
          from: 2021-08-25
          to: 2024-08-21
      notes: Minister in the Raisi government.

Every problem is a :class:`~briefgen.errors.ConfigError` whose message is one line,
``file:line: entry-id: reason``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from briefgen.errors import ConfigError
from briefgen.glossary.model import TYPES, Entry, Glossary, Location, Role
from briefgen.text.persian import has_arabic_script, match_key

SUFFIXES = (".yaml", ".yml")
ENTRY_KEYS = ("id", "type", "canonical", "short", "persian", "arabic", "english", "roles", "notes")
ROLE_KEYS = ("title", "organization", "country", "from", "to", "source")
_URL = re.compile(r"https?://[^\s/]+\.[^\s/]+")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_BAD_FORM_CHARS = re.compile(r"[|\x00-\x1f\x7f]")


class GlossaryError(ConfigError):
    """A glossary file that cannot be used; the message names file, line and entry."""

    def __init__(self, path: Path | str, line: int | None, entry_id: str | None, reason: str):
        where = f"{path}:{line}" if line else str(path)
        message = f"{where}: {entry_id}: {reason}" if entry_id else f"{where}: {reason}"
        super().__init__(message)
        self.path = Path(path)
        self.line = line
        self.entry_id = entry_id


def glossary_files(paths: Iterable[Path | str], *, missing_ok: bool = False) -> list[Path]:
    """The YAML files named by ``paths`` (folders are searched for *.yaml, sorted)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        elif not missing_ok:
            raise GlossaryError(path, None, None, "no such glossary file or folder")
    return files


def load_glossary(paths: Iterable[Path | str], *, missing_ok: bool = False) -> Glossary:
    """Load and validate every glossary file in ``paths`` into one :class:`Glossary`.

    ``missing_ok`` lets a path that does not exist mean "no glossary"; a file that exists
    and is wrong is always an error.
    """
    files = glossary_files(paths, missing_ok=missing_ok)
    return _assemble(pair for path in files for pair in _read_file(path))


def shipped_glossary_folder() -> Path:
    """The glossary shipped with briefgen: package data ``briefgen.glossaries`` (the
    repository's top-level ``glossaries/`` folder, installed into the package)."""
    try:
        from importlib import resources

        folder = Path(str(resources.files("briefgen.glossaries")))
    except ModuleNotFoundError:  # run from a source tree that was not installed
        folder = Path(__file__).resolve().parents[2] / "glossaries"
    return folder


def load_run_glossary(extra: Iterable[Path | str] = (), *, shipped: bool = True) -> Glossary:
    """The shipped glossary (unless ``shipped`` is false) plus the files in ``extra``.

    An entry in ``extra`` with the id of a shipped entry replaces it; any other clash
    (a duplicate id within one side, a form claimed by two entries) is an error.
    """
    base = [shipped_glossary_folder()] if shipped else []
    base_files = glossary_files(base, missing_ok=True)
    seen = {path.resolve() for path in base_files}
    extra_files = [p for p in glossary_files(extra) if p.resolve() not in seen]
    base_pairs = [pair for path in base_files for pair in _read_file(path)]
    extra_pairs = _check_ids([pair for path in extra_files for pair in _read_file(path)])
    replaced = {entry.id for entry, _ in extra_pairs}
    return _assemble([*(p for p in base_pairs if p[0].id not in replaced), *extra_pairs])


def _check_ids(pairs: list[tuple[Entry, Location]]) -> list[tuple[Entry, Location]]:
    _assemble(pairs, check=False)
    return pairs


def parse_glossary(text: str, name: str = "<glossary>") -> Glossary:
    """Validate glossary YAML given as text (``name`` is used in error messages)."""
    return _assemble(_parse(text, name))


def _assemble(pairs: Iterable[tuple[Entry, Location]], *, check: bool = True) -> Glossary:
    """A glossary of the parsed entries; duplicate ids and (with ``check``) shared forms
    are errors."""
    entries: list[Entry] = []
    locations: dict[str, Location] = {}
    for entry, location in pairs:
        if entry.id in locations:
            raise GlossaryError(
                location.path,
                location.line,
                entry.id,
                f"duplicate id (first at {locations[entry.id]})",
            )
        entries.append(entry)
        locations[entry.id] = location
    glossary = Glossary(tuple(entries), locations)
    if check:
        check_forms(glossary)
    return glossary


def check_forms(glossary: Glossary) -> None:
    """Refuse a surface form claimed twice (compared by :func:`match_key`).

    One exception: an entry's ``arabic`` form may fold to one of its own ``persian``
    forms («محمود واعظي» and «محمود واعظی»); it records how Arabic outlets spell the
    name and is exported as the entry's Arabic term.
    """
    owners: dict[str, tuple[str, str, set[str]]] = {}
    for entry in glossary.entries:
        fields = (
            ("english", entry.english_forms),
            ("persian", entry.persian),
            ("arabic", entry.arabic),
        )
        for field_name, form in ((name, form) for name, forms in fields for form in forms):
            key = match_key(form)
            if key in owners:
                other, other_form, claimed_in = owners[key]
                persian_and_arabic = claimed_in | {field_name} == {"persian", "arabic"}
                if other == entry.id and persian_and_arabic and field_name not in claimed_in:
                    claimed_in.add(field_name)
                    continue
                loc = glossary.locations.get(entry.id)
                where = glossary.locations.get(other)
                reason = (
                    f"form {form!r} is listed twice"
                    if other == entry.id
                    else f"form {form!r} is also claimed by {other} ({other_form!r}"
                    + (f" at {where})" if where else ")")
                )
                raise GlossaryError(
                    loc.path if loc else "<glossary>", loc.line if loc else None, entry.id, reason
                )
            owners[key] = (entry.id, form, {field_name})


def _read_file(path: Path) -> list[tuple[Entry, Location]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise GlossaryError(path, None, None, f"cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise GlossaryError(path, None, None, "not UTF-8 text") from exc
    return _parse(text, str(path))


def _parse(text: str, name: str) -> list[tuple[Entry, Location]]:
    try:
        # BaseLoader: every scalar stays a string (no surprise booleans, numbers, dates).
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise GlossaryError(name, line, None, f"invalid YAML ({exc.problem})") from exc
    except yaml.YAMLError as exc:
        raise GlossaryError(name, None, None, f"invalid YAML ({exc})") from exc
    except RecursionError:
        raise GlossaryError(name, None, None, "invalid YAML (nested too deeply)") from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise GlossaryError(name, _line(root), None, "expected a list of entries")
    return [_entry(node, name) for node in root.value]


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _entry(node: yaml.Node, name: str) -> tuple[Entry, Location]:
    if not isinstance(node, yaml.MappingNode):
        raise GlossaryError(name, _line(node), None, "an entry must be a mapping (id: ..., ...)")
    fields = _mapping(node, name)
    id_node = fields["id"][1] if "id" in fields else None
    entry_id = _scalar(id_node, name, None, "id") if id_node else None
    if not entry_id:
        raise GlossaryError(name, _line(node), None, "entry without an id")

    def fail(at: yaml.Node | None, reason: str) -> GlossaryError:
        return GlossaryError(name, _line(at), entry_id, reason)

    if not _ID.match(entry_id):
        raise fail(id_node, "id must be lower-case letters, digits, '.', '_' or '-'")
    for key, (key_node, _) in fields.items():
        if key not in ENTRY_KEYS:
            raise fail(key_node, f"unknown field {key!r} (known: {', '.join(ENTRY_KEYS)})")
    for key in ("type", "canonical"):
        if key not in fields:
            raise fail(node, f"missing field {key!r}")

    def value(key: str) -> yaml.Node | None:
        return fields[key][1] if key in fields else None

    kind = _scalar(value("type"), name, entry_id, "type")
    if kind not in TYPES:
        raise fail(value("type"), f"type must be one of {', '.join(TYPES)}, not {kind!r}")
    canonical = _english_form(value("canonical"), name, entry_id, "canonical")
    has_short = bool(_scalar(value("short"), name, entry_id, "short"))
    short = _english_form(value("short"), name, entry_id, "short") if has_short else None
    persian = _forms(value("persian"), name, entry_id, "persian", persian=True)
    arabic = _forms(value("arabic"), name, entry_id, "arabic", persian=True)
    english = _forms(value("english"), name, entry_id, "english", persian=False)
    roles = _roles(value("roles"), name, entry_id)
    notes = _scalar(value("notes"), name, entry_id, "notes")
    entry = Entry(
        id=entry_id,
        type=kind,
        canonical=canonical,
        short=short,
        persian=persian,
        english=english,
        arabic=arabic,
        roles=roles,
        notes=notes or None,
    )
    return entry, Location(name, node.start_mark.line + 1)


def _mapping(node: yaml.MappingNode, name: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = _scalar(key_node, name, None, "field name")
        if key in fields:
            raise GlossaryError(name, _line(key_node), None, f"field {key!r} given twice")
        fields[key] = (key_node, value_node)
    return fields


def _scalar(node: yaml.Node | None, name: str, entry_id: str | None, what: str) -> str:
    if node is None:
        return ""
    if not isinstance(node, yaml.ScalarNode):
        raise GlossaryError(name, _line(node), entry_id, f"{what} must be a single value")
    return node.value.strip()


def _english_form(node: yaml.Node | None, name: str, entry_id: str, what: str) -> str:
    text = _scalar(node, name, entry_id, what)
    _check_form(text, node, name, entry_id, what, persian=False)
    return text


def _check_form(
    text: str, node: yaml.Node | None, name: str, entry_id: str, what: str, *, persian: bool
) -> None:
    if not text or not match_key(text):
        raise GlossaryError(name, _line(node), entry_id, f"{what} is empty")
    if _BAD_FORM_CHARS.search(text):
        raise GlossaryError(
            name, _line(node), entry_id, f"{what} {text!r} has a line break, tab or '|'"
        )
    script = "Arabic" if what == "arabic" else "Persian"
    if persian and not has_arabic_script(text):
        raise GlossaryError(
            name, _line(node), entry_id, f"{what} {text!r} is not in {script} script"
        )
    if not persian and has_arabic_script(text):
        raise GlossaryError(
            name, _line(node), entry_id, f"{what} {text!r} is in Persian script (use 'persian')"
        )


def _forms(
    node: yaml.Node | None, name: str, entry_id: str, what: str, *, persian: bool
) -> tuple[str, ...]:
    if node is None:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    forms = []
    for item in items:
        text = _scalar(item, name, entry_id, what)
        _check_form(text, item, name, entry_id, what, persian=persian)
        forms.append(text)
    return tuple(forms)


def _roles(node: yaml.Node | None, name: str, entry_id: str) -> tuple[Role, ...]:
    if node is None:
        return ()
    if not isinstance(node, yaml.SequenceNode):
        raise GlossaryError(name, _line(node), entry_id, "roles must be a list")
    roles = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise GlossaryError(name, _line(item), entry_id, "a role must be a mapping (title: …)")
        fields = {}
        for key_node, value_node in item.value:
            key = _scalar(key_node, name, entry_id, "field name")
            if key not in ROLE_KEYS:
                raise GlossaryError(
                    name,
                    _line(key_node),
                    entry_id,
                    f"unknown role field {key!r} (known: {', '.join(ROLE_KEYS)})",
                )
            fields[key] = value_node
        if "title" not in fields:
            raise GlossaryError(name, _line(item), entry_id, "role without a title")
        title = _english_form(fields["title"], name, entry_id, "role title")
        texts = {
            k: _scalar(fields.get(k), name, entry_id, k) or None for k in ROLE_KEYS if k != "source"
        }
        start = _date(fields.get("from"), name, entry_id, "from")
        end = _date(fields.get("to"), name, entry_id, "to")
        if start and end and end < start:
            raise GlossaryError(
                name, _line(fields["to"]), entry_id, f"role ends ({end}) before it starts ({start})"
            )
        sources = _sources(fields.get("source"), name, entry_id)
        roles.append(
            Role(
                title,
                texts["organization"],
                texts["country"],
                start,
                end,
                sources=sources,
                line=_line(item),
            )
        )
    return tuple(roles)


def _sources(node: yaml.Node | None, name: str, entry_id: str) -> tuple[str, ...]:
    """A role's ``source``: one text or a list of them, each a URL or a dated publication."""
    if node is None:
        return ()
    items = node.value if isinstance(node, yaml.SequenceNode) else [node]
    sources = []
    for item in items:
        text = _scalar(item, name, entry_id, "source")
        if problem := source_problem(text):
            raise GlossaryError(name, _line(item), entry_id, problem)
        sources.append(text)
    return tuple(sources)


def source_problem(source: str) -> str | None:
    """Why ``source`` cannot support a date of office, or ``None`` when it can.

    A source is a URL, or a publication with the year it appeared
    ("IRNA, 2021-08-25"; "Tehran Times, 25 August 2021").
    """
    text = source.strip()
    if _URL.search(text):
        return None
    if _YEAR.search(text) and len(re.findall(r"[^\W\d_]{2,}", text)) >= 1:
        return None
    return f"source {text!r} is neither a URL nor a publication with its date"


def unsourced_roles(glossary: Glossary) -> list[str]:
    """One ``file:line: entry-id: reason`` line per dated role without a source."""
    problems = []
    for entry in glossary.entries:
        location = glossary.locations.get(entry.id)
        for role in entry.roles:
            if role.is_dated and not role.sources:
                path = location.path if location else "<glossary>"
                line = role.line or (location.line if location else None)
                where = f"{path}:{line}" if line else path
                problems.append(f"{where}: {entry.id}: role {role.title!r} has dates but no source")
    return problems


def _date(node: yaml.Node | None, name: str, entry_id: str, what: str) -> dt.date | None:
    text = _scalar(node, name, entry_id, what)
    if not text:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise GlossaryError(
            name, _line(node), entry_id, f"{what} date {text!r} is not a valid YYYY-MM-DD date"
        ) from None
