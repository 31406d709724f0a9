"""Translation stage: every non-English article of a run goes to its language's model.

All sentences of one language go to the translator in one call (the translator batches
them and keeps them in the translation memory). The English lands beside the source:
``headline_english`` and each :class:`~briefgen.model.Sentence`'s ``english``; the
source text is kept as it was. A sentence with a reviewed translation in the memory gets
that English, never the model's, and is marked ``reviewed``.

Before translation the glossary protects names (:meth:`Glossary.protect`): a Persian or
Arabic name is replaced by its canonical English form, which the model copies through;
terms that do not come out are listed in ``article.translation.missing_terms`` (not
for a reviewed sentence: the reviewer's English wins over the model's and over the
check). An article whose language has no installed model is kept, untranslated and
marked.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from briefgen.errors import ModelError, ModelMissingError
from briefgen.model import Article, Brief, Translation, language_name

if TYPE_CHECKING:
    from briefgen.run import Run

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]
Prepare = Callable[[str], tuple[str, list[str]]]
#: Languages the brief prints as they are.
ENGLISH = "en"
#: Languages that are no language at all (no letters): nothing to translate.
UNKNOWN = "und"


class Translator(Protocol):
    """What the stage needs from a loaded translation model."""

    info: Translation

    def translate(self, texts: list[str], progress: Progress | None = None) -> list[str]:
        """English for each source sentence, in order."""
        ...

    def reviewed(self, texts: list[str]) -> list[str | None]:
        """The reviewed English of each source sentence, or None where there is none."""
        ...

    def close(self) -> None:
        """Release the model and its cache."""
        ...


def no_model_note(language: str) -> str:
    """How an article is marked when its language has no installed model."""
    return (
        f"Not translated: no {language_name(language)}→English model installed "
        "(install one with 'briefgen model install', see the README)"
    )


def needs_translation(article: Article) -> bool:
    """True for an article in a language other than English that has text to translate."""
    return article.language not in (ENGLISH, UNKNOWN) and not article.is_translated


def translate_stage(brief: Brief, run: Run) -> None:
    """Translate every non-English article with its language's model (one batch each)."""
    by_language: dict[str, list[Article]] = defaultdict(list)
    for article in brief.articles:
        if needs_translation(article):
            by_language[article.language].append(article)
    for language, articles in by_language.items():
        if not run.translate:
            for article in articles:
                article.untranslated_reason = "Not translated: translation turned off"
            continue
        try:
            translator = run.translator(language)
        except ModelMissingError:
            for article in articles:
                article.untranslated_reason = no_model_note(language)
            continue
        except ModelError as exc:
            log.warning("translation model not usable: %s", exc)
            for article in articles:
                article.untranslated_reason = f"Not translated: {exc}"
            continue
        prepare = run.glossary.protect if run.glossary else None
        translate_articles(articles, translator, progress=run.progress, prepare=prepare)


def translate_articles(
    articles: list[Article],
    translator: Translator,
    progress: Progress | None = None,
    *,
    prepare: Prepare | None = None,
) -> None:
    """Translate headline and sentences of every article; the source text stays as it is.

    Reviewed translations from the memory come first; only the other texts go to the model
    and have their glossary terms checked.
    """
    originals = [
        text
        for article in articles
        for text in [article.headline, *(s.text for s in article.sentences)]
    ]
    reviewed = translator.reviewed(originals)
    texts: list[str] = []
    required: list[list[str]] = []
    for text in originals:
        sent, terms = prepare(text) if prepare is not None else (text, [])
        texts.append(sent)
        required.append(list(terms))
    pending = [i for i, human in enumerate(reviewed) if human is None]
    machine = translator.translate([texts[i] for i in pending], progress=progress)
    english: list[str] = [human or "" for human in reviewed]
    for index, text in zip(pending, machine, strict=True):
        english[index] = text
    position = iter(range(len(originals)))

    def take(missing: list[str]) -> tuple[str, bool]:
        index = next(position)
        text, is_reviewed = english[index], reviewed[index] is not None
        if not is_reviewed:
            missing.extend(t for t in required[index] if t not in text and t not in missing)
        return text, is_reviewed

    for article in articles:
        missing: list[str] = []
        article.headline_english, article.headline_reviewed = take(missing)
        for sentence in article.sentences:
            sentence.english, sentence.reviewed = take(missing)
        info = translator.info
        article.translation = Translation(
            engine=info.engine,
            package=info.package,
            version=info.version,
            is_test_model=info.is_test_model,
            missing_terms=missing,
            source_language=info.source_language,
            reviewed=article.headline_reviewed + sum(s.reviewed for s in article.sentences),
        )
        article.untranslated_reason = None
