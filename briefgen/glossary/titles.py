"""Names in a summary: the first mention in full with the title valid on the article's date,
later mentions in the short form.

A name the text already titles, in any words ("Minister Information and Communications
Technology Isa Zarepour", "Zarepour, Iran's ICT chief, said"), gets no second title.

"Zarepour said …" as the first mention becomes "Issa Zarepour, Minister of ICT, said …" on
an article dated 2023; a name already next to a title ("Iran's Minister of ICT, Issa
Zarepour, said", "President Raisi") gets no second one; a possessive gets the title in
front ("Minister of ICT Issa Zarepour's visit"). Undated articles get no title.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from briefgen.glossary.match import Hit, replace_hits
from briefgen.glossary.model import Entry, Glossary

# Honorifics that may stand between a title and a name ("Minister of ICT, Dr. Issa …").
_HONORIFIC_END = re.compile(
    r"(?:\b(?:Dr|Eng|Engr|Mr|Mrs|Ms|Prof|Gen|H\.E)\.?|\b(?:Seyyed|Seyed|Sayyid|Sayyed|Sayed|"
    r"Sheikh|Shaikh|Ayatollah|Hojatoleslam|Sardar|General|Brigadier|Major|Engineer|Doctor|"
    r"His Excellency|Her Excellency))\s*$",
    re.IGNORECASE,
)
# Words that make the text right before a name a title ("President Raisi", "Minister X").
TITLE_WORDS = frozenset(
    [
        "president",
        "minister",
        "ambassador",
        "envoy",
        "deputy",
        "director",
        "head",
        "chairman",
        "chief",
        "commander",
        "governor",
        "secretary",
        "spokesman",
        "spokesperson",
        "ceo",
        "mayor",
        "speaker",
        "king",
        "sultan",
        "emir",
        "prince",
        "counterpart",
        "official",
    ]
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")
_POSSESSIVE = re.compile(r"^['’]s?\b")
_CLOSES = tuple('.,;:!?)]"”’')


def apply_titles(texts: list[str], glossary: Glossary, day: dt.date | None) -> list[str]:
    """Rewrite the sentences of one summary (in order); see the module docstring."""
    seen: set[str] = set()
    result = []
    for text in texts:
        hits: list[Hit] = []
        for hit in glossary.find_english(text):
            wide = _widened(text, hit)
            hits.append(wide if not hits or hits[-1].end <= wide.start else hit)
        titles = [h for h in hits if h.entry.type == "title"]
        changes: dict[int, str] = {}
        for index, hit in enumerate(hits):
            entry = hit.entry
            if entry.type == "title" or hit.kind == "persian":
                continue
            if entry.id in seen:
                if entry.short and hit.kind != "short":
                    changes[index] = entry.short
                continue
            seen.add(entry.id)
            changes[index] = _first_mention(text, hit, entry, titles, glossary, day)
        if changes:
            text = replace_hits(text, hits, [changes.get(i) for i in range(len(hits))])
        result.append(text)
    return result


def _widened(text: str, hit: Hit) -> Hit:
    """The hit with the words before it that make, with its canonical name, another form of the
    entry ("Iran" + "ITO" → "Iran" + "Information Technology Organization" is a form): the
    replacement then covers them, and rewriting the result again changes nothing."""
    canonical = hit.entry.canonical
    before = text[: hit.start].casefold()
    for form in hit.entry.english_forms:
        if len(form) <= len(canonical) or not form.casefold().endswith(canonical.casefold()):
            continue
        prefix = form[: -len(canonical)].casefold()
        start = hit.start - len(prefix)
        if before.endswith(prefix) and (start == 0 or not text[start - 1].isalnum()):
            return dataclasses.replace(hit, start=start, text=text[start : hit.end])
    return hit


def _first_mention(
    text: str, hit: Hit, entry: Entry, titles: list[Hit], glossary: Glossary, day: dt.date | None
) -> str:
    name = entry.canonical
    title = entry.title_on(day)
    if not title or _is_titled(text, hit, titles, glossary.title_forms(title)):
        return name
    from briefgen.glossary.people_en import title_next_to

    if title_next_to(text, hit.start, hit.end, glossary):
        return name  # the text gives a title of its own: never a second one
    rest = text[hit.end :]
    if _POSSESSIVE.match(rest):
        return f"{title} {name}"
    if not rest.strip() or rest.lstrip().startswith(_CLOSES):
        return f"{name}, {title}"
    return f"{name}, {title},"


def _is_titled(text: str, hit: Hit, titles: list[Hit], forms: tuple[str, ...]) -> bool:
    """True when a title stands right before or right after the name."""
    before = text[: hit.start].rstrip()
    while True:
        stripped = _HONORIFIC_END.sub("", before).rstrip()
        if stripped == before:
            break
        before = stripped
    before = before.rstrip(", ").rstrip()
    if any(t.end == len(before) for t in titles):
        return True
    if any(before.casefold().endswith(f.casefold()) for f in forms):
        return True
    last = _LAST_WORD.search(before)
    if last and last.group(1).casefold() in TITLE_WORDS and before.endswith(last.group(1)):
        return True
    after_text = text[hit.end :]
    after = after_text.lstrip()
    after = after[1:].lstrip() if after.startswith((",", "(")) else after
    offset = len(text) - len(after)
    if any(t.start == offset for t in titles):
        return True
    after = re.sub(r"^the\s+", "", after, flags=re.IGNORECASE)
    return any(after.casefold().startswith(f.casefold()) for f in forms)
