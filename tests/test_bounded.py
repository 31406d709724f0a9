"""Every input is bounded: linear regular expressions, a summarizer that does not grow
with the square of the article, sentences cut for the model, limits on size, nesting,
paragraphs and time."""

from __future__ import annotations

import io
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from briefgen import limits
from briefgen.country_scan import mention_roles
from briefgen.errors import InputError
from briefgen.limits import LimitExceeded, call_with_time_limit
from briefgen.readers import read_article
from briefgen.readers.html import check_markup
from briefgen.readers.text import markdown_to_text
from briefgen.stages.translate import MAX_MODEL_TOKENS, split_for_model
from briefgen.summarize import summarize
from briefgen.text.persian import normalize_persian
from briefgen.text.sentences import split_paragraphs, split_sentences
from tests.hostile.make_corpus import EN_BODY, FA_BODY

#: Seconds any one of the pathological strings below may take (each took from 30 s to
#: hours before: the Markdown link pattern was cubic, the others quadratic).
FAST = 2.0


def timed(func, *args):
    started = time.perf_counter()
    result = func(*args)
    return result, time.perf_counter() - started


@pytest.mark.parametrize(
    ("func", "text"),
    [
        (markdown_to_text, "[](" * 30_000),
        (markdown_to_text, "![" * 50_000 + "](" * 50_000),
        (markdown_to_text, "`a *b _c **d __e " * 20_000),
        (markdown_to_text, "[x](" + "(" * 50_000),
        (split_paragraphs, "a" + " " * 500_000 + "b"),
        (normalize_persian, "a" + " " * 500_000 + "\u200c"),
        (normalize_persian, ("\u200c " * 200_000) + "x"),
        (check_markup, "<p " + "a=b " * 100_000),
        (check_markup, "<script>" + "i<n;" * 100_000),
        (check_markup, "<style></style>" * 50_000),
    ],
    ids=[
        "md-unbalanced-links",
        "md-image-brackets",
        "md-emphasis",
        "md-url-parentheses",
        "paragraphs-spaces",
        "persian-spaces",
        "persian-zwnj-spaces",
        "html-attributes",
        "html-script",
        "html-styles",
    ],
)
def test_regular_expressions_on_pathological_text_are_linear(func, text: str) -> None:
    try:
        _, elapsed = timed(func, text)
    except LimitExceeded:  # refusing is fine too; taking long is not
        return
    assert elapsed < FAST, f"{elapsed:.1f} s"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("مسقط " * 8_000, "fa"),  # one "sentence" of 8,000 country names
        ("Oman's " * 8_000, "en"),
        ("«عمان» وزیر " * 4_000, "fa"),  # quotes after a post word
    ],
    ids=["fa-names-without-end", "en-possessives", "fa-quotes"],
)
def test_country_roles_of_a_long_text_without_sentence_ends_are_linear(
    text: str, language: str
) -> None:
    """Each mention used to scan its whole sentence and every name before it: 8,000
    names in one sentence took 50 s."""
    roled, elapsed = timed(lambda: mention_roles(text, language, event=False))
    assert len(roled) >= 4_000
    assert elapsed < FAST, f"{elapsed:.1f} s"


def test_markdown_still_reads_as_before() -> None:
    text, url = markdown_to_text(
        "# Heading\n\n**Iran's _big_ deal** in [Muscat](https://example.com/a_(b)) "
        "and `code` and *stress*.\n\n---\n\n> quoted"
    )
    assert text.split() == (
        [
            "Heading",
            "Iran's",
            "big",
            "deal",
            "in",
            "Muscat",
            "and",
            "code",
            "and",
            "stress.",
            "quoted",
        ]
    )
    assert url == "https://example.com/a_(b)"


def test_the_summarizer_cost_is_bounded_on_long_articles() -> None:
    """3,000 sentences took minutes (every method is quadratic): only the first
    SUMMARY_SENTENCES are ranked, so 3,000 cost what 400 do."""
    sentences = [
        f"Officials in Muscat discussed item {i} of the data transit plan." for i in range(3000)
    ]
    chosen, elapsed = timed(lambda: summarize(sentences, headline="Data transit plan"))
    assert chosen and all(i < limits.SUMMARY_SENTENCES for i in chosen)
    assert elapsed < 15, f"{elapsed:.1f} s"


def test_overlong_sentences_are_cut_for_the_model() -> None:
    words = FA_BODY.replace(".", "").split()
    sentence = " ".join(words * 20) + "."  # ~800 words, far past 256 positions
    pieces = split_for_model(sentence)
    assert len(pieces) > 1 and all(len(p) <= MAX_MODEL_TOKENS for p in pieces)
    assert " ".join(pieces).split() == sentence.split()  # nothing lost or reordered
    assert split_for_model("کوتاه.") == ["کوتاه."]
    no_spaces = "ا" * 1000  # no clause mark, no space: cut anywhere
    assert "".join(split_for_model(no_spaces)) == no_spaces
    clauses = "، ".join(["دو طرف بر همکاری تاکید کردند"] * 40)
    pieces = split_for_model(clauses)
    assert all(piece.endswith("،") for piece in pieces[:-1])  # cut after clause marks
    assert " ".join(pieces) == clauses


def test_a_long_persian_sentence_is_translated_not_a_crash(fa_en_model, tmp_path: Path) -> None:
    """One sentence past the model's 256 positions ended the run with exit 70."""
    from click.testing import CliRunner

    from briefgen.cli import main

    long_sentence = "، ".join([FA_BODY.replace(".", "")] * 12) + "."
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "fa.txt").write_text(f"دیدار در مسقط\n\n{long_sentence}\n", "utf-8")
    result = CliRunner().invoke(
        main, ["brief", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "machine-translated" in result.stderr
    import json

    data = json.loads(next((tmp_path / "out").glob("*.json")).read_text(encoding="utf-8"))
    (article,) = data["articles"]
    assert article["translation"] and article["summary"]
    assert all(ord(ch) < 0x600 or ord(ch) > 0x6FF for ch in " ".join(article["summary"]))


# --- limits of one file -------------------------------------------------------------------


def _docx(document_xml: str, parts: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", document_xml)
        for name, data in (parts or {}).items():
            package.writestr(name, data)
    return buffer.getvalue()


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _paragraphs(*texts: str) -> str:
    body = "".join(f"<w:p><w:r><w:t>{t}</w:t></w:r></w:p>" for t in texts)
    return f"<w:document {W}><w:body>{body}</w:body></w:document>"


def test_the_docx_reader_reads_paragraphs_tables_and_title_in_order(tmp_path: Path) -> None:
    table = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Muscat</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>2024-05-15</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    body = (
        "<w:p><w:r><w:t>Iran and Oman</w:t></w:r><w:r><w:tab/><w:t>agree</w:t></w:r></w:p>"
        f"{table}<w:p><w:r><w:delText>deleted</w:delText><w:t>{EN_BODY}</w:t></w:r></w:p>"
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Deal</dc:title>'
        "</cp:coreProperties>"
    )
    path = tmp_path / "a.docx"
    path.write_bytes(
        _docx(
            f"<w:document {W}><w:body>{body}</w:body></w:document>",
            {"docProps/core.xml": core.encode()},
        )
    )
    article = read_article(path)
    assert article.raw_text.split("\n\n") == [
        "Iran and Oman\tagree",
        "Muscat | 2024-05-15",
        EN_BODY,
    ]
    assert article.source_meta["title"] == "Deal"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (_paragraphs("a &#0; b"), "malformed XML"),
        (_paragraphs("unclosed")[:-30], "malformed XML"),
        (f"<w:document {W}><w:body>" + "<w:sdt>" * 5000, "nested more than"),
        (_paragraphs(*["Line."] * (limits.MAX_PARAGRAPHS + 1)), "too many paragraphs"),
        (_paragraphs(*["x" * 100_000] * 11), "too much text"),
        (
            '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "b">]>' + _paragraphs("&a;"),
            "DTD",
        ),
    ],
    ids=["nul-reference", "malformed", "deep", "paragraphs", "text", "dtd"],
)
def test_a_docx_past_a_limit_is_skipped_with_the_reason(
    tmp_path: Path, document: str, reason: str
) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(_docx(document))
    started = time.perf_counter()
    with pytest.raises(InputError, match=reason) as raised:
        read_article(path)
    assert time.perf_counter() - started < FAST
    assert str(raised.value).startswith(f"{path}: ")


def test_a_docx_bomb_is_refused_by_its_unzipped_size(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package,
        package.open("word/document.xml", "w", force_zip64=True) as part,
    ):
        part.write(_paragraphs(EN_BODY).encode())
        for _ in range(limits.MAX_XML_BYTES // (1 << 20) + 2):
            part.write(b" " * (1 << 20))
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 1_000_000
    with pytest.raises(InputError, match="compression bomb"):
        read_article(path)


def test_text_past_the_limits_is_skipped(tmp_path: Path) -> None:
    many = tmp_path / "many.txt"
    many.write_text("Line.\n" * (limits.MAX_PARAGRAPHS + 1), encoding="utf-8")
    with pytest.raises(InputError, match="too many paragraphs"):
        read_article(many)
    much = tmp_path / "much.md"
    much.write_text("word " * (limits.MAX_TEXT_CHARS // 5 + 1), encoding="utf-8")
    with pytest.raises(InputError, match="too much text"):
        read_article(much)


def test_a_slow_file_costs_its_time_limit_not_the_run(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr("briefgen.readers.READ_SECONDS", 0.2)
    slow = tmp_path / "slow.md"  # linear now, but large: longer than 0.2 s to read
    slow.write_text(("`a *b _c " * 100_000 + "\n") * 5, encoding="utf-8")
    with pytest.raises(InputError, match=r"took longer than 0\.2 s to read"):
        read_article(slow)
    assert read_article(_article(tmp_path)).raw_text  # the next file reads as ever


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "ok.txt"
    path.write_text(f"Headline\n\n{EN_BODY}", encoding="utf-8")
    return path


def test_the_time_limit_is_not_swallowed_by_a_library() -> None:
    def stubborn() -> None:
        while True:
            try:
                sum(range(100_000))
            except Exception:  # a library catching everything it can
                continue

    started = time.monotonic()
    with pytest.raises(LimitExceeded, match=r"took longer than 0\.3 s"):
        call_with_time_limit(0.3, "work", stubborn)
    assert time.monotonic() - started < 2


def test_an_article_past_its_time_limit_is_skipped_with_the_reason(monkeypatch) -> None:
    from briefgen.model import Article
    from briefgen.pipeline import _article_job
    from briefgen.run import Run

    steps = ("language", "clean", "sentences", "summarize")
    short = Article(source_path=Path("short.txt"), raw_text=f"Headline\n\n{EN_BODY}")
    assert _article_job((short, steps), Run())[1] is None  # loads what the steps need
    monkeypatch.setattr(limits, "ANALYSE_SECONDS", 0.5)
    long = "\n\n".join(split_sentences(EN_BODY) * 3000)
    article = Article(source_path=Path("long.txt"), raw_text=f"Headline\n\n{long}")
    started = time.monotonic()
    _, reason = _article_job((article, steps), Run())
    assert reason == "took longer than 0.5 s to analyse (time limit)"
    assert time.monotonic() - started < 3


# --- special files ---------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["/proc/self/environ", "/proc/self/status", "/dev/zero"])
def test_links_to_system_files_are_not_read_as_articles(tmp_path: Path, target: str) -> None:
    link = tmp_path / "article.txt"
    link.symlink_to(target)
    with pytest.raises(InputError, match="not a regular file"):
        read_article(link)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    started = time.perf_counter()
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)
    assert time.perf_counter() - started < 1


def test_a_locked_cache_is_not_renamed_as_damaged(tmp_path: Path, monkeypatch) -> None:
    from briefgen.tm.sqlite import SQLiteMemory

    database = tmp_path / "translation-memory.sqlite3"
    SQLiteMemory(database).close()
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")  # another run holds the memory
    monkeypatch.setattr("briefgen.tm.sqlite.BUSY_TIMEOUT", 0.1)
    try:
        memory = SQLiteMemory(database)
        assert not memory.enabled
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["translation-memory.sqlite3"]
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"this is not a database " * 100)
    assert SQLiteMemory(damaged).enabled  # damage is set aside, a new file made
    assert [p for p in tmp_path.iterdir() if ".broken-" in p.name]
