"""Reminders across restarts: a snooze is kept, and a fan-out cut short by a dead process is
finished by the next one, with every member reminded exactly once.

Starts on Thursday 5 March 2026 at noon in New York (Mon/Wed/Fri 18:00 members); the clock is
moved, never slept.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from types import TracebackType

from fixtures_bot import RunningBot, onboard
from reminder_clock import (
    Clock,
    clock_at,
    enrolled_member,
    is_reminder,
    member_id,
    planned,
    scheduler,
)
from sqlalchemy import select

from bot.jobs.reminders import FIRE_CONCURRENCY
from emulator import SimulatedUser
from storage import repository
from storage.models import ReminderSent

THURSDAY_NOON = datetime(2026, 3, 5, 17, 0, tzinfo=UTC)
FRIDAY_1800 = datetime(2026, 3, 6, 23, 0, tzinfo=UTC)  # 18:00 EST
FRIDAY_1900 = FRIDAY_1800 + timedelta(hours=1)
MONDAY_1800 = datetime(2026, 3, 9, 22, 0, tzinfo=UTC)  # 18:00 EDT


def reminder_count(user: SimulatedUser) -> int:
    return len([m for m in user.messages if is_reminder(m)])


async def _snooze_fridays_reminder(clock: Clock, member: SimulatedUser) -> None:
    """Onboard, let Friday's 18:00 reminder arrive and press "Later (1 h)" on it."""
    await onboard(member, hour="18:00", zone="America/New_York")
    clock.move_to(FRIDAY_1800)
    reminder = await member.wait_for_message(is_reminder)
    await member.press("Later (1 h)", reminder)
    await member.wait_for_message(lambda m: "remind you again" in (m.text or ""))


async def _snoozed_until(bot: RunningBot, who: int) -> datetime | None:
    async with bot.services.database.transaction() as session:
        enrolment = await repository.enrolments.active(session, who)
    assert enrolment is not None
    return enrolment.snoozed_until


async def test_a_snoozed_reminder_arrives_at_the_snoozed_time_after_a_restart(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await _snooze_fridays_reminder(clock, member)
        who = await member_id(running_bot, member)
        snoozed = scheduler(running_bot).next_due(who)
        assert snoozed is not None
        assert snoozed - FRIDAY_1900 < timedelta(seconds=5)  # an hour after the press
        await running_bot.restart()
        await planned(running_bot, who, snoozed)
        clock.move_to(snoozed)
        await running_bot.emulator.wait_until(lambda: reminder_count(member) == 2)
        await planned(running_bot, who, MONDAY_1800)
    assert await _snoozed_until(running_bot, who) is None


async def test_resuming_after_a_pause_drops_the_snooze(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await _snooze_fridays_reminder(clock, member)
        who = await member_id(running_bot, member)
        await member.send_command("/pause")
        await member.wait_for_message(lambda m: "paused" in (m.text or ""))
        await member.send_command("/resume")
        await member.wait_for_message(lambda m: "Mon 09 Mar 18:00" in (m.text or ""))
        await running_bot.restart()
        await planned(running_bot, who, MONDAY_1800)
    assert await _snoozed_until(running_bot, who) is None


class DeadAfter:
    """A reminder pacer that grants `slots` send slots and then holds every reminder until
    `die()` cancels them, as if the process had died there: the reminders that reached it
    stay claimed, never marked sending."""

    def __init__(self, slots: int) -> None:
        self._slots = slots
        self._dead = asyncio.Event()
        self.held = 0

    def die(self) -> None:
        self._dead.set()

    async def __aenter__(self) -> None:
        if self._slots > 0:
            self._slots -= 1
            return
        self.held += 1
        await self._dead.wait()
        raise asyncio.CancelledError

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        return None


async def test_a_fan_out_cut_short_is_finished_after_the_restart_each_member_once(
    running_bot: RunningBot,
) -> None:
    users = range(400_000, 400_030)
    before = FRIDAY_1800 - timedelta(hours=1)
    for user_id in users:
        await enrolled_member(running_bot, user_id, since=before)
    chats = [running_bot.emulator.chat(user_id) for user_id in users]
    with clock_at(running_bot, before) as clock:
        await scheduler(running_bot).rebuild()
        pacer = DeadAfter(slots=5)
        scheduler(running_bot).pacer = pacer
        clock.move_to(FRIDAY_1800)
        await running_bot.emulator.wait_until(lambda: pacer.held == FIRE_CONCURRENCY)
        async with running_bot.services.database.transaction() as session:
            unsent = list(
                await session.scalars(select(ReminderSent).where(ReminderSent.sent_at.is_(None)))
            )
        assert [row.sending_at for row in unsent] == [None] * FIRE_CONCURRENCY
        assert sum(len(chat.messages) for chat in chats) == 5

        pacer.die()
        await running_bot.restart()
        await running_bot.emulator.wait_until(
            lambda: all(chat.messages for chat in chats), timeout=15
        )
    assert [len([m for m in chat.messages if is_reminder(m)]) for chat in chats] == [1] * 30
