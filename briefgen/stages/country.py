"""Country stage: the story's main foreign counterpart, or Iran (domestic).

Countries are counted in the headline and the clean body only (boilerplate was removed
by the clean stage, so a "Latest News" list cannot pull an article elsewhere). Each
mention weighs by where it stands (headline, lead paragraph, rest) times the role its
sentence gives it (:mod:`briefgen.country_scan`): the counterpart's officials count most,
the venue of an international event and background mentions (sanctions, a quoted post,
the inviter) little, an outlet's name or a language menu not at all. So a bilateral
meeting on the sidelines of a conference abroad goes to the counterpart's country, and a
story whose only foreign element is a venue or an organisation stays Iran (domestic).

A meeting the lead calls one of several countries ("quadrilateral", «چهارجانبه») with no
dominant country is Iran (domestic) too, as analysts file multilateral meetings.

A surface that can name several places (Persian «عمان»: Oman, or Amman in Jordan) goes
to the reading the rest of the article supports, else to its most common reading.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING

from briefgen.country_roles import (
    BACKGROUND,
    COUNTERPART,
    MENTION,
    VENUE,
    names_event,
    names_multilateral_meeting,
)
from briefgen.country_scan import mention_roles
from briefgen.gazetteer import HOME, gazetteer
from briefgen.model import DOMESTIC, UNDETERMINED, Article
from briefgen.tuning import CountryTuning, default_tuning

if TYPE_CHECKING:
    from briefgen.glossary import Glossary
    from briefgen.run import Run


def role_weights(tuning: CountryTuning) -> dict[str, float]:
    """How much one mention in each role counts (an ignored mention: nothing)."""
    return {
        COUNTERPART: tuning.counterpart_weight,
        MENTION: tuning.mention_weight,
        VENUE: tuning.venue_weight,
        BACKGROUND: tuning.background_weight,
    }


def _weighted_texts(article: Article, tuning: CountryTuning) -> list[tuple[str, float]]:
    weighted = [(article.headline, tuning.headline_weight)]
    weighted += [
        (text, tuning.lead_weight if index == 0 else tuning.body_weight)
        for index, text in enumerate(article.paragraphs)
    ]
    return weighted


def country_scores(article: Article, tuning: CountryTuning | None = None) -> dict[str, float]:
    """Weighted mention scores per alpha-2 code, Iran included, ambiguity resolved."""
    tuning = tuning or default_tuning().country
    weights = role_weights(tuning)
    weighted = _weighted_texts(article, tuning)
    event = names_event((text for text, _ in weighted), article.language)
    scores: dict[str, float] = defaultdict(float)
    ambiguous: list[tuple[tuple[str, ...], float]] = []
    first_seen: dict[str, int] = {}
    position = 0
    for text, weight in weighted:
        for mention in mention_roles(text, article.language, event=event):
            position += 1
            value = weight * weights.get(mention.role, 0.0)
            if not value:
                continue
            if len(mention.codes) == 1:
                scores[mention.codes[0]] += value
                first_seen.setdefault(mention.codes[0], position)
            else:
                ambiguous.append((mention.codes, value))
    for codes, value in ambiguous:
        best = max(codes, key=lambda code: (scores.get(code, 0.0), -codes.index(code)))
        scores[best] += value
        first_seen.setdefault(best, position)
    # Order by score, then by first mention, so ties go to the earlier country.
    return dict(sorted(scores.items(), key=lambda item: (-item[1], first_seen[item[0]])))


def partner_code(
    article: Article, scores: Mapping[str, float], tuning: CountryTuning
) -> str | None:
    """The partner's alpha-2 code from the article's ``scores``, or ``None`` for a story
    with no foreign partner."""
    foreign = [score for code, score in scores.items() if code != HOME]
    if not foreign or foreign[0] < tuning.min_partner_score:
        return None
    lead = [article.headline, *article.paragraphs[:1]]
    if (
        len(foreign) > 1
        and foreign[0] < tuning.multilateral_dominance * foreign[1]
        and names_multilateral_meeting(lead, article.language)
    ):
        return None
    return next(code for code in scores if code != HOME)


def country_stage(article: Article, run: Run) -> None:
    """File the article under its partner country, Iran (domestic), or undetermined.

    An article with no body text and no place in its headline is Other / undetermined.
    """
    tuning = run.tuning.country
    names: Mapping[str, str] = run.settings.country_names
    places = gazetteer()
    scores = country_scores(article, tuning)
    if run.glossary.entries:
        scores = _with_known_counterparts(article, scores, run.glossary, tuning)
    article.country_scores = {places.name(code, names): score for code, score in scores.items()}
    code = partner_code(article, scores, tuning)
    if code is not None:
        article.country = places.name(code, names)
    elif scores or article.paragraphs:
        article.country = DOMESTIC  # an Iranian ICT story with no foreign counterpart
    else:
        article.country = UNDETERMINED  # a bare headline that names no place


def _with_known_counterparts(
    article: Article, scores: dict[str, float], glossary: Glossary, tuning: CountryTuning
) -> dict[str, float]:
    """``scores`` plus the country of each foreign official of the glossary named in the
    headline or the lead, counted as a counterpart there: «وزير الاتصالات والتقانة إياد
    الخطيب» names Syria's minister though the sentence never says "Syrian".
    """
    places = gazetteer()
    added = dict(scores)
    for text, weight in _weighted_texts(article, tuning)[:2]:
        hits = glossary.find_english(text) + glossary.find_persian(text)
        for entry_id in dict.fromkeys(h.entry.id for h in hits if h.entry.type == "person"):
            entry = glossary.get(entry_id)
            countries = {r.country for r in entry.roles if r.country} if entry else set()
            codes = {places.code_of(c) for c in countries}
            if len(codes) != 1 or None in codes or HOME in codes:
                continue  # an Iranian official, or one of several countries
            code = next(iter(codes))
            if code:
                added[code] = added.get(code, 0.0) + weight * tuning.counterpart_weight
    return dict(sorted(added.items(), key=lambda item: -item[1]))
