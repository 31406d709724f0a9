"""Arabic text end to end: sentences, words for the summarizer, summaries in Arabic."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from briefgen.api import summarize_file
from briefgen.cli import main
from briefgen.summarize.tokens import arabic_key, arabic_stem, stemmer, stop_words, words
from briefgen.text.sentences import split_sentences

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


def test_the_arabic_comma_does_not_end_a_sentence() -> None:
    text = (
        "وقال الوزير إن البلدين اتفقا على إنشاء لجنة مشتركة، مشيراً إلى أهمية الربط. "
        "ويشارك أكثر من 100 وفد في المؤتمر الذي يختتم أعماله، الجمعة."
    )
    assert split_sentences(text, "ar") == [
        "وقال الوزير إن البلدين اتفقا على إنشاء لجنة مشتركة، مشيراً إلى أهمية الربط.",
        "ويشارك أكثر من 100 وفد في المؤتمر الذي يختتم أعماله، الجمعة.",
    ]


def test_question_mark_quotes_and_colon() -> None:
    text = (
        "هل ستنجح الخطة؟ يقول الخبراء إن الأمر يعتمد على التمويل. "
        "وأضاف: «نحن مستعدون للتعاون. ونأمل أن نبدأ قريباً». "
        "قال: «هل نحن مستعدون؟» وأجاب الوزير بنعم!"
    )
    assert split_sentences(text, "ar") == [
        "هل ستنجح الخطة؟",
        "يقول الخبراء إن الأمر يعتمد على التمويل.",
        "وأضاف: «نحن مستعدون للتعاون. ونأمل أن نبدأ قريباً».",
        "قال: «هل نحن مستعدون؟»",
        "وأجاب الوزير بنعم!",
    ]


def test_an_honorific_with_a_period_continues_the_sentence() -> None:
    text = "وقال د. محمد العلي إن الشبكة جاهزة. وانتهى اللقاء."
    assert split_sentences(text, "ar") == ["وقال د. محمد العلي إن الشبكة جاهزة.", "وانتهى اللقاء."]


def test_a_closing_quote_after_a_question_mark_stays_with_its_sentence() -> None:
    """pysbd cuts «…؟» before its closing quote in Persian as in Arabic; the quote goes
    back. In English a leading '"' goes back only when the sentence before left one open."""
    text = "وزیر گفت: «آیا ما آماده‌ایم؟» او پاسخ داد، بله. دیدار پایان یافت."
    assert split_sentences(text, "fa") == [
        "وزیر گفت: «آیا ما آماده‌ایم؟»",
        "او پاسخ داد، بله.",
        "دیدار پایان یافت.",
    ]
    english = 'The talks ended. "We are ready," he said. He left.'
    assert split_sentences(english, "en") == [
        "The talks ended.",
        '"We are ready," he said.',
        "He left.",
    ]


def test_arabic_words_are_compared_in_one_spelling() -> None:
    assert arabic_key("أكّد الوزیر على الشراکة ١٥") == "اكد الوزير علي الشراكه 15"
    assert words("إيران ايران", "ar") == ("ايران", "ايران")


def test_the_article_and_its_clitics_are_stripped() -> None:
    stem = stemmer("ar")
    forms = ["الاتصالات", "والاتصالات", "بالاتصالات", "للاتصالات", "فالاتصالات", "كالاتصالات"]
    assert {stem(arabic_key(w)) for w in forms} == {"اتصالات"}
    assert arabic_stem("الي") == "الي"  # too short to lose anything
    assert stem("وزير") == "وزير"  # a word starting with «و» keeps it


def test_arabic_stop_words_in_the_same_spelling_as_the_words() -> None:
    stops = stop_words("ar")
    for word in ("في", "على", "التي", "إلى", "أن", "هذه", "وقال"):
        assert arabic_key(word) in stops, word
    sentence = words("وأكد الوزير في طهران على أن التعاون مستمر", "ar")
    content = [w for w in sentence if w not in stops]
    assert "في" not in content and "طهران" in content


def test_an_arabic_article_is_summarized_in_arabic(no_model: Path) -> None:
    result = CliRunner().invoke(main, ["summarize", str(ARTICLES / "ar_iraq.txt")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert 2 <= len(lines) <= 4
    assert all(any("\u0621" <= ch <= "\u064a" for ch in line) for line in lines)
    body = (ARTICLES / "ar_iraq.txt").read_text(encoding="utf-8")
    assert all(line in body for line in lines)  # whole sentences of the article
    assert all(line.endswith(".") for line in lines)  # not cut at «،»
    article = summarize_file(ARTICLES / "ar_iraq.txt")
    assert article.language == "ar" and not article.is_translated
    assert article.untranslated_reason and "no Arabic→English model" in article.untranslated_reason
