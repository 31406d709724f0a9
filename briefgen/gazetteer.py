"""Country names, demonyms and capitals in English and Persian, from country databases.

Built once per process from three maintained sources rather than a hand-typed list:

* pycountry (ISO 3166 names, with their Persian translations),
* Babel's CLDR data (short English and Persian names, and the cities that name time
  zones, which gives Persian spellings of capitals such as «مسقط»),
* countryinfo (demonyms, capitals, alternative spellings).

A few everyday forms the databases lack (US, UK, «عربستان», «آمریکا») are added from
``briefgen/lang/<code>/places.toml``; Persian demonyms are derived from the Persian names by the
language's rules («عمان» → «عمانی», «سوریه» → «سوری»). One surface can name several
countries: Persian «عمان» is Oman and also Amman, the capital of Jordan.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from briefgen import lang
from briefgen.text.persian import ZWNJ, normalize_persian

HOME = "IR"


def extra_names() -> dict[str, tuple[str, ...]]:
    """Everyday forms missing from the databases (alpha-2 code → surfaces), every language."""
    return lang.table("places", "extra_names")


def common_words() -> frozenset[str]:
    """Names that are more often plain words or people's names («مالی» "financial")."""
    return frozenset(normalize_persian(w) for w in lang.words("places", "common_words"))


_MAX_ZONES_FOR_CITIES = 3  # countries with more time zones contribute only their capital
_WORD = re.compile(r"\w+")
_MIN_CITY_LETTERS = 5  # shorter English time-zone cities ("Wake") are too often plain words


@dataclass(frozen=True)
class PlaceMention:
    """A country named in text, directly or through a demonym or city."""

    codes: tuple[str, ...]  # alpha-2 codes this surface can mean, most likely first
    surface: str
    start: int


class Gazetteer:
    """Surface forms → countries, with a matcher for English and Persian text."""

    def __init__(self, surfaces: dict[str, list[str]], names: dict[str, str]) -> None:
        self.surfaces = surfaces  # normalized surface → codes, most likely first
        self.names = names  # alpha-2 → English short name
        # One small pattern per first word: text is scanned word by word and a pattern is
        # tried only where a word can start a surface (far faster than one huge regex).
        by_first: dict[str, list[str]] = defaultdict(list)
        for surface in surfaces:
            if first := _WORD.match(surface):
                by_first[first.group(0)].append(surface)
        self._by_first = {
            word: re.compile(
                "(?:" + "|".join(map(re.escape, sorted(group, key=len, reverse=True))) + r")(?!\w)"
            )
            for word, group in by_first.items()
        }

    def find(self, text: str) -> list[PlaceMention]:
        """Every country mention in ``text`` (English or Persian), in order."""
        text = normalize_persian(text)
        mentions: list[PlaceMention] = []
        end = 0
        for word in _WORD.finditer(text):
            pattern = self._by_first.get(word.group(0))
            if pattern is None or word.start() < end:
                continue
            if match := pattern.match(text, word.start()):
                surface = match.group(0)
                mentions.append(PlaceMention(tuple(self.surfaces[surface]), surface, match.start()))
                end = match.end()
        return mentions

    def name(self, code: str) -> str:
        """The English short name of a country ("Syria", "Saudi Arabia")."""
        return self.names.get(code, code)


def _persian_demonyms(name: str) -> list[str]:
    """«عمان» → «عمانی»; «سوریه» → «سوریه‌ای»; «آمریکا» → «آمریکایی»."""
    if " " in name or len(name) < 3 or name.endswith("ی"):
        return []
    if name.endswith("ه"):
        return [f"{name}{ZWNJ}ای"]
    if name.endswith(("ا", "و")):
        return [f"{name}یی"]
    return [f"{name}ی"]


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, ~0.2 s)."""
    import gettext

    import pycountry
    from babel import Locale
    from babel.core import get_global
    from babel.dates import get_timezone_location
    from countryinfo._cache import load_countries

    english, persian = Locale("en"), Locale("fa")
    fa_iso: gettext.NullTranslations
    try:
        fa_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fa"])
    except OSError:  # pragma: no cover - pycountry always ships it
        fa_iso = gettext.NullTranslations()
    info = {
        item["ISO"]["alpha2"]: item
        for item in load_countries()["countries"].values()
        if isinstance(item.get("ISO"), dict) and item["ISO"].get("alpha2")
    }
    zones: dict[str, list[str]] = defaultdict(list)
    for zone, territory in get_global("zone_territories").items():
        zones[territory].append(zone)

    surfaces: dict[str, list[str]] = defaultdict(list)
    names: dict[str, str] = {}
    extras = extra_names()
    not_places = common_words()

    def add(surface: str | None, code: str, first: bool = False) -> None:
        if not surface or "," in surface or "،" in surface:
            return
        key = normalize_persian(surface.strip())
        if len(key) < (2 if key.isupper() else 3) or key in not_places:
            return
        codes = surfaces[key]
        if code not in codes:
            codes.insert(0, code) if first else codes.append(code)

    for country in pycountry.countries:
        code = country.alpha_2
        short = str(english.territories.get(code) or getattr(country, "common_name", country.name))
        names[code] = short
        fa_name = persian.territories.get(code)
        for surface in (
            short,
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
            fa_name,
            fa_iso.gettext(country.name),
        ):
            add(surface, code, first=True)
        for surface in _persian_demonyms(normalize_persian(fa_name or "")):
            add(surface, code, first=True)
        details = info.get(code, {})
        add(details.get("demonym"), code, first=True)
        for alt in details.get("altSpellings", []):
            if alt not in (code, details["ISO"].get("alpha3")):
                add(alt, code)
        capital = details.get("capital")
        add(capital, code)
        city_zones = zones.get(code, [])
        for zone in city_zones if len(city_zones) <= _MAX_ZONES_FOR_CITIES else []:
            for locale in (english, persian):
                city = get_timezone_location(zone, locale=locale, return_city=True)
                if len(city) >= _MIN_CITY_LETTERS or locale is persian:
                    add(city, code)
        for extra in extras.get(code, ()):
            add(extra, code, first=True)
    return Gazetteer(dict(surfaces), names)
