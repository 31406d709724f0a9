"""Headlines: which line at the top of a page is the headline, and one made from the lead
when the page has none.

The top of a page — the lines above the lead paragraph — holds the headline among page
furniture: kickers ending with ':' or '؛' («وزیر ارتباطات خبر داد:»), numbered breadcrumbs
("1. Politics"), category labels, tag lines naming two countries, outlet names, clocks,
short section labels ("Legal Matters"), the headline printed twice. :func:`top_line_kind`
sorts one line into ``headline`` (it can be the headline), ``weak`` (only a label) or a
furniture reason; :func:`choose_headline` picks among the candidates.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from briefgen import lang
from briefgen.text import boilerplate as bp
from briefgen.text.dates import has_clock_time
from briefgen.text.sentences import split_sentences

HEADLINE, WEAK = "headline", "weak"
#: A line this short is a label ("Legal Matters", "Foreign Policy"), not a headline.
_LABEL_WORDS = 2
_CONNECTORS = frozenset(["and", "و", "-", "–", "|", "/", ",", "،", "&", "vs", "with", "با"])


def top_line_kind(text: str) -> str:
    """``headline``, ``weak`` or the furniture reason of a line above the lead."""
    stripped = bp.strip_media_prefix(text)
    if stripped and stripped != text:
        return top_line_kind(stripped)  # "VIDEO | …" is judged by what follows the label
    if bp.is_markup(text):
        return "image placeholder"
    if bp.is_numbered_breadcrumb(text) or bp.is_breadcrumb(text):
        return "breadcrumb"
    if bp.is_category_label(text):
        return "category label"
    if bp.is_kicker(text):
        return "kicker"
    if bp.is_caption(text):
        return "image caption"
    if bp.is_ad(text):
        return "advertisement"
    if is_country_tag_line(text):
        return "country tag line"
    if (
        len(bp.words(text)) <= _LABEL_WORDS
        or has_clock_time(text)
        or "@" in text
        or (bp.looks_like_outlet(text) and len(bp.words(text)) <= 6)
    ):
        return WEAK
    return HEADLINE


def is_country_tag_line(text: str) -> bool:
    """ "Iran - Armenia", «ایران و ارمنستان»: a tag line made only of country names."""
    if len(bp.words(text)) > 6:
        return False
    from briefgen.gazetteer import gazetteer

    mentions = gazetteer().find(text)
    if len(mentions) < 2:
        return False
    rest = bp.line_key(text)
    for mention in mentions:
        rest = rest.replace(bp.line_key(mention.surface), " ")
    return all(token in _CONNECTORS for token in rest.split())


def choose_headline(candidates: Sequence[tuple[int, str]]) -> int | None:
    """The index of the headline among ``(index, text)`` headline-kind lines above the
    lead, or ``None``: a line printed twice, else the last one — unless the last is a
    long standfirst right under a shorter line."""
    if not candidates:
        return None
    keys = [bp.line_key(text) for _, text in candidates]
    for (index, _), key in zip(candidates, keys, strict=True):
        if keys.count(key) > 1:
            return index
    last_index, last = candidates[-1]
    if len(candidates) > 1:
        previous_index, previous = candidates[-2]
        longer = (
            len(bp.words(last)) >= 14 and len(bp.words(previous)) * 10 <= len(bp.words(last)) * 7
        )
        if previous_index == last_index - 1 and longer:
            return previous_index
    return last_index


def derive_headline(lead: str, language: str, cut_near: int) -> str:
    """A headline for a page that has none: the main clause of the lead's first sentence
    (its dateline and attribution already cut), cut near ``cut_near`` words."""
    sentences = split_sentences(lead, language) if lead else []
    if not sentences:
        return ""
    text = sentences[0]
    if language == "en":
        text = _main_clause(text)
    tokens = text.split()
    if len(tokens) > cut_near:
        cut = cut_near
        cut_words = lang.words("names", "headline_cut_words")
        for index in range(cut_near, min(len(tokens), cut_near + 8)):
            if tokens[index - 1].endswith(",") or tokens[index].casefold() in cut_words:
                cut = index
                break
        text = " ".join(tokens[:cut]).rstrip(",;:،") + " …"
    return text.rstrip(".")


@functools.cache
def _subordinate() -> re.Pattern[str]:
    openers = "|".join(map(re.escape, lang.words("names", "subordinate_openers", ["en"])))
    return re.compile(rf"^(?:{openers})\b", re.IGNORECASE)


def _main_clause(sentence: str) -> str:
    """Skip an opening subordinate clause ("While X, Y did Z" → "Y did Z")."""
    if not _subordinate().match(sentence) or "," not in sentence:
        return sentence
    rest = sentence.split(",", 1)[1].strip()
    if len(rest.split()) < 5 or not rest[:1].isalpha():
        return sentence
    return rest[:1].upper() + rest[1:]
