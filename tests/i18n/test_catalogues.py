"""The catalogues: the template is up to date with the code, translations are found by
Telegram's language codes, said when used, and never break a message's placeholders."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po
from pseudo_locale import LANGUAGE, installed, pseudo, pseudo_catalogue, template

from bot.render import i18n
from bot.render.i18n import N_, Catalogues, placeholders, speaking

ROOT = Path(__file__).resolve().parents[2]


def _ids(catalog: Catalog) -> set[tuple[str | None, str]]:
    return {
        (message.context, message.id if isinstance(message.id, str) else message.id[0])
        for message in catalog
        if message.id
    }


def test_the_template_holds_exactly_the_messages_of_the_code(tmp_path: Path) -> None:
    """`pybabel extract` as the README says it: a message added, changed or removed in the
    code without extracting again fails here (so does text marked with an unknown keyword)."""
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "--no-location",
         "--sort-output", "-o", str(fresh), str(ROOT)]
    )  # fmt: skip
    with fresh.open("rb") as pot:
        extracted = _ids(read_po(pot))
    committed = _ids(template())
    assert sorted(extracted - committed, key=str) == [], "extract again: messages missing"
    assert sorted(committed - extracted, key=str) == [], "extract again: messages gone"


def test_the_pseudo_locale_keeps_every_placeholder_and_changes_every_letter() -> None:
    for message in pseudo_catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for original, translated in zip(ids, strings, strict=True):
            assert placeholders(translated) == placeholders(original), original
            assert translated != original, original


def test_every_message_is_said_in_the_pseudo_locale(tmp_path: Path) -> None:
    """Written as a .po and compiled by the bot's loader, no message is lost or left as is."""
    with installed(tmp_path) as catalogues:
        pseudo_locale = catalogues.find(LANGUAGE)
        for message in template():
            if not message.id:
                continue
            if isinstance(message.id, tuple):
                singular, plural = message.id
                assert pseudo_locale.ngettext(singular, plural, 1) == pseudo(singular)
                assert pseudo_locale.ngettext(singular, plural, 5) == pseudo(plural)
            elif message.context:
                said = pseudo_locale.pgettext(message.context, message.id)
                assert said == pseudo(message.id)
            else:
                assert pseudo_locale.gettext(message.id) == pseudo(message.id)


@pytest.mark.parametrize(
    ("language_code", "found"),
    [
        ("pt-br", "pt_BR"),
        ("PT-BR", "pt_BR"),
        ("pt", "pt"),
        ("pt-pt", "pt"),
        ("de", None),
        ("", None),
        (None, None),
    ],
    ids=["region", "any-case", "language", "region-falls-back", "no-catalogue", "empty", "none"],
)
def test_a_telegram_language_code_finds_its_catalogue(
    tmp_path: Path, language_code: str | None, found: str | None
) -> None:
    for tag in ("pt_BR", "pt"):
        _write(tmp_path, tag, {"Done": f"Done ({tag})"})
    said = Catalogues.from_directory(tmp_path).find(language_code).gettext("Done")
    assert said == (f"Done ({found})" if found else "Done")


def test_a_module_level_text_is_said_in_the_language_it_is_used_in(tmp_path: Path) -> None:
    greeting = N_("Hi {name}!")
    _write(tmp_path, "pt", {"Hi {name}!": "Olá {name}!"})
    i18n.install(Catalogues.from_directory(tmp_path))
    try:
        with speaking("pt"):
            in_portuguese = greeting.format(name="Maya")
        in_english = greeting.format(name="Maya")
    finally:
        i18n.install(None)
    assert (in_portuguese, in_english) == ("Olá Maya!", "Hi Maya!")


def test_a_translation_that_changes_the_placeholders_is_replaced_by_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(tmp_path, "pt", {"Hi {name}!": "Olá {nome}!", "Done": "Feito"})
    with caplog.at_level(logging.WARNING):
        portuguese = Catalogues.from_directory(tmp_path).find("pt")
    assert portuguese.gettext("Hi {name}!") == "Hi {name}!"
    assert portuguese.gettext("Done") == "Feito"
    assert "Hi {name}!" in caplog.text


def _write(directory: Path, tag: str, translations: dict[str, str]) -> None:
    catalog = Catalog(locale=tag.split("_")[0])
    for message, translation in translations.items():
        catalog.add(message, translation)
    path = directory / tag / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as po:
        write_po(po, catalog)
