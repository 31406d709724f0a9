"""Clean stage: split a scraped page into headline, meta lines, body and removed lines.

Plain-text scrapes carry page furniture around the article: breadcrumbs, kickers,
category labels, datelines and news codes, share and comment widgets, bylines, agency
trailers («انتهای پیام/»), lists of related stories after a "Latest news" heading, the
headline repeated with the site name. The stage classifies every line by its structure
(see :mod:`briefgen.text.boilerplate` and :mod:`briefgen.text.headlines`):

* **meta** lines (datelines, news codes, bylines) are kept apart for the date stage, with
  the datelines and attributions cut off the paragraphs («به گزارش ایرنا،», "Tehran (IP)
  –", see :mod:`briefgen.text.datelines`);
* **removed** lines are recorded with the reason, for ``--debug`` and the JSON output;
* the **headline** is chosen among the lines above the lead, or is made from the lead
  when the page has none;
* the rest are the **body** paragraphs, the only text later stages summarize, translate
  and count countries in.

Text keeps the characters the source wrote (Persian digits, Arabic letters): only the
copies the recognizers compare are normalized.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefgen.model import Article
from briefgen.text import boilerplate as bp
from briefgen.text import datelines as dl
from briefgen.text import headlines as hl
from briefgen.text.dates import find_dates
from briefgen.text.persian import has_arabic_script
from briefgen.text.sentences import split_paragraphs

if TYPE_CHECKING:
    from briefgen.run import Run

BODY, META, REMOVED, HEADLINE = "body", "meta", "removed", "headline"


@dataclass
class _Line:
    text: str
    kind: str = BODY
    reason: str = ""


@dataclass
class _Found:
    """What the lines say about the article besides its text."""

    meta_outlet: str | None = None  # from the page's metadata
    site: list[str] = field(default_factory=list)  # site names printed on the page
    named: list[str] = field(default_factory=list)  # agencies datelines and bylines name
    byline: str | None = None

    @property
    def outlet(self) -> str | None:
        return self.meta_outlet or next(iter(self.site + self.named), None)


def clean_stage(article: Article, run: Run) -> None:
    """Split the raw text into headline, meta lines, body paragraphs and removed lines."""
    lines = [_Line(text) for text in split_paragraphs(article.raw_text)]
    found = _Found(article.source_meta.get("outlet") or None)
    _mark_trailer(lines)
    for line in lines:
        if line.kind == BODY:
            _classify(line, found)
    lead = _lead_index(lines)
    _mark_related_lists(lines, lead)
    headline_index = _mark_top(lines, lead, article.source_meta.get("title"), found)
    headline = (
        bp.strip_media_prefix(lines[headline_index].text) if headline_index is not None else ""
    )
    if headline_index is not None:
        _mark_site_lines(lines, headline_index, lines[headline_index].text, found)
    _mark_tail(lines, found)
    prefixes = _split_openings(lines, article.language, found, _person_test(run))

    article.meta_lines = [line.text for line in lines if line.kind == META] + prefixes
    article.removed = [(line.text, line.reason) for line in lines if line.kind == REMOVED]
    article.paragraphs = [line.text for line in lines if line.kind == BODY]
    cut = run.tuning.clean.derived_headline_words
    lead_text = article.paragraphs[0] if article.paragraphs else ""
    article.headline = headline or hl.derive_headline(lead_text, article.language, cut)
    article.outlet = found.outlet or article.outlet
    article.byline = article.byline or found.byline
    article.url = article.source_meta.get("url") or article.url


def _mark_trailer(lines: list[_Line]) -> None:
    """An agency trailer ends the article: what follows is page furniture."""
    for index, line in enumerate(lines):
        if bp.is_end_marker(line.text):
            line.kind, line.reason = REMOVED, "agency trailer"
            for later in lines[index + 1 :]:
                if bp.is_dateline(later.text, yearless=False) or bp.is_news_code(later.text):
                    later.kind = META
                else:
                    later.kind, later.reason = REMOVED, "after the agency trailer"
            return


def _classify(line: _Line, found: _Found) -> None:
    text = line.text
    if bp.is_news_code(text) or bp.is_dateline(text) or bp.is_id_line(text):
        line.kind = META  # before the next test: a bare "1402/08/04 - 16:45" has no letters
    elif bp.is_byline(text):
        line.kind = META
        person, agency = _byline_parts(bp.byline_name(text))
        if agency:
            found.named.append(agency)  # "By Trend": an agency, not a person
        if person and (bp.looks_like_name(person) or len(bp.words(person)) <= 4):
            found.byline = found.byline or person
    elif not bp.has_letters(text) or not bp.has_words(text):
        line.kind, line.reason = REMOVED, "no words"
    elif bp.is_widget(text):
        line.kind, line.reason = REMOVED, "share/comment widget"
    elif bp.is_markup(text):
        line.kind, line.reason = REMOVED, "image placeholder"
    elif bp.is_caption(text):
        line.kind, line.reason = REMOVED, "image caption"
    elif bp.is_ad(text):
        line.kind, line.reason = REMOVED, "advertisement"
    elif byline := dl.city_byline(text):
        line.kind = META  # «القاهرة – …»: a dateline with the reporter's name
        agency = dl.agency_name(byline[1])
        if agency:
            found.named.append(agency)
        else:
            found.byline = found.byline or byline[1]


def _byline_parts(name: str) -> tuple[str | None, str | None]:
    """(person, agency) of a byline's name: "Trend" → (None, Trend News Agency),
    "Jane Doe – Trend:" → ("Jane Doe", Trend News Agency), "Jane Doe" → ("Jane Doe", None)."""
    agency = dl.agency_name(name)
    if agency:
        return None, agency
    parts = [p.strip(" :") for p in re.split(r"\s+[–—-]\s+|\s*[/|]\s*|,\s+", name) if p.strip(" :")]
    if len(parts) > 1 and (agency := dl.agency_name(parts[-1])):
        return " ".join(parts[:-1]), agency
    return name.strip(" :") or None, None


def _lead_index(lines: list[_Line]) -> int | None:
    """The first paragraph of running text (a sentence, or a long line opening with a
    dateline); a line printed twice is the headline, not the lead."""
    body = [(index, line.text) for index, line in enumerate(lines) if line.kind == BODY]
    for position, (index, text) in enumerate(body):
        if position + 1 < len(body) and bp.line_key(body[position + 1][1]) == bp.line_key(text):
            continue
        if position == 0 and re.search(r"[?؟]\W*$", text):
            continue  # a first line asking a question is a headline
        count = len(bp.words(text))
        if bp.is_prose(text) or (count >= 8 and bp.ends_sentence(text)) or count >= 25:
            return index
        if count >= 8 and _opens_with_dateline(text):
            return index
    return None


def _opens_with_dateline(text: str) -> bool:
    return bool(dl.cut_dateline(text) or dl.cut_attribution(text) or dl.cut_source_tag(text))


def _mark_related_lists(lines: list[_Line], lead: int | None) -> None:
    """A related-stories heading and the headline-like lines after it, with their dates
    (a sidebar's dates are not the article's). Above the lead only the heading goes: the
    top of the page is sorted out with the headline."""
    index = 0
    while index < len(lines):
        line = lines[index]
        marker = bp.related_marker(line.text) if line.kind == BODY else None
        if marker is None:
            index += 1
            continue
        line.kind, line.reason = REMOVED, "related-stories heading"
        index += 1
        if lead is not None and index <= lead:
            continue
        while index < len(lines) and _in_related_list(lines[index]):
            lines[index].kind, lines[index].reason = REMOVED, "related-stories list"
            index += 1


def _in_related_list(line: _Line) -> bool:
    """A headline-like line or an unlabelled date line of a related-stories list."""
    if line.kind == BODY:
        return not bp.is_prose(line.text)
    if line.kind == META:
        return bp.is_dateline(line.text) and not bp.is_publication_label(line.text)
    return False


#: A headline-shaped line this long under the headline is a standfirst, not furniture.
_STANDFIRST = 12


def _mark_top(lines: list[_Line], lead: int | None, title: str | None, found: _Found) -> int | None:
    """Choose the headline among the body lines above the lead; mark the others removed.

    Returns the headline's index, or ``None`` when the page has no headline line."""
    end = lead if lead is not None else len(lines)
    top = [(i, lines[i]) for i in range(end) if lines[i].kind == BODY]
    if title:
        for index, line in top:
            if bp.line_key(title).startswith(bp.line_key(line.text)[:40]):
                _remove_others(top, index, found)
                return index
    kinds = {index: hl.top_line_kind(line.text) for index, line in top}
    if lead is None:  # no running text: the first headline-shaped line, the rest is body
        chosen = next((i for i, _ in top if kinds[i] in (hl.HEADLINE, hl.WEAK)), None)
        top = [(i, line) for i, line in top if chosen is None or i < chosen]
    else:
        chosen = hl.choose_headline([(i, line.text) for i, line in top if kinds[i] == hl.HEADLINE])
    for index, line in top:
        if index == chosen:
            continue
        below = chosen is not None and index > chosen
        if kinds[index] == hl.WEAK and below and _is_byline_name(line.text):
            line.kind = META  # a byline between headline and lead
            found.byline = found.byline or line.text.strip()
            continue
        if kinds[index] == hl.HEADLINE and below and len(bp.words(line.text)) >= _STANDFIRST:
            continue  # a standfirst without a full stop: the story's summary, kept as body
        reason = kinds[index] if kinds[index] not in (hl.HEADLINE, hl.WEAK) else "above the lead"
        line.kind, line.reason = REMOVED, reason
        if kinds[index] == hl.WEAK and _is_site_name(line.text):
            found.site.append(dl.find_agency(line.text) or line.text.strip())
    return chosen


def _is_site_name(text: str) -> bool:
    """An outlet's name on its own line ("Tehran Times", «خبرگزاری کار ایران»), not a
    section label made of an outlet word alone ("News")."""
    if dl.find_agency(text):
        return True
    return bp.looks_like_outlet(text) and len(bp.words(text)) >= 2


def _is_byline_name(text: str) -> bool:
    return bp.looks_like_name(text) and not bp.looks_like_outlet(text)


def _remove_others(top: list[tuple[int, _Line]], chosen: int, found: _Found) -> None:
    for index, line in top:
        if index != chosen:
            line.kind, line.reason = REMOVED, "above the lead"


_SITE_SEPARATOR = re.compile(r"^\s*[-|–—:·•]+\s*")


def _mark_site_lines(lines: list[_Line], headline_index: int, headline: str, found: _Found) -> None:
    """The headline repeated (often with the site name after it) and a site name just
    under the headline: removed, the site name kept as the outlet."""
    lines[headline_index].kind = HEADLINE
    key = bp.line_key(headline)
    site: list[str] = []
    for index, line in enumerate(lines):
        if index == headline_index or line.kind == HEADLINE or not key:
            continue
        line_key = bp.line_key(line.text)
        if line_key.startswith(key) and (line.kind == BODY or line.reason == "above the lead"):
            line.kind, line.reason = REMOVED, "headline repeated"
            rest = _suffix_after(line.text, headline)
            if rest and len(bp.words(rest)) <= 8:
                site.append(_SITE_SEPARATOR.sub("", rest).strip())
    following = next((ln for ln in lines[headline_index + 1 :] if ln.kind != META), None)
    if (
        following is not None
        and (following.kind == BODY or following.reason == "above the lead")
        and not bp.ends_sentence(following.text)
        and bp.looks_like_outlet(following.text)
        and len(bp.words(following.text)) <= 6
    ):
        following.kind, following.reason = REMOVED, "site name"
        site.append(following.text.strip())
    found.site[:0] = [s for s in site if s]  # printed with the headline: the best guess


def _suffix_after(text: str, headline: str) -> str:
    """What follows the headline's words in ``text`` (punctuation-insensitive)."""
    wanted = len(bp.line_key(headline).split())
    tokens = text.split()
    for cut in range(len(tokens) + 1):
        if len(bp.line_key(" ".join(tokens[:cut])).split()) >= wanted:
            return " ".join(tokens[cut:])
    return ""


def _mark_tail(lines: list[_Line], found: _Found) -> None:
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
        if bp.looks_like_name(line.text) and found.byline is None:
            line.kind = META
            found.byline = line.text.strip()
        else:
            line.kind, line.reason = REMOVED, "short line after the article"


_LEADING_PUNCT = re.compile(r"^[\s\-–—:|,]+")
_OPENING_PARAGRAPHS = 3  # source tags and date labels are looked for this far


def _person_test(run: Run) -> Callable[[str], bool]:
    """Whether a text names a person of the run's glossary («هاشمی»): no outlet tag."""

    def names_a_person(text: str) -> bool:
        finder = run.glossary.find_persian if has_arabic_script(text) else run.glossary.find_english
        return any(hit.entry.type == "person" for hit in finder(text)) if run.glossary else False

    return names_a_person


def _split_openings(
    lines: list[_Line], language: str, found: _Found, is_person: Callable[[str], bool]
) -> list[str]:
    """Cut datelines, date labels, attributions and source tags off the paragraphs.

    Returns the prefixes cut (for the date stage); the outlets they name go to ``found``."""
    prefixes: list[str] = []
    outlets: list[str] = []
    body = [line for line in lines if line.kind == BODY]
    for position, line in enumerate(body):
        text = line.text
        if position < _OPENING_PARAGRAPHS:
            dates = find_dates(text)
            if dates and dates[0].start <= 24 and bp.is_date_label(text[: dates[0].start]):
                prefixes.append(text[: dates[0].end].strip())
                text = _LEADING_PUNCT.sub("", text[dates[0].end :])
        if position < 2 and (opening := dl.cut_dateline(text)):
            prefixes.append(opening.prefix)
            outlets += [opening.outlet] if opening.outlet else []
            text = opening.rest
        if position < _OPENING_PARAGRAPHS and not is_person(text.split(":", 1)[0][:40]):
            text = _cut_source_tag(text, language, position == 0, prefixes, outlets)
        if opening := dl.cut_attribution(text):
            prefixes.append(opening.prefix)
            outlets += [opening.outlet] if opening.outlet else []
            text = opening.rest
        line.text = text.strip()
        if not line.text:
            line.kind, line.reason = META, "dateline"
    found.named.extend(outlets)
    return prefixes


def _cut_source_tag(
    text: str, language: str, lead: bool, prefixes: list[str], outlets: list[str]
) -> str:
    """An outlet's tag before the lead («خبرایران: …», "Iran Press/Iran news: …")."""
    opening = dl.cut_source_tag(text) or (dl.cut_source_name(text, language) if lead else None)
    if opening is None:
        return text
    prefixes.append(opening.prefix)
    outlets += [opening.outlet] if opening.outlet else []
    return opening.rest
