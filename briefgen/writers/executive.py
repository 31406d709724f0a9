"""The executive summary on the front page: one line per country section, the week's main
development, so that a reader who stops at page 1 knows what happened.

A section's main development is its top entry — the story reported most often (merged
duplicates count), else the first entry in section order (newest first) — told by the
first sentence of that entry's summary: what happened, without the dateline or agency
credit a lead may open with ("Tehran (IP) –", «به گزارش ایرنا،»), cut at a clause
boundary when it runs long. Every writer prints the same lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from briefgen import lang
from briefgen.gazetteer import gazetteer
from briefgen.model import Article, Brief, CountrySection
from briefgen.writers.common import entries, is_rtl

EXECUTIVE_SUMMARY = "Executive summary"
#: A line is cut near this many words (at a clause boundary when there is one).
MAX_WORDS = 32
_MIN_CUT_SHARE = 0.6  # a clause boundary this far into the limit is a good place to cut

# Openings that are metadata, not what happened: "TEHRAN, Mar. 3 (MNA) –", "Tehran (IP) -",
# "Tehran, IRNA –", "Qom, Feb 1, IRNA –", "Iran Press/Iran news:", "By Trend",
# «به گزارش خبرگزاری مهر،», «تهران – ایرنا -».
_CITY = r"[A-Z][A-Za-z.\-]+(?: [A-Z][A-Za-z.\-]+){0,2}"
_CAPS_CITY = r"[A-Z][A-Z.\-]+(?: [A-Z][A-Z.\-]+){0,2}"
_DATE = r"(?:,? [A-Z][a-z]{2,8}\.? \d{1,2}(?:, ?\d{4})?)?"
_DASH = r" ?[-–—]+ ?"
_DATELINES = [
    # "TEHRAN –", "TEHRAN (FNA)-", "TEHRAN, Mar. 3 (MNA) –"
    re.compile(rf"^{_CAPS_CITY}{_DATE},? ?(?:\([^)]{{0,80}}\))?{_DASH}"),
    # "Tehran (IP) -", "Tehran(IP) -", "Tehran, (APP - … 2024)"
    re.compile(rf"^{_CITY}{_DATE},? ?\([^)]{{0,80}}\)(?:{_DASH}| )"),
    # "Tehran, IRNA –", "Qom, Feb 1, IRNA –"
    re.compile(rf"^{_CITY}{_DATE}, ?[A-Z]{{2,6}}{_DASH}"),
    # "Iran Press/Iran news:", "By Trend"
    re.compile(r"^[A-Z][\w ]{1,25}/[\w ]{1,25}: ?"),
    re.compile(r"^By [A-Z][\w.]+\s+"),
    # «به گزارش خبرگزاری مهر،», «تهران – ایرنا -»
    re.compile(r"^به گزارش [^،,.]{1,80}[،,]\s*"),
    re.compile(r"^[^\W\d_A-Za-z]{2,12}\s*[-–]\s*[^\W\d_A-Za-z ]{2,20}\s*[-–:]\s*"),
]
# "Tehran, Iranian Minister … met": a city and a comma before the sentence proper.
_CITY_COMMA = re.compile(r"^([A-Z][a-z]+), (?=[A-Z])")
_QUOTES = "\"“”«»'’"
_OPENING_QUOTES = ("“", "«")
_CLOSING_QUOTES = ('"', "”", "»")
_CLAUSE_BREAK = re.compile(r"[,;،؛]$|^[–—]$")


@dataclass(frozen=True)
class ExecutiveLine:
    """One line of the executive summary."""

    number: int  # the section's position in the brief, from 1 (its bookmark)
    country: str
    text: str
    article: Article  # the entry the line tells

    @property
    def rtl(self) -> bool:
        return is_rtl(self.text)


def executive_summary(brief: Brief) -> list[ExecutiveLine]:
    """One line per country section, in section order."""
    lines = []
    for number, section in enumerate(brief.sections, 1):
        top = main_entry(section)
        if top is not None:
            lines.append(ExecutiveLine(number, section.country, main_development(top), top))
    return lines


def main_entry(section: CountrySection) -> Article | None:
    """The section's top entry: most reports, else first in section order."""
    items = entries(section)
    if not items:
        return None
    return max(items, key=lambda a: (len(a.also_reported_by), -items.index(a)))


def main_development(article: Article) -> str:
    """What happened, in one line: the entry's first summary sentence that stands on its
    own (not "He added…"), else its headline, in English when there is English, without
    a dateline, cut near :data:`MAX_WORDS` words."""
    candidates = [drop_dateline(s.shown) for s in article.summary]
    candidates.append(drop_dateline(article.shown_headline))
    candidates = [c for c in candidates if c]
    if not candidates:
        return article.name
    english = [c for c in candidates if not is_rtl(c)]
    pool = english or candidates
    return shorten(next((c for c in pool if stands_alone(c)), pool[0]))


def stands_alone(sentence: str) -> bool:
    """Whether ``sentence`` can be read without the one before it: it does not open with
    a pronoun or connective (``lang/<code>/front.toml``) nor inside a quotation."""
    text = sentence.strip()
    if not text or text[0] in _QUOTES:
        return False
    if _quote_began_before(text):
        return False
    folded = " ".join(text.casefold().split())
    forms = [folded]
    if folded.startswith("و") and len(folded.split()[0]) > 2:  # Arabic «و» "and" + word
        forms.append(folded[1:])
    return not any(
        form == opener or form.startswith((opener + " ", opener + ","))
        for form in forms
        for opener in _dangling_openers()
    )


def _quote_began_before(text: str) -> bool:
    """Whether ``text`` closes a quotation it did not open («…» and “…”, or an odd
    number of straight quotes): it is the end of a quotation begun in an earlier sentence."""
    for opening, closing in (("“", "”"), ("«", "»")):
        close = text.find(closing)
        if close >= 0 and not 0 <= text.find(opening) < close:
            return True
    return text.count('"') % 2 == 1


@functools.cache
def _dangling_openers() -> tuple[str, ...]:
    return tuple(w.casefold() for w in lang.words("front", "dangling_openers"))


def drop_dateline(text: str) -> str:
    """``text`` without an opening dateline or agency credit (capitalized again)."""
    text = " ".join(text.split())
    for pattern in _DATELINES:
        match = pattern.match(text)
        rest = text[match.end() :] if match else ""
        if match and len(rest.split()) >= 4:
            return rest[:1].upper() + rest[1:]
    city = _CITY_COMMA.match(text)
    if city and _is_city(city.group(1)) and not _is_place_name(text[city.end() :].split()[0]):
        return text[city.end() :]
    return text


def shorten(text: str, max_words: int = MAX_WORDS) -> str:
    """``text`` cut near ``max_words`` words: at the last clause boundary past 60 % of
    the limit, else at the limit, with "…"."""
    words = text.split()
    if len(words) <= max_words:
        return text
    head = words[:max_words]
    for index in range(max_words - 1, int(max_words * _MIN_CUT_SHARE) - 1, -1):
        if _CLAUSE_BREAK.search(head[index]):
            head = head[:index] if head[index] in ("–", "—") else head[: index + 1]
            break
    last = head[-1].rstrip(",;،؛–—")
    head = [*head[:-1], last] if last else head[:-1]
    return " ".join(head) + " …"


def _is_city(word: str) -> bool:
    """Whether ``word`` is a city the gazetteer knows (not a country's name)."""
    return word in gazetteer().cities


def _is_place_name(word: str) -> bool:
    """Whether ``word`` is a city or a country's name ("Tehran, Moscow sign…")."""
    places = gazetteer()
    return word in places.cities or word in places.names.values()
