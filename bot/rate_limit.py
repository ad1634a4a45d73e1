"""Pacing outgoing calls at Telegram's broadcast limit without bursts.

python-telegram-bot's `AIORateLimiter` lets its whole per-second allowance through at once and
then refills it, so a fan-out can put close to twice the allowance into one second; Telegram
answers 429, and the limiter pauses *every* request for `retry_after`. `PacedRateLimiter` lets
one message through every 1/29.3 s instead (just under Telegram's 30 messages per second), on
a fixed grid (`Pacer`), so the event loop's small delays do not add up into a slower rate.

Edits and callback answers are replies to something the member just did, and Telegram's
broadcast limit is about new messages: they skip the pacing queue (so pressing a button is
answered at once even while reminders go out) but keep the 429 retries.

A 429 holds the chat it answered, not the whole bot (`FloodHolds`): Telegram also limits each
chat to about a message a second, and one member's flooded chat must not stall the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
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

log = logging.getLogger(__name__)

RETRY_MARGIN = 0.1
"""Seconds added to Telegram's `retry_after`, as `AIORateLimiter` adds them."""


class Pacer:
    """`async with pacer:` waits for the next send slot; slots are 1/`per_second` apart.

    Waiters take their slots one at a time, in the order they came. Each slot is placed one
    interval after the previous *slot*, not after the moment its waiter happened to wake up,
    so a steady stream runs at exactly `per_second`; but never sooner than `MIN_GAP` of an
    interval after the previous grant, so a waiter that wakes late (the event loop was busy)
    does not make the next one a burst. After a pause the next slot is now, never a burst of
    saved-up ones.
    """

    MIN_GAP = 0.98
    """The least time between two grants, in intervals: a little under one, so sleep's own
    jitter does not slow a steady stream, and close enough to one that catching up after a
    stall (1/MIN_GAP of the rate: 29.9/s for the bot's 29.3/s) stays under Telegram's 30/s."""

    def __init__(self, per_second: float) -> None:
        self._interval = 1 / per_second
        self._next = 0.0
        self._granted = float("-inf")
        self._held_until = 0.0
        self._turn = asyncio.Lock()

    @property
    def held_until(self) -> float:
        """The event loop's time at which the current hold ends (past: no hold)."""
        return self._held_until

    def hold(self, seconds: float) -> None:
        """No slot before `seconds` from now (Telegram asked us to wait); a waiter whose slot
        falls inside the hold waits until after it."""
        self._held_until = max(self._held_until, asyncio.get_running_loop().time() + seconds)
        self._next = max(self._next, self._held_until)

    async def __aenter__(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._turn:
            while True:
                now = loop.time()
                slot = max(now, self._next, self._granted + self._interval * self.MIN_GAP)
                if slot <= now and now >= self._held_until:
                    self._granted = now
                    self._next = max(self._next, now - self._interval) + self._interval
                    return
                await asyncio.sleep(max(slot, self._held_until) - now)

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None


class FloodHolds:
    """Where Telegram's 429s ("retry after N seconds") apply: the chat they answered.

    Telegram limits each chat to about one message a second as well as the bot as a whole.
    A 429 answering a request into one chat holds that chat alone, so a member whose chat is
    flooded does not stall everyone else's replies. A 429 with no chat, or 429s from
    `chats_for_all` different chats within `window` seconds, means the bot-wide limit: the
    `Pacer` holds every chat.
    """

    def __init__(self, pacer: Pacer, chats_for_all: int = 3, window: float = 1.0) -> None:
        self._pacer = pacer
        self._chats_for_all = chats_for_all
        self._window = window
        self._chat_until: dict[object, float] = {}
        self._recent: deque[tuple[float, object]] = deque()

    def note(self, chat: object | None, seconds: float) -> None:
        """Telegram answered a request into `chat` (None: no chat) with a 429."""
        now = asyncio.get_running_loop().time()
        if chat is None:
            self._pacer.hold(seconds)
            return
        self._chat_until = {c: t for c, t in self._chat_until.items() if t > now}
        self._chat_until[chat] = max(self._chat_until.get(chat, 0.0), now + seconds)
        self._recent.append((now, chat))
        while self._recent[0][0] < now - self._window:
            self._recent.popleft()
        if len({c for _, c in self._recent}) >= self._chats_for_all:
            self._pacer.hold(seconds)

    async def wait(self, chat: object | None) -> None:
        """Until neither `chat` nor the whole bot is held."""
        loop = asyncio.get_running_loop()
        while True:
            until = max(self._chat_until.get(chat, 0.0), self._pacer.held_until)
            if until <= loop.time():
                return
            await asyncio.sleep(until - loop.time())


class PacedRateLimiter(AIORateLimiter):
    """Calls into a chat paced by a `Pacer`; a 429 retried after holding its own chat only.

    The base class still limits group chats (20 messages a minute each); its own 429
    handling, which holds every request, is left with nothing to do: retries happen here.
    """

    def __init__(self, per_second: float = MESSAGES_PER_SECOND, max_retries: int = 5) -> None:
        # The base class's own bucket is switched off: it allows bursts (see above).
        super().__init__(overall_max_rate=0, overall_time_period=0, max_retries=0)
        self._pacer = Pacer(per_second)
        self._holds = FloodHolds(self._pacer)
        self._retries = max_retries

    async def process_request(
        self,
        callback: Request,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat = data.get("chat_id")
        paced = chat is not None and not endpoint.lower().startswith(_UNPACED_PREFIXES)
        retrying = self._retrying(callback, chat, paced, rate_limit_args or self._retries)
        if not _is_group(chat):
            # The base class only adds its group limit; a private chat (or no chat) skips its
            # machinery, which costs as much as the pacing itself on every press.
            return await retrying(*args, **kwargs)
        return await super().process_request(retrying, args, kwargs, endpoint, data, None)

    def _retrying(
        self, callback: Request, chat: object | None, paced: bool, retries: int
    ) -> Request:
        """`callback` sent once `chat` is not held and (when `paced`) its pacer slot has come;
        a 429 holds the chat (see `FloodHolds`) and the call is sent again, up to `retries`
        times. The slot is taken after the hold, so held requests leave evenly spaced, not
        in the burst that would earn the next 429."""

        async def attempts(*args: Any, **kwargs: Any) -> bool | JSONDict | list[JSONDict]:
            for attempt in range(retries + 1):
                await self._holds.wait(chat)
                if paced:
                    async with self._pacer:
                        pass
                try:
                    return await callback(*args, **kwargs)
                except RetryAfter as error:
                    if attempt == retries:
                        raise
                    seconds = _seconds(error.retry_after) + RETRY_MARGIN
                    log.info("429 in chat %s: retrying after %.1f s", chat, seconds)
                    self._holds.note(chat, seconds)
            raise AssertionError("unreachable: the last attempt returns or raises")

        return attempts


def _is_group(chat: object) -> bool:
    """A group or channel (a negative id, or an @username), which the base class limits to
    20 messages a minute; a private chat has a positive id."""
    return isinstance(chat, str) or (isinstance(chat, int) and chat < 0)


def _seconds(retry_after: float | timedelta) -> float:
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else retry_after
