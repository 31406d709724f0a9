"""``briefgen model install/list/remove``: the test package, bad packages, a local index."""

from __future__ import annotations

import http.server
import json
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PACKAGE_FILE = FIXTURES / "translate-fa_en-test.argosmodel"
PERSIAN = "دو طرف بر تسریع اجرای توافقات در حوزه مراکز داده تأکید کردند."
ENGLISH = "The two sides stressed speeding up the implementation of agreements in data centers."
HEADLINE = "تأکید بر توسعه همکاری ایران و عمان در حوزه ارتباطات"
HEADLINE_ENGLISH = "Emphasis on developing cooperation between Iran and Oman in communications"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_install_from_file_list_translate_remove(no_model: Path, tmp_path, no_network) -> None:
    result = run("model", "install", str(PACKAGE_FILE))
    assert result.exit_code == 0, result.output
    assert "Installed translate-fa_en-test 1.0-test (fa→en)" in result.stdout
    assert "TEST fixture" in result.stderr
    folder = no_model / "translate-fa_en-test-1_0"
    assert (folder / "metadata.json").is_file() and (folder / "model" / "model.bin").is_file()

    listing = run("model", "list")
    assert listing.exit_code == 0, listing.output
    row = next(line for line in listing.stdout.splitlines() if "fa→en" in line)
    assert row.split()[:4] == ["fa→en", "translate-fa_en-test", "(TEST", "fixture)"]
    assert "1.0-test" in row
    assert " KB " in row or " MB " in row
    assert "translate-fa_en-test-1_0" in row
    assert str(no_model) in listing.stdout

    article = tmp_path / "a.txt"
    article.write_text(f"{HEADLINE}\n\n{PERSIAN}\n", encoding="utf-8")
    translated = run("translate", str(article))
    assert translated.exit_code == 0, translated.output
    assert translated.stdout.splitlines()[:3] == [HEADLINE_ENGLISH, "", ENGLISH]

    removed = run("model", "remove", "fa")
    assert removed.exit_code == 0, removed.output
    assert not folder.exists()
    assert run("translate", str(article)).exit_code == 3


def test_reinstall_replaces_the_package_in_place(no_model: Path) -> None:
    assert run("model", "install", str(PACKAGE_FILE)).exit_code == 0
    result = run("model", "install", str(PACKAGE_FILE))
    assert result.exit_code == 0, result.output
    assert [p.name for p in no_model.iterdir()] == ["translate-fa_en-test-1_0"]


def _zip(path: Path, entries: dict[str, bytes], symlink: str | None = None) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (0o120777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


META = json.dumps({"from_code": "fa", "to_code": "en", "package_version": "1"}).encode()
GOOD = {"p/metadata.json": META, "p/model/model.bin": b"x", "p/sentencepiece.model": b"x"}


@pytest.mark.parametrize(
    ("entries", "symlink", "reason"),
    [
        ({**GOOD, "p/../../evil.txt": b"x"}, None, "would land outside the package folder"),
        ({**GOOD, "/tmp/evil.txt": b"x"}, None, "would land outside the package folder"),
        ({**GOOD, "p\\..\\evil.txt": b"x"}, None, "would land outside the package folder"),
        (GOOD, "p/link", "is a symbolic link"),
        ({**GOOD, "q/other.txt": b"x"}, None, "exactly one top-level folder"),
        ({**GOOD, "loose.txt": b"x"}, None, "not inside the package folder"),
        ({"p/model/model.bin": b"x"}, None, "no metadata.json"),
        ({**GOOD, "p/metadata.json": b"{not json"}, None, "unreadable metadata.json"),
        ({**GOOD, "p/metadata.json": b'{"from_code": "fa"}'}, None, "does not name the to_code"),
        ({**GOOD, "p/metadata.json": b"[1, 2]"}, None, "not a JSON object"),
        ({"p/metadata.json": META, "p/sentencepiece.model": b"x"}, None, "no CTranslate2 model"),
    ],
)
def test_bad_packages_are_refused_before_anything_is_written(
    no_model: Path, tmp_path: Path, entries, symlink, reason
) -> None:
    bad = _zip(tmp_path / "bad.argosmodel", entries, symlink)
    result = run("model", "install", str(bad))
    assert result.exit_code == 2, result.output
    assert reason in result.stderr
    assert str(bad) in result.stderr
    assert "Traceback" not in result.output
    assert list(no_model.iterdir()) == []
    assert not (tmp_path / "evil.txt").exists()


def test_a_corrupt_or_wrong_file_is_reported_clearly(no_model: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.argosmodel"
    truncated.write_bytes(PACKAGE_FILE.read_bytes()[: PACKAGE_FILE.stat().st_size // 2])
    result = run("model", "install", str(truncated))
    assert result.exit_code == 2
    assert "not a zip archive" in result.stderr or "corrupt" in result.stderr

    flipped = bytearray(PACKAGE_FILE.read_bytes())
    with zipfile.ZipFile(PACKAGE_FILE) as archive:
        info = archive.getinfo("translate-fa_en-test-1_0/model/model.bin")
    middle = info.header_offset + 100 + info.compress_size // 2
    flipped[middle] ^= 0xFF
    damaged = tmp_path / "damaged.argosmodel"
    damaged.write_bytes(bytes(flipped))
    result = run("model", "install", str(damaged))
    assert result.exit_code == 2
    assert "corrupt package" in result.stderr

    text = tmp_path / "notes.argosmodel"
    text.write_text("hello", encoding="utf-8")
    result = run("model", "install", str(text))
    assert result.exit_code == 2
    assert "not a zip archive" in result.stderr

    missing = run("model", "install", str(tmp_path / "nope.argosmodel"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    assert list(no_model.iterdir()) == []


def test_install_needs_a_file_or_the_index(no_model: Path) -> None:
    result = run("model", "install")
    assert result.exit_code == 2
    assert "--from-index" in result.stderr


def test_remove_an_unknown_package_fails_clearly(no_model: Path) -> None:
    result = run("model", "remove", "de_en")
    assert result.exit_code == 2
    assert "no installed package matches 'de_en'" in result.stderr


def test_list_without_packages_says_how_to_install(no_model: Path) -> None:
    result = run("model", "list")
    assert result.exit_code == 0
    assert f"No translation packages in {no_model}" in result.stdout
    assert "briefgen model install --from-index fa" in result.stderr


# --- the package index, served on 127.0.0.1 -------------------------------------------------


@pytest.fixture
def local_index(tmp_path: Path) -> Iterator[str]:
    """An Argos package index (index.json + the test package) on 127.0.0.1."""
    root = tmp_path / "index"
    root.mkdir()
    (root / "translate-fa_en-test.argosmodel").write_bytes(PACKAGE_FILE.read_bytes())

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with zipfile.ZipFile(PACKAGE_FILE) as archive:
        metadata = json.loads(archive.read("translate-fa_en-test-1_0/metadata.json"))
    entries = [
        {"from_code": "en", "to_code": "fa", "package_version": "1.0", "links": [base + "x"]},
        {**metadata, "links": [base + "translate-fa_en-test.argosmodel"]},
    ]
    (root / "index.json").write_text(json.dumps(entries), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def test_install_from_a_local_index(no_model: Path, local_index: str, monkeypatch) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    result = run("model", "install", "--from-index", "fa")
    assert result.exit_code == 0, result.output
    assert f"Reading the package index {local_index}index.json" in result.stderr
    assert "Installed translate-fa_en-test 1.0-test (fa→en)" in result.stdout
    assert (no_model / "translate-fa_en-test-1_0" / "model" / "model.bin").is_file()
    assert not [p for p in no_model.iterdir() if p.name.startswith(".")]


def test_an_index_without_the_pair_or_unreachable_fails_clearly(
    no_model: Path, local_index: str, monkeypatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    result = run("model", "install", "--from-index", "de")
    assert result.exit_code == 2
    assert "has no de→en package" in result.stderr

    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index + "missing/")
    result = run("model", "install", "--from-index", "fa")
    assert result.exit_code == 2
    assert "cannot read the package index" in result.stderr
    assert "briefgen model install FILE.argosmodel" in result.stderr
