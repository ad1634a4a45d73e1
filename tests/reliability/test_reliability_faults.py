"""Telegram faults injected by the emulator: 429 bursts, 500/502, a blocked chat, a deleted
message, a duplicated update. The bot retries where Telegram says so, never records a step
twice, and keeps serving the other members."""

from __future__ import annotations

import asyncio
import logging

import pytest
from fixtures_bot import RunningBot, onboard
from reliability_support import answer_steps, eventually, is_step, step_number, stored_state
from tests_support import start_today

from bot.render import texts
from bot.render.card import RESUMED_NOTICE
from emulator import BotApiEmulator, SimulatedUser

OTHER_USER_ID = 100_002


@pytest.fixture
def other(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(user_id=OTHER_USER_ID, first_name="Sam", username="sam")


async def test_bursts_of_429_are_retried_and_every_step_arrives(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    step = await start_today(member)
    for number in range(1, 4):  # three bursts: 2 + 2 + 2 answers of 429 with retry_after=1
        emulator.faults.rate_limit(calls=2, retry_after=1, method="editMessageText")
        await member.press("Done", step)
        await member.wait_for_edit(step, timeout=10)
        assert step_number(step) == number + 1
    stored = await stored_state(running_bot.services.database, member.id)
    assert stored.answers == [(0, "done"), (1, "done"), (2, "done")]
    rejected = [r for r in emulator.calls("editMessageText") if r.status == 429]
    assert len(rejected) == 6


async def test_server_errors_lose_nothing_and_today_resumes(
    running_bot: RunningBot,
    member: SimulatedUser,
    emulator: BotApiEmulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await onboard(member)
    step = await start_today(member)
    for code in (500, 502):
        # The card cannot be edited: the answer is saved, the member is told, and /today
        # sends the card again at the step they are on.
        emulator.faults.server_error(code=code, calls=1, method="editMessageText")
        await member.press("Done", step)
        await member.wait_for_message(lambda m: m.text == texts.SOMETHING_WENT_WRONG())
        step = await start_today(member)
        assert RESUMED_NOTICE() in (step.text or "")
    assert step_number(step) == 3
    stored = await stored_state(running_bot.services.database, member.id)
    assert stored.answers == [(0, "done"), (1, "done")]


async def test_a_member_who_blocked_the_bot_is_marked_inactive_and_others_are_served(
    running_bot: RunningBot,
    member: SimulatedUser,
    other: SimulatedUser,
    emulator: BotApiEmulator,
) -> None:
    await onboard(member)
    await onboard(other)
    other_step = await start_today(other)
    emulator.faults.block_chat(other.id)
    await other.press("Done", other_step)  # the bot's answer to it gets 403
    database = running_bot.services.database

    async def inactive() -> bool:
        stored = await stored_state(database, other.id)
        return stored.member is not None and stored.member.inactive

    await eventually(inactive)
    # the answer pressed before the 403 is kept, once
    assert (await stored_state(database, other.id)).answers == [(0, "done")]
    # the other member is still served
    await start_today(member)
    await answer_steps(member, 2)


async def test_a_deleted_step_message_is_skipped_and_the_flow_continues(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    step = await start_today(member)
    emulator.faults.delete_message(member.id, step.message_id)
    button = step.find_button("Done")
    assert button is not None
    assert button.callback_data is not None
    edits_before = len(emulator.calls("editMessageText"))
    query = await member.send_callback(button.callback_data, step)
    await emulator.wait_until(lambda: query.answered)
    await emulator.wait_until(lambda: len(emulator.calls("editMessageText")) > edits_before)
    assert emulator.calls("editMessageText")[-1].status == 400
    stored = await stored_state(running_bot.services.database, member.id)
    assert stored.answers == [(0, "done")]
    await member.send_command("/today")  # the card comes back at the step after
    following = await member.wait_for_message(is_step)
    assert step_number(following) == 2


async def test_an_update_delivered_twice_is_recorded_once(
    running_bot: RunningBot,
    member: SimulatedUser,
    emulator: BotApiEmulator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await onboard(member)
    step = await start_today(member)
    emulator.faults.duplicate_next_update()
    await member.press("Done", step)
    await member.wait_for_edit(step)
    await emulator.wait_until(lambda: len(emulator.calls("answerCallbackQuery")) >= 2)
    await asyncio.sleep(0.5)  # let the second delivery finish (and any error handler run)
    stored = await stored_state(running_bot.services.database, member.id)
    assert stored.answers == [(0, "done")]
    assert step_number(step) == 2
    assert [m for m in member.messages if m.from_bot and is_step(m)] == [step]
    # the second delivery answers an already answered query: no error, no apology to the member
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [m for m in member.messages if m.text == texts.SOMETHING_WENT_WRONG()]
