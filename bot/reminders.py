"""Reminders on APScheduler, through python-telegram-bot's JobQueue.

Each member has at most one reminder job (named `reminder:<member id>`) at their next reminder
time, computed by the pure rules in `bot.rules.schedule`, plus at most one nudge job. Nothing
lives only in memory: the schedule is rebuilt from the database at start-up, and every reminder
is claimed in `reminders_sent` (unique per member, kind and due time) before it is sent, so a
restart never sends one twice. A reminder missed while the bot was down is still sent at
start-up if it is less than `REMINDER_GRACE` late.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot import sender
from bot.context import BotServices
from bot.render import keyboards
from bot.rules.schedule import (
    ReminderSettings,
    next_reminder_at,
    nudge_at,
    reminder_decision,
    snoozed_reminder_at,
)
from bot.rules.weekly_cap import WorkoutChoice
from bot.services.workouts import done_sessions, workout_caps
from storage import repository
from storage.models import Enrolment, Member, ReminderKind

log = logging.getLogger(__name__)

FIRE_CONCURRENCY = 32
"""Reminders being prepared at once; the rate limiter paces the sending itself."""


@dataclass(frozen=True)
class _Due:
    member_id: int
    due_at: datetime
    kind: ReminderKind


def reminder_settings(
    member: Member, enrolment: Enrolment, services: BotServices
) -> ReminderSettings:
    return ReminderSettings(
        zone=ZoneInfo(member.time_zone),
        days=enrolment.workout_days,
        at=enrolment.reminder_time,
        quiet_start=services.settings.quiet_start,
        quiet_end=services.settings.quiet_end,
        paused=member.paused,
    )


def reminder_text(title: str, choice: WorkoutChoice) -> str:
    left = choice.remaining_this_week
    sessions = "session" if left == 1 else "sessions"
    return (
        f"Time for your back session: {title}.\n"
        f"{left} {sessions} of it left this week ({choice.done_this_week} of {choice.cap} done). "
        "Tap Start when you're ready."
    )


NUDGE_TEXT = "Just a gentle nudge: your session is still waiting whenever you have 15 minutes."


class ReminderScheduler:
    """Keeps one APScheduler job per member at their next reminder time."""

    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], services: BotServices
    ) -> None:
        job_queue = application.job_queue
        if job_queue is None:
            raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
        self._jobs: JobQueue[Any] = job_queue
        self._services = services
        self._bot: ExtBot[Any] = application.bot
        self._firing = asyncio.Semaphore(FIRE_CONCURRENCY)

    async def rebuild(self) -> int:
        """Plan every member's next reminder from the database; returns how many were planned.

        A reminder that fell due while the bot was down is planned for now, and the decision
        at fire time drops it if it is past the grace window or was already sent.
        """
        now = self._services.clock()
        since = now - self._services.settings.reminder_grace
        async with self._services.database.transaction() as session:
            targets = await repository.active_enrolled_members(session)
        planned = 0
        for member, enrolment in targets:
            due = next_reminder_at(reminder_settings(member, enrolment, self._services), since)
            if due is not None:
                self._plan(_Due(member.id, due, ReminderKind.REMINDER))
                planned += 1
        log.info("reminder schedule rebuilt: %d member(s)", planned)
        return planned

    async def reschedule_member(self, member_id: int) -> datetime | None:
        """Re-plan one member after a settings change; returns their next reminder time."""
        self.forget_member(member_id)
        now = self._services.clock()
        async with self._services.database.transaction() as session:
            member = await repository.get_member(session, member_id)
            enrolment = await repository.get_active_enrolment(session, member_id)
        if member is None or enrolment is None or member.inactive or member.onboarded_at is None:
            return None
        due = next_reminder_at(reminder_settings(member, enrolment, self._services), now)
        if due is not None:
            self._plan(_Due(member_id, due, ReminderKind.REMINDER))
        return due

    def forget_member(self, member_id: int) -> None:
        for kind in ReminderKind:
            for job in self._jobs.get_jobs_by_name(self._job_name(member_id, kind)):
                job.schedule_removal()

    def next_due(self, member_id: int) -> datetime | None:
        jobs = self._jobs.get_jobs_by_name(self._job_name(member_id, ReminderKind.REMINDER))
        return jobs[0].next_t if jobs else None

    async def snooze(self, member_id: int, now: datetime) -> datetime | None:
        """Move today's reminder (the last one sent, or the next one if still today) by an hour."""
        async with self._services.database.transaction() as session:
            member = await repository.get_member(session, member_id)
            enrolment = await repository.get_active_enrolment(session, member_id)
            sent = await repository.reminders_for_member(
                session, member_id, since=now - timedelta(hours=24)
            )
        if member is None or enrolment is None:
            return None
        settings = reminder_settings(member, enrolment, self._services)
        today = now.astimezone(settings.zone).date()
        candidates = [r.due_at for r in sent if r.kind == ReminderKind.REMINDER]
        upcoming = self.next_due(member_id)
        if upcoming is not None:
            candidates.append(upcoming)
        todays = [at for at in candidates if at.astimezone(settings.zone).date() == today]
        if not todays:
            return None
        moved = snoozed_reminder_at(settings, max(todays), now)
        if moved is None:
            return None
        self.forget_member(member_id)
        self._plan(_Due(member_id, moved, ReminderKind.REMINDER))
        return moved

    @staticmethod
    def _job_name(member_id: int, kind: ReminderKind) -> str:
        return f"{kind.value}:{member_id}"

    def _plan(self, due: _Due) -> None:
        name = self._job_name(due.member_id, due.kind)
        self._jobs.run_once(
            self._fire,
            max(due.due_at, self._services.clock()),
            data=due,
            name=name,
            job_kwargs={"id": name, "replace_existing": True, "misfire_grace_time": None},
        )

    async def _fire(self, context: CallbackContext[Any, Any, Any, Any]) -> None:
        job = context.job
        if job is None or not isinstance(job.data, _Due):
            return
        async with self._firing:
            await self.fire(job.data)

    async def fire(self, due: _Due) -> bool:
        """Decide, claim, send; then plan what comes next. True when a message went out."""
        services = self._services
        now = services.clock()
        async with services.database.transaction() as session:
            member = await repository.get_member(session, due.member_id)
            enrolment = await repository.get_active_enrolment(session, due.member_id)
            if member is None or enrolment is None or member.inactive:
                return False
            protocol = services.protocol(enrolment.protocol)
            if protocol is None:
                return False
            settings = reminder_settings(member, enrolment, services)
            done = await done_sessions(session, member.id, settings.zone, now)
            if due.kind == ReminderKind.NUDGE:
                started = await repository.sessions_between(
                    session, member.id, due.due_at - services.settings.nudge_after, now
                )
                if started or settings.paused:
                    return False
            decision = reminder_decision(
                settings,
                workout_caps(protocol),
                done,
                due.due_at,
                now,
                services.settings.reminder_grace,
                already_sent=False,
            )
            claimed = (
                decision.outcome == "send"
                and decision.choice is not None
                and await repository.claim_reminder(
                    session, member.id, decision.choice.key, due.kind, due.due_at, now=now
                )
            )
        if due.kind == ReminderKind.REMINDER:
            following = next_reminder_at(settings, due.due_at)
            if following is not None:
                self._plan(_Due(due.member_id, following, ReminderKind.REMINDER))
        if not claimed or decision.choice is None:
            log.debug("reminder %s for member %s: %s", due.kind, due.member_id, decision.outcome)
            return False
        title = protocol.workout(decision.choice.key).title
        text = (
            NUDGE_TEXT if due.kind == ReminderKind.NUDGE else reminder_text(title, decision.choice)
        )
        message = await sender.send_text(
            self._bot, services.database, member.chat_id, text, keyboards.reminder()
        )
        async with services.database.transaction() as session:
            if message is None:
                await repository.release_reminder(session, member.id, due.kind, due.due_at)
                return False
            await repository.mark_reminder_sent(
                session, member.id, due.kind, due.due_at, now=services.clock()
            )
        if due.kind == ReminderKind.REMINDER:
            nudge = nudge_at(
                settings, due.due_at, answered=False, nudge_after=services.settings.nudge_after
            )
            if nudge is not None:
                self._plan(_Due(due.member_id, nudge, ReminderKind.NUDGE))
        return True
