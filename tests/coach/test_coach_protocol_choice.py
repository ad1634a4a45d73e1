"""A protocol the coach chose (by /assign or an invite link) stays: the member's settings menu
no longer offers it, and forged presses change nothing."""

from __future__ import annotations

from fixtures_bot import PROTOCOL_2_NAME, RunningBot, has_button, make_invite, onboard_with_code
from tests_support import stored_member

from bot.render import callbacks as cb
from emulator import ChatMessage, SimulatedUser
from storage import repository

LEVEL_1 = "lower-back-pain-relief-lvl1"
LOCKED = "Your coach chose {title} for you, so it stays as it is."


async def _welcome_back(member: SimulatedUser) -> ChatMessage:
    await member.send_command("/start")
    return await member.wait_for_message(lambda m: (m.text or "").startswith("Welcome back"))


def _menu(message: ChatMessage) -> int:
    """The settings question `message` belongs to (a forged press names the current one)."""
    data = cb.decode(message.buttons[0].callback_data)
    assert isinstance(data, cb.Settings)
    return data.menu


async def _protocol(bot: RunningBot, member: SimulatedUser) -> str:
    stored = await stored_member(bot, member)
    async with bot.services.database.transaction() as session:
        enrolment = await repository.enrolments.active(session, stored.id)
    assert enrolment is not None
    return enrolment.protocol


async def test_a_member_who_chose_their_protocol_may_change_it(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    welcome = await _welcome_back(maya)
    assert has_button(welcome, "Protocol")
    await maya.press("Protocol")
    assert ((await maya.wait_for_message()).text or "").startswith("Which protocol")


async def test_after_assign_the_settings_menu_says_the_coach_chose_it(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/assign", f"@maya {PROTOCOL_2_NAME}")
    await maya.wait_for_message(lambda m: "Your coach has moved you" in (m.text or ""))
    welcome = await _welcome_back(maya)
    assert "You're on 7 Exercise Protocol for Lower Back Relief (your coach's choice)" in (
        welcome.text or ""
    )
    assert not has_button(welcome, "Protocol")
    assert has_button(welcome, "Days and time")


async def test_after_an_invite_the_settings_menu_offers_no_protocol(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser
) -> None:
    await onboard_with_code(member, await make_invite(coach))
    assert not has_button(await _welcome_back(member), "Protocol")


async def test_a_forged_protocol_setting_press_is_refused(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/assign", f"@maya {PROTOCOL_2_NAME}")
    await maya.wait_for_message(lambda m: "Your coach has moved you" in (m.text or ""))
    welcome = await _welcome_back(maya)
    await maya.send_callback(cb.encode(cb.Settings("protocol", _menu(welcome))), welcome)
    answer = (await maya.wait_for_message()).text or ""
    assert answer.startswith(LOCKED.format(title="7 Exercise Protocol for Lower Back Relief"))


async def test_a_forged_protocol_choice_changes_nothing(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/assign", f"@maya {PROTOCOL_2_NAME}")
    await maya.wait_for_message(lambda m: "Your coach has moved you" in (m.text or ""))
    welcome = await _welcome_back(maya)
    press = await maya.send_callback(cb.encode(cb.ChooseProtocol(LEVEL_1, _menu(welcome))), welcome)
    await running_bot.emulator.wait_until(lambda: press.answered)
    assert press.answer_text == LOCKED.format(title="7 Exercise Protocol for Lower Back Relief") + (
        " If you'd like a change, just ask them."
    )
    assert press.show_alert
    assert await _protocol(running_bot, maya) == PROTOCOL_2_NAME


async def test_assigning_the_same_protocol_makes_it_the_coachs_choice(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/assign", f"@maya {LEVEL_1}")
    answer = (await coach.wait_for_message()).text or ""
    assert answer == (
        "Maya is already on Lower Back Pain Relief, Level 1. It's your choice now, so they "
        "can't switch it themselves."
    )
    assert not has_button(await _welcome_back(maya), "Protocol")
