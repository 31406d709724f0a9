"""Persian→English translation with the real test Argos package, through the real CLI.

The package (tests/fixtures/translate-fa_en-test.argosmodel) is a genuine Argos package
whose model knows only the vocabulary of tests/fixtures/fa_en_corpus.py; the sentences
below are held out from its training data, so the English is what the model produces.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from briefgen.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))
from fa_en_corpus import GOLDEN  # noqa: E402

PACKAGE_FILE = FIXTURES / "translate-fa_en-test.argosmodel"
GOLD = dict(GOLDEN)

# Names of places, titles and topics only: the glossary (when it runs) turns the places
# into their English names in Latin script, which the model copies, so the English is
# the same with or without it.
HEADLINE = "تأکید بر توسعه همکاری ایران و عمان در حوزه ارتباطات"
BODY = [
    "عمان آمادگی دارد همکاری با ایران در زمینه کابل‌های دریایی را گسترش دهد.",
    "دو طرف بر تسریع اجرای توافقات در حوزه مراکز داده تأکید کردند.",
    "ایران با 15 کشور همسایه در حوزه ترانزیت داده همکاری می‌کند.",
]
ARTICLE = "\n".join([HEADLINE, "", " ".join(BODY[:2]), BODY[2]]) + "\n"
ENGLISH = [
    GOLD[HEADLINE],
    "",
    f"{GOLD[BODY[0]]} {GOLD[BODY[1]]}",
    "",
    GOLD[BODY[2]],
    "",
]


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


@pytest.fixture
def persian_file(tmp_path: Path) -> Path:
    path = tmp_path / "zarepour_muscat.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- the fixture itself ---------------------------------------------------------------


def test_fixture_matches_its_recorded_sha256() -> None:
    recorded = (FIXTURES / (PACKAGE_FILE.name + ".sha256")).read_text().split()[0]
    assert hashlib.sha256(PACKAGE_FILE.read_bytes()).hexdigest() == recorded
    assert PACKAGE_FILE.stat().st_size < 3_000_000


def test_fixture_says_it_is_a_test_model(fa_en_model: Path) -> None:
    from briefgen.translation.packages import list_packages

    (package,), problems = list_packages(fa_en_model)
    assert not problems
    assert package.is_test_model and "test" in package.code and "test" in package.version
    assert "TEST" in package.name and (package.from_code, package.to_code) == ("fa", "en")


# --- briefgen translate -----------------------------------------------------------------


def test_translate_file_gives_the_exact_english(fa_en_model, persian_file, no_network) -> None:
    result = run("translate", str(persian_file))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[: len(ENGLISH)] == ENGLISH
    assert lines[-1] == (
        "[Machine-translated from Persian (Argos fa→en, translate-fa_en-test 1.0-test)"
        " — TEST MODEL, not a real translation]"
    )
    assert "TEST fixture" in result.stderr
    assert "Translating" not in result.stderr  # no progress bar when not on a terminal


def test_translate_stdin_gives_the_same_english(fa_en_model, no_network) -> None:
    result = run("translate", "-", input=ARTICLE.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[: len(ENGLISH)] == ENGLISH


def test_bilingual_pairs_each_persian_sentence_with_its_english(
    fa_en_model, persian_file, no_network
) -> None:
    result = run("translate", str(persian_file), "--bilingual")
    assert result.exit_code == 0, result.output
    blocks = result.stdout.strip().split("\n\n")
    pairs = [tuple(block.splitlines()) for block in blocks[:-1]]
    assert pairs == [(fa, GOLD[fa]) for fa in [HEADLINE, *BODY]]


def test_json_keeps_each_source_sentence(fa_en_model, persian_file, tmp_path, no_network) -> None:
    out = tmp_path / "out.json"
    result = run("translate", str(persian_file), "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["headline"] == {"source": HEADLINE, "text": GOLD[HEADLINE], "reviewed": False}
    assert [(s["source"], s["text"]) for s in data["sentences"]] == [(fa, GOLD[fa]) for fa in BODY]
    assert [s["paragraph"] for s in data["sentences"]] == [0, 0, 1]
    assert data["translation"]["test_model"] is True
    assert data["translation"]["version"] == "1.0-test"


def test_docx_bilingual_has_persian_and_english_side_by_side(
    fa_en_model, persian_file, tmp_path, no_network
) -> None:
    out = tmp_path / "out.docx"
    result = run("translate", str(persian_file), "--format", "docx", "-o", str(out), "--bilingual")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    rows = [tuple(c.text for c in row.cells) for row in document.tables[0].rows]
    assert rows[0] == ("Segment", "Persian source", "English (correct here)")
    assert [row[1:] for row in rows[1:]] == [(fa, GOLD[fa]) for fa in [HEADLINE, *BODY]]
    assert [row[0].split("\n")[0] for row in rows[1:]] == ["0", "1", "2", "3"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "TEST MODEL" in text and GOLD[HEADLINE] in text


def test_arabic_letters_persian_digits_and_spacing_variants_translate_the_same(
    fa_en_model, no_network
) -> None:
    from briefgen.translation import load_translator

    zarepour = "زارع‌پور بر اهمیت همکاری در حوزه ترانزیت داده تأکید کرد."
    variants = {
        # Arabic ي and ك, Persian digits, «می کند» typed with a space.
        "ايران با ۱۵ كشور همسايه در حوزه ترانزيت داده همكاري می کند.": BODY[2],
        # The name without its ZWNJ, and Arabic-Indic digits elsewhere.
        "زارعپور بر اهمیت همکاری در حوزه ترانزیت داده تأکید کرد.": zarepour,
        "ایران با ١٥ کشور همسایه در حوزه ترانزیت داده همکاری میکند.": BODY[2],
    }
    translator = load_translator()
    try:
        english = translator.translate(list(variants))
    finally:
        translator.close()
    assert english == [GOLD[fa] for fa in variants.values()]


def test_latin_script_names_from_the_glossary_come_through_unchanged(
    fa_en_model, no_network
) -> None:
    from briefgen.model import Article, Sentence
    from briefgen.stages.translate import translate_articles
    from briefgen.translation import load_translator

    names = {
        "عیسی زارع‌پور": "Issa Zarepour",
        "سعیدبن حمود المعولی": "Said bin Hamoud Al Maawali",
        "ستار هاشمی": "Sattar Hashemi",
        "عبدالله بن سعود العنزی": "Abdullah bin Saud Al-Anzi",
        "ایلنا": "ILNA",
    }

    def prepare(text: str) -> tuple[str, list[str]]:
        terms = []
        for persian, latin in names.items():
            if persian in text:
                text = text.replace(persian, latin)
                terms.append(latin)
        return text, terms

    article = Article(source_path=Path("x.txt"), raw_text="", language="fa")
    article.headline = "به گزارش ایلنا، ستار هاشمی با عبدالله بن سعود العنزی گفت‌وگو کرد."
    article.sentences = [
        Sentence("عیسی زارع‌پور وزیر ارتباطات در مسقط با سعیدبن حمود المعولی دیدار کرد.", 0)
    ]
    translator = load_translator()
    try:
        translate_articles([article], translator, prepare=prepare)
    finally:
        translator.close()
    assert article.headline_english == (
        "According to ILNA, Sattar Hashemi held talks with Abdullah bin Saud Al-Anzi."
    )
    assert article.sentences[0].english == (
        "Issa Zarepour, Minister of Communications, met Said bin Hamoud Al Maawali in Muscat."
    )
    assert article.sentences[0].text.startswith("عیسی زارع‌پور")  # the source stays
    assert article.translation.missing_terms == []

    # A term the model drops is reported, not hidden.
    article.headline, article.sentences = (
        "زارع‌پور بر اهمیت همکاری در حوزه ترانزیت داده تأکید کرد.",
        [],
    )
    translator = load_translator()
    try:
        translate_articles([article], translator, prepare=lambda t: (t, ["Sultan Qaboos"]))
    finally:
        translator.close()
    assert article.headline_english == (
        "Zarepour stressed the importance of cooperation in data transit."
    )
    assert article.translation.missing_terms == ["Sultan Qaboos"]


# --- cache -------------------------------------------------------------------------------


def test_a_rerun_translates_nothing_twice(fa_en_model, tmp_path, no_network) -> None:
    from briefgen.translation import load_translator

    sentences = [HEADLINE, *BODY, BODY[0]]
    first = load_translator()
    english = first.translate(sentences)
    first.close()
    assert first.translated_count == len(BODY) + 1  # the repeated sentence once
    assert (tmp_path / "cache" / "translation-memory.sqlite3").is_file()

    second = load_translator()
    assert second.translate(sentences) == english
    second.close()
    assert second.translated_count == 0
    assert english == [GOLD[s] for s in sentences]


def test_the_memory_survives_a_killed_process(tmp_path) -> None:
    cache_dir = tmp_path / "cache"
    code = (
        "import os, signal\n"
        "from briefgen.tm import open_memory\n"
        "memory = open_memory()\n"
        "memory.put_machine(('fa', 'en'), 'm', 'pkg 1', {'a': 'A'})\n"
        "memory.put_machine(('fa', 'en'), 'm', 'pkg 1', {'b': 'B'})\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "BRIEFGEN_CACHE_DIR": str(cache_dir)}
    done = subprocess.run([sys.executable, "-c", code], env=env, timeout=60)
    assert done.returncode == -signal.SIGKILL

    from briefgen.tm.sqlite import SQLiteMemory

    memory = SQLiteMemory(cache_dir / "translation-memory.sqlite3")
    assert memory.machine(("fa", "en"), "m", ["a", "b", "c"]) == {"a": "A", "b": "B"}
    memory.put_machine(("fa", "en"), "m", "pkg 1", {"c": "C"})
    assert len(memory) == 3
    memory.close()


def test_a_damaged_memory_file_is_set_aside(tmp_path) -> None:
    from briefgen.tm.sqlite import SQLiteMemory

    path = tmp_path / "translation-memory.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    memory = SQLiteMemory(path)
    memory.put_machine(("fa", "en"), "m", "pkg 1", {"a": "A"})
    assert memory.machine(("fa", "en"), "m", ["a"]) == {"a": "A"}
    memory.close()
    assert list(tmp_path.glob("translation-memory.sqlite3.broken-*"))


# --- no model ----------------------------------------------------------------------------


def test_translate_without_a_model_says_how_to_install_one(no_model, persian_file) -> None:
    result = run("translate", str(persian_file))
    assert result.exit_code == 3
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.count("\n") == 0
    assert "briefgen model install --from-index fa" in message
    assert "briefgen model install FILE.argosmodel" in message


def test_translate_refuses_an_english_article(fa_en_model, seeds_dir) -> None:
    result = run("translate", str(seeds_dir / "003_74af4bd25be794b0.txt"))
    assert result.exit_code == 2
    assert "not in a language to translate (detected: en)" in result.stderr


# --- briefgen brief ------------------------------------------------------------------------


def _brief(folder: Path, out: Path, *extra: str) -> tuple[dict, str]:
    result = run("brief", str(folder), "-o", str(out), "--format", "json,md", *extra)
    assert result.exit_code == 0, result.output
    (path,) = out.glob("brief-*.json")
    return json.loads(path.read_text(encoding="utf-8")), result.stderr


def _by_name(data: dict) -> dict[str, dict]:
    return {Path(a["source_path"]).name: a for a in data["articles"]}


def test_brief_translates_summarizes_and_files_a_persian_article(
    fa_en_model, seeds_copy: Path, tmp_path: Path, no_network
) -> None:
    (seeds_copy / "zarepour_muscat.txt").write_text(ARTICLE, encoding="utf-8")
    data, report = _brief(seeds_copy, tmp_path / "out", "--show-source")
    articles = _by_name(data)
    ours = articles["zarepour_muscat.txt"]
    assert ours["translation"]["label"] == (
        "Machine-translated from Persian (Argos fa→en, translate-fa_en-test 1.0-test)"
        " — TEST MODEL, not a real translation"
    )
    assert ours["headline"] == GOLD[HEADLINE]
    assert ours["headline_source"] == HEADLINE
    english_of = {GOLD[fa]: fa for fa in BODY}
    assert ours["summary"], "the translated article has a summary"
    for english, persian in zip(ours["summary"], ours["summary_source"], strict=True):
        assert english_of[english] == persian  # each summary sentence links to its source
    # Filed under its country, like the Persian seed about the same visit.
    assert ours["country"] == articles["004_281cd1e16a81b240.txt"]["country"]
    section = next(s for s in data["sections"] if s["country"] == ours["country"])
    assert section["articles"] >= 2
    markdown = next((tmp_path / "out").glob("brief-*.md")).read_text(encoding="utf-8")
    assert GOLD[HEADLINE] in markdown and "TEST MODEL" in markdown
    # The seed is translated too (by a model that does not know its words: marked TEST).
    assert articles["004_281cd1e16a81b240.txt"]["translation"]["test_model"] is True
    assert "not translated" not in report


def test_brief_without_a_model_lists_the_persian_seed_untranslated(
    no_model, seeds_dir: Path, tmp_path: Path, no_network
) -> None:
    data, report = _brief(seeds_dir, tmp_path / "out")
    seed = _by_name(data)["004_281cd1e16a81b240.txt"]
    assert seed["translation"] is None
    assert seed["untranslated_reason"].startswith("Not translated: no Persian→English model")
    assert "briefgen model install" in seed["untranslated_reason"]
    assert "1 Persian article(s) not translated" in report
    assert "briefgen model install" in report
    english = [a for a in data["articles"] if a["language"] == "en"]
    assert len(english) == 4 and all(a["summary"] for a in english)


def test_the_network_guard_catches_connections(no_network: list[str]) -> None:
    """The guard the translation tests run under does stop a connection attempt."""
    import socket
    import urllib.request

    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(Exception, match="network access attempted"):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    assert len(no_network) == 2
    no_network.clear()
