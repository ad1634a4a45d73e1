"""Command lists by scope, and groups: what the emulator keeps per scope, which list a person
sees in a chat (as Telegram picks it), and people writing in a group."""

from __future__ import annotations

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    BotCommandScopeChatMember,
    BotCommandScopeDefault,
)
from telegram.error import BadRequest

from emulator import BotApiEmulator

GROUP = -100_123


async def test_each_chat_scope_keeps_its_own_list(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    first, second = emulator.user(1, known=True), emulator.user(2, known=True)
    await emulator_bot.set_my_commands([BotCommand("a", "A")], scope=BotCommandScopeChat(first.id))
    await emulator_bot.set_my_commands([BotCommand("b", "B")], scope=BotCommandScopeChat(second.id))
    listed = await emulator_bot.get_my_commands(scope=BotCommandScopeChat(first.id))
    assert [command.command for command in listed] == ["a"]
    assert (first.menu, second.menu) == (["a"], ["b"])


async def test_a_person_sees_the_narrowest_list_that_applies(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    coach, member = emulator.user(1, known=True), emulator.user(2, known=True)
    await emulator_bot.set_my_commands([BotCommand("d", "D")], scope=BotCommandScopeDefault())
    assert member.menu == ["d"]
    await emulator_bot.set_my_commands(
        [BotCommand("m", "M")], scope=BotCommandScopeAllPrivateChats()
    )
    await emulator_bot.set_my_commands([BotCommand("c", "C")], scope=BotCommandScopeChat(coach.id))
    assert (coach.menu, member.menu) == (["c"], ["m"])
    await emulator_bot.delete_my_commands(scope=BotCommandScopeChat(coach.id))
    assert coach.menu == ["m"]


async def test_a_group_member_scope_comes_before_the_groups_list(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    group = emulator.group(GROUP)
    alex, kim = emulator.user(1), emulator.user(2)
    await emulator_bot.set_my_commands([BotCommand("g", "G")], scope=BotCommandScopeChat(GROUP))
    await emulator_bot.set_my_commands(
        [BotCommand("k", "K")], scope=BotCommandScopeChatMember(GROUP, kim.id)
    )
    assert (alex.in_chat(group).menu, kim.in_chat(group).menu) == (["g"], ["k"])


async def test_a_chat_scope_for_a_chat_the_bot_cannot_reach_is_refused(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    stranger = emulator.user(7)  # never wrote to the bot
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await emulator_bot.set_my_commands(
            [BotCommand("a", "A")], scope=BotCommandScopeChat(stranger.id)
        )


async def test_a_message_in_a_group_comes_from_the_person_in_the_group_chat(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    group = emulator.group(GROUP, "Coaches")
    await emulator.user(1, "Alex").in_chat(group).send_command("/members")
    [update] = await emulator_bot.get_updates()
    assert update.effective_message is not None
    assert update.effective_message.chat.type == "group"
    assert update.effective_message.chat.id == GROUP
    assert update.effective_user is not None
    assert update.effective_user.id == 1
    await emulator_bot.send_message(GROUP, "hello group")
    assert [m.text for m in group.bot_messages] == ["hello group"]


def test_a_group_needs_a_negative_id(emulator: BotApiEmulator) -> None:
    with pytest.raises(ValueError, match="negative"):
        emulator.group(5)
