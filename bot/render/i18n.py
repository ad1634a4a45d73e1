"""The language the bot speaks: gettext catalogues (Babel), chosen per person written to.

Every member- and coach-facing sentence of the bot is an English message id marked for
extraction (`pybabel extract`, see the README): `_()` and `ngettext()` inside a function,
`N_()` for a module-level text, which is a `Text` translated each time it is used, never at
import. Placeholders are named, in braces (`{name}`), and filled after translation.

The catalogues are the `.po` files under `bot/locales/<language>/LC_MESSAGES/`; they are
read once and compiled in memory (no `.mo` build step, so a fresh clone and an edited
translation both work as they are). English is the source language: with no catalogue for
someone's language, the message ids themselves are sent.

Whose language: `speaking(language)` sets it for a block of code (a `ContextVar`, so each
update and each job has its own), with the Babel locale of that language (`locale()`) for
what Babel words from its own CLDR data: month and weekday names, decimals (in the reader's
language even where there is no catalogue for it). The Telegram shell sets it per update
from the sender's Telegram `language_code`, and per recipient where the bot writes on its own
(reminders, coach alerts) from the language kept with the member or coach.
"""

from __future__ import annotations

import gettext as gettext_module
import logging
import string
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

log = logging.getLogger(__name__)

LOCALES = Path(__file__).resolve().parent.parent / "locales"
"""Where the catalogues are: `<language>/LC_MESSAGES/messages.po`, and the template."""
DOMAIN = "messages"

_ENGLISH = gettext_module.NullTranslations()
_active: ContextVar[gettext_module.NullTranslations] = ContextVar("language", default=_ENGLISH)
ENGLISH_LOCALE = Locale("en")
_active_locale: ContextVar[Locale] = ContextVar("locale", default=ENGLISH_LOCALE)


def _(message: str) -> str:
    """`message` in the language being spoken."""
    return _active.get().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a message for the number `n` in the language being spoken."""
    return _active.get().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the language being spoken, where the same English words need telling
    apart (a short weekday name, a button)."""
    return _active.get().pgettext(context, message)


@dataclass(frozen=True, slots=True)
class Text:
    """A module-level message: marked for extraction where it is defined (`N_`), translated
    each time it is used, so it is said in the language of whoever it is said to."""

    message: str

    def __call__(self) -> str:
        return _(self.message)

    def __str__(self) -> str:
        return _(self.message)

    def format(self, **values: object) -> str:
        """Translated, then its `{placeholders}` filled."""
        return _(self.message).format(**values)


def N_(message: str) -> Text:
    """Mark a module-level message: it is translated when used, not when imported."""
    return Text(message)


def locale() -> Locale:
    """The Babel locale of the language being spoken, for what Babel words from its own data
    (CLDR) rather than our catalogues: month and weekday names, decimal numbers."""
    return _active_locale.get()


def babel_locale(language: str | None) -> Locale:
    """The Babel locale for a Telegram `language_code` ("pt-br" is `pt_BR`, else `pt`);
    English when Babel knows neither (the pseudo-locale `en-XA` too)."""
    for tag in _candidates(language or ""):
        try:
            return Locale.parse(tag)
        except (UnknownLocaleError, ValueError):
            continue
    return ENGLISH_LOCALE


def placeholders(message: str) -> frozenset[str]:
    """The `{names}` a message fills (a translation must keep exactly these)."""
    return frozenset(
        name for _text, name, _spec, _conversion in string.Formatter().parse(message) if name
    )


def _keeps_placeholders(ids: Sequence[str], strings: Sequence[str]) -> bool:
    """A translation fills the placeholders of its message id, and no others (a plural form
    may leave the number out: "one use" for "{count} uses")."""
    expected = frozenset().union(*(placeholders(text) for text in ids))
    if len(ids) == 1:
        return all(placeholders(text) == expected for text in strings if text)
    return all(placeholders(text) <= expected for text in strings if text)


def _forms(text: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """A message's forms: one, or one per plural form."""
    return (text,) if isinstance(text, str) else tuple(text)


def _checked(catalog: Catalog, path: Path) -> Catalog:
    """The catalogue without translations whose placeholders differ from their message id's
    (those would fail, or lose a value, when filled): English is said instead, and logged."""
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = _forms(message.id)
        strings = _forms(message.string)
        plural = len(ids) > 1
        if not _keeps_placeholders(ids, strings):
            log.warning("%s: %r keeps other placeholders than its message id", path, ids[0])
            message.string = tuple("" for _text in strings) if plural else ""
    return catalog


def compile_po(path: Path) -> Translations:
    """A `.po` file compiled in memory."""
    with path.open("rb") as po:
        catalog = read_po(po, domain=DOMAIN)
    buffer = BytesIO()
    write_mo(buffer, _checked(catalog, path))
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def _candidates(language: str) -> list[str]:
    """'pt-br' → ['pt_br', 'pt']: the full tag first, then its language alone (lower case)."""
    tag = language.strip().replace("-", "_").lower()
    base = tag.split("_", 1)[0]
    return [tag, base] if base != tag else [tag]


class Catalogues:
    """The translations there are, by language tag (`pt_BR`, `de`)."""

    def __init__(self, translations: Mapping[str, gettext_module.NullTranslations]) -> None:
        self._by_tag = {tag.lower(): found for tag, found in translations.items()}
        self.languages = frozenset(translations)

    @classmethod
    def from_directory(cls, directory: Path) -> Catalogues:
        """Every `<language>/LC_MESSAGES/messages.po` under `directory`."""
        found = sorted(directory.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
        return cls({path.parent.parent.name: compile_po(path) for path in found})

    def find(self, language: str | None) -> gettext_module.NullTranslations:
        """The catalogue for a Telegram `language_code` ("pt-br" finds `pt_BR`, else `pt`);
        English when there is none."""
        for tag in _candidates(language or ""):
            if tag in self._by_tag:
                return self._by_tag[tag]
        return _ENGLISH


_installed: Catalogues | None = None


def catalogues() -> Catalogues:
    """The catalogues in use: the shipped ones, read on first use."""
    global _installed
    if _installed is None:
        _installed = Catalogues.from_directory(LOCALES)
    return _installed


def install(chosen: Catalogues | None) -> None:
    """Use `chosen` from now on (None: the shipped ones, read again)."""
    global _installed
    _installed = chosen


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Say everything in `language` (a Telegram `language_code`; None or unknown: English)
    until the block ends."""
    token = _active.set(catalogues().find(language))
    locale_token = _active_locale.set(babel_locale(language))
    try:
        yield
    finally:
        _active_locale.reset(locale_token)
        _active.reset(token)
