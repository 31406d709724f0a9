"""Group articles into partner-country sections, in the order a reader expects."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from briefgen.model import DOMESTIC, UNDETERMINED, Article, Brief, CountrySection

if TYPE_CHECKING:
    from briefgen.run import Run

_LAST = (DOMESTIC, UNDETERMINED)


def group_stage(brief: Brief, run: Run) -> None:
    """Group the brief's articles into country sections (``country_order`` first)."""
    settings = run.settings
    order = heading_names(settings.country_order, settings.country_names)
    brief.sections = group_by_country(brief.articles, order, settings.skip_undated)


def heading_names(countries: Sequence[str], names: Mapping[str, str]) -> list[str]:
    """``country_order`` as the headings name the countries: "Türkiye", "TR" and "Turkey"
    are all the Turkey section (or the ``country_names`` override); other entries such as
    "Iran (domestic)" are kept as written."""
    if not countries:
        return []
    from briefgen.gazetteer import gazetteer

    places = gazetteer()
    headings = []
    for country in countries:
        code = None if country in _LAST else places.code_of(country)
        headings.append(places.name(code, names) if code else country)
    return headings


def group_by_country(
    articles: Iterable[Article], country_order: Sequence[str] = (), skip_undated: bool = False
) -> list[CountrySection]:
    """One section per country: ``country_order`` first, then by article count (most first),
    then alphabetically; Iran (domestic) and Other / undetermined last. Within a section,
    dated articles newest first, undated ones in their own list."""
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        groups[article.country or UNDETERMINED].append(article)

    preferred = {name.casefold(): rank for rank, name in enumerate(country_order)}

    def rank(country: str) -> tuple[int, int, int, str]:
        last = _LAST.index(country) if country in _LAST else -1
        return (
            last,
            preferred.get(country.casefold(), len(preferred)),
            -len(groups[country]),
            country,
        )

    sections = []
    for country in sorted(groups, key=rank):
        members = groups[country]
        dated = sorted(
            (a for a in members if a.date),
            key=lambda a: (a.date or dt.date.min, a.name),
            reverse=True,
        )
        undated = (
            [] if skip_undated else sorted((a for a in members if not a.date), key=lambda a: a.name)
        )
        if dated or undated:
            sections.append(CountrySection(country, dated, undated))
    return sections
