"""Plain-text and Markdown articles."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen.model import Article
from briefgen.readers.decode import clean_characters, decode_text

# Every pattern here runs in linear time on any input (text is untrusted): possessive
# quantifiers never backtrack, and no span may hold its own delimiter, so each match
# attempt ends at the next bracket, parenthesis or delimiter. (The old link pattern was
# cubic on unbalanced brackets: 8 KB of "[](" took minutes.)
# [text](url "title"): the url may hold one level of parentheses (Wikipedia links).
_MD_LINK = re.compile(r"!?\[([^\[\]]*+)\]\(((?:[^()\s]++|\([^()\s]*+\))*+)[^()]*+\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.M)
# **strong**, __strong__, *em*, _em_, `code`: longest delimiters first, one pass each.
_MD_EMPHASIS = tuple(
    re.compile(rf"{marker}(?=[^\s{char}])([^{char}\n]+?)(?<=[^\s{char}]){marker}")
    for marker, char in (
        (r"\*\*", r"\*"),
        ("__", "_"),
        (r"\*", r"\*"),
        ("_", "_"),
        ("`", "`"),
    )
)
_MD_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", re.M)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.M)


def read_text(path: Path, data: bytes) -> Article:
    """A ``.txt`` article: the text as it is, decoded."""
    text, encoding = decode_text(data)
    return Article(
        source_path=path, raw_text=clean_characters(text), source_meta={"encoding": encoding}
    )


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Plain text from Markdown, and the first link target (a likely source URL)."""
    link = _MD_LINK.search(markdown)
    text = _MD_LINK.sub(r"\1", markdown)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_QUOTE.sub("", text)
    for emphasis in _MD_EMPHASIS:
        text = emphasis.sub(r"\1", text)
    return text, (link.group(2) if link and link.group(2).startswith("http") else None)


def read_markdown(path: Path, data: bytes) -> Article:
    """A ``.md`` article: Markdown syntax removed, the first http link kept as its URL."""
    article = read_text(path, data)
    article.raw_text, url = markdown_to_text(article.raw_text)
    if url:
        article.source_meta["url"] = url
    return article
