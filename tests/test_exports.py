"""Exports are safe to open and messages safe to print; every documented exit code is the
one you get, with one line and no traceback."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.cli.output import printable
from briefgen.glossary.exchange import formula_safe, from_formula_safe, import_glossary, to_csv
from briefgen.glossary.model import Entry, Glossary

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
HEADER = "id,type,canonical,short,persian,arabic,english,roles,notes\n"
#: What a spreadsheet evaluates at the start of a cell (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def one_error_line(result, code: int) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in result.output
    return lines[0]


# --- CSV cells a spreadsheet would evaluate ---------------------------------------------


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'=x", "''@y"]
)
def test_formula_cells_are_quoted_and_read_back_exactly(cell: str) -> None:
    safe = formula_safe(cell)
    assert safe.startswith("'") and from_formula_safe(safe) == cell
    for plain in ("Zarepour", "'s-Hertogenbosch", "", "1402/08/04"):
        assert formula_safe(plain) == plain == from_formula_safe(plain)


def test_glossary_export_escapes_every_formula_cell_and_imports_back() -> None:
    entry = Entry(
        id="formula",
        type="organization",
        canonical='=HYPERLINK("http://x")',
        short="@risk",
        persian=("سازمان تست",),
        english=("+Plus Org", "-Minus Org"),
        notes="-note\nsecond line",
    )
    glossary = Glossary((entry,))
    text = to_csv(glossary)
    for row in list(csv.reader(io.StringIO(text)))[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    assert import_glossary(text, "csv").entries == glossary.entries


def test_the_review_report_csv_escapes_formula_cells(tmp_path: Path) -> None:
    articles = tmp_path / "in"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "=HYPERLINK met Minister Issa Zarepour\n\n"
        "=HYPERLINK Corporation and @Evil Group met Issa Zarepour in Muscat. "
        "+Plus Holdings signed with -Minus Partners.",
        encoding="utf-8",
    )
    result = invoke("glossary", "review", str(articles), "-o", str(tmp_path / "report"))
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO((tmp_path / "report.csv").read_text(encoding="utf-8"))))
    assert len(rows) > 1
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


# --- glossary import fails cleanly, and writes only what check accepts -------------------


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "a,person,Ali Test,,علی تست,,,"
            + '"[{""title"": ""Minister"", ""from"": ""2020-01-01""}]",',
            "has dates but no source",
        ),
        ('b,person,"Ali\nTest",,علی تست,,,,', "line break"),
        ('c,person,Ali Test,,علی تست,,,"[{""title"": """"}]",', "title is empty"),
        ('d,person,Ali Test,,علی تست,,,"[{""title"": ""M"", ""country"": [1]}]",', "must be text"),
        ("e,person,Ali Test,,علی تست,,," + '"' + "[" * 100_000 + '",', "nested too deeply"),
        ("f,person," + "A" * 2_000_000 + ",,علی تست,,,,", "field larger than field limit"),
    ],
    ids=["unsourced-date", "line-break", "empty-title", "typed-country", "deep-json", "huge-cell"],
)
def test_glossary_import_refuses_what_check_would_reject(
    tmp_path: Path, row: str, reason: str
) -> None:
    source = tmp_path / "in.csv"
    source.write_text(HEADER + row + "\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    line = one_error_line(invoke("glossary", "import", str(source), "-o", str(out)), 2)
    assert reason in line and "in.csv:" in line
    assert not out.exists()


def test_what_glossary_import_writes_passes_glossary_check(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text(
        HEADER + "ok,person,=Ali Test,,علی تست,,,"
        '"[{""title"": ""Minister"", ""from"": ""2020-01-01"", '
        '""source"": ""Tehran Times, 2020-01-02""}]",note\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.yaml"
    assert invoke("glossary", "import", str(source), "-o", str(out)).exit_code == 0
    checked = invoke("glossary", "check", str(out))
    assert checked.exit_code == 0, checked.output


def test_glossary_import_of_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")  # reading it would never end
    line = one_error_line(invoke("glossary", "import", str(link)), 2)
    assert "not a regular file" in line


# --- settings files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('brief = "x"\n', "[brief] must be a table"),
        ("x = " + "[" * 50_000 + "]" * 50_000 + "\n", "nested too deeply"),
        ("title = 5\n", "wrong type"),
        ("[tuning]\nsummary = 1\n", "must be a table"),
    ],
    ids=["brief-string", "deep", "type", "tuning"],
)
def test_a_bad_settings_file_is_exit_2_and_one_line(
    tmp_path: Path, content: str, reason: str
) -> None:
    config = tmp_path / "briefgen.toml"
    config.write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    line = one_error_line(invoke("brief", str(SEEDS), "--config", str(config), "-o", str(out)), 2)
    assert reason in line
    assert not out.exists()


def test_a_fifo_as_settings_file_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "briefgen.toml"
    os.mkfifo(fifo)
    line = one_error_line(invoke("brief", str(SEEDS), "--config", str(fifo)), 2)
    assert "not a regular file" in line


# --- what reaches a terminal -------------------------------------------------------------


def test_printable_escapes_what_could_drive_a_terminal() -> None:
    name = (
        os.fsdecode(b"\x1b]0;owned\x07\x1b[2J\x9b31m")
        + "\u202e"
        + os.fsdecode(b"txt.exe caf\xe9\rx")
    )
    shown = printable(name, one_line=True)
    assert shown == "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m\\u202etxt.exe caf\\xe9\\x0dx"
    assert printable("Persian ZWNJ\u200c stays\nand lines too") == (
        "Persian ZWNJ\u200c stays\nand lines too"
    )


def test_file_names_with_escape_sequences_are_printed_escaped(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "ok.txt").write_text(
        "Iran and Oman\n\nIran's Minister of ICT met Oman's minister in Muscat.", "utf-8"
    )
    (inputs / "\x1b]0;pwned\x07.bin").write_bytes(b"x")
    missing = tmp_path / "\x1b[31mred"
    result = invoke("brief", str(inputs), "-o", str(tmp_path / "out"), "--no-translate")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b]0;pwned\\x07.bin: unsupported file type" in result.stderr
    line = one_error_line(invoke("brief", str(missing), "-o", str(tmp_path / "out")), 2)
    assert "\\x1b[31mred: no such file or folder" in line


# --- standard input ----------------------------------------------------------------------


@pytest.mark.parametrize("command", ["translate", "summarize"])
def test_standard_input_is_read_only_up_to_the_article_limit(command: str) -> None:
    from briefgen.limits import MAX_INPUT_BYTES

    endless = b"Iran and Oman. " * (MAX_INPUT_BYTES // 15 + 100)
    result = CliRunner().invoke(main, [command, "-"], input=endless)
    line = one_error_line(result, 2)
    assert "<stdin>: too large for an article" in line
