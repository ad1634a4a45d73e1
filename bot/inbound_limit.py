"""A per-member limit on incoming updates, so one member cannot crowd out everyone else.

A member may send `INBOUND_LIMIT` updates (messages, button presses) in any `INBOUND_WINDOW`
seconds (20 in 10 by default). The first update past that gets one polite "slow down"; the
rest are dropped unread until the window has room again. Each handled update costs database
work and replies; Telegram lets the bot write into one chat about once a second, so a flood of
replies into one chat would otherwise queue behind Telegram's 429s.

`InboundLimiter` is the pure bookkeeping (time is passed in); `install` puts it in front of
the bot's handlers, in handler group -1, which python-telegram-bot runs before the others.
"""

from __future__ import annotations

import enum
import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application, ApplicationHandlerStop, CallbackContext, TypeHandler

from bot.render import texts
from bot.render.i18n import speaking

log = logging.getLogger(__name__)

LIMIT_GROUP = -1
"""Handler group of the check: before the bot's own handlers (group 0)."""


class Admission(enum.Enum):
    ADMIT = "admit"
    WARN = "warn"
    """Refused, and the member has not been told yet in this burst."""
    DROP = "drop"


class InboundLimiter:
    """Sliding-window counts of each member's recent updates.

    Memory stays small: a member's record holds at most `limit` times, and members idle for
    a whole window are forgotten as others come and go.
    """

    def __init__(self, limit: int, window: float) -> None:
        self.limit = limit
        self.window = window
        self._recent: dict[int, deque[float]] = {}
        self._warned: set[int] = set()
        self._next_sweep = 0.0

    def admit(self, user_id: int, now: float) -> Admission:
        """Whether the member's update arriving at `now` (seconds) is handled."""
        self._sweep(now)
        recent = self._recent.get(user_id)
        if recent is None:
            recent = self._recent[user_id] = deque(maxlen=self.limit)
        while recent and recent[0] <= now - self.window:
            recent.popleft()
        if len(recent) < self.limit:
            recent.append(now)
            self._warned.discard(user_id)
            return Admission.ADMIT
        if user_id in self._warned:
            return Admission.DROP
        self._warned.add(user_id)
        return Admission.WARN

    def tracked(self) -> int:
        """Members with a record (for tests of the memory bound)."""
        return len(self._recent)

    def _sweep(self, now: float) -> None:
        """Once a window, forget members whose last update is older than a window."""
        if now < self._next_sweep:
            return
        self._next_sweep = now + self.window
        idle = [user for user, times in self._recent.items() if times[-1] <= now - self.window]
        for user in idle:
            del self._recent[user]
            self._warned.discard(user)


def install(
    application: Application[Any, Any, Any, Any, Any, Any],
    limiter: InboundLimiter,
    clock: Callable[[], float],
) -> None:
    """Check every update against `limiter` before the bot's handlers see it."""

    async def check(update: Update, context: CallbackContext[Any, Any, Any, Any]) -> None:
        user = update.effective_user
        if user is None:
            return
        admission = limiter.admit(user.id, clock())
        if admission is Admission.ADMIT:
            return
        chat = update.effective_chat
        if admission is Admission.WARN and chat is not None:
            log.info("user %s is over %s updates in %s s", user.id, limiter.limit, limiter.window)
            try:
                with speaking(user.language_code):
                    slow_down = texts.SLOW_DOWN()
                await context.bot.send_message(chat.id, slow_down)
            except TelegramError as error:
                log.warning("could not ask chat %s to slow down: %s", chat.id, error)
        raise ApplicationHandlerStop

    application.add_handler(TypeHandler(Update, check), group=LIMIT_GROUP)
