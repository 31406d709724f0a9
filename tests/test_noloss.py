"""Nothing a user had is lost: a mistyped path, an edited brief, a device given as -o, a
full disk or Ctrl-C never change the files already there."""

from __future__ import annotations

import hashlib
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.writers import STATE_FILE

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
DAY = ["--until", "2024-05-19"]
ALL = ["--format", "docx,json,md"]
NAMES = [f"brief-2024-05-19.{ext}" for ext in ("docx", "json", "md")]


def brief(*args: str):
    return CliRunner().invoke(main, ["brief", *args])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in ``folder``: content and modification time (ns)."""
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def written(tmp_path: Path) -> Path:
    """An output folder holding a complete brief set from the seeds."""
    out = tmp_path / "out"
    result = brief(str(SEEDS), "-o", str(out), *DAY, *ALL, "-q", "--no-translate")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == NAMES
    return out


# --- no input, no brief ---------------------------------------------------------------


def test_a_mistyped_folder_leaves_the_brief_untouched(written: Path, tmp_path: Path) -> None:
    before = snapshot(written)
    for quiet in ([], ["-q"]):
        result = brief(str(tmp_path / "seed"), "-o", str(written), *DAY, *ALL, *quiet)
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [
            f"briefgen: error: {tmp_path / 'seed'}: no such file or folder (nothing written)"
        ]
    assert snapshot(written) == before


@pytest.mark.parametrize("shape", ["empty folder", "only bad files", "broken link"])
def test_no_readable_input_is_an_error_not_an_empty_brief(
    written: Path, tmp_path: Path, shape: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    if shape == "only bad files":
        (inputs / "a.txt").write_bytes(b"")
        (inputs / "b.docx").write_bytes(b"PK\x03\x04 broken")
        (inputs / "c.pdf").write_bytes(b"%PDF-1.4")
    target = inputs / "gone.txt" if shape == "broken link" else inputs
    if shape == "broken link":
        target.symlink_to(tmp_path / "nowhere.txt")
    before = snapshot(written)
    result = brief(str(target), "-o", str(written), *DAY, *ALL)
    assert result.exit_code == 2, result.output
    assert "nothing written" in result.stderr.splitlines()[-1]
    if shape == "only bad files":  # each bad input is still reported
        assert "a.txt: empty" in result.stderr and "b.docx: not a readable" in result.stderr
    assert snapshot(written) == before
    assert "Traceback" not in result.output


def test_an_empty_window_is_still_a_brief_that_says_so(written: Path) -> None:
    result = brief(str(SEEDS), "-o", str(written), "--week", "2020-W01", "--skip-undated")
    assert result.exit_code == 0, result.output
    assert "0 in the brief" in result.stderr


# --- user files are sacred ------------------------------------------------------------


def test_a_brief_edited_after_the_run_is_kept_and_nothing_is_written(written: Path) -> None:
    edited = written / "brief-2024-05-19.docx"
    document = docx.Document(str(edited))
    document.add_paragraph("Analyst's note: call the Muscat desk.")
    document.save(str(edited))
    before = snapshot(written)
    result = brief(str(SEEDS), "-o", str(written), *DAY, *ALL, "--no-translate")
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "brief-2024-05-19.docx changed since briefgen wrote it" in lines[0]
    assert "--force" in lines[0]
    assert snapshot(written) == before  # the edit, and the rest of the set, as they were

    forced = brief(str(SEEDS), "-o", str(written), *DAY, *ALL, "--no-translate", "--force", "-q")
    assert forced.exit_code == 0, forced.output
    assert "Analyst's note" not in "\n".join(p.text for p in docx.Document(str(edited)).paragraphs)
    again = brief(str(SEEDS), "-o", str(written), *DAY, *ALL, "--no-translate", "-q")
    assert again.exit_code == 0, again.output  # what briefgen wrote, it may replace


def test_a_file_briefgen_never_wrote_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "brief-2024-05-19.md"
    mine.write_text("My own notes for the week.\n", encoding="utf-8")
    result = brief(str(SEEDS), "-o", str(out), *DAY, *ALL, "--no-translate")
    assert result.exit_code == 4
    assert mine.read_text(encoding="utf-8") == "My own notes for the week.\n"
    assert sorted(p.name for p in out.iterdir()) == ["brief-2024-05-19.md"]


def test_a_second_run_replaces_its_own_brief(written: Path) -> None:
    inodes = {name: (written / name).stat().st_ino for name in NAMES}
    result = brief(str(SEEDS), "-o", str(written), *DAY, *ALL, "--no-translate", "-q")
    assert result.exit_code == 0, result.output
    state = (written / STATE_FILE).read_text(encoding="utf-8")
    for name in NAMES:  # each file is a new one (renamed into place), and recorded
        assert (written / name).stat().st_ino != inodes[name]
        assert hashlib.sha256((written / name).read_bytes()).hexdigest() in state


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device"])
def test_a_brief_path_that_is_no_regular_file_is_refused(tmp_path: Path, kind: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "brief-2024-05-19.json"
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    if kind == "symlink":
        target.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/null")
    result = brief(str(SEEDS), "-o", str(out), *DAY, *ALL, "--no-translate")
    assert result.exit_code == 4
    assert "not a regular file: not replaced" in result.stderr
    assert target.is_symlink() or stat.S_ISFIFO(target.lstat().st_mode)
    assert victim.read_text(encoding="utf-8") == "precious"
    assert sorted(p.name for p in out.iterdir()) == ["brief-2024-05-19.json"]


@pytest.mark.parametrize("target", ["/dev/null", "/dev", "regular file"])
def test_an_output_folder_that_is_no_folder_is_refused(tmp_path: Path, target: str) -> None:
    if target == "regular file":
        path = tmp_path / "notes.txt"
        path.write_text("keep", encoding="utf-8")
        target = str(path)
    result = brief(str(SEEDS), "-o", target, *DAY, "--no-translate")
    assert result.exit_code == 4, result.output
    assert len(result.stderr.strip().splitlines()) == 1
    assert Path("/dev/null").is_char_device()
    assert not list(Path("/dev").glob("brief-*"))
    if target.endswith("notes.txt"):
        assert Path(target).read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("kind", ["/dev/null", "fifo", "symlink"])
def test_translate_and_export_never_replace_a_special_file(tmp_path: Path, kind: str) -> None:
    victim = tmp_path / "victim.csv"
    victim.write_text("precious", encoding="utf-8")
    if kind == "fifo":
        target = tmp_path / "pipe.csv"
        os.mkfifo(target)
    elif kind == "symlink":
        target = tmp_path / "link.csv"
        target.symlink_to(victim)
    else:
        target = Path(kind)
    result = CliRunner().invoke(main, ["glossary", "export", "--format", "csv", "-o", str(target)])
    assert result.exit_code == 4, result.output
    assert "not replaced" in result.stderr
    assert victim.read_text(encoding="utf-8") == "precious"
    assert Path("/dev/null").is_char_device()
    assert target.is_symlink() or target.is_fifo() or target.is_char_device()


# --- the set is written as a set --------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A 300 KB tmpfs (root only): room for one brief set, not for two."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_keeps_the_old_set_whole(tiny_disk: Path, tmp_path: Path) -> None:
    out = tiny_disk / "out"
    first = brief(str(SEEDS), "-o", str(out), *DAY, *ALL, "--no-translate", "-q")
    assert first.exit_code == 0, first.output
    before = snapshot(out)
    filler = tiny_disk / "filler"
    with open(filler, "wb") as handle:  # leave less room than a new set needs
        free = os.statvfs(tiny_disk).f_bavail * os.statvfs(tiny_disk).f_frsize
        handle.write(b"\0" * max(free - 20_000, 0))
    second = brief(str(SEEDS), "-o", str(out), *DAY, *ALL, "--no-translate")
    assert second.exit_code == 4, second.output
    lines = second.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], lines
    assert snapshot(out) == before  # the old set, whole, and no temporary files


def test_a_write_cut_short_keeps_the_old_set_whole(written: Path) -> None:
    """A disk that takes only 30 KB more (a file-size limit, no mount needed): exit 4,
    one line naming the brief, and the old set as it was."""
    before = snapshot(written)

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (30_000, 30_000))

    command = [sys.executable, "-m", "briefgen", "brief", str(SEEDS), "-o", str(written)]
    done = subprocess.run(
        [*command, *DAY, *ALL, "--no-translate"],
        preexec_fn=limit_file_size,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 4, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, lines
    assert f"{written / NAMES[0]}: cannot write (File too large); nothing replaced" in lines[0]
    assert snapshot(written) == before


def test_ctrl_c_while_writing_leaves_old_or_new_set_never_a_mix(
    written: Path, tmp_path: Path
) -> None:
    """SIGINT at many moments of a run: exit 130 with one line (or 0 when it came too late),
    never a traceback, and the folder holds one complete set."""
    big = tmp_path / "big"
    big.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for index in range(60):
        body = f"{texts[index % len(texts)]}\n\nNote {index} on item {index * 7}."
        (big / f"{index:03d}.txt").write_text(body, encoding="utf-8")
    env = {**os.environ, "BRIEFGEN_WORKERS": "1"}
    command = [sys.executable, "-m", "briefgen", "brief", str(big), "-o", str(written)]
    command += [*DAY, *ALL, "--no-translate", "-q", "--force"]
    started = time.monotonic()
    probe = [*command[:6], str(tmp_path / "probe"), *command[7:]]
    done = subprocess.run(probe, env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr
    length = time.monotonic() - started
    sets = {tuple(sorted(snapshot(written).items()))}
    for step in range(8):
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(length * (0.45 + 0.08 * step))  # through reading, summarizing, writing
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
        text = err.decode()
        assert "Traceback" not in text, text
        assert process.returncode in (0, 130), (process.returncode, text)
        if process.returncode == 130:
            assert text.strip().splitlines() == ["briefgen: interrupted"]
        files = {p.name for p in written.iterdir()}
        assert {n for n in files if not n.startswith(".")} == set(NAMES), files
        assert not [n for n in files if n.endswith(".tmp")], files
        # the three files belong to one run: all from the seeds, or all from big/
        texts = [(written / name).read_bytes() for name in NAMES[1:]]
        paragraphs = docx.Document(str(written / NAMES[0])).paragraphs
        texts.append("\n".join(p.text for p in paragraphs).encode())
        assert len({b"059.txt" in text for text in texts}) == 1
        state = (written / STATE_FILE).read_text(encoding="utf-8")
        for name in NAMES:  # and the record knows each of them
            assert hashlib.sha256((written / name).read_bytes()).hexdigest() in state
        sets.add(tuple(sorted(snapshot(written).items())))
    assert len(sets) >= 2  # at least one interrupted or finished run changed the set


# --- standard streams ---------------------------------------------------------------------


def run_shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, cwd=SEEDS.parent
    )


BRIEFGEN = f"{sys.executable} -m briefgen"
ARTICLE = "seeds/003_74af4bd25be794b0.txt"


@pytest.mark.parametrize(
    ("command", "code", "says"),
    [
        (f"{BRIEFGEN} summarize - <&-", 2, "standard input is closed"),
        (f"{BRIEFGEN} summarize {ARTICLE} >&-", 4, "standard output is closed"),
        (f"{BRIEFGEN} summarize {ARTICLE} > /dev/full", 4, "No space left on device"),
        (f"{BRIEFGEN} glossary export --format tbx | head -c1 >/dev/null", 4, "broken pipe"),
    ],
    ids=["stdin closed", "stdout closed", "stdout full", "broken pipe"],
)
def test_standard_streams_fail_with_their_exit_code_and_one_line(
    command: str, code: int, says: str
) -> None:
    done = run_shell(f"{command}; echo exit=${{PIPESTATUS[0]}} >&2")
    lines = done.stderr.strip().splitlines()
    assert lines[-1] == f"exit={code}", done.stderr
    assert len(lines) == 2 and says in lines[0], done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_a_brief_run_needs_no_stdout_or_stderr(tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = subprocess.run(
        ["bash", "-c", f"{BRIEFGEN} brief seeds -o {out} --until 2024-05-19 >&- 2>&-"],
        cwd=SEEDS.parent,
        timeout=120,
    )
    assert done.returncode == 0
    assert (out / "brief-2024-05-19.docx").is_file()
    # no file briefgen opened landed on descriptor 1 or 2: the brief is a whole document
    docx.Document(str(out / "brief-2024-05-19.docx"))
