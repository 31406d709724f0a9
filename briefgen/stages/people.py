"""The people stage: an article's key people, from its source text.

Runs after the date and glossary stages. Key people come from the words the article wrote
(for a Persian or Arabic article, the Persian or Arabic; never the machine translation,
which can invent names): glossary people through the glossary's forms, and people outside
the glossary whom the text names with a role (:mod:`briefgen.glossary.people`). Each gets
the title valid on the article's date (:func:`briefgen.glossary.people.title_for`) and a
:attr:`~briefgen.model.Person.key`: the glossary entry id, else
:func:`briefgen.text.names.name_key` of the name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.glossary.people_article import article_people
from briefgen.model import Article

if TYPE_CHECKING:
    from briefgen.run import Run


def people_stage(article: Article, run: Run) -> None:
    """Fill ``article.people`` from the source text."""
    article.people = article_people(article, run.glossary)
