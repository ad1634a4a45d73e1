"""The command menus, by scope (`setMyCommands`): the member commands in every private chat,
the coach commands in each coach's own chat (`BotCommandScopeChat`) and in coach groups.

Published at start-up, and again for one person when they become or stop being a coach, or
start or stop training as a member. Telegram refuses a chat scope for a chat the bot cannot
reach yet (a coach who has never written to it); that is logged, and their menu is published
when they first send /start.

Each menu is published in English for everyone, and again in each language there is a
catalogue for (`language_code`), so Telegram shows a person the menu in their app's language.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import TelegramError

from bot.context import BotServices
from bot.render import commands
from bot.render.i18n import catalogues, speaking
from bot.sender import AnyBot
from bot.services import coaches

log = logging.getLogger(__name__)


Menu = Callable[[], list[commands.Command]]
"""Makes a menu in the language being spoken."""


def _languages() -> list[str | None]:
    """None (the default menu, English), then each language with a catalogue, as the
    two-letter code Telegram takes ("pt" for pt_BR)."""
    return [None, *sorted({tag.split("_")[0].lower() for tag in catalogues().languages})]


def _in_each_language(menu: Menu) -> list[tuple[str | None, list[BotCommand]]]:
    said = []
    for language in _languages():
        with speaking(language):
            said.append((language, [BotCommand(name, words) for name, words in menu()]))
    return said


async def publish_all(bot: AnyBot, services: BotServices) -> None:
    """Every menu: members', each coach's and each coach group's."""
    for language, menu in _in_each_language(commands.member_commands):
        await bot.set_my_commands(
            menu, scope=BotCommandScopeAllPrivateChats(), language_code=language
        )
    for user_id, roles in await coaches.everyone_with_roles(services):
        await _publish(bot, user_id, roles)
    for group_id in sorted(services.settings.coach_group_ids):
        await _set(bot, group_id, commands.group_menu)


async def publish_for(bot: AnyBot, services: BotServices, user_id: int) -> None:
    """This person's own menu, after their roles changed: the coach menu for a coach, and
    the members' menu for anyone else."""
    await _publish(bot, user_id, await coaches.roles(services, user_id))


async def _publish(bot: AnyBot, user_id: int, roles: coaches.Roles) -> None:
    if roles.coach is None:
        try:
            for language in _languages():
                await bot.delete_my_commands(
                    scope=BotCommandScopeChat(user_id), language_code=language
                )
        except TelegramError as error:
            log.info("menu of chat %s not reset: %s", user_id, error)
        return
    owner, member = roles.coach.owner, roles.member
    await _set(bot, user_id, lambda: commands.coach_menu(owner=owner, member=member))


async def _set(bot: AnyBot, chat_id: int, menu: Menu) -> None:
    try:
        for language, said in _in_each_language(menu):
            await bot.set_my_commands(
                said, scope=BotCommandScopeChat(chat_id), language_code=language
            )
    except TelegramError as error:
        log.info("coach menu for chat %s not set yet: %s", chat_id, error)
