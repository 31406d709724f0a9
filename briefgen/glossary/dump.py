"""Writing glossary entries back to YAML in the hand-written layout (reads back equal)."""

from __future__ import annotations

from typing import Any

import yaml

from briefgen.glossary.model import Entry, Glossary, Role


def entry_to_data(entry: Entry) -> dict[str, Any]:
    """An entry as the plain data written to YAML (empty fields left out)."""
    data: dict[str, Any] = {"id": entry.id, "type": entry.type, "canonical": entry.canonical}
    if entry.short:
        data["short"] = entry.short
    if entry.persian:
        data["persian"] = list(entry.persian)
    if entry.arabic:
        data["arabic"] = list(entry.arabic)
    if entry.english:
        data["english"] = list(entry.english)
    if entry.roles:
        data["roles"] = [role_to_data(role) for role in entry.roles]
    if entry.notes:
        data["notes"] = entry.notes
    return data


def role_to_data(role: Role) -> dict[str, Any]:
    """A role as plain data (title, organization, country, from, to, source), unset keys left
    out."""
    data: dict[str, Any] = {"title": role.title}
    for key, value in (
        ("organization", role.organization),
        ("country", role.country),
        ("from", role.start.isoformat() if role.start else None),
        ("to", role.end.isoformat() if role.end else None),
    ):
        if value:
            data[key] = value
    if role.sources:
        data["source"] = role.sources[0] if len(role.sources) == 1 else list(role.sources)
    return data


def dump_glossary(glossary: Glossary) -> str:
    """The glossary as YAML text in the hand-written layout (reads back equal)."""
    chunks = [
        yaml.safe_dump(
            [entry_to_data(entry)],
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=100,
        )
        for entry in glossary.entries
    ]
    return "\n".join(chunks)
