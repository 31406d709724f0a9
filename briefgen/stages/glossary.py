"""Glossary stages: official names in the English text, and dated titles in summaries.

* :func:`glossary_stage` (after translation) writes the English of English and translated
  articles with variants normalized to the canonical form (``headline_english``,
  ``Sentence.english``), and fills ``article.mentions`` (one per entry, with the title
  valid on the article's date). Articles left in Persian or Arabic get their mentions
  from the source text.
* :func:`title_stage` (after summarizing) gives the first mention of a person in a
  summary the full name and dated title, later mentions the short form.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from briefgen.glossary import Glossary
from briefgen.glossary.match import Hit, normalize_english
from briefgen.glossary.titles import apply_titles
from briefgen.model import Article, Mention

if TYPE_CHECKING:
    from briefgen.run import Run


def glossary_stage(article: Article, run: Run) -> None:
    """Put official names into the English text and list the glossary entries found."""
    glossary = run.glossary
    if not glossary:
        return
    found: list[tuple[Hit, str | None]] = []  # (hit, source-script surface for translations)
    if article.text_language == "en":
        source = article.headline if article.is_translated else None
        article.headline_english, hits = normalize_english(glossary, article.shown_headline)
        found.extend(_with_source(hits, glossary, source))
        for sentence in article.sentences:
            sentence.english, hits = normalize_english(glossary, sentence.shown)
            found.extend(
                _with_source(hits, glossary, sentence.text if article.is_translated else None)
            )
    elif article.language in ("fa", "ar"):
        for text in (article.headline, *(s.text for s in article.sentences)):
            found.extend((hit, None) for hit in glossary.find_persian(text))
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


def title_stage(article: Article, run: Run) -> None:
    """Give the first mention of a person in an English summary its dated title."""
    glossary = run.glossary
    if not glossary or not article.summary or article.text_language != "en":
        return
    texts = apply_titles([s.shown for s in article.summary], glossary, article.date)
    # Summary sentences are shared with article.sentences: replace, do not edit.
    article.summary = [
        s if s.shown == text else dataclasses.replace(s, english=text)
        for s, text in zip(article.summary, texts, strict=True)
    ]
