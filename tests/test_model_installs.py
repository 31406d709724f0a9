"""Installs are checked and transactional: corrupt, older, TEST-over-real and checksum
failures change nothing; a killed install leaves nothing argostranslate or briefgen reads.

The packages are the fixtures or derived from them; the installs are the real ones.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefgen.errors import ModelError
from briefgen.translation import load_translator
from briefgen.translation.packages import (
    install_package_file,
    list_packages,
    remove_package,
    version_key,
)
from briefgen.translation.staging import staging_root

from .package_shapes import AR_EN, FA_EN, argos_view, derive, real_fa_package

FA_SENTENCE = "دو طرف بر تسریع اجرای توافقات در حوزه مراکز داده تأکید کردند."
FA_ENGLISH = "The two sides stressed speeding up the implementation of agreements in data centers."


def installed(folder: Path) -> list[tuple[str, str, str]]:
    packages, problems = list_packages(folder)
    assert problems == []
    return sorted((p.pair, p.code, p.version) for p in packages)


def staged_work(folder: Path) -> list[str]:
    root = staging_root(folder)
    return sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def translates(source: str = "fa") -> str:
    translator = load_translator(source, use_cache=False)
    try:
        return translator.translate([FA_SENTENCE])[0]
    finally:
        translator.close()


# --- corrupt packages ----------------------------------------------------------------------


def test_a_truncated_model_is_refused_and_the_working_package_stays(
    no_model: Path, tmp_path: Path
) -> None:
    install_package_file(FA_EN)

    def truncate(top: Path) -> None:
        model = top / "model" / "model.bin"
        model.write_bytes(model.read_bytes()[: model.stat().st_size // 2])

    # Newer, so it would replace the installed one if it were whole.
    bad = derive(
        FA_EN, tmp_path / "bad.argosmodel", metadata={"package_version": "1.1-test"}, edit=truncate
    )
    with pytest.raises(ModelError) as caught:
        install_package_file(bad)
    assert f"{bad}: corrupt package: model does not load (" in str(caught.value)
    assert installed(no_model) == [("fa→en", "translate-fa_en-test", "1.0-test")]
    assert translates() == FA_ENGLISH
    assert staged_work(no_model) == []
    assert [p.name for p in no_model.iterdir()] == ["translate-fa_en-test-1_0"]


# --- what may replace what ---------------------------------------------------------------


def test_a_test_package_never_replaces_a_real_one_without_force(
    no_model: Path, tmp_path: Path
) -> None:
    real = real_fa_package(tmp_path / "translate-fa_en-1_9.argosmodel")
    install_package_file(real)
    with pytest.raises(ModelError) as caught:
        install_package_file(FA_EN)
    message = str(caught.value)
    assert "refused: translate-fa_en-test 1.0-test is a TEST package" in message
    assert "the real translate-fa_en 1.9 (fa→en)" in message
    assert "--force" in message
    assert installed(no_model) == [("fa→en", "translate-fa_en", "1.9")]

    package, replaced = install_package_file(FA_EN, force=True)
    assert package.is_test_model
    assert [(p.code, p.version) for p in replaced] == [("translate-fa_en", "1.9")]
    assert installed(no_model) == [("fa→en", "translate-fa_en-test", "1.0-test")]

    # A real package replaces a test one without being asked.
    package, replaced = install_package_file(real)
    assert [(p.code, p.version) for p in replaced] == [("translate-fa_en-test", "1.0-test")]
    assert installed(no_model) == [("fa→en", "translate-fa_en", "1.9")]


def test_an_older_version_never_replaces_a_newer_one_without_force(
    no_model: Path, tmp_path: Path
) -> None:
    newer = real_fa_package(tmp_path / "newer.argosmodel", "1.9")
    older = real_fa_package(tmp_path / "older.argosmodel", "1.5")
    install_package_file(newer)
    with pytest.raises(ModelError) as caught:
        install_package_file(older)
    assert "refused: translate-fa_en 1.5 is older than the installed translate-fa_en 1.9" in (
        str(caught.value)
    )
    assert "--force" in str(caught.value)
    assert installed(no_model) == [("fa→en", "translate-fa_en", "1.9")]
    assert [p.name for p in no_model.iterdir()] == ["translate-fa_en-1_9"]

    install_package_file(older, force=True)
    assert installed(no_model) == [("fa→en", "translate-fa_en", "1.5")]
    _, replaced = install_package_file(newer)  # newer over older: no force needed
    assert [p.version for p in replaced] == ["1.5"]
    assert installed(no_model) == [("fa→en", "translate-fa_en", "1.9")]
    assert translates() == FA_ENGLISH


def test_reinstalling_the_same_version_and_other_pairs_are_left_alone(no_model: Path) -> None:
    install_package_file(AR_EN)
    install_package_file(FA_EN)
    _, replaced = install_package_file(FA_EN)
    assert [p.code for p in replaced] == ["translate-fa_en-test"]
    assert installed(no_model) == [
        ("ar→en", "translate-ar_en-test", "1.0-test"),
        ("fa→en", "translate-fa_en-test", "1.0-test"),
    ]


def test_version_order() -> None:
    assert version_key("1.0-test") == version_key("1.0")
    assert version_key("1.5") < version_key("1.9") < version_key("1.10") < version_key("2.0")
    assert version_key("1.0-test") < version_key("1.1-test")


# --- checksums -----------------------------------------------------------------------------


def test_a_checksum_mismatch_installs_nothing(no_model: Path, tmp_path: Path) -> None:
    package_file = tmp_path / FA_EN.name
    shutil.copyfile(FA_EN, package_file)
    actual = hashlib.sha256(FA_EN.read_bytes()).hexdigest()
    wrong = "0" * 64
    sidecar = package_file.with_name(package_file.name + ".sha256")
    sidecar.write_text(f"{wrong}  {package_file.name}\n", encoding="utf-8")
    with pytest.raises(ModelError) as caught:
        install_package_file(package_file)
    assert str(caught.value) == (
        f"{package_file}: checksum mismatch: expected {wrong} (from {sidecar.name}), got {actual}"
    )
    with pytest.raises(ModelError, match=f"checksum mismatch: expected {'1' * 64}, got"):
        install_package_file(package_file, sha256="1" * 64)
    assert list(no_model.iterdir()) == []
    assert staged_work(no_model) == []

    # The right sum, given or beside the file, installs.
    install_package_file(package_file, sha256=actual.upper())
    sidecar.write_text(f"{actual} *{package_file.name}\n", encoding="utf-8")
    install_package_file(package_file)
    assert installed(no_model) == [("fa→en", "translate-fa_en-test", "1.0-test")]


def test_a_malformed_checksum_is_reported(no_model: Path, tmp_path: Path) -> None:
    package_file = tmp_path / FA_EN.name
    shutil.copyfile(FA_EN, package_file)
    with pytest.raises(ModelError, match="not a SHA-256 checksum"):
        install_package_file(package_file, sha256="abc")
    package_file.with_name(package_file.name + ".sha256").write_text("nonsense\n")
    with pytest.raises(ModelError, match="unreadable checksum file"):
        install_package_file(package_file)
    assert list(no_model.iterdir()) == []


# --- interrupted installs --------------------------------------------------------------------


def test_a_leftover_staging_folder_is_invisible_and_cleaned_next_time(
    no_model: Path, tmp_path: Path
) -> None:
    install_package_file(FA_EN)
    # What a killed install leaves: a work folder with a half-extracted package.
    work = staging_root(no_model) / "work-killed"
    (work / "package").mkdir(parents=True)
    (work / "previous").mkdir()
    with zipfile.ZipFile(AR_EN) as archive:
        archive.extractall(work / "package")
    model = work / "package" / "translate-ar_en-test-1_0" / "model" / "model.bin"
    model.write_bytes(model.read_bytes()[:1000])
    (work / "package" / "half-written").mkdir()

    expected = [("fa", "en", "1.0-test", "translate-fa_en-test-1_0")]
    assert argos_view(no_model, tmp_path) == expected
    assert installed(no_model) == [("fa→en", "translate-fa_en-test", "1.0-test")]

    install_package_file(AR_EN)
    assert not work.exists() and staged_work(no_model) == []
    assert installed(no_model) == [
        ("ar→en", "translate-ar_en-test", "1.0-test"),
        ("fa→en", "translate-fa_en-test", "1.0-test"),
    ]


def test_a_package_set_aside_by_a_killed_install_comes_back(no_model: Path, tmp_path: Path) -> None:
    install_package_file(FA_EN)
    # Killed between moving the old package aside and moving the new one in.
    work = staging_root(no_model) / "work-killed"
    (work / "package").mkdir(parents=True)
    (work / "previous").mkdir()
    os.replace(
        no_model / "translate-fa_en-test-1_0", work / "previous" / "translate-fa_en-test-1_0"
    )
    assert argos_view(no_model, tmp_path) == []  # missing for now, never broken

    install_package_file(AR_EN)  # the next install finishes the interrupted one first
    assert installed(no_model) == [
        ("ar→en", "translate-ar_en-test", "1.0-test"),
        ("fa→en", "translate-fa_en-test", "1.0-test"),
    ]
    assert translates() == FA_ENGLISH


# A child process installs and SIGKILLs itself before or after the n-th call of one step.
KILLED_INSTALL = """
import os, signal, sys
from briefgen.translation import staging
from briefgen.translation.packages import install_package_file

path, step, when, nth = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
original, calls = getattr(staging.Workspace, step), []

def step_then_kill(self, *args, **kwargs):
    calls.append(args)
    if when == "before" and len(calls) == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    result = original(self, *args, **kwargs)
    if when == "after" and len(calls) == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return result

setattr(staging.Workspace, step, step_then_kill)
install_package_file(path)
"""
# (same package folder name as the installed one?, step, before/after, n-th call)
KILL_POINTS = [
    (True, "plan", "before", 1),
    (True, "plan", "after", 1),
    (True, "set_aside", "after", 1),  # the old package is out, the new one not yet in
    (True, "put_in_place", "after", 1),
    (False, "plan", "after", 1),
    (False, "put_in_place", "before", 1),
    (False, "put_in_place", "after", 1),  # both in place, the old one still to go
]


@pytest.mark.parametrize(
    "kill", KILL_POINTS, ids=lambda k: f"{'same' if k[0] else 'new'}-folder-{k[2]}-{k[1]}"
)
def test_an_install_killed_at_each_step_leaves_nothing_broken(
    no_model: Path, tmp_path: Path, kill
) -> None:
    same_folder, *point = kill
    install_package_file(FA_EN)
    folder = "translate-fa_en-test-1_0" if same_folder else "translate-fa_en-test-1_1"
    newer = derive(
        FA_EN,
        tmp_path / "newer.argosmodel",
        metadata={"package_version": "1.1-test"},
        folder=folder,
    )
    child = subprocess.run(
        [sys.executable, "-c", KILLED_INSTALL, str(newer), *map(str, point)],
        env=os.environ.copy(),
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL
    old = ("fa", "en", "1.0-test", "translate-fa_en-test-1_0")
    new = ("fa", "en", "1.1-test", folder)
    view = argos_view(no_model, tmp_path)  # argostranslate reads it without failing
    assert view in ([], [old], [new], sorted([old, new])), view
    assert list_packages(no_model)[1] == []
    assert not [p for p in no_model.iterdir() if p.name.startswith(".")]

    # The next install finishes the killed one first, then does its own work.
    install_package_file(AR_EN)
    pairs = installed(no_model)
    assert ("ar→en", "translate-ar_en-test", "1.0-test") in pairs
    fa = [p for p in pairs if p[0] == "fa→en"]
    assert len(fa) == 1, "the fa→en package is never lost, and only one is left"
    assert staged_work(no_model) == []
    assert translates() == FA_ENGLISH


def test_remove_moves_the_package_out_whole(no_model: Path, tmp_path: Path) -> None:
    package, _ = install_package_file(FA_EN)
    remove_package(package)
    assert list(no_model.iterdir()) == []
    assert staged_work(no_model) == []
    assert argos_view(no_model, tmp_path) == []


def test_a_packages_folder_on_another_filesystem_gets_the_package_copied_in(
    no_model: Path, tmp_path: Path, monkeypatch
) -> None:
    """A mount point as packages folder: staged elsewhere, copied in, renamed."""
    from briefgen.translation import staging

    monkeypatch.setattr(staging, "_same_filesystem", lambda a, b: False)
    install_package_file(FA_EN)
    newer = derive(
        FA_EN,
        tmp_path / "newer.argosmodel",
        metadata={"package_version": "1.1-test"},
        folder="translate-fa_en-test-1_1",
    )
    _, replaced = install_package_file(newer)
    assert [p.version for p in replaced] == ["1.0-test"]
    assert [p.name for p in no_model.iterdir()] == ["translate-fa_en-test-1_1"]
    assert staged_work(no_model) == []
    assert translates() == FA_ENGLISH
