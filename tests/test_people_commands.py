"""People in the reviewer's report (a ready-to-paste entry that ``glossary check``
accepts), and the brief, ``summarize`` and ``translate`` agreeing on a seed."""

from __future__ import annotations

import re
from pathlib import Path

from briefgen import api
from briefgen.glossary.commands import check_glossary

ROOT = Path(__file__).resolve().parent.parent
PERSIAN_SEED = ROOT / "seeds" / "004_281cd1e16a81b240.txt"

ENGLISH_ARTICLE = """Iran and Kazakhstan discuss data transit

Publish Date: 2024-05-15

TEHRAN - Iran's Minister of ICT Issa Zarepour met his Kazakh counterpart, Daulet \
Serikbayev, in Tehran on Wednesday to discuss a fibre corridor.

Serikbayev said Kazakhstan is ready to expand transit through Iran.
"""
PERSIAN_ARTICLE = """همکاری ارتباطی ایران و ازبکستان

عیسی زارع پور وزیر ارتباطات و فناوری اطلاعات با بختیار رحیموف وزیر ارتباطات ازبکستان دیدار کرد.

دو طرف بر توسعه همکاری در حوزه فیبر نوری تاکید کردند.
"""


def test_review_lists_people_outside_the_glossary_with_an_entry_check_accepts(
    tmp_path: Path, no_model
) -> None:
    (tmp_path / "en.txt").write_text(ENGLISH_ARTICLE, encoding="utf-8")
    (tmp_path / "fa.txt").write_text(PERSIAN_ARTICLE, encoding="utf-8")
    review = api.review_glossary([tmp_path], translate=False)
    named = {f.found_as: f.note for f in review.people}
    assert named["Daulet Serikbayev"] == "Kazakh counterpart"
    assert named["بختیار رحیموف"] == "Uzbek Minister of Communications"
    assert "Issa Zarepour" not in named  # in the glossary
    markdown = review.markdown()
    assert "## People not in the glossary" in markdown
    blocks = re.findall(r"```yaml\n(.*?)```", markdown, re.S)
    assert len(blocks) == len(review.entries) == 2
    entries = tmp_path / "new-people.yaml"
    entries.write_text("".join(blocks), encoding="utf-8")
    check = check_glossary(files=[entries])
    new = {e.id: e for e in check.glossary.entries if e.id in ("daulet-serikbayev",)}
    assert new["daulet-serikbayev"].roles[0].title == "Kazakh counterpart"
    assert not new["daulet-serikbayev"].roles[0].is_dated  # no dates without sources
    assert not check.unsourced
    persian = next(e for e in check.glossary.entries if "بختیار رحیموف" in e.persian)
    assert persian.canonical.isascii() and persian.roles[0].title.startswith("Uzbek")


def test_brief_summarize_and_translate_apply_the_same_glossary(fa_en_model, no_network) -> None:
    brief = api.build_brief([PERSIAN_SEED])
    [article] = brief.articles
    summarized = api.summarize_file(PERSIAN_SEED)
    translated = api.translate_file(PERSIAN_SEED)
    assert [s.shown for s in summarized.summary] == [s.shown for s in article.summary]
    assert [s.shown for s in translated.sentences] == [s.shown for s in article.sentences]
    assert [(p.name, p.title) for p in summarized.people] == [
        (p.name, p.title) for p in article.people
    ]
    assert "Issa Zarepour" in " ".join(s.shown for s in translated.sentences)
    assert {p.key for p in article.people} >= {"issa-zarepour"}
