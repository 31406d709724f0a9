"""Glossary files: the shipped ones load; every kind of mistake is one line naming
file, line and entry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.errors import ConfigError
from briefgen.glossary import dump_glossary, load_glossary, parse_glossary

ROOT = Path(__file__).resolve().parent.parent
GLOSSARIES = ROOT / "glossaries"

GOOD = """\
- id: issa-zarepour
  type: person
  canonical: Issa Zarepour
  short: Zarepour
  persian: [عیسی زارع‌پور]
  english: [Issa Zarei Pur]
  roles:
    - title: Minister of ICT
      from: 2021-08-25
      to: 2024-08-21
- id: ministry-of-ict
  type: organization
  canonical: Ministry of ICT
"""


@pytest.fixture(scope="module")
def shipped():
    return load_glossary([GLOSSARIES])


def test_shipped_glossaries_cover_the_people_and_organizations_of_the_seeds(shipped) -> None:
    names = {e.canonical for e in shipped.entries}
    for name in (
        "Issa Zarepour",
        "Sattar Hashemi",
        "Ebrahim Raisi",
        "Said bin Hamoud Al Maawali",
        "Iyad Al-Khatib",
        "Abdullah bin Saud Al-Anzi",
        "Baraq Abdul Karim",
        "Mohammad Kazem Al-Sadegh",
        "Ministry of ICT",
        "Telecommunication Infrastructure Company",
        "Omantel",
        "ILNA",
        "Minister of ICT",
    ):
        assert name in names, name
    zarepour = shipped["issa-zarepour"]
    assert zarepour.title_on(dt.date(2023, 10, 26)) == "Minister of ICT"
    assert zarepour.title_on(dt.date(2024, 9, 1)) == "former Minister of ICT"
    assert shipped["sattar-hashemi"].title_on(dt.date(2025, 1, 29)) == "Minister of ICT"
    assert shipped["sattar-hashemi"].title_on(dt.date(2023, 10, 26)) is None
    assert shipped["ebrahim-raisi"].title_on(dt.date(2024, 5, 15)) == "President of Iran"
    assert shipped["ebrahim-raisi"].title_on(dt.date(2024, 6, 1)) is None
    assert shipped["ebrahim-raisi"].title_on(None) is None


def test_locations_point_at_the_entry_line(shipped) -> None:
    location = shipped.locations["issa-zarepour"]
    lines = Path(location.path).read_text(encoding="utf-8").splitlines()
    assert lines[location.line - 1].strip() == "- id: issa-zarepour"


def test_yaml_written_back_reads_back_equal(shipped) -> None:
    assert parse_glossary(dump_glossary(shipped)) == shipped


def _error(text: str, tmp_path: Path, name: str = "g.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_glossary([path])
    message = str(info.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        (("from: 2021-08-25", "from: 2021-13-40"), ":9: issa-zarepour:", "not a valid YYYY-MM-DD"),
        (("to: 2024-08-21", "to: 2020-01-01"), ":10: issa-zarepour:", "ends (2020-01-01) before"),
        (("from: 2021-08-25", "from: 25.08.2021"), ":9: issa-zarepour:", "not a valid"),
        (("type: person", "type: human"), ":2: issa-zarepour:", "type must be one of"),
        (("short: Zarepour", "shortname: Zarepour"), ":4: issa-zarepour:", "unknown field"),
        (("english: [Issa Zarei Pur]", "english: [زارعپور]"), ":6: issa-zarepour:", "Persian"),
        (
            ("persian: [عیسی زارع‌پور]", "persian: [Zarepour]"),
            ":5: issa-zarepour:",
            "not in Persian",
        ),
        (("id: ministry-of-ict", "id: issa-zarepour"), ":11: issa-zarepour:", "duplicate id"),
        (("id: ministry-of-ict", "id: Ministry ICT"), ":11: Ministry ICT:", "id must be"),
        (
            ("  canonical: Ministry of ICT", "  canonical: ISSA ZAREPOUR"),
            ":11: ministry-of-ict:",
            "also claimed by issa-zarepour",
        ),
        (
            ("    - title: Minister of ICT\n", "    - organization: x\n"),
            ":8: issa-zarepour:",
            "role without a title",
        ),
    ],
)
def test_mistakes_name_file_line_and_entry(tmp_path, change, where, reason) -> None:
    old, new = change
    assert old in GOOD
    message = _error(GOOD.replace(old, new), tmp_path)
    assert message.startswith(str(tmp_path / "g.yaml") + where), message
    assert reason in message


def test_persian_forms_differing_only_by_zwnj_are_the_same_form(tmp_path) -> None:
    text = GOOD.replace("persian: [عیسی زارع‌پور]", "persian: [عیسی زارع‌پور, عیسی زارعپور]")
    assert "listed twice" in _error(text, tmp_path)


def test_a_form_claimed_in_another_file_names_both(tmp_path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    other = (
        "- id: other\n  type: person\n  canonical: Someone\n  persian: [زارعپور, عیسی زارعپور]\n"
    )
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_glossary([tmp_path])
    message = str(info.value)
    assert message.startswith(f"{tmp_path / 'b.yaml'}:1: other:")
    assert "issa-zarepour" in message and "a.yaml:1" in message


def test_invalid_yaml_and_wrong_shapes(tmp_path) -> None:
    assert "g.yaml:4: invalid YAML" in _error(
        "- id: a\n  type: person\n  canonical: [unclosed\n", tmp_path
    )
    assert "expected a list of entries" in _error("id: a\ntype: person\n", tmp_path)
    assert "must be a mapping" in _error("- just a string\n", tmp_path)
    assert "entry without an id" in _error("- type: person\n  canonical: X\n", tmp_path)
    assert "missing field 'canonical'" in _error("- id: a\n  type: person\n", tmp_path)


def test_missing_default_folder_is_no_glossary_but_a_named_missing_file_is_an_error(
    tmp_path,
) -> None:
    assert len(load_glossary([tmp_path / "glossaries"], missing_ok=True)) == 0
    with pytest.raises(ConfigError, match="no such glossary"):
        load_glossary([tmp_path / "nope.yaml"])


def test_cli_check_reports_counts_and_exit_2_on_errors(tmp_path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["glossary", "check", str(GLOSSARIES)])
    assert ok.exit_code == 0, ok.output
    assert "OK:" in ok.output and "person" in ok.output
    bad = tmp_path / "bad.yaml"
    bad.write_text(GOOD.replace("from: 2021-08-25", "from: 2021-02-30"), encoding="utf-8")
    result = runner.invoke(main, ["glossary", "check", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:9: issa-zarepour: from date '2021-02-30'" in result.stderr


def test_brief_with_a_broken_configured_glossary_is_a_usage_error(tmp_path, seeds_dir) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- id: a\n  type: nobody\n  canonical: A\n", encoding="utf-8")
    config = tmp_path / "briefgen.toml"
    config.write_text(f'glossaries = ["{bad.name}"]\n', encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "brief",
            str(seeds_dir),
            "--config",
            str(config),
            "--no-translate",
            "-q",
            "-o",
            str(tmp_path / "out"),
        ],
    )
    assert result.exit_code == 2
    assert f"{bad}:2: a: type must be one of" in result.stderr
