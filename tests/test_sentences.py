"""Sentence splitting: pysbd plus the project's merges and guards."""

from __future__ import annotations

from pathlib import Path

from briefgen.text.sentences import split_paragraph_sentences, split_sentences

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_line_breaks_always_end_sentences() -> None:
    assert split_sentences("Headline without stop\nBody one. Body two.") == [
        "Headline without stop",
        "Body one.",
        "Body two.",
    ]


def test_persian_colon_pieces_are_merged_with_the_quote() -> None:
    text = "وی افزود: ما آماده همکاری هستیم. زارعپور گفت: این سفر مهم است."
    assert split_sentences(text, "fa") == [
        "وی افزود: ما آماده همکاری هستیم.",
        "زارعپور گفت: این سفر مهم است.",
    ]


def test_honorifics_do_not_end_sentences() -> None:
    text = "The minister, Eng. Iyad Al-Khatib, met Dr. Issa Zarei Pur. They spoke."
    assert split_sentences(text) == [
        "The minister, Eng. Iyad Al-Khatib, met Dr. Issa Zarei Pur.",
        "They spoke.",
    ]


def test_a_lone_closing_quote_stays_with_its_sentence() -> None:
    text = '"We are ready. We will act."'
    assert all(any(c.isalpha() for c in s) for s in split_sentences(text))


def test_paragraph_sentences_keep_their_paragraph() -> None:
    groups = split_paragraph_sentences(["One. Two.", "Three."], "en")
    assert groups == [["One.", "Two."], ["Three."]]


def test_pathological_lines_are_cut_and_lose_no_words() -> None:
    # pysbd alone needs about a minute for this line; cut first, it takes a second.
    sentences = split_sentences("This is a sentence. " * 5000)
    assert len(sentences) == 5000
    no_stop = "word " * 40000
    pieces = split_sentences(no_stop)
    assert sum(len(p.split()) for p in pieces) == 40000


def test_faster_abbreviation_pass_splits_exactly_like_pysbd() -> None:
    import pysbd
    from pysbd.lang.english import English

    from briefgen.text.sentences import _segmenter

    ours = _segmenter("en")  # installs the faster replacer on pysbd's English
    assert getattr(English.AbbreviationReplacer, "_checks_periods_first", False)
    shipped = English.AbbreviationReplacer.__mro__[1]  # the replacer pysbd ships
    stock = pysbd.Segmenter(language="en", clean=False)
    stock.language_module = type("StockEnglish", (English,), {"AbbreviationReplacer": shipped})
    texts = [
        "Dr. Smith met Gen. Jones at 10 a.m. on Jan. 3 in the U.S. capital. They spoke.",
        "Iran's minister, Mr. Zarepour, arrived at No. 5 Ave. Kennedy, i.e. the embassy.",
        "Prices rose 5% vs. last year, etc. The firm, Acme Inc., said so. Is it? Yes.",
        "He added: 'The St. Louis office (est. 1999) opened.' Prof. Lee disagreed.",
        *(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")),
    ]
    for text in texts:
        for paragraph in filter(None, text.splitlines()):
            assert ours.segment(paragraph) == stock.segment(paragraph)
