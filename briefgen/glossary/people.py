"""People an article names with a role, in or beyond the glossary.

:func:`people_in_text` reads one source-language text (English, or Persian/Arabic) and
returns each person it names: glossary people through the glossary's forms, and people the
glossary lacks when the text gives them a role right before or after their name ("his
Kazakh counterpart, <name>", "<name>, Minister of … of X", «<name> وزیر ارتباطات
ازبکستان», «وزير … <name>»). Each comes with the title the text gives, in English (see
:mod:`briefgen.glossary.people_en` and :mod:`briefgen.glossary.people_fa` for the shapes).

The words that may make up a title (and so are never a name) are the glossary's own:
every word of its titles, organizations and roles, plus the generic words, countries and
demonyms of ``briefgen/lang/*/names.toml`` and the country databases.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen import lang
from briefgen.glossary.match import Hit
from briefgen.glossary.model import Entry, Glossary


@dataclass(frozen=True)
class NamedPerson:
    """A person a text names: a glossary entry, or a name with the role the text gives."""

    name: str  # the canonical name (glossary) or the name as written
    entry: Entry | None
    surface: str  # as the text writes the name
    start: int
    end: int
    title: str | None = None  # the title the text gives, in English
    title_surface: str | None = None  # the title as written


@dataclass(frozen=True)
class TitleVocabulary:
    """Words that make up titles and organizations: never name words (case-folded)."""

    words: frozenset[str]  # not name words: title words and function words
    title_words: frozenset[str]  # words titles are made of (no function words)


_cache: dict[int, tuple[Glossary, TitleVocabulary]] = {}


def title_vocabulary(glossary: Glossary) -> TitleVocabulary:
    """The title words of ``glossary`` (computed once per glossary object)."""
    cached = _cache.get(id(glossary))
    if cached is not None and cached[0] is glossary:
        return cached[1]
    words: set[str] = set(_title_words())
    for entry in glossary.entries:
        forms: list[str] = []
        if entry.type in ("title", "organization"):
            forms += [*entry.english_forms, *entry.source_script_forms]
        for role in entry.roles:
            forms += [role.title, role.organization or ""]
        for form in forms:
            words.update(w.casefold() for w in _WORDS.findall(form.replace("-", " ")))
    from briefgen.glossary.candidates import _not_name_words

    not_names = frozenset(words) | _function_words() | _not_name_words()
    vocabulary = TitleVocabulary(not_names, frozenset(words) - _function_words())
    _cache.clear()
    _cache[id(glossary)] = (glossary, vocabulary)
    return vocabulary


_WORDS = re.compile(r"[^\W\d_]+")


@functools.cache
def _title_words() -> frozenset[str]:
    import pycountry

    words = lang.words("names", "generic_words") + lang.words("names", "role_words")
    words += lang.words("names", "role_heads")
    found = {w.casefold() for w in words} | set(demonyms().values())
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            found.update(re.findall(r"[^\W\d_]+", getattr(country, attr, "").casefold()))
    return frozenset(found - _function_words())


@functools.cache
def _function_words() -> frozenset[str]:
    """English stop words ("with", "said") and the words the candidates never take as
    names: never name words, never title words."""
    from stop_words import get_stop_words

    from briefgen.glossary.candidates import _not_name_words

    keep = {
        w.casefold()
        for key in ("role_words", "role_heads", "title_connectors")
        for w in lang.words("names", key, ["en"])
    }
    stops = {w.casefold() for w in get_stop_words("en")} - keep
    return frozenset(stops | {w for w in _not_name_words() if w in stops})


@functools.cache
def demonyms() -> dict[str, str]:
    """Alpha-2 code → the English adjective of a country ("KZ" → "kazakh"), folded."""
    return {code: name.casefold() for code, name in demonym_names().items()}


@functools.cache
def demonym_names() -> dict[str, str]:
    """Alpha-2 code → the English adjective of a country ("KZ" → "Kazakh")."""
    from countryinfo._cache import load_countries

    names: dict[str, str] = {}
    for item in load_countries()["countries"].values():
        iso = item.get("ISO")
        if isinstance(iso, dict) and iso.get("alpha2") and item.get("demonym"):
            names[iso["alpha2"]] = str(item["demonym"])
    for code, adjective in lang.table("names", "demonyms", ["en"]).items():
        names[code] = adjective[0]
    return names


def people_in_text(
    text: str, language: str, glossary: Glossary, loose: list[str] | None = None
) -> list[NamedPerson]:
    """The people ``text`` (in ``language``: en, fa or ar) names, in order; see the module.
    Titles of Iran's officials that the text gives nobody by name are added to ``loose``."""
    if language == "en":
        from briefgen.glossary.people_en import english_people

        return english_people(text, glossary, loose)
    if language in ("fa", "ar"):
        from briefgen.glossary.people_fa import persian_people

        return persian_people(text, language, glossary, loose)
    return []


def person_hits(hits: list[Hit]) -> list[Hit]:
    """The hits of glossary people."""
    return [hit for hit in hits if hit.entry.type == "person"]


def clean_title(title: str) -> str:
    """A title as printed: one line, no leading article or possessive pronoun, no
    parenthesized acronym ("the Information and Communication Technology (ICT) Minister"
    → "Information and Communication Technology Minister"), head words capitalized."""
    title = re.sub(r"\s*\([A-Z][A-Za-z&.\- ]{0,12}\)", "", title)
    title = " ".join(title.replace("’", "'").split()).strip(" ,;:-")
    leading = set(lang.words("names", "title_openers", ["en"]))
    words = title.split()
    while words and words[0].casefold() in leading:
        words.pop(0)
    heads = {w.casefold() for w in lang.words("names", "role_heads", ["en"])}
    heads |= {w.casefold() for w in lang.words("names", "role_qualifiers", ["en"])}
    for index, word in enumerate(words):  # "director general of …" → "Director General of …"
        if word.casefold() not in heads:
            break
        words[index] = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return " ".join(words)


# Titles on the article's date ----------------------------------------------------------

#: Titles the text gives nobody by name are Iran's own (the news is Iranian).
HOME_COUNTRY = "Iran"
_QUALIFIERS = frozenset(["former", "deputy", "vice", "acting", "first", "ex"])


@functools.cache
def _same_words() -> dict[str, str]:
    """Title words folded to one ("communications", "information" … → "ict")."""
    return {
        word.casefold(): to
        for to, words in lang.table("names", "title_synonyms", ["en"]).items()
        for word in words
    }


def title_words(title: str) -> set[str]:
    """A title's content words, folded (see ``title_synonyms`` in names.toml)."""
    same = _same_words()
    stop = {w.casefold() for w in lang.words("names", "title_connectors", ["en"])}
    stop |= {w.casefold() for w in lang.words("names", "home_adjectives", ["en"])}
    words = re.findall(r"[^\W\d_]+", title.casefold().replace("'s", ""))
    return {same.get(w, w) for w in words if w not in stop}


def matching_role(entry: Entry, title: str):
    """The entry's role whose title says what ``title`` says (same qualifiers, most words
    in common, at least half), or None."""
    said = title_words(title)
    best, score = None, 0.0
    for role in entry.roles:
        words = title_words(role.title)
        if said & _QUALIFIERS != words & _QUALIFIERS or not words:
            continue
        overlap = len(said & words) / len(said | words)
        if overlap > score:
            best, score = role, overlap
    return best if score >= 0.5 else None


def title_for(
    entry: Entry | None, day, text_title: str | None, loose: tuple[str, ...] = ()
) -> str | None:
    """The title printed for a key person.

    Dated article: the glossary role valid on that day, else the title the text gives.
    Undated: the glossary role the text's title matches, else the text's title, else the
    entry's only role, else the role a title the text gives nobody by name matches
    (``loose``: "the Minister of ICT" in an article about Zarepour, given only by the
    caller when one person alone fits it); otherwise none.
    """
    if entry is None:
        return text_title
    if day is not None:
        role = entry.role_on(day)
        return role.title if role else text_title
    if text_title:
        role = matching_role(entry, text_title)
        return role.title if role else text_title
    if len(entry.roles) == 1:
        return entry.roles[0].title
    for title in loose:
        role = matching_role(entry, title)
        if role and role.country in (None, HOME_COUNTRY):
            return role.title
    return None
