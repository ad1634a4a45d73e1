"""The dashboard speaks the coach's language: the page's words, a flag's reason and the API's
errors, in the language of the coach's Telegram (the launch data's `language_code`), with
month and weekday names from Babel. The pseudo-locale `en-XA` shows any word that missed the
catalogues; a flag stored before reasons were messages is shown as its stored words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from fixtures_bot import COACH_USER_ID
from pseudo_locale import LANGUAGE, installed, pseudo
from web_support import Practice

from bot.render.dashboard_page import PAGE_WORDS, page_words
from bot.rules.reasons import N_plural, Reason, to_json
from bot.web.server import STATIC_DIR
from emulator import BotApiEmulator
from emulator.web_apps import init_data
from storage import repository
from storage.models import FlagKind, FlagLevel

_NAMED_IN_HTML = re.compile(r'data-(?:text|label|placeholder|abbr)="([a-z_0-9]+)"')
_NAMED_IN_SCRIPT = re.compile(r'\bt\("([a-z_0-9]+)"')


@pytest.fixture
def pseudo_locale(tmp_path: Path) -> Iterator[None]:
    with installed(tmp_path / "locales"):
        yield


async def _get(practice: Practice, emulator: BotApiEmulator, path: str, language: str) -> Any:
    """The API's answer to the coach whose Telegram speaks `language`: (status, JSON)."""
    coach = {"id": COACH_USER_ID, "first_name": "Coach", "language_code": language}
    signed = init_data(coach, emulator.bot_token, auth_date=int(datetime.now(UTC).timestamp()))
    async with (
        aiohttp.ClientSession() as http,
        http.get(practice.url + path, headers={"Authorization": f"tma {signed}"}) as response,
    ):
        return response.status, await response.json()


def test_every_word_the_page_and_its_script_name_is_served() -> None:
    named = set(_NAMED_IN_HTML.findall((STATIC_DIR / "index.html").read_text()))
    named |= set(_NAMED_IN_SCRIPT.findall((STATIC_DIR / "app.js").read_text()))
    assert named, "the page names no words"
    assert sorted(named - set(page_words())) == []


@pytest.mark.usefixtures("pseudo_locale")
async def test_the_pages_words_come_in_the_coachs_language(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    status, me = await _get(practice, emulator, "api/me", LANGUAGE)
    assert status == 200
    assert {key: me["words"][key] for key in PAGE_WORDS} == {
        key: pseudo(text.message) for key, text in PAGE_WORDS.items()
    }


async def test_month_names_come_from_babel_in_the_coachs_language(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    """German has no catalogue here: the page's sentences stay English, the months do not."""
    _status, me = await _get(practice, emulator, "api/me", "de")
    assert (me["words"]["month_2"], me["words"]["month_full_2"]) == ("März", "März")
    assert me["words"]["weekday_full_0"] == "Montag"


@pytest.mark.usefixtures("pseudo_locale")
async def test_a_flags_reason_comes_in_the_coachs_language(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    message = N_plural(
        "No session yet, {count} day after joining on {day}.",
        "No session yet, {count} days after joining on {day}.",
    )
    reason = Reason(message, {"count": 8, "day": date(2026, 3, 22)})
    now = datetime.now(UTC)
    async with practice.bot.services.database.transaction() as session:
        assert practice.maya.flag_id is not None
        await repository.flags.acknowledge(
            session, practice.maya.flag_id, coach_user_id=COACH_USER_ID, now=now
        )
        await repository.flags.add(
            session,
            practice.maya.member_id,
            FlagKind.PAIN,
            FlagLevel.HIGH,
            "no_recent_session",
            reason.english(),
            now=now,
            reason_message=to_json(reason),
        )
    _status, inbox = await _get(practice, emulator, "api/flags", LANGUAGE)
    day = pseudo("{weekday} {day} {month}").format(weekday="Sun", day=22, month="Mar")
    expected = pseudo(message[1]).format(count=8, day=day)
    assert [flag["reason"] for flag in inbox["flags"]] == [expected]


@pytest.mark.usefixtures("pseudo_locale")
async def test_a_flag_stored_before_reasons_were_messages_shows_its_words(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    _status, inbox = await _get(practice, emulator, "api/flags", LANGUAGE)
    assert [flag["reason"] for flag in inbox["flags"]] == ["Pain 8 after the last session."]


@pytest.mark.usefixtures("pseudo_locale")
async def test_the_apis_errors_come_in_the_coachs_language(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    status, answer = await _get(practice, emulator, "api/members/999999", LANGUAGE)
    assert (status, answer) == (404, {"error": pseudo("No such member.")})
