"""The DOCX brief through LibreOffice: converted headless to PDF, rendered to PNG, text
read back with pdftotext. Skipped where LibreOffice or poppler is missing.

One conversion (the sample week and the seeds' brief together) serves every test.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import unicodedata
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.writers.docx import write_docx
from tests.docx_samples import MUSCAT_FA, MUSCAT_FA_HEADLINE, week_brief

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MARGIN_PT = 22 / 25.4 * 72  # the brief's page margin, 22 mm
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

pytestmark = pytest.mark.skipif(
    not (SOFFICE and shutil.which("pdftoppm") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) and poppler-utils are needed to render the DOCX",
)


class Rendered:
    """One brief converted by LibreOffice: its PDF, page images and text."""

    def __init__(self, pdf: Path) -> None:
        self.pdf = pdf
        prefix = pdf.with_suffix("")
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", str(pdf), str(prefix)],
            check=True,
            timeout=120,
        )
        self.pages = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
        self.text = unicodedata.normalize(
            "NFKC",
            subprocess.run(
                ["pdftotext", "-enc", "UTF-8", str(pdf), "-"],
                check=True,
                capture_output=True,
                timeout=120,
            ).stdout.decode("utf-8"),
        )
        page_texts = self.text.split("\f")
        self.page_texts = page_texts[: len(self.pages)]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    folder = tmp_path_factory.mktemp("render")
    sample = write_docx(week_brief(), folder / "sample.docx")
    result = CliRunner().invoke(
        main, ["brief", str(SEEDS), "-o", str(folder / "seeds"), "--no-translate", "-q"]
    )
    assert result.exit_code == 0, result.output
    seeds = next((folder / "seeds").glob("brief-*.docx"))
    shutil.copy(seeds, folder / "seeds.docx")
    profile = folder / "lo-profile"
    env = {**os.environ, "HOME": str(folder)}
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(sample),
            str(folder / "seeds.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=240,
        env=env,
    )
    return {name: Rendered(folder / f"{name}.pdf") for name in ("sample", "seeds")}


def png_rows(path: Path) -> list[bytes]:
    """The rows of pixel values of an 8-bit grey or RGB, non-interlaced PNG."""
    data = path.read_bytes()
    channels = 1
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width = 8, b"", 0
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        chunk = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and colour in (0, 2)
            channels = 1 if colour == 0 else 3
        elif kind == b"IDAT":
            idat += chunk
        position += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up, up_left = previous[x], previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                line[x] = (line[x] + predictor) & 0xFF
        rows.append(bytes(line))
        previous = line
    return rows


@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_every_page_has_text_between_header_and_footer(rendered, name: str) -> None:
    brief = rendered[name]
    assert len(brief.pages) >= 4
    for page in brief.pages:
        rows = png_rows(page)
        body = rows[len(rows) * 65 // 1000 : len(rows) * 92 // 100]  # within the margins
        dark = sum(1 for row in body for value in row if value < 128)
        assert dark > 100, f"{page.name} has nothing between header and footer"


@pytest.mark.parametrize("name", ["sample", "seeds"])
def test_page_numbers_in_the_footer(rendered, name: str) -> None:
    brief = rendered[name]
    total = len(brief.pages)
    for number, text in enumerate(brief.page_texts, 1):
        assert f"Page {number} of {total}" in text


def test_front_page_overview_then_contents(rendered) -> None:
    first, second = rendered["sample"].page_texts[:2]
    for expected in (
        "OFFICIAL USE ONLY",
        "ICT Partners Weekly Brief",
        "Covering Week 20, 13–19 May 2024",
        "Country",
        "3 (+1 duplicate)",
    ):
        assert expected in first, expected
    for expected in (
        "Contents",
        "Iran, Oman stress speeding up implementation of ICT agreements",
        "Appendix A. Originals and translations",
        "Appendix D. Not included",
    ):
        assert expected in second, expected


def test_merged_duplicate_and_key_people_survive(rendered) -> None:
    text = " ".join(rendered["sample"].text.split())
    assert "Also reported by: ISNA (Persian, 15 May 2024)" in text
    assert "Key people: Issa Zarepour, Minister of ICT" in text


_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"), None)
_PUNCTUATION = re.compile(r"[\[\]().,:;«»،؛\-\d]")


def persian_words(text: str) -> list[str]:
    """Words, ignoring bidi controls, punctuation and the order pdftotext gives the
    lam-alef ligature (``لا`` comes back as ``ال``)."""
    text = unicodedata.normalize("NFKC", text).translate(_CONTROLS)
    text = _PUNCTUATION.sub(" ", text).replace("لا", "ال")
    return text.split()


def test_persian_text_survives_the_round_trip(rendered) -> None:
    text = rendered["sample"].text
    appendix = set(persian_words(text[text.index("Appendix A. Originals and translations") :]))
    expected = persian_words(MUSCAT_FA_HEADLINE) + [
        w for _, persian in MUSCAT_FA for w in persian_words(persian)
    ]
    missing = [w for w in expected if w not in appendix]
    assert not missing


def test_persian_seed_renders_in_the_brief(rendered) -> None:
    text = rendered["seeds"].text
    for word in ("مسقط", "ارتباطات", "زارعپور", "عمان"):
        assert word in text, word


_WORD_BOX = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)


def test_persian_headline_is_set_right_to_left(rendered) -> None:
    """On the page, the headline's first word is rightmost, flush with the right margin."""
    pdf = rendered["sample"].pdf
    html = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=120,
    ).stdout.decode("utf-8")
    width = float(re.search(r'<page width="([\d.]+)"', html).group(1))
    right_edge = width - MARGIN_PT
    first, last = MUSCAT_FA_HEADLINE.split()[0], MUSCAT_FA_HEADLINE.split()[-1]
    lines: dict[tuple[int, float], list[tuple[float, float, str]]] = {}
    for page, page_html in enumerate(html.split("<page ")[1:], 1):
        for x_min, y_min, x_max, word in _WORD_BOX.findall(page_html):
            word = unicodedata.normalize("NFKC", word)
            lines.setdefault((page, float(y_min)), []).append((float(x_min), float(x_max), word))
    candidates = []
    for words in lines.values():
        position = {}
        for x_min, x_max, word in words:
            for form in (word, word[::-1]):
                if form in (first, last):
                    position[form] = (x_min, x_max)
        if len(position) == 2:
            candidates.append((position, min(x for x, _, _ in words)))
    assert candidates, "the Persian headline was not found on any page"
    for position, _ in candidates:
        assert position[first][0] > position[last][0], "its first word is not rightmost"
    flush_right = [
        left
        for position, left in candidates
        if position[first][1] == pytest.approx(right_edge, abs=3)
    ]
    assert flush_right, "the headline in the appendix does not end at the right margin"
    assert all(left > MARGIN_PT + 20 for left in flush_right)
