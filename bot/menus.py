"""The command menus, by scope (`setMyCommands`): the member commands in every private chat,
the coach commands in each coach's own chat (`BotCommandScopeChat`) and in coach groups.

Published at start-up, and again for one person when they become or stop being a coach, or
start or stop training as a member. Telegram refuses a chat scope for a chat the bot cannot
reach yet (a coach who has never written to it); that is logged, and their menu is published
when they first send /start.
"""

from __future__ import annotations

import logging

from telegram import BotCommand, BotCommandScopeAllPrivateChats, BotCommandScopeChat
from telegram.error import TelegramError

from bot.context import BotServices
from bot.render import commands
from bot.sender import AnyBot
from bot.services import coaches

log = logging.getLogger(__name__)


def _bot_commands(menu: list[commands.Command]) -> list[BotCommand]:
    return [BotCommand(name, description) for name, description in menu]


async def publish_all(bot: AnyBot, services: BotServices) -> None:
    """Every menu: members', each coach's and each coach group's."""
    await bot.set_my_commands(
        _bot_commands(commands.MEMBER_COMMANDS), scope=BotCommandScopeAllPrivateChats()
    )
    for user_id, roles in await coaches.everyone_with_roles(services):
        await _publish(bot, user_id, roles)
    for group_id in sorted(services.settings.coach_group_ids):
        await _set(bot, group_id, commands.group_menu())


async def publish_for(bot: AnyBot, services: BotServices, user_id: int) -> None:
    """This person's own menu, after their roles changed: the coach menu for a coach, and
    the members' menu for anyone else."""
    await _publish(bot, user_id, await coaches.roles(services, user_id))


async def _publish(bot: AnyBot, user_id: int, roles: coaches.Roles) -> None:
    if roles.coach is None:
        try:
            await bot.delete_my_commands(scope=BotCommandScopeChat(user_id))
        except TelegramError as error:
            log.info("menu of chat %s not reset: %s", user_id, error)
        return
    await _set(bot, user_id, commands.coach_menu(owner=roles.coach.owner, member=roles.member))


async def _set(bot: AnyBot, chat_id: int, menu: list[commands.Command]) -> None:
    try:
        await bot.set_my_commands(_bot_commands(menu), scope=BotCommandScopeChat(chat_id))
    except TelegramError as error:
        log.info("coach menu for chat %s not set yet: %s", chat_id, error)
