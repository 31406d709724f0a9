"""An analyst's corrections through the whole path: bilingual DOCX out, corrected in Word
(here: python-docx, as Word saves it), ``tm import``, and the next brief and translation
print the reviewed English, marked, with the real fa→en TEST model."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
from click.testing import CliRunner

from briefgen.cli import main

SEED = Path(__file__).resolve().parent.parent / "seeds" / "004_281cd1e16a81b240.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def _correct(source: Path, target: Path, reviewer: str, rows: set[int]) -> dict[str, str]:
    """Rewrite the English of table rows ``rows`` (1 = headline) as an analyst would; the
    corrected English by source sentence."""
    document = docx.Document(str(source))
    table = document.tables[0]
    corrected = {}
    for number in sorted(rows):
        cells = table.rows[number].cells
        english = f"Reviewed sentence number {number}, as the analyst wrote it."
        paragraph = cells[2].paragraphs[0]
        for extra in paragraph.runs[1:]:
            extra.text = ""
        paragraph.runs[0].text = english
        corrected[cells[1].text] = english
    document.core_properties.last_modified_by = reviewer
    document.save(str(target))
    return corrected


def test_a_corrected_bilingual_docx_changes_the_next_brief(fa_en_model: Path, tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    written = tmp_path / "bilingual.docx"
    assert run("translate", str(SEED), "--bilingual", "-o", str(written), "-q").exit_code == 0
    document = docx.Document(str(written))
    assert document.core_properties.keywords == "briefgen-bilingual fa-en"
    header = [cell.text for cell in document.tables[0].rows[0].cells]
    assert header == ["Segment", "Persian source", "English (correct here)"]
    rows = len(document.tables[0].rows) - 1

    corrected_file = tmp_path / "corrected.docx"
    corrected = _correct(written, corrected_file, "Neda Karimi", set(range(1, rows + 1)))
    before = run("brief", str(articles), "-o", str(tmp_path / "before"), "--format", "json", "-q")
    assert before.exit_code == 0, before.output

    result = run("tm", "import", str(corrected_file))
    assert result.exit_code == 0, result.output
    assert f"{rows} added, 0 updated, 0 unchanged" in result.output
    again = run("tm", "import", str(corrected_file))
    assert f"0 added, 0 updated, {rows} unchanged" in again.output
    assert "reviewer Neda Karimi" in run("tm", "stats").output

    out = tmp_path / "after"
    after = run("brief", str(articles), "-o", str(out), "--format", "json,md,docx", "-q")
    assert after.exit_code == 0, after.output
    (brief_json,) = out.glob("*.json")
    (entry,) = json.loads(brief_json.read_text(encoding="utf-8"))["articles"]
    assert entry["headline"] == "Reviewed sentence number 1, as the analyst wrote it."
    assert entry["headline_reviewed"] is True
    assert entry["summary"] and all(
        s.startswith("Reviewed sentence number") for s in entry["summary"]
    )
    assert entry["summary_reviewed"] == [True] * len(entry["summary"])
    assert entry["translation"]["reviewed_sentences"] == rows
    assert "reviewed translation" in entry["translation"]["label"]
    # The model lost glossary names; the reviewed English wins over that check too.
    (old_entry,) = json.loads(next((tmp_path / "before").glob("*.json")).read_text())["articles"]
    assert old_entry["translation"]["missing_terms"]
    assert entry["translation"]["missing_terms"] == []
    markdown = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert f"- {entry['summary'][0]} *(reviewed translation)*" in markdown.replace("\\", "")
    brief_docx = docx.Document(str(next(out.glob("*.docx"))))
    bullets = [p.text for p in brief_docx.paragraphs if p.style.name == "List Bullet"]
    assert f"{entry['summary'][0]} (reviewed translation)" in bullets
    # The full English translation at the end marks each reviewed sentence as well.
    appendix = markdown.replace("\\", "").split("**English translation**", 1)[1]
    assert f"{entry['summary'][0]} (reviewed translation)" in appendix
    others = [p.text for p in brief_docx.paragraphs if p.style.name != "List Bullet"]
    assert any(f"{entry['summary'][0]} (reviewed translation)" in text for text in others)

    # briefgen translate prints the reviewed English too, even when told not to use the
    # memory's machine translations.
    translated = run("translate", str(SEED), "--format", "json", "--no-cache", "-q")
    data = json.loads(translated.output)
    assert all(s["reviewed"] for s in data["sentences"])
    assert {s["source"]: s["text"] for s in data["sentences"]}.items() <= corrected.items()


def test_only_corrected_rows_are_imported_and_edited_sources_are_left_out(
    fa_en_model: Path, tmp_path: Path
) -> None:
    written = tmp_path / "bilingual.docx"
    assert run("translate", str(SEED), "--bilingual", "-o", str(written), "-q").exit_code == 0
    corrected_file = tmp_path / "corrected.docx"
    _correct(written, corrected_file, "briefgen", {2, 3})
    document = docx.Document(str(corrected_file))
    document.tables[0].rows[4].cells[1].paragraphs[0].runs[0].text = "متن دیگر"
    document.save(str(corrected_file))
    rows = len(document.tables[0].rows) - 1

    result = run("tm", "import", str(corrected_file))
    assert "2 added, 0 updated, 0 unchanged" in result.output, result.output
    assert "1 row(s) whose source was edited" in result.output
    assert f"{rows - 3} row(s) not corrected" in result.output
    assert "file corrected.docx" in run("tm", "stats").output  # no reviewer named

    reviewed = run("tm", "import", str(written), "--accept-unchanged", "--reviewer", "Sara")
    assert f"{rows - 2} added, 2 updated, 0 unchanged" in reviewed.output

    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))
    refused = run("tm", "import", str(plain))
    assert refused.exit_code == 2 and f"{plain}:1: not a bilingual DOCX" in refused.output


def test_the_glossary_review_reports_no_term_lost_in_a_reviewed_sentence() -> None:
    from briefgen.api import load_glossary
    from briefgen.glossary.review import review_articles
    from briefgen.model import Article, Sentence, Translation

    glossary = load_glossary()

    def article(reviewed: bool) -> Article:
        source = "عیسی زارع‌پور به مسقط رفت."
        return Article(
            source_path=Path(f"a-{reviewed}.txt"),
            raw_text=source,
            language="fa",
            sentences=[
                Sentence(source, 0, english="The minister went to Muscat.", reviewed=reviewed)
            ],
            translation=Translation("Argos fa→en", "translate-fa_en", "1.0"),
        )

    machine = review_articles([article(False)], glossary)
    assert [f.entry_id for f in machine.missing] == ["issa-zarepour"]
    assert review_articles([article(True)], glossary).missing == []
