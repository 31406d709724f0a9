"""Calibration of the country stage's weights on a labelled folder of articles.

    python bench/country_calibration.py ../shared/corpus

Each article is read once (the reading stages of ``analyse_article``); then, for each
weight of ``[country]`` in ``briefgen/data/defaults.toml`` in turn, the partner is
chosen again with that weight set to each value of a range and every other weight at
its default. A choice is right when it names the gold partner or an alternative the
labels accept (as ``bench/accuracy.py`` scores it). Printed: a Markdown table per weight
(value, right of N, the files missed), and the run with every role weighing the same
(``roles off``: counterpart = mention = venue = background = 1), which is how the
stage weighed mentions before roles.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from accuracy_score import load_labels
from accuracy_text import same_country

SWEEPS: dict[str, tuple[float, ...]] = {
    "counterpart_weight": (1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 10.0),
    "mention_weight": (0.5, 0.75, 1.0, 1.5, 2.0),
    "venue_weight": (0.0, 0.1, 0.25, 0.5, 0.75, 1.0),
    "background_weight": (0.0, 0.25, 0.5, 0.75, 1.0),
    "min_partner_score": (0.5, 1.0, 2.0, 3.0, 4.0, 6.0),
    "multilateral_dominance": (1.0, 1.25, 1.5, 2.0, 3.0),
    "headline_weight": (1.0, 2.0, 3.0, 5.0),
    "lead_weight": (1.0, 2.0, 3.0),
}
ROLES_OFF = {
    "counterpart_weight": 1.0,
    "mention_weight": 1.0,
    "venue_weight": 1.0,
    "background_weight": 1.0,
    "multilateral_dominance": 1.0,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    corpus = parser.parse_args().corpus

    from briefgen.api import analyse_article
    from briefgen.gazetteer import gazetteer
    from briefgen.model import DOMESTIC
    from briefgen.readers import read_article
    from briefgen.stages.country import country_scores, partner_code
    from briefgen.tuning import default_tuning

    labels = load_labels(corpus)
    articles = {name: analyse_article(read_article(corpus / "articles" / name)) for name in labels}
    default = default_tuning().country

    def misses(**values: float) -> list[str]:
        tuning = dataclasses.replace(default, **values)
        wrong = []
        for name, article in articles.items():
            code = partner_code(article, country_scores(article, tuning), tuning)
            got = gazetteer().name(code) if code else DOMESTIC
            if not any(same_country(got, c) for c in labels[name].accepted_countries):
                wrong.append(name.removesuffix(".txt").removeprefix("dev_"))
        return wrong

    total = len(articles)

    def row(label: str, wrong: list[str]) -> str:
        return f"| {label} | {total - len(wrong)} | {', '.join(wrong) or '–'} |"

    print(f"Defaults: {dataclasses.asdict(default)}\n")
    print(f"| run | right (of {total}) | missed |\n|---|---:|---|")
    print(row("defaults", misses()))
    print(row("roles off", misses(**ROLES_OFF)))
    for weight, values in SWEEPS.items():
        print(f"\n**{weight}** (default {getattr(default, weight)})\n")
        print("| value | right | missed |\n|---:|---:|---|")
        for value in values:
            print(row(f"{value:g}", misses(**{weight: value})))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
