"""Coach commands and buttons (only from the chats in COACH_CHAT_IDS)."""

from __future__ import annotations

from bot.handlers.turn import ButtonFunction, CommandFunction

COMMANDS: dict[str, CommandFunction] = {}
BUTTONS: dict[type, ButtonFunction] = {}
