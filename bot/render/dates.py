"""Days and dates as the bot writes them, in the language being spoken ("Tue 05 Mar 18:40").

Weekday and month names are Babel's, from the Unicode CLDR data for the reader's language
(`i18n.locale()`: "Di.", "März" for German), not `strftime`'s (which speaks the process's C
locale); the order of the parts is a message of ours, which a translation may change.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import get_day_names, get_month_names

from bot.render.i18n import _, locale


def weekday_name(day: int) -> str:
    """'Mon' for 0 … 'Sun' for 6 (short names, as on the day-picker buttons)."""
    return str(get_day_names("abbreviated", locale=locale())[day])


def month_name(month: int) -> str:
    """'Jan' for 1 … 'Dec' for 12."""
    return str(get_month_names("abbreviated", locale=locale())[month])


def short_date(day: date) -> str:
    """'Tue 05 Mar'."""
    return _("{weekday} {day} {month}").format(
        weekday=weekday_name(day.weekday()), day=f"{day.day:02d}", month=month_name(day.month)
    )


def day_and_month(day: date) -> str:
    """'05 Mar' (a chart's tick)."""
    return _("{day} {month}").format(day=f"{day.day:02d}", month=month_name(day.month))


def long_date(day: date) -> str:
    """'05 Mar 2026'."""
    return _("{day} {month} {year}").format(
        day=f"{day.day:02d}", month=month_name(day.month), year=day.year
    )


def date_and_time(moment: datetime) -> str:
    """'Tue 05 Mar 18:40' (in the zone `moment` is in)."""
    return _("{date} {time}").format(date=short_date(moment.date()), time=f"{moment:%H:%M}")
