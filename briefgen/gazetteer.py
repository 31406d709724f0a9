"""Country names, demonyms and capitals in English, Persian and Arabic, from country databases.

Built once per process from three maintained sources rather than a hand-typed list:

* pycountry (ISO 3166 names, with their Persian and Arabic translations),
* Babel's CLDR data (short English, Persian and Arabic names, and the cities that name
  time zones, which gives Persian and Arabic spellings of capitals such as «مسقط»),
* countryinfo (demonyms, capitals, alternative spellings, population).

A few everyday forms the databases lack (US, UK, «عربستان», «أميركا») are added from
``briefgen/lang/<code>/places.toml``, with Iranian provinces that share a country's name
(«آذربایجان شرقی» is Iran) and phrases that are no place («کره زمین»). Demonyms are
derived from the names by each language's rules («عمان» → «عمانی», «تركيا» → «التركي»).

One surface can name several countries (Persian «عمان» is Oman and Amman, the capital of
Jordan): its codes are ordered names first, then demonyms, alternative spellings and
cities, and by population within a kind. Text is compared through :func:`place_key`
(Arabic and Persian letter variants folded, ZWNJ removed), so Arabic «سوريه» and
«سورية», Persian «کره‌ای» and «کرهای» are one surface each.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from briefgen import lang
from briefgen.text.arabic import fold_arabic
from briefgen.text.persian import ZWNJ, has_arabic_script, normalize_persian

HOME = "IR"

# Kinds of surface, most telling first: the order of a surface's codes.
NAME, DEMONYM, ALTERNATIVE, CITY = range(4)
_MAX_ZONES_FOR_CITIES = 3  # countries with more time zones contribute only their capital
_WORD = re.compile(r"\w+")
_MIN_CITY_LETTERS = 5  # shorter English time-zone cities ("Wake") are too often plain words
# Persian plural and Arabic-script suffixes a surface may carry: «چینی‌ها», «روس‌ها».
_SCRIPT_SUFFIXES = ("هایی", "های", "ها")
_PLURAL = re.compile("(?:ها|های|هایی)$")
_WORD_CHAR = re.compile(r"\w")
# Arabic proclitics: «وقطر» "and Qatar", «بجمهورية», «للعراق» (ل + العراق).
_CLITICS: tuple[tuple[str, str], ...] = (
    ("وال", "ال"),
    ("بال", "ال"),
    ("فال", "ال"),
    ("ولل", "ال"),
    ("لل", "ال"),
)
# Compared text has Persian kaf (see place_key), so «ك» is «ک» here.
_CLITICS += tuple((c, "") for c in ("وب", "ول", "فب", "فل", "وک", "و", "ف", "ب", "ل", "ک"))


def place_key(text: str) -> str:
    """``text`` as the gazetteer compares it: Arabic and Persian letter variants folded
    (alef, yeh, kaf, teh marbuta), diacritics, tatweel and ZWNJ removed, digits ASCII."""
    return normalize_persian(fold_arabic(text)).replace(ZWNJ, "")


def extra_names() -> dict[str, tuple[str, ...]]:
    """Everyday forms missing from the databases (alpha-2 code → surfaces), every language."""
    return lang.table("places", "extra_names")


def common_words() -> frozenset[str]:
    """Names that are more often plain words («مالی» "financial», weekdays)."""
    words = (*lang.words("places", "common_words"), *lang.words("page", "weekdays"))
    return frozenset(place_key(w) for w in words)


@dataclass(frozen=True)
class PlaceMention:
    """A country named in text, directly or through a demonym or city."""

    codes: tuple[str, ...]  # alpha-2 codes this surface can mean, most likely first
    surface: str  # as found in the compared text (see :func:`place_key`)
    start: int  # offsets in the compared text
    end: int


class Gazetteer:
    """Surface forms → countries, with a matcher for English, Persian and Arabic text."""

    def __init__(
        self,
        surfaces: dict[str, list[str]],
        names: dict[str, str],
        lookup: dict[str, str],
        cities: frozenset[str] = frozenset(),
    ) -> None:
        self.surfaces = surfaces  # compared surface → codes, most likely first ([] = no place)
        self.cities = cities  # surfaces that are cities only ("Tehran", «مسقط»)
        self.names = names  # alpha-2 → the analyst's English name
        self._lookup = lookup  # casefolded name, code or surface → alpha-2
        # The surfaces by first word, longest first: text is scanned word by word and
        # surfaces are tried only where a word can start one (far faster than one regex).
        by_first: dict[str, list[str]] = defaultdict(list)
        for surface in surfaces:
            if first := _WORD.match(surface):
                by_first[first.group(0)].append(surface)
        self._by_first = {
            word: _Surfaces(sorted(group, key=len, reverse=True))
            for word, group in by_first.items()
        }

    def find(self, text: str, *, compared: bool = False) -> list[PlaceMention]:
        """Every country mention in ``text``, in order; offsets are in ``place_key(text)``
        (or in ``text`` itself when ``compared``: it is already a key)."""
        if not compared:
            text = place_key(text)
        mentions: list[PlaceMention] = []
        end = 0
        for word in _WORD.finditer(text):
            if word.start() < end:
                continue
            found = self._match(text, word.start(), word.group(0))
            if found is None:
                continue
            surface, stop = found
            end = stop
            if codes := self.surfaces[surface]:
                mentions.append(PlaceMention(tuple(codes), surface, word.start(), stop))
        return mentions

    def _match(self, text: str, start: int, word: str) -> tuple[str, int] | None:
        """(surface, end) of the surface starting at ``start``, Arabic proclitics allowed."""
        group = self._by_first.get(word) or self._by_first.get(_PLURAL.sub("", word))
        if group and (found := group.match(text, start)):
            return found
        if not has_arabic_script(word):
            return None
        for clitic, restored in _CLITICS:
            rest = word[len(clitic) :]
            if not word.startswith(clitic) or len(rest) < 3:
                continue
            candidate = restored + text[start + len(clitic) : start + len(clitic) + 80]
            first = _WORD.match(candidate)
            group = self._by_first.get(first.group(0)) if first else None
            if group and (found := group.match(candidate, 0)):
                return found[0], start + len(clitic) - len(restored) + found[1]
        return None

    def name(self, code: str, overrides: Mapping[str, str] | None = None) -> str:
        """The name the brief prints for a country ("Turkey", "South Korea"), or the
        override configured for its code."""
        if overrides and code in overrides:
            return overrides[code]
        return self.names.get(code, code)

    def code_of(self, name: str) -> str | None:
        """The alpha-2 code of a country named any way the gazetteer knows ("Türkiye",
        "Turkey", "TR", «ترکیه»), or ``None``."""
        text = name.strip()
        return self._lookup.get(text.casefold()) or self._lookup.get(place_key(text))


class _Surfaces:
    """The surfaces that start with one word, longest first, matched at a position and
    ending at a word boundary (Persian plural suffixes allowed after Arabic script)."""

    def __init__(self, surfaces: list[str]) -> None:
        self.surfaces = surfaces
        self.suffixes = _SCRIPT_SUFFIXES if any(has_arabic_script(s) for s in surfaces) else ()

    def match(self, text: str, start: int) -> tuple[str, int] | None:
        """(surface, end) of the longest surface at ``start``, or ``None``."""
        for surface in self.surfaces:
            if not text.startswith(surface, start):
                continue
            end = start + len(surface)
            for suffix in self.suffixes:
                if text.startswith(suffix, end) and _boundary(text, end + len(suffix)):
                    return surface, end + len(suffix)
            if _boundary(text, end):
                return surface, end
        return None


def _boundary(text: str, index: int) -> bool:
    return index >= len(text) or not _WORD_CHAR.match(text, index)


def _persian_demonyms(name: str) -> list[str]:
    """«عمان» → «عمانی»; «سوریه» → «سوریه‌ای», «سوریه ای»; «آمریکا» → «آمریکایی»."""
    if " " in name or len(name) < 3 or name.endswith("ی"):
        return []
    if name.endswith("ه"):
        return [f"{name}{ZWNJ}ای", f"{name} ای"]
    if name.endswith(("ا", "و")):
        return [f"{name}یی", f"{name}ئی"]
    return [f"{name}ی"]


def _arabic_demonyms(name: str) -> list[str]:
    """«تركيا» → «تركي», «التركي», «التركية», «الأتراك» not; «العراق» → «العراقي»…;
    «السعودية» → «السعودي»; «كندا» → «الكندي». Multi-word names give none."""
    # «ال» is the article only when written with a bare alef: «ألبانيا», «ألمانيا» keep theirs.
    name = name.strip()
    stem = fold_arabic(name[2:] if name.startswith("ال") else name)
    if " " in stem or len(stem) < 3 or stem.endswith("ي"):
        return []
    if stem.endswith("يا") or stem.endswith("يه"):
        base = stem[:-1]
    elif stem.endswith("ا"):
        base = stem[:-1] + "ي"
    else:
        base = stem + "ي"
    if len(base) < 4:
        return []
    forms = [base, base + "ه", base + "ين", base + "ون", base + "ان"]
    return [*forms, *("ال" + form for form in forms)]


class _Builder:
    """Collects surfaces with their kind and each country's population."""

    def __init__(self, population: dict[str, int]) -> None:
        self.kinds: dict[str, dict[str, int]] = defaultdict(dict)
        self.population = population
        self.not_places = common_words()

    def add(self, surface: str | None, code: str, kind: int) -> None:
        if not surface or "," in surface or "،" in surface:
            return
        key = place_key(surface.strip())
        if len(key) < (2 if key.isupper() else 3) or key in self.not_places:
            return
        known = self.kinds[key]
        known[code] = min(kind, known.get(code, kind))

    def block(self, surface: str) -> None:
        """A phrase that names no place (matched so that its words are not one)."""
        self.kinds[place_key(surface)] = {}

    def cities(self) -> frozenset[str]:
        return frozenset(
            k for k, codes in self.kinds.items() if codes and min(codes.values()) == CITY
        )

    def surfaces(self) -> dict[str, list[str]]:
        return {
            key: sorted(codes, key=lambda c: (codes[c], -self.population.get(c, 0), c))
            for key, codes in self.kinds.items()
        }


def _analyst_name(code: str, cldr_name: str, analyst: Mapping[str, str]) -> str:
    return analyst.get(code) or cldr_name.replace(" & ", " and ")


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, well under a second)."""
    import gettext

    import pycountry
    from babel import Locale
    from babel.core import get_global
    from babel.dates import get_timezone_location
    from countryinfo._cache import load_countries

    english, persian, arabic = Locale("en"), Locale("fa"), Locale("ar")
    iso: dict[str, gettext.NullTranslations] = {}
    for code in ("fa", "ar"):
        try:
            iso[code] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
        except OSError:  # pragma: no cover - pycountry ships both
            iso[code] = gettext.NullTranslations()
    info = {
        item["ISO"]["alpha2"]: item
        for item in load_countries()["countries"].values()
        if isinstance(item.get("ISO"), dict) and item["ISO"].get("alpha2")
    }
    zones: dict[str, list[str]] = defaultdict(list)
    for zone, territory in get_global("zone_territories").items():
        zones[territory].append(zone)
    population = {code: int(item.get("population") or 0) for code, item in info.items()}
    build = _Builder(population)
    extras = extra_names()
    arabic_extras = lang.table("places", "extra_names", languages=("ar",))
    extra_cities = lang.table("places", "extra_cities")
    analyst = lang.mapping("places", "analyst_names")
    names: dict[str, str] = {}
    lookup: dict[str, str] = {}

    for country in pycountry.countries:
        code = country.alpha_2
        short = str(english.territories.get(code) or getattr(country, "common_name", country.name))
        names[code] = _analyst_name(code, short, analyst)
        fa_name = persian.territories.get(code)
        ar_name = arabic.territories.get(code)
        official = (country.name, getattr(country, "common_name", None))
        for surface in (
            names[code],
            short,
            *official,
            getattr(country, "official_name", None),
            fa_name,
            iso["fa"].gettext(country.name),
            ar_name,
            iso["ar"].gettext(country.name),
        ):
            build.add(surface, code, NAME)
        for surface in _persian_demonyms(place_key(fa_name or "")):
            build.add(surface, code, DEMONYM)
        for surface in _arabic_demonyms(ar_name or ""):
            build.add(surface, code, DEMONYM)
        details = info.get(code, {})
        build.add(details.get("demonym"), code, DEMONYM)
        for alt in details.get("altSpellings", []):
            if alt not in (code, details["ISO"].get("alpha3")):
                build.add(alt, code, ALTERNATIVE)
        build.add(details.get("capital"), code, CITY)
        city_zones = zones.get(code, [])
        if len(city_zones) > _MAX_ZONES_FOR_CITIES:  # the capital's zone only (Moscow)
            capital = details.get("capital") or ""
            city_zones = [
                z for z in city_zones if z.rsplit("/", 1)[-1].replace("_", " ") == capital
            ]
        for zone in city_zones:
            for locale in (english, persian, arabic):
                city = get_timezone_location(zone, locale=locale, return_city=True)
                if len(city) >= _MIN_CITY_LETTERS or locale is not english:
                    build.add(city, code, CITY)
        for extra in extras.get(code, ()):
            build.add(extra, code, NAME)
        for city in extra_cities.get(code, ()):
            build.add(city, code, CITY)
        for extra in arabic_extras.get(code, ()):
            for surface in _arabic_demonyms(extra):
                build.add(surface, code, DEMONYM)
        for text in (code, names[code], short, *official):
            if text:
                lookup.setdefault(text.casefold(), code)
    for surface in lang.words("places", "not_places"):
        build.block(surface)
    for surface in lang.words("places", "home_places"):
        build.kinds[place_key(surface)] = {HOME: NAME - 1}
    surfaces = build.surfaces()
    for key, codes in surfaces.items():
        if codes:
            lookup.setdefault(key.casefold(), codes[0])
    return Gazetteer(surfaces, names, lookup, build.cities())
