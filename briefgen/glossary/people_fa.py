"""People in Persian and Arabic text: glossary names, and names the text gives a role.

Persian has no capitals, so a name is told from the words around it. A *title* is a role
head («وزیر», «معاون اول وزارت», «سفیر», «دبیرکل», Arabic «وزير», …) and the title words
after it: known phrases («توسعه دیجیتال», «ارتباطات»), countries («قرقیزستان», «کره
جنوبی», Arabic adjectives such as «المصري») and fillers («کشور», «و»). A *name* is a run of
up to four words that are none of these, no stop word and no common news word, right before
the head («<name> وزیر ارتباطات ازبکستان», «با Ucharal Naym-Osor، وزیر …») or right after the
title («وزير … <name>»), with a glued honorific removed.

A person outside the glossary needs two name words and, as evidence that the words are a
name, a country in the title, a known given name first, or quotation marks («…»).

The English title is composed from the parts: the country's adjective, the head, and "of"
with the phrases when every title word is known ("Kyrgyz Minister of Digital
Development"), else without them ("Kyrgyz Minister"); a glossary title the phrase is
(«وزیر ارتباطات و فناوری اطلاعات» → "Minister of ICT") wins; «سفیر A در B» is "A'
Ambassador to B".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from briefgen import lang
from briefgen.glossary.match import Hit, fold
from briefgen.glossary.model import Glossary
from briefgen.glossary.people import NamedPerson, demonym_names, person_hits, title_vocabulary
from briefgen.text.names import latin_skeleton, skeleton, strip_honorifics
from briefgen.text.persian import fold_letters, has_arabic_script

_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_MAX_NAME_WORDS = 4
_MIN_NAME_WORDS = 2
_MAX_TITLE_WORDS = 14
_AMBASSADOR_IN = "در"
_HOME = "IR"


@dataclass(frozen=True)
class _Token:
    text: str  # folded
    start: int  # offsets in the original text
    end: int


def _tokens(text: str) -> list[_Token]:
    folded, origin = fold(text)
    return [
        _Token(m.group(0), origin[m.start()], origin[m.end() - 1] + 1)
        for m in _TOKEN.finditer(folded)
    ]


@functools.cache
def _table(key: str) -> dict[tuple[str, ...], str]:
    """A Persian/Arabic phrase table as word tuples (folded) → English."""
    table = lang.table("names", key, ["fa", "ar"])
    phrases = {
        tuple(fold_letters(phrase).replace("‌", " ").split()): english[0]
        for phrase, english in table.items()
    }
    if key == "role_heads":  # Arabic writes a head with its article: «السفير», «الوزير»
        for words, english in list(phrases.items()):
            if not words[0].startswith("ال"):
                phrases.setdefault(("ال" + words[0], *words[1:]), english)
    return phrases


@functools.cache
def _stop_words(language: str) -> frozenset[str]:
    from stop_words import get_stop_words

    words = set(get_stop_words("persian")) | set(get_stop_words("arabic"))
    words |= set(lang.words("names", "not_name_words", ["fa"]))
    words |= set(lang.words("names", "name_stop_words", ["fa"]))
    words |= set(lang.words("names", "honorifics", ["fa"]))
    return frozenset(fold_letters(w) for w in words)


@functools.cache
def _given_names() -> frozenset[str]:
    return frozenset(latin_skeleton(n) for n in lang.words("names", "given_names", ["fa"]))


def _longest(table: dict[tuple[str, ...], str], tokens: list[_Token], i: int) -> tuple[int, str]:
    """(tokens, English) of the longest phrase of ``table`` at ``i``; the last word may
    carry an ezafe («صنعت هوا و فضای قزاقستان»). (0, "") for none."""
    best = (0, "")
    for size in range(1, 5):
        words = tuple(t.text for t in tokens[i : i + size])
        if len(words) < size:
            break
        english = table.get(words)
        if english is None and words[-1].endswith("ی") and len(words[-1]) > 2:
            english = table.get((*words[:-1], words[-1][:-1]))
        if english is not None:
            best = (size, english)
    return best


def _country(tokens: list[_Token], i: int) -> tuple[int, str | None]:
    """(tokens, alpha-2 code) of a country named at ``i`` («کره جنوبی», «المصري», «فضای
    قزاقستان» is not one: the ezafe is on the word before)."""
    from briefgen.gazetteer import gazetteer

    places = gazetteer()
    for size in (3, 2, 1):
        words = [t.text for t in tokens[i : i + size]]
        if len(words) < size:
            continue
        phrase = " ".join(words)
        variants = [phrase]
        if phrase.startswith("ال") and size == 1:
            variants.append(phrase[2:])  # Arabic article: «المصري» → «مصری»
        for variant in variants:
            codes = places.surfaces.get(variant)
            if codes:
                return size, codes[0]
    return 0, None


@dataclass
class _Title:
    start: int  # token span
    end: int
    head: str
    phrases: list[str]
    countries: list[str]
    ambassador_to: str | None = None
    qualifier: str = ""
    unknown_words: bool = False  # words no table knows stand before the country


_MAX_UNKNOWN_TITLE_WORDS = 2


def _is_city(tokens: list[_Token], i: int, size: int) -> bool:
    from briefgen.gazetteer import gazetteer

    return " ".join(t.text for t in tokens[i : i + size]) in gazetteer().cities


def _words_before_country(tokens: list[_Token], j: int) -> int:
    """How many words at ``j`` (one or two, none a stop word) stand right before a
    country's name (not a city's) that ends a title, or 0."""
    stops = _stop_words("fa")
    for skip in range(1, _MAX_UNKNOWN_TITLE_WORDS + 1):
        word = tokens[j + skip - 1].text if j + skip - 1 < len(tokens) else ""
        if not re.fullmatch(r"[^\W\d_]{2,}", word) or word in stops:
            return 0
        size, code = _country(tokens, j + skip)
        if code:
            return 0 if _is_city(tokens, j + skip, size) else skip
    return 0


def _title_at(tokens: list[_Token], i: int) -> _Title | None:
    """The title whose head is at token ``i``, or None."""
    size, head = _longest(_table("role_heads"), tokens, i)
    if not size:
        return None
    title = _Title(i, i + size, head, [], [])
    fillers = {fold_letters(w) for w in lang.words("names", "title_fillers", ["fa"])}
    j = i + size
    while j < len(tokens) and j - i < _MAX_TITLE_WORDS:
        qualifier = _longest(_table("title_qualifiers"), tokens, j)
        if qualifier[0]:
            title.qualifier = qualifier[1]
            j += qualifier[0]
            title.end = j
            continue
        count, code = _country(tokens, j)
        if code and _is_city(tokens, j, count):
            break  # «وزیر ارتباطات در تاشکند»: where the minister is, not whose he is
        if code:
            if title.countries and tokens[j - 1].text == _AMBASSADOR_IN:
                title.ambassador_to = code
            else:
                title.countries.append(code)
        else:
            count, english = _longest(_table("title_phrases"), tokens, j)
            if count:
                title.phrases.append(english)
            elif tokens[j].text in fillers:
                j += 1
                continue
            elif skip := _words_before_country(tokens, j):
                title.unknown_words = True  # «وزیر فناوری‌های دیجیتال ازبکستان»
                j += skip
                continue
            else:
                break
        j += count
        title.end = j
    return title


def _english(title: _Title) -> str:
    """ "Kyrgyz Minister of Digital Development", "Iranian Ambassador to Armenia"."""
    country = next((c for c in title.countries if c != _HOME), None)
    country = country or (title.countries[0] if title.countries else None)
    words = [title.qualifier] if title.qualifier else []
    words += [demonym_names().get(country, "")] if country else []
    words.append(title.head)
    phrases = [] if title.unknown_words else list(dict.fromkeys(title.phrases))
    if phrases:
        listed = ", ".join(phrases[:-1]) + " and " + phrases[-1] if len(phrases) > 1 else phrases[0]
        words.append("of " + listed)
    if title.ambassador_to:
        from briefgen.gazetteer import gazetteer

        words.append("to " + gazetteer().name(title.ambassador_to))
    return " ".join(w for w in words if w)


def persian_people(
    text: str, language: str, glossary: Glossary, loose: list[str] | None = None
) -> list[NamedPerson]:
    """Glossary people and titled names in Persian or Arabic ``text``, in order; titles of
    Iran's officials that name nobody («وزیر ارتباطات در این سفر …») go to ``loose``."""
    tokens = _tokens(text)
    hits = person_hits(glossary.find_persian(text))
    first_token = {t.start: i for i, t in enumerate(tokens)}
    last_token = {t.end: i for i, t in enumerate(tokens)}
    ending = {last_token[h.end]: h for h in hits if h.end in last_token}
    starting = {first_token[h.start]: h for h in hits if h.start in first_token}
    vocabulary = title_vocabulary(glossary).words
    stops = _stop_words(language)

    def is_name(token: _Token) -> bool:
        word = token.text
        return (
            len(word) >= 2
            and not re.search(r"[\d_]", word)
            and re.match(r"\w", word) is not None
            and word not in stops
            and word.casefold() not in vocabulary
            and not _longest(_table("role_heads"), [token], 0)[0]
            and not _longest(_table("title_phrases"), [token], 0)[0]
            and not _country([token], 0)[1]
        )

    people: list[NamedPerson] = []
    i = 0
    while i < len(tokens):
        title = _title_at(tokens, i)
        if title is None:
            i += 1
            continue
        english = _title_english(glossary, text, tokens, title)
        surface = text[tokens[title.start].start : tokens[title.end - 1].end]
        before = len(people)
        # the name before the title: «<name> وزیر …», «<name>، وزیر …»
        k = title.start - 1
        while k >= 0 and tokens[k].text in ("،", ",", "»", '"'):
            k -= 1
        if k in ending:
            people.append(_glossary_person(ending[k], english, surface))
        else:
            first = k
            while first >= 0 and k - first < _MAX_NAME_WORDS and is_name(tokens[first]):
                first -= 1
            if first < 0 or not is_name(tokens[first]):
                people += _outside(glossary, text, tokens, first + 1, k, title, english, surface)
        # the name after the title: «وزير … <name>»
        j = title.end
        while j < len(tokens) and tokens[j].text in ("«", '"'):
            j += 1
        if j in starting:
            people.append(_glossary_person(starting[j], english, surface))
        elif title.countries:
            last = j
            while last < len(tokens) and last - j < _MAX_NAME_WORDS and is_name(tokens[last]):
                last += 1
            if last >= len(tokens) or not is_name(tokens[last]):
                people += _outside(glossary, text, tokens, j, last - 1, title, english, surface)
        if loose is not None and len(people) == before and not title.countries:
            loose.append(english)
        i = max(title.end, i + 1)
    people += [_glossary_person(hit, None, None) for hit in hits]  # named without a title
    people += _coordinated(text, tokens, people, is_name)
    return sorted(_first_of_each(people), key=lambda p: p.start)


_AND = "و"


def _coordinated(
    text: str, tokens: list[_Token], people: list[NamedPerson], is_name: Callable[[_Token], bool]
) -> list[NamedPerson]:
    """Names joined by «و» to a person already found («سیدکاظم سجادی و هاکوپ آرشاکیان
    دیدار کردند»): two to four name words, the first a known given name, the run bounded by
    punctuation, a stop word or the text's edge. Such a pair meets or speaks together."""
    first_token = {t.start: i for i, t in enumerate(tokens)}
    last_token = {t.end: i for i, t in enumerate(tokens)}
    found: list[NamedPerson] = []
    for person in people:
        begin, finish = first_token.get(person.start), last_token.get(person.end)
        if begin is not None and begin >= 1 and tokens[begin - 1].text == _AND:
            last = begin - 2  # «<name> و <person>»
            first = last
            while first >= 0 and last - first < _MAX_NAME_WORDS and is_name(tokens[first]):
                first -= 1
            found += _given_name_run(text, tokens, first + 1, last, is_name)
        if finish is not None and finish + 1 < len(tokens) and tokens[finish + 1].text == _AND:
            first = finish + 2  # «<person> و <name>»
            last = first
            while last < len(tokens) and last - first < _MAX_NAME_WORDS and is_name(tokens[last]):
                last += 1
            if last >= len(tokens) or not is_name(tokens[last]):
                found += _given_name_run(text, tokens, first, last - 1, is_name)
    # a run holding a name already found is that person («سعید المعولی»: Al Maawali)
    return [f for f in found if not any(p.start < f.end and f.start < p.end for p in people)]


def _given_name_run(
    text: str, tokens: list[_Token], first: int, last: int, is_name: Callable[[_Token], bool]
) -> list[NamedPerson]:
    """The person named by tokens ``first..last`` when they start with a given name and
    nothing but punctuation, a stop word or the edge of the text comes before them."""
    if (
        first < 0
        or last - first + 1 < _MIN_NAME_WORDS
        or (first > 0 and is_name(tokens[first - 1]))
    ):
        return []
    start, end = tokens[first].start, tokens[last].end
    name = strip_honorifics(text[start:end])
    if len(name.split()) < _MIN_NAME_WORDS or skeleton(name.split()[0]) not in _given_names():
        return []
    return [NamedPerson(name, None, text[start:end], start, end, None, None)]


def _title_english(glossary: Glossary, text: str, tokens: list[_Token], title: _Title) -> str:
    phrase = text[tokens[title.start].start : tokens[title.end - 1].end]
    for hit in glossary.find_persian(phrase):
        if hit.entry.type == "title" and hit.start == 0 and hit.end >= len(phrase) - 1:
            return hit.entry.canonical
    return _english(title)


def _glossary_person(hit: Hit, title: str | None, surface: str | None) -> NamedPerson:
    return NamedPerson(hit.entry.canonical, hit.entry, hit.text, hit.start, hit.end, title, surface)


def _outside(
    glossary: Glossary,
    text: str,
    tokens: list[_Token],
    first: int,
    last: int,
    title: _Title,
    english: str,
    surface: str,
) -> list[NamedPerson]:
    """A person outside the glossary named by tokens ``first..last``, when the words are
    evidence enough of a name (see the module docstring)."""
    if last - first + 1 < _MIN_NAME_WORDS or first < 0:
        return []
    start, end = tokens[first].start, tokens[last].end
    name = strip_honorifics(text[start:end])
    if len(name.split()) < _MIN_NAME_WORDS:
        return []
    quoted = start > 0 and text[start - 1] == "«"
    given = skeleton(name.split()[0]) in _given_names()
    foreign = any(code != _HOME for code in title.countries)
    if not (quoted or given or foreign):
        return []
    if not has_arabic_script(name):  # a Latin name in Persian text: a glossary form?
        for hit in person_hits(glossary.find_english(name)):
            if hit.start == 0 and hit.end == len(name):
                return [
                    NamedPerson(hit.entry.canonical, hit.entry, name, start, end, english, surface)
                ]
    return [NamedPerson(name, None, text[start:end], start, end, english, surface)]


def _first_of_each(people: list[NamedPerson]) -> list[NamedPerson]:
    """One person per entry (or name); a titled mention wins over an untitled one."""
    chosen: dict[str, NamedPerson] = {}
    for person in people:
        key = person.entry.id if person.entry else person.name
        old = chosen.get(key)
        if old is None or (old.title is None and person.title is not None):
            chosen[key] = person if old is None else _earliest(old, person)
    return list(chosen.values())


def _earliest(old: NamedPerson, new: NamedPerson) -> NamedPerson:
    """``new`` (which has a title) placed where the person was first named."""
    from dataclasses import replace

    return replace(new, start=min(old.start, new.start))
