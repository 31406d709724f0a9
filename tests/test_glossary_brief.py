"""The glossary in the brief: canonical names, dated titles, the appendix, and (once the
test fa→en model exists) names carried through translation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefgen.api import analyse_article, build_brief
from briefgen.config import Settings
from briefgen.glossary import load_glossary
from briefgen.model import Window
from briefgen.readers import read_articles
from briefgen.run import Run
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
    text = " ".join([article.shown_headline, *(s.shown for s in article.summary)])
    for variant in VARIANTS:
        assert variant not in text, (article.name, variant)
    seen: set[str] = set()
    for sentence in article.summary:
        for hit in GLOSSARY.find_english(sentence.shown):
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
            around = sentence.shown[max(0, hit.start - 60) : hit.end + 80]
            if title:
                forms = GLOSSARY.title_forms(title)
                head = title.split()[0]
                assert any(f in around for f in forms) or head in around, (article.name, around)
            elif article.date is None:
                # No title added: every role title occurs as often as in the article body.
                body = article.sentences[sentence.index].shown
                for role in entry.roles:
                    assert sentence.shown.count(role.title) == body.count(role.title)


@pytest.fixture(scope="module")
def dated_articles():
    """The seeds through the real stages, with their known publication dates."""
    articles, skipped = read_articles([SEEDS])
    assert not skipped
    for article in articles:
        analyse_article(article)
        article.date = DATES.get(article.name, article.date)
    run = Run(glossary=GLOSSARY)
    for article in articles:
        glossary_stage(article, run)
        summarize_stage(article, run)
        title_stage(article, run)
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
    assert oman["said-al-maawali"] == (
        "Omani Minister of Transport, Communications and Information Technology"
    )
    assert {"omantel", "telecommunication-infrastructure-company"} <= set(oman)
    # Undated articles get no dated title.
    assert titles("001_2d052a0ec3066c97.txt")["issa-zarepour"] is None
    mention = next(m for m in dated_articles["004_281cd1e16a81b240.txt"].mentions)
    assert mention.persian and mention.canonical and mention.surface


def test_hashemi_and_zarepour_are_told_apart_by_date(dated_articles) -> None:
    article = dated_articles["003_74af4bd25be794b0.txt"]
    summary = " ".join(s.shown for s in article.summary)
    assert "Sattar Hashemi" in summary
    assert "Minister of ICT" in summary
    assert "Zarepour" not in summary


def test_brief_on_the_seeds_has_canonical_names_and_appendix_data(tmp_path) -> None:
    brief = build_brief([SEEDS], translate=False, window=Window(), glossary=GLOSSARY)
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


def test_the_shipped_glossary_applies_from_any_folder(tmp_path, monkeypatch) -> None:
    seed = SEEDS / "002_7440945092f6ca90.txt"
    monkeypatch.chdir(tmp_path)  # no glossaries/ folder, no briefgen.toml here
    brief = build_brief([seed], translate=False)
    assert "issa-zarepour" in {m.entry_id for m in brief.articles[0].mentions}
    assert any("glossaries" in note for note in brief.notes)
    # A glossaries/ folder in the working folder adds entries; its id replaces a shipped one.
    (tmp_path / "glossaries").mkdir()
    (tmp_path / "glossaries" / "local.yaml").write_text(
        "- id: issa-zarepour\n  type: person\n  canonical: Eisa Zarepour-Local\n"
        "  english: [Issa Zarepour, Zarepour, Issa Zarei Pur]\n"
        "- id: baghdad-desk\n  type: other\n  canonical: Baghdad Desk\n",
        encoding="utf-8",
    )
    local = build_brief([seed], translate=False)
    names = {m.entry_id: m.canonical for m in local.articles[0].mentions}
    assert names["issa-zarepour"] == "Eisa Zarepour-Local"
    # Without the shipped glossary and with no local one: no glossary at all.
    (tmp_path / "glossaries" / "local.yaml").unlink()
    settings = Settings(shipped_glossary=False)
    bare = build_brief([seed], translate=False, settings=settings)
    assert bare.articles[0].mentions == []


def test_protected_names_come_out_of_translation_canonical_and_titled(
    fa_en_model, no_network, tmp_path
) -> None:
    """A Persian article in the test model's vocabulary, through the real CLI: every
    glossary name is protected, comes out in its canonical form, none is reported lost,
    and the first mention carries the title valid on the article's date."""
    from click.testing import CliRunner

    from briefgen.cli import main
    from tests.fixtures.fa_en_corpus import GOLDEN

    body = [fa for fa, _ in GOLDEN[:3]]
    article = tmp_path / "in" / "oman.txt"
    article.parent.mkdir()
    article.write_text(
        "همکاری ایران و عمان در حوزه ترانزیت داده\n1402/08/04 - 16:45\n" + "\n".join(body),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["brief", str(article.parent), "--format", "json", "-o", str(out), "-q"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(next(out.glob("brief-*.json")).read_text(encoding="utf-8"))
    (entry,) = data["articles"]
    assert entry["translation"]["missing_terms"] == []
    assert entry["country"] == "Oman" and entry["date"] == "2023-10-26"
    people = {p["name"]: p["title"] for p in entry["people"]}
    assert people["Issa Zarepour"] == "Minister of ICT"
    assert "Said bin Hamoud Al Maawali" in people
    mentioned = {m["canonical"] for m in entry["mentions"]}
    for name in (
        "Said bin Hamoud Al Maawali",
        "Omantel",
        "Telecommunication Infrastructure Company",
    ):
        assert name in mentioned, name
    english = " ".join(entry["summary"])
    assert english.startswith("Issa Zarepour, Minister of ICT, ")  # first mention, titled
    assert "Omantel and Telecommunication Infrastructure Company signed" in english
