"""briefgen.toml, windows and the brief's wording through the real ``brief`` command."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.config import Settings, load_settings
from briefgen.errors import ConfigError
from briefgen.window import window_from_setting
from briefgen.writers.markdown import render_markdown
from tests.docx_samples import week_brief

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

FULL_CONFIG_TEMPLATE = """
[brief]
title = "Partner Watch"
organization = "Office of Regional Technology Analysis"
author = "Desk 3"
header = "OFFICIAL USE ONLY"
footer = "Partner Watch weekly"
window = "2023-W43"
country_order = ["Syria"]
summary_words = 60
summary_sentences = 2
formats = ["docx", "json", "md"]
output_dir = "briefs"
skip_undated = false
show_source = false
glossaries = ["{glossaries}"]
persian_font = "Arial"
paper = "Letter"
"""
FULL_CONFIG = FULL_CONFIG_TEMPLATE.replace("{glossaries}", (ROOT / "glossaries").as_posix())


def test_every_setting_loads(tmp_path: Path) -> None:
    path = tmp_path / "briefgen.toml"
    path.write_text(FULL_CONFIG, encoding="utf-8")
    settings = load_settings(path)
    assert settings.layout.title == "Partner Watch"
    assert settings.country_order == ("Syria",)
    assert settings.summary_words == 60 and settings.summary_sentences == 2
    assert settings.output_dir == tmp_path / "briefs"
    assert (settings.layout.persian_font, settings.layout.paper) == ("Arial", "Letter")
    assert settings.with_overrides(title="Flag title", paper=None).layout.title == "Flag title"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('window = "W20"', "window must be"),
        ('window = "2024-05-20..2024-05-01"', "after --until"),
        ('paper = "A3"', "paper must be"),
        ('persian_font = " "', "empty"),
        ('persian_font = "Tahoma\\u0001"', "control characters"),
        ('page_size = "A4"', "unknown setting"),
    ],
)
def test_bad_settings_name_the_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "briefgen.toml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert message in str(error.value) and str(path) in str(error.value)


def test_window_settings() -> None:
    today = dt.date(2024, 5, 22)
    assert window_from_setting("last-week", today).label == "Week 20"
    week = window_from_setting("2024-W20")
    assert (week.start, week.end) == (dt.date(2024, 5, 13), dt.date(2024, 5, 19))
    span = window_from_setting("2024-05-01..2024-05-31")
    assert (span.start, span.end) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert window_from_setting("2024-05-01..").end is None
    assert window_from_setting("all").is_open and window_from_setting(None).is_open


def test_config_file_in_working_folder_sets_the_brief_and_flags_win(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("briefgen.toml").write_text(FULL_CONFIG, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["brief", str(SEEDS), "--title", "Flag Title", "--no-translate", "-q"]
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in Path("briefs").iterdir() if not p.name.startswith("."))
    # the window 2023-W43 (23–29 October 2023) names the brief after its last day
    assert written == ["brief-2023-10-29.docx", "brief-2023-10-29.json", "brief-2023-10-29.md"]
    document = docx.Document("briefs/brief-2023-10-29.docx")
    data = json.loads(Path("briefs/brief-2023-10-29.json").read_text(encoding="utf-8"))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Flag Title"
    assert "Covering Week 43, 23–29 October 2023" in texts
    assert document.core_properties.author == "Desk 3"
    assert document.sections[0].header.paragraphs[0].text == "OFFICIAL USE ONLY"
    assert document.sections[0].footer.paragraphs[0].text.startswith("Partner Watch weekly")
    assert round(document.sections[0].page_width.mm) == 216
    dated = [a for a in data["articles"] if a["date"]]
    assert all("2023-10-23" <= a["date"] <= "2023-10-29" for a in dated)
    assert data["sections"][0]["country"] == "Syria"  # country_order puts it first


def test_week_flag_beats_the_config_window_and_empty_window_says_so(tmp_path: Path) -> None:
    (tmp_path / "briefgen.toml").write_text('window = "2023-W43"\n', encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "brief",
            str(SEEDS),
            "--config",
            str(tmp_path / "briefgen.toml"),
            "--week",
            "2000-W01",
            "--skip-undated",
            "-o",
            str(tmp_path),
            "--format",
            "docx,md",
            "--no-translate",
        ],
    )
    assert result.exit_code == 0, result.output
    document = docx.Document(str(tmp_path / "brief-2000-01-09.docx"))
    texts = [p.text for p in document.paragraphs]
    assert any(
        t.startswith("No articles in this window (Week 1, 3–9 January 2000).") for t in texts
    )
    assert "Appendix A. Not included" in texts
    markdown = (tmp_path / "brief-2000-01-09.md").read_text(encoding="utf-8")
    assert "No articles in this window (Week 1, 3–9 January 2000)." in markdown


def test_undated_articles_get_their_own_part_unless_skipped(tmp_path: Path) -> None:
    args = [
        "brief",
        str(SEEDS),
        "--since",
        "2020-01-01",
        "--no-translate",
        "-q",
        "--format",
        "json",
    ]
    briefs = {}
    for name, extra in (("with", []), ("without", ["--skip-undated"])):
        result = CliRunner().invoke(main, [*args, *extra, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        path = next((tmp_path / name).glob("brief-*.json"))
        briefs[name] = json.loads(path.read_text(encoding="utf-8"))
    data, skipped = briefs["with"], briefs["without"]
    undated = [a for a in data["articles"] if a["date"] is None]
    assert undated  # two seeds carry no publication date
    assert len(skipped["articles"]) == len(data["articles"]) - len(undated)
    assert len(skipped["excluded"]) == len(undated)


def test_markdown_has_the_same_structure_as_the_docx() -> None:
    text = render_markdown(week_brief())
    lines = text.splitlines()
    assert lines[0] == "# ICT Partners Weekly Brief"
    assert "**Covering Week 20, 13–19 May 2024**" in lines
    assert "| Oman | 3 (+1 duplicate) | 13–15 May 2024 |" in lines
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        "## Executive summary",
        "## Overview",
        "## Oman",
        "## Iraq",
        "## Syria",
        "## Turkey",
        "## Iran (domestic)",
        "## Other / undetermined",
        "## Appendix A. Originals and translations",
        "## Appendix B. Glossary terms used",
        "## Appendix C. Sources",
        "## Appendix D. Not included",
    ]
    assert "**Also reported by:** ISNA (Persian, 15 May 2024)" in lines
    assert "**Key people:** Issa Zarepour, Minister of ICT" in lines
    assert "[iran-domestic]" not in text and "(#iran-domestic)" in text
    assert "### Undated (Syria)" in lines


def test_settings_defaults_document_a_word_font() -> None:
    assert Settings().layout.persian_font == "Tahoma" and Settings().layout.paper == "A4"
