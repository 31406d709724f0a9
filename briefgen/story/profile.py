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
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.model import DOMESTIC, UNDETERMINED, Article
from briefgen.story.numbers import Count, counts, fold, weekdays
from briefgen.story.words import Vector, terms, tfidf

if TYPE_CHECKING:
    from briefgen.glossary import Glossary

HOME_COUNTRY = "Iran"
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


@dataclass
class EventProfile:
    """One article as event matching sees it."""

    article: Article
    participants: dict[str, Participant]
    counts: list[Count]
    weekdays: frozenset[str]
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


@dataclass
class RunProfiles:
    """The profiles of a run's articles and how common each participant and country is."""

    profiles: list[EventProfile]
    participant_df: Counter[str]
    country_df: Counter[str]

    def rarity(self, df: int) -> float:
        """1 for something only two articles share, falling to near 0 when all do."""
        n = len(self.profiles)
        if n <= 2 or df <= 2:
            return 1.0
        return max(0.0, min(1.0, math.log((n + 1) / df) / math.log((n + 1) / 2)))


def build_profiles(
    articles: Sequence[Article], glossary: Glossary | None, lead_sentences: int
) -> RunProfiles:
    """Profiles of ``articles`` (word vectors weighted over all of them)."""
    profiles = [profile(a, glossary, lead_sentences) for a in articles]
    for view in ("source", "english"):
        documents = [terms(p.article, view) for p in profiles]
        for item, vector in zip(profiles, tfidf(documents), strict=True):
            if vector:
                item.vectors[view] = vector
    participant_df = Counter(key for p in profiles for key in p.participants)
    country_df = Counter(p.country for p in profiles)
    return RunProfiles(profiles, participant_df, country_df)


def profile(article: Article, glossary: Glossary | None, lead_sentences: int) -> EventProfile:
    """The event profile of one article."""
    lead = _lead_text(article, lead_sentences)
    participants: dict[str, Participant] = {}
    for mention in article.mentions:
        if mention.kind not in PARTICIPANT_KINDS or mention.entry_id in participants:
            continue
        participants[mention.entry_id] = Participant(
            mention.entry_id,
            mention.canonical,
            mention.kind,
            _side(mention.entry_id, glossary),
            _named_in(lead, mention.surface, mention.canonical),
        )
    for person in article.people:
        key = person.key or person.entry_id or fold(person.name)
        if not key or key in participants:
            continue
        side = _side(person.entry_id, glossary) if person.entry_id else "unknown"
        in_lead = _named_in(lead, person.surface, person.name)
        participants[key] = Participant(key, person.name, "person", side, in_lead)
    texts = [article.headline, *(s.text for s in article.sentences)]
    return EventProfile(article, participants, counts(texts), weekdays(texts))


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
