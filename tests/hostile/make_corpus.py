"""Build the hostile input corpus: files an analyst's scrapers and colleagues really send.

Run as a script to write the corpus into a folder for a look by hand::

    python tests/hostile/make_corpus.py /tmp/hostile

Tests import :func:`build_corpus`, which returns what each file should produce: included
in the brief, or skipped with a reason that contains the given words.
"""

from __future__ import annotations

import io
import os
import socket
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


def _unreadable(path: Path) -> None:
    """A file that cannot be read, even by root (CI runs as root)."""
    if os.geteuid() == 0 and Path("/proc/self/mem").exists():
        path.symlink_to("/proc/self/mem")  # a regular file whose read fails with EIO
    else:
        path.write_text(f"Headline\n\n{EN_BODY}", encoding="utf-8")
        path.chmod(0)


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
    _unreadable(folder / "16-unreadable.txt")
    cases.append(Case("16-unreadable.txt", False, "cannot read"))
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
    return cases


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for case in build_corpus(target):
        print(f"{case.name}: {'included' if case.included else 'skipped: ' + case.reason}")
