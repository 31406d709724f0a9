"""Each shape of Argos package translates: BPE (the ar→en fixture), SentencePiece with a
``target_prefix``, older CTranslate2 model folders; device and thread settings.

Every package here is a genuine one (the fixtures, or derived from them by editing
metadata or the model folder's layout) and goes through the real install and the real
CTranslate2 + tokenizer path.
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
import zipfile
from pathlib import Path

import pytest

from briefgen.errors import ConfigError, ModelError, ModelMissingError
from briefgen.translation import installed_sources, load_translator
from briefgen.translation.packages import install_package_file, list_packages

from .package_shapes import AR_EN, FA_EN, FIXTURES, argos_view, derive

sys.path.insert(0, str(FIXTURES))
from ar_en_corpus import GOLDEN as AR_GOLDEN
from fa_en_corpus import GOLDEN as FA_GOLDEN

FA_GOLD = dict(FA_GOLDEN)
FA_SENTENCE = "دو طرف بر تسریع اجرای توافقات در حوزه مراکز داده تأکید کردند."
AR_LABEL = (
    "Machine-translated from Arabic (Argos ar→en, translate-ar_en-test 1.0-test)"
    " — TEST MODEL, not a real translation"
)


def translate(source: str, sentences: list[str], **options) -> list[str]:
    translator = load_translator(source, use_cache=False, **options)
    try:
        return translator.translate(sentences)
    finally:
        translator.close()


# --- the ar→en fixture: a BPE-only package ----------------------------------------------


def test_ar_fixture_matches_its_recorded_sha256_and_is_small() -> None:
    recorded = (FIXTURES / (AR_EN.name + ".sha256")).read_text().split()
    assert recorded[1] == AR_EN.name
    assert hashlib.sha256(AR_EN.read_bytes()).hexdigest() == recorded[0]
    assert AR_EN.stat().st_size < 1_500_000
    with zipfile.ZipFile(AR_EN) as archive:
        names = set(archive.namelist())
        metadata = json.loads(archive.read("translate-ar_en-test-1_0/metadata.json"))
    assert "translate-ar_en-test-1_0/bpe.model" in names
    assert not any(name.endswith("sentencepiece.model") for name in names)
    assert metadata["code"] == "translate-ar_en-test" and metadata["test_fixture"] is True
    assert "TEST" in metadata["name"]


def test_ar_fixture_installs_and_translates_its_golden_sentences(no_model: Path) -> None:
    # The .sha256 beside the fixture is read and checked on the way.
    package, replaced = install_package_file(AR_EN)
    assert replaced == []
    assert (package.pair, package.tokenizer, package.is_test_model) == ("ar→en", "bpe", True)
    assert installed_sources() == {"ar"}

    translator = load_translator("ar", use_cache=False)
    try:
        assert translator.tokenizer_kind == "bpe"
        assert translator.info.engine == "Argos ar→en"
        assert translator.info.source_language == "ar"
        assert translator.info.label == AR_LABEL
        english = translator.translate([arabic for arabic, _ in AR_GOLDEN])
    finally:
        translator.close()
    assert english == [en for _, en in AR_GOLDEN]


def test_argostranslate_reads_the_ar_fixture_as_a_bpe_package(no_model: Path, tmp_path) -> None:
    from argostranslate.package import Package

    package, _ = install_package_file(AR_EN)
    assert type(Package(package.path).tokenizer).__name__ == "BPETokenizer"
    assert argos_view(no_model, tmp_path) == [("ar", "en", "1.0-test", "translate-ar_en-test-1_0")]


def test_arabic_tatweel_and_diacritics_translate_as_the_plain_spelling(no_model: Path) -> None:
    install_package_file(AR_EN)
    plain, english = AR_GOLDEN[1]  # «أكد الخطيب أهمية التعاون في مجال الكابلات البحرية.»
    marked = "أَكَّدَ الخـطـيب أهمـيّة التعاون في مجال الكابلات البَحْريّة."
    assert marked != plain
    assert translate("ar", [marked, plain]) == [english, english]


def test_each_pair_loads_its_own_package_and_caches_apart(no_model: Path) -> None:
    install_package_file(AR_EN)
    install_package_file(FA_EN)
    assert installed_sources() == {"ar", "fa"}
    fa = load_translator("fa")
    ar = load_translator("ar")
    try:
        assert fa.info.engine == "Argos fa→en" and fa.tokenizer_kind == "sentencepiece"
        assert fa.model_key.startswith("fa-en|") and ar.model_key.startswith("ar-en|")
        assert fa.translate([FA_SENTENCE]) == [FA_GOLD[FA_SENTENCE]]
        assert ar.translate([AR_GOLDEN[5][0]]) == [AR_GOLDEN[5][1]]
    finally:
        fa.close()
        ar.close()
    assert "Persian" in fa.info.label and "Arabic" in ar.info.label


def test_a_missing_pair_names_its_language(no_model: Path) -> None:
    install_package_file(FA_EN)
    with pytest.raises(ModelMissingError) as caught:
        load_translator("ar")
    message = str(caught.value)
    assert message.startswith("no Arabic→English (ar→en) model is installed")
    assert "briefgen model install --from-index ar" in message
    assert "\n" not in message


def test_a_package_with_both_tokenizers_uses_sentencepiece_as_argostranslate(
    tmp_path: Path,
) -> None:
    from argostranslate.package import Package

    from briefgen.translation.tokenizers import tokenizer_kind

    folder = tmp_path / "p"
    with zipfile.ZipFile(AR_EN) as archive:
        archive.extractall(tmp_path / "x")
    (tmp_path / "x" / "translate-ar_en-test-1_0").rename(folder)
    assert tokenizer_kind(folder) == "bpe"
    with zipfile.ZipFile(FA_EN) as archive:
        (folder / "sentencepiece.model").write_bytes(
            archive.read("translate-fa_en-test-1_0/sentencepiece.model")
        )
    assert tokenizer_kind(folder) == "sentencepiece"
    assert type(Package(folder).tokenizer).__name__ == "SentencePieceTokenizer"


def test_malformed_bpe_codes_are_refused_at_install(no_model: Path, tmp_path: Path) -> None:
    def damage(top: Path) -> None:
        (top / "bpe.model").write_text("#version: 0.2\na b c\n", encoding="utf-8")

    bad = derive(AR_EN, tmp_path / "bad.argosmodel", edit=damage)
    with pytest.raises(ModelError, match=r"corrupt package: bpe\.model does not load"):
        install_package_file(bad)
    assert list(no_model.iterdir()) == []


# --- SentencePiece with a target_prefix ---------------------------------------------------


def test_a_sentencepiece_package_with_a_target_prefix(no_model: Path, tmp_path: Path) -> None:
    # The fa→en model starts this sentence with "▁The": as the forced prefix it is decoded
    # from, then dropped from the English, as argostranslate drops its target_prefix.
    derived = derive(FA_EN, tmp_path / "prefix.argosmodel", metadata={"target_prefix": "▁The"})
    package, _ = install_package_file(derived)
    assert package.target_prefix == "▁The"
    english = FA_GOLD[FA_SENTENCE]
    assert english.startswith("The ")
    assert translate("fa", [FA_SENTENCE]) == [english.removeprefix("The ")]


# --- older CTranslate2 model folders ---------------------------------------------------------


def _ctranslate2_2x_layout(top: Path) -> None:
    """CTranslate2 2.x: binary version 5, source/target_vocabulary.txt, no config.json."""
    model = top / "model"
    vocabulary = json.loads((model / "shared_vocabulary.json").read_text(encoding="utf-8"))
    data = (model / "model.bin").read_bytes()
    assert struct.unpack("<I", data[:4]) == (6,)
    (model / "model.bin").write_bytes(struct.pack("<I", 5) + data[4:])
    for name in ("source_vocabulary.txt", "target_vocabulary.txt"):
        (model / name).write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    (model / "shared_vocabulary.json").unlink()
    (model / "config.json").unlink()


def _ctranslate2_3x_layout(top: Path) -> None:
    """CTranslate2 3.x: config.json and shared_vocabulary.txt."""
    model = top / "model"
    vocabulary = json.loads((model / "shared_vocabulary.json").read_text(encoding="utf-8"))
    (model / "shared_vocabulary.txt").write_text("\n".join(vocabulary) + "\n", encoding="utf-8")
    (model / "shared_vocabulary.json").unlink()


@pytest.mark.parametrize("layout", [_ctranslate2_2x_layout, _ctranslate2_3x_layout])
def test_older_model_folder_layouts_load(no_model: Path, tmp_path: Path, layout) -> None:
    derived = derive(FA_EN, tmp_path / "old.argosmodel", edit=layout)
    package, _ = install_package_file(derived)
    files = sorted(p.name for p in (package.path / "model").iterdir())
    assert "shared_vocabulary.json" not in files
    sentences = [fa for fa, _ in FA_GOLDEN[:4]]
    assert translate("fa", sentences) == [FA_GOLD[fa] for fa in sentences]


# --- device and threads -------------------------------------------------------------------


@pytest.fixture
def no_gpu() -> None:
    from briefgen.translation.device import cuda_device_count

    if cuda_device_count() > 0:
        pytest.skip("this machine has a CUDA GPU")


def test_cuda_without_a_gpu_fails_with_one_clear_line(no_model, no_gpu, monkeypatch) -> None:
    install_package_file(FA_EN)
    with pytest.raises(ModelError) as caught:
        load_translator("fa", device="cuda")
    message = str(caught.value)
    assert "\n" not in message
    assert message == (
        "device 'cuda' was requested but CTranslate2 finds no usable CUDA GPU; "
        "use device 'cpu' or 'auto'"
    )
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cuda")
    with pytest.raises(ModelError, match=r"requested \(from \$ARGOS_DEVICE_TYPE\)"):
        load_translator("fa")


def test_auto_and_cpu_run_on_the_cpu_here(no_model, no_gpu, monkeypatch) -> None:
    install_package_file(FA_EN)
    monkeypatch.delenv("ARGOS_DEVICE_TYPE", raising=False)
    for device in (None, "auto", "cpu", "CPU"):
        translator = load_translator("fa", device=device, use_cache=False)
        assert translator.device == "cpu"
        assert translator.translate([FA_SENTENCE]) == [FA_GOLD[FA_SENTENCE]]
    with pytest.raises(ConfigError, match="device must be auto, cpu or cuda, not 'tpu'"):
        load_translator("fa", device="tpu")


def test_threads_come_from_the_parameter_then_the_environment(no_model, monkeypatch) -> None:
    import os

    install_package_file(FA_EN)
    monkeypatch.delenv("BRIEFGEN_THREADS", raising=False)
    assert load_translator("fa", use_cache=False).threads == (os.cpu_count() or 1)
    monkeypatch.setenv("BRIEFGEN_THREADS", "1")
    assert load_translator("fa", use_cache=False).threads == 1
    assert load_translator("fa", threads=2, use_cache=False).threads == 2
    monkeypatch.setenv("BRIEFGEN_THREADS", "many")
    with pytest.raises(ConfigError, match=r"\$BRIEFGEN_THREADS must be a whole number"):
        load_translator("fa")


def test_the_label_names_the_source_language() -> None:
    from briefgen.model import Translation

    ar = Translation("Argos ar→en", "translate-ar_en", "1.0", source_language="ar")
    fa = Translation("Argos fa→en", "translate-fa_en", "1.5")
    assert ar.label == "Machine-translated from Arabic (Argos ar→en, translate-ar_en 1.0)"
    assert fa.label == "Machine-translated from Persian (Argos fa→en, translate-fa_en 1.5)"


def test_list_packages_reports_every_pair(no_model: Path) -> None:
    install_package_file(AR_EN)
    install_package_file(FA_EN)
    packages, problems = list_packages()
    assert not problems
    assert sorted((p.pair, p.tokenizer) for p in packages) == [
        ("ar→en", "bpe"),
        ("fa→en", "sentencepiece"),
    ]


def test_arabic_normalization_strips_marks_and_keeps_letters() -> None:
    from briefgen.text.arabic import normalize_arabic

    assert normalize_arabic("أَكَّدَ  الخـطـيب") == "أكد الخطيب"
    assert normalize_arabic("ا\u0654كد") == "أكد"  # hamza as a combining mark: composed, kept
    assert normalize_arabic("وزير الاتصالات ١٥") == "وزير الاتصالات ١٥"  # digits as they are
    assert normalize_arabic("") == ""
