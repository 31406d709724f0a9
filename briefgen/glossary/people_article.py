"""An article's key people: every person its source text names, once each, with the title
valid on the article's date (see :mod:`briefgen.stages.people`)."""

from __future__ import annotations

from briefgen.glossary.model import Glossary
from briefgen.glossary.people import NamedPerson, people_in_text, title_for
from briefgen.model import Article, Person
from briefgen.text.names import name_key


def article_people(article: Article, glossary: Glossary) -> list[Person]:
    """The key people of ``article``, first mention first, each once."""
    language = article.language if article.language in ("fa", "ar") else "en"
    if article.language not in ("en", "fa", "ar"):
        return []
    found: list[NamedPerson] = []
    loose: list[str] = []
    for text in (article.headline, *(s.text for s in article.sentences)):
        if text:
            found += people_in_text(text, language, glossary, loose)
    people: dict[str, Person] = {}
    for named in found:
        key = named.entry.id if named.entry else name_key(named.name)
        if not key:
            continue
        person = people.get(key)
        if person is None:
            people[key] = Person(
                name=named.name,
                title=named.title,
                entry_id=named.entry.id if named.entry else None,
                surface=named.surface,
                key=key,
            )
        elif person.title is None and named.title:
            person.title = named.title
    for person in people.values():
        entry = glossary.get(person.entry_id) if person.entry_id else None
        person.title = title_for(entry, article.date, person.title)
    _titles_given_to_nobody(list(people.values()), glossary, article, loose)
    return list(people.values())


def _titles_given_to_nobody(
    people: list[Person], glossary: Glossary, article: Article, loose: list[str]
) -> None:
    """An undated article's "the Minister of ICT" (named nobody) is the one person without
    a title whose glossary roles hold it."""
    if article.date is not None:
        return
    for title in dict.fromkeys(loose):
        fits = [
            p
            for p in people
            if p.title is None
            and p.entry_id
            and title_for(glossary.get(p.entry_id), None, None, (title,))
        ]
        if len(fits) == 1 and fits[0].entry_id:
            fits[0].title = title_for(glossary.get(fits[0].entry_id), None, None, (title,))
