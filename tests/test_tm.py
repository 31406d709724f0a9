"""The translation memory in SQLite: segments, the old cache taken over, locks, and
``briefgen tm import|export|stats`` with TMX, CSV and hand-made files of each shape."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.tm.model import Segment
from briefgen.tm.sqlite import SQLiteMemory

PAIR = ("fa", "en")


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def memory_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    monkeypatch.delenv("BRIEFGEN_TM_URL", raising=False)
    return folder


# --- the store ----------------------------------------------------------------------------


def test_human_segments_are_counted_and_kept_apart_from_machine_ones(tmp_path: Path) -> None:
    with SQLiteMemory(tmp_path / "tm.sqlite3", strict=True) as memory:
        memory.put_machine(PAIR, "m1", "translate-fa_en 1.5", {"سلام": "Hello"})
        report = memory.put_human(
            [
                Segment("سلام", "Hi", "fa", origin="reviewer Sara"),
                Segment("خدا حافظ", "Bye", "fa", origin="reviewer Sara"),
                Segment("خدا حافظ", "Goodbye", "fa", origin="reviewer Sara"),
            ]
        )
        assert (report.added, report.updated, report.unchanged, report.duplicates) == (2, 0, 0, 1)
        assert memory.human(PAIR, ["سلام", "خدا حافظ"]) == {"سلام": "Hi", "خدا حافظ": "Goodbye"}
        assert memory.machine(PAIR, "m1", ["سلام", "خدا حافظ"]) == {"سلام": "Hello"}
        assert memory.human(("ar", "en"), ["سلام"]) == {}
        again = memory.put_human([Segment("سلام", "Hi there", "fa", origin="reviewer Reza")])
        assert (again.added, again.updated, again.unchanged) == (0, 1, 0)
        rows = {(r.kind, r.origin, r.segments) for r in memory.stats()}
        assert rows == {
            ("human", "reviewer Reza", 1),
            ("human", "reviewer Sara", 1),
            ("machine", "translate-fa_en 1.5", 1),
        }
        created = {s.source: s for s in memory.segments("human")}
        assert created["سلام"].updated >= created["سلام"].created
        assert created["سلام"].origin == "reviewer Reza"


def test_the_old_cache_is_taken_over_once_and_left_as_it_was(tmp_path: Path) -> None:
    legacy = tmp_path / "translations.sqlite3"
    with sqlite3.connect(legacy) as db:
        db.execute("CREATE TABLE translations (model TEXT, source TEXT, target TEXT)")
        db.executemany(
            "INSERT INTO translations VALUES (?, ?, ?)",
            [
                ("fa-en|translate-fa_en|1.5|123|beam4", "سلام", "Hello"),
                ("ar-en|translate-ar_en|1.0|9|beam4", "مرحبا", "Welcome"),
                ("not a model key", "x", "y"),
            ],
        )
    before = legacy.read_bytes()
    with SQLiteMemory(tmp_path / "translation-memory.sqlite3") as memory:
        assert memory.machine(PAIR, "fa-en|translate-fa_en|1.5|123|beam4", ["سلام"]) == {
            "سلام": "Hello"
        }
        assert {(r.source_language, r.origin) for r in memory.stats()} == {
            ("ar", "translate-ar_en 1.0"),
            ("fa", "translate-fa_en 1.5"),
        }
    with SQLiteMemory(tmp_path / "translation-memory.sqlite3") as memory:
        assert len(memory) == 2  # not taken over twice
    assert legacy.read_bytes() == before


def test_a_locked_memory_is_not_taken_for_damaged(tmp_path: Path, monkeypatch, caplog) -> None:
    path = tmp_path / "translation-memory.sqlite3"
    SQLiteMemory(path).close()
    monkeypatch.setattr("briefgen.tm.sqlite.BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        memory = SQLiteMemory(path)
        assert not memory.enabled
        assert memory.machine(PAIR, "m", ["a"]) == {}
        memory.put_machine(PAIR, "m", "pkg 1", {"a": "A"})  # nothing, and no error
    finally:
        holder.rollback()
        holder.close()
    assert not list(tmp_path.glob("*.broken-*"))
    assert "locked" in caplog.text
    with SQLiteMemory(path, strict=True) as memory:
        assert memory.enabled


# --- TMX -----------------------------------------------------------------------------------

BOLD_MUSCAT = '<bpt i="1">&lt;b&gt;</bpt>مسقط<ept i="1">&lt;/b&gt;</ept>'
CAT_TOOL_TMX = f"""<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="SomeCAT" creationtoolversion="9" segtype="sentence" o-tmf="cat"
          adminlang="en-US" srclang="fa-IR" datatype="plaintext"/>
  <body>
    <tu creationid="MARYAM" changeid="NEDA">
      <tuv xml:lang="fa-IR"><seg>وزیر ارتباطات به {BOLD_MUSCAT} رفت.</seg></tuv>
      <tuv xml:lang="en-US"><seg>The ICT minister went to <hi>Muscat</hi>.</seg></tuv>
    </tu>
    <tu creationid="MARYAM">
      <tuv xml:lang="fa-IR"><seg>ايران و عمان</seg></tuv>
      <tuv xml:lang="en-US"><seg>Iran and   Oman</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="de"><seg>Hallo</seg></tuv>
      <tuv xml:lang="en"><seg>Hello</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_a_cat_tool_tmx_imports_once(memory_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "from-cat.tmx"
    path.write_text(CAT_TOOL_TMX, encoding="utf-8")
    first = run("tm", "import", str(path))
    assert first.exit_code == 0, first.output
    assert "2 added, 0 updated, 0 unchanged (1 unit(s) not X→English)" in first.output
    second = run("tm", "import", str(path))
    assert "0 added, 0 updated, 2 unchanged" in second.output
    with SQLiteMemory(memory_dir / "translation-memory.sqlite3") as memory:
        found = {s.source: s for s in memory.segments("human")}
    # Inline codes dropped, Arabic letters normalized as the translator sees them.
    minister = found["وزیر ارتباطات به مسقط رفت."]
    assert minister.target == "The ICT minister went to Muscat."
    assert minister.origin == "reviewer NEDA"
    assert found["ایران و عمان"].target == "Iran and Oman"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("<tmx version='1.4'>\n<header srclang='fa'/>\n<body><tu>\n", 4, "not well-formed"),
        ("<html/>", 1, "not a TMX file"),
        ("<tmx>\n<body/>\n</tmx>", 1, "no <header>"),
        ("<tmx><header srclang='fa'/>\n<body>\n<tu><tuv><seg>x</seg></tuv></tu>", 3, "xml:lang"),
        (
            "<tmx><header srclang='fa'/><body>\n\n<tu><tuv xml:lang='fa'/></tu></body></tmx>",
            3,
            "without <seg>",
        ),
    ],
)
def test_a_malformed_tmx_is_refused_in_one_line(
    memory_dir: Path, tmp_path: Path, text: str, line: int, reason: str
) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(text, encoding="utf-8")
    result = run("tm", "import", str(path))
    assert result.exit_code == 2
    message = result.output.strip()
    assert "\n" not in message
    assert f"{path}:{line}: " in message and reason in message
    assert not (memory_dir / "translation-memory.sqlite3").exists()


def test_an_exported_tmx_reads_back_in_translate_toolkit(memory_dir: Path, tmp_path: Path):
    from translate.storage.tmx import tmxfile

    with SQLiteMemory(memory_dir / "translation-memory.sqlite3") as memory:
        memory.put_machine(PAIR, "m1", "translate-fa_en 1.5", {"سلام": "Hello", "الف": "A < B"})
        memory.put_human([Segment("سلام", 'Hi & "welcome"', "fa", origin="reviewer Sara")])
        memory.put_machine(("ar", "en"), "m2", "translate-ar_en 1.0", {"مرحبا": "Welcome\x01"})
    out = tmp_path / "memory.tmx"
    result = run("tm", "export", "--format", "tmx", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote 4 segment(s)" in result.output
    store = tmxfile.parsestring(out.read_bytes())
    pairs = sorted((str(u.source), str(u.target)) for u in store.units)
    assert pairs == sorted(
        [("سلام", "Hello"), ("الف", "A < B"), ("سلام", 'Hi & "welcome"'), ("مرحبا", "Welcome")]
    )
    text = out.read_text(encoding="utf-8")
    assert 'srclang="*all*"' in text and '<tmx version="1.4">' in text
    # Re-imported, the machine units stay machine units: only the reviewed one counts.
    again = run("tm", "import", str(out))
    assert "0 added, 0 updated, 1 unchanged (3 machine translation(s) not imported)" in (
        again.output
    )


def test_an_export_to_a_reader_that_stops_early_ends_quietly(memory_dir: Path) -> None:
    """``briefgen tm export | head``: one line and exit 4, no traceback or internal error."""
    import subprocess
    import sys

    with SQLiteMemory(memory_dir / "translation-memory.sqlite3") as memory:
        sentences = {f"جمله شماره {n}": f"Sentence number {n}." for n in range(3000)}
        memory.put_machine(PAIR, "m1", "translate-fa_en 1.5", sentences)
    command = [sys.executable, "-m", "briefgen", "tm", "export", "--format", "csv"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(200)
    process.stdout.close()  # the reader leaves, as head does
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 4, error
    assert first.startswith(b'"source_language"')
    assert "internal error" not in error and "Traceback" not in error
    assert len(error.splitlines()) <= 1


# --- CSV -----------------------------------------------------------------------------------


def test_csv_export_escapes_formula_cells_and_imports_back(memory_dir: Path, tmp_path: Path):
    with SQLiteMemory(memory_dir / "translation-memory.sqlite3") as memory:
        memory.put_human(
            [
                Segment("=HYPERLINK(1)", "=cmd|' /C calc'!A0", "fa", origin="reviewer @x"),
                Segment("-2 درصد", "+2 percent", "fa", origin="file a.csv"),
                Segment("سلام", "Hello", "fa", origin="reviewer Sara"),
            ]
        )
    out = tmp_path / "memory.csv"
    assert run("tm", "export", "--format", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    cells = [value for row in rows for value in row.values()]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    assert "'=cmd|' /C calc'!A0" in cells and "'@x" not in cells and "'+2 percent" in cells
    again = run("tm", "import", str(out))
    assert "0 added, 0 updated, 3 unchanged" in again.output, again.output


def test_a_spreadsheet_csv_imports_with_its_reviewer(memory_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "fixes.csv"
    path.write_text(
        "\ufeffsource_language,source,target,reviewer\n"
        'fa,"وزیر ارتباطات, در مسقط",The ICT minister in Muscat,Neda\n'
        "fa,سلام,Hello,\n"
        "en,Hello,Hello,\n",
        encoding="utf-8",
    )
    result = run("tm", "import", str(path))
    assert "2 added, 0 updated, 0 unchanged (1 row(s) not X→English)" in result.output
    stats = run("tm", "stats")
    assert "reviewer Neda" in stats.output and "file fixes.csv" in stats.output
    assert "human: 2" in stats.output


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("source,target\nا,b\n", ":1: the header row has no source_language column"),
        ("source_language,source,target\nfa,ا,b\nfa,ب\n", ":3: 2 fields, the header has 3"),
        ('source_language,source,target\nfa,"ا\nfa,b,c\n', ":3: bad CSV"),
    ],
)
def test_a_malformed_csv_is_refused_with_its_line(
    memory_dir: Path, tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    result = run("tm", "import", str(path))
    assert result.exit_code == 2
    assert f"{path}{where}" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_an_unknown_file_type_and_an_unknown_url_are_refused(memory_dir, tmp_path, monkeypatch):
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert "cannot import .txt" in run("tm", "import", str(other)).output
    monkeypatch.setenv("BRIEFGEN_TM_URL", "mysql://x")
    result = run("tm", "stats")
    assert result.exit_code == 2 and "tm_url must be postgresql://" in result.output
