"""Pacing outgoing calls at Telegram's broadcast limit without bursts.

python-telegram-bot's `AIORateLimiter` lets its whole per-second allowance through at once and
then refills it, so a fan-out can put close to twice the allowance into one second; Telegram
answers 429, and the limiter pauses *every* request for `retry_after`. `PacedRateLimiter` lets
one message through every 1/29 s instead (just under Telegram's 30 messages per second).

Edits and callback answers are replies to something the member just did, and Telegram's
broadcast limit is about new messages: they skip the pacing queue (so pressing a button is
answered at once even while reminders go out) but keep the 429 retries.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from telegram.ext import AIORateLimiter

MESSAGES_PER_SECOND = 29
"""Just under Telegram's documented 30 messages per second for a bot."""

_UNPACED_PREFIXES = ("edit", "answercallbackquery")

JSONDict = dict[str, Any]


class PacedRateLimiter(AIORateLimiter):
    def __init__(self, per_second: float = MESSAGES_PER_SECOND, max_retries: int = 5) -> None:
        super().__init__(
            overall_max_rate=1, overall_time_period=1 / per_second, max_retries=max_retries
        )

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        if endpoint.lower().startswith(_UNPACED_PREFIXES):
            # Without a chat id the base class applies no queue, only the retries.
            data = {key: value for key, value in data.items() if key != "chat_id"}
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )
