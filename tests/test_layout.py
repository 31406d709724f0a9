"""The project's shape: the CLI is a thin layer over the API, the packages are all
installed, the documented pipeline is the one that runs, and the run's day reaches
every stage."""

from __future__ import annotations

import ast
import datetime as dt
import re
import tomllib
from pathlib import Path

from briefgen.api import build_brief
from briefgen.pipeline import PIPELINE, STEP_NAMES

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "briefgen"
ALLOWED_IN_CLI = ("briefgen.api", "briefgen.config", "briefgen.errors", "briefgen.cli", "briefgen")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
    return found


def test_the_cli_imports_only_the_api_config_errors_and_itself() -> None:
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for module in _imports(path):
            if module.startswith("briefgen"):
                allowed = module in ALLOWED_IN_CLI or module.startswith("briefgen.cli.")
                assert allowed, f"{path.name} imports {module}"


def test_cli_imports_of_briefgen_itself_are_only_its_version() -> None:
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "briefgen":
                assert {a.name for a in node.names} <= {"__version__", "api"}, path.name


def test_every_package_is_listed_for_installation() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found | {"briefgen.glossaries"} == listed


def test_the_readme_lists_the_pipeline_in_its_order() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- pipeline -->(.*?)<!-- /pipeline -->", readme, re.S)
    assert match, "README needs the pipeline between <!-- pipeline --> markers"
    documented = re.findall(r"^\d+\. `([\w-]+)`", match.group(1), re.M)
    assert tuple(documented) == STEP_NAMES


def test_every_step_has_a_one_line_summary() -> None:
    for step in PIPELINE:
        assert step.summary and step.summary.endswith("."), step.name


def test_modules_stay_readable() -> None:
    for path in PACKAGE.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 420, f"{path.relative_to(ROOT)} has {lines} lines"


def test_the_runs_day_reaches_the_date_stage(tmp_path: Path) -> None:
    """A date after the run's day (plus the slack) is a typo: with today in 2020, a page
    stamped 2023 is undated, and the brief is dated the run's day."""
    page = tmp_path / "a.txt"
    page.write_text(
        "Iran and Oman discuss data transit\n\nPublish Date: 2023-10-26\n\n"
        "Iran's Minister of ICT met the Omani minister in Muscat on Monday to discuss "
        "data transit and submarine cables.\n",
        encoding="utf-8",
    )
    later = build_brief([page], today=dt.date(2024, 1, 1), translate=False)
    assert later.articles[0].date == dt.date(2023, 10, 26)
    earlier = build_brief([page], today=dt.date(2020, 1, 1), translate=False)
    assert earlier.articles[0].date is None
    assert earlier.date == dt.date(2020, 1, 1)
