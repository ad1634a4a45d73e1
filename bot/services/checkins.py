"""Soreness check-ins: store the pain score and note, then ask the symptom rules about them.

A check-in may raise two kinds of flag (see `bot.rules.symptoms` and `bot.rules.red_flags`):
"urgent" (a clinician now: the member is told at once) and "worsening" (the coach follows up).
At most one flag of each kind is open per member, so a run of bad check-ins raises one flag,
not a storm of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.red_flags import find_red_flags, urgent_flag
from bot.rules.symptoms import CheckIn, FlagDecision, worsening_flag
from storage import repository
from storage.models import Flag, FlagKind, SymptomReport

HISTORY_LENGTH = 12
"""Check-ins the rules look back over (enough for the baseline and the trend window)."""

MAX_NOTE = 2000
"""Characters of a note that are kept (the coach reads it in a Telegram message)."""


@dataclass(frozen=True)
class CheckInResult:
    report_id: int
    raised: list[Flag]
    urgent: FlagDecision | None
    """Set when the member must be told to stop and see a clinician."""
    red_flag_labels: list[str]


async def history(session: AsyncSession, member_id: int) -> list[CheckIn]:
    """The member's recent check-ins, each numbered by the session it followed."""
    reports = await repository.check_ins.recent(session, member_id, HISTORY_LENGTH)
    numbers = await repository.sessions.finished_numbers(session, member_id)
    return [_check_in(report, numbers) for report in reports]


def _check_in(report: SymptomReport, numbers: dict[int, int]) -> CheckIn:
    number = numbers.get(report.session_id) if report.session_id is not None else None
    return CheckIn(at=report.at, pain=report.pain, note=report.note, session_number=number)


async def record_pain(
    services: BotServices, member_id: int, session_id: int, pain: int, now: datetime
) -> CheckInResult | None:
    """Store the pain score after a session; None if this session already has one."""
    async with services.database.transaction() as session:
        existing = await repository.check_ins.for_session(session, session_id)
        if existing is not None:
            return None
        report = await repository.check_ins.add(
            session, member_id, pain=pain, session_id=session_id, now=now
        )
        await repository.members.set_awaiting(session, member_id, f"note:{report.id}")
        return await _evaluate(services, session, member_id, report, now)


async def record_note(
    services: BotServices, member_id: int, report_id: int, note: str, now: datetime
) -> CheckInResult | None:
    """Add the member's note to their check-in; None if the check-in is gone."""
    async with services.database.transaction() as session:
        report = await repository.check_ins.set_note(session, report_id, member_id, note[:MAX_NOTE])
        await repository.members.set_awaiting(session, member_id, None)
        if report is None:
            return None
        return await _evaluate(services, session, member_id, report, now)


async def _evaluate(
    services: BotServices,
    session: AsyncSession,
    member_id: int,
    report: SymptomReport,
    now: datetime,
) -> CheckInResult:
    thresholds = services.settings.flags
    decisions: list[FlagDecision] = []
    urgent = urgent_flag(report.pain, report.note, thresholds)
    if urgent is not None:
        decisions.append(urgent)
    worsening = worsening_flag(await history(session, member_id), thresholds)
    if worsening is not None:
        decisions.append(worsening)
    raised = []
    for decision in decisions:
        flag = await repository.flags.add(
            session, member_id, FlagKind(decision.kind), decision.reason, now=now
        )
        if flag is not None:
            raised.append(flag)
    labels = [flag.label for flag in find_red_flags(report.note)] if report.note else []
    return CheckInResult(report.id, raised, urgent, labels)
