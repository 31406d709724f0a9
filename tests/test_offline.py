"""The offline guarantee: the whole job, from installing the model file to the brief, with
every network connection refused (and any attempt failing the test)."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner

from briefgen.cli import main
from tests.conftest import FA_EN_FIXTURE
from tests.fixtures.fa_en_corpus import GOLDEN


def test_install_translate_glossary_summarize_brief_all_offline(
    no_model, seeds_copy: Path, tmp_path: Path, no_network
) -> None:
    run = CliRunner().invoke
    persian = seeds_copy / "muscat.txt"
    persian.write_text(
        "همکاری ایران و عمان در حوزه ترانزیت داده\n1402/08/04 - 16:45\n"
        + "\n".join(fa for fa, _ in GOLDEN[:4]),
        encoding="utf-8",
    )

    installed = run(main, ["model", "install", str(FA_EN_FIXTURE)])
    assert installed.exit_code == 0, installed.output

    translated = run(main, ["translate", str(persian), "-q"])
    assert translated.exit_code == 0, translated.output
    assert GOLDEN[3][1] in translated.stdout

    summary = run(main, ["summarize", str(seeds_copy / "003_74af4bd25be794b0.txt")])
    assert summary.exit_code == 0 and "Hashemi" in summary.stdout

    review = run(main, ["glossary", "review", str(seeds_copy), "-o", str(tmp_path / "review")])
    assert review.exit_code == 0, review.output
    assert (tmp_path / "review.csv").exists() and (tmp_path / "review.md").exists()

    out = tmp_path / "out"
    brief = run(main, ["brief", str(seeds_copy), "-o", str(out), "--format", "docx,json"])
    assert brief.exit_code == 0, brief.output
    data = json.loads(next(out.glob("brief-*.json")).read_text(encoding="utf-8"))
    by_name = {Path(a["source_path"]).name: a for a in data["articles"]}
    assert by_name["muscat.txt"]["translation"]["test_model"] is True
    assert by_name["muscat.txt"]["country"] == "Oman"
    assert all(a["summary"] for a in data["articles"])
    text = "\n".join(p.text for p in docx.Document(str(next(out.glob("*.docx")))).paragraphs)
    assert "Issa Zarepour" in text and "TEST MODEL" in text
