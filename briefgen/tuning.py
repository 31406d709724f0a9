"""Tuning: the thresholds and weights the stages decide with, as data.

The defaults live in ``briefgen/data/defaults.toml``; a ``[tuning]`` table in
``briefgen.toml`` overrides any of them (``[tuning.country] min_partner_score = 3``).
Unknown sections or keys, and values of the wrong type, are configuration errors.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, fields
from importlib import resources
from typing import Any, TypeVar

from briefgen.errors import ConfigError


@dataclass(frozen=True)
class CleanTuning:
    derived_headline_words: int


@dataclass(frozen=True)
class DateTuning:
    future_slack_days: int
    window_slack_days: int
    undated_contradiction_days: int


@dataclass(frozen=True)
class CountryTuning:
    headline_weight: float
    lead_weight: float
    body_weight: float
    counterpart_weight: float
    mention_weight: float
    venue_weight: float
    background_weight: float
    min_partner_score: float
    multilateral_dominance: float


@dataclass(frozen=True)
class DuplicateTuning:
    """Event matching (:mod:`briefgen.story`): points per piece of evidence, thresholds."""

    max_days_apart: int
    same_story: float
    same_story_undated: float
    lead_sentences: int
    rarity_run: int
    counterpart: float
    counterpart_rarity: float
    official: float
    person: float
    organization: float
    place: float
    country: float
    domestic: float
    country_mismatch: float
    city_conflict: float
    same_day: float
    weekday: float
    weekday_conflict: float
    number: float
    counted_number: float
    numbers_cap: float
    number_conflict: float
    words: float
    words_alike: float
    words_mismatch: float
    counterpart_missing: float
    person_missing: float
    counterpart_conflict: float
    people_conflict: float


@dataclass(frozen=True)
class SummaryTuning:
    words: int
    min_sentences: int
    max_sentences: int


@dataclass(frozen=True)
class Tuning:
    """Every tunable number, by stage."""

    clean: CleanTuning
    dates: DateTuning
    country: CountryTuning
    duplicates: DuplicateTuning
    summary: SummaryTuning


T = TypeVar("T")


@functools.cache
def _defaults() -> dict[str, dict[str, Any]]:
    text = (resources.files("briefgen") / "data" / "defaults.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _section(cls: type[T], name: str, values: dict[str, Any], where: str) -> T:
    known = {f.name: f for f in fields(cls)}  # type: ignore[arg-type]
    for key in values:
        if key not in known:
            raise ConfigError(
                f"unknown tuning key {name}.{key} (known: {', '.join(sorted(known))})", where
            )
    checked: dict[str, Any] = {}
    for key, field in known.items():
        value = values[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"tuning {name}.{key} must be a number, got {value!r}", where)
        if field.type == "int":
            if not isinstance(value, int):
                raise ConfigError(f"tuning {name}.{key} must be a whole number", where)
        else:
            value = float(value)
        checked[key] = value
    return cls(**checked)


def load_tuning(overrides: dict[str, Any] | None = None, where: str = "briefgen.toml") -> Tuning:
    """The default tuning with ``overrides`` (``{"country": {"min_partner_score": 3}}``)."""
    overrides = overrides or {}
    sections = {f.name: f for f in fields(Tuning)}
    for name, values in overrides.items():
        if name not in sections:
            raise ConfigError(
                f"unknown tuning section [{name}] (known: {', '.join(sections)})", where
            )
        if not isinstance(values, dict):
            raise ConfigError(f"tuning [{name}] must be a table", where)
    built: dict[str, Any] = {}
    for name in sections:
        merged = {**_defaults()[name], **overrides.get(name, {})}
        built[name] = _section(_SECTION_TYPES[name], name, merged, where)
    return Tuning(**built)


_SECTION_TYPES: dict[str, type] = {
    "clean": CleanTuning,
    "dates": DateTuning,
    "country": CountryTuning,
    "duplicates": DuplicateTuning,
    "summary": SummaryTuning,
}


@functools.cache
def default_tuning() -> Tuning:
    """The shipped defaults."""
    return load_tuning()


def input_limits() -> dict[str, Any]:
    """``[limits]`` of the shipped defaults: what one input file may cost (not tunable per
    run; see :mod:`briefgen.limits`)."""
    return dict(_defaults()["limits"])
