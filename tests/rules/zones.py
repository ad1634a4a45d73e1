"""Time zones the rules are tested in (each one for a daylight-saving or date-line oddity)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")  # a 30-minute daylight-saving change
KATHMANDU = ZoneInfo("Asia/Kathmandu")  # UTC+5:45
CHATHAM = ZoneInfo("Pacific/Chatham")  # UTC+12:45, +13:45 in summer
SAO_PAULO = ZoneInfo("America/Sao_Paulo")  # clocks once jumped at midnight
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")  # UTC+14
PAGO_PAGO = ZoneInfo("Pacific/Pago_Pago")  # UTC-11
TEHRAN = ZoneInfo("Asia/Tehran")

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def at_local(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """The UTC instant of a local wall time (first occurrence when ambiguous)."""
    return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)
