"""Clean stage: split a scraped page into headline, meta lines, body and removed lines.

Plain-text scrapes carry page furniture around the article: breadcrumbs, datelines and
news codes, share and comment widgets, bylines, agency trailers («انتهای پیام/»), lists
of related stories after a "Latest news" heading, the headline repeated with the site
name. The stage classifies every line by its structure (see
:mod:`briefgen.text.boilerplate`):

* **meta** lines (datelines, news codes, bylines) are kept apart for the date stage;
* **removed** lines are recorded with the reason, for ``--debug`` and the JSON output;
* the **headline** is the first short line, or is derived from the lead sentence when
  the scrape has none;
* the rest are the **body** paragraphs, the only text later stages summarize, translate
  and count countries in.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefgen import lang
from briefgen.model import Article
from briefgen.text import boilerplate as bp
from briefgen.text.dates import find_dates
from briefgen.text.persian import normalize_persian
from briefgen.text.sentences import split_paragraphs, split_sentences

if TYPE_CHECKING:
    from briefgen.run import Run

BODY, META, REMOVED = "body", "meta", "removed"


@dataclass
class _Line:
    text: str
    kind: str = BODY
    reason: str = ""


def clean_stage(article: Article, run: Run) -> None:
    """Split the raw text into headline, meta lines, body paragraphs and removed lines."""
    texts = split_paragraphs(article.raw_text)
    if article.language == "fa":  # one spelling of Persian letters, digits and ZWNJ
        texts = [normalize_persian(text) for text in texts]
    lines = [_Line(text) for text in texts if text]
    outlet = article.source_meta.get("outlet")
    _mark_trailer(lines)
    _mark_related_lists(lines)
    for line in lines:
        if line.kind == BODY:
            _classify(line)
    headline_index = _find_headline(lines, article.source_meta.get("title"))
    headline = lines[headline_index].text if headline_index is not None else ""
    if headline_index is not None:
        lines[headline_index].kind = "headline"
        outlet = _mark_site_lines(lines, headline_index, headline) or outlet
    _mark_tail(lines, article)
    prefixes: list[str] = []
    prefix_outlet = _split_datelines(lines, article.language, prefixes)
    outlet = outlet or prefix_outlet

    article.meta_lines = [line.text for line in lines if line.kind == META] + prefixes
    article.removed = [(line.text, line.reason) for line in lines if line.kind == REMOVED]
    article.paragraphs = [line.text for line in lines if line.kind == BODY]
    cut = run.tuning.clean.derived_headline_words
    article.headline = headline or _derive_headline(article.paragraphs, article.language, cut)
    article.outlet = outlet or article.outlet
    article.url = article.source_meta.get("url") or article.url


def _mark_trailer(lines: list[_Line]) -> None:
    """An agency trailer ends the article: what follows is page furniture."""
    for index, line in enumerate(lines):
        if bp.is_end_marker(line.text):
            line.kind, line.reason = REMOVED, "agency trailer"
            for later in lines[index + 1 :]:
                if bp.is_dateline(later.text) or bp.is_news_code(later.text):
                    later.kind = META
                else:
                    later.kind, later.reason = REMOVED, "after the agency trailer"
            return


def _mark_related_lists(lines: list[_Line]) -> None:
    """A related-stories heading and the headline-like lines after it."""
    index = 0
    while index < len(lines):
        line = lines[index]
        marker = bp.related_marker(line.text) if line.kind == BODY else None
        if marker is None:
            index += 1
            continue
        line.kind, line.reason = REMOVED, "related-stories heading"
        index += 1
        while index < len(lines) and lines[index].kind == BODY:
            text = lines[index].text
            if bp.is_prose(text) or bp.is_dateline(text):
                break
            lines[index].kind, lines[index].reason = REMOVED, "related-stories list"
            index += 1


def _classify(line: _Line) -> None:
    text = line.text
    if bp.is_news_code(text) or bp.is_dateline(text) or bp.is_byline(text):
        line.kind = META  # before the next test: a bare "1402/08/04 - 16:45" has no letters
    elif not bp.has_letters(text):
        line.kind, line.reason = REMOVED, "no words"
    elif bp.is_widget(text):
        line.kind, line.reason = REMOVED, "share/comment widget"


def _find_headline(lines: list[_Line], title: str | None) -> int | None:
    """The first body line when it is headline-shaped; breadcrumbs before it are dropped."""
    for index, line in enumerate(lines):
        if line.kind != BODY:
            continue
        if bp.is_breadcrumb(line.text) and index + 1 < len(lines):
            line.kind, line.reason = REMOVED, "breadcrumb"
            continue
        if title and bp.line_key(title).startswith(bp.line_key(line.text)[:40]):
            return index
        if bp.is_headline_like(line.text) and (
            _has_body_after(lines, index) or not bp.ends_sentence(line.text)
        ):
            return index  # a lone unpunctuated line is a headline-only file
        return None
    return None


def _has_body_after(lines: list[_Line], index: int) -> bool:
    return any(line.kind == BODY for line in lines[index + 1 :])


_SITE_SEPARATOR = re.compile(r"^\s*[-|–—:·•]+\s*")


def _mark_site_lines(lines: list[_Line], headline_index: int, headline: str) -> str | None:
    """The headline repeated later (often with the site name after it): removed.

    Returns the site name when one follows the repeated headline or sits on its own
    line just under the headline.
    """
    outlet = None
    key = bp.line_key(headline)
    for line in lines[headline_index + 1 :]:
        if line.kind == "headline" or not key:
            continue
        line_key = bp.line_key(line.text)
        if line_key.startswith(key):
            line.kind, line.reason = REMOVED, "headline repeated"
            rest = _suffix_after(line.text, headline)
            if rest and len(bp.words(rest)) <= 8:
                outlet = outlet or _SITE_SEPARATOR.sub("", rest).strip()
    following = next((ln for ln in lines[headline_index + 1 :] if ln.kind == BODY), None)
    if (
        following is not None
        and not bp.ends_sentence(following.text)
        and bp.looks_like_outlet(following.text)
        and len(bp.words(following.text)) <= 6
    ):
        following.kind, following.reason = REMOVED, "site name"
        outlet = outlet or following.text.strip()
    return outlet


def _suffix_after(text: str, headline: str) -> str:
    """What follows the headline's words in ``text`` (punctuation-insensitive)."""
    wanted = len(bp.line_key(headline).split())
    tokens = text.split()
    for cut in range(len(tokens) + 1):
        if len(bp.line_key(" ".join(tokens[:cut])).split()) >= wanted:
            return " ".join(tokens[cut:])
    return ""


def _mark_tail(lines: list[_Line], article: Article) -> None:
    """Short unpunctuated lines after the last paragraph of prose: bylines and furniture."""
    last_prose = max(
        (i for i, line in enumerate(lines) if line.kind == BODY and bp.is_prose(line.text)),
        default=None,
    )
    if last_prose is None:
        return
    for line in lines[last_prose + 1 :]:
        if line.kind != BODY or bp.ends_sentence(line.text):
            continue
        if bp.looks_like_name(line.text) and article.byline is None:
            line.kind = META
            article.byline = line.text.strip()
        else:
            line.kind, line.reason = REMOVED, "short line after the article"


# "TEHRAN (IRNA) –", "Muscat, May 15 (Xinhua) --": a city in capitals, an agency in brackets.
_CITY_DATELINE = re.compile(
    r"^(?P<all>[A-Z][A-Z .'-]{2,}(?:,\s*[A-Za-z]+\.?(?:\s+\d{1,2})?)?\s*"
    r"(?:\((?P<agency>[^)]{2,40})\))?\s*[-–—:]+)\s+(?=\S)"
)
# "Iran PressWest Asia: ...", «نصر: ...»: a source name before a colon opens the lead.
_SOURCE_PREFIX = re.compile(r"^(?P<source>[^:：.!?؟«»\"“]{2,40})[:：]\s+(?=\S)")
_GLUED_SECTION = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


@functools.cache
def _reporting() -> re.Pattern[str]:
    verbs = "|".join(map(re.escape, lang.words("names", "reporting_verbs")))
    return re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)


@functools.cache
def _persian_verb_end() -> re.Pattern[str]:
    endings = "|".join(map(re.escape, lang.words("names", "verb_endings", ["fa"])))
    return re.compile(rf"(?:{endings})$")


def _split_datelines(lines: list[_Line], language: str, prefixes: list[str]) -> str | None:
    """Cut datelines and source prefixes off the first body paragraphs into ``prefixes``.

    Returns the outlet a prefix names, if any.
    """
    outlet = None
    body = [line for line in lines if line.kind == BODY][:2]
    for position, line in enumerate(body):
        text = line.text
        dates = find_dates(text)
        if dates and dates[0].start <= 24 and bp.is_date_label(text[: dates[0].start]):
            prefixes.append(text[: dates[0].end].strip())
            text = re.sub(r"^[\s\-–—:|,]+", "", text[dates[0].end :])
        match = _CITY_DATELINE.match(text)
        if match and position == 0:
            prefixes.append(match.group("all").strip(" -–—:"))
            outlet = outlet or (match.group("agency") or "").strip() or None
            text = text[match.end() :]
        match = _SOURCE_PREFIX.match(text)
        if match and _is_source_name(match.group("source"), language):
            source = match.group("source").strip()
            prefixes.append(source)
            outlet = outlet or _GLUED_SECTION.split(source)[0].strip()
            text = text[match.end() :]
        line.text = text.strip()
        if not line.text:
            line.kind, line.reason = META, "dateline"
    return outlet


def _is_source_name(source: str, language: str) -> bool:
    """A short name with no verb: an agency or desk, not "He added:"."""
    tokens = bp.words(source)
    if not 1 <= len(tokens) <= 4 or _reporting().search(source):
        return False
    if language == "fa":
        return len(tokens) <= 2 and not any(_persian_verb_end().search(t) for t in tokens[-1:])
    return all(t[:1].isupper() for t in tokens if t[:1].isalpha())


def _derive_headline(paragraphs: list[str], language: str, cut_near: int) -> str:
    """A headline for a scrape that has none: the main clause of the lead sentence,
    cut near ``cut_near`` words."""
    if not paragraphs:
        return ""
    sentences = split_sentences(paragraphs[0], language)
    if not sentences:
        return ""
    lead = sentences[0]
    if language == "en":
        lead = _main_clause(lead)
    tokens = lead.split()
    if len(tokens) > cut_near:
        cut = cut_near
        cut_words = lang.words("names", "headline_cut_words")
        for index in range(cut_near, min(len(tokens), cut_near + 8)):
            if tokens[index - 1].endswith(",") or tokens[index].casefold() in cut_words:
                cut = index
                break
        lead = " ".join(tokens[:cut]).rstrip(",;:") + " …"
    return lead.rstrip(".")


@functools.cache
def _subordinate() -> re.Pattern[str]:
    openers = "|".join(map(re.escape, lang.words("names", "subordinate_openers", ["en"])))
    return re.compile(rf"^(?:{openers})\b", re.IGNORECASE)


def _main_clause(sentence: str) -> str:
    """Skip an opening subordinate clause ("While X, Y did Z" → "Y did Z")."""
    if not _subordinate().match(sentence) or "," not in sentence:
        return sentence
    rest = sentence.split(",", 1)[1].strip()
    if len(rest.split()) < 5 or not rest[:1].isupper():
        return sentence
    return rest
