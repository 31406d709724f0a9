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

import functools
import logging
import re
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
        except Exception as exc:  # a broken package must not cost the brief
            log.warning("translation model not usable: %s", exc, exc_info=True)
            for article in articles:
                article.untranslated_reason = (
                    f"Not translated: the model does not load ({type(exc).__name__}: {exc})"
                )
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
    and have their glossary terms checked. All articles go to the model in one call; if
    that fails, each article alone, and an article the model fails on is kept
    untranslated with the reason (one bad article never costs the others their
    translation, or the brief).
    """
    count = token_counter(translator)
    try:
        _translate(articles, translator, progress, prepare, count)
        return
    except Exception as exc:  # the model failed on something: find what, article by article
        log.warning("translation failed (%s); retrying article by article", exc)
    for article in articles:
        try:
            _translate([article], translator, None, prepare, count)
        except Exception as exc:
            log.debug("translation failed on %s", article.source_path, exc_info=True)
            article.untranslated_reason = (
                f"Not translated: the model failed on this article ({type(exc).__name__}: {exc})"
            )


def _translate(
    articles: list[Article],
    translator: Translator,
    progress: Progress | None,
    prepare: Prepare | None,
    count: Callable[[str], int],
) -> None:
    originals = [
        text
        for article in articles
        for text in [article.headline, *(s.text for s in article.sentences)]
    ]
    reviewed = translator.reviewed(originals)
    pieces: list[int] = []  # how many model inputs each text became (none when reviewed)
    texts: list[str] = []
    required: list[list[str]] = []
    for text, human in zip(originals, reviewed, strict=True):
        if human is not None:
            pieces.append(0)
            required.append([])
            continue
        sent, terms = prepare(text) if prepare is not None else (text, [])
        parts = split_for_model(sent, count)
        pieces.append(len(parts))
        texts.extend(parts)
        required.append(list(terms))
    translated = translator.translate(texts, progress=progress)
    if len(translated) != len(texts):
        raise ModelError(f"the model gave {len(translated)} translations for {len(texts)} texts")
    english = iter(translated)
    position = iter(range(len(originals)))

    def take(missing: list[str]) -> tuple[str, bool]:
        index = next(position)
        human = reviewed[index]
        if human is not None:  # the reviewer's English wins over the model and the check
            return human, True
        text = " ".join(t for t in (next(english) for _ in range(pieces[index])) if t)
        missing.extend(t for t in required[index] if t not in text and t not in missing)
        return text, False

    for article in articles:
        missing: list[str] = []
        headline = take(missing)
        sentences = [take(missing) for _ in article.sentences]
        article.headline_english, article.headline_reviewed = headline
        for sentence, (text, is_reviewed) in zip(article.sentences, sentences, strict=True):
            sentence.english, sentence.reviewed = text, is_reviewed
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


# --- overlong sentences -------------------------------------------------------------------

#: Tokens one input to the model may hold. Argos's CTranslate2 models have 256 positions
#: and fail past them ("No position encodings are defined for positions >= 256"); the
#: target prefix and end marks take a few, and long inputs translate badly anyway.
MAX_MODEL_TOKENS = 200
# Where a long sentence may be cut first: after a clause mark, before the next word.
_CLAUSE_BREAK = re.compile(r"(?<=[,;:،؛.!?؟…])\s+")


def token_counter(translator: Translator) -> Callable[[str], int]:
    """How many tokens a text is for ``translator``'s model: its SentencePiece tokenizer
    when the package has one, else the number of characters (never fewer than tokens)."""
    package = getattr(translator, "package", None)
    model_file = getattr(package, "path", None)
    if model_file is not None:
        tokenizer = _tokenizer(str(model_file))
        if tokenizer is not None:
            return lambda text: len(tokenizer.encode(text))
    return len


@functools.lru_cache(maxsize=4)
def _tokenizer(package_path: str):
    import os

    model = os.path.join(package_path, "sentencepiece.model")
    if not os.path.isfile(model):
        return None
    try:
        import sentencepiece

        return sentencepiece.SentencePieceProcessor(model_file=model)
    except (ImportError, OSError, RuntimeError, ValueError):
        return None


def split_for_model(
    text: str, count: Callable[[str], int] = len, limit: int = MAX_MODEL_TOKENS
) -> list[str]:
    """``text`` cut into pieces of at most ``limit`` tokens (by ``count``): at clause
    marks first, then between words, then anywhere; a short text is one piece."""
    if count(text) <= limit:
        return [text]
    for parts in (_CLAUSE_BREAK.split(text), text.split()):
        if len(parts) > 1:
            break
    else:
        middle = len(text) // 2
        parts = [text[:middle], text[middle:]]
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for part in parts:
        tokens = count(part) + 1  # the space between parts may be a token of its own
        if tokens > limit:
            if current:
                pieces.append(" ".join(current))
                current, size = [], 0
            pieces.extend(split_for_model(part, count, limit))
            continue
        if current and size + tokens > limit:
            pieces.append(" ".join(current))
            current, size = [], 0
        current.append(part)
        size += tokens
    if current:
        pieces.append(" ".join(current))
    return pieces
