"""Build the hostile input corpus: files an analyst's scrapers and colleagues really send.

Run as a script to write the corpus into a folder for a look by hand::

    python tests/hostile/make_corpus.py /tmp/hostile

Tests import :func:`build_corpus`, which returns what each file should produce: included
in the brief, or skipped with a reason that contains the given words.

Everything is generated here, nothing is committed as a binary: Word documents whose XML
is malformed, holds ``&#0;``, declares entities, is a compression bomb or nests 200,000
levels deep; 100,000 paragraphs; Markdown and text that made the regular expressions
and the summarizer take minutes; HTML that stalls its parsers; special files (/proc,
devices, FIFOs); file names with bytes that are not UTF-8 and with escape sequences.
"""

from __future__ import annotations

import io
import os
import socket
import stat
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

FA_BODY = (
    "وزیر ارتباطات و فناوری اطلاعات در سفر به مسقط با وزیر ارتباطات و حمل و نقل عمان "
    "دیدار و گفت و گو کرد. دو طرف بر تسریع اجرایی شدن توافقات در حوزه ترانزیت داده تاکید کردند. "
    "وی افزود: همکاری در حوزه پست و دولت الکترونیک نیز گسترش می یابد."
)
EN_BODY = (
    "Iran's Minister of ICT met Oman's minister of transport and communications in Muscat. "
    "The two sides agreed to speed up data transit projects and cooperation on postal services. "
    "Officials said a joint committee would meet again before the end of the year."
)


@dataclass(frozen=True)
class Case:
    """One hostile file and what the brief must do with it."""

    name: str
    included: bool
    reason: str = ""  # words the skip reason must contain


def _png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Iran and Oman agree to speed up data transit")
    document.add_paragraph(EN_BODY)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _unreadable(path: Path) -> str:
    """A file that cannot be read, even by root (CI runs as root); the reason expected."""
    if os.geteuid() == 0 and Path("/proc/self/mem").exists():
        path.symlink_to("/proc/self/mem")  # a system file, refused before any read
        return "not a regular file"
    path.write_text(f"Headline\n\n{EN_BODY}", encoding="utf-8")
    path.chmod(0)
    return "cannot read"


# --- Word documents built by hand -----------------------------------------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{_W_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx_with(document: bytes | None, padded: dict[str, int] | None = None) -> bytes:
    """A real .docx whose word/document.xml is ``document`` (left out when ``None``);
    each part in ``padded`` gets that many megabytes of zero bytes more (its content, if
    any, first): a compression bomb's shape, a few hundred kilobytes zipped."""
    import zipfile

    padded = padded or {}
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename == "word/document.xml":
                if document is not None and item.filename not in padded:
                    target.writestr(item.filename, document)
            elif item.filename not in padded:
                target.writestr(item, source.read(item))
        for name, megabytes in padded.items():
            with target.open(name, "w", force_zip64=True) as part:
                if name == "word/document.xml" and document is not None:
                    part.write(document)
                chunk = b"\0" * (1 << 20)
                for _ in range(megabytes):
                    part.write(chunk)
    return buffer.getvalue()


def _body_paragraphs() -> str:
    return _paragraph("Iran and Oman agree to speed up data transit") + _paragraph(EN_BODY)


def _billion_laughs() -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return f"<!DOCTYPE w:document [{''.join(entities)}]>"


def _sentences(count: int) -> str:
    """``count`` distinct English sentences, in paragraphs of five."""
    words = EN_BODY.replace(".", "").split()
    sentences = [
        " ".join(words[(i * 7) % len(words) :] + words[: (i * 7) % len(words)])[:120].strip()
        + f" in round {i}."
        for i in range(count)
    ]
    return "\n\n".join(" ".join(sentences[i : i + 5]) for i in range(0, count, 5))


def _special_files(folder: Path, cases: list[Case]) -> None:
    """Links to /proc and /dev, a FIFO, a device node (as root): never read as articles."""
    (folder / "41-proc-environ.txt").symlink_to("/proc/self/environ")
    cases.append(Case("41-proc-environ.txt", False, "not a regular file"))
    (folder / "42-dev-zero.txt").symlink_to("/dev/zero")
    cases.append(Case("42-dev-zero.txt", False, "not a regular file"))
    os.mkfifo(folder / "43-fifo.txt")  # reading it would block the run forever
    cases.append(Case("43-fifo.txt", False, "not a regular file"))
    if os.geteuid() == 0:
        try:
            os.mknod(folder / "44-device.txt", 0o600 | stat.S_IFCHR, os.makedev(1, 5))
            cases.append(Case("44-device.txt", False, "not a regular file"))
        except OSError:  # no device nodes in this container
            pass


def build_corpus(folder: Path, big_megabytes: int = 20) -> list[Case]:
    """Write the hostile corpus into ``folder``; return the expected outcome per file."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes | str, included: bool, reason: str = "") -> None:
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        cases.append(Case(name, included, reason))

    add("01-empty.txt", b"", False, "empty")
    add("02-whitespace.txt", " \n\t\n \u00a0\n", False, "empty")
    add("03-image.txt", _png_bytes(), False, "binary file (a PNG image)")
    add("04-utf16-bom.txt", f"Oman and Iran sign deal\n\n{EN_BODY}".encode("utf-16"), True)
    persian_1256 = f"دیدار وزیران ارتباطات ایران و عمان\n\n{FA_BODY}"
    persian_1256 = persian_1256.replace("ی", "ي").replace("ک", "ك")
    add("05-windows-1256.txt", persian_1256.encode("cp1256"), True)
    latin1 = f"Café meeting in Muscat\n\n{EN_BODY} The café's owner, José, was pleased."
    add("06-latin-1.txt", latin1.encode("latin-1"), True)
    add("07-mixed.txt", f"Tehran–Muscat: data transit\n\n{EN_BODY}\n{FA_BODY}\n", True)
    add(
        "08-only-boilerplate.txt",
        "Latest news\n- Iran and Serbia Forge Path\n- Transfer of Expertise to Cuba\n"
        "ثبت نظر\nنمایش 0 نظر\nانتهای پیام/\n",
        False,
        "no article text",
    )
    line = f"{EN_BODY} "
    add(
        "09-huge.txt",
        (line * (big_megabytes * 1024 * 1024 // len(line) + 1)).encode(),
        False,
        "too large",
    )
    add("10-one-line.txt", "Iran and Oman agree to speed up data transit projects.", True)
    add("11-controls.txt", f"Oman\x00 deal\x07 signed\uffff\n\n{EN_BODY}\x0b\x1b[31m\ufffe", True)
    add(
        "12-bidi-marks.txt", f"\u202bدیدار در مسقط\u202c\u200f\n\n\u2067{FA_BODY}\u2069\u200e", True
    )
    add(
        "13-page.html",
        f"<html><head><title>Iran, Oman sign data transit deal</title></head><body>"
        f"<nav>Home | News | Sport</nav><article><h1>Iran, Oman sign data transit deal</h1>"
        f"<p>{EN_BODY}</p><p>{EN_BODY}</p></article><footer>© Example</footer></body></html>",
        True,
    )
    add("14-input.docx", _docx_bytes(), True)
    (folder / "15-loop").mkdir()
    (folder / "15-loop" / "again").symlink_to(folder)
    cases.append(Case("again", False, "symbolic link loop"))
    cases.append(Case("16-unreadable.txt", False, _unreadable(folder / "16-unreadable.txt")))
    twin = f"Ministers meet in Muscat\n\n{EN_BODY}"
    add("17-twin-a.txt", twin, True)
    add("17-twin-b.txt", twin + "\n", False, "same text as")
    add(
        "18-table.csv",
        "date,headline\n2024-05-15,Minister visits Muscat\n",
        False,
        "unsupported file type",
    )
    add("19-bad-jalali.txt", f"دیدار وزیران در مسقط\n\n1402/13/40 - 16:45\n\n{FA_BODY}", True)
    add("20-no-extension", f"Headline\n\n{EN_BODY}", False, "unsupported file type")
    add("21-truncated.docx", _docx_bytes()[:300], False, "not a readable Word document")
    add("22-latin-1-in-utf8-name-é.txt", f"Accented file name\n\n{EN_BODY}", True)
    add("23-headline-only.txt", "Iran and Oman agree to speed up data transit", True)
    add("24-crlf.txt", f"Old Windows file\r\n\r\n{EN_BODY}\r\n".encode(), True)
    add("25-nul-heavy.txt", b"\x00" * 4096 + b"text", False, "binary")
    broken = folder / "26-broken-link.txt"
    broken.symlink_to(folder / "does-not-exist.txt")
    cases.append(Case("26-broken-link.txt", False, "symbolic link"))
    sock_path = folder / "27-socket.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(sock_path))
    cases.append(Case("27-socket.txt", False, "not a regular file"))
    add("28-emoji-and-rtl.md", f"# 🇮🇷🤝🇴🇲 Data transit deal\n\n{EN_BODY} 😀\n\n{FA_BODY}", True)

    # Word documents that broke the run (exit 70) or stalled it.
    body = _body_paragraphs()
    add("30-malformed.docx", _docx_with(_document_xml(body)[:-40]), False, "malformed XML")
    add(
        "31-nul-reference.docx",
        _docx_with(_document_xml(body + _paragraph("a &#0; b"))),
        False,
        "malformed XML",
    )
    add("32-entities.docx", _docx_with(_document_xml(body, _billion_laughs())), False, "DTD")
    bomb = _docx_with(_document_xml(body), {"word/document.xml": 200})
    add("33-bomb.docx", bomb, False, "compression bomb")
    add(
        "34-deep.docx",
        _docx_with(_document_xml("<w:sdt>" * 200_000 + body)),
        False,
        "nested more than",
    )
    many = _paragraph("Another short paragraph of the same text.") * 100_000
    add(
        "35-many-paragraphs.docx",
        _docx_with(_document_xml(body + many)),
        False,
        "too many paragraphs",
    )
    add("36-no-document.docx", _docx_with(None), False, "no word/document.xml")
    other = _paragraph("Oman and Iran open a data centre") + _paragraph(EN_BODY.upper())
    elsewhere = _docx_with(_document_xml(other), {"customXml/item9.xml": 200})
    add("37-bomb-elsewhere.docx", elsewhere, True)  # a part the reader never unzips
    table = (
        "<w:tbl><w:tr><w:tc>"
        + _paragraph("Muscat")
        + "</w:tc><w:tc>"
        + _paragraph("2024-05-15")
        + "</w:tc></w:tr></w:tbl>"
    )
    add("38-table.docx", _docx_with(_document_xml(body + table)), True)

    # Text that made the regular expressions or the summarizer take minutes.
    add("50-link-brackets.md", f"# Data transit deal\n\n{EN_BODY}\n\n" + "[](" * 6000, True)
    add("51-emphasis.md", f"# Data transit deal\n\n{EN_BODY}\n\n" + "`a *b _c " * 30_000, True)
    add("52-spaces.txt", f"Data transit deal\n\n{EN_BODY}" + " " * 600_000 + f"{EN_BODY}\n", True)
    add("53-long-article.txt", f"Data transit deal in Muscat\n\n{_sentences(3000)}\n", True)
    long_fa = "، ".join([FA_BODY.replace(".", "")] * 12) + "."
    add("54-long-persian-sentence.txt", f"دیدار در مسقط\n\n{long_fa}\n", True)
    add("55-too-much-text.txt", "word " * 300_000, False, "too much text")
    add("56-many-lines.txt", "Line.\n" * 100_000, False, "too many paragraphs")
    add(
        "57-many-elements.html",
        "<html><body>" + "<p>Line of text.</p>" * 100_000 + "</body></html>",
        False,
        "too many HTML elements",
    )
    attributes = " ".join(f"a{i}=x" for i in range(100_000))
    add(
        "58-many-attributes.html",
        f"<html><body><p {attributes}>{EN_BODY}</p></body></html>",
        False,
        "attributes",
    )

    # Special files and odd names.
    _special_files(folder, cases)
    odd = os.fsdecode(b"60-caf\xe9-latin1-name.txt")  # bytes that are not UTF-8
    add(odd, f"Latin-1 file name\n\n{EN_BODY}", True)
    add("61-\x1b]0;pwned\x07\x1b[31mred.txt", f"Escape sequences in the name\n\n{EN_BODY}", True)
    add("62-\x1b[2J-binary.txt", _png_bytes(), False, "binary file")
    add("63-new\nline.txt", f"A newline in the name\n\n{EN_BODY}", True)
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in build_corpus(target):
        print(f"{case.name}: {'included' if case.included else 'skipped: ' + case.reason}")
