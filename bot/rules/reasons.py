"""Why a rule brings a member to the coach, kept as words still to be said: a `Reason` is an
English message id and the values that fill it, said later in the language of whoever reads it
(the coach in their chat, in the digest, on the dashboard, in an export).

The rules stay pure and speak no language: they build `Reason` values, marking each message
with `N_` (or `N_plural` for one with a number) so `pybabel extract` finds it. A value that fills
a placeholder is a number (an `int` as it is, a `float` to one decimal), a `date` (a day, said
"Mon 2 Mar" in English), a `tuple` of values (listed: "a, b and c"), another `Reason` (a phrase
of its own, translated too) or a `str` (data, said as it is).

`say(reason, words)` writes one out with the words of a language (`Words`): `english` here, the
reader's language in `bot.render.reasons`. `to_json`/`from_json` keep one in the database, so a
flag raised today is read tomorrow in the language of the coach who opens it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol, TypeAlias

from bot.rules.reason_words import day_words, listed, number_words

Param: TypeAlias = "int | float | str | date | Reason | tuple[Param, ...]"
"""What fills a placeholder of a reason (see the module notes)."""

Message = str | tuple[str, str]
"""One message id, or a singular and a plural form (chosen by the `count` parameter)."""


def N_(message: str) -> str:
    """Mark a rule's message for extraction; it is translated when it is said, not here."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a number (its `count` parameter) and its plural form."""
    return (singular, plural)


@dataclass(frozen=True)
class Reason:
    """A sentence (or a phrase of one) still to be said: its message id and its values."""

    message: Message
    params: Mapping[str, Param] = field(default_factory=dict)

    def english(self) -> str:
        """The reason in English (what is stored beside it, for anything that reads text)."""
        return say(self, ENGLISH)


LIST = "{items}"
"""A reason that is only a list of others (a red flag's families): it says its `items`."""


def listing(items: Sequence[Param]) -> Reason:
    """The items listed as one reason ("a, b and c")."""
    return Reason(LIST, {"items": tuple(items)})


class Words(Protocol):
    """How one language says the parts of a reason."""

    def message(self, message: str) -> str:
        """The translation of a message id."""

    def plural(self, singular: str, plural: str, count: int) -> str:
        """The translation of the form of a message for `count`."""

    def day(self, day: date) -> str:
        """A day ("Mon 2 Mar")."""

    def number(self, value: float) -> str:
        """A number with at most one decimal ("4", "4.5")."""

    def listed(self, items: Sequence[str]) -> str:
        """Items as a list ("a, b and c")."""


class _English:
    """The message ids as they are, and the rules' own English days and numbers."""

    def message(self, message: str) -> str:
        return message

    def plural(self, singular: str, plural: str, count: int) -> str:
        return singular if count == 1 else plural

    def day(self, day: date) -> str:
        return day_words(day)

    def number(self, value: float) -> str:
        return number_words(value)

    def listed(self, items: Sequence[str]) -> str:
        return listed(items)


ENGLISH: Words = _English()


def say(reason: Reason, words: Words) -> str:
    """The reason written out with `words`: its message translated, then filled."""
    values = {name: _value(value, words) for name, value in reason.params.items()}
    if isinstance(reason.message, tuple):
        count = reason.params.get("count")
        if not isinstance(count, int):
            raise ValueError(f"a plural reason needs an int count: {reason!r}")
        text = words.plural(*reason.message, count)
    else:
        text = words.message(reason.message)
    return text.format(**values)


def _value(value: Param, words: Words) -> str:
    match value:
        case Reason():
            return say(value, words)
        case tuple():
            return words.listed([_value(item, words) for item in value])
        case bool():
            raise TypeError("a reason has no yes/no values")
        case int():
            return str(value)
        case float():
            return words.number(value)
        case date():
            return words.day(value)
        case str():
            return value


# --- kept in the database as JSON ---------------------------------------------------------------


def to_json(reason: Reason) -> dict[str, Any]:
    """`{"message": ..., "params": {...}}`: a day as `{"date": "2026-03-02"}`, a list as a list,
    a phrase as an object of its own."""
    message: Any = list(reason.message) if isinstance(reason.message, tuple) else reason.message
    return {
        "message": message,
        "params": {name: _encoded(value) for name, value in reason.params.items()},
    }


def from_json(data: Any) -> Reason:
    """The reason `to_json` wrote; ValueError for anything else, and for a reason whose values
    no longer fill its message (stored by a release whose message had other placeholders)."""
    if not isinstance(data, dict) or not isinstance(data.get("params"), dict):
        raise ValueError(f"not a stored reason: {data!r}")
    message = data.get("message")
    if isinstance(message, list) and len(message) == 2 and all(isinstance(m, str) for m in message):
        reason = Reason((message[0], message[1]), _decoded_params(data["params"]))
    elif isinstance(message, str):
        reason = Reason(message, _decoded_params(data["params"]))
    else:
        raise ValueError(f"not a stored reason's message: {message!r}")
    try:
        reason.english()
    except (KeyError, IndexError) as error:
        raise ValueError(f"a stored reason its values do not fill: {data!r}") from error
    return reason


def _decoded_params(params: dict[Any, Any]) -> dict[str, Param]:
    return {str(name): _decoded(value) for name, value in params.items()}


def _encoded(value: Param) -> Any:
    match value:
        case Reason():
            return to_json(value)
        case tuple():
            return [_encoded(item) for item in value]
        case date():
            return {"date": value.isoformat()}
        case _:
            return value


def _decoded(value: Any) -> Param:
    match value:
        case bool():
            raise ValueError(f"not a stored reason's value (no yes/no values): {value!r}")
        case int() | float() | str():
            return value
        case list():
            return tuple(_decoded(item) for item in value)
        case {"date": str(day)}:
            return date.fromisoformat(day)
        case dict():
            return from_json(value)
    raise ValueError(f"not a stored reason's value: {value!r}")
