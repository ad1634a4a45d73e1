"""Soreness check-ins: store the pain score and note, then ask the symptom rules about them.

A severe pain score is a red flag (the member sees a doctor today and their programme is held,
`bot.services.safety`); a worsening trend is a pain flag for the coach (`bot.rules.symptoms`).
At most one flag of each kind is open per member: later evidence is added to it. Every flag
the coach must hear about comes back as a `FlagAlert`, with the history that explains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.screening import FOLLOW_UP
from bot.rules.symptoms import needs_screening_follow_up, worsening_flag
from bot.services import flags, safety
from bot.services.history import history
from bot.services.workout_summary import StoppedWorkout
from bot.views import FlagAlert
from storage import repository
from storage.awaiting import AwaitNote, AwaitPain
from storage.models import EvidenceSource, FlagKind, FlagLevel, Member, SymptomReport

MAX_NOTE = 2000
"""Characters of a note that are kept (the coach reads it in a Telegram message)."""


@dataclass(frozen=True)
class Urgent:
    """The member's pain is severe: they stop and see a doctor today (their programme is held)."""

    pain: int
    zone: ZoneInfo


@dataclass(frozen=True)
class CheckedIn:
    """A pain score or note was saved; what the member and the coach must hear about it."""

    report_id: int
    urgent: Urgent | None
    alerts: Sequence[FlagAlert]
    note_cut: bool = False
    ask_follow_up: bool = False
    """The score rose by the minimal important change: ask the red-flag follow-up question."""
    stopped: StoppedWorkout | None = None
    """A workout in progress that the urgent score ended (its card must say so)."""
    asked_on: int | None = None
    """The message whose buttons asked for this score after a session (the finished card)."""


@dataclass(frozen=True)
class Stale:
    """Nothing to save: the question belongs to no running check-in."""


@dataclass(frozen=True)
class AlreadySaved:
    """The session's pain score was saved already (typed, or a button pressed before)."""


async def record_pain(
    services: BotServices, user_id: int, session_id: int, pain: int, now: datetime
) -> CheckedIn | AlreadySaved | Stale:
    """Store the pain score after a session the member is being asked about; the note is
    asked for next (unless the member must stop)."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return Stale()
        saved = await repository.check_ins.for_session(session, session_id)
        if saved is not None and saved.member_id == member.id:
            return AlreadySaved()
        if member.awaiting != AwaitPain(session_id):
            return Stale()
        report = await repository.check_ins.add(
            session, member.id, pain=pain, session_id=session_id, now=now
        )
        result = await _evaluate(services, session, member, report, now)
        await repository.members.set_awaiting(
            session, member.id, None if result.urgent else AwaitNote(report.id)
        )
        row = await repository.sessions.get(session, session_id)
        return replace(result, asked_on=row.step_message_id if row is not None else None)


async def pain_during_workout(
    services: BotServices,
    session: AsyncSession,
    member: Member,
    session_id: int,
    step_index: int,
    pain: int,
    now: datetime,
) -> CheckedIn:
    """Store pain the member reported during step `step_index` of a workout ("It hurts") and
    put it through the same rules as a check-in, inside the caller's unit of work."""
    report = await repository.check_ins.add(
        session, member.id, pain=pain, session_id=session_id, step_index=step_index, now=now
    )
    return await _evaluate(services, session, member, report, now)


async def note_question_shown(
    services: BotServices, user_id: int, report_id: int, message_id: int
) -> None:
    """Remember the message asking for the note, so a typed note takes its button away."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is not None and member.awaiting == AwaitNote(report_id):
            await repository.members.set_awaiting(
                session, member.id, AwaitNote(report_id, message_id)
            )


async def record_note(
    services: BotServices, user_id: int, note: AwaitNote, text: str, now: datetime
) -> CheckedIn | Stale:
    """Add the member's note to their check-in (the first `MAX_NOTE` characters)."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None or member.awaiting != note:
            return Stale()
        await repository.members.set_awaiting(session, member.id, None)
        report = await repository.check_ins.set_note(
            session, note.report_id, member.id, text[:MAX_NOTE]
        )
        if report is None:
            return Stale()
        result = await _evaluate(services, session, member, report, now)
    # The follow-up question, if any, was asked with the score.
    return replace(result, note_cut=len(text) > MAX_NOTE, ask_follow_up=False)


@dataclass(frozen=True)
class FollowedUp:
    """The follow-up answer is kept; a "yes" is a red flag (`reported`: the programme is
    held and the coach told)."""

    reported: safety.Reported | None


async def answer_follow_up(
    services: BotServices, user_id: int, report_id: int, yes: bool, asked: str, now: datetime
) -> FollowedUp | Stale:
    """Keep the member's answer to the red-flag follow-up question after check-in
    `report_id` (`asked`: its words, for the coach)."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return Stale()
        if not await repository.check_ins.answer_follow_up(session, report_id, member.id, yes):
            return Stale()
        if not yes:
            return FollowedUp(None)
        found = safety.Report(FOLLOW_UP.level, (FOLLOW_UP.family,), asked, EvidenceSource.SCREENING)
        return FollowedUp(await safety.report_for(services, session, member, found, now))


async def skip_note(services: BotServices, user_id: int) -> bool:
    """No note this time; False when no note was being asked for."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None or not isinstance(member.awaiting, AwaitNote):
            return False
        await repository.members.set_awaiting(session, member.id, None)
    return True


async def _evaluate(
    services: BotServices,
    session: AsyncSession,
    member: Member,
    report: SymptomReport,
    now: datetime,
) -> CheckedIn:
    """Ask the rules about the member's pain: a score this high is a red flag (severe pain:
    the programme is held, a doctor today); a worsening trend is a pain flag for the coach.

    Notes are not read here: every text a member sends, a note included, is read for red flags
    on its way in (`bot.handlers.safety`)."""
    thresholds = services.settings.flags
    alerts: list[FlagAlert] = []
    urgent = None
    stopped = None
    if report.pain is not None and report.pain >= thresholds.urgent_pain:
        found = safety.Report(
            "urgent", ("severe_pain",), f"pain {report.pain}/10", EvidenceSource.CHECK_IN
        )
        held = await safety.hold_and_flag(services, session, member, found, now)
        alerts.append(held.alert)
        stopped = held.stopped
        urgent = Urgent(report.pain, member.time_zone)
    check_ins = await history(session, member.id)
    worsening = worsening_flag(check_ins, thresholds)
    if worsening is not None:
        evidence = flags.Evidence(
            kind=FlagKind.PAIN,
            level=FlagLevel.HIGH,
            rule="worsening",
            reason=worsening.reason,
            text=worsening.reason,
            source=EvidenceSource.CHECK_IN,
        )
        raised = await flags.raise_or_merge(session, member.id, evidence, now)
        if raised.new or raised.escalated:
            alerts.append(
                await flags.alert_for(
                    services, session, member, raised.flag, check_ins, now, held=urgent is not None
                )
            )
    ask_follow_up = urgent is None and needs_screening_follow_up(
        check_ins, services.settings.pain, zone=member.time_zone
    )
    return CheckedIn(report.id, urgent, alerts, ask_follow_up=ask_follow_up, stopped=stopped)
