"""The default summarizer: sumy's centrality and word weights, headline, redundancy control.

Each sentence gets a score from

* sumy's **Reduction** rating (a sentence's summed word overlap with every other
  sentence: how central it is to the article), scaled to 0–1;
* under a word budget, sumy's **SumBasic** word weight (the mean document probability
  of the sentence's content words, before SumBasic's update step: information per
  word), scaled to 0–1;
* its **overlap with the headline** (share of the headline's content words it holds);
* a **position** prior (news puts who met whom first) — tuned to 0: centrality already
  ranks the lede high, and any positive weight lowered ROUGE on the dev sets.

Lines that are no body sentences (no final punctuation, a run of Title Case words
such as a "Latest news" list, a very long unsplit block) are left out when the article
has body sentences, and so are repeated sentences. The rest are ranked greedily with
**redundancy control**: each pick lowers the score of sentences that repeat its words.

The weights were tuned on the BBC dev sets (business and tech together, one set of
constants for every corpus and language); see BENCHMARKS.md.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefgen import lang
from briefgen.summarize.methods import sumy_document
from briefgen.summarize.tokens import stemmer, stop_words, words


@dataclass(frozen=True)
class Weights:
    """The default method's constants (one set for every language and corpus)."""

    centrality: float = 1.0  # sumy Reduction
    word_weight: float = 0.4  # sumy SumBasic mean word probability
    position: float = 0.0  # times 1 / (1 + index); tuned to 0, see BENCHMARKS.md
    headline: float = 0.1  # share of headline content words
    drop_fragments: bool = True  # leave out lines that are no body sentences
    redundancy: float = 0.2  # score lost per unit of word overlap with a chosen sentence


WEIGHTS = Weights()
LONG_SENTENCE_WORDS = 150  # a longer "sentence" is an unsplit block or a list of links

# A body sentence ends with final punctuation, maybe followed by closing quotes/brackets.
_FINAL = re.compile(r"[.!?؟…。][\"'”’»)\]]*\s*$")
_TITLE_WORD = re.compile(r"^[A-Z0-9][\w'’\-]*$")
_WORDS_PER_PROSE_WORD = 30  # a Title Case line may hold one lower-case word in this many


@dataclass
class Features:
    """What the default method knows about each sentence of one article."""

    centrality: list[float]  # sumy Reduction rating, scaled to 0–1
    word_weight: list[float]  # SumBasic mean word probability, scaled to 0–1
    headline: list[float]  # share of the headline's content words in the sentence
    fragment: list[bool]  # not a body sentence (see is_fragment)
    content: list[frozenset[str]]  # stemmed content words
    repeat: list[bool]  # the same text as an earlier sentence


def sentence_features(
    sentences: Sequence[str], *, headline: str | None = None, language: str = "en"
) -> Features:
    """Compute the :class:`Features` of ``sentences`` (the costly part of the method)."""
    content = _content_words(sentences, language)
    head = set(_content_words([headline], language)[0]) if headline else set()
    seen: set[str] = set()
    repeat = []
    for text in sentences:
        key = " ".join(text.split()).casefold()
        repeat.append(key in seen)
        seen.add(key)
    return Features(
        centrality=_scaled(_reduction(sentences, language)) if sentences else [],
        word_weight=_scaled(_sumbasic_weight(content)) if sentences else [],
        headline=[len(head.intersection(c)) / len(head) if head else 0.0 for c in content],
        fragment=[is_fragment(text) for text in sentences],
        content=[frozenset(c) for c in content],
        repeat=repeat,
    )


def scores(features: Features, weights: Weights = WEIGHTS, per_word: bool = True) -> list[float]:
    """Each sentence's score before redundancy control (higher is better).

    ``per_word`` (a word budget) adds SumBasic's word weight, a density: under a word
    budget every word costs room. Under a sentence count it is left out.
    """
    word_weight = weights.word_weight if per_word else 0.0
    return [
        weights.centrality * features.centrality[i]
        + word_weight * features.word_weight[i]
        + weights.position / (1 + i)
        + weights.headline * features.headline[i]
        for i in range(len(features.content))
    ]


def rank(features: Features, weights: Weights = WEIGHTS, per_word: bool = True) -> list[int]:
    """Sentence indices worth showing, best first: greedy picks with redundancy control.

    Repeated sentences are left out, and so are fragments when the article has body
    sentences (an article of fragments only, e.g. lines without final punctuation, is
    ranked as it is).
    """
    score = scores(features, weights, per_word)
    content = features.content
    candidates = [i for i, repeat in enumerate(features.repeat) if not repeat]
    if weights.drop_fragments and not all(features.fragment[i] for i in candidates):
        candidates = [i for i in candidates if not features.fragment[i]]
    overlap = dict.fromkeys(candidates, 0.0)  # highest word overlap with a chosen sentence
    ranking: list[int] = []
    while candidates:
        best = max(candidates, key=lambda i: (score[i] - weights.redundancy * overlap[i], -i))
        candidates.remove(best)
        ranking.append(best)
        if weights.redundancy and content[best]:
            for i in candidates:
                if content[i]:
                    shared = len(content[i] & content[best]) / len(content[i])
                    overlap[i] = max(overlap[i], shared)
    return ranking


def default_ranking(
    sentences: Sequence[str],
    *,
    headline: str | None = None,
    language: str = "en",
    per_word: bool = True,
) -> list[int]:
    """The default method: indices of ``sentences`` worth showing, best first."""
    features = sentence_features(sentences, headline=headline, language=language)
    return rank(features, per_word=per_word)


def is_fragment(text: str, long_words: int = LONG_SENTENCE_WORDS) -> bool:
    """True for a line that is no body sentence: a heading, a list of links, a label.

    Such lines lack final punctuation, or are Title Case: at least six words, every word
    capitalized but the small words a headline leaves in lower case ("Iran and Serbia Forge
    Path to Collaborative Future."; a run-on list of headlines may hold one lower-case word
    in 30), or run on far longer than a sentence. A lead dense with names and titles is
    prose: it has lower-case words ("met", "sidelines").
    """
    tokens = text.split()
    if not _FINAL.search(text) or len(tokens) > long_words:
        return True
    words = [t.strip("\"'“”‘’()[],.:;!?-–—") for t in tokens]
    words = [w for w in words if w and w[0].isalpha()]
    if len(words) < 6:
        return False
    small = _title_case_small_words()
    prose = sum(1 for w in words if not _TITLE_WORD.match(w) and w.casefold() not in small)
    return prose <= len(words) // _WORDS_PER_PROSE_WORD


@functools.cache
def _title_case_small_words() -> frozenset[str]:
    return frozenset(lang.words("text", "title_case_small_words", ["en"]))


def _content_words(sentences: Sequence[str], language: str) -> list[list[str]]:
    """Stemmed, lower-cased words of each sentence that are not stop words."""
    stops = stop_words(language)
    stem = stemmer(language)
    result = []
    for text in sentences:
        lowered = (w.lower() for w in words(text, language))
        result.append([stem(w) for w in lowered if w not in stops])
    return result


def _reduction(sentences: Sequence[str], language: str) -> list[float]:
    """sumy's Reduction rating of each sentence (repeated texts share one rating)."""
    summarizer = _counting_reduction()(stemmer(language))
    summarizer.stop_words = stop_words(language)
    document = sumy_document(sentences, language)
    ratings = summarizer.rate_sentences(document)
    return [float(ratings.get(s, 0.0)) for s in document.sentences]


@functools.cache
def _counting_reduction() -> type:
    """sumy's Reduction with its edge weight computed from word counts.

    sumy compares every word of one sentence with every word of the other; the sum of
    products of the two sentences' word counts is the same number, in linear time
    (a 500-sentence article takes a second instead of ten).
    """
    from sumy.summarizers.reduction import ReductionSummarizer

    class CountingReduction(ReductionSummarizer):
        def _to_words_set(self, sentence):
            words = super()._to_words_set(sentence)
            return Counter(words), len(words)

        def _rate_sentences_edge(self, words1, words2):
            (counts1, total1), (counts2, total2) = words1, words2
            if len(counts1) > len(counts2):
                counts1, counts2 = counts2, counts1
            rank = sum(count * counts2[word] for word, count in counts1.items())
            if rank == 0:
                return 0.0
            norm = math.log(total1) + math.log(total2)
            return 0.0 if norm == 0.0 else rank / norm

    return CountingReduction


def _sumbasic_weight(content: list[list[str]]) -> list[float]:
    """SumBasic's sentence weight: mean document probability of its content words."""
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    all_words = [w for sentence in content for w in sentence]
    if not all_words:
        return [0.0] * len(content)
    frequency = SumBasicSummarizer._compute_word_freq(all_words)
    probability = {w: count / len(all_words) for w, count in frequency.items()}
    return [
        SumBasicSummarizer._compute_average_probability_of_words(probability, sentence)
        for sentence in content
    ]


def _scaled(values: list[float]) -> list[float]:
    """Values scaled to 0–1 within the article (all 0 when they are all equal)."""
    low, high = min(values), max(values)
    if high <= low:
        return [0.0] * len(values)
    return [(v - low) / (high - low) for v in values]
