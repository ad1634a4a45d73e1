"""Coach commands and buttons from anyone who is not a coach: one polite refusal, nothing
leaked."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from fixtures_bot import RunningBot

from bot.render import keyboards
from emulator import SimulatedUser
from storage import repository
from storage.models import FlagKind, FlagLevel

REFUSAL = "Sorry, that's only for the coach. /help lists what I can do for you."

COMMANDS = [
    ("/members", ""),
    ("/member", "1"),
    ("/member", "@maya"),
    ("/flags", ""),
    ("/ack", "1"),
    ("/assign", "1 7-exercise-protocol-lower-back-relief"),
    ("/export", ""),
    ("/msg", "@maya hello"),
    ("/invite", "lower-back-pain-relief-lvl1"),
    ("/invites", ""),
    ("/revoke", "abc"),
    ("/coach", "list"),
    ("/coach", "add 100001"),
]


@pytest.fixture
async def maya_on_record(running_bot: RunningBot, member: SimulatedUser) -> SimulatedUser:
    """A member with an open urgent flag: there is something to leak."""
    member.chat.known = True
    now = running_bot.services.clock()
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.upsert(
            session,
            telegram_user_id=member.id,
            chat_id=member.id,
            name="Maya",
            username="maya",
            time_zone=ZoneInfo("UTC"),
            now=now,
        )
        await repository.flags.add(
            session,
            stored.id,
            FlagKind.RED_FLAG,
            FlagLevel.URGENT,
            "severe_pain",
            "Pain 9",
            now=now,
        )
    return member


@pytest.mark.parametrize(("command", "args"), COMMANDS)
async def test_a_coach_command_is_refused_to_a_member(
    running_bot: RunningBot, maya_on_record: SimulatedUser, command: str, args: str
) -> None:
    await maya_on_record.send_command(command, args)
    assert (await maya_on_record.wait_for_message()).text == REFUSAL


@pytest.mark.parametrize("label", ["Acknowledge", "Open member", "Rest 2 days"])
async def test_a_coach_button_is_refused_to_a_member(
    running_bot: RunningBot, maya_on_record: SimulatedUser, label: str
) -> None:
    bot = running_bot.application.bot
    await bot.send_message(
        maya_on_record.id, "forged", reply_markup=keyboards.flag_actions(1, 1, ("Rest 2 days",))
    )
    await maya_on_record.wait_for_message(lambda m: m.text == "forged")
    press = await maya_on_record.press(label)
    await running_bot.emulator.wait_until(lambda: press.answered)
    assert press.answer_text == REFUSAL
    assert press.show_alert
    async with running_bot.services.database.transaction() as session:
        flag = await repository.flags.get(session, 1)
    assert flag is not None
    assert flag.acknowledged_at is None
    assert maya_on_record.messages[-1].text == "forged"
