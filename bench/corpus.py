"""Synthetic article folders for the speed benchmarks, recombined from real news text.

Each article takes its headline from one BBC dev-set article and its paragraphs from
several others (and, every fifth article, a seed's paragraphs), so every file is
distinct text of realistic length and shape. A fixed seed makes the folders
reproducible. Publication dates fall in one ISO week so a ``--week`` brief keeps them.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "bench" / "bbc-news-summary"
SEEDS = ROOT / "seeds"
WEEK_START = dt.date(2024, 5, 13)


def _bbc_articles() -> list[tuple[str, list[str]]]:
    articles = []
    for path in sorted(BBC.glob("*/articles/*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="latin-1").splitlines()]
        lines = [ln for ln in lines if ln]
        if len(lines) >= 3:
            articles.append((lines[0], lines[1:]))
    if not articles:
        raise SystemExit(f"no BBC articles under {BBC}")
    return articles


def _seed_paragraphs() -> list[list[str]]:
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if all(ord(ch) < 0x600 for ch in "".join(lines)):  # English seeds only
            seeds.append(lines[1:6])
    return seeds


def english_articles(count: int, seed: int = 20240513) -> list[str]:
    """``count`` distinct English article texts (headline, dateline, paragraphs)."""
    rng = random.Random(seed)
    bbc = _bbc_articles()
    seeds = _seed_paragraphs()
    texts = []
    for index in range(count):
        headline, body = bbc[index % len(bbc)]
        donor = bbc[rng.randrange(len(bbc))][1]
        paragraphs = body[: rng.randint(3, 8)] + donor[: rng.randint(1, 4)]
        if index % 5 == 0 and seeds:
            paragraphs = seeds[index % len(seeds)] + paragraphs
        day = WEEK_START + dt.timedelta(days=index % 7)
        text = f"{headline} ({index})\nPublish Date: {day:%Y/%m/%d}\n" + "\n".join(paragraphs)
        texts.append(text)
    return texts


def persian_articles(count: int, seed: int = 20240514) -> list[str]:
    """``count`` Persian articles made of the test translation model's vocabulary.

    Sentences come from ``tests/fixtures/fa_en_corpus.py`` (the corpus the test model was
    trained on), so the model translates them the way it translates real input; a
    Jalali dateline puts each article in the benchmark week.
    """
    import jdatetime

    sys.path.insert(0, str(ROOT))
    from tests.fixtures.fa_en_corpus import training_pairs

    rng = random.Random(seed)
    wanted = count * 12
    sentences: list[str] = []
    pool = wanted * 4
    while len(sentences) < wanted:
        sentences = [
            fa.rstrip(".") + "."
            for fa, _ in training_pairs(pool, seed=seed)[150:]
            if not any("a" <= ch.lower() <= "z" for ch in fa)  # Persian only, as scraped
        ]
        pool *= 2
    texts = []
    for index in range(count):
        picked = sentences[index * 12 : index * 12 + 12]
        headline = picked[0].rstrip(".")
        day = jdatetime.date.fromgregorian(date=WEEK_START + dt.timedelta(days=index % 7))
        body = [" ".join(picked[i : i + 3]) for i in range(1, 12, rng.choice((2, 3, 4)))]
        texts.append(f"{headline}\n{day:%Y/%m/%d} - 10:{index % 60:02d}\n" + "\n".join(body))
    return texts


def write_folder(folder: Path, texts: list[str], prefix: str = "en") -> Path:
    """Write ``texts`` as numbered ``.txt`` files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, text in enumerate(texts):
        (folder / f"{prefix}-{index:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder
