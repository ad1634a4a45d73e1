"""A member's check-ins as the pain rules read them: each with its kind (before a session,
after it, the next morning) and the number of the session it is about."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.ext.asyncio import AsyncSession

from bot.rules.symptoms import CheckIn, CheckInKind
from storage import repository
from storage.models import CheckInKind as StoredKind
from storage.models import SymptomReport

_KINDS: dict[StoredKind, CheckInKind] = {
    StoredKind.BEFORE: "before",
    StoredKind.SESSION: "session",
    StoredKind.MORNING: "morning",
}

HISTORY_LENGTH = 500
"""Check-ins the rules look back over: about a year at three sessions a week with three scores
each. The rules' first programme week is the first one in this window."""


async def history(session: AsyncSession, member_id: int) -> list[CheckIn]:
    """The member's check-ins, oldest first."""
    return [check_in for _, check_in in await history_by_id(session, member_id)]


async def history_by_id(session: AsyncSession, member_id: int) -> list[tuple[int, CheckIn]]:
    """The member's check-ins, oldest first, each with its row id (to find the flags the
    newest one raised)."""
    reports = await repository.check_ins.recent(session, member_id, HISTORY_LENGTH)
    numbers = await repository.sessions.finished_numbers(session, member_id)
    return [(report.id, check_in_of(report, numbers)) for report in reports]


def check_in_of(report: SymptomReport, numbers: Mapping[int, int] | None = None) -> CheckIn:
    """The check-in the rules read from a stored one; `numbers` (session id → its number among
    the member's sessions) numbers it by its session."""
    number = (
        numbers.get(report.session_id)
        if numbers is not None and report.session_id is not None
        else None
    )
    return CheckIn(
        at=report.at,
        pain=report.pain,
        kind=_KINDS[report.kind],
        note=report.note,
        session_number=number,
    )
