"""``briefgen summarize``: a file or standard input in, summary sentences out."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.api import build_brief, summarize_file
from briefgen.cli import main
from briefgen.summarize import METHODS

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

SEED_003 = "003_74af4bd25be794b0.txt"
SEED_004 = "004_281cd1e16a81b240.txt"


def run(*args: str, input: bytes | str | None = None):
    return CliRunner().invoke(main, ["summarize", *args], input=input)


def test_prints_the_seed_summary_one_sentence_per_line(seeds_dir: Path) -> None:
    result = run(str(seeds_dir / SEED_003))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert 2 <= len(lines) <= 4
    assert any("data transit from Iran to Saudi Arabia" in line for line in lines)
    assert not any("Serbia" in line or "Latest News" in line for line in lines)
    article = summarize_file(seeds_dir / SEED_003)
    assert lines == [s.shown for s in article.summary]
    indices = [s.index for s in article.summary]
    assert indices == sorted(indices)  # article order


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_the_brief_shows_the_same_summary(seeds_dir: Path, name: str) -> None:
    """What `briefgen summarize FILE` prints is what the brief shows for FILE."""
    brief = build_brief([seeds_dir / name], translate=False)
    shown = [s.shown for s in brief.articles[0].summary]
    result = run(str(seeds_dir / name), "--no-translate")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == shown


def test_standard_input_gives_the_same_summary(seeds_dir: Path) -> None:
    data = (seeds_dir / SEED_003).read_bytes()
    from_stdin = run("-", input=data)
    assert from_stdin.exit_code == 0, from_stdin.output
    assert from_stdin.output == run(str(seeds_dir / SEED_003)).output


def test_persian_file_is_summarized_in_persian(seeds_dir: Path) -> None:
    result = run(str(seeds_dir / SEED_004), "--sentences", "2")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert all("وزیر" in line or "زارع" in line for line in lines)


def test_length_options(seeds_dir: Path) -> None:
    path = str(seeds_dir / SEED_003)
    assert len(run(path, "--sentences", "1").output.splitlines()) == 1
    assert len(run(path, "--sentences", "3").output.splitlines()) == 3
    words = run(path, "--words", "20").output.splitlines()
    assert len(words) == 1  # the first sentence taken already has 20 words
    both = run(path, "--words", "20", "--sentences", "2")
    assert both.exit_code == 2 and "not both" in both.output


def test_length_from_the_settings_file(seeds_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "briefgen.toml"
    config.write_text("summary_sentences = 3\n", encoding="utf-8")
    result = run(str(seeds_dir / SEED_003), "--config", str(config))
    assert len(result.output.splitlines()) == 3


@pytest.mark.parametrize("method", METHODS)
def test_every_method_by_name(seeds_dir: Path, method: str) -> None:
    result = run(str(seeds_dir / SEED_003), "--method", method, "--sentences", "2")
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) == 2


def test_unknown_method_is_a_usage_error_listing_the_names(seeds_dir: Path) -> None:
    result = run(str(seeds_dir / SEED_003), "--method", "bogus")
    assert result.exit_code == 2
    for name in METHODS:
        assert name in result.output


def test_headline_only_and_empty_inputs_are_one_line_errors(tmp_path: Path) -> None:
    headline = tmp_path / "headline.txt"
    headline.write_text("Iran and Oman agree to speed up data transit\n", encoding="utf-8")
    result = run(str(headline))
    assert result.exit_code == 2
    assert (
        result.output.strip()
        == f"briefgen: error: {headline}: nothing to summarize: only a headline"
    )
    empty = run("-", input=b"  \n")
    assert empty.exit_code == 2 and "<stdin>: empty" in empty.output
    missing = run(str(tmp_path / "missing.txt"))
    assert missing.exit_code == 2 and "missing.txt" in missing.output


def test_short_article_without_final_punctuation(tmp_path: Path) -> None:
    path = tmp_path / "short.txt"
    path.write_text(
        "Iran and Oman agree on data transit\n"
        "Iran's ICT minister met his Omani counterpart in Muscat on Monday\n"
        "The two sides agreed to speed up joint data transit and cable projects\n",
        encoding="utf-8",
    )
    result = run(str(path))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Iran's Minister of ICT met his Omani counterpart in Muscat on Monday",
        "The two sides agreed to speed up joint data transit and cable projects",
    ]
