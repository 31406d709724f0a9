"""``--dask``: the same brief from a Dask LocalCluster as from a local run, with each worker
loading the model once and the translations gathered back into the local memory."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main

pytest.importorskip("distributed", reason="Dask is not installed (briefgen[dask])")
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT / "bench"))
from compare_briefs import differences  # noqa: E402


def _articles(folder: Path) -> Path:
    """Seeds and Persian articles in the test model's vocabulary, 40 files in all."""
    from tests.fixtures.fa_en_corpus import training_pairs

    folder.mkdir()
    for seed in sorted((ROOT / "seeds").iterdir()):
        (folder / seed.name).write_bytes(seed.read_bytes())
    persian = [fa for fa, _ in training_pairs(600, seed=5)[200:]]
    for index in range(35):
        body = " ".join(persian[index * 8 : index * 8 + 8])
        (folder / f"fa-{index:02d}.txt").write_text(f"دیدار در تهران {index}\n{body}\n", "utf-8")
    return folder


def _brief(folder: Path, out: Path, cache: Path, monkeypatch, *extra: str) -> dict:
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(cache))
    result = CliRunner().invoke(
        main, ["brief", str(folder), "-o", str(out), "--format", "json", "-q", *extra]
    )
    assert result.exit_code == 0, result.output
    (written,) = out.glob("*.json")
    data = json.loads(written.read_text(encoding="utf-8"))
    data.pop("generated")
    return data


def _machine_segments(cache: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(cache / "translation-memory.sqlite3") as db:
        return set(db.execute("SELECT source, target FROM segments WHERE kind = 'machine'"))


def test_a_dask_brief_is_the_local_brief(fa_en_model: Path, tmp_path: Path, monkeypatch):
    folder = _articles(tmp_path / "articles")
    local = _brief(folder, tmp_path / "local", tmp_path / "c1", monkeypatch)
    dask = _brief(
        folder,
        tmp_path / "dask",
        tmp_path / "c2",
        monkeypatch,
        "--dask",
        "local",
        "--dask-workers",
        "2",
    )
    assert differences(local, dask) == []
    translated = [a for a in dask["articles"] if a["translation"]]
    assert len(translated) == 36  # the Persian seed and 35 made here
    # The workers' translations came back into this machine's memory, as a local run's.
    assert _machine_segments(tmp_path / "c2") == _machine_segments(tmp_path / "c1")
    assert len(_machine_segments(tmp_path / "c2")) > 150


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the development corpus is not here")
def test_the_corpus_brief_is_the_same_on_dask(fa_en_model: Path, tmp_path: Path, monkeypatch):
    local = _brief(CORPUS, tmp_path / "local", tmp_path / "c1", monkeypatch)
    dask = _brief(CORPUS, tmp_path / "dask", tmp_path / "c2", monkeypatch, "--dask", "local")
    assert differences(local, dask) == []
    assert len(local["articles"]) >= 30


def test_each_worker_loads_the_model_once(fa_en_model: Path, tmp_path: Path, monkeypatch):
    from briefgen.cluster import PLUGIN, DaskBackend
    from briefgen.tm.sqlite import SQLiteMemory
    from briefgen.translation import load_translator
    from tests.fixtures.fa_en_corpus import GOLDEN

    sentences = [fa for fa, _ in GOLDEN]
    backend = DaskBackend("local", workers=1)
    try:
        loaded: list[dict[str, tuple[int, ...]]] = []
        for attempt in range(2):  # two runs, each with its own translator and memory
            memory = SQLiteMemory(tmp_path / f"memory-{attempt}.sqlite3")
            translator = load_translator("fa", memory=memory, batch_runner=backend.batch_runner)
            english = translator.translate(sentences)
            assert english == [en for _, en in GOLDEN]
            assert translator.translated_count == len(set(sentences))
            translator.close()
            memory.close()
            loaded.append(
                backend.client.run(
                    lambda dask_worker: tuple(
                        id(t) for t in dask_worker.plugins[PLUGIN].translators.values()
                    )
                )
            )
        (first,), (second,) = (list(run.values()) for run in loaded)
        assert len(first) == 1 and first == second  # one model, loaded once, kept
    finally:
        backend.close()


def test_an_unreachable_scheduler_is_one_line(fa_en_model: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setattr("briefgen.cluster.CONNECT_TIMEOUT", "2s")
    result = CliRunner().invoke(
        main,
        ["brief", str(ROOT / "seeds"), "-o", str(tmp_path), "-q", "--dask", "tcp://127.0.0.1:9"],
    )
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.output
