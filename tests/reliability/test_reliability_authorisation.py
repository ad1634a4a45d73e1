"""Authorisation and concurrency: crafted callback data never reads or changes another
member's data, coach buttons from a member do nothing, a double tap records one answer, and
the bot token stays out of the logs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator

import pytest
from fixtures_bot import RunningBot, onboard
from reliability_support import Stored, is_step, live_card, step_number, stored_state
from tests_support import start_today

from bot.app import RedactToken, configure_logging
from bot.render import texts
from emulator import BotApiEmulator, SimulatedUser
from storage import repository
from storage.models import FlagKind, FlagLevel

OTHER_USER_ID = 100_002


@pytest.fixture
def other(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(user_id=OTHER_USER_ID, first_name="Sam", username="sam")


def _snapshot(stored: Stored) -> tuple[object, ...]:
    assert stored.member is not None
    assert stored.session is not None
    return (
        stored.session.id,
        stored.session.status,
        stored.session.current_step,
        tuple(stored.answers),
        stored.member.awaiting,
        stored.member.paused,
        stored.member.inactive,
    )


async def test_crafted_data_naming_another_members_session_changes_nothing(
    running_bot: RunningBot, member: SimulatedUser, other: SimulatedUser
) -> None:
    database = running_bot.services.database
    await onboard(member)
    await start_today(member)
    before = _snapshot(await stored_state(database, member.id))
    session_id = before[0]
    assert isinstance(session_id, int)

    await onboard(other)
    own_step = await start_today(other)
    forged = [
        f"1:s:{session_id}:0:d",
        f"1:s:{session_id}:0:h",
        f"1:s:{session_id}:1:s",
        f"1:v:{session_id}:0",
        f"1:tm:{session_id}:0",
        f"1:pn:{session_id}:9",
        f"1:nn:{session_id}",
    ]
    for data in forged:
        query = await other.send_callback(data, own_step)
        await running_bot.emulator.wait_until(lambda q=query: q.answered)  # type: ignore[misc]
    assert _snapshot(await stored_state(database, member.id)) == before
    async with database.transaction() as session:
        assert await repository.check_ins.for_session(session, session_id) is None
    # the other member's own session is untouched too, and nothing of Maya's was shown
    assert (await stored_state(database, other.id)).answers == []
    assert not [m for m in other.messages if m.from_bot and "Maya" in (m.text or "")]
    # and Maya's own buttons still work
    card = await live_card(member)
    await member.press("Done", card)
    assert step_number(await member.wait_for_edit(card)) == 2


async def test_coach_buttons_pressed_by_a_member_do_nothing(
    running_bot: RunningBot, member: SimulatedUser, other: SimulatedUser
) -> None:
    database = running_bot.services.database
    await onboard(member)
    await onboard(other)
    async with database.transaction() as session:
        maya = await repository.members.by_user_id(session, member.id)
        assert maya is not None
        flag = await repository.flags.add(
            session,
            maya.id,
            FlagKind.RED_FLAG,
            FlagLevel.URGENT,
            "severe_pain",
            "pain 9",
            now=running_bot.services.clock(),
        )
        assert flag is not None
    screen = other.messages[-1]
    sent_before = len(other.messages)
    coach_buttons = (
        f"1:ack:{flag.id}",
        f"1:mem:{maya.id}",
        f"1:go_on:{maya.id}",
        "1:ack:1",
        "1:mem:1",
    )
    for data in coach_buttons:
        query = await other.send_callback(data, screen)
        await running_bot.emulator.wait_until(lambda q=query: q.answered)  # type: ignore[misc]
    async with database.transaction() as session:
        assert [f.id for f in await repository.flags.unacknowledged(session, maya.id)] == [flag.id]
    shown = [m.text or m.caption or "" for m in other.messages[sent_before:] if m.from_bot]
    assert not [text for text in shown if "Maya" in text or "pain 9" in text]


async def test_a_double_tap_records_one_answer(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    step = await start_today(member)
    data = step.find_button("Done").callback_data  # type: ignore[union-attr]
    assert data is not None
    edits = len(step.edit_history)
    # both presses queued before the bot sees either; handled concurrently by PTB
    emulator.faults.latency(0.05, method="answerCallbackQuery")
    first = await member.send_callback(data, step)
    second = await member.send_callback(data, step)
    await emulator.wait_until(lambda: first.answered and second.answered)
    await emulator.wait_until(lambda: len(step.edit_history) > edits)
    assert step_number(step) == 2
    await asyncio.sleep(0.3)
    stored = await stored_state(running_bot.services.database, member.id)
    assert stored.answers == [(0, "done")]
    assert stored.session is not None
    assert stored.session.current_step == 1
    assert len(step.edit_history) == edits + 1  # the card moved on once
    assert [m for m in member.messages if m.from_bot and is_step(m)] == [step]
    assert not [m for m in member.messages if m.text == texts.SOMETHING_WENT_WRONG()]


@pytest.fixture
def production_logging(emulator: BotApiEmulator) -> Iterator[None]:
    """The logging `run_bot` sets up, undone afterwards."""
    httpx = logging.getLogger("httpx")
    level = httpx.level
    configure_logging(emulator.bot_token)
    yield
    httpx.setLevel(level)
    for handler in logging.getLogger().handlers:
        for item in [f for f in handler.filters if isinstance(f, RedactToken)]:
            handler.removeFilter(item)


async def test_the_token_never_appears_in_logs_even_with_faults(
    production_logging: None,
    running_bot: RunningBot,
    member: SimulatedUser,
    emulator: BotApiEmulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    await onboard(member)
    step = await start_today(member)
    emulator.faults.rate_limit(calls=1, retry_after=1, method="editMessageText")
    await member.press("Done", step)
    await member.wait_for_edit(step, timeout=10)
    emulator.faults.server_error(code=502, calls=1, method="editMessageText")
    await member.press("Done", step)
    await member.wait_for_message(lambda m: m.text == texts.SOMETHING_WENT_WRONG())
    assert any(r.levelno >= logging.ERROR for r in caplog.records)  # the 502 was logged
    secret = emulator.bot_token.split(":", 1)[1]
    assert secret not in caplog.text
    for record in caplog.records:
        assert secret not in record.getMessage()
        assert secret not in (record.exc_text or "")


def test_the_redaction_filter_covers_messages_and_tracebacks() -> None:
    token = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef0123"
    try:
        raise RuntimeError(f"POST https://api.telegram.org/bot{token}/sendMessage failed")
    except RuntimeError as error:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "url %s", (token,), None)
        record.exc_info = (type(error), error, error.__traceback__)
    RedactToken(token).filter(record)
    assert token not in record.getMessage()
    assert token not in (record.exc_text or "")
    assert "<token>" in record.getMessage()
