"""The words that give a country its role in a sentence: the partner's officials, a venue,
or background (:mod:`briefgen.country_scan` reads each mention's role with them).

A country counts for what the sentence makes of it, not for being named:

* **counterpart** — its officials or institutions: "his Armenian counterpart", "the
  Turkish minister", "Minister of … of South Africa", «وزیر ارتباطات ترکیه», «همتای
  کره‌ای», «وزير النقل التركي», «السفير العراقي»;
* **venue** — where an international event took place, in a story that names one: "held
  in Geneva on the sidelines of WSIS", «به سئول سفر کرده», «زار الإمارات للمشاركة في القمة»
  (in a story about a bilateral visit with no event, the host is a plain mention);
* **background** — a sanctioning state or adversary ("US sanctions", «الحظر الأميركي»),
  the inviter of a trip («به دعوت همتای کره‌ای خود»), a country inside a quoted post;
* **ignored** — not the country at all: an outlet's name ("Pakistan Point News"), a
  language menu ("Turkish / Persian / Arabic");
* **mention** — anything else.

The words each language marks these roles with are data: ``briefgen/lang/<code>/roles.toml``.
Text is compared as :func:`briefgen.gazetteer.place_key` gives it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from briefgen import lang
from briefgen.gazetteer import place_key

COUNTERPART, MENTION, VENUE, BACKGROUND, IGNORED = (
    "counterpart",
    "mention",
    "venue",
    "background",
    "ignored",
)
ROLES = (COUNTERPART, MENTION, VENUE, BACKGROUND, IGNORED)

_ARABIC_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "ک")
_MIN_PREFIX_LETTERS = 4  # Persian/Arabic list words at least this long also match as stems


class WordSet:
    """Words of one role in one language; Persian and Arabic stems match inflected forms
    («همتاهای», «وزرای»), Arabic words with their proclitics («والوزير»)."""

    def __init__(self, words: Iterable[str], arabic_script: bool) -> None:
        keys = {place_key(w).casefold() for w in words if " " not in w.strip()}
        self.arabic_script = arabic_script
        self.exact = frozenset(keys)
        self.stems = tuple(k for k in keys if arabic_script and len(k) >= _MIN_PREFIX_LETTERS)

    def __contains__(self, token: str) -> bool:
        word = token.casefold()
        if word in self.exact:
            return True
        if not self.arabic_script:
            return False
        return any(f in self.exact or f.startswith(self.stems) for f in _bare_forms(word))


def _bare_forms(word: str) -> list[str]:
    """An Arabic-script word without its proclitic and article: «والوزير» → «وزير»."""
    forms = [word]
    if word.startswith(_ARABIC_PROCLITICS) and len(word) > 3:
        forms.append(word[1:])
    for form in list(forms):
        if (form.startswith("ال") and len(form) > 4) or (form.startswith("لل") and len(form) > 4):
            forms.append(form[2:])
    return forms


class Phrases:
    """Phrases of one role in one language, found anywhere in a text (Arabic ones with
    a proclitic or the article before them: «للقمة», «المؤتمر»)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        keys = sorted({place_key(p.strip()) for p in phrases if p.strip()}, key=len, reverse=True)
        acronyms = [k for k in keys if k != k.casefold()]
        words = [k for k in keys if k == k.casefold()]
        self._patterns = [
            re.compile(rf"(?<!\w)(?:[وفبلک]?(?:ال)?)?(?:{_alternatives(words)})(?!\w)", re.I),
            re.compile(rf"(?<!\w)(?:{_alternatives(acronyms)})(?!\w)"),
        ]
        self._empty = (not words, not acronyms)

    def search(self, text: str) -> re.Match[str] | None:
        """The first phrase in ``text`` (a compared text)."""
        for pattern, empty in zip(self._patterns, self._empty, strict=True):
            if not empty and (match := pattern.search(text)):
                return match
        return None

    def first_start(self, text: str) -> int | None:
        """Where the earliest phrase in ``text`` starts (``None``: there is none)."""
        starts = [
            match.start()
            for pattern, empty in zip(self._patterns, self._empty, strict=True)
            if not empty and (match := pattern.search(text))
        ]
        return min(starts, default=None)


def _alternatives(keys: list[str]) -> str:
    return "|".join(map(re.escape, keys)) or "(?!)"


@dataclass(frozen=True)
class RoleWords:
    """The role-marking words of a language (``briefgen/lang/<code>/roles.toml``)."""

    official: WordSet
    title_links: WordSet
    title_fillers: WordSet
    chain_breakers: WordSet
    venue: WordSet
    venue_fillers: WordSet
    background: WordSet
    invitation: WordSet
    language_names: WordSet
    outlet: WordSet
    events: Phrases
    posts: Phrases
    multilateral: Phrases
    arabic_script: bool


@functools.cache
def role_words(language: str) -> RoleWords:
    """The role words of ``language`` (``en``, ``fa``, ``ar``; every language otherwise)."""
    # Persian and Arabic pages borrow from each other and are told apart less surely than
    # from English: an Arabic-script text is read with both languages' words.
    arabic_script = language in ("fa", "ar")
    languages: tuple[str, ...] = ("fa", "ar") if arabic_script else (language,)
    if language not in lang.LANGUAGES:
        languages = lang.LANGUAGES

    def words(key: str, kind: str = "roles") -> WordSet:
        return WordSet(lang.words(kind, key, languages), arabic_script)

    def phrases(key: str) -> Phrases:
        return Phrases(lang.words("roles", key, languages))

    return RoleWords(
        official=words("official_words"),
        title_links=words("title_links"),
        title_fillers=words("title_fillers"),
        chain_breakers=words("chain_breakers"),
        venue=words("venue_words"),
        venue_fillers=words("venue_fillers"),
        background=words("background_words"),
        invitation=words("invitation_words"),
        language_names=WordSet(lang.words("roles", "language_names"), False),
        outlet=words("outlet_words", "page"),
        events=phrases("event_words"),
        posts=phrases("post_words"),
        multilateral=phrases("multilateral_words"),
        arabic_script=arabic_script,
    )


def names_event(texts: Iterable[str], language: str) -> bool:
    """Whether the texts name an international event or organisation (WSIS, «اجلاس»…)."""
    events = role_words(language).events
    return any(events.search(place_key(text)) for text in texts)


def names_multilateral_meeting(texts: Iterable[str], language: str) -> bool:
    """Whether the texts call the meeting one of several countries ("quadrilateral")."""
    multilateral = role_words(language).multilateral
    return any(multilateral.search(place_key(text)) for text in texts)
