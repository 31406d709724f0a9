"""Hostile input: a bad file costs one line in the report, never the week's brief."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.cli.output import printable
from briefgen.files import encodable
from briefgen.writers.markdown import file_name
from tests.hostile.make_corpus import Case, build_corpus

EXIT_OUTPUT = 4
#: Seconds the whole hostile corpus may take (it took 6 minutes and more before limits).
CORPUS_SECONDS = 120


def in_json(name: str) -> str:
    """A file name as the JSON brief holds it (bytes that are not UTF-8 as \\xNN)."""
    return encodable(name)


def in_docx(name: str) -> str:
    """A file name as Word shows it (characters XML cannot hold are dropped)."""
    return "".join(ch for ch in name if ch >= " " and not "\ud800" <= ch <= "\udfff")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Case]]:
    folder = tmp_path_factory.mktemp("hostile") / "in"
    return folder, build_corpus(folder)


@pytest.fixture(scope="module")
def hostile_run(corpus, tmp_path_factory: pytest.TempPathFactory):
    folder, cases = corpus
    out = tmp_path_factory.mktemp("out")
    started = time.monotonic()
    result = CliRunner().invoke(
        main, ["brief", str(folder), "-o", str(out), "--format", "docx,json,md", "--no-translate"]
    )
    elapsed = time.monotonic() - started
    data = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    return result, data, out, cases, elapsed


def test_the_brief_is_written_from_the_good_files(hostile_run) -> None:
    result, data, _, cases, _ = hostile_run
    assert result.exit_code == 0, result.output
    included = {Path(a["source_path"]).name for a in data["articles"]}
    assert included == {in_json(c.name) for c in cases if c.included}


def test_the_hostile_corpus_costs_bounded_time(hostile_run) -> None:
    *_, elapsed = hostile_run
    assert elapsed < CORPUS_SECONDS, f"{elapsed:.0f} s"


def test_nothing_printed_can_drive_a_terminal(hostile_run) -> None:
    result, *_ = hostile_run
    assert not any(ch in result.stderr for ch in "\x1b\x07\r"), "raw control characters"
    assert "62-\\x1b[2J-binary.txt: binary file" in result.stderr


def test_each_bad_file_is_reported_with_its_reason(hostile_run) -> None:
    result, data, _, cases, _ = hostile_run
    reasons = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    for case in cases:
        if case.included:
            continue
        name = in_json(case.name)
        assert name in reasons, case.name
        assert case.reason in reasons[name], (case.name, reasons[name])
        shown = printable(case.name, one_line=True)
        report_lines = [line for line in result.stderr.splitlines() if shown in line]
        assert report_lines, case.name
    assert "Traceback" not in result.output


def test_skipped_files_are_listed_in_the_not_included_appendix(hostile_run) -> None:
    _, _, out, cases, _ = hostile_run
    document = docx.Document(str(next(out.glob("*.docx"))))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Not included" in text
    for case in cases:
        if not case.included:
            assert in_docx(case.name) in text, case.name
    markdown = next(out.glob("*.md")).read_text(encoding="utf-8")
    for case in cases:
        if not case.included:
            assert file_name(encodable(case.name)) in markdown, case.name


def test_control_characters_never_reach_the_document(hostile_run) -> None:
    _, data, _, _, _ = hostile_run
    for article in data["articles"]:
        for text in [article["headline"], *article["summary"]]:
            assert not any(ord(ch) < 32 or ch in "\ufffe\uffff" for ch in text), text


def test_strict_exits_1_when_inputs_were_skipped(corpus, tmp_path: Path) -> None:
    folder, _ = corpus
    result = CliRunner().invoke(
        main, ["brief", str(folder), "-o", str(tmp_path), "--strict", "-q", "--no-translate"]
    )
    assert result.exit_code == 1
    assert list(tmp_path.glob("brief-*.docx"))


def test_output_path_that_is_a_directory_is_a_one_line_error(seeds_dir, tmp_path: Path) -> None:
    blocked = tmp_path / "out"
    (blocked / "brief-2024-05-19.docx").mkdir(parents=True)
    result = CliRunner().invoke(
        main, ["brief", str(seeds_dir), "-o", str(blocked), "--until", "2024-05-19", "-q"]
    )
    assert result.exit_code == EXIT_OUTPUT
    assert "is a directory" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_read_only_output_folder_is_a_one_line_error(seeds_dir, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        target = Path("/sys/briefgen-test-output")  # not writable even by root
    else:
        target = tmp_path / "ro"
        target.mkdir()
        target.chmod(0o555)
    result = CliRunner().invoke(main, ["brief", str(seeds_dir), "-o", str(target), "-q"])
    assert result.exit_code == EXIT_OUTPUT
    assert str(target) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_previous_brief_survives_a_failed_write(seeds_dir, tmp_path: Path) -> None:
    first = CliRunner().invoke(
        main, ["brief", str(seeds_dir), "-o", str(tmp_path), "--until", "2024-05-19", "-q"]
    )
    assert first.exit_code == 0
    brief = tmp_path / "brief-2024-05-19.docx"
    before = brief.read_bytes()
    (tmp_path / "brief-2024-05-19.json").mkdir()  # the second format cannot be written
    second = CliRunner().invoke(
        main,
        [
            "brief",
            str(seeds_dir),
            "-o",
            str(tmp_path),
            "--until",
            "2024-05-19",
            "-q",
            "--format",
            "docx,json",
        ],
    )
    assert second.exit_code == EXIT_OUTPUT
    assert brief.read_bytes()  # still a whole document
    docx.Document(str(brief))
    assert before[:4] == brief.read_bytes()[:4] == b"PK\x03\x04"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_window_with_no_articles_writes_a_brief_that_says_so(seeds_dir, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        [
            "brief",
            str(seeds_dir),
            "-o",
            str(tmp_path),
            "--week",
            "2020-W01",
            "--skip-undated",
            "--format",
            "docx,json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(next(tmp_path.glob("*.json")).read_text(encoding="utf-8"))
    assert data["articles"] == []
    document = docx.Document(str(next(tmp_path.glob("*.docx"))))
    assert any("No articles" in p.text for p in document.paragraphs)
    assert "0 in the brief" in result.stderr


def test_a_missing_input_path_fails_before_anything_is_written(seeds_dir, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["brief", str(seeds_dir), str(tmp_path / "nope"), "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"briefgen: error: {tmp_path / 'nope'}: no such file or folder (nothing written)"
    ]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("- id: a\n  type: person\n  canonical: [unclosed\n", "invalid YAML"),
        (
            "- id: one\n  type: person\n  canonical: Parviz Testpour\n  persian: [تست‌پور]\n"
            "- id: two\n  type: person\n  canonical: Someone Else\n  persian: [تستپور]\n",
            "bad.yaml:5: two:",
        ),
    ],
    ids=["yaml-error", "conflicting-form"],
)
def test_bad_glossary_is_a_one_line_usage_error(
    seeds_dir, tmp_path: Path, content: str, reason: str
) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "bad.yaml").write_text(content, encoding="utf-8")
    config = tmp_path / "briefgen.toml"
    config.write_text(f'glossaries = ["{glossary}"]\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["brief", str(seeds_dir), "-o", str(tmp_path / "out"), "--config", str(config)]
    )
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.yaml:" in lines[0] and reason in lines[0], lines
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
