"""Soreness check-ins: store the pain score and note, then ask the symptom rules about them.

A check-in may raise two kinds of flag (see `bot.rules.symptoms` and `bot.rules.red_flags`):
"urgent" (a clinician now: the member is told at once) and "worsening" (the coach follows up).
At most one flag of each kind is open per member, so a run of bad check-ins raises one flag,
not a storm of them. Every flag raised comes back as a `FlagAlert`, with the history that
explains it, for the coach.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.red_flags import find_red_flags, urgent_flag
from bot.rules.symptoms import CheckIn, FlagDecision, worsening_flag
from bot.services.views import flag_view, member_card
from bot.views import FlagAlert
from storage import repository
from storage.awaiting import AwaitNote, AwaitPain
from storage.models import FlagKind, Member, SymptomReport

HISTORY_LENGTH = 12
"""Check-ins the rules look back over (enough for the baseline and the trend window)."""

MAX_NOTE = 2000
"""Characters of a note that are kept (the coach reads it in a Telegram message)."""


@dataclass(frozen=True)
class Urgent:
    """The member must stop and see a clinician: what they reported, in words."""

    what: Sequence[str]


@dataclass(frozen=True)
class CheckedIn:
    """A pain score or note was saved; what the member and the coach must hear about it."""

    report_id: int
    urgent: Urgent | None
    alerts: Sequence[FlagAlert]
    note_cut: bool = False


@dataclass(frozen=True)
class Stale:
    """Nothing to save: the question was answered already, or belongs to no running check-in."""


async def history(session: AsyncSession, member_id: int) -> list[CheckIn]:
    """The member's recent check-ins, each numbered by the session it followed."""
    reports = await repository.check_ins.recent(session, member_id, HISTORY_LENGTH)
    numbers = await repository.sessions.finished_numbers(session, member_id)
    return [_check_in(report, numbers) for report in reports]


def _check_in(report: SymptomReport, numbers: dict[int, int]) -> CheckIn:
    number = numbers.get(report.session_id) if report.session_id is not None else None
    return CheckIn(at=report.at, pain=report.pain, note=report.note, session_number=number)


async def record_pain(
    services: BotServices, user_id: int, session_id: int, pain: int, now: datetime
) -> CheckedIn | Stale:
    """Store the pain score after a session the member is being asked about; the note is
    asked for next (unless the member must stop)."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None or member.awaiting != AwaitPain(session_id):
            return Stale()
        if await repository.check_ins.for_session(session, session_id) is not None:
            return Stale()
        report = await repository.check_ins.add(
            session, member.id, pain=pain, session_id=session_id, now=now
        )
        result = await _evaluate(services, session, member, report, now)
        await repository.members.set_awaiting(
            session, member.id, None if result.urgent else AwaitNote(report.id)
        )
        return result


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
    return CheckedIn(result.report_id, result.urgent, result.alerts, len(text) > MAX_NOTE)


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
    thresholds = services.settings.flags
    decisions: list[FlagDecision] = []
    urgent = urgent_flag(report.pain, report.note, thresholds)
    if urgent is not None:
        decisions.append(urgent)
    check_ins = await history(session, member.id)
    worsening = worsening_flag(check_ins, thresholds)
    if worsening is not None:
        decisions.append(worsening)
    alerts = []
    for decision in decisions:
        flag = await repository.flags.add(
            session, member.id, FlagKind(decision.kind), decision.reason, now=now
        )
        if flag is not None:
            alerts.append(FlagAlert(member_card(member), flag_view(flag), check_ins))
    if urgent is None:
        return CheckedIn(report.id, None, alerts)
    labels = [flag.label for flag in find_red_flags(report.note)] if report.note else []
    return CheckedIn(report.id, Urgent(labels), alerts)
