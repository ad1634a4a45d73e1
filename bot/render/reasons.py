"""A rule's reason (`bot.rules.reasons`) said in the language being spoken: its messages
translated by the catalogues, its days and numbers written by Babel for the reader's locale.
Words stored as they were (a member's, or a reason kept before reasons were messages) are
shown as they are."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from babel.numbers import format_decimal

from bot.render.dates import month_name, weekday_name
from bot.render.i18n import _, locale, ngettext
from bot.rules.reasons import Reason, say
from bot.views import Said


class _Spoken:
    """The parts of a reason in the language being spoken."""

    def message(self, message: str) -> str:
        return _(message)

    def plural(self, singular: str, plural: str, count: int) -> str:
        return ngettext(singular, plural, count)

    def day(self, day: date) -> str:
        return _("{weekday} {day} {month}").format(
            weekday=weekday_name(day.weekday()), day=day.day, month=month_name(day.month)
        )

    def number(self, value: float) -> str:
        return str(format_decimal(round(value, 1), format="0.#", locale=locale()))

    def listed(self, items: Sequence[str]) -> str:
        if len(items) < 2:
            return "".join(items)
        return _("{first} and {last}").format(first=_(", ").join(items[:-1]), last=items[-1])


_SPOKEN = _Spoken()


def reason_text(reason: Said) -> str:
    """The reason in the reader's language; stored words as they are."""
    return reason if isinstance(reason, str) else say(reason, _SPOKEN)


def reason_texts(reasons: Sequence[Reason]) -> list[str]:
    return [say(reason, _SPOKEN) for reason in reasons]
