"""Datelines, attributions and source tags that open a paragraph: metadata, not news.

"TEHRAN, Mar. 3 (MNA) –", "Tehran (IP) –", "Tehran, IRNA –", "Qom, Feb 1, IRNA –",
«تهران- ایران پرس:», «به گزارش خبرگزاری مهر،», «أفادت وكالة مهر للأنباء،», "Iran
Press/Iran news:": each is cut off, so that what is left starts with what happened, and
names the outlet, which the table of ``briefgen/lang/<code>/outlets.toml`` turns into a
display name ("MNA" → "Mehr News Agency"). A city and a person's name («القاهرة – …»)
is a byline, never an outlet.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen import lang
from briefgen.text import boilerplate as bp
from briefgen.text.persian import normalize_persian

_DASH = r"(?:-{1,2}|[–—])"


@dataclass(frozen=True)
class Opening:
    """What a paragraph opens with: the metadata ``prefix`` and the ``rest`` after it."""

    prefix: str
    rest: str
    outlet: str | None = None  # the display name of the agency the prefix names


def _fold(text: str) -> str:
    return " ".join(normalize_persian(text).replace("\u200c", " ").split())


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", _fold(text))


@functools.cache
def _agencies() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """(squeezed form → display name, a pattern finding any form as a whole word, a
    pattern matching a Latin form glued to what follows: "Iran PressWest Asia")."""
    display: dict[str, str] = {}
    forms: set[str] = set()
    for name, items in lang.table("outlets", "agencies").items():
        for form in (name, *items):
            variants = {form, form.upper()} if form.isascii() else {form}
            for variant in variants:
                display.setdefault(_squeeze(variant), name)
                forms.add(_fold(variant))
    ordered = sorted(forms, key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in ordered)
    latin = "|".join(re.escape(f).replace(r"\ ", r"\s*") for f in ordered if f.isascii())
    whole = re.compile(rf"(?<![\w\u200c])(?:{alternation})(?![\w\u200c])")
    glued = re.compile(rf"^(?:{latin})(?=[A-Z])")
    return display, whole, glued


def agency_name(text: str) -> str | None:
    """The display name of the agency ``text`` is ("MNA", «ایرنا»), else ``None``."""
    folded = _fold(text).strip(" .,:;-–—()")
    display, _, _ = _agencies()
    for candidate in (folded, re.sub(r"\s+(?:news agency|agency)$", "", folded, flags=re.I)):
        name = display.get(_squeeze(candidate))
        if name:
            return name
    return None


def find_agency(text: str) -> str | None:
    """The display name of the first agency named in ``text`` (an attribution, a
    parenthesis), not counting what a «به نقل از» / "quoting" part names."""
    folded = re.split(r"به\s*نقل\s*از|نقلا\S*\s+عن|\bquoting\b|\bciting\b", _fold(text))[0]
    display, pattern, _ = _agencies()
    match = pattern.search(folded)
    return display.get(_squeeze(match.group(0))) if match else None


@functools.cache
def _cities() -> re.Pattern[str]:
    cities = sorted({_fold(c) for c in lang.words("page", "dateline_cities")}, key=len)
    alternation = "|".join(re.escape(c).replace(r"\ ", r"\s*") for c in reversed(cities))
    return re.compile(rf"^(?:{alternation})(?![\w\u200c])", re.I)


def is_dateline_city(text: str) -> bool:
    """True when ``text`` is a place datelines open with (``page.toml`` ``dateline_cities``)."""
    match = _cities().match(_fold(text))
    return bool(match and match.end() == len(_fold(text)))


_CITY = r"[A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,2}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:[A-Z][a-z]{{2,8}}\.?\s+{_DAY}|{_DAY}\s+[A-Z][a-z]{{2,8}}\.?)(?:,?\s+\d{{4}})?"
# "Tehran (IP) –", "Tehran(IP) -", "TEHRAN, Mar. 3 (MNA) –", "Tehran, (APP - … 2024)"
_CITY_PAREN = re.compile(
    rf"^(?P<city>{_CITY})\s*(?:,\s*(?P<date>{_DATE}))?\s*,?\s*\((?P<paren>[^()]{{1,120}})\)"
    rf"\s*(?P<dash>{_DASH}|:)?\s*(?=\S)"
)
# "Tehran, IRNA –", "Qom, Feb 1, IRNA –"
_CITY_AGENCY = re.compile(
    rf"^(?P<city>{_CITY})\s*,\s*(?:(?P<date>{_DATE})\s*,\s*)?"
    rf"(?P<agency>[A-Z][\w.]*(?: [A-Z][\w.]*)?)\s*{_DASH}\s*(?=\S)"
)
# "MOSCOW, December 3. /TASS/.", "BEIJING /Xinhua/ –": the agency between slashes
_CITY_SLASHED = re.compile(
    rf"^(?P<city>{_CITY})\s*(?:,\s*(?P<date>{_DATE})\.?)?\s*/\s*(?P<agency>[^/\s][^/]{{0,30}})/"
    rf"\s*(?:\.|{_DASH}|:)?\s*(?=\S)"
)
# "TEHRAN –", "MUSCAT, May 15 --", "Tehran – " (a listed city)
_CITY_DASH = re.compile(
    rf"^(?P<city>{_CITY})(?:\s*,\s*(?P<date>{_DATE}))?\s*(?:{_DASH}\s+|[–—](?=[A-Z]))(?=\S)"
)
# "Tehran, Iranian …": a listed city and a comma before the subject
_CITY_COMMA = re.compile(rf"^(?P<city>{_CITY}),\s+(?=[A-Z])")
# «تهران- ایران پرس:», «تهران – ایرنا -», «تهران (ایرنا) –», «طهران – إرنا –»
_SCRIPT_WORD = r"[\u0600-\u06ff][\u0600-\u06ff\u200c]*"
_SCRIPT_AGENCY = re.compile(
    rf"^(?P<city>{_SCRIPT_WORD}(?:\s{_SCRIPT_WORD})?)\s*(?:{_DASH}|\(|/)\s*"
    rf"(?P<agency>[^-–—:()،,]{{2,40}}?)\s*\)?\s*(?:{_DASH}|:)\s*(?=\S)"
)
_SCRIPT_CITY_DASH = re.compile(rf"^(?P<city>{_SCRIPT_WORD}(?:\s{_SCRIPT_WORD})?)\s*[–—-]\s+(?=\S)")


def cut_dateline(text: str) -> Opening | None:
    """The dateline opening a lead paragraph, cut off, or ``None`` when there is none."""
    match = _CITY_PAREN.match(text)
    if match:
        paren = match.group("paren")
        agency = find_agency(paren)
        city = match.group("city")
        dated = bool(match.group("date")) or bool(
            re.search(r"\d{4}|\b\d{1,2}(?:st|nd|rd|th)\b", paren)
        )
        if agency or dated or (match.group("dash") and (city.isupper() or is_dateline_city(city))):
            return _opening(text, match.end(), agency)
    match = _CITY_SLASHED.match(text)
    if match and (agency := agency_name(match.group("agency").strip())):
        return _opening(text, match.end(), agency)
    match = _CITY_AGENCY.match(text)
    if match:
        agency = agency_name(match.group("agency"))
        if agency or match.group("agency").isupper():
            return _opening(text, match.end(), agency or match.group("agency"))
    match = _CITY_DASH.match(text)
    if match and (
        match.group("city").replace(" ", "").isupper() or is_dateline_city(match["city"])
    ):
        return _opening(text, match.end(), None)
    match = _CITY_COMMA.match(text)
    if (
        match
        and is_dateline_city(match.group("city"))
        and not _starts_with_place(text[match.end() :])
    ):
        return _opening(text, match.end(), None)
    match = _SCRIPT_AGENCY.match(text)
    if match:
        agency = agency_name(match.group("agency"))
        if agency:
            return _opening(text, match.end(), agency)
        if "(" in match.group(0) and is_dateline_city(match.group("city")):
            return _opening(text, match.end(), None)  # «مسقط (العالم) -»: an outlet we don't know
    match = _SCRIPT_CITY_DASH.match(text)
    if match and is_dateline_city(match.group("city")):
        return _opening(text, match.end(), None)
    return None


def _starts_with_place(text: str) -> bool:
    """ "Seoul sign …", "Iran and Oman …": a list of places, not a subject after a
    dateline ("Iranian officials …")."""
    first = re.match(r"[A-Z][\w'’-]*", text)
    if not first:
        return False
    from briefgen.gazetteer import gazetteer

    countries = {name.casefold() for name in gazetteer().names.values()}
    return is_dateline_city(first.group(0)) or first.group(0).casefold() in countries


def _opening(text: str, end: int, outlet: str | None) -> Opening:
    return Opening(text[:end].strip(" -–—:,"), text[end:].strip(), outlet)


# «به گزارش ایرنا،», «به گزارش «ایرنا»», «به نقل از …،»
_REPORT = r"(?:به\s*گزارش|به\s*نقل\s*از)"
_PERSIAN_ATTRIBUTION = re.compile(
    rf"(?:^|(?<=[.!?؟»]\s))(?P<all>{_REPORT}\s*(?:«(?P<quoted>[^»]{{1,60}})»\s*[،,:]?"
    rf"|(?P<source>[^،,؛:.!?؟«»]{{1,160}}?)\s*[،,؛]))\s*"
)
# «وأفادت وكالة مهر للأنباء، انه …», «نقلا عن وكالة …،»
_ARABIC_ATTRIBUTION = re.compile(
    r"^(?P<all>و?(?:أفادت|ذكرت|نقلت|أوردت|قالت|أعلنت)\s+(?P<source>(?:وكالة|قناة|صحيفة|موقع)"
    r"[^،,.]{1,80}?)\s*[،,]\s*(?:(?:ب?أن|ب?ان|أنه|انه)\s+)?"
    r"|و?(?:بحسب|حسب|نقلا\S*\s+عن)\s+(?P<source2>[^،,.]{1,80}?)\s*[،,]\s*)"
)
_ENGLISH_ATTRIBUTION = re.compile(
    r"^(?P<all>According to (?:the )?(?P<source>[^,]{2,50}),\s+)(?=\S)"
)
_MAX_SOURCE_WORDS = 25


def cut_attribution(text: str) -> Opening | None:
    """«به گزارش X،», «أفادت وكالة X،», "According to IRNA," at the start of ``text``
    (Persian also after a sentence end inside it), cut off; ``None`` when there is none.

    An English "According to" is cut only when it names an agency of the table."""
    prefixes: list[str] = []
    outlet: str | None = None
    rest = text
    for match in list(_PERSIAN_ATTRIBUTION.finditer(text))[::-1]:
        source = match.group("quoted") or match.group("source") or ""
        if len(source.split()) > _MAX_SOURCE_WORDS:
            continue
        prefixes.insert(0, match.group("all").strip(" ،,:؛"))
        if match.start() == 0:
            outlet = find_agency(source)
        rest = rest[: match.start()] + rest[match.end() :]
    if prefixes:
        return Opening(" | ".join(prefixes), rest.strip(), outlet)
    arabic = _ARABIC_ATTRIBUTION.match(text)
    if arabic:
        source = arabic.group("source") or arabic.group("source2") or ""
        rest = text[arabic.end() :].strip()
        return Opening(arabic.group("all").strip(" ،,"), rest, find_agency(source))
    english = _ENGLISH_ATTRIBUTION.match(text)
    if english and (agency := agency_name(english.group("source"))):
        return Opening(english.group("all").strip(" ,"), text[english.end() :].strip(), agency)
    return None


# "Iran PressWest Asia: …", «خبرایران: …», "Iran Press/Iran news: …"
_SOURCE_TAG = re.compile(r"^(?P<source>[^:：.!?؟«»\"“]{2,40})[:：]\s+(?=\S)")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")


def cut_source_tag(text: str) -> Opening | None:
    """An outlet's tag before a colon or glued to the lead ("Iran PressIran newsIn an
    online meeting …" → "In an online meeting …"), when it starts with a known agency."""
    match = _SOURCE_TAG.match(text)
    if match:
        source = match.group("source")
        agency = _leading_agency(source)
        if agency:
            return Opening(source.strip(), text[match.end() :].strip(), agency)
    agency_text = _agency_prefix(text)
    if agency_text and _GLUED.match(text, len(agency_text)):
        window = text[len(agency_text) : len(agency_text) + 30]
        cuts = [m.start() for m in _GLUED.finditer(window)]
        end = len(agency_text) + cuts[-1]
        return Opening(text[:end], text[end:].strip(), agency_name(agency_text))
    return None


@functools.cache
def _reporting() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, lang.words("names", "reporting_verbs")))
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


@functools.cache
def _persian_verb_end() -> re.Pattern[str]:
    endings = "|".join(map(re.escape, lang.words("names", "verb_endings", ["fa"])))
    return re.compile(rf"(?:{endings})$")


def cut_source_name(text: str, language: str) -> Opening | None:
    """A short name with no verb before a colon opening the lead («نصر: …»): an agency
    or desk, not "He added:". It names the outlet when it is an agency, holds an outlet
    word or is one word."""
    match = _SOURCE_TAG.match(text)
    if not match:
        return None
    source = match.group("source").strip()
    tokens = _fold(source).split()
    if not 1 <= len(tokens) <= 4 or _reporting().search(source):
        return None
    if language == "fa":
        if len(tokens) > 2 or _persian_verb_end().search(tokens[-1]):
            return None
    elif not all(t[:1].isupper() for t in tokens if t[:1].isalpha()):
        return None
    if is_dateline_city(source) or _is_place(source):
        return Opening(source, text[match.end() :].strip(), None)  # "ISLAMABAD:": a dateline
    named = agency_name(source) or (
        source if bp.has_outlet_word(source) or len(tokens) == 1 else None
    )
    return Opening(source, text[match.end() :].strip(), named)


def _is_place(text: str) -> bool:
    """A city or country name and nothing else ("KARACHI", «دمشق»)."""
    from briefgen.gazetteer import gazetteer, place_key

    key = place_key(text.strip())
    mentions = gazetteer().find(key.title() if key.isupper() else key)
    return len(mentions) == 1 and mentions[0].start == 0 and mentions[0].end >= len(key) - 1


def _agency_prefix(text: str) -> str | None:
    """The agency form ``text`` starts with, glued to a capital after it."""
    _, _, glued = _agencies()
    match = glued.match(text)
    return match.group(0) if match else None


def _leading_agency(source: str) -> str | None:
    whole = agency_name(source)
    if whole:
        return whole
    first = re.split(r"\s*/\s*|(?<=[a-z])(?=[A-Z])", source.strip())[0]
    return agency_name(first)


_CITY_BYLINE = re.compile(r"^(?P<city>\S+(?:\s\S+)?)\s+[–—-]\s+(?P<name>[^-–—]+?)\s*$")


def city_byline(line: str) -> tuple[str, str] | None:
    """(city, name) of a line such as «القاهرة – علا عبد الرشيد»: a dateline with the
    reporter's name, not a headline; ``None`` for other lines."""
    match = _CITY_BYLINE.match(line.strip())
    if not match or len(line.split()) > 7 or re.search(r"[.!?؟:؛]\s*$", line):
        return None
    city, name = match.group("city"), match.group("name")
    if not is_dateline_city(city) or not 1 <= len(name.split()) <= 4:
        return None
    return city, name
