"""Pacing outgoing calls at Telegram's broadcast limit without bursts.

python-telegram-bot's `AIORateLimiter` lets its whole per-second allowance through at once and
then refills it, so a fan-out can put close to twice the allowance into one second; Telegram
answers 429, and the limiter pauses *every* request for `retry_after`. `PacedRateLimiter` lets
one message through every 1/29.3 s instead (just under Telegram's 30 messages per second), on
a fixed grid (`Pacer`), so the event loop's small delays do not add up into a slower rate.

Edits and callback answers are replies to something the member just did, and Telegram's
broadcast limit is about new messages: they skip the pacing queue (so pressing a button is
answered at once even while reminders go out) but keep the 429 retries.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import timedelta
from types import TracebackType
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import AIORateLimiter

MESSAGES_PER_SECOND = 29.3
"""Just under Telegram's documented 30 messages per second for a bot: evenly spaced, any
one-second window holds at most 30."""

_UNPACED_PREFIXES = ("edit", "answercallbackquery")

JSONDict = dict[str, Any]
Request = Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]]

RETRY_MARGIN = 0.1
"""Seconds added to Telegram's `retry_after`, as `AIORateLimiter` adds them."""


class Pacer:
    """`async with pacer:` waits for the next send slot; slots are 1/`per_second` apart.

    Each slot is placed one interval after the previous *slot*, not after the moment its
    waiter happened to wake up, so a steady stream runs at exactly `per_second`; after a
    pause the next slot is now, never a burst of saved-up ones.
    """

    def __init__(self, per_second: float) -> None:
        self._interval = 1 / per_second
        self._next = 0.0
        self._held_until = 0.0

    def hold(self, seconds: float) -> None:
        """No slot before `seconds` from now (Telegram asked us to wait); waiters whose
        slot falls inside the hold take a new one after it."""
        self._held_until = max(self._held_until, asyncio.get_running_loop().time() + seconds)
        self._next = max(self._next, self._held_until)

    async def __aenter__(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            slot = max(now, self._next)
            self._next = slot + self._interval
            if slot > now:
                await asyncio.sleep(slot - now)
            if loop.time() >= self._held_until:
                return

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None


class PacedRateLimiter(AIORateLimiter):
    """`AIORateLimiter`'s 429 retries, with calls into a chat paced by a `Pacer`."""

    def __init__(self, per_second: float = MESSAGES_PER_SECOND, max_retries: int = 5) -> None:
        # The base class's own bucket is switched off: it allows bursts (see above).
        super().__init__(overall_max_rate=0, overall_time_period=0, max_retries=max_retries)
        self._pacer = Pacer(per_second)

    async def process_request(
        self,
        callback: Request,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        if "chat_id" in data and not endpoint.lower().startswith(_UNPACED_PREFIXES):
            callback = self._paced(callback)
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )

    def _paced(self, callback: Request) -> Request:
        """`callback` taking a pacer slot just before each attempt leaves.

        The base class retries a 429 after `retry_after` and holds every other request
        meanwhile; the slot is taken after that hold, and a 429 moves the pacer past the
        pause, so the held requests leave evenly spaced, not in the burst that would
        earn the next 429.
        """

        async def paced(*args: Any, **kwargs: Any) -> bool | JSONDict | list[JSONDict]:
            async with self._pacer:
                pass
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                self._pacer.hold(_seconds(error.retry_after) + RETRY_MARGIN)
                raise

        return paced


def _seconds(retry_after: float | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else retry_after
