"""Event matching: whether two reports (any outlets, any languages) tell one event.

No translation is needed. An article's *event profile* (:mod:`briefgen.story.profile`)
holds its participants (glossary people, organizations and places, and people outside
the glossary by their script-insensitive key), partner country, date, the weekdays and
counts it states (:mod:`briefgen.story.numbers`) and its content words
(:mod:`briefgen.story.words`). :func:`briefgen.story.score.score_pair` weighs the
evidence two profiles share and the evidence that sets them apart into points, against
the thresholds of ``[duplicates]`` tuning; the duplicates stage merges by it.
"""
