"""How the rules write days and numbers in the reasons they give the coach."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

_WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_words(day: date) -> str:
    """2 March 2026 as "Mon 2 Mar" (English names whatever the locale)."""
    return f"{_WEEKDAY_NAMES[day.weekday()]} {day.day} {_MONTH_NAMES[day.month - 1]}"


def number_words(value: float) -> str:
    """4.0 as "4", 4.5 as "4.5", 10/3 as "3.3"."""
    return f"{round(value, 1):g}"


def listed(items: Iterable[str]) -> str:
    """ "a", "a and b", "a, b and c"; "" for none."""
    words = list(items)
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"
