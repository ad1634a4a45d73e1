"""Command menus by scope, read from the emulator's recorded setMyCommands calls: members see
the member commands, a coach's own chat the coach commands, a coach who trains too both (the
coach ones marked), and a change of coaches changes the menus. /help follows the same lists."""

from __future__ import annotations

from typing import Any

from fixtures_bot import RunningBot, make_invite, onboard_with_code

from bot.render.commands import coach_commands, member_commands
from emulator import BotApiEmulator, SimulatedUser

MEMBER_MENU = [name for name, _ in member_commands()]
COACH_MENU = [name for name, _ in coach_commands(owner=False)]
OWNER_MENU = [*COACH_MENU, "coach", "help"]


def menu_calls(emulator: BotApiEmulator, chat_id: int | None = None) -> list[dict[str, Any]]:
    """The successful setMyCommands calls, for one chat's scope (or the all-private scope)."""
    scope = {"type": "chat", "chat_id": chat_id} if chat_id else {"type": "all_private_chats"}
    return [
        call.params
        for call in emulator.calls("setMyCommands")
        if call.status == 200 and call.params.get("scope") == scope
    ]


async def test_members_see_the_member_commands_in_every_private_chat(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    [call] = menu_calls(running_bot.emulator)
    assert [command["command"] for command in call["commands"]] == MEMBER_MENU
    assert member.menu == MEMBER_MENU


async def test_a_coach_known_at_start_up_gets_the_coach_menu_in_their_chat(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    coach.chat.known = True
    await running_bot.restart()
    [call] = menu_calls(running_bot.emulator, coach.id)
    assert [command["command"] for command in call["commands"]] == OWNER_MENU
    assert coach.menu == OWNER_MENU


async def test_a_coach_who_never_wrote_gets_their_menu_with_their_first_start(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    assert menu_calls(running_bot.emulator, coach.id) == []  # Telegram refused: chat not found
    await coach.send_command("/start")
    await coach.wait_for_message()
    assert coach.menu == OWNER_MENU


async def test_a_coach_who_trains_too_sees_both_lists_the_coach_ones_marked(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await onboard_with_code(coach, await make_invite(coach))
    last = menu_calls(running_bot.emulator, coach.id)[-1]["commands"]
    assert [command["command"] for command in last] == [*MEMBER_MENU, *COACH_MENU, "coach"]
    marked = [command["description"] for command in last[len(MEMBER_MENU) :]]
    assert all(description.startswith("Coach · ") for description in marked)
    assert not any(command["description"].startswith("Coach") for command in last[:3])


async def test_adding_a_coach_gives_them_the_coach_menu_and_removing_takes_it_away(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    sam = running_bot.emulator.user(user_id=900_002, first_name="Sam", known=True)
    assert sam.menu == MEMBER_MENU
    await coach.send_command("/coach", f"add {sam.id}")
    await coach.wait_for_message()
    assert sam.menu == [*COACH_MENU, "help"]
    await coach.send_command("/coach", f"remove {sam.id}")
    await coach.wait_for_message()
    assert sam.menu == MEMBER_MENU
    assert running_bot.emulator.calls("deleteMyCommands")[-1].params["scope"] == {
        "type": "chat",
        "chat_id": sam.id,
    }


async def test_a_coachs_help_lists_the_coach_commands(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/help")
    help_text = (await coach.wait_for_message()).text or ""
    assert help_text.startswith("Your coach commands:\n/members: Your members at a glance\n")
    assert "/invite: A link for a new member" in help_text
    assert "/coach: Add, remove or list coaches" in help_text
    assert "/today" not in help_text


async def test_a_coach_who_trains_too_gets_both_in_help(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await onboard_with_code(coach, await make_invite(coach))
    await coach.send_command("/help")
    reply = await coach.wait_for_message(lambda m: "commands" in (m.text or ""))
    help_text = reply.text or ""
    assert help_text.startswith("Your coach commands:\n")
    assert "\n\nFor your own training:\n/today: start or continue today's session" in help_text


async def test_a_members_help_lists_the_member_commands(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.send_command("/help")
    help_text = (await member.wait_for_message()).text or ""
    assert help_text.startswith("Here's what I can do:\n/today")
    assert "/members" not in help_text


async def test_a_coach_who_is_no_member_is_not_told_to_set_up_when_they_chat(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_text("hello")
    assert ((await coach.wait_for_message()).text or "").startswith(
        "To write to a member, reply to a message about them"
    )
