"""Coach rights go by the user, not the chat: in a coach group (a negative id in
COACH_CHAT_IDS) only known coaches get coach answers, and a member's /start in a group is
refused, so their chat never moves there."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_bot import COACH_USER_ID, RunningBot, make_settings
from tests_support import stored_member

from bot.config import Settings
from bot.render import keyboards
from bot.render.commands import coach_commands
from emulator import BotApiEmulator, ChatState, SimulatedUser
from storage import repository

COACH_GROUP, OTHER_GROUP = -100_500, -100_600
REFUSAL = "Sorry, that's only for the coach. /help lists what I can do for you."
PRIVATE_ONLY = "Let's talk one to one: open a private chat with me and send /start there."


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    """The coach as owner, and a coach group the bot is in (known before it starts)."""
    emulator.group(COACH_GROUP, "Coaches")
    return make_settings(emulator, tmp_path, coach_chat_ids=(COACH_USER_ID, COACH_GROUP))


@pytest.fixture
def group(running_bot: RunningBot) -> ChatState:
    return running_bot.emulator.chat(COACH_GROUP)


@pytest.mark.parametrize(
    ("command", "args"),
    [("/export", ""), ("/members", ""), ("/member", "1"), ("/flags", ""), ("/invite", "x")],
)
async def test_a_member_in_a_coach_group_is_refused_coach_commands(
    running_bot: RunningBot, maya: SimulatedUser, group: ChatState, command: str, args: str
) -> None:
    in_group = maya.in_chat(group)
    await in_group.send_command(command, args)
    assert (await in_group.wait_for_message()).text == REFUSAL
    assert not [m for m in group.messages if m.file is not None]


async def test_a_coach_in_the_coach_group_may_use_coach_commands(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, group: ChatState
) -> None:
    in_group = coach.in_chat(group)
    await in_group.send_command("/members")
    assert ((await in_group.wait_for_message()).text or "").startswith("Members (1):\nMaya")


async def test_a_coach_in_a_group_that_is_not_configured_is_refused(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    in_group = coach.in_chat(running_bot.emulator.group(OTHER_GROUP, "Gym friends"))
    await in_group.send_command("/members")
    assert (await in_group.wait_for_message()).text == REFUSAL


async def test_a_members_start_in_a_group_is_refused_and_their_chat_stays_private(
    running_bot: RunningBot, maya: SimulatedUser, group: ChatState
) -> None:
    in_group = maya.in_chat(group)
    await in_group.send_command("/start")
    assert (await in_group.wait_for_message()).text == PRIVATE_ONLY
    assert (await stored_member(running_bot, maya)).chat_id == maya.id


async def test_a_strangers_start_in_a_group_stores_nobody(
    running_bot: RunningBot, emulator: BotApiEmulator, group: ChatState
) -> None:
    stranger = emulator.user(user_id=100_077, first_name="Ola").in_chat(group)
    await stranger.send_command("/start")
    assert (await stranger.wait_for_message()).text == PRIVATE_ONLY
    async with running_bot.services.database.transaction() as session:
        assert await repository.members.by_user_id(session, stranger.id) is None


async def test_a_member_command_in_a_group_gets_the_hint(
    running_bot: RunningBot, maya: SimulatedUser, group: ChatState
) -> None:
    in_group = maya.in_chat(group)
    await in_group.send_command("/today")
    assert (await in_group.wait_for_message()).text == PRIVATE_ONLY


async def test_a_coach_button_pressed_in_the_group_by_a_member_is_refused(
    running_bot: RunningBot, maya: SimulatedUser, group: ChatState
) -> None:
    bot = running_bot.application.bot
    await bot.send_message(COACH_GROUP, "forged", reply_markup=keyboards.flag_actions(1, 1))
    in_group = maya.in_chat(group)
    await in_group.wait_for_message(lambda m: m.text == "forged")
    press = await in_group.press("Open member")
    await running_bot.emulator.wait_until(lambda: press.answered)
    assert (press.answer_text, press.show_alert) == (REFUSAL, True)
    assert group.bot_messages[-1].text == "forged"


async def test_group_chatter_is_left_alone(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, group: ChatState
) -> None:
    await maya.in_chat(group).send_text("see you all at the gym")
    await coach.in_chat(group).send_command("/flags")
    await coach.in_chat(group).wait_for_message()
    assert [m.text for m in group.bot_messages] == ["No open flags. 👍"]


async def test_a_command_for_another_bot_is_left_alone(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, group: ChatState
) -> None:
    await maya.in_chat(group).send_command("/start@some_other_bot")
    await coach.in_chat(group).send_command("/flags@coach_test_bot")
    await coach.in_chat(group).wait_for_message()
    assert [m.text for m in group.bot_messages] == ["No open flags. 👍"]


async def test_the_coach_group_shows_the_coach_commands(
    running_bot: RunningBot, coach: SimulatedUser, group: ChatState
) -> None:
    assert coach.in_chat(group).menu == [*(name for name, _ in coach_commands(owner=False)), "help"]
