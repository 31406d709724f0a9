"""Country stage: the story's main foreign counterpart, or Iran (domestic).

Countries are counted in the headline and the clean body only (boilerplate was removed
by the clean stage, so a "Latest News" list cannot pull an article elsewhere). A
mention weighs more in the headline and the lead paragraph. A surface that can name
several places (Persian «عمان»: Oman, or Amman in Jordan) goes to the reading the rest
of the article supports, else to its most common reading.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from briefgen.gazetteer import HOME, gazetteer
from briefgen.model import DOMESTIC, UNDETERMINED, Article
from briefgen.tuning import CountryTuning, default_tuning

if TYPE_CHECKING:
    from briefgen.run import Run


def country_scores(article: Article, tuning: CountryTuning | None = None) -> dict[str, float]:
    """Weighted mention counts per alpha-2 code, Iran included, ambiguity resolved."""
    tuning = tuning or default_tuning().country
    places = gazetteer()
    weighted = [(article.headline, tuning.headline_weight)]
    weighted += [
        (text, tuning.lead_weight if index == 0 else tuning.body_weight)
        for index, text in enumerate(article.paragraphs)
    ]
    scores: dict[str, float] = defaultdict(float)
    ambiguous: list[tuple[tuple[str, ...], float]] = []
    first_seen: dict[str, int] = {}
    position = 0
    for text, weight in weighted:
        for mention in places.find(text):
            position += 1
            if len(mention.codes) == 1:
                scores[mention.codes[0]] += weight
                first_seen.setdefault(mention.codes[0], position)
            else:
                ambiguous.append((mention.codes, weight))
    for codes, weight in ambiguous:
        best = max(codes, key=lambda code: (scores.get(code, 0.0), -codes.index(code)))
        scores[best] += weight
        first_seen.setdefault(best, position)
    # Order by score, then by first mention, so ties go to the earlier country.
    return dict(sorted(scores.items(), key=lambda item: (-item[1], first_seen[item[0]])))


def country_stage(article: Article, run: Run) -> None:
    """File the article under its partner country, Iran (domestic), or undetermined.

    An article with no body text and no place in its headline is Other / undetermined.
    """
    tuning = run.tuning.country
    scores = country_scores(article, tuning)
    article.country_scores = {gazetteer().name(code): score for code, score in scores.items()}
    foreign = [(code, score) for code, score in scores.items() if code != HOME]
    if foreign and foreign[0][1] >= tuning.min_partner_score:
        article.country = gazetteer().name(foreign[0][0])
    elif scores or article.paragraphs:
        article.country = DOMESTIC  # an Iranian ICT story with no foreign counterpart
    else:
        article.country = UNDETERMINED  # a bare headline that names no place
