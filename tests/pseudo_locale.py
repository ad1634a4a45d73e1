"""A pseudo-locale, `en-XA`, made from the message template: every message comes back with
its letters accented and inside ⟦brackets⟧ ("Done" → "⟦Đöñé⟧"), its placeholders, HTML tags
and /commands untouched. A conversation in it shows at a glance any words of the bot that do
not go through the catalogues: they are the only plain ASCII letters left."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_day_names, get_month_names, get_period_names
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.render import i18n
from bot.render.keyboards import COMMON_ZONES
from protocols import loader

LANGUAGE = "en-XA"
"""The `language_code` a pseudo-locale user's Telegram sends."""
TAG = "en_XA"

_PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ACCENTED = "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ"
_LETTERS = str.maketrans(_PLAIN, _ACCENTED)
_KEPT = re.compile(r"\{[^{}]*\}|</?(?:b|i)>|/[a-z_]+|https?://\S+")
"""Placeholders, the card's HTML tags and /commands: a translation keeps them as they are."""
_LEFT_AS_IS = re.compile(r"/[a-z_]+(?:@\w+)?|@\w+")
"""What a translation keeps untranslated: /commands, @usernames."""


BABEL_NAMES = frozenset(
    str(name)
    for names in (
        get_month_names("abbreviated", locale="en"),
        get_day_names("abbreviated", locale="en"),
        get_period_names(locale="en"),
    )
    for name in names.values()
)
"""Month and weekday names (and AM, PM) are Babel's (CLDR data), not the catalogues': Babel
does not know the pseudo-locale, so it names them in English
(`tests/render/test_dates_in_languages.py` shows them in German)."""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value.strip()
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _not_the_bots() -> frozenset[str]:
    folder = Path(loader.__file__).parent / "data"
    protocols = {
        text
        for path in folder.glob("*.yaml")
        for text in _strings(yaml.safe_load(path.read_text()))
    }
    zones = set(COMMON_ZONES) | {zone.rsplit("/", 1)[-1].replace("_", " ") for zone in COMMON_ZONES}
    return frozenset(protocols | zones | {"UTC"} | BABEL_NAMES)


NOT_THE_BOTS = _not_the_bots()
"""Words that are not the bot's: the protocols' texts, time zones and place names, Babel's."""


def pseudo(message: str) -> str:
    """'Hi {name}! /start' → '⟦Ĥî {name}! /start⟧'."""
    out: list[str] = []
    last = 0
    for kept in _KEPT.finditer(message):
        out += [message[last : kept.start()].translate(_LETTERS), kept.group()]
        last = kept.end()
    out.append(message[last:].translate(_LETTERS))
    return "⟦" + "".join(out) + "⟧"


def template() -> Catalog:
    with i18n.LOCALES.joinpath("messages.pot").open("rb") as pot:
        return read_po(pot)


def pseudo_catalogue() -> Catalog:
    """The template with every message pseudo-translated (plural forms as English's)."""
    catalog = template()
    catalog.locale = "en"
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            message.string = tuple(pseudo(form) for form in message.id)
        else:
            message.string = pseudo(message.id)
    return catalog


def write_catalogue(directory: Path) -> Path:
    """The pseudo-locale as `<directory>/en_XA/LC_MESSAGES/messages.po`."""
    path = directory / TAG / "LC_MESSAGES" / f"{i18n.DOMAIN}.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as po:
        write_po(po, pseudo_catalogue())
    return path


@contextmanager
def installed(directory: Path) -> Iterator[i18n.Catalogues]:
    """The bot speaks the shipped catalogues and the pseudo-locale until the block ends."""
    write_catalogue(directory)
    catalogues = i18n.Catalogues.from_directory(directory)
    i18n.install(catalogues)
    try:
        yield catalogues
    finally:
        i18n.install(None)


def untranslated(text: str, data: Iterable[str]) -> list[str]:
    """The words of `text` in plain ASCII letters once the member's and the coach's own data
    (`data`: names, protocol texts, place names), /commands and @usernames are taken out:
    words of the bot that missed the catalogues."""
    for item in sorted(set(data), key=len, reverse=True):
        text = text.replace(item, " ")
    return re.findall(r"[A-Za-z]+", _LEFT_AS_IS.sub(" ", text))
