"""Language identification: script first, then py3langid's model among the script's
languages; Persian and Arabic told apart whatever letters they are typed with."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgen.model import Article
from briefgen.run import Run
from briefgen.stages.language import detect_language, language_stage, letter_counts, rules

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "tests" / "fixtures" / "language_samples.tsv"
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
CORPUS = ROOT.parent / "shared" / "corpus"


def samples() -> list[tuple[str, str, str]]:
    rows = []
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("language\t"):
            language, shape, text = line.split("\t")
            rows.append((language, shape, text))
    return rows


def test_the_labelled_set_covers_every_shape() -> None:
    rows = samples()
    shapes = {(language, shape) for language, shape, _ in rows}
    for language in ("fa", "ar"):
        for shape in ("short", "long", "quote"):
            assert (language, shape) in shapes
    assert ("fa", "arabic-letters") in shapes and ("ar", "persian-letters") in shapes
    assert {language for language, _, _ in rows} >= {"fa", "ar", "en", "id", "tr", "fr", "ur"}


@pytest.mark.parametrize(
    ("language", "shape", "text"),
    [row for row in samples() if row[0] in ("fa", "ar", "en")],
    ids=lambda value: value[:30] if isinstance(value, str) else str(value),
)
def test_persian_arabic_and_english_sentences(language: str, shape: str, text: str) -> None:
    assert detect_language(text) == language


def test_other_languages_are_never_english_and_mostly_right() -> None:
    others = [row for row in samples() if row[0] not in ("fa", "ar", "en")]
    found = [(language, detect_language(text)) for language, _, text in others]
    assert all(got != "en" for _, got in found), found
    right = sum(1 for language, got in found if got == language)
    assert right >= len(found) - 1, found  # one Indonesian sentence reads as Malay


def test_persian_typed_with_arabic_letters_is_persian() -> None:
    assert detect_language("وزير ارتباطات امروز با سفير عراق ديدار كرد.") == "fa"
    assert detect_language("تاكيد وزير بر توسعه شبكه ملي اطلاعات") == "fa"


def test_arabic_typed_with_persian_letters_is_arabic() -> None:
    assert detect_language("وزیر الاتصالات الإیرانی یستقبل السفیر العراقی") == "ar"
    assert detect_language("أکد الوزير على أهمية الشراکة بين البلدين.") == "ar"


def test_a_quotation_in_the_other_language_does_not_decide() -> None:
    persian = "سفیر عمان گفت: «العلاقات بين البلدين تاريخية والتعاون مستمر» و ایران شریک مهمی است."
    arabic = "وأطلقت الوزارة مشروع «شبکه ملی اطلاعات برای همه» أي الشبكة الوطنية للمعلومات."
    assert detect_language(persian) == "fa"
    assert detect_language(arabic) == "ar"


def test_the_script_with_most_letters_decides() -> None:
    english = "The minister quoted the proverb «الصبر مفتاح الفرج» at the end of his speech."
    persian = 'وزیر گفت: «ما از پروژه "Smart City" در این شهر حمایت می‌کنیم».'
    assert detect_language(english) == "en"
    assert detect_language(persian) == "fa"
    assert letter_counts("abc ۱۲۳ وزیر") == {"latin": 3, "arabic": 4}


def test_short_english_headlines_stay_english() -> None:
    for headline in ("ICT minister meets Omani envoy", "Iraq, Iran discuss fibre link", "ICT"):
        assert detect_language(headline) == "en", headline


def test_urdu_pashto_and_one_language_scripts() -> None:
    assert detect_language("وفاقی وزیر نے ایرانی سفیر سے ملاقات کی") == "ur"
    assert detect_language("د افغانستان د مخابراتو وزیر له ایراني سفیر سره خبرې وکړې.") == "ps"
    assert detect_language("Հայաստանի և Իրանի նախարարները հանդիպեցին։") == "hy"
    assert detect_language("伊朗信息通信技术部长会见了中国大使。") == "zh"
    assert detect_language("Министр связи Ирана встретился с коллегой в Москве.") == "ru"


def test_text_without_letters_is_undetermined() -> None:
    assert detect_language("") == "und"
    assert detect_language("2024-05-15 ۱۴۰۳/۰۲/۲۶ -- !!") == "und"


def test_every_configured_language_is_one_the_model_knows() -> None:
    from briefgen.stages.language import language_model

    known = set(language_model()._full.nb_classes)
    settings = rules()
    for script, codes in settings.scripts.items():
        if len(codes) > 1:
            assert set(codes) <= known, script


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("ar_iraq.txt", "ar"),
        ("ar_syria.txt", "ar"),
        ("id_jakarta.txt", "id"),
        ("tr_ankara.txt", "tr"),
    ],
)
def test_the_test_articles(name: str, language: str) -> None:
    article = Article(source_path=ARTICLES / name, raw_text=(ARTICLES / name).read_text("utf-8"))
    language_stage(article, Run())
    assert article.language == language


@pytest.mark.skipif(not (CORPUS / "labels.csv").is_file(), reason="no development corpus")
def test_every_corpus_article_gets_its_labelled_language() -> None:
    with (CORPUS / "labels.csv").open(encoding="utf-8") as handle:
        labels = list(csv.DictReader(handle))
    wrong = []
    for row in labels:
        text = (CORPUS / "articles" / row["file"]).read_text(encoding="utf-8")
        if detect_language(text) != row["language"]:
            wrong.append(row["file"])
    assert not wrong
    assert sum(1 for row in labels if row["language"] == "ar") == 4


def test_long_articles_are_read_from_a_bounded_sample() -> None:
    long_text = "\n".join(["Der Minister traf seinen Amtskollegen in Berlin heute Morgen."] * 4000)
    detect_language(long_text)  # the model is loaded
    started = time.perf_counter()
    assert detect_language(long_text) == "de"
    assert time.perf_counter() - started < 0.5


def test_importing_the_stage_does_not_load_the_model() -> None:
    code = "import sys, briefgen.pipeline; print('py3langid' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
