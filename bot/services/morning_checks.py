"""The next-morning question's units of work: whom to ask and when, and its claim.

The question is claimed, marked sending and marked sent in `reminders_sent` (kind "morning")
like a reminder (`bot.services.reminders.mark_sending`, `settle`), so it is never asked twice,
even across a restart. When to ask is `bot.rules.morning_check`; the scheduler is
`bot.jobs.reminders`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from bot.context import BotServices
from bot.rules.local_time import local_day
from bot.rules.schedule import ReminderSettings, is_quiet
from bot.services.reminders import DueReminder, reminder_settings
from storage import repository
from storage.models import ReminderKind, WorkoutSession

LOOK_BACK = timedelta(days=2)
"""How far back a session may have finished to still be owed a morning question."""


@dataclass(frozen=True)
class Target:
    """A member who may be owed a morning question: their settings and recent sessions'
    finish times."""

    member_id: int
    settings: ReminderSettings
    finished: Sequence[datetime]


async def targets(services: BotServices, since: datetime) -> list[Target]:
    """Every member to remind with a session finished since `since` (for the start-up rebuild:
    two queries, whatever the number of members)."""
    async with services.database.read() as session:
        members = await repository.enrolments.to_remind(session)
        sessions = await repository.sessions.finished_since(session, since)
    finished: defaultdict[int, list[datetime]] = defaultdict(list)
    for row in sessions:
        if row.finished_at is not None:
            finished[row.member_id].append(row.finished_at)
    return [
        Target(member.id, reminder_settings(services, member, enrolment), finished[member.id])
        for member, enrolment in members
        if member.id in finished
    ]


async def target(services: BotServices, member_id: int, since: datetime) -> Target | None:
    """The member's `Target`; None when they get nothing (gone, paused, held, not set up)."""
    async with services.database.read() as session:
        member = await repository.members.get(session, member_id)
        enrolment = await repository.enrolments.active(session, member_id)
        if member is None or enrolment is None or member.inactive or member.onboarded_at is None:
            return None
        sessions = await repository.sessions.finished_since(session, since, member_id)
    finished = [row.finished_at for row in sessions if row.finished_at is not None]
    return Target(member_id, reminder_settings(services, member, enrolment), finished)


@dataclass(frozen=True)
class Claimed:
    """This process holds the claim: ask `chat_id` about session `session_id`."""

    chat_id: int
    session_id: int


@dataclass(frozen=True)
class NotAsked:
    """Why no question goes out, in the reminders' words: the member is gone, paused or held
    (`skip_paused`), it is too late or in quiet hours, there is no session the day before
    (`no_session`), or today's was asked (or claimed by another process) already
    (`not_claimed`)."""

    outcome: Literal[
        "gone", "skip_paused", "skip_too_late", "skip_quiet_hours", "no_session", "not_claimed"
    ]


async def decide_and_claim(
    services: BotServices, due: DueReminder, boot_id: str, now: datetime
) -> Claimed | NotAsked:
    """Whether the morning question due at `due.due_at` goes out now and, if so, claim it."""
    async with services.database.transaction() as session:
        member = await repository.members.get(session, due.member_id)
        enrolment = await repository.enrolments.active(session, due.member_id)
        if member is None or enrolment is None or member.inactive:
            return NotAsked("gone")
        settings = reminder_settings(services, member, enrolment)
        if settings.paused:  # paused, or held by a red flag
            return NotAsked("skip_paused")
        if now - due.due_at > services.settings.reminder_grace:
            return NotAsked("skip_too_late")
        if is_quiet(settings, now):
            return NotAsked("skip_quiet_hours")
        day = local_day(due.due_at, settings.zone)
        asked = await repository.reminders.for_member(
            session, member.id, since=due.due_at - timedelta(days=1)
        )
        if any(
            row.kind == ReminderKind.MORNING and local_day(row.due_at, settings.zone) == day
            for row in asked
        ):
            return NotAsked("not_claimed")
        finished = await repository.sessions.finished_since(
            session, due.due_at - LOOK_BACK, member.id
        )
        before = _latest_on(finished, day - timedelta(days=1), settings)
        if before is None:
            return NotAsked("no_session")
        claimed = await repository.reminders.claim(
            session,
            member.id,
            before.workout_key,
            ReminderKind.MORNING,
            due.due_at,
            now=now,
            claimed_by=boot_id,
        )
        if not claimed:
            return NotAsked("not_claimed")
    return Claimed(member.chat_id, before.id)


def _latest_on(
    sessions: Sequence[WorkoutSession], day: date, settings: ReminderSettings
) -> WorkoutSession | None:
    """The latest of `sessions` finished on the local `day` (the one the question asks about:
    sessions of one day share one question)."""
    on_day = [
        row
        for row in sessions
        if row.finished_at is not None and local_day(row.finished_at, settings.zone) == day
    ]
    return on_day[-1] if on_day else None
