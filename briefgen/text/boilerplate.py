"""Recognizers for the lines of a scraped page that are not the article.

Each recognizer looks at one line's *structure* — its length, punctuation, share of
capitalized words, the interface vocabulary it is made of — rather than at the strings
of particular sites, so that new outlets are handled without new rules. The small
vocabularies are words of web page furniture ("Share", "Latest news", «ثبت نظر»,
«انتهای پیام») in each language, not text of any one outlet; they live in
``briefgen/lang/<code>/page.toml``.
"""

from __future__ import annotations

import functools
import re

from briefgen import lang
from briefgen.text.dates import date_coverage, find_dates, find_day_months
from briefgen.text.persian import normalize_digits, normalize_persian

_PUNCT = re.compile(r"[^\w\s#']+")
_DIGITS = re.compile(r"\d+")


@functools.lru_cache(maxsize=4096)
def line_key(line: str) -> str:
    """A comparison key: normalized letters, digits as ``#``, no punctuation, folded case."""
    text = normalize_persian(normalize_digits(line)).replace("\u200c", " ")
    text = _DIGITS.sub("#", text)
    text = _PUNCT.sub(" ", text.replace("’", "'"))
    return " ".join(text.casefold().split())


def _keys(phrases: tuple[str, ...]) -> frozenset[str]:
    """Comparison keys of phrases."""
    return frozenset(line_key(p) for p in phrases if p.strip())


def _alternatives(phrases: tuple[str, ...]) -> str:
    """A regex alternation of phrases, longest first; a space matches any spacing or none."""
    forms = sorted({normalize_persian(p).replace("\u200c", " ") for p in phrases}, key=len)
    return "|".join(re.escape(p).replace(r"\ ", r"\s*") for p in reversed(forms))


def _page(key: str) -> tuple[str, ...]:
    return lang.words("page", key)


def _norm(line: str) -> str:
    """The copy of a line the recognizers' patterns read: normalized, ZWNJ as a space."""
    return normalize_persian(line).replace("\u200c", " ")


# Headings that introduce lists of other stories.
RELATED_MARKERS = _keys(_page("related_markers"))
_MARKER_WITH_TEXT = re.compile(r"^\s*([^:：]{2,40})[:：]\s*(.*)$")

# Words of share/comment/print widgets; a line made only of them (and numbers) is a widget.
WIDGET_WORDS = _keys(_page("widget_words")) | {"#"}
# «انتهای پیام/», «پایان خبر», "(END)", "-END-": what follows is not the article.
_END_MARKER = re.compile(
    rf"^[\s/(\[\-–—*.]*(?:{_alternatives(_page('end_markers'))})[\s/)\]\-–—*.]*$",
    re.IGNORECASE,
)
_NEWS_CODE = re.compile(
    rf"(?:{_alternatives(_page('news_code_labels'))})\s*[:：#]?\s*\d", re.IGNORECASE
)
_DATE_LABEL = re.compile(
    rf"^\s*(?:{_alternatives(_page('date_labels'))})(?!\w)\s*[:：\-–]?\s*", re.IGNORECASE
)
_UPDATE_LABEL = re.compile(rf"^\s*(?:{_alternatives(_page('update_labels'))})(?!\w)", re.I)
_BYLINE_LABEL = re.compile(
    rf"^\s*(?:{_alternatives(_page('byline_labels'))})(?!\w)\s*[:：]?\s+\S", re.IGNORECASE
)
_BREADCRUMB_SEP = re.compile(r"\s[>»›|/]\s|^\S+\s*/$|[>»›]\s*$")
_SENTENCE_END = re.compile(r"[.!?؟…](?:[\"'”’»)\]]*)$")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
_NAME_PARTICLES = frozenset(lang.words("names", "name_particles"))
_OUTLET_WORDS = re.compile(rf"(?<!\w)(?:{_alternatives(_page('outlet_words'))})(?!\w)", re.I)


def words(line: str) -> list[str]:
    """Whitespace-separated words."""
    return line.split()


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence-final punctuation (closing quotes allowed)."""
    return bool(_SENTENCE_END.search(line.rstrip()))


def capitalized_share(line: str) -> float:
    """Share of Latin-script words that start with a capital letter (0 for other scripts)."""
    latin = _LATIN_WORD.findall(line)
    if not latin:
        return 0.0
    return sum(1 for w in latin if w[0].isupper()) / len(latin)


def is_prose(line: str) -> bool:
    """A line of running text: long enough, punctuated, not a run of title-cased headlines."""
    count = len(words(line))
    if capitalized_share(line) >= 0.5 and count >= 6:
        return False
    if count >= 8 and ends_sentence(line):
        return True
    return count >= 25


def is_headline_like(line: str) -> bool:
    """A short line that can be a headline: not prose, not too long, has letters."""
    count = len(words(line))
    return 1 <= count <= 30 and not is_prose(line) and any(ch.isalpha() for ch in line)


def related_marker(line: str) -> str | None:
    """``"alone"`` for a bare related-stories heading, ``"inline"`` for "Read more: Title"."""
    key = line_key(line)
    if key in RELATED_MARKERS:
        return "alone"
    match = _MARKER_WITH_TEXT.match(line)
    if match and line_key(match.group(1)) in RELATED_MARKERS:
        return "inline" if match.group(2).strip() else "alone"
    return None


def is_end_marker(line: str) -> bool:
    """An agency trailer such as «انتهای پیام/» after which the article is over."""
    return bool(_END_MARKER.match(normalize_persian(line)))


def is_widget(line: str) -> bool:
    """A share/comment/print widget: only interface words and numbers, and short."""
    tokens = line_key(line).split()
    return 0 < len(tokens) <= 8 and all(token in WIDGET_WORDS for token in tokens)


def has_letters(line: str) -> bool:
    """True when the line holds at least one letter."""
    return any(ch.isalpha() for ch in line)


def is_news_code(line: str) -> bool:
    """A line carrying a news ID («کد خبر: 101870»)."""
    return bool(_NEWS_CODE.search(normalize_persian(normalize_digits(line))))


def is_dateline(line: str, yearless: bool = True) -> bool:
    """A line that is about its date: mostly date and time, or a "Published:" label.

    With ``yearless``, a day and month without a year («دوشنبه، ۸ مهر») count as a date."""
    if len(words(line)) > 14:
        return False
    if not find_dates(line) and not (yearless and find_day_months(line)):
        return False
    if _DATE_LABEL.match(_norm(line)):
        return True
    place = _PLACE_BEFORE_DATE.match(line)  # "Baku, Azerbaijan, Feb. 5"
    if place and date_coverage(line[place.end() :]) >= 0.6:
        return True
    remainder = _NEWS_CODE.sub("", normalize_persian(normalize_digits(line)))
    return date_coverage(remainder) >= 0.3 or (is_news_code(line) and len(words(line)) <= 14)


_PLACE_BEFORE_DATE = re.compile(r"^(?:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?,\s*){1,2}(?=\S)")
_WEEKDAYS = re.compile(rf"^\s*(?:{_alternatives(_page('weekdays'))})(?!\w)\s*,?\s*$", re.I)


def is_date_label(text: str) -> bool:
    """ "Published:", "date", a weekday: words that may stand before a dateline's date."""
    text = normalize_persian(text).replace("\u200c", "")
    if not text.strip():
        return True
    text = text.replace("\u200c", " ")
    match = _DATE_LABEL.match(text)
    return bool(match and not text[match.end() :].strip()) or bool(_WEEKDAYS.match(text))


def is_publication_label(line: str) -> bool:
    """A line that says it carries the publication date ("Publish Date: ...")."""
    return bool(_DATE_LABEL.match(_norm(line))) and not _UPDATE_LABEL.match(_norm(line))


def is_update_label(text: str) -> bool:
    """True when ``text`` (what stands before a date) names an update ("Updated:")."""
    return bool(
        re.search(rf"(?:{_alternatives(_page('update_labels'))})(?!\w)\W*$", _norm(text), re.I)
    )


def is_byline(line: str) -> bool:
    """ "By Jane Doe", «خبرنگار: ...»: a labelled author line."""
    return len(words(line)) <= 10 and bool(_BYLINE_LABEL.match(_norm(line)))


def byline_name(line: str) -> str:
    """What a byline line names after its label ("By Trend" → "Trend")."""
    text = _norm(line)
    match = _BYLINE_LABEL.match(text)
    return text[match.end() - 1 :].strip() if match else text.strip()


def looks_like_name(line: str) -> bool:
    """Two to five capitalized words and nothing else: a person's name on its own line."""
    tokens = words(line.strip())
    if not 2 <= len(tokens) <= 5 or ends_sentence(line):
        return False
    for token in tokens:
        bare = token.strip(",.")
        if bare.casefold() in _NAME_PARTICLES or bare.casefold().startswith("al-"):
            continue
        if not (bare[:1].isupper() and bare.replace("-", "").replace("'", "").isalpha()):
            return False
    return True


def is_breadcrumb(line: str) -> bool:
    """A navigation trail such as "Home > News > ICT" or «خبر/»."""
    return len(words(line)) <= 8 and not ends_sentence(line) and bool(_BREADCRUMB_SEP.search(line))


def has_outlet_word(text: str) -> bool:
    """True when a word of ``text`` is, begins or ends with an outlet word ("News",
    «خبر»): "FarsNewsAgency", «خبرایران»."""
    forms = [
        normalize_persian(w).casefold() for w in _page("outlet_words") + _page("outlet_affixes")
    ]
    for token in _norm(text).casefold().split():
        if any(token.startswith(f) or token.endswith(f) for f in forms if len(f) >= 3):
            return True
    return False


def looks_like_outlet(text: str) -> bool:
    """A short name with a word typical of news outlets (News, Agency, خبرگزاری ...)."""
    return 1 <= len(words(text)) <= 8 and bool(_OUTLET_WORDS.search(_norm(text)))


# --- The top of a page: lines around the headline that are not the headline ----------

_NUMBERED = re.compile(r"^\s*\d{1,2}\s*[.)\-–]\s*\S")
_KICKER_END = re.compile(r"[:;؛：]\s*$")
_CATEGORY = re.compile(rf"^\s*(?:{_alternatives(_page('category_labels'))})\s*[:：|]", re.I)
_CAPTION = re.compile(
    rf"^\s*[(\[]?\s*(?:{_alternatives(_page('caption_labels'))})(?:\s*[:：]|\s+(?:by|from)\b|\s*[)\]]?\s*$)",
    re.I,
)
_MEDIA_PREFIX = re.compile(
    rf"^\s*(?:[•·▪■►▶●◆*]\s*)?(?:(?:{_alternatives(_page('media_prefixes'))})\s*[|｜:：]\s*)?",
    re.I,
)
_MARKUP = re.compile(
    r"<\s*/?\s*[a-zA-Z][^>]*>|data:image|!\[[^\]]*\]\(|^\s*\[(?:image|photo|img)", re.I
)
_ID_LINE = re.compile(r"^\s*[^\W\d][^:：#\d]{1,30}[:：#]\s*[\d*#/\- ]{2,}\s*$")
_WORD_OF_THREE = re.compile(r"[^\W\d_]{3,}")
AD_WORDS = _keys(_page("ad_words"))


def is_numbered_breadcrumb(line: str) -> bool:
    """ "1. Politics", «۱. سیاسی»: a numbered navigation entry, not a headline."""
    text = normalize_digits(line)
    return len(words(text)) <= 4 and not ends_sentence(text) and bool(_NUMBERED.match(text))


def is_kicker(line: str) -> bool:
    """A line ending with ':' or ';' («وزیر ارتباطات خبر داد:»): it introduces the
    headline (or a quote), it is not the headline."""
    return len(words(line)) <= 20 and bool(_KICKER_END.search(line))


def is_category_label(line: str) -> bool:
    """ "Category: ICT", «دسته‌بندی: فناوری»: a labelled category line."""
    return len(words(line)) <= 10 and bool(_CATEGORY.match(_norm(line)))


def is_caption(line: str) -> bool:
    """An image caption or credit ("Photo: IRNA", «عکس: ایرنا», "(File photo)")."""
    return len(words(line)) <= 14 and bool(_CAPTION.match(_norm(line)))


def is_markup(line: str) -> bool:
    """An image placeholder or markup printed as text (``<image>…</image>``, ``![…](…)``)."""
    return bool(_MARKUP.search(line))


def is_ad(line: str) -> bool:
    """An advertisement slot ("Advertisement", «تبلیغات»)."""
    key = line_key(line)
    tokens = key.split()
    return 0 < len(tokens) <= 4 and (key in AD_WORDS or all(t in AD_WORDS for t in tokens))


def is_id_line(line: str) -> bool:
    """ "Journalist ID: 1844", "News number: 9107118446": a label and a number."""
    text = normalize_digits(line)
    return len(words(text)) <= 6 and bool(_ID_LINE.match(text))


def has_words(line: str) -> bool:
    """True when the line holds a word of three or more letters ("+ ↺ − 16 px" has none)."""
    return bool(_WORD_OF_THREE.search(line))


def strip_media_prefix(line: str) -> str:
    """The headline without a bullet or media label before it («ویدئو|», "VIDEO:", "• ")."""
    match = _MEDIA_PREFIX.match(_norm(line))
    if not match or not match.group(0).strip():
        return line.strip()
    rest = _strip_chars(line, len(match.group(0).replace(" ", "")))
    return rest if has_words(rest) else line.strip()


def _strip_chars(line: str, count: int) -> str:
    """``line`` after its first ``count`` non-space characters (normalization keeps them)."""
    seen = 0
    for index, char in enumerate(line):
        if seen == count:
            return line[index:].strip()
        if not char.isspace() and char != "\u200c":
            seen += 1
    return ""
