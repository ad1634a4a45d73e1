"""Helpers for the reminder tests: a clock the tests move, and shortcuts into the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine
from fixtures_bot import RunningBot

from bot.jobs.reminders import FireOutcome, ReminderScheduler
from bot.services.reminders import DueReminder
from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import ReminderKind


def is_reminder(message: ChatMessage) -> bool:
    return (message.text or "").startswith("Time for your back session")


def is_nudge(message: ChatMessage) -> bool:
    return (message.text or "").startswith("Just a gentle nudge")


class Clock:
    """Wall-clock time for the bot and APScheduler, moved by the test (it keeps ticking)."""

    def __init__(self, bot: RunningBot, traveller: time_machine.Traveller) -> None:
        self._bot = bot
        self._traveller = traveller

    def move_to(self, moment: datetime) -> None:
        """Jump to `moment` and make APScheduler look at its jobs again."""
        self._traveller.move_to(moment)
        self._bot.application.job_queue.scheduler.wakeup()

    def jump_unnoticed(self, moment: datetime) -> None:
        """Jump to `moment` without waking APScheduler: with a restart right after, it is as
        if the bot had been down all that time."""
        self._traveller.move_to(moment)


@contextmanager
def clock_at(bot: RunningBot, start: datetime) -> Iterator[Clock]:
    with time_machine.travel(start, tick=True) as traveller:
        yield Clock(bot, traveller)


async def planned(bot: RunningBot, member: int, due: datetime | None) -> None:
    """Wait until the member's next reminder job is planned for `due` (None: no job)."""
    await bot.emulator.wait_until(lambda: scheduler(bot).next_due(member) == due, timeout=5)


class Outcomes:
    """Records what each reminder or nudge job of the running scheduler did, from now on."""

    def __init__(self, bot: RunningBot) -> None:
        self._bot = bot
        self.seen: list[tuple[ReminderKind, FireOutcome]] = []
        reminders = scheduler(bot)
        fire = reminders.fire

        async def recording(due: DueReminder) -> FireOutcome:
            outcome = await fire(due)
            self.seen.append((due.kind, outcome))
            return outcome

        reminders.fire = recording  # type: ignore[method-assign]

    async def first(self, kind: ReminderKind) -> FireOutcome:
        """Wait for the first job of `kind` to finish; what it did."""

        def of_kind() -> list[FireOutcome]:
            return [outcome for seen, outcome in self.seen if seen == kind]

        await self._bot.emulator.wait_until(lambda: bool(of_kind()), timeout=5)
        return of_kind()[0]


def scheduler(bot: RunningBot) -> ReminderScheduler:
    reminders = bot.services.reminders
    assert reminders is not None
    return reminders


async def member_id(bot: RunningBot, user: SimulatedUser) -> int:
    async with bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user.id)
    assert member is not None
    return member.id


async def finish_sessions(bot: RunningBot, member: int, workout_key: str, *at: datetime) -> None:
    """Record finished sessions of a workout, as if the member had done them (no reminder)."""
    async with bot.services.database.transaction() as session:
        for moment in at:
            row = await repository.sessions.start(
                session,
                member,
                protocol="lower-back-pain-relief-lvl1",
                workout_key=workout_key,
                now=moment - timedelta(minutes=20),
            )
            await repository.sessions.finish(session, row.id, now=moment)


async def enrolled_member(
    bot: RunningBot, user_id: int, *, paused: bool = False, since: datetime
) -> int:
    """A Mon/Wed/Fri 18:00 New York member, set up straight in the database at `since`."""
    bot.emulator.user(user_id=user_id, first_name=f"Member {user_id}", known=True)
    async with bot.services.database.transaction() as session:
        member = await repository.members.upsert(
            session,
            telegram_user_id=user_id,
            chat_id=user_id,
            name=f"Member {user_id}",
            username=None,
            time_zone=ZoneInfo("America/New_York"),
            now=since,
        )
        await repository.enrolments.enrol(
            session,
            member.id,
            protocol="lower-back-pain-relief-lvl1",
            workout_days=(0, 2, 4),
            reminder_time=time(18, 0),
            start_date=since.date(),
        )
        await repository.members.set_onboarded(session, member.id, since)
        await repository.members.set_paused(session, member.id, paused)
        return member.id
