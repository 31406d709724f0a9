"""``briefgen glossary review|export|import`` through the real CLI, on the seeds."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
GLOSSARIES = ROOT / "glossaries"


def _run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def seed_review(tmp_path_factory) -> tuple[list[dict], str, str]:
    out = tmp_path_factory.mktemp("review") / "report"
    result = _run("glossary", "review", str(ROOT / "seeds"), "--no-translate", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.with_suffix(".csv").read_text(encoding="utf-8"))))
    return rows, out.with_suffix(".md").read_text(encoding="utf-8"), result.stderr


def test_review_counts_hits_per_entry_with_file_and_variant(seed_review) -> None:
    rows, _, _ = seed_review
    hits = [r for r in rows if r["section"] == "hit"]
    zarepour = [r for r in hits if r["entry_id"] == "issa-zarepour"]
    found_as = {r["found_as"] for r in zarepour}
    assert {"Issa Zarei Pur", "Issa Zarepour", "Zarepour", "عیسی زارعپور", "زارعپور"} <= found_as
    files = {Path(r["file"]).name for r in zarepour}
    assert files == {
        "001_2d052a0ec3066c97.txt",
        "002_7440945092f6ca90.txt",
        "004_281cd1e16a81b240.txt",
    }
    assert all("[" in r["context"] and r["where"] for r in zarepour)
    for entry in (
        "sattar-hashemi",
        "ebrahim-raisi",
        "said-al-maawali",
        "omantel",
        "iyad-al-khatib",
    ):
        assert any(r["entry_id"] == entry for r in hits), entry


def test_review_markdown_lists_entries_candidates_and_unused(seed_review) -> None:
    _, markdown, stderr = seed_review
    assert "## Entries found" in markdown
    assert "| Issa Zarepour (`issa-zarepour`) | person |" in markdown
    assert "## Names not in the glossary" in markdown
    assert "## Entries not found" in markdown
    assert "Wrote" in stderr and "hit(s)" in stderr


def test_review_lists_officials_the_glossary_lacks_and_strict_fails(tmp_path) -> None:
    folder = tmp_path / "g"
    folder.mkdir()
    for shipped in GLOSSARIES.glob("*.yaml"):
        blocks = shipped.read_text(encoding="utf-8").split("\n- id: ")
        kept = [b for b in blocks if not b.startswith(("iyad-al-khatib", "baraq-abdul-karim"))]
        (folder / shipped.name).write_text("\n- id: ".join(kept), encoding="utf-8")
    out = tmp_path / "report.md"
    args = ["glossary", "review", str(ROOT / "seeds"), "-g", str(folder), "--no-translate"]
    result = _run(*args, "--out", str(out), "--strict")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO((tmp_path / "report.csv").read_text(encoding="utf-8"))))
    names = {r["found_as"]: r for r in rows if r["section"] == "candidate"}
    assert "Iyad Al-Khatib" in names and names["Iyad Al-Khatib"]["note"] == "titled"
    assert "Baraq Abdul Karim" in names
    assert (
        "Minister of Communications and Technology, Eng. [Iyad Al-Khatib]"
        in (names["Iyad Al-Khatib"]["context"])
    )
    # Without --strict the same findings exit 0, and the report goes to standard output.
    plain = _run(*args)
    assert plain.exit_code == 0 and "Iyad Al-Khatib" in plain.stdout


def test_persian_candidates_are_quoted_and_titled_names(tmp_path) -> None:
    article = tmp_path / "fa.txt"
    article.write_text(
        "دیدار وزیران\n«محمد احمدی» با آقای رضا کریمی در تهران دیدار کرد"
        " و «عیسی زارعپور» نیز بود.\n",
        encoding="utf-8",
    )
    result = _run("glossary", "review", str(article), "-g", str(GLOSSARIES), "--no-translate")
    assert result.exit_code == 0, result.output
    assert "| محمد احمدی | quoted |" in result.stdout
    assert "| رضا کریمی | honorific |" in result.stdout
    assert "| عیسی زارعپور |" not in result.stdout


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_export_then_import_gives_back_the_same_glossary(tmp_path, fmt) -> None:
    exported = tmp_path / f"glossary.{fmt}"
    assert _run("glossary", "export", str(GLOSSARIES), "-o", str(exported)).exit_code == 0
    text = exported.read_text(encoding="utf-8")
    if fmt == "tbx":
        assert '<termEntry id="issa-zarepour">' in text and 'xml:lang="fa"' in text
        assert "<term>عیسی زارع‌پور</term>" in text
    imported = tmp_path / "imported.yaml"
    result = _run("glossary", "import", str(exported), "-o", str(imported))
    assert result.exit_code == 0, result.output
    assert load_glossary([imported]) == load_glossary([GLOSSARIES])
    again = _run("glossary", "import", str(exported), "-o", str(imported))
    assert again.exit_code == 2 and "exists" in again.output


def test_export_to_stdout_needs_a_format_and_import_reports_bad_files(tmp_path) -> None:
    assert _run("glossary", "export", str(GLOSSARIES)).exit_code == 2
    result = _run("glossary", "export", str(GLOSSARIES), "--format", "csv")
    assert result.exit_code == 0 and result.stdout.startswith("id,type,canonical")
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><text><body><termEntry id='x'>", encoding="utf-8")
    failed = _run("glossary", "import", str(bad))
    assert failed.exit_code == 2 and f"{bad}:1: invalid TBX/XML" in failed.stderr
