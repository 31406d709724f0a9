"""People in English text: glossary names, and names the text gives a role.

A *name* is a run of capitalized words that are not title words (see
:func:`briefgen.glossary.people.title_vocabulary`), with particles inside ("Said bin
Hamoud"), or a glossary person's form. A *title* is a run of title words holding a role
head (Minister, Ambassador, counterpart, Secretary-General …), with "of/and/for/to",
possessives ("Turkmenistan's") and parenthesized acronyms between them. The shapes:

* title, then the name: "Russian Deputy Minister of Digital Development Maxim Parshin",
  "his Kazakh counterpart, Askhat Orazbek", "China's ambassador to Tehran Chang Hua";
* the name, a comma, then the title, closed by punctuation: "Chang Hua, the Chinese
  ambassador to Tehran, said" (a title followed by another name is that name's).

A person outside the glossary needs a title and at least two name words.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen import lang
from briefgen.glossary.match import Hit
from briefgen.glossary.model import Glossary
from briefgen.glossary.people import (
    NamedPerson,
    clean_title,
    person_hits,
    title_vocabulary,
)

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?['’]?|[,;:()]|[.!?]|\d[\w.,]*|[^\w\s]")
_POSSESSIVE = re.compile(r"['’]s?$")
_MIN_NAME_WORDS = 2
_MAX_NAME_WORDS = 5
_MAX_TITLE_TOKENS = 16


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        return _POSSESSIVE.sub("", self.text).casefold()


@functools.cache
def _words(key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.words("names", key, ["en"]))


class _Reader:
    """One text's tokens, classified against the glossary's title words."""

    def __init__(self, text: str, glossary: Glossary) -> None:
        self.text = text
        self.glossary = glossary
        vocabulary = title_vocabulary(glossary)
        self.vocabulary = vocabulary.words  # never name words
        self.title_words = vocabulary.title_words  # words a title is made of
        self.tokens = [_Token(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        self.heads = _words("role_heads")
        self.connectors = _words("title_connectors")
        self.openers = _words("title_openers")
        self.honorifics = {h.rstrip(".").casefold() for h in lang.words("names", "honorifics")}
        self.particles = {p.rstrip("-").casefold() for p in lang.words("names", "name_particles")}

    def is_name_word(self, token: _Token) -> bool:
        word = token.text
        if not word[:1].isupper() or not word[:1].isalpha() or len(token.bare) < 2:
            return False
        if word.isupper() and len(word) <= 5:
            return False  # an acronym
        parts = token.bare.replace("’", "'").split("-")
        if any(p in self.vocabulary or p in self.honorifics for p in parts if p):
            return parts[0] in self.particles and len(parts) > 1
        return True

    def is_title_token(self, token: _Token) -> bool:
        bare = token.bare
        if token.text in ("(", ")"):
            return True
        if bare in self.connectors or bare in self.heads:
            return True
        if token.text.isupper() and token.text[:1].isalpha():
            return True  # an acronym: "ICT", "DES"
        parts = [p for p in bare.split("-") if p]  # "Turkmenistan's", "Secretary-General"
        return bool(parts) and all(p in self.title_words or p in self.heads for p in parts)

    def has_head(self, tokens: list[_Token]) -> bool:
        return any(t.bare in self.heads or t.bare.split("-")[-1] in self.heads for t in tokens)


def english_people(
    text: str, glossary: Glossary, loose: list[str] | None = None
) -> list[NamedPerson]:
    """Glossary people and titled names in English ``text``, in order; glossary titles
    that name nobody ("the Minister of ICT said") go to ``loose``."""
    reader = _Reader(text, glossary)
    found = glossary.find_english(text)
    hits = person_hits(found)
    spans = _name_spans(reader, hits)
    people = []
    for index, (first, last, hit) in enumerate(spans):
        next_start = spans[index + 1][0] if index + 1 < len(spans) else None
        title_tokens = _title_before(reader, first) or _title_after(reader, last, next_start)
        start, end = reader.tokens[first].start, reader.tokens[last].end
        surface = text[start:end]
        surface = _POSSESSIVE.sub("", surface) if surface.endswith(("'s", "’s")) else surface
        if hit is None and (last - first + 1 < _MIN_NAME_WORDS or not title_tokens):
            continue
        title_surface = _span(text, title_tokens) if title_tokens else None
        people.append(
            NamedPerson(
                name=hit.entry.canonical if hit else surface.rstrip("."),
                entry=hit.entry if hit else None,
                surface=hit.text if hit else surface,
                start=hit.start if hit else start,
                end=hit.end if hit else end,
                title=english_title(title_surface, glossary) if title_surface else None,
                title_surface=title_surface,
            )
        )
    if loose is not None:
        used = [(p.title_surface or "") for p in people]
        for hit in found:
            if hit.entry.type == "title" and not any(hit.text in u for u in used):
                loose.append(hit.entry.canonical)
    return people


def title_next_to(text: str, start: int, end: int, glossary: Glossary) -> str | None:
    """The title the text gives right before or after the name at ``start:end``
    ("Minister Information and Communications Technology Isa Zarepour", "Zarepour, Iran's
    Minister of ICT, said"), or None."""
    reader = _Reader(text, glossary)
    first = next((i for i, t in enumerate(reader.tokens) if t.start >= start), None)
    last = next(
        (i for i in range(len(reader.tokens) - 1, -1, -1) if reader.tokens[i].end <= end), None
    )
    if first is None or last is None or last < first:
        return None
    tokens = _title_before(reader, first) or _title_after(reader, last, None)
    return _span(text, tokens) if tokens else None


def _span(text: str, tokens: list[_Token]) -> str:
    return text[tokens[0].start : tokens[-1].end]


def _name_spans(reader: _Reader, hits: list[Hit]) -> list[tuple[int, int, Hit | None]]:
    """(first token, last token, glossary hit or None) of each name, in order."""
    tokens = reader.tokens
    by_token: dict[int, Hit] = {}
    for hit in hits:
        for i, token in enumerate(tokens):
            if hit.start <= token.start < hit.end:
                by_token[i] = hit
    spans: list[tuple[int, int, Hit | None]] = []
    i = 0
    while i < len(tokens):
        if i in by_token:
            hit = by_token[i]
            last = i
            while last + 1 in by_token and by_token[last + 1] is hit:
                last += 1
            spans.append((i, last, hit))
            i = last + 1
            continue
        if not reader.is_name_word(tokens[i]):
            i += 1
            continue
        last = i
        while last + 1 < len(tokens) and last + 1 not in by_token:
            after = tokens[last + 1]
            if _POSSESSIVE.search(tokens[last].text):
                break
            if reader.is_name_word(after):
                last += 1
            elif after.bare in reader.particles and last + 2 < len(tokens):
                if not reader.is_name_word(tokens[last + 2]):
                    break
                last += 2
            else:
                break
        if last - i + 1 <= _MAX_NAME_WORDS:
            spans.append((i, last, None))
        i = last + 1
    return spans


def _title_before(reader: _Reader, first: int) -> list[_Token]:
    """The title right before the name at token ``first`` ("Minister of X <name>")."""
    tokens = reader.tokens
    i = first - 1
    while i >= 0 and (tokens[i].bare in reader.honorifics or tokens[i].text == "."):
        if tokens[i].text == "." and not (i > 0 and tokens[i - 1].bare in reader.honorifics):
            return []
        i -= 1
    if i >= 0 and tokens[i].text == ",":
        i -= 1
    collected: list[_Token] = []
    while i >= 0 and len(collected) < _MAX_TITLE_TOKENS:
        token = tokens[i]
        if token.text == ",":
            # a comma inside a title: "Minister of Transport, Communications and …"
            if not (collected and i > 0 and reader.is_title_token(tokens[i - 1])):
                break
        elif not reader.is_title_token(token):
            break
        collected.insert(0, token)
        i -= 1
    return _trim(reader, collected)


def _title_after(reader: _Reader, last: int, next_name: int | None) -> list[_Token]:
    """The title after "<name>, " closed by punctuation ("<name>, the X ambassador, said")."""
    tokens = reader.tokens
    i = last + 1
    if i >= len(tokens) or tokens[i].text not in (",", "("):
        return []
    i += 1
    collected: list[_Token] = []
    while i < len(tokens) and len(collected) < _MAX_TITLE_TOKENS:
        token = tokens[i]
        if token.text == "," and i + 1 < len(tokens):
            following = tokens[i + 1]
            if not (reader.is_title_token(following) and following.bare not in reader.openers):
                break
            if following.bare in ("and",):
                break
        elif not reader.is_title_token(token) and token.bare not in reader.openers:
            break
        if next_name is not None and i >= next_name:
            return []  # the title runs into the next name: it is that name's
        collected.append(token)
        i += 1
    if i < len(tokens) and next_name is not None and i == next_name:
        return []
    if i < len(tokens) and reader.is_name_word(tokens[i]):
        return []
    return _trim(reader, collected)


def _trim(reader: _Reader, tokens: list[_Token]) -> list[_Token]:
    """Without connectors and openers at either end; empty without a role head."""
    tokens = list(tokens)
    while tokens and (
        tokens[0].bare in reader.connectors | reader.openers or tokens[0].text in ",()"
    ):
        tokens.pop(0)
    while tokens and (tokens[-1].bare in reader.connectors or tokens[-1].text in ",("):
        tokens.pop()
    if tokens and tokens[-1].text == ")" and not any(t.text == "(" for t in tokens):
        tokens.pop()
    return tokens if tokens and reader.has_head(tokens) else []


def english_title(phrase: str, glossary: Glossary) -> str:
    """The title an English ``phrase`` gives: a glossary title when the phrase is one
    (after possessives such as "Iran's"), else the phrase cleaned."""
    phrase = clean_title(phrase)
    titles = [h for h in glossary.find_english(phrase) if h.entry.type == "title"]
    home = _words("home_adjectives") | _words("title_openers")
    for hit in titles:
        before = phrase[: hit.start].replace("’", "'").split()
        after = phrase[hit.end :].strip(" ,")
        if all(w.casefold() in home for w in before) and not after:
            return hit.entry.canonical
    return phrase
