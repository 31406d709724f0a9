"""The reviewer's report: where each entry was found and as what, protected terms the
translation lost, and names the glossary does not cover yet.

:func:`review_articles` works on analysed (and, for Persian, optionally translated)
articles; :func:`write_review` writes the report as CSV (one finding a row, for a
spreadsheet) and Markdown (to read and work through).
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.files import write_text_atomically
from briefgen.glossary.candidates import (
    english_candidates,
    lowercase_words,
    persian_candidates,
)
from briefgen.glossary.exchange import formula_safe
from briefgen.glossary.model import Entry, Glossary
from briefgen.model import Article

CONTEXT = 60
CSV_COLUMNS: tuple[str, ...] = (
    "section",
    "entry_id",
    "canonical",
    "found_as",
    "language",
    "file",
    "where",
    "context",
    "note",
)


@dataclass(frozen=True)
class Finding:
    """One row of the report."""

    section: str  # "hit", "missing", "candidate", "unused"
    file: str = ""
    where: str = ""  # "headline", "sentence 3"
    language: str = ""
    entry_id: str = ""
    canonical: str = ""
    found_as: str = ""  # the surface form (hit), the missing term, the candidate name
    context: str = ""
    note: str = ""  # hit: form kind; candidate: reason; missing term: the translation


@dataclass
class Review:
    """Everything the report says."""

    glossary: Glossary
    articles: int = 0
    hits: list[Finding] = field(default_factory=list)
    missing: list[Finding] = field(default_factory=list)
    candidates: list[Finding] = field(default_factory=list)
    #: People the texts name with a role whom the glossary lacks (section "person"; the
    #: note is the title the text gives), and a ready-to-paste entry for each, by name.
    people: list[Finding] = field(default_factory=list)
    entries: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    common_words: frozenset[str] = frozenset()  # lower-case words of the texts: not names

    @property
    def unused(self) -> list[Entry]:
        found = {h.entry_id for h in self.hits}
        return [e for e in self.glossary.entries if e.id not in found]

    def markdown(self) -> str:
        """The report as Markdown."""
        return review_markdown(self)

    def write(self, out: Path) -> list[Path]:
        """The report as ``OUT.csv`` and ``OUT.md``."""
        return write_review(self, out)

    @property
    def has_findings(self) -> bool:
        """Terms lost in translation or names not covered: what ``--strict`` fails on."""
        return bool(self.missing or self.candidates or self.people)


def context(text: str, start: int, end: int, width: int = CONTEXT) -> str:
    """The text around ``start:end`` with the match in [brackets], on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    snippet = f"{'…' if start > width else ''}{left}[{text[start:end]}]{right}"
    return " ".join((snippet + ("…" if end + width < len(text) else "")).split())


def _units(article: Article) -> list[tuple[str, str, str | None]]:
    translated = article.is_translated
    units: list[tuple[str, str, str | None]] = []
    if article.headline:
        units.append(("headline", article.shown_headline, article.headline if translated else None))
    units += [
        (f"sentence {s.index + 1}", s.shown, s.text if translated else None)
        for s in article.sentences
    ]
    return units


def _reviewed(article: Article) -> set[str]:
    """The units of ``article`` whose English is a reviewed translation."""
    units = {f"sentence {s.index + 1}" for s in article.sentences if s.reviewed}
    return units | ({"headline"} if article.headline_reviewed else set())


def review_articles(articles: list[Article], glossary: Glossary) -> Review:
    """Hits, translation misses and uncovered names in ``articles``."""
    review = Review(glossary, articles=len(articles))
    review.common_words = lowercase_words(
        text for article in articles for _, text, _ in _units(article) if article.language != "fa"
    )
    for article in articles:
        name = str(article.source_path)
        _people(review, article)
        reviewed = _reviewed(article)
        for where, text, source in _units(article):
            if article.is_translated and source:
                _persian(review, name, where, source)
                if where not in reviewed:  # a reviewed translation loses nothing
                    _missing(review, glossary, name, where, source, text)
                _english(review, name, where, text, count_hits=False)
            elif article.language == "fa":
                _persian(review, name, where, text)
            else:
                _english(review, name, where, text)
    return review


def _people(review: Review, article: Article) -> None:
    """People outside the glossary whom the article's source text names with a role."""
    from briefgen.glossary.candidates import person_entry_yaml
    from briefgen.glossary.people import people_in_text
    from briefgen.text.names import name_key

    language = article.language if article.language in ("fa", "ar") else "en"
    units = [("headline", article.headline)] if article.headline else []
    units += [(f"sentence {s.index + 1}", s.text) for s in article.sentences]
    for where, text in units:
        for person in people_in_text(text, language, review.glossary):
            if person.entry is not None:
                continue
            key = name_key(person.name) or person.name
            review.people.append(
                Finding(
                    "person",
                    str(article.source_path),
                    where,
                    language,
                    entry_id=key,
                    found_as=person.name,
                    context=context(text, person.start, person.end),
                    note=person.title or "",
                )
            )
            if key not in review.entries:
                review.entries[key] = person_entry_yaml(
                    person.name, person.surface, language, person.title
                )


def _persian(review: Review, name: str, where: str, text: str) -> None:
    hits = review.glossary.find_persian(text)
    _record(review, name, where, "fa", text, hits, persian_candidates(text, hits))


def _english(review: Review, name: str, where: str, text: str, count_hits: bool = True) -> None:
    hits = review.glossary.find_english(text)
    candidates = english_candidates(text, hits, review.common_words)
    _record(review, name, where, "en", text, hits if count_hits else [], candidates)


def _record(review: Review, name: str, where: str, language: str, text: str, hits, candidates):
    """Add the glossary hits and the uncovered-name candidates found in one text."""
    for hit in hits:
        review.hits.append(
            Finding(
                "hit",
                name,
                where,
                language,
                hit.entry.id,
                hit.entry.canonical,
                hit.text,
                context(text, hit.start, hit.end),
                note=hit.kind,
            )
        )
    for cand in candidates:
        review.candidates.append(
            Finding(
                "candidate",
                name,
                where,
                language,
                found_as=cand.name,
                context=context(text, cand.start, cand.end),
                note=cand.reason,
            )
        )


def _missing(
    review: Review, glossary: Glossary, name: str, where: str, source: str, translation: str
) -> None:
    found = {hit.entry.id for hit in glossary.find_english(translation)}
    for hit in glossary.find_persian(source):
        if hit.entry.id in found:
            continue
        found.add(hit.entry.id)  # report each lost term once per sentence
        review.missing.append(
            Finding(
                "missing",
                name,
                where,
                "fa",
                hit.entry.id,
                hit.entry.canonical,
                hit.text,
                context(source, hit.start, hit.end),
                note=translation,
            )
        )


# Writing ------------------------------------------------------------------------------


def review_csv(review: Review) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    rows = [*review.hits, *review.missing, *review.people, *review.candidates]
    rows += [Finding("unused", entry_id=e.id, canonical=e.canonical) for e in review.unused]
    for row in rows:
        writer.writerow([_csv_cell(getattr(row, column)) for column in CSV_COLUMNS])
    return out.getvalue()


def _csv_cell(value: object) -> object:
    """A text cell that a spreadsheet cannot evaluate (see ``formula_safe``); numbers stay."""
    return formula_safe(value) if isinstance(value, str) else value


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def review_markdown(review: Review) -> str:
    g = review.glossary
    by_entry: dict[str, list[Finding]] = defaultdict(list)
    for hit in review.hits:
        by_entry[hit.entry_id].append(hit)
    lines = [
        "# Glossary review",
        "",
        f"{review.articles} article(s); glossary of {len(g)} entries.",
        "",
        f"- {len(review.hits)} hit(s) of {len(by_entry)} entries",
        f"- {len(review.missing)} protected term(s) missing from the translation",
        f"- {len({c.found_as for c in review.candidates})} name(s) not in the glossary "
        f"({len(review.candidates)} occurrence(s))",
        f"- {len(review.entries)} person(s) named with a role, not in the glossary",
        f"- {len(review.unused)} entries not found in these articles",
        "",
    ]
    if review.notes:
        lines += [*(f"> {note}" for note in review.notes), ""]
    lines += ["## Entries found", ""]
    if by_entry:
        lines += ["| Entry | Type | Hits | Found as | Where |", "|---|---|---:|---|---|"]
        for entry in g.entries:
            hits = by_entry.get(entry.id)
            if not hits:
                continue
            forms = Counter(h.found_as for h in hits)
            found_as = ", ".join(f"{form} ×{n}" for form, n in forms.most_common())
            places = Counter(Path(h.file).name for h in hits)
            where = ", ".join(f"{file} ×{n}" for file, n in sorted(places.items()))
            lines.append(
                f"| {_cell(entry.canonical)} (`{entry.id}`) | {entry.type} | {len(hits)} "
                f"| {_cell(found_as)} | {_cell(where)} |"
            )
    else:
        lines.append("No glossary term found.")
    lines += ["", "## Missing from the translation", ""]
    if review.missing:
        lines += ["| File | Where | Term | Source | Translation |", "|---|---|---|---|---|"]
        for m in review.missing:
            lines.append(
                f"| {_cell(Path(m.file).name)} | {m.where} | {_cell(m.canonical)} "
                f"| {_cell(m.context)} | {_cell(m.note)} |"
            )
    else:
        lines.append("None: every protected term came out of the translation.")
    lines += ["", "## People not in the glossary", ""]
    lines += _people_markdown(review) or ["None."]
    lines += ["", "## Names not in the glossary", ""]
    if review.candidates:
        lines += [
            "Candidates to add (or to ignore): capitalized names in English, «quoted» and",
            "titled names in Persian.",
            "",
            "| Name | Why | Seen | First context |",
            "|---|---|---:|---|",
        ]
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for c in review.candidates:
            grouped[c.found_as].append(c)
        order = sorted(grouped.items(), key=lambda kv: (kv[1][0].note != "titled", -len(kv[1])))
        for name, items in order:
            first = items[0]
            lines.append(
                f"| {_cell(name)} | {first.note} | {len(items)} "
                f"| {_cell(Path(first.file).name)}, {first.where}: {_cell(first.context)} |"
            )
    else:
        lines.append("None.")
    lines += ["", "## Entries not found", ""]
    unused = review.unused
    lines += [f"- {e.canonical} (`{e.id}`)" for e in unused] if unused else ["None."]
    lines.append("")
    return "\n".join(lines)


def _people_markdown(review: Review) -> list[str]:
    """Each person outside the glossary: where the text names them, and an entry to paste
    into a glossary file (add dates of office only with their sources)."""
    grouped: dict[str, list[Finding]] = defaultdict(list)
    for finding in review.people:
        grouped[finding.entry_id].append(finding)
    lines: list[str] = []
    for key, items in grouped.items():
        first = items[0]
        title = f", {first.note}" if first.note else ""
        lines += [
            f"### {_cell(first.found_as)}{_cell(title)}",
            "",
            f"{len(items)} mention(s); first in {_cell(Path(first.file).name)}, {first.where}: "
            f"{_cell(first.context)}",
            "",
            "```yaml",
            review.entries[key].rstrip("\n"),
            "```",
            "",
        ]
    return lines


def write_review(review: Review, out: Path) -> list[Path]:
    """Write ``out``.csv and ``out``.md (atomically); returns the paths written."""
    out = Path(out)
    base = out.with_suffix("") if out.suffix in (".csv", ".md") else out
    csv_path = base.with_name(base.name + ".csv")
    md_path = base.with_name(base.name + ".md")
    return [
        write_text_atomically(csv_path, review_csv(review)),
        write_text_atomically(md_path, review_markdown(review)),
    ]
