"""Synthetic article folders for the speed benchmarks, recombined from real news text.

Each article takes its headline from one BBC dev-set article and its paragraphs from
several others (and, every fifth article, a seed's paragraphs), so every file is
distinct text of realistic length and shape. A fixed seed makes the folders
reproducible. Publication dates fall in one ISO week so a ``--week`` brief keeps them.
"""

from __future__ import annotations

import datetime as dt
import random
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


def write_folder(folder: Path, texts: list[str], prefix: str = "en") -> Path:
    """Write ``texts`` as numbered ``.txt`` files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for index, text in enumerate(texts):
        (folder / f"{prefix}-{index:05d}.txt").write_text(text + "\n", encoding="utf-8")
    return folder
