"""Readers: encodings, formats, folders, and inputs that are not articles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.readers import find_inputs, read_article, read_articles

PERSIAN = "وزیر ارتباطات و فناوری اطلاعات با وزیر ارتباطات عمان در مسقط دیدار کرد."
ENGLISH = "Iran's minister met his Omani counterpart in Muscat on Monday. Café owners agreed."


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", PERSIAN),
        ("utf-8-sig", PERSIAN),
        ("utf-16", PERSIAN),
        ("cp1256", PERSIAN.replace("ی", "ي").replace("ک", "ك")),
        ("latin-1", ENGLISH),
    ],
)
def test_text_in_any_common_encoding_is_decoded(tmp_path: Path, encoding: str, text: str) -> None:
    body = f"Headline\n\n{text}\n{text}\n"
    article = read_article(write(tmp_path / "a.txt", body.encode(encoding)))
    assert text in article.raw_text
    assert "\ufeff" not in article.raw_text


def test_control_characters_and_noncharacters_are_removed(tmp_path: Path) -> None:
    article = read_article(
        write(tmp_path / "a.txt", "A\x00B\x07C\ufffeD\uffffE\u202bF\r\nG".encode())
    )
    assert article.raw_text == "ABCDEF\nG"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \n", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary file (a PNG image)"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    ],
)
def test_files_that_are_not_articles_raise_one_line_reasons(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert reason in str(caught.value)
    assert str(path) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"word " * 300_000)
    with pytest.raises(InputError, match="too large"):
        read_article(path, max_bytes=1_000_000)


def test_markdown_loses_its_syntax_and_keeps_the_link(tmp_path: Path) -> None:
    md = (
        "# Minister visits Muscat\n\n"
        "**Tehran** — the [minister](https://example.org/a) met _officials_.\n"
    )
    article = read_article(write(tmp_path / "a.md", md.encode()))
    assert article.raw_text.splitlines()[0] == "Minister visits Muscat"
    assert "Tehran — the minister met officials." in article.raw_text
    assert article.source_meta["url"] == "https://example.org/a"


def test_html_page_gives_title_text_and_metadata(tmp_path: Path) -> None:
    html = f"""<html><head><title>Minister visits Muscat | Example News</title>
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2024-05-15T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Minister visits Muscat</h1>
    <p>{ENGLISH} {ENGLISH}</p><p>The two sides signed a memorandum on data transit and postal
    services, officials said after the meeting in the Omani capital.</p></article>
    <footer>Copyright Example News</footer></body></html>"""
    article = read_article(write(tmp_path / "page.html", html.encode()))
    assert "Omani counterpart" in article.raw_text
    assert "Copyright" not in article.raw_text
    assert article.source_meta["date"] == "2024-05-15"
    assert article.source_meta["outlet"] == "Example News"


def test_docx_given_as_input_is_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Minister visits Muscat")
    document.add_paragraph(ENGLISH)
    document.core_properties.title = "Minister visits Muscat"
    document.save(tmp_path / "a.docx")
    article = read_article(tmp_path / "a.docx")
    assert ENGLISH in article.raw_text
    assert article.source_meta["title"] == "Minister visits Muscat"


def test_corrupt_docx_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"a\.docx"):
        read_article(write(tmp_path / "a.docx", b"PK\x03\x04 not really a zip"))


def test_folders_are_walked_once_even_with_a_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "week" / "sub").mkdir(parents=True)
    write(tmp_path / "week" / "a.txt", f"Headline\n\n{ENGLISH}".encode())
    write(tmp_path / "week" / "sub" / "b.md", f"Other\n\n{PERSIAN}".encode())
    write(tmp_path / "week" / "notes.csv", b"a,b\n1,2\n")
    write(tmp_path / "week" / ".DS_Store", b"\x00\x01")
    os.symlink(tmp_path / "week", tmp_path / "week" / "sub" / "loop")
    files, skipped = find_inputs([tmp_path / "week"])
    assert [f.name for f in files] == ["a.txt", "b.md"]
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["notes.csv"] == "unsupported file type (.csv)"
    assert "loop" in reasons
    assert ".DS_Store" not in reasons


def test_identical_files_are_read_once_and_missing_paths_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", f"Headline\n\n{ENGLISH}".encode())
    write(tmp_path / "copy.txt", f"Headline\n\n{ENGLISH}\n".encode())
    articles, skipped = read_articles([tmp_path, tmp_path / "nope.txt"])
    assert [a.name for a in articles] == ["a.txt"]
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons["copy.txt"].startswith("same text as")
    assert reasons["nope.txt"] == "no such file or folder"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"Headline\n\ntext")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot read"):
        read_article(path)
