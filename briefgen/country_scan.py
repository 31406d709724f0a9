"""The role of each country a text names: the partner's officials, a venue, or background.

The roles (counterpart, venue, background, ignored, mention) and the words that give
them are listed in :mod:`briefgen.country_roles`.

English puts the country before the title ("the Turkish minister", "Korea's Science
Minister") or links them ("Minister … of South Africa"); Persian and Arabic put the title
first and the country after it in the same noun phrase. The words are data
(:mod:`briefgen.country_roles`); the text is the compared text of
:func:`briefgen.gazetteer.place_key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.country_roles import (
    BACKGROUND,
    COUNTERPART,
    IGNORED,
    MENTION,
    VENUE,
    RoleWords,
    WordSet,
    role_words,
)
from briefgen.gazetteer import HOME, PlaceMention, gazetteer, place_key

_TOKEN = re.compile(r"['’]s(?!\w)|\w+|[^\w\s]")
_SENTENCE_END = frozenset(".!?؟;؛:")
# Punctuation a Persian/Arabic title phrase may hold: «معاون … دیجیتال، نوآوری و …».
_PHRASE_PUNCTUATION = frozenset('،,()«»"-–')
_QUOTES = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")
_MENU_SEPARATORS = frozenset("/|")
# What may stand between a venue and a place beside it: "in Bucharest, Romania", "in
# South Korea's capital Seoul", «در ژنو، سوئیس».
_VENUE_LINKS = frozenset({"'s", "’s", ",", "،", "(", ")"})
_FORWARD_TITLE_TOKENS = 7  # "South Korea's Science, ICT and Future Planning Minister"
_BACKWARD_TITLE_TOKENS = 9  # «معاون اول وزارت توسعه دیجیتال، نوآوری و صنعت … قزاقستان»
_HOME_BEFORE_TITLE_TOKENS = 3  # "Iranian Ambassador to Armenia": Iran's official
_BACKGROUND_WORDS = 3  # "the US unilateral sanctions", «تحریم‌های آمریکا»
_INVITATION_WORDS = 20  # «به دعوت مشترک کمیسیون … (اسکاپ) و همتای کره‌ای خود»
_OUTLET_TOKENS = 2  # "Pakistan Point News"


@dataclass(frozen=True)
class RoledMention:
    """A country mention and the role its sentence gives it."""

    mention: PlaceMention
    role: str

    @property
    def codes(self) -> tuple[str, ...]:
        return self.mention.codes


def mention_roles(text: str, language: str, *, event: bool) -> list[RoledMention]:
    """Every country ``text`` names, with its role. ``event``: the story names an
    international event or organisation, so "in <country>" is the event's venue."""
    key = place_key(text)
    words = role_words(language)
    scan = _Scan(key, gazetteer().find(key, compared=True), words)
    quoted = _quotes_after_a_post(key, words)
    roled = []
    for index, mention in enumerate(scan.mentions):
        inside = any(s <= mention.start and mention.end <= e for s, e in quoted)
        role = scan.role(index, event=event, quoted=inside)
        scan.roles.append(role)
        roled.append(RoledMention(mention, role))
    return roled


def _quotes_after_a_post(key: str, words: RoleWords) -> list[tuple[int, int]]:
    """The quotes of ``key`` with a post word before them (as searching the text up to
    each quote), in linear time: nothing before the first post can qualify, and once
    one quote does, every later one does."""
    quotes = [(match.start(), match.end()) for match in _QUOTES.finditer(key)]
    first = words.posts.first_start(key) if quotes else None
    if first is None:
        return []
    for index, (start, _end) in enumerate(quotes):
        if start >= first and words.posts.search(key[:start]):
            return quotes[index:]
    return []


class _Scan:
    """The tokens of one compared text, which mention each token belongs to, and the
    roles read so far (a venue's apposition takes the venue's role)."""

    def __init__(self, key: str, mentions: list[PlaceMention], words: RoleWords) -> None:
        self.tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(key)]
        self.mentions = mentions
        self.words = words
        self.roles: list[str] = []
        self.owner: list[int | None] = [None] * len(self.tokens)
        self.spans: list[tuple[int, int]] = []
        position = 0
        for number, mention in enumerate(mentions):
            while position < len(self.tokens) and self.tokens[position][2] <= mention.start:
                position += 1
            first = position
            while position < len(self.tokens) and self.tokens[position][1] < mention.end:
                self.owner[position] = number
                position += 1
            self.spans.append((first, max(position, first + 1)))
        # Sentence bounds per token, read once: looking them up per mention would cost
        # the square of a long text without sentence ends.
        count = len(self.tokens)
        self.sentence_start = [0] * count
        self.sentence_end = [count] * count
        start = 0
        for index, (word, _start, _end) in enumerate(self.tokens):
            self.sentence_start[index] = start
            if word in _SENTENCE_END:
                start = index + 1
        end = count
        for index in range(count - 1, -1, -1):
            if self.tokens[index][0] in _SENTENCE_END:
                end = index
            self.sentence_end[index] = end

    # --- helpers ---------------------------------------------------------------------

    def text(self, index: int) -> str:
        return self.tokens[index][0] if 0 <= index < len(self.tokens) else ""

    def is_home(self, index: int) -> bool:
        owner = self.owner[index] if 0 <= index < len(self.tokens) else None
        return owner is not None and self.mentions[owner].codes[0] == HOME

    def sentence(self, a: int, b: int) -> tuple[int, int]:
        """Token range of the sentence holding tokens ``a``…``b - 1``."""
        count = len(self.tokens)
        start = self.sentence_start[a] if a < count else count
        end = self.sentence_end[b] if b < count else count
        return start, end

    def any_in(self, start: int, end: int, words: WordSet) -> bool:
        return any(self.owner[k] is None and self.text(k) in words for k in range(start, end))

    def words_before(self, a: int, start: int, count: int) -> int:
        """The first token of the ``count`` words (punctuation not counted) before ``a``."""
        k = a
        while k > start and count > 0:
            k -= 1
            count -= self.text(k)[:1].isalnum()
        return k

    def words_after(self, b: int, end: int, count: int) -> int:
        """The token after the ``count`` words (punctuation not counted) from ``b``."""
        k = b
        while k < end and count > 0:
            count -= self.text(k)[:1].isalnum()
            k += 1
        return k

    # --- roles -----------------------------------------------------------------------

    def role(self, index: int, *, event: bool, quoted: bool) -> str:
        a, b = self.spans[index]
        if self.mentions[index].codes[0] == HOME:
            return MENTION
        if self.ignored(a, b):
            return IGNORED
        start, end = self.sentence(a, b)
        background = self.words.background
        before = self.words_before(a, start, _BACKGROUND_WORDS)
        if self.any_in(before, a, background):
            return BACKGROUND
        if self.any_in(b, self.words_after(b, end, _BACKGROUND_WORDS), background):
            return BACKGROUND
        invited = self.words_before(a, start, _INVITATION_WORDS)
        if self.any_in(invited, a, self.words.invitation):
            return BACKGROUND
        if self.counterpart(a, b):
            return COUNTERPART
        if quoted:
            return BACKGROUND
        if event and self.venue(a):
            return VENUE
        return MENTION

    def ignored(self, a: int, b: int) -> bool:
        """An item of a language menu, or the first words of an outlet's name."""
        names = self.words.language_names
        if self.text(a - 1) in _MENU_SEPARATORS and self.text(a - 2) in names:
            return True
        if self.text(b) in _MENU_SEPARATORS and self.text(b + 1) in names:
            return True
        if self.words.arabic_script:
            return False
        for k in range(b, b + _OUTLET_TOKENS):
            word = self.text(k)
            if not word[:1].isupper():
                return False
            if word in self.words.outlet:
                return True
        return False

    def counterpart(self, a: int, b: int) -> bool:
        """Whether the mention names the country of an official or institution."""
        if self.words.arabic_script:
            return self.title_before(a)
        return self.title_after(b) or self.title_linked(a)

    def title_after(self, b: int) -> bool:
        """English: "the Turkish minister", "South Korea's Science and ICT Minister"."""
        k, steps, cases = b, 0, set()
        while k < len(self.tokens) and steps < _FORWARD_TITLE_TOKENS:
            word = self.text(k)
            if self.owner[k] is not None:
                if self.is_home(k):
                    return False
                k, steps = self.spans[self.owner[k] or 0][1], steps + 1  # a name: one step
                continue
            if word in self.words.official:
                return True
            if not self.in_english_phrase(word, self.text(k + 1)):
                return False
            if word[:1].isalpha() and word not in self.words.title_fillers:
                cases.add(word[:1].isupper())
            if len(cases) > 1:  # "Baku and met ITU officials": two phrases, not one
                return False
            k, steps = k + 1, steps + 1
        return False

    def in_english_phrase(self, word: str, following: str) -> bool:
        """Whether ``word`` may stand inside an English title phrase: a word that is no
        chain breaker ("Science", "digital", "and"), brackets, a comma before a
        capitalized word ("Science, ICT and Future Planning Minister")."""
        if word == ",":
            return following[:1].isupper()
        if word in "()&" or word in self.words.title_fillers:
            return True
        return word[:1].isalnum() and word.casefold() not in self.words.chain_breakers

    def title_linked(self, a: int) -> bool:
        """English: "Minister of Communications and Digital Technologies of South Africa"."""
        k = a - 1
        while self.text(k).casefold() == "the":
            k -= 1
        if self.text(k) not in self.words.title_links:
            return False
        # "of" ends a title phrase ("Minister of Transport … of Azerbaijan"); "from"
        # follows the title itself ("a delegation from Russia"), not a verb ("back from").
        reach = _FORWARD_TITLE_TOKENS + 2 if self.text(k).casefold() == "of" else 1
        k, steps = k - 1, 0
        while k >= 0 and steps < reach:
            word = self.text(k)
            if self.owner[k] is not None or word in _SENTENCE_END:
                return False
            if word in self.words.official:
                return not any(self.is_home(j) for j in range(k - _HOME_BEFORE_TITLE_TOKENS, k))
            if not self.in_english_phrase(word, self.text(k + 1)):
                return False
            k, steps = k - 1, steps + 1
        return False

    def title_before(self, a: int) -> bool:
        """Persian and Arabic: «وزیر ارتباطات ترکیه», «همتای کره‌ای», «السفير العراقي»."""
        k, steps = a - 1, 0
        while k >= 0 and steps < _BACKWARD_TITLE_TOKENS:
            word = self.text(k)
            if self.owner[k] is not None:
                if self.is_home(k):
                    return False
                k, steps = self.spans[self.owner[k] or 0][0] - 1, steps + 1  # a name: one step
                continue
            if not word[:1].isalnum() and word not in _PHRASE_PUNCTUATION:
                return False
            if word in self.words.official:
                return True
            if word in self.words.chain_breakers:
                return False
            k, steps = k - 1, steps + 1
        return False

    def venue(self, a: int) -> bool:
        """Whether a venue word comes before the mention ("in Geneva", «به سئول»), or the
        mention stands beside a venue ("in South Korea's capital Seoul")."""
        k = a - 1
        while k >= 0:
            owner = self.owner[k]
            if owner is not None:
                return owner < len(self.roles) and self.roles[owner] == VENUE
            word = self.text(k)
            if word not in self.words.venue_fillers and word not in _VENUE_LINKS:
                return word in self.words.venue
            k -= 1
        return False
