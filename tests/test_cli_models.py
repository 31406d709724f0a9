"""The model options of the command line: --device, --force, --sha256, and an Arabic
article translated through `briefgen translate` with the ar→en TEST package."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from click.testing import CliRunner

from briefgen.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FA_EN = FIXTURES / "translate-fa_en-test.argosmodel"
AR_EN = FIXTURES / "translate-ar_en-test.argosmodel"
sys.path.insert(0, str(FIXTURES))
from ar_en_corpus import GOLDEN as AR_GOLDEN  # noqa: E402


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_cuda_without_a_gpu_is_one_clear_line(no_model, seeds_dir, tmp_path) -> None:
    for command in (
        ["brief", str(seeds_dir), "-o", str(tmp_path / "out"), "-q", "--device", "cuda"],
        ["translate", str(seeds_dir / "004_281cd1e16a81b240.txt"), "--device", "cuda"],
    ):
        result = run(*command)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "no usable CUDA GPU" in lines[0], lines
    assert not (tmp_path / "out").exists()
    # --no-translate needs no device at all.
    done = run(
        "brief",
        str(seeds_dir),
        "-o",
        str(tmp_path / "out"),
        "-q",
        "--no-translate",
        "--device",
        "cuda",
    )
    assert done.exit_code == 0, done.output


def test_a_wrong_checksum_installs_nothing_and_the_right_one_installs(no_model) -> None:
    bad = run("model", "install", str(FA_EN), "--sha256", "0" * 64)
    assert bad.exit_code == 2 and "checksum" in bad.stderr
    assert not any(no_model.iterdir())
    digest = hashlib.sha256(FA_EN.read_bytes()).hexdigest()
    good = run("model", "install", str(FA_EN), "--sha256", digest)
    assert good.exit_code == 0, good.output
    assert "translate-fa_en-test" in run("model", "list").output


def test_an_arabic_article_translates_with_the_ar_en_package(no_model, tmp_path) -> None:
    installed = run("model", "install", str(AR_EN))
    assert installed.exit_code == 0, installed.output
    sentence, english = next(iter(AR_GOLDEN))
    article = tmp_path / "arabic.txt"
    article.write_text(f"{sentence}\n\n{sentence}\n", encoding="utf-8")
    result = run("translate", str(article), "-q")
    assert result.exit_code == 0, result.output
    # The model's English, with the glossary's canonical title (the brief's glossary applies).
    assert (
        english.replace(
            "Minister of Communications and Information Technology", "Minister of ICT"
        ).rstrip(".")
        in result.output
    )
    assert "Machine-translated from Arabic" in result.output
