"""Pain check-ins: the score after a session (then an optional note) and the next-morning
score, each stored with its kind and read by the pain rules (`bot.rules.symptoms.assess`).

A severe pain score is a red flag (the member sees a doctor today and their programme is held,
`bot.services.safety`); every other flag the rules raise is evidence on the member's pain flag,
at its level: critical reaches the coach at once, low and high wait for the daily digest. At
most one flag of each kind is open per member: later evidence is added to it. Every flag the
coach must hear about now comes back as a `FlagAlert`, with the history that explains it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.morning_check import is_morning_after
from bot.rules.screening import FOLLOW_UP
from bot.rules.symptoms import CheckIn, PainFlag, assess, needs_screening_follow_up
from bot.services import flags, safety
from bot.services.history import history_by_id
from bot.services.workout_summary import StoppedWorkout
from bot.views import FlagAlert
from storage import repository
from storage.awaiting import AwaitNote, AwaitPain
from storage.models import (
    CheckInKind,
    EvidenceSource,
    Flag,
    FlagKind,
    FlagLevel,
    Member,
    SymptomReport,
)

AT_ONCE: frozenset[str] = frozenset({"critical", "urgent"})
"""Pain flags of these levels reach the coach at once; low and high ones wait for the digest."""

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


async def pain_before_session(
    services: BotServices,
    session: AsyncSession,
    member: Member,
    session_id: int,
    pain: int,
    now: datetime,
) -> CheckedIn | None:
    """Store how the back feels before the session (a check-in of kind "before") and put it
    through the pain rules, inside the caller's unit of work; None when the session has its
    before-score already."""
    if await repository.check_ins.for_session(session, session_id, CheckInKind.BEFORE):
        return None
    report = await repository.check_ins.add(
        session, member.id, pain=pain, session_id=session_id, kind=CheckInKind.BEFORE, now=now
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


@dataclass(frozen=True)
class NoteSaved:
    cut: bool
    """The note was longer than `MAX_NOTE` and only its beginning was kept."""


async def record_note(
    services: BotServices, user_id: int, note: AwaitNote, text: str
) -> NoteSaved | Stale:
    """Add the member's note to their check-in (the first `MAX_NOTE` characters). The note's
    red flags are read on its way in, like every text (`bot.handlers.safety`)."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None or member.awaiting != note:
            return Stale()
        await repository.members.set_awaiting(session, member.id, None)
        report = await repository.check_ins.set_note(
            session, note.report_id, member.id, text[:MAX_NOTE]
        )
    return Stale() if report is None else NoteSaved(len(text) > MAX_NOTE)


async def record_morning_pain(
    services: BotServices, user_id: int, session_id: int, pain: int, now: datetime
) -> CheckedIn | Stale:
    """Store the member's next-morning score for `session_id`, apart from the session's own.

    Only on the morning's local day (the day after the session), and once: an older button, a
    second tap, or another member's button changes nothing."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        row = await repository.sessions.get(session, session_id)
        if member is None or row is None or row.member_id != member.id:
            return Stale()
        if row.finished_at is None or not is_morning_after(row.finished_at, now, member.time_zone):
            return Stale()
        if await repository.check_ins.for_session(session, session_id, CheckInKind.MORNING):
            return Stale()
        report = await repository.check_ins.add(
            session,
            member.id,
            pain=pain,
            session_id=session_id,
            kind=CheckInKind.MORNING,
            now=now,
        )
        return await _evaluate(services, session, member, report, now)


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
    """Ask the pain rules (`assess`) about the member's newest score.

    Each flag it raises is evidence on the member's pain flag, with its level and rule; the
    coach is alerted at once to a critical one, and reads low and high ones in their daily
    digest. Severe pain (urgent) is a red flag: the
    programme is held and the member sees a doctor today.

    Notes are not read here: every text a member sends, a note included, is read for red flags
    on its way in (`bot.handlers.safety`)."""
    thresholds = services.settings.pain
    numbered = await history_by_id(session, member.id)
    check_ins = [check_in for _, check_in in numbered]
    current = next(check_in for report_id, check_in in numbered if report_id == report.id)
    raised = [
        flag
        for flag in assess(check_ins, thresholds, zone=member.time_zone)
        if flag.check_in is current
    ]
    alerts: list[FlagAlert] = []
    urgent = None
    stopped = None
    severe = next((flag for flag in raised if flag.level == "urgent"), None)
    if severe is not None and report.pain is not None:
        found = safety.Report("urgent", ("severe_pain",), severe.reason, EvidenceSource.CHECK_IN)
        held = await safety.hold_and_flag(services, session, member, found, now)
        alerts.append(held.alert)
        stopped = held.stopped
        urgent = Urgent(report.pain, member.time_zone)
    pain_flag = await _pain_flag(session, member, [f for f in raised if f is not severe], now)
    if pain_flag is not None:
        alerts.append(
            await flags.alert_for(
                services, session, member, pain_flag, check_ins, now, held=urgent is not None
            )
        )
    ask_follow_up = urgent is None and needs_screening_follow_up(
        check_ins[: check_ins.index(current) + 1], thresholds, zone=member.time_zone
    )
    return CheckedIn(report.id, urgent, alerts, ask_follow_up=ask_follow_up, stopped=stopped)


async def _pain_flag(
    session: AsyncSession, member: Member, raised: Sequence[PainFlag[CheckIn]], now: datetime
) -> Flag | None:
    """Add each flag to the member's pain flag, most severe first; the flag when one of them
    is critical (the coach hears at once), None when they wait for the digest."""
    flag: Flag | None = None
    for found in raised:
        evidence = flags.Evidence(
            kind=FlagKind.PAIN,
            level=FlagLevel(found.level),
            rule=found.rule,
            reason=found.reason,
            text=found.reason,
            source=EvidenceSource.CHECK_IN,
        )
        flag = (await flags.raise_or_merge(session, member.id, evidence, now)).flag
    at_once = any(found.level in AT_ONCE for found in raised)
    return flag if at_once else None
