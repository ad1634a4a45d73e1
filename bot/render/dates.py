"""Days and dates as the bot writes them, in the language being spoken ("Tue 05 Mar 18:40").

Weekday and month names are messages of their own (not `strftime`, which speaks the
process's C locale), and so is the order of the parts, which differs between languages.
"""

from __future__ import annotations

from datetime import date, datetime

from bot.render.i18n import _, pgettext


def weekday_name(day: int) -> str:
    """'Mon' for 0 … 'Sun' for 6 (short names, as on the day-picker buttons)."""
    names = (
        pgettext("short weekday", "Mon"),
        pgettext("short weekday", "Tue"),
        pgettext("short weekday", "Wed"),
        pgettext("short weekday", "Thu"),
        pgettext("short weekday", "Fri"),
        pgettext("short weekday", "Sat"),
        pgettext("short weekday", "Sun"),
    )
    return names[day]


def month_name(month: int) -> str:
    """'Jan' for 1 … 'Dec' for 12."""
    names = (
        pgettext("short month", "Jan"),
        pgettext("short month", "Feb"),
        pgettext("short month", "Mar"),
        pgettext("short month", "Apr"),
        pgettext("short month", "May"),
        pgettext("short month", "Jun"),
        pgettext("short month", "Jul"),
        pgettext("short month", "Aug"),
        pgettext("short month", "Sep"),
        pgettext("short month", "Oct"),
        pgettext("short month", "Nov"),
        pgettext("short month", "Dec"),
    )
    return names[month - 1]


def short_date(day: date) -> str:
    """'Tue 05 Mar'."""
    return _("{weekday} {day} {month}").format(
        weekday=weekday_name(day.weekday()), day=f"{day.day:02d}", month=month_name(day.month)
    )


def long_date(day: date) -> str:
    """'05 Mar 2026'."""
    return _("{day} {month} {year}").format(
        day=f"{day.day:02d}", month=month_name(day.month), year=day.year
    )


def date_and_time(moment: datetime) -> str:
    """'Tue 05 Mar 18:40' (in the zone `moment` is in)."""
    return _("{date} {time}").format(date=short_date(moment.date()), time=f"{moment:%H:%M}")
