"""A member's check-ins as the symptom rules read them."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.rules.symptoms import CheckIn
from storage import repository
from storage.models import SymptomReport

HISTORY_LENGTH = 12
"""Check-ins the rules look back over (enough for the baseline and the trend window)."""


async def history(session: AsyncSession, member_id: int) -> list[CheckIn]:
    """The member's recent check-ins, each numbered by the session it followed."""
    reports = await repository.check_ins.recent(session, member_id, HISTORY_LENGTH)
    numbers = await repository.sessions.finished_numbers(session, member_id)
    return [_check_in(report, numbers) for report in reports]


def _check_in(report: SymptomReport, numbers: dict[int, int]) -> CheckIn:
    number = numbers.get(report.session_id) if report.session_id is not None else None
    return CheckIn(at=report.at, pain=report.pain, note=report.note, session_number=number)
