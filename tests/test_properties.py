"""Property tests: arbitrary Unicode never breaks a stage, and the DOCX stays valid XML."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from xml.dom import minidom

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.api import analyse_article
from briefgen.model import Article, Brief, Layout, Window
from briefgen.readers.decode import clean_characters
from briefgen.run import Run
from briefgen.stages.group import group_by_country
from briefgen.stages.language import detect_language
from briefgen.stages.language import rules as language_rules
from briefgen.stages.summarize import summarize_stage
from briefgen.text.dates import find_dates
from briefgen.text.sentences import split_sentences

# Text that mixes the scripts and shapes scrapes really have, plus anything at all.
PIECES = st.sampled_from(
    [
        "وزیر ارتباطات",
        "عمان",
        "مسقط",
        "Latest News",
        "انتهای پیام/",
        "کد خبر: 12",
        "1402/08/04",
        "2024-05-15",
        "Publish Date:",
        "Iran",
        "Oman's",
        ".",
        ":",
        "«",
        "»",
        "\n",
        "\n\n",
        " ",
        "\u200c",
        "\u200f",
        "\ufeff",
        "\x00",
        "\x0b",
        "\uffff",
        "🇮🇷",
        "Read more:",
        "- ",
        "...",
        "؟",
        "Eng.",
        "Dr.",
    ]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=60).map("".join),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_article_stages_never_fail(text: str) -> None:
    article = Article(source_path=Path("x.txt"), raw_text=clean_characters(text))
    analyse_article(article)
    assert article.language in language_rules().languages | {"und"}
    assert article.country
    if article.date is not None:
        assert dt.date(1950, 1, 1) <= article.date <= dt.date.today() + dt.timedelta(days=2)
    summarize_stage(article, Run())
    assert all(s in article.sentences for s in article.summary)


@FAST
@given(TEXT)
def test_language_dates_and_sentences_never_fail(text: str) -> None:
    detect_language(text)
    for found in find_dates(text):
        assert found.start < found.end
    sentences = split_sentences(text, "fa")
    assert all(sentence.strip() for sentence in sentences)


@FAST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_sentence_splitting_loses_no_words(text: str) -> None:
    words = "".join(text.split())
    assert "".join("".join(split_sentences(text)).split()) == words


def _document_xml(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".xml")
        ]


@settings(max_examples=25, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=3))
def test_docx_writing_gives_valid_xml_for_any_text(texts: list[str]) -> None:
    from briefgen.writers.docx import build_document

    articles = []
    for index, text in enumerate(texts):
        article = Article(source_path=Path(f"{index}.txt"), raw_text=text)
        analyse_article(article)
        summarize_stage(article, Run())
        article.headline = text[:80]  # raw, unclean text straight into the document
        article.outlet = text[-30:]
        articles.append(article)
    brief = Brief(
        layout=Layout(title="Brief " + texts[0][:20]),
        date=dt.date(2024, 5, 19),
        window=Window(),
        generated=dt.datetime(2024, 5, 19, 12, 0),
        articles=articles,
        sections=group_by_country(articles),
    )
    buffer = io.BytesIO()
    build_document(brief).save(buffer)
    for xml in _document_xml(buffer.getvalue()):
        minidom.parseString(xml)
