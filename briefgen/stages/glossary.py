"""Glossary stages: official names in the English text, and dated titles in summaries.

* :func:`glossary_stage` (after translation) normalizes variants to the canonical form
  in the headline and sentences of English and translated articles, and fills
  ``article.mentions`` (one per entry, with the title valid on the article's date).
  Persian (and Arabic) articles left untranslated get their mentions from the source text.
* :func:`title_stage` (after summarizing) gives the first mention of a person in a
  summary the full name and dated title, later mentions the short form.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefgen.glossary import Glossary, load_glossary
from briefgen.glossary.match import Hit, normalize_english
from briefgen.glossary.titles import apply_titles
from briefgen.model import Article, Mention


def load_run_glossary(paths: Sequence[Path], default: Sequence[Path]) -> Glossary:
    """The glossary for a run: the default folder may be missing, a configured one not."""
    return load_glossary(paths, missing_ok=tuple(paths) == tuple(default))


def glossary_stage(articles: Iterable[Article], glossary: Glossary) -> None:
    """Normalize English names and fill ``mentions`` for each article."""
    if not glossary:
        return
    for article in articles:
        found: list[tuple[Hit, str | None]] = []  # (hit, Persian surface for translated text)
        if article.language in ("fa", "ar") and not article.is_translated:
            for text in (article.headline, *(s.text for s in article.sentences)):
                found.extend((hit, None) for hit in glossary.find_persian(text))
        elif article.is_translated or article.language == "en":
            article.headline, hits = normalize_english(glossary, article.headline)
            found.extend(_with_source(hits, glossary, article.headline_source))
            for sentence in article.sentences:
                sentence.text, hits = normalize_english(glossary, sentence.text)
                found.extend(_with_source(hits, glossary, sentence.source))
        article.mentions = mentions_from(found, article)


def _with_source(
    hits: list[Hit], glossary: Glossary, source: str | None
) -> list[tuple[Hit, str | None]]:
    if not source:
        return [(hit, None) for hit in hits]
    persian = {h.entry.id: h.text for h in glossary.find_persian(source)}
    return [(hit, persian.get(hit.entry.id)) for hit in hits]


def mentions_from(found: list[tuple[Hit, str | None]], article: Article) -> list[Mention]:
    """One mention per entry, in order of first appearance."""
    mentions: dict[str, Mention] = {}
    for hit, source_surface in found:
        entry = hit.entry
        if entry.id in mentions:
            continue
        mentions[entry.id] = Mention(
            entry_id=entry.id,
            canonical=entry.canonical,
            surface=source_surface or hit.text,
            kind=entry.type,
            title=entry.title_on(article.date),
            persian=entry.preferred_persian,
        )
    return list(mentions.values())


def title_stage(articles: Iterable[Article], glossary: Glossary) -> None:
    """Dated titles and short forms in each English (or translated) summary."""
    if not glossary:
        return
    for article in articles:
        if not article.summary or not (article.is_translated or article.language == "en"):
            continue
        texts = apply_titles([s.text for s in article.summary], glossary, article.date)
        # Summary sentences are shared with article.sentences: replace, do not edit.
        article.summary = [
            s if s.text == text else dataclasses.replace(s, text=text)
            for s, text in zip(article.summary, texts, strict=True)
        ]
