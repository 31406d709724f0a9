"""Fuzz target: any bytes, in any shape a reader parses, through the readers and the
reading stages (language, clean, dates, country, sentences). A file is read or skipped
with a one-line reason (:class:`InputError`); no other exception escapes, and each
input costs bounded time.

Inputs are built from the pieces that broke parsers before (unbalanced brackets and
emphasis, unclosed and deep markup, entities, NUL references, DTDs) mixed with arbitrary
text and bytes; hypothesis shrinks a failure to its smallest file.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefgen.errors import InputError
from briefgen.pipeline import ArticleSkipped, StageError, analyse_article
from briefgen.readers import read_article
from briefgen.run import Run

#: Seconds one fuzzed file may take to read and analyse (they are all under 20 KB; the
#: limits of :mod:`briefgen.limits` are far above this, so a slow one is a regression).
SECONDS_PER_INPUT = 5.0

WORDS = st.sampled_from(
    [
        "Iran",
        "Oman's",
        "Minister of ICT",
        "وزیر ارتباطات",
        "مسقط",
        "وزير الاتصالات",
        "1402/08/04",
        "2024-05-15",
        "Publish Date:",
        "TEHRAN —",
        "Read more:",
        "انتهای پیام/",
        "«",
        "»",
        ".",
        ":",
        " ",
        "\n",
        "\n\n",
        "\u200c",
        "\u202e",
        "\x00",
        "\x1b[2J",
        "\ufeff",
        "🇮🇷",
    ]
)
MARKDOWN = st.sampled_from(
    [
        "[",
        "]",
        "(",
        ")",
        "](",
        "![",
        "*",
        "**",
        "_",
        "__",
        "`",
        "```",
        "# ",
        "> ",
        "- ",
        "|",
        "1. ",
        "\\",
        "<",
        ">",
        "---",
        "    ",
        "<http://x>",
        "[a]: http://x",
        "&amp;",
        "&#0;",
    ]
)
HTML = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<h1>",
        "</h1>",
        "<title>",
        "</title>",
        "<br/>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<![CDATA[",
        "]]>",
        "<a href='",
        "'>",
        "</a>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<",
        ">",
        '"',
        "&amp;",
        "&#0;",
        "&#x110000;",
        "&nbsp;",
        "&unknown;",
        "<html>",
        "<body>",
        "<article>",
        "<!DOCTYPE html>",
        "<meta charset='windows-1256'>",
        "<?xml version='1.0'?>",
    ]
)
DOCX_XML = st.sampled_from(
    [
        "<w:p>",
        "</w:p>",
        "<w:r>",
        "</w:r>",
        "<w:t>",
        "</w:t>",
        '<w:t xml:space="preserve">',
        "<w:tab/>",
        "<w:br/>",
        "<w:tbl>",
        "</w:tbl>",
        "<w:tr>",
        "</w:tr>",
        "<w:tc>",
        "</w:tc>",
        "<w:sdt>",
        "</w:sdt>",
        "<w:pPr>",
        "</w:pPr>",
        '<w:pStyle w:val="Title"/>',
        "<x:y>",
        "&amp;",
        "&lt;",
        "&#0;",
        "&#xD800;",
        "&ent;",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "<",
    ]
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
    "</Types>"
)


def _mixed(markup: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(markup, WORDS, st.text(max_size=12))
    return st.lists(piece, max_size=120).map("".join)


def _encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    encodings = st.sampled_from(["utf-8", "utf-16", "cp1256", "latin-1"])
    return st.tuples(text, encodings).map(lambda pair: pair[0].encode(pair[1], "replace"))


def _docx(body: str, prolog: str, cut: int | None) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W_NS}">'
        f"<w:body>{body}</w:body></w:document>"
    ).encode("utf-8", "surrogatepass")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("word/document.xml", document)
    data = buffer.getvalue()
    return data if cut is None else data[:cut]


def _escaped(text: str) -> str:
    """``text`` as Word writes it in XML: escaped, without the characters XML forbids."""
    allowed = "".join(
        ch
        for ch in text
        if ch in "\t\n\r" or ("\x20" <= ch < "\ud800") or ("\ue000" <= ch <= "\ufffd")
    )
    return allowed.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_RUN = st.one_of(
    st.one_of(WORDS, st.text(max_size=30)).map(lambda t: f"<w:r><w:t>{_escaped(t)}</w:t></w:r>"),
    st.sampled_from(["<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>", "<w:r/>", "<w:r><w:t/></w:r>"]),
)
_PARAGRAPH = st.tuples(
    st.sampled_from(["", '<w:pPr><w:pStyle w:val="Title"/></w:pPr>']),
    st.lists(_RUN, min_size=1, max_size=8),
).map(lambda parts: f"<w:p>{parts[0]}{''.join(parts[1])}</w:p>")
#: Well-formed bodies: paragraphs, nested in tables and content controls.
_BODY = st.recursive(
    st.lists(_PARAGRAPH, min_size=1, max_size=6).map("".join),
    lambda inner: st.one_of(
        inner.map(lambda body: f"<w:sdt><w:sdtContent>{body}</w:sdtContent></w:sdt>"),
        inner.map(lambda body: f"<w:tbl><w:tr><w:tc>{body}</w:tc></w:tr></w:tbl>"),
        st.lists(inner, max_size=3).map("".join),
    ),
    max_leaves=12,
)
DOCX = st.builds(
    _docx,
    st.one_of(_BODY, _mixed(DOCX_XML), st.tuples(_BODY, DOCX_XML, _BODY).map("".join)),
    st.sampled_from(["", "", "", "", "<!DOCTYPE w:document [<!ENTITY ent 'x'>]>"]),
    st.sampled_from([None] * 9 + [600, 300, 30]),  # where a truncated file ends
)
_SENTENCE = st.lists(WORDS, min_size=8, max_size=40).map(" ".join)
#: Pages with an article in them, markup pieces between its paragraphs.
HTML_PAGE = st.lists(
    st.one_of(_SENTENCE.map(lambda text: f"<p>{text}</p>"), HTML), min_size=3, max_size=30
).map(
    lambda parts: (
        f"<html><head><title>Iran and Oman</title></head><body><article>"
        f"{''.join(parts)}</article></body></html>"
    )
)
FILES = st.one_of(
    st.tuples(st.just(".txt"), _encoded(_mixed(WORDS)) | st.binary(max_size=2000)),
    st.tuples(st.just(".md"), _encoded(_mixed(MARKDOWN))),
    st.tuples(
        st.just(".html"),
        _encoded(HTML_PAGE) | _encoded(_mixed(HTML)) | st.binary(max_size=2000),
    ),
    st.tuples(st.just(".docx"), DOCX | st.binary(max_size=2000)),
)
FUZZ = settings(
    max_examples=int(os.environ.get("BRIEFGEN_FUZZ_EXAMPLES", "300")),  # more: a long campaign
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def run() -> Run:
    return Run()


@FUZZ
@given(FILES)
def test_any_file_is_read_or_skipped_with_a_reason_in_bounded_time(
    tmp_path: Path, run: Run, case: tuple[str, bytes]
) -> None:
    suffix, data = case
    path = tmp_path / f"fuzzed{suffix}"
    path.write_bytes(data)
    started = time.monotonic()
    try:
        article = read_article(path)
    except InputError as exc:
        assert exc.path == path and exc.reason and "\n" not in exc.reason
        event(f"{suffix} skipped: {exc.reason.split(' (')[0]}")
    else:
        event(f"{suffix} read")
        try:
            analyse_article(article, run)
        except StageError as exc:
            if not isinstance(exc.__cause__, ArticleSkipped):
                raise
    elapsed = time.monotonic() - started
    assert elapsed < SECONDS_PER_INPUT, f"{suffix} of {len(data)} bytes took {elapsed:.1f} s"


def test_a_parser_message_quoting_the_file_is_one_line_in_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "cdata.docx"
    path.write_bytes(_docx("<w:p><w:r><w:t><![CDATA[Muscat\n\u202eend", "", None))
    with pytest.raises(InputError) as caught:
        read_article(path)
    reason = caught.value.reason
    assert reason.startswith("not a readable Word document (the document: malformed XML")
    assert "\n" not in reason and len(reason) <= 300
