"""What every handler and job needs, built once at start-up and kept in `bot_data`."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from bot.config import Settings
from protocols.schema import Protocol as ProtocolData
from storage.database import Database

Clock = Callable[[], datetime]
_SERVICES_KEY = "services"


def utc_now() -> datetime:
    """The real clock (tests move it with time-machine)."""
    return datetime.now(UTC)


class MemberLocks:
    """One lock per Telegram user, so a member's updates are handled one at a time.

    Updates run concurrently across members; a double tap by one member waits for the first
    tap to finish and then sees its result (the database's unique constraints back this up
    across processes).
    """

    def __init__(self) -> None:
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._users: defaultdict[int, int] = defaultdict(int)

    @asynccontextmanager
    async def hold(self, user_id: int) -> AsyncIterator[None]:
        self._users[user_id] += 1
        try:
            async with self._locks[user_id]:
                yield
        finally:
            self._users[user_id] -= 1
            if not self._users[user_id]:  # forget idle members: memory stays flat
                del self._users[user_id]
                del self._locks[user_id]


class ReminderPlanner(Protocol):
    """What the services ask of the reminder scheduler (`bot.jobs.reminders`), which plans the
    APScheduler jobs: re-plan a member after a change, forget one, move today's reminder,
    plan the morning question after a session."""

    async def reschedule_member(self, member_id: int) -> datetime | None: ...

    async def plan_morning_check(self, member_id: int) -> datetime | None: ...

    def forget_member(self, member_id: int) -> None: ...

    async def snooze(self, member_id: int, now: datetime) -> datetime | None: ...


class TimerPlanner(Protocol):
    """What the handlers ask of the card timers (`bot.jobs.timers`): plan the countdown and end
    of the timer on a card (replacing the session's earlier one), or cancel it."""

    def plan(self, target: Any, drawn_at: datetime) -> None:
        """`target` is a `bot.services.card_timers.TimerTarget` whose card has a timer, drawn
        on the card at `drawn_at`."""

    def cancel(self, session_id: int) -> None: ...


@dataclass
class BotServices:
    settings: Settings
    database: Database
    library: dict[str, ProtocolData]
    clock: Clock = utc_now
    locks: MemberLocks = field(default_factory=MemberLocks)
    reminders: ReminderPlanner | None = None
    timers: TimerPlanner | None = None

    def protocol(self, name: str) -> ProtocolData | None:
        return self.library.get(name)


def install(bot_data: MutableMapping[str, Any], services: BotServices) -> None:
    """Keep the services in the application's `bot_data`, where handlers and jobs find them."""
    bot_data[_SERVICES_KEY] = services


def services_of(bot_data: MutableMapping[str, Any]) -> BotServices:
    services = bot_data[_SERVICES_KEY]
    assert isinstance(services, BotServices)
    return services
