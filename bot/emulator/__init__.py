"""A local Telegram Bot API emulator for tests, the demo and benchmarks.

It imports nothing of the bot: the real ``telegram.ext.Application`` talks to it over HTTP.
"""

from bot.emulator.emulator import BotApiEmulator
from bot.emulator.errors import ApiError
from bot.emulator.faults import Faults, FloodLimiter
from bot.emulator.model import (
    ApiRequest,
    Button,
    CallbackQueryRecord,
    ChatEvent,
    ChatMessage,
    ChatState,
    MessageVersion,
    StoredFile,
)
from bot.emulator.state import Subscription
from bot.emulator.users import SimulatedUser

__all__ = [
    "ApiError",
    "ApiRequest",
    "BotApiEmulator",
    "Button",
    "CallbackQueryRecord",
    "ChatEvent",
    "ChatMessage",
    "ChatState",
    "Faults",
    "FloodLimiter",
    "MessageVersion",
    "SimulatedUser",
    "StoredFile",
    "Subscription",
]
