"""Reminders on APScheduler, through python-telegram-bot's JobQueue.

Each member has at most one reminder job (named `reminder:<member id>`) at their next reminder
time, computed by the pure rules in `bot.rules.schedule`, plus at most one nudge job
(`nudge:<member id>`) and at most one next-morning pain question (`morning:<member id>`, the
morning after a session: `bot.rules.morning_check`), which goes through the same claims.
Nothing lives only in memory: the schedule (a snooze included) is rebuilt from the database at
start-up. A reminder missed while the bot was down is still sent
at start-up if it is less than `REMINDER_GRACE` late.

Every reminder goes through three steps in `reminders_sent` (unique per member, kind and due
time): claimed by this process (`boot_id`), then, once the reminder pacer grants a send slot,
marked *sending* immediately before `bot.send_message`, then marked sent. A process killed in
between leaves either a claim never marked sending (certainly unsent: the next start-up
releases it and sends the reminder) or one marked sending but not sent (the request may have
reached Telegram: it is never sent again). Only the requests in flight at the kill fall in the
second case, because nothing waits between marking sending and sending.

A send that fails on the network gives its claim back and is tried again `RETRY_DELAY` later,
for as long as it is inside the grace window; a member who blocked the bot is marked inactive
(by `bot.sender`), is not tried again, and their coach is told.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta
from typing import Any, Literal

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot import alerts, sender
from bot.context import BotServices
from bot.rate_limit import MESSAGES_PER_SECOND, Pacer
from bot.render import keyboards, texts
from bot.render.i18n import speaking
from bot.rules.morning_check import next_morning_check_at
from bot.rules.schedule import (
    ReminderOutcome,
    ReminderSettings,
    next_reminder_at,
    nudge_at,
    snoozed_reminder_at,
)
from bot.services import languages, morning_checks, reminders
from bot.services.morning_checks import LOOK_BACK
from bot.services.reminders import DueReminder
from storage.models import ReminderKind

log = logging.getLogger(__name__)

FIRE_CONCURRENCY = 8
"""Reminders being handled at once. Each holds at most one database connection at a time, so
this stays well below the pool (5 + 10 overflow on PostgreSQL) and leaves room for members'
updates when thousands of reminders fall due in the same minute."""

SENDS_PER_SECOND = MESSAGES_PER_SECOND - 0.3
"""The reminder pacer's rate: a little under the bot-wide `PacedRateLimiter`'s, so a reminder
marked sending rarely waits there before its request leaves, and members' own replies still
find room beside a fan-out."""

RETRY_DELAY = timedelta(minutes=1)
"""How long after a network failure a reminder is tried again (inside the grace window)."""

FireOutcome = (
    ReminderOutcome
    | Literal["sent", "gone", "not_claimed", "answered", "blocked", "retry", "failed", "no_session"]
)
"""What `ReminderScheduler.fire` did: the rule's decision, or what happened around it.

gone: the member was deleted, is inactive or has no protocol; not_claimed: it was already
claimed (sent before a restart, or by another process; for a morning question, one was asked
that day already); answered: a nudge dropped because the member started a session; blocked:
the member blocked the bot; retry: a network failure, tried again later; failed: Telegram
refused the message for good (logged); no_session: a morning question with no session the
day before to ask about.
"""


def job_name(member_id: int, kind: ReminderKind) -> str:
    return f"{kind.value}:{member_id}"


class ReminderScheduler:
    """Keeps one APScheduler job per member at their next reminder, and at most one nudge."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        services: BotServices,
        *,
        sends_per_second: float = SENDS_PER_SECOND,
    ) -> None:
        job_queue = application.job_queue
        if job_queue is None:
            raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
        self._jobs: JobQueue[Any] = job_queue
        self._services = services
        self._bot: ExtBot[Any] = application.bot
        self._firing = asyncio.Semaphore(FIRE_CONCURRENCY)
        self.boot_id = uuid.uuid4().hex
        """Names this process's claims: it gives back only its own, and marks one sending only
        while it still holds it (a process started meanwhile may have released it)."""
        # One slot every 1/rate seconds, no burst: a burst would queue in `AIORateLimiter`
        # (or draw 429s) after being marked sending, widening the window a kill makes
        # ambiguous.
        self.pacer: AbstractAsyncContextManager[Any] = Pacer(sends_per_second)
        """A send slot, taken after claiming and before marking sending (tests replace it)."""

    async def rebuild(self) -> int:
        """Plan every member's next reminder, and pending nudges, from the database.

        First releases the claims other processes left without starting to send (a process
        killed mid fan-out), so those reminders go out now. Then looks back over the grace
        window: a reminder that fell due while the bot was down, or was released, is planned
        for now, and the claim at fire time drops it if it was already sent (one that fell
        due before the member finished set-up is not theirs). A pending snooze
        replaces the regular reminder. A nudge still owed for a reminder sent before the
        restart is planned too, and so is a morning question owed for a recent session.
        Returns how many members got a reminder.
        """
        now = self._services.clock()
        since = now - self._services.settings.reminder_grace
        released, targets = await reminders.start_up(
            self._services, self.boot_id, since - self._services.settings.nudge_after
        )
        if released:
            log.info("released %d reminder claim(s) left unsent by a stopped process", released)
        planned = 0
        for target in targets:
            snoozed = target.snoozed_until
            due = snoozed if snoozed is not None and snoozed > since else None
            if due is None:
                due = next_reminder_at(target.settings, max(since, target.joined_at))
                if target.last_sent is not None:
                    self._plan_nudge(
                        target.settings, target.member_id, target.last_sent, not_before=since
                    )
            if due is not None:
                self._plan(DueReminder(target.member_id, due, ReminderKind.REMINDER))
                planned += 1
        for owed in await morning_checks.targets(self._services, since - LOOK_BACK):
            self._plan_morning(owed, after=since)
        log.info("reminder schedule rebuilt: %d member(s)", planned)
        return planned

    async def reschedule_member(self, member_id: int) -> datetime | None:
        """Re-plan one member after a settings change (dropping any snooze); returns their
        next reminder time. Their morning question is planned again too (a pause or a hold
        drops it; a resume brings it back)."""
        self.forget_member(member_id)
        settings = await reminders.replan(self._services, member_id)
        if settings is None:
            return None
        now = self._services.clock()
        due = next_reminder_at(settings, now)
        if due is not None:
            self._plan(DueReminder(member_id, due, ReminderKind.REMINDER))
        await self.plan_morning_check(member_id)
        return due

    async def plan_morning_check(self, member_id: int) -> datetime | None:
        """Plan the member's next morning question (after a session, or a change); when it is
        due, None when nothing is owed."""
        now = self._services.clock()
        owed = await morning_checks.target(self._services, member_id, now - LOOK_BACK)
        return None if owed is None else self._plan_morning(owed, after=now)

    def _plan_morning(self, owed: morning_checks.Target, after: datetime) -> datetime | None:
        due = next_morning_check_at(
            owed.finished, owed.settings, after, self._services.settings.pain
        )
        if due is not None:
            self._plan(DueReminder(owed.member_id, due, ReminderKind.MORNING))
        return due

    def forget_member(
        self, member_id: int, kinds: Iterable[ReminderKind] = tuple(ReminderKind)
    ) -> None:
        """Drop the member's jobs (paused, deleted, re-planned): their reminder, nudge and
        morning question, or only those of `kinds`."""
        for kind in kinds:
            for job in self._jobs.get_jobs_by_name(job_name(member_id, kind)):
                job.schedule_removal()

    def next_due(
        self, member_id: int, kind: ReminderKind = ReminderKind.REMINDER
    ) -> datetime | None:
        """When the member's planned reminder (or nudge) job runs next, if there is one."""
        jobs = self._jobs.get_jobs_by_name(job_name(member_id, kind))
        return jobs[0].next_t if jobs else None

    async def snooze(self, member_id: int, now: datetime) -> datetime | None:
        """Move today's reminder by an hour; returns the new time, or None if there is nothing
        to move (no reminder today, or the new time would be in quiet hours or tomorrow).

        Today's reminder is the latest one already sent today or the one still planned for
        later today. The moved reminder is stored on the enrolment (so a restart plans it) and
        replaces the job (and any nudge); when it fires it plans the following reminder as
        usual.
        """
        recent = await reminders.recent_reminders(
            self._services, member_id, since=now - timedelta(days=1)
        )
        if recent is None:
            return None
        settings, candidates = recent
        today = now.astimezone(settings.zone).date()
        upcoming = self.next_due(member_id)
        if upcoming is not None:
            candidates.append(upcoming)
        todays = [at for at in candidates if at.astimezone(settings.zone).date() == today]
        if not todays:
            return None
        moved = snoozed_reminder_at(settings, max(todays), now)
        if moved is None:
            return None
        await reminders.store_snooze(self._services, member_id, moved)
        self.forget_member(member_id, (ReminderKind.REMINDER, ReminderKind.NUDGE))
        self._plan(DueReminder(member_id, moved, ReminderKind.REMINDER))
        return moved

    def _plan(self, due: DueReminder, at: datetime | None = None) -> None:
        """Run `due` at `at` (default: its due time, or now if that has passed)."""
        name = job_name(due.member_id, due.kind)
        self._jobs.run_once(
            self._run_job,
            at or max(due.due_at, self._services.clock()),
            data=due,
            name=name,
            # A firing job plans its successor under the same id (the following reminder, or
            # a retry), which may fall due before the firing one has returned.
            job_kwargs={
                "id": name,
                "replace_existing": True,
                "misfire_grace_time": None,
                "max_instances": 2,
            },
        )

    def _plan_nudge(
        self,
        settings: ReminderSettings,
        member_id: int,
        reminder_at: datetime,
        not_before: datetime,
    ) -> None:
        nudge = nudge_at(
            settings, reminder_at, answered=False, nudge_after=self._services.settings.nudge_after
        )
        if nudge is not None and nudge >= not_before:
            self._plan(DueReminder(member_id, nudge, ReminderKind.NUDGE))

    async def _run_job(self, context: CallbackContext[Any, Any, Any, Any]) -> None:
        job = context.job
        if job is not None and isinstance(job.data, DueReminder):
            await self.fire(job.data)

    async def fire(self, due: DueReminder) -> FireOutcome:
        """Handle a reminder or nudge that fell due, then plan what comes next.

        After a reminder: its nudge if it went out, the same reminder again on a network
        failure, and otherwise the member's following reminder.
        """
        if due.kind == ReminderKind.MORNING:
            return await self._fire_morning(due)
        async with self._firing:
            outcome, settings = await self._deliver(due)
        log.debug("%s for member %s due %s: %s", due.kind, due.member_id, due.due_at, outcome)
        if outcome == "retry":
            self._plan(due, at=self._services.clock() + RETRY_DELAY)
            return outcome
        if due.kind == ReminderKind.NUDGE or settings is None or outcome == "blocked":
            return outcome
        following = next_reminder_at(settings, due.due_at)
        if following is not None:
            self._plan(DueReminder(due.member_id, following, ReminderKind.REMINDER))
        if outcome == "sent":
            self._plan_nudge(settings, due.member_id, due.due_at, not_before=due.due_at)
        return outcome

    async def _deliver(self, due: DueReminder) -> tuple[FireOutcome, ReminderSettings | None]:
        """Decide, claim, take a send slot, mark sending, send and record one reminder; the
        member's settings come back so the caller can plan the next one (None when the member
        is gone). A snooze up to this reminder is dropped once it is handled for good (not on
        a retry, and not while another process holds the claim)."""
        decided = await reminders.decide_and_claim(
            self._services, due, self.boot_id, self._services.clock()
        )
        if isinstance(decided, reminders.NotSent):
            return decided.outcome, decided.settings
        claimed, settings = decided
        day = due.due_at.astimezone(settings.zone).date()
        with speaking(await languages.of_chat(self._services, claimed.chat_id)):
            text = (
                texts.nudge(claimed.title)
                if due.kind == ReminderKind.NUDGE
                else texts.reminder(claimed.title, claimed.choice)
            )
            buttons = keyboards.reminder(day)
        async with self.pacer:
            if not await reminders.mark_sending(self._services, due, self.boot_id):
                return "not_claimed", settings
            outcome = await self._send(claimed.chat_id, text, buttons)
        await reminders.settle(
            self._services,
            due,
            self.boot_id,
            sent=outcome == "sent",
            drop_snooze=claimed.snoozed and outcome != "retry",
        )
        return outcome, settings

    async def _fire_morning(self, due: DueReminder) -> FireOutcome:
        """Ask the morning question that fell due, then plan the member's next one (another
        session may be owed one tomorrow); on a network failure, the same one again."""
        async with self._firing:
            outcome = await self._deliver_morning(due)
        log.debug("morning question for member %s due %s: %s", due.member_id, due.due_at, outcome)
        if outcome == "retry":
            self._plan(due, at=self._services.clock() + RETRY_DELAY)
        elif outcome != "blocked":
            owed = await morning_checks.target(
                self._services, due.member_id, due.due_at - LOOK_BACK
            )
            if owed is not None:
                self._plan_morning(owed, after=due.due_at)
        return outcome

    async def _deliver_morning(self, due: DueReminder) -> FireOutcome:
        decided = await morning_checks.decide_and_claim(
            self._services, due, self.boot_id, self._services.clock()
        )
        if isinstance(decided, morning_checks.NotAsked):
            return decided.outcome
        with speaking(await languages.of_chat(self._services, decided.chat_id)):
            question = texts.MORNING_QUESTION()
        async with self.pacer:
            if not await reminders.mark_sending(self._services, due, self.boot_id):
                return "not_claimed"
            outcome = await self._send(
                decided.chat_id, question, keyboards.morning_pain(decided.session_id)
            )
        await reminders.settle(
            self._services, due, self.boot_id, sent=outcome == "sent", drop_snooze=False
        )
        return outcome

    async def _member_blocked(self, member_id: int) -> None:
        await alerts.member_blocked(self._bot, self._services, member_id)

    async def _send(self, chat_id: int, text: str, markup: InlineKeyboardMarkup) -> FireOutcome:
        try:
            message = await sender.send_text(
                self._bot,
                self._services.database,
                chat_id,
                text,
                markup,
                on_blocked=self._member_blocked,
            )
        except BadRequest:
            log.exception("Telegram refused a reminder for chat %s", chat_id)
            return "failed"
        except (NetworkError, RetryAfter):
            log.warning("reminder for chat %s not sent; trying again later", chat_id, exc_info=True)
            return "retry"
        except TelegramError:
            log.exception("reminder for chat %s failed", chat_id)
            return "failed"
        return "sent" if message is not None else "blocked"
