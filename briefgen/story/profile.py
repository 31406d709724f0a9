"""What an article is matched by: its event's participants, moment, numbers and words.

Participants are the glossary entries the article mentions (people, organizations,
places: language-neutral, since the glossary knows their Persian and English forms) and
its key people (``Article.people``; people outside the glossary carry a spelling- and
script-insensitive ``Person.key``). Each has a *side*: a glossary person whose roles are
in another country is ``foreign`` (a counterpart), one whose roles are Iranian is
``home``; anyone else is ``unknown``. A participant named in the headline or the first
sentences is *in the lead*.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.gazetteer import HOME, gazetteer
from briefgen.model import DOMESTIC, UNDETERMINED, Article, Mention
from briefgen.story.numbers import Count, counts, fold, weekdays
from briefgen.story.words import Vector, terms, tfidf
from briefgen.text.names import NAME_KEY_PREFIX, name_key
from briefgen.text.persian import has_arabic_script
from briefgen.tuning import DuplicateTuning

if TYPE_CHECKING:
    from briefgen.glossary import Glossary

HOME_COUNTRY = "Iran"
_WORD = re.compile(r"\w+")
#: Glossary kinds that name a participant (titles name a post, not who holds it).
PARTICIPANT_KINDS = ("person", "organization", "place", "other")


@dataclass(frozen=True)
class Participant:
    """Someone or something an article's event involves."""

    key: str  # the glossary entry id, or the person key of someone outside the glossary
    label: str  # the canonical name
    kind: str  # person, organization, place, other
    side: str  # foreign, home, unknown
    in_lead: bool
    #: Name keys (:func:`briefgen.text.names.name_key`) of a person's spellings: how one
    #: outside the glossary in one report meets a glossary person in the other.
    names: frozenset[str] = frozenset()
    in_glossary: bool = True

    def same_as(self, other: Participant) -> bool:
        """The same participant: one entry, or a name key in common (one side outside the
        glossary)."""
        if self.key == other.key:
            return True
        if self.in_glossary and other.in_glossary:
            return False
        return bool(self.names & other.names)


@dataclass
class EventProfile:
    """One article as event matching sees it."""

    article: Article
    participants: dict[str, Participant]
    counts: list[Count]
    weekdays: frozenset[str]
    name_words: frozenset[str] = frozenset()  # words of participants' names, folded
    cities: dict[str, str] = field(default_factory=dict)  # foreign cities: country → name
    vectors: dict[str, Vector] = field(default_factory=dict)  # by view (see story.words)

    @property
    def country(self) -> str:
        return self.article.country or UNDETERMINED

    @property
    def is_foreign(self) -> bool:
        """Whether the article has a foreign partner country."""
        return self.country not in (DOMESTIC, UNDETERMINED)

    def foreign(self) -> set[str]:
        """Keys of the foreign officials it names."""
        return {k for k, p in self.participants.items() if p.side == "foreign"}

    def find(self, participant: Participant) -> Participant | None:
        """This article's participant that is ``participant``, if any."""
        if participant.key in self.participants:
            return self.participants[participant.key]
        return next((p for p in self.participants.values() if p.same_as(participant)), None)


@dataclass
class RunProfiles:
    """The profiles of a run's articles and how common each participant and country is."""

    profiles: list[EventProfile]
    participant_df: Counter[str]
    country_df: Counter[str]
    #: Rarity is measured as in a run of at least this many articles: in a small run (a
    #: conference week of five reports) three mentions are not "everywhere".
    least_run: int = 1

    def rarity(self, df: int) -> float:
        """1 for something only two articles share, falling towards 0 as more do."""
        n = max(len(self.profiles), self.least_run)
        if n <= 2 or df <= 2:
            return 1.0
        return max(0.0, min(1.0, math.log((n + 1) / df) / math.log((n + 1) / 2)))


def build_profiles(
    articles: Sequence[Article], glossary: Glossary | None, tuning: DuplicateTuning
) -> RunProfiles:
    """Profiles of ``articles`` (word vectors weighted over all of them)."""
    lead_sentences = tuning.lead_sentences
    profiles = [profile(a, glossary, lead_sentences) for a in articles]
    source = [terms(p.article, "source", p.name_words) for p in profiles]
    english = [
        words if p.article.language == "en" else terms(p.article, "english", p.name_words)
        for p, words in zip(profiles, source, strict=True)
    ]
    for view, documents in (("source", source), ("english", english)):
        for item, vector in zip(profiles, tfidf(documents), strict=True):
            if vector:
                item.vectors[view] = vector
    participant_df = Counter(key for p in profiles for key in p.participants)
    country_df = Counter(p.country for p in profiles)
    return RunProfiles(profiles, participant_df, country_df, tuning.rarity_run)


def profile(article: Article, glossary: Glossary | None, lead_sentences: int) -> EventProfile:
    """The event profile of one article."""
    lead = _lead_text(article, lead_sentences)
    participants: dict[str, Participant] = {}
    for mention in _source_mentions(article):
        if mention.kind not in PARTICIPANT_KINDS or mention.entry_id in participants:
            continue
        participants[mention.entry_id] = Participant(
            mention.entry_id,
            mention.canonical,
            mention.kind,
            _side(mention.entry_id, glossary),
            _named_in(lead, mention.surface, mention.canonical),
            _name_keys(mention.entry_id, mention.canonical, glossary)
            if mention.kind == "person"
            else frozenset(),
        )
    for person in article.people:
        key = person.key or person.entry_id or name_key(person.name)
        if not key or key in participants:
            continue
        if person.entry_id:
            side = _side(person.entry_id, glossary)
            names = _name_keys(person.entry_id, person.name, glossary)
        else:
            side, names = "unknown", _usable({key})
            if not names:
                continue  # a key of one consonant says too little
        in_lead = _named_in(lead, person.surface, person.name)
        participants[key] = Participant(
            key, person.name, "person", side, in_lead, names, person.entry_id is not None
        )
    texts = [article.headline, *(s.text for s in article.sentences)]
    named = [
        f for m in article.mentions if m.kind in PARTICIPANT_KINDS for f in (m.surface, m.canonical)
    ]
    named += [n for p in article.people for n in (p.name, p.surface)]
    name_words = frozenset(w for n in named for w in _WORD.findall(fold(n)))
    cities = _foreign_cities(texts)
    return EventProfile(article, participants, counts(texts), weekdays(texts), name_words, cities)


def _foreign_cities(texts: list[str]) -> dict[str, str]:
    """The foreign cities the texts name, by country (``{"KR": "Seoul"}``): where the
    event was, or what it was about (Tehran, in most reports, is left out)."""
    places = gazetteer()
    found: dict[str, str] = {}
    for text in texts:
        for mention in places.find(text):
            if mention.surface in places.cities and HOME not in mention.codes:
                found.setdefault(mention.codes[0], mention.surface)
    return found


def _source_mentions(article: Article) -> list[Mention]:
    """The mentions the article's own words hold: a machine translation's mentions only
    where the glossary also found them in the source (a translation can invent names)."""
    if not article.is_translated:
        return article.mentions
    return [m for m in article.mentions if has_arabic_script(m.surface)]


def _name_keys(entry_id: str, name: str, glossary: Glossary | None) -> frozenset[str]:
    """The name keys of a glossary person's spellings."""
    entry = glossary.get(entry_id) if glossary else None
    forms = (*entry.english_forms, *entry.source_script_forms) if entry else (name,)
    return _usable({name_key(form) for form in forms})


def _usable(keys: set[str]) -> frozenset[str]:
    """Keys of at least two consonants (``~ml``): one (``~h``) matches too many names."""
    return frozenset(k for k in keys if len(k.removeprefix(NAME_KEY_PREFIX)) >= 2)


def _side(entry_id: str | None, glossary: Glossary | None) -> str:
    entry = glossary.get(entry_id) if glossary and entry_id else None
    if entry is None or entry.type != "person":
        return "unknown"
    countries = {role.country for role in entry.roles if role.country}
    if countries - {HOME_COUNTRY}:
        return "foreign"
    return "home" if countries else "unknown"


def _lead_text(article: Article, sentences: int) -> str:
    parts = [article.headline, article.shown_headline]
    for sentence in article.sentences[:sentences]:
        parts += [sentence.text, sentence.shown]
    return fold(" ".join(parts))


def _named_in(lead: str, *forms: str) -> bool:
    return any(form and fold(form) in lead for form in forms)
