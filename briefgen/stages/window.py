"""Window stage: keep the articles dated inside the brief's window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefgen.model import Brief, Skipped

if TYPE_CHECKING:
    from briefgen.run import Run


def window_stage(brief: Brief, run: Run) -> None:
    """Keep articles dated in the window; undated ones unless ``skip_undated``."""
    kept = []
    for article in brief.articles:
        if article.date is None:
            if run.settings.skip_undated and not run.window.is_open:
                brief.excluded.append(Skipped(article.source_path, "undated (--skip-undated)"))
            else:
                kept.append(article)
        elif run.window.contains(article.date):
            kept.append(article)
        else:
            reason = f"dated {article.date}, outside the window"
            brief.excluded.append(Skipped(article.source_path, reason))
    brief.articles = kept
