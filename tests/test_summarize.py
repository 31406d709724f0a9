"""The summarizer: real sumy, the project's sentence splitter, seed and edge-case articles."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.api import analyse_article
from briefgen.readers import read_article
from briefgen.summarize import DEFAULT_WORDS, METHODS, Length, rank_sentences, summarize
from briefgen.summarize.budget import is_full, summary_length, take, word_count
from briefgen.summarize.default import is_fragment
from briefgen.summarize.methods import sumy_ratings
from briefgen.summarize.tokens import stop_words, words
from briefgen.text.sentences import split_sentences

SEED_003 = "003_74af4bd25be794b0.txt"
SEED_004 = "004_281cd1e16a81b240.txt"

MEETING = [
    "Iran's Minister of ICT met his Omani counterpart in Muscat on Monday to discuss data "
    "transit between the two countries.",
    "The two ministers agreed to speed up joint projects on submarine cables, data centres "
    "and postal services.",
    "Oman has offered to invest in data centres in Iran, the minister said.",
    "The weather in Muscat was warm and sunny during the visit.",
    "Officials said a joint committee on data transit would meet again before the end of "
    "the year to review the cable and data centre projects.",
    "The minister also visited a technology fair in the city.",
]


def seed(seeds_dir: Path, name: str):
    return analyse_article(read_article(seeds_dir / name))


def texts(article) -> list[str]:
    return [s.text for s in article.sentences]


# --- lengths and the budget rule ---------------------------------------------------


def test_default_length_is_a_word_budget_of_two_to_four_sentences() -> None:
    assert summary_length() == Length(words=DEFAULT_WORDS, min_sentences=2, max_sentences=4)
    short = ["Short one.", "Short two.", "Short three.", "Short four.", "Short five."]
    assert len(summarize(short, method="lead")) == 4  # 8 words: the cap stops it
    long = [" ".join(["word"] * 80) + "." for _ in range(3)]
    assert len(summarize(long, method="lead")) == 2  # the floor goes past 75 words


def test_word_budget_stops_once_reached_and_keeps_article_order() -> None:
    chosen = summarize(MEETING, words=30)
    sizes = [word_count(s) for s in MEETING]
    assert chosen == sorted(chosen)
    assert sum(sizes[i] for i in chosen) >= 30
    ranking = rank_sentences(MEETING, length=Length(words=30))
    # every sentence but the last one taken was needed to reach the budget
    taken_in_rank_order = [i for i in ranking if i in chosen]
    assert sum(sizes[i] for i in taken_in_rank_order[:-1]) < 30


def test_sentence_count_is_exact_when_the_article_has_enough() -> None:
    for count in (1, 2, 3, 6):
        assert len(summarize(MEETING, sentence_count=count)) == count
    assert len(summarize(MEETING, sentence_count=20)) == len(MEETING)


def test_take_and_is_full_follow_the_ranking() -> None:
    sizes = [10, 20, 30, 40]
    assert take([3, 0, 1, 2], sizes, Length(words=45)) == [0, 3]
    assert take([3, 0, 1, 2], sizes, Length(sentences=3)) == [0, 1, 3]
    assert is_full([3, 0], sizes, Length(words=50)) and not is_full([3], sizes, Length(words=50))


def test_bad_lengths_and_methods_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        summarize(MEETING, words=0)
    with pytest.raises(ValueError, match="lexrank"):
        summarize(MEETING, method="nonsense")


# --- what the default picks --------------------------------------------------------


def test_default_picks_the_meeting_and_its_outcome_not_the_weather() -> None:
    chosen = summarize(MEETING, headline="Iran and Oman agree to speed up data transit")
    assert 0 in chosen and 1 in chosen
    assert 3 not in chosen


def test_seed_003_summary_has_the_data_transit_quote_and_no_latest_news(seeds_dir) -> None:
    article = seed(seeds_dir, SEED_003)
    chosen = summarize(texts(article), headline=article.headline, language=article.language)
    summary = " ".join(texts(article)[i] for i in chosen)
    assert "data transit from Iran to Saudi Arabia" in summary
    assert "Hashemi" in summary
    for line in ("Latest News", "Serbia", "Cuba", "Publish Date"):
        assert line not in summary


def test_related_news_lines_are_never_chosen_even_when_left_in_the_text() -> None:
    sentences = [
        *MEETING[:3],
        "Latest News",
        "- Iran and Serbia Forge Path to Collaborative Future",
        "Iran and Serbia Commit to Enhanced Collaboration in ICT Sector Through New Agreements "
        "Transfer of Iran's E-Government Expertise to Cuba Initiated...",
    ]
    for count in (None, 3, 6):
        chosen = summarize(sentences, sentence_count=count)
        assert chosen and max(chosen) <= 2


def test_fragments_are_recognized() -> None:
    assert is_fragment("Latest News")
    assert is_fragment("- Iran and Serbia Forge Path to Collaborative Future")
    assert is_fragment("Muslim World League Welcomes EU’s Lifting of Sanctions on Syria as a ...")
    assert is_fragment(" ".join(["word"] * 200) + ".")
    assert not is_fragment(" ".join(["word"] * 100) + ".")  # long, but a sentence
    assert not is_fragment(MEETING[0])
    assert not is_fragment("“Cooperation is the most crucial issue,” Hashemi stated.")
    assert not is_fragment("وزیر ارتباطات با وزیر عمان دیدار کرد.")
    # a run-on line of Title Case headlines, and a lead dense with names and titles
    assert is_fragment(
        "Iran and Serbia Forge Path to Collaborative Future Iran Launches Three Satellites "
        "China Vows to Deepen Ties With Iran in 5G Networks."
    )
    lead = (
        "Iran's Minister of ICT Ali Rahimi met with Chinese Minister of Industry and Information "
        "Technology Wang Lei on the sidelines of the ITU Plenipotentiary Conference in Doha, Qatar."
    )
    assert not is_fragment(lead)


def test_repeated_sentences_are_shown_once() -> None:
    sentences = [MEETING[0], MEETING[1], MEETING[0], MEETING[4], MEETING[0]]
    chosen = summarize(sentences, sentence_count=4)
    assert [sentences[i] for i in chosen].count(MEETING[0]) == 1


def test_persian_seed_is_summarized_in_persian(seeds_dir) -> None:
    article = seed(seeds_dir, SEED_004)
    assert article.language == "fa"
    chosen = summarize(texts(article), headline=article.headline, language="fa")
    assert 2 <= len(chosen) <= 4
    summary = " ".join(texts(article)[i] for i in chosen)
    assert "وزیر ارتباطات" in summary and "عمان" in summary
    assert "نظر" not in summary.split()  # no comment-box furniture


def test_persian_tokens_and_stop_words() -> None:
    tokens = words("وی افزود: در حوزه ارتباطات برنامه‌هایی چون همکاری در زمینه ترانزیت داده", "fa")
    assert "برنامه\u200cهایی" in tokens and "ترانزیت" in tokens and ":" not in tokens
    persian_stops = stop_words("fa")
    assert {"در", "و", "که", "را"} <= persian_stops
    assert "ترانزیت" not in persian_stops


# --- edge cases -------------------------------------------------------------------


def test_empty_one_and_two_sentence_articles() -> None:
    assert summarize([]) == []
    assert summarize([], headline="Only a headline") == []
    for method in ("default", "lexrank", "lsa", "kl"):
        assert summarize(["One sentence only."], method=method) == [0]
        assert summarize(MEETING[:2], method=method) == [0, 1]


def test_lines_without_final_punctuation_are_still_summarized() -> None:
    lines = [s.rstrip(".") for s in MEETING]
    chosen = summarize(lines, headline="Iran and Oman agree to speed up data transit")
    assert 2 <= len(chosen) <= 4
    assert 3 not in chosen


def test_all_boilerplate_gives_a_clear_result() -> None:
    furniture = ["Share this article", "0 Comments", "Related news", "Print", "Latest News"]
    chosen = summarize(furniture)
    assert chosen == sorted(chosen) and 2 <= len(chosen) <= 4  # nothing better to show


def test_a_500_sentence_article(seeds_dir) -> None:
    base = texts(seed(seeds_dir, SEED_003)) + MEETING
    sentences = [f"In report {n}, {base[n % len(base)]}" for n in range(500)]
    for method in ("default", "kl"):
        chosen = summarize(sentences, method=method)
        assert 2 <= len(chosen) <= 4 and chosen == sorted(chosen)
        assert all(0 <= i < 500 for i in chosen)


def test_odd_text_does_not_break_any_method() -> None:
    odd = ["!!!", "123 456.", "...", "a", "The end."]
    for method in METHODS:
        chosen = summarize(odd, method=method, sentence_count=2)
        assert len(chosen) == 2 and chosen == sorted(chosen)


# --- sumy's methods -----------------------------------------------------------------


@pytest.mark.parametrize("method", METHODS)
def test_every_method_summarizes_a_seed(seeds_dir, method: str) -> None:
    article = seed(seeds_dir, SEED_003)
    sentences = texts(article)
    chosen = summarize(sentences, headline=article.headline, method=method, sentence_count=2)
    assert len(chosen) == 2 and chosen == sorted(chosen)
    assert all(0 <= i < len(sentences) for i in chosen)


def test_sumy_methods_rank_as_sumy_does() -> None:
    """The recorded ranking's top N is what sumy itself returns for N sentences."""
    from briefgen.summarize.methods import make_summarizer, sumy_document

    for method in ("lexrank", "textrank", "luhn", "reduction"):
        document = sumy_document(MEETING)
        picked = {str(s) for s in make_summarizer(method)(document, 3)}
        chosen = summarize(MEETING, method=method, sentence_count=3)
        assert {MEETING[i] for i in chosen} == picked, method


def test_kl_stopping_early_picks_what_the_full_run_picks() -> None:
    sentences = split_sentences(" ".join(MEETING * 3).replace("Oman", "Oman and Iraq"))
    full = sumy_ratings("kl", sentences)
    ranking = sorted(range(len(sentences)), key=lambda i: (-full[i], i))
    for length in (Length(words=40), Length(sentences=3)):
        sizes = [word_count(s) for s in sentences]
        expected = take(ranking, sizes, length)
        assert (
            summarize(sentences, method="kl", words=length.words, sentence_count=length.sentences)
            == expected
        )


# --- start-up cost ----------------------------------------------------------------


def test_the_cli_does_not_import_sumy_at_start_up() -> None:
    code = "import sys, briefgen.cli; print('sumy' in sys.modules, 'nltk' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False"]
