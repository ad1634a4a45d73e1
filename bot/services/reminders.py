"""Reminders' units of work: who to plan at start-up, a member's settings, the snooze, and the
three steps of each reminder (claimed, sending, sent) in `reminders_sent`.

The scheduler (`bot.jobs.reminders`) decides when to run; these functions read and write the
database for it, each in one transaction. The rules themselves are in `bot.rules.schedule`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.context import BotServices
from bot.rules.schedule import ReminderOutcome, ReminderSettings, reminder_decision
from bot.rules.weekly_cap import WorkoutChoice, workout_caps
from bot.services.workouts import done_sessions
from storage import repository
from storage.models import Enrolment, Member, ReminderKind


@dataclass(frozen=True)
class DueReminder:
    """A reminder or nudge for one member, due at one instant (the key of its claim)."""

    member_id: int
    due_at: datetime
    kind: ReminderKind


def reminder_settings(
    services: BotServices, member: Member, enrolment: Enrolment
) -> ReminderSettings:
    return ReminderSettings(
        zone=member.time_zone,
        days=enrolment.workout_days,
        at=enrolment.reminder_time,
        quiet_start=services.settings.quiet_start,
        quiet_end=services.settings.quiet_end,
        # A programme held by a red flag gets no reminders, as a paused one.
        paused=member.paused or member.held_since is not None,
    )


@dataclass(frozen=True)
class Target:
    """A member to plan at start-up."""

    member_id: int
    settings: ReminderSettings
    snoozed_until: datetime | None
    last_sent: datetime | None
    """Their latest reminder actually sent in the window looked at (a nudge may be owed)."""
    joined_at: datetime
    """When they finished set-up: a reminder that fell due before it was never theirs."""


async def start_up(
    services: BotServices, boot_id: str, sent_since: datetime
) -> tuple[int, list[Target]]:
    """Release the claims other processes left without starting to send (certainly unsent),
    and list every member to remind; (claims released, targets)."""
    async with services.database.transaction() as session:
        released = await repository.reminders.release_unsent_claims(
            session, keep_claimed_by=boot_id
        )
        members = await repository.enrolments.to_remind(session)
        sent = await repository.reminders.sent_since(session, sent_since)
    last_sent = {row.member_id: row.due_at for row in sent if row.kind == ReminderKind.REMINDER}
    targets = [
        Target(
            member.id,
            reminder_settings(services, member, enrolment),
            enrolment.snoozed_until,
            last_sent.get(member.id),
            member.onboarded_at,
        )
        for member, enrolment in members
        if member.onboarded_at is not None
    ]
    return released, targets


async def replan(services: BotServices, member_id: int) -> ReminderSettings | None:
    """After a settings change: drop any snooze; the member's settings, or None when they get
    no reminders (gone, blocked the bot, not set up)."""
    async with services.database.transaction() as session:
        await repository.enrolments.set_snooze(session, member_id, None)
        member = await repository.members.get(session, member_id)
        enrolment = await repository.enrolments.active(session, member_id)
    if member is None or enrolment is None or member.inactive or member.onboarded_at is None:
        return None
    return reminder_settings(services, member, enrolment)


async def recent_reminders(
    services: BotServices, member_id: int, since: datetime
) -> tuple[ReminderSettings, list[datetime]] | None:
    """For /snooze: the member's settings and the reminders claimed or sent since `since`;
    None when they get no reminders."""
    async with services.database.read() as session:
        member = await repository.members.get(session, member_id)
        enrolment = await repository.enrolments.active(session, member_id)
        rows = await repository.reminders.for_member(session, member_id, since=since)
    if member is None or enrolment is None or member.inactive:
        return None
    settings = reminder_settings(services, member, enrolment)
    return settings, [row.due_at for row in rows if row.kind == ReminderKind.REMINDER]


async def store_snooze(services: BotServices, member_id: int, until: datetime) -> None:
    async with services.database.transaction() as session:
        await repository.enrolments.set_snooze(session, member_id, until)


@dataclass(frozen=True)
class Claimed:
    """This process holds the claim: send `kind`'s text for `title` to `chat_id`."""

    chat_id: int
    title: str
    choice: WorkoutChoice
    snoozed: bool


@dataclass(frozen=True)
class NotSent:
    """Nothing to send: the rule's decision or what happened around it, and the member's
    settings (None when they are gone) so the caller can plan what comes next."""

    outcome: ReminderOutcome | Literal["gone", "answered", "not_claimed"]
    settings: ReminderSettings | None


async def decide_and_claim(
    services: BotServices, due: DueReminder, boot_id: str, now: datetime
) -> tuple[Claimed, ReminderSettings] | NotSent:
    """Ask the rules whether `due` goes out now and, if so, claim it for `boot_id`."""
    async with services.database.transaction() as session:
        member = await repository.members.get(session, due.member_id)
        enrolment = await repository.enrolments.active(session, due.member_id)
        if member is None or enrolment is None or member.inactive:
            return NotSent("gone", None)
        protocol = services.protocol(enrolment.protocol)
        if protocol is None:
            return NotSent("gone", None)
        settings = reminder_settings(services, member, enrolment)
        snoozed = (
            due.kind == ReminderKind.REMINDER
            and enrolment.snoozed_until is not None
            and enrolment.snoozed_until <= due.due_at
        )
        if due.kind == ReminderKind.NUDGE:
            reminded_at = due.due_at - services.settings.nudge_after
            if await repository.sessions.started_between(session, member.id, reminded_at, now):
                return NotSent("answered", settings)
        decision = reminder_decision(
            settings,
            workout_caps(protocol),
            await done_sessions(session, member.id, settings.zone, now),
            due.due_at,
            now,
            services.settings.reminder_grace,
            already_sent=False,  # the claim below decides that, atomically
        )
        if decision.choice is None:
            if snoozed:
                await repository.enrolments.clear_snooze_through(session, member.id, due.due_at)
            return NotSent(decision.outcome, settings)
        claimed = await repository.reminders.claim(
            session,
            member.id,
            decision.choice.key,
            due.kind,
            due.due_at,
            now=now,
            claimed_by=boot_id,
        )
        if not claimed:
            return NotSent("not_claimed", settings)
    title = protocol.workout(decision.choice.key).title
    return Claimed(member.chat_id, title, decision.choice, snoozed), settings


async def mark_sending(services: BotServices, due: DueReminder, boot_id: str) -> bool:
    """Record that the request is about to leave; False when `boot_id` lost the claim (a
    process started meanwhile released and took it over)."""
    async with services.database.transaction() as session:
        return await repository.reminders.mark_sending(
            session, due.member_id, due.kind, due.due_at, now=services.clock(), claimed_by=boot_id
        )


async def settle(
    services: BotServices, due: DueReminder, boot_id: str, *, sent: bool, drop_snooze: bool
) -> None:
    """After the attempt: mark the reminder sent, or give the claim back; drop a snooze up to
    it once it is handled for good."""
    async with services.database.transaction() as session:
        if sent:
            await repository.reminders.mark_sent(
                session, due.member_id, due.kind, due.due_at, now=services.clock()
            )
        else:
            await repository.reminders.release(
                session, due.member_id, due.kind, due.due_at, claimed_by=boot_id
            )
        if drop_snooze:
            await repository.enrolments.clear_snooze_through(session, due.member_id, due.due_at)
