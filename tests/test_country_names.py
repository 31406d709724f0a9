"""Country names as analysts write them, one style in every heading, overridable with
``country_names`` in briefgen.toml; ``country_order`` works with any name of a country."""

from __future__ import annotations

import json
from pathlib import Path

import pycountry
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.errors import ConfigError
from briefgen.gazetteer import gazetteer
from briefgen.stages.group import heading_names

# Names the country databases give that analysts do not write in a heading.
OFFICIAL_STYLE = ("Türkiye", "Russian Federation", "Korea, Republic of", "Syrian Arab Republic")


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("TR", "Turkey"),
        ("RU", "Russia"),
        ("KR", "South Korea"),
        ("KP", "North Korea"),
        ("SY", "Syria"),
        ("IR", "Iran"),
        ("AE", "United Arab Emirates"),
        ("US", "United States"),
        ("GB", "United Kingdom"),
        ("CZ", "Czech Republic"),
        ("BA", "Bosnia and Herzegovina"),
        ("PS", "Palestine"),
        ("VE", "Venezuela"),
    ],
)
def test_analyst_names(code: str, name: str) -> None:
    assert gazetteer().name(code) == name


def test_no_heading_name_is_in_an_official_style() -> None:
    names = [gazetteer().name(c.alpha_2) for c in pycountry.countries]
    assert not [n for n in names if n in OFFICIAL_STYLE or ", " in n or "&" in n or "SAR" in n]


def test_every_name_of_a_country_finds_its_code() -> None:
    places = gazetteer()
    for name in ("Türkiye", "Turkey", "TR", "tr", "ترکیه", "تركيا", "Russian Federation"):
        assert places.code_of(name) in ("TR", "RU"), name
    assert places.code_of("Atlantis") is None


def test_an_override_renames_the_heading_and_country_order_follows() -> None:
    names = {"TR": "Türkiye"}
    assert gazetteer().name("TR", names) == "Türkiye"
    assert heading_names(["Turkey", "TR", "Iran (domestic)"], names) == [
        "Türkiye",
        "Türkiye",
        "Iran (domestic)",
    ]
    assert heading_names(["Türkiye", "Korea, Republic of"], {}) == ["Turkey", "South Korea"]


def test_country_names_setting_is_read_by_code_or_name(tmp_path: Path) -> None:
    path = tmp_path / "briefgen.toml"
    path.write_text('country_names = {TR = "Türkiye", "South Korea" = "Korea"}\n', "utf-8")
    assert load_settings(path).country_names == {"TR": "Türkiye", "KR": "Korea"}
    path.write_text('country_names = {Atlantis = "Atlantis"}\n', "utf-8")
    with pytest.raises(ConfigError, match="no country"):
        load_settings(path)
    path.write_text('country_names = ["TR"]\n', "utf-8")
    with pytest.raises(ConfigError, match="wrong type"):
        load_settings(path)


TURKISH_MEETING = (
    "Iran, Turkey ministers meet\nIran's ICT minister met the Turkish Minister of Transport "
    "and Infrastructure in Tehran on Tuesday and discussed data transit.\n"
)
IRAQI_MEETING = (
    "Iraqi ambassador meets minister\nThe Iraqi ambassador met Iran's ICT minister in Tehran "
    "and discussed fibre links.\n"
)


def _brief(tmp_path: Path, config: str) -> dict:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "turkey.txt").write_text(TURKISH_MEETING, encoding="utf-8")
    (inbox / "iraq-1.txt").write_text(IRAQI_MEETING, encoding="utf-8")
    (inbox / "iraq-2.txt").write_text(IRAQI_MEETING.replace("fibre", "postal"), "utf-8")
    (tmp_path / "briefgen.toml").write_text(config, encoding="utf-8")
    config_path = str(tmp_path / "briefgen.toml")
    arguments = ["brief", str(inbox), "--config", config_path, "-o", str(tmp_path)]
    arguments += ["--format", "json", "-q", "--no-translate"]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 0, result.output
    return json.loads(next(tmp_path.glob("brief-*.json")).read_text(encoding="utf-8"))


def test_headings_use_the_analyst_name(tmp_path: Path) -> None:
    data = _brief(tmp_path, "")
    assert [s["country"] for s in data["sections"]] == ["Iraq", "Turkey"]


def test_headings_use_the_configured_name_and_order(tmp_path: Path) -> None:
    data = _brief(tmp_path, 'country_names = {TR = "Türkiye"}\ncountry_order = ["Turkey"]\n')
    assert [s["country"] for s in data["sections"]] == ["Türkiye", "Iraq"]
    assert data["executive_summary"][0]["country"] == "Türkiye"
