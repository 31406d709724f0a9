"""What the brief says, shared by every writer, so DOCX, Markdown and JSON say the same thing.

The writers decide how things look; this module decides what is in the brief: the
front lines, the overview rows, each entry's source line, key people and "also
reported by", and the content of the appendices.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from briefgen import __version__
from briefgen.model import (
    REVIEWED,
    Article,
    Brief,
    CountrySection,
    Mention,
    Sentence,
    Skipped,
    Window,
)
from briefgen.model import language_name as name_of_language
from briefgen.window import describe_window

CONTENTS = "Contents"
OVERVIEW = "Overview"
UNDATED = "Undated"
APPENDIX_ORIGINALS = "Originals and translations"
APPENDIX_GLOSSARY = "Glossary terms used"
APPENDIX_SOURCES = "Sources"
APPENDIX_NOT_INCLUDED = "Not included"
ENGLISH_TRANSLATION = "English translation"
ORIGINAL = "{language} original"
NO_TRANSLATION = "No English translation: {reason}."


def long_date(day: dt.date) -> str:
    """``29 January 2025``."""
    return f"{day.day} {day.strftime('%B %Y')}"


def article_date(article: Article) -> str:
    """Gregorian date with the source's Jalali date in brackets, or "undated"."""
    if article.date is None:
        return "undated"
    text = long_date(article.date)
    return f"{text} ({article.jalali_date} SH)" if article.jalali_date else text


def language_name(article: Article) -> str:
    """``Persian``, ``English``…"""
    return name_of_language(article.language)


def article_meta(article: Article) -> list[str]:
    """The pieces of an article's source line: outlet, date, language."""
    parts = [article.outlet] if article.outlet else []
    parts.append(article_date(article))
    parts.append(language_name(article))
    return parts


def article_title(article: Article) -> str:
    """The headline the brief prints, or the file name when the article has none."""
    return article.shown_headline or article.name


def brief_heading(brief: Brief) -> str:
    """Title line: "ICT Partners Weekly Brief — 19 May 2024"."""
    return f"{brief.title} — {long_date(brief.date)}"


def brief_window(brief: Brief) -> str:
    """The covered period in words."""
    return describe_window(brief.window)


def generated_line(brief: Brief) -> str:
    """``Generated 23 November 2026 at 14:05 by briefgen 0.1.0``."""
    when = brief.generated
    return f"Generated {long_date(when.date())} at {when:%H:%M} by briefgen {__version__}"


def author(brief: Brief) -> str:
    """Who the document properties name as author."""
    return brief.layout.author or brief.layout.organization or "briefgen"


def output_stem(brief: Brief) -> str:
    """``brief-YYYY-MM-DD``."""
    return f"brief-{brief.date.isoformat()}"


# --- direction -----------------------------------------------------------------------


def is_rtl(text: str) -> bool:
    """True when the first strongly directional character is right-to-left (Unicode rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# --- links -----------------------------------------------------------------------------


def web_link(url: str | None) -> str | None:
    """``url`` as a safe absolute http(s) URI (non-ASCII percent-encoded), or ``None``."""
    if not url:
        return None
    text = "".join(ch for ch in url.strip() if ch.isprintable())
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(text, safe=":/?#[]@!$&'()*+,;=%~")


def link_label(url: str) -> str:
    """The host of ``url`` without ``www.``: what an entry prints for its link."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


# --- the articles of the brief ---------------------------------------------------------


def entries(section: CountrySection) -> list[Article]:
    """A section's entries: dated ones, then undated ones."""
    return [*section.articles, *section.undated]


def all_articles(brief: Brief) -> list[Article]:
    """Every article the brief draws on, in reading order, merged duplicates after their entry."""
    seen: list[Article] = []
    for section in brief.sections:
        for article in entries(section):
            seen.append(article)
            seen.extend(article.also_reported_by)
    return seen


def count_reports(articles: list[Article]) -> int:
    """Entries plus the duplicate reports merged into them."""
    return sum(1 + len(a.also_reported_by) for a in articles)


def date_span(articles: list[Article]) -> str:
    """``13–17 May 2024``, ``13 May 2024``, ``13–17 May 2024; 2 undated`` or ``undated``."""
    dates = sorted(a.date for a in articles if a.date)
    undated = sum(1 for a in articles if a.date is None)
    parts = []
    if dates:
        parts.append(describe_window(Window(dates[0], dates[-1])))
    if undated:
        parts.append(f"{undated} undated" if dates else "undated")
    return "; ".join(parts)


@dataclass
class OverviewRow:
    """One line of the overview table."""

    country: str
    entries: int
    merged: int  # duplicate reports merged into those entries
    span: str

    @property
    def articles(self) -> str:
        """``3`` or ``3 (+1 duplicate)``."""
        if not self.merged:
            return str(self.entries)
        plural = "s" if self.merged > 1 else ""
        return f"{self.entries} (+{self.merged} duplicate{plural})"


def overview_rows(brief: Brief) -> list[OverviewRow]:
    """Country × number of articles × date span, in section order."""
    rows = []
    for section in brief.sections:
        items = entries(section)
        rows.append(
            OverviewRow(
                section.country,
                len(items),
                count_reports(items) - len(items),
                date_span(items),
            )
        )
    return rows


def overview_sentence(brief: Brief) -> str:
    """One line under the overview heading: how many articles, outlets, translations."""
    articles = all_articles(brief)
    entries_count = sum(len(entries(s)) for s in brief.sections)
    outlets = {a.outlet for a in articles if a.outlet}
    translated = sum(1 for a in articles if a.is_translated)
    parts = [f"{_count(entries_count, 'article')} in {_count(len(brief.sections), 'section')}"]
    if outlets:
        parts.append(f"from {_count(len(outlets), 'outlet')}")
    text = " ".join(parts) + "."
    merged = len(articles) - entries_count
    if merged:
        text += f" {_count(merged, 'duplicate report')} merged into the entries they repeat."
    if translated:
        text += f" {_count(translated, 'article')} machine-translated {_sources(articles)}."
    return text


def _sources(articles: list[Article]) -> str:
    """``from Persian`` or ``(2 from Persian, 1 from Arabic)``."""
    by_language: dict[str, int] = {}
    for article in articles:
        if article.translation:
            name = name_of_language(article.translation.source_language)
            by_language[name] = by_language.get(name, 0) + 1
    if len(by_language) == 1:
        return f"from {next(iter(by_language))}"
    most_first = sorted(by_language.items(), key=lambda item: (-item[1], item[0]))
    return "(" + ", ".join(f"{n} from {name}" for name, n in most_first) + ")"


def empty_message(brief: Brief) -> str:
    """What an empty brief says."""
    text = f"No articles in this window ({brief_window(brief)})."
    outside = len(brief.excluded)
    if outside:
        text += f" {_count(outside, 'article')} read but left out: see “{APPENDIX_NOT_INCLUDED}”."
    return text


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --- one entry ------------------------------------------------------------------------


def key_people(article: Article) -> list[tuple[str, str | None]]:
    """(name, title on the article's date) of each key person of the article, once each."""
    people: dict[str, tuple[str, str | None]] = {}
    for person in article.people:
        people.setdefault(person.key or person.name, (person.name, person.title))
    return list(people.values())


def person_text(name: str, title: str | None) -> str:
    """``Issa Zarepour, Minister of ICT``."""
    return f"{name}, {title}" if title else name


def reporter_text(article: Article) -> str:
    """How a merged report is named: outlet (else file), language, date or "undated":
    ``IRNA (Persian, 14 May 2024)``."""
    name = article.outlet or article.name
    when = long_date(article.date) if article.date else "undated"
    return f"{name} ({language_name(article)}, {when})"


def also_reported_text(article: Article) -> str | None:
    """The other reports of an entry's event, earliest first (the entry is its best
    report: see :func:`briefgen.stages.duplicates.keep_rank`):
    ``IRNA (Persian, 14 May 2024); Tehran Times (English, undated)``, or ``None``."""
    if not article.also_reported_by:
        return None
    return "; ".join(reporter_text(a) for a in article.also_reported_by)


# --- appendices -----------------------------------------------------------------------


#: Languages the brief never shows as an original: English, and text with no language.
_NOT_ORIGINALS = frozenset({"en", "und"})


def original_articles(brief: Brief) -> list[Article]:
    """Articles whose original goes in the appendix: every non-English one, translated or not."""
    return [a for a in all_articles(brief) if a.language not in _NOT_ORIGINALS and a.sentences]


def original_label(article: Article) -> str:
    """``Persian original``, ``Arabic original``…"""
    return ORIGINAL.format(language=language_name(article))


def is_rtl_language(code: str) -> bool:
    """True for a language written right to left (Persian, Arabic, Urdu…), by CLDR."""
    if code in ("fa", "ar"):
        return True
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code.replace("-", "_")).character_order == "right-to-left"
    except (UnknownLocaleError, ValueError):
        return False


@dataclass
class ParallelParagraph:
    """One paragraph of a non-English article: its English translation (if any) and original."""

    number: int
    english: str | None
    original: str


def parallel_paragraphs(article: Article) -> list[ParallelParagraph]:
    """The article's body paragraph by paragraph, English beside the original it came from."""
    groups: dict[int, list] = {}
    for sentence in article.sentences:
        groups.setdefault(sentence.paragraph, []).append(sentence)
    paragraphs = []
    for number, sentences in enumerate(groups.values(), 1):
        if article.is_translated:
            english = " ".join(_marked(s) for s in sentences)
            original = " ".join(s.text for s in sentences).strip()
        else:
            english, original = None, " ".join(s.text for s in sentences)
        paragraphs.append(ParallelParagraph(number, english, original))
    return paragraphs


def _marked(sentence: Sentence) -> str:
    """The English of ``sentence``, marked when an analyst reviewed it."""
    return f"{sentence.shown} ({REVIEWED})" if sentence.reviewed else sentence.shown


def original_headline(article: Article) -> str:
    """The headline as the source gave it."""
    return article.headline


@dataclass
class GlossaryTerm:
    """A glossary entry found in the brief's articles."""

    entry_id: str
    canonical: str
    kind: str
    persian: str | None = None
    titles: list[str] = field(default_factory=list)
    articles: int = 0


def glossary_terms(brief: Brief) -> list[GlossaryTerm]:
    """Every glossary entry the articles mention, people first, then by name."""
    terms: dict[str, GlossaryTerm] = {}
    for article in all_articles(brief):
        for entry_id, mentions in _by_entry(article.mentions):
            first = mentions[0]
            term = terms.setdefault(entry_id, GlossaryTerm(entry_id, first.canonical, first.kind))
            term.articles += 1
            for mention in mentions:
                term.persian = term.persian or mention.persian
                if mention.title and mention.title not in term.titles:
                    term.titles.append(mention.title)
    order = {"person": 0, "title": 1, "organization": 2, "place": 3}
    return sorted(terms.values(), key=lambda t: (order.get(t.kind, 4), t.canonical.casefold()))


def _by_entry(mentions: list[Mention]) -> Iterator[tuple[str, list[Mention]]]:
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.entry_id, []).append(mention)
    yield from grouped.items()


def source_details(article: Article) -> list[str]:
    """The sources list's line for one article, after its headline."""
    details = [article.outlet] if article.outlet else []
    details += [article_date(article), language_name(article)]
    return details


def not_included(brief: Brief) -> list[Skipped]:
    """Inputs left out of the brief, each with its reason."""
    return [*brief.skipped, *brief.excluded]
