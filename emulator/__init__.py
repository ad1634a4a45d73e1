"""A local Telegram Bot API emulator for tests, the demo and benchmarks.

It imports nothing of the bot: the real ``telegram.ext.Application`` talks to it over HTTP.
"""

from emulator.emulator import BotApiEmulator
from emulator.errors import ApiError
from emulator.faults import Faults, FloodLimiter
from emulator.model import (
    ApiRequest,
    Button,
    CallbackQueryRecord,
    ChatEvent,
    ChatMessage,
    ChatState,
    MessageVersion,
    ReplyButton,
    StoredFile,
)
from emulator.state import Subscription
from emulator.users import SimulatedUser

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
    "ReplyButton",
    "SimulatedUser",
    "StoredFile",
    "Subscription",
]
