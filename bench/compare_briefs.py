"""Compare two JSON briefs, timestamps aside: what changed, article by article.

    python bench/compare_briefs.py before/brief-2026-12-01.json after/brief-2026-12-01.json

Exit status 0 when they are the same, 1 when they differ. Used to check that a refactor
leaves the brief as it was (see BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

IGNORED = {"generated"}


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in IGNORED:
        data.pop(key, None)
    return data


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """One line per difference: brief-level keys, then each article's fields."""
    lines = []
    for key in sorted(set(before) | set(after)):
        if key == "articles":
            continue
        if before.get(key) != after.get(key):
            lines.append(f"{key}: {before.get(key)!r} -> {after.get(key)!r}")
    old = {a["source_path"]: a for a in before.get("articles", [])}
    new = {a["source_path"]: a for a in after.get("articles", [])}
    for path in sorted(set(old) | set(new)):
        if path not in new or path not in old:
            lines.append(f"{path}: only in {'before' if path in old else 'after'}")
            continue
        for field in sorted(set(old[path]) | set(new[path])):
            if old[path].get(field) != new[path].get(field):
                lines.append(
                    f"{path} {field}: {old[path].get(field)!r} -> {new[path].get(field)!r}"
                )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    lines = differences(_load(args.before), _load(args.after))
    for line in lines:
        print(line)
    print("same" if not lines else f"{len(lines)} difference(s)")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
