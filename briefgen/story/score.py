"""Whether two reports tell one event: evidence for and against, added up into points.

For: participants both name (weighted by who they are and how rare they are in the run),
the same partner country, dates close together, the same weekday, numbers both state,
and word overlap when both texts are in one language. Against: a foreign partner and
none, foreign cities of different countries (Seoul / Bangkok), two different sets of
counterparts (foreign officials), leads naming different people, a counterpart one lead
names and the other never does, two different weekdays, one thing counted differently.
Some pairs are never one story (a *veto*): dated more than ``max_days_apart`` apart, or
about two different foreign partners (a trip's two legs). And the points must include
something *specific* to the event: a participant other than an Iranian official, a
number both state, or words alike at least ``words_alike`` (the minister, the
partner and the day alone are every story of a minister's busy day). Every weight and
threshold is ``[duplicates]`` tuning.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from briefgen import lang
from briefgen.model import DOMESTIC, StoryEvidence
from briefgen.story.numbers import Count
from briefgen.story.profile import EventProfile, Participant, RunProfiles
from briefgen.story.words import cosine, view_of
from briefgen.tuning import DuplicateTuning


@dataclass
class PairScore:
    """The evidence on two reports, its points, and the threshold that applies."""

    score: float = 0.0
    threshold: float = 0.0
    date_gap: int | None = None
    veto: str | None = None  # why the two can never be one story
    evidence: list[StoryEvidence] = field(default_factory=list)
    #: Evidence of this event itself (more than the minister, the partner and the day).
    specific: bool = False

    @property
    def same_story(self) -> bool:
        return self.veto is None and self.specific and self.score >= self.threshold

    def add(self, kind: str, detail: str, points: float) -> None:
        if points:
            self.evidence.append(StoryEvidence(kind, detail, round(points, 2)))
            self.score += points

    def describe(self) -> str:
        """``4.10 ≥ 3.00: person Issa Zarepour +0.90; country Oman +1.00; …``."""
        parts = "; ".join(f"{e.kind} {e.detail} {e.points:+.2f}" for e in self.evidence)
        if self.veto:
            return f"never ({self.veto}); {self.score:.2f} otherwise: {parts or 'no evidence'}"
        sign = "≥" if self.score >= self.threshold else "<"
        generic = "" if self.specific else ", but nothing specific to one event"
        return f"{self.score:.2f} {sign} {self.threshold:.2f}{generic}: {parts or 'no evidence'}"


def veto(a: EventProfile, b: EventProfile, tuning: DuplicateTuning) -> str | None:
    """Why ``a`` and ``b`` cannot be one story, or ``None``."""
    first, second = a.article.date, b.article.date
    if first is not None and second is not None:
        gap = abs((first - second).days)
        if gap > tuning.max_days_apart:
            return f"{gap} days apart"
    if a.is_foreign and b.is_foreign and a.country != b.country:
        return f"different partners ({a.country}, {b.country})"
    return None


def score_pair(
    a: EventProfile,
    b: EventProfile,
    run: RunProfiles,
    tuning: DuplicateTuning,
) -> PairScore:
    """All the evidence on ``a`` and ``b`` being one event."""
    result = PairScore(veto=veto(a, b, tuning))
    _participants(a, b, run, tuning, result)
    _moment(a, b, run, tuning, result)
    _numbers(a.counts, b.counts, tuning, result)
    view = view_of(a.article, b.article)
    if view and view in a.vectors and view in b.vectors:
        similarity = cosine(a.vectors[view], b.vectors[view])
        if view == "source" and similarity < tuning.words_alike:
            # Two reports of one event in one language share its names, places and
            # topic; a machine translation may not, so only originals count against.
            detail = f"cosine {similarity:.2f}, little in common"
            result.add("words", detail, -tuning.words_mismatch)
        else:
            result.add("words", f"cosine {similarity:.2f}", tuning.words * similarity)
        result.specific |= similarity >= tuning.words_alike
    return result


def _weight(participant: Participant, tuning: DuplicateTuning) -> float:
    if participant.kind == "person":
        return {"foreign": tuning.counterpart, "home": tuning.official}.get(
            participant.side, tuning.person
        )
    return tuning.place if participant.kind == "place" else tuning.organization


def _participants(
    a: EventProfile, b: EventProfile, run: RunProfiles, tuning: DuplicateTuning, out: PairScore
) -> None:
    """Participants both name; different counterparts or leads; a lead counterpart the
    other report never names."""
    shared: set[str] = set()  # keys of b's participants found in a
    for participant in a.participants.values():
        theirs = b.find(participant)
        if theirs is None:
            continue
        shared.add(theirs.key)
        # one report's glossary person met in the other by name key: the glossary's side
        known = participant if participant.side != "unknown" else theirs
        rarity = run.rarity(run.participant_df[participant.key])
        if known.kind == "person" and known.side == "foreign":
            rarity **= tuning.counterpart_rarity
        out.add(known.kind, known.label, _weight(known, tuning) * rarity)
        out.specific |= known.side != "home"
    foreign_a, foreign_b = a.foreign(), b.foreign()
    if foreign_a and foreign_b and not foreign_b & shared:
        names = _labels(a, foreign_a) + " / " + _labels(b, foreign_b)
        out.add("counterparts", f"different ({names})", -tuning.counterpart_conflict)
        return
    lead_a, lead_b = _lead_people(a), _lead_people(b)
    if (
        lead_a
        and lead_b
        and not any(b.find(a.participants[k]) for k in lead_a)
        and not any(a.find(b.participants[k]) for k in lead_b)
    ):
        names = _labels(a, lead_a) + " / " + _labels(b, lead_b)
        out.add("people", f"different leads ({names})", -tuning.people_conflict)
    for mine, other in ((a, b), (b, a)):
        missing = _missing_lead(mine, other)
        counterparts = {k for k in missing if mine.participants[k].side == "foreign"}
        if counterparts:
            detail = f"{_labels(mine, counterparts)} not in {other.article.name}"
            out.add("counterparts", detail, -tuning.counterpart_missing)
        elif missing:
            detail = f"{_labels(mine, missing)} not in {other.article.name}"
            out.add("people", detail, -tuning.person_missing)


def _missing_lead(mine: EventProfile, other: EventProfile) -> set[str]:
    """People outside Iran's glossary officials in ``mine``'s lead whom ``other`` never
    names (a lead counterpart, or someone the glossary does not know)."""
    return {
        k
        for k, p in mine.participants.items()
        if p.kind == "person" and p.side != "home" and p.in_lead and other.find(p) is None
    }


def _lead_people(profile: EventProfile) -> set[str]:
    return {k for k, p in profile.participants.items() if p.kind == "person" and p.in_lead}


def _labels(profile: EventProfile, keys: set[str]) -> str:
    return ", ".join(sorted(profile.participants[k].label for k in keys))


def _moment(
    a: EventProfile, b: EventProfile, run: RunProfiles, tuning: DuplicateTuning, out: PairScore
) -> None:
    """Partner country, cities, dates and weekdays; sets the threshold (dated or not)."""
    if a.country == b.country and a.is_foreign:
        out.add("country", a.country, tuning.country * run.rarity(run.country_df[a.country]))
    elif a.country == b.country == DOMESTIC:
        out.add("country", DOMESTIC, tuning.domestic * run.rarity(run.country_df[DOMESTIC]))
    elif {a.country, b.country} & {DOMESTIC} and (a.is_foreign or b.is_foreign):
        detail = f"different ({a.country}, {b.country})"
        out.add("country", detail, -tuning.country_mismatch)
    if a.cities and b.cities and not a.cities.keys() & b.cities.keys():
        places = f"{', '.join(a.cities.values())} / {', '.join(b.cities.values())}"
        out.add("cities", f"different ({places})", -tuning.city_conflict)
    first, second = a.article.date, b.article.date
    if first is not None and second is not None:
        gap = abs((first - second).days)
        out.date_gap = gap
        out.threshold = tuning.same_story
        span = max(tuning.max_days_apart, 1)
        points = tuning.same_day * max(0.0, 1 - gap / span)
        out.add("date", "same day" if gap == 0 else f"{gap} day(s) apart", points)
    else:
        out.threshold = tuning.same_story_undated
    if not (a.weekdays and b.weekdays):
        return
    common = a.weekdays & b.weekdays
    if common and out.date_gap is None:  # with both dated, the dates already say when
        out.add("weekday", ", ".join(sorted(common)), tuning.weekday)
    elif not common and len(a.weekdays) == 1 and len(b.weekdays) == 1:
        detail = f"different ({next(iter(a.weekdays))}, {next(iter(b.weekdays))})"
        out.add("weekday", detail, -tuning.weekday_conflict)


def _numbers(
    first: list[Count], second: list[Count], tuning: DuplicateTuning, out: PairScore
) -> None:
    """Numbers both state (up to the cap), and a thing each counts once, differently."""
    points, agreed = 0.0, []
    values_b = {c.value for c in second}
    counted_b = {(c.value, c.unit) for c in second if c.unit}
    seen: set[float] = set()
    for count in first:
        if count.value in seen or count.value not in values_b:
            continue
        seen.add(count.value)
        counted = count.unit is not None and (count.value, count.unit) in counted_b
        points += tuning.counted_number if counted else tuning.number
        agreed.append(count.label if counted else Count(count.value, None).label)
    if agreed:
        out.add("numbers", ", ".join(agreed), min(points, tuning.numbers_cap))
        out.specific = True
    units_a = {c.unit for c in first if c.unit} - _durations()
    for unit in sorted(units_a & {c.unit for c in second if c.unit}):
        mine = {c.value for c in first if c.unit == unit}
        theirs = {c.value for c in second if c.unit == unit}
        if len(mine) == len(theirs) == 1 and mine != theirs:
            detail = f"{unit}: {_values(mine)} / {_values(theirs)}"
            out.add("numbers", f"different ({detail})", -tuning.number_conflict)


@functools.cache
def _durations() -> frozenset[str]:
    return frozenset(lang.words("events", "durations"))


def _values(values: set[float]) -> str:
    return ", ".join(Count(v, None).label for v in sorted(values))
