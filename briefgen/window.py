"""Date windows: ISO weeks, explicit ranges, last week."""

from __future__ import annotations

import datetime as dt
import re

from briefgen.errors import ConfigError
from briefgen.model import Window

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I)


def parse_date(value: str, what: str = "date") -> dt.date:
    """A ``YYYY-MM-DD`` date, or :class:`ConfigError` saying what was expected."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ConfigError(f"{what} must be YYYY-MM-DD, got {value!r}") from exc


def iso_week(value: str) -> Window:
    """The Monday–Sunday window of an ISO week such as ``2024-W20``."""
    match = _WEEK.match(value.strip())
    if not match:
        raise ConfigError(f"week must look like 2024-W20, got {value!r}")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        start = dt.date.fromisocalendar(year, week, 1)
    except ValueError as exc:
        raise ConfigError(f"{value!r} is not a week of {year}") from exc
    return Window(start, start + dt.timedelta(days=6), f"Week {week}")


def last_week(today: dt.date) -> Window:
    """The ISO week before the one holding ``today``."""
    year, week, _ = (today - dt.timedelta(days=7)).isocalendar()
    return iso_week(f"{year}-W{week:02d}")


def make_window(
    *,
    week: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    previous_week: bool = False,
    today: dt.date | None = None,
) -> Window:
    """Build the window from CLI-style options; at most one way of choosing it."""
    today = today or dt.date.today()
    chosen = [name for name, value in (("--week", week), ("--last-week", previous_week)) if value]
    if len(chosen) > 1 or (chosen and (since or until)):
        raise ConfigError("choose one of --week, --last-week or --since/--until")
    if week:
        return iso_week(week)
    if previous_week:
        return last_week(today)
    start = parse_date(since, "--since") if isinstance(since, str) else since
    end = parse_date(until, "--until") if isinstance(until, str) else until
    if start and end and start > end:
        raise ConfigError(f"--since {start} is after --until {end}")
    return Window(start, end)


def window_from_setting(value: str | None, today: dt.date | None = None) -> Window:
    """The window a settings file names: ``last-week``, ``2024-W20``,
    ``2024-05-13..2024-05-19`` (either end may be left out), or ``all`` / unset."""
    text = (value or "").strip()
    if text.casefold() in ("", "all"):
        return Window()
    if text.casefold() == "last-week":
        return last_week(today or dt.date.today())
    if ".." in text:
        since, until = (part.strip() or None for part in text.split("..", 1))
        if not (since or until):
            return Window()
        return make_window(since=since, until=until)
    if _WEEK.match(text):
        return iso_week(text)
    raise ConfigError(
        f"window must be last-week, all, an ISO week like 2024-W20 or a range like "
        f"2024-05-13..2024-05-19, got {value!r}"
    )


def describe_window(window: Window) -> str:
    """Human text: "Week 20, 13–19 May 2024", "13 May – 2 June 2024", "up to 19 May 2024"."""
    start, end = window.start, window.end
    if start and end:
        if start.year != end.year:
            span = f"{_day(start)} {start.year} – {_day(end)} {end.year}"
        elif start.month != end.month:
            span = f"{_day(start)} – {_day(end)} {end.year}"
        else:
            span = (
                f"{start.day}–{_day(end)} {end.year}" if start != end else f"{_day(end)} {end.year}"
            )
    elif start:
        span = f"from {_day(start)} {start.year}"
    elif end:
        span = f"up to {_day(end)} {end.year}"
    else:
        span = "all dates"
    return f"{window.label}, {span}" if window.label else span


def _day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')}"
