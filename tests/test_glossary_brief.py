"""The glossary in the brief: canonical names, dated titles, the appendix, and (once the
test fa→en model exists) names carried through translation."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.glossary import load_glossary
from briefgen.model import Window
from briefgen.pipeline import analyse_article, build_brief
from briefgen.readers import read_articles
from briefgen.stages.glossary import glossary_stage, title_stage
from briefgen.stages.summarize import summarize_stage

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GLOSSARY = load_glossary([ROOT / "glossaries"])
FA_EN_FIXTURE = ROOT / "tests" / "fixtures" / "translate-fa_en-test.argosmodel"
# Publication dates of the seeds (the date stage is being deepened; these are the facts).
DATES = {
    "000_01990d0eca7408d8.txt": dt.date(2024, 5, 15),
    "003_74af4bd25be794b0.txt": dt.date(2025, 1, 29),
    "004_281cd1e16a81b240.txt": dt.date(2023, 10, 26),
}
VARIANTS = [
    "Issa Zarei Pur",
    "Seyed Sattar Hashemi",
    "Seyyed Ebrahim Raisi",
    "Minister of Information and Communications Technology",
    "Minister of Communications and Information Technology",
    "Ministry of Communications and Information Technology",
    "Saudi Ambassador in Tehran",
    "ICT Min:",
]


def _check_names(article) -> None:
    """Variants are gone; a person's first summary mention is the full canonical name,
    with the title valid on the article's date next to it; later mentions are short."""
    text = " ".join([article.headline, *(s.text for s in article.summary)])
    for variant in VARIANTS:
        assert variant not in text, (article.name, variant)
    seen: set[str] = set()
    for sentence in article.summary:
        for hit in GLOSSARY.find_english(sentence.text):
            entry = hit.entry
            if entry.type != "person":
                continue
            assert hit.kind != "variant", hit
            if entry.id in seen:
                assert hit.text == (entry.short or entry.canonical), (article.name, hit.text)
                continue
            seen.add(entry.id)
            assert hit.text == entry.canonical, (article.name, hit.text)
            title = entry.title_on(article.date)
            around = sentence.text[max(0, hit.start - 60) : hit.end + 80]
            if title:
                forms = GLOSSARY.title_forms(title)
                head = title.split()[0]
                assert any(f in around for f in forms) or head in around, (article.name, around)
            elif article.date is None:
                # No title added: every role title occurs as often as in the article body.
                body = article.sentences[sentence.index].text
                for role in entry.roles:
                    assert sentence.text.count(role.title) == body.count(role.title)


@pytest.fixture(scope="module")
def dated_articles():
    """The seeds through the real stages, with their known publication dates."""
    articles, skipped = read_articles([SEEDS])
    assert not skipped
    for article in articles:
        analyse_article(article)
        article.date = DATES.get(article.name, article.date)
    glossary_stage(articles, GLOSSARY)
    for article in articles:
        summarize_stage(article)
    title_stage(articles, GLOSSARY)
    return {a.name: a for a in articles}


def test_each_seed_summary_uses_canonical_names_and_dated_titles(dated_articles) -> None:
    for article in dated_articles.values():
        if article.language == "en":
            _check_names(article)


def test_mentions_carry_the_title_valid_on_each_articles_date(dated_articles) -> None:
    def titles(name: str) -> dict[str, str | None]:
        return {m.entry_id: m.title for m in dated_articles[name].mentions}

    assert titles("000_01990d0eca7408d8.txt")["ebrahim-raisi"] == "President of Iran"
    saudi = titles("003_74af4bd25be794b0.txt")
    assert saudi["sattar-hashemi"] == "Minister of ICT"
    assert saudi["abdullah-al-anzi"] == "Saudi Ambassador to Iran"
    oman = titles("004_281cd1e16a81b240.txt")
    assert oman["issa-zarepour"] == "Minister of ICT"
    assert oman["ebrahim-raisi"] == "President of Iran"
    assert oman["said-al-maawali"].startswith("Minister of Transport, Communications")
    assert {"omantel", "telecommunication-infrastructure-company"} <= set(oman)
    # Undated articles get no dated title.
    assert titles("001_2d052a0ec3066c97.txt")["issa-zarepour"] is None
    mention = next(m for m in dated_articles["004_281cd1e16a81b240.txt"].mentions)
    assert mention.persian and mention.canonical and mention.surface


def test_hashemi_and_zarepour_are_told_apart_by_date(dated_articles) -> None:
    article = dated_articles["003_74af4bd25be794b0.txt"]
    summary = " ".join(s.text for s in article.summary)
    assert "Sattar Hashemi" in summary
    assert "Minister of ICT" in summary
    assert "Zarepour" not in summary


def test_brief_on_the_seeds_has_canonical_names_and_appendix_data(tmp_path) -> None:
    brief = build_brief([SEEDS], use_translation=False, window=Window(), glossary=GLOSSARY)
    for article in brief.articles:
        if article.language == "en":
            _check_names(article)
    # What the writers' "Glossary terms used" appendix is made from.
    rows = {(m.canonical, m.persian, m.title) for a in brief.articles for m in a.mentions}
    for name in ("Issa Zarepour", "Sattar Hashemi", "Ebrahim Raisi", "Omantel", "Ministry of ICT"):
        assert any(row[0] == name for row in rows), name
    assert ("Issa Zarepour", "عیسی زارع‌پور", None) in rows  # undated article
    if any(a.date and a.language == "fa" for a in brief.articles):
        assert ("Issa Zarepour", "عیسی زارع‌پور", "Minister of ICT") in rows
    if any(a.name.startswith("003") and a.date for a in brief.articles):
        assert ("Sattar Hashemi", "ستار هاشمی", "Minister of ICT") in rows
    assert ("Ebrahim Raisi", "ابراهیم رئیسی", "President of Iran") in rows


def test_the_default_glossary_folder_is_used_and_may_be_missing(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    with_glossary = build_brief([SEEDS / "002_7440945092f6ca90.txt"], use_translation=False)
    assert with_glossary.articles[0].mentions
    monkeypatch.chdir(tmp_path)
    without = build_brief([SEEDS / "002_7440945092f6ca90.txt"], use_translation=False)
    assert without.articles[0].mentions == []


@pytest.mark.skipif(
    not FA_EN_FIXTURE.exists(),
    reason="needs the test fa→en model tests/fixtures/translate-fa_en-test.argosmodel "
    "(built by the translation branch's tests/fixtures/build_fa_en_fixture.py)",
)
@pytest.mark.xfail(
    reason="the test fa→en fixture only knows its corpus (tests/fixtures/fa_en_corpus.py): "
    "on the seed's real sentences it invents English and may drop protected names; "
    "to be rewritten on sentences from the fixture's vocabulary",
    strict=False,
)
def test_translated_persian_seed_keeps_the_protected_names(request, tmp_path) -> None:
    packages = request.getfixturevalue("argos_installed_dir")
    base = Path(packages).parent
    env = {
        **os.environ,
        "ARGOS_PACKAGES_DIR": str(packages),
        "XDG_DATA_HOME": str(base / "data"),
        "XDG_CACHE_HOME": str(base / "cache"),
        "XDG_CONFIG_HOME": str(base / "config"),
    }
    out = tmp_path / "out"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "briefgen",
            "brief",
            str(SEEDS / "004_281cd1e16a81b240.txt"),
            "--format",
            "json",
            "-o",
            str(out),
            "-q",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(next(out.glob("brief-*.json")).read_text(encoding="utf-8"))
    article = data["articles"][0]
    assert article["translation"], article["untranslated_reason"]
    found = {p["name"] for p in article["people"]}
    lost = set(article["translation"]["missing_terms"])
    # Every name protected in the source either came out or is reported as lost...
    for name in (
        "Issa Zarepour",
        "Said bin Hamoud Al Maawali",
        "Omantel",
        "Telecommunication Infrastructure Company",
        "Ebrahim Raisi",
    ):
        assert name in found or name in lost, name
    # ...and the minister, named in the lead sentences, comes out.
    assert "Issa Zarepour" in found and "Issa Zarepour" not in lost
