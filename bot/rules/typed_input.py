"""Reading what members type where a button would do: a time of day, a time zone, a pain score."""

from __future__ import annotations

import re
from datetime import time
from functools import cache
from zoneinfo import available_timezones

_TIME = re.compile(
    r"^\s*(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2}))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)?\s*$",
    re.IGNORECASE,
)
_PAIN = re.compile(r"^\s*(\d{1,2})\s*(?:/\s*10)?\s*$")


def parse_time_of_day(text: str) -> time | None:
    """'06:30', '6.30', '18h00', '7pm', '7 am', '19' → a time; None when it isn't one."""
    match = _TIME.match(text)
    if match is None:
        return None
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    half = (match["half"] or "").replace(".", "").lower()
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def parse_pain(text: str) -> int | None:
    """'7' or '7/10' → 7; None for anything that is not a whole number from 0 to 10."""
    match = _PAIN.match(text)
    if match is None:
        return None
    value = int(match[1])
    return value if value <= 10 else None


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text).strip().casefold()


@cache
def _zone_index() -> dict[str, str]:
    """Lower-cased zone names and city names → IANA zone (the first city wins on clashes)."""
    index: dict[str, str] = {}
    for zone in sorted(available_timezones()):
        if zone.startswith(("Etc/", "SystemV/")) or "/" not in zone:
            continue
        index.setdefault(_key(zone), zone)
        index.setdefault(_key(zone.rsplit("/", 1)[1]), zone)
    return index


def parse_time_zone(text: str) -> str | None:
    """An IANA zone from 'Europe/Lisbon', 'lisbon', 'New York' or 'UTC'; None if unknown."""
    if len(text) > 64:
        return None
    key = _key(text)
    if key in ("utc", "gmt", "z"):
        return "UTC"
    return _zone_index().get(key)
