"""JSON output: the Brief model as data, for scripts and other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen.files import encodable, write_text_atomically
from briefgen.model import Article, Brief, Skipped, StoryMatch, Translation
from briefgen.writers.common import entries, overview_rows
from briefgen.writers.executive import executive_summary


def translation_to_dict(translation: Translation | None) -> dict[str, Any] | None:
    """How an article was translated, as data (``None`` when it was not)."""
    if translation is None:
        return None
    return {
        "label": translation.label,
        "engine": translation.engine,
        "package": translation.package,
        "version": translation.version,
        "test_model": translation.is_test_model,
        "missing_terms": translation.missing_terms,
        "reviewed_sentences": translation.reviewed,
    }


def story_match_to_dict(match: StoryMatch | None) -> dict[str, Any] | None:
    """Why a report was merged into its entry, as data (``None`` for an entry)."""
    if match is None:
        return None
    return {
        "matched": str(match.matched),
        "score": match.score,
        "threshold": match.threshold,
        "date_gap_days": match.date_gap,
        "shared": [
            e.detail
            for e in match.evidence
            if e.kind in ("person", "organization", "place", "other", "country") and e.points > 0
        ],
        "numbers": [e.detail for e in match.evidence if e.kind == "numbers" and e.points > 0],
        "evidence": [
            {"kind": e.kind, "detail": e.detail, "points": e.points} for e in match.evidence
        ],
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """A JSON-ready dictionary for one article."""
    translation = article.translation
    return {
        "source_path": str(article.source_path),
        "language": article.language,
        "date": article.date.isoformat() if article.date else None,
        "jalali_date": article.jalali_date,
        "country": article.country,
        "headline": article.shown_headline,
        "headline_source": article.headline if translation else None,
        "headline_reviewed": article.headline_reviewed,
        "outlet": article.outlet,
        "url": article.url,
        "summary": [s.shown for s in article.summary],
        "summary_source": [s.text for s in article.summary] if translation else None,
        "summary_reviewed": [s.reviewed for s in article.summary],
        "translation": translation_to_dict(translation),
        "untranslated_reason": article.untranslated_reason,
        "people": [
            {
                "id": p.entry_id,
                "name": p.name,
                "title": p.title,
                "in_glossary": p.in_glossary,
                "surface": p.surface,
            }
            for p in article.people
        ],
        "mentions": [
            {
                "id": m.entry_id,
                "canonical": m.canonical,
                "surface": m.surface,
                "kind": m.kind,
                "title": m.title,
                "persian": m.persian,
            }
            for m in article.mentions
        ],
        "also_reported_by": [str(a.source_path) for a in article.also_reported_by],
        "merged_because": story_match_to_dict(article.merged_because),
        "warnings": article.warnings,
    }


def _skipped(items: list[Skipped]) -> list[dict[str, str]]:
    return [{"path": str(s.path), "reason": s.reason} for s in items]


def _articles(brief: Brief) -> list[dict[str, Any]]:
    """Every article in the brief: each entry, then the duplicate reports merged into it
    (``duplicate_of`` names the entry's file)."""
    items = []
    for section in brief.sections:
        for entry in entries(section):
            items.append({**article_to_dict(entry), "duplicate_of": None})
            for report in entry.also_reported_by:
                items.append({**article_to_dict(report), "duplicate_of": str(entry.source_path)})
    return items


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """A JSON-ready dictionary for the whole brief."""
    return {
        "title": brief.title,
        "date": brief.date.isoformat(),
        "window": {
            "start": brief.window.start.isoformat() if brief.window.start else None,
            "end": brief.window.end.isoformat() if brief.window.end else None,
            "label": brief.window.label,
        },
        "generated": brief.generated.isoformat(),
        "organization": brief.layout.organization,
        "sections": [
            {"country": s.country, "articles": len(s.articles) + len(s.undated)}
            for s in brief.sections
        ],
        "executive_summary": [
            {
                "country": line.country,
                "text": line.text,
                "source_path": str(line.article.source_path),
            }
            for line in executive_summary(brief)
        ],
        "overview": [
            {"country": r.country, "articles": r.entries, "duplicates": r.merged, "dates": r.span}
            for r in overview_rows(brief)
        ],
        "articles": _articles(brief),
        "skipped": _skipped(brief.skipped),
        "excluded": _skipped(brief.excluded),
    }


def write_json(brief: Brief, path: Path) -> Path:
    """Write ``brief`` as indented UTF-8 JSON (a file name's bytes that are not UTF-8
    appear as ``\\xNN``)."""
    text = json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
    return write_text_atomically(path, encodable(text, backslash="\\\\"))
