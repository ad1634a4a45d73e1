"""Check-ins: the pain scores and notes members send."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CheckInKind, Member, SymptomReport


async def add(
    session: AsyncSession,
    member_id: int,
    *,
    pain: int | None,
    note: str | None = None,
    session_id: int | None = None,
    step_index: int | None = None,
    kind: CheckInKind = CheckInKind.SESSION,
    now: datetime,
) -> SymptomReport:
    """Store a check-in of `kind` (a next-morning one names the session it follows; with
    `step_index` when the pain came during that step of the workout); `pain` outside 0..10 is
    refused by the database (IntegrityError)."""
    report = SymptomReport(
        member_id=member_id,
        session_id=session_id,
        step_index=step_index,
        pain=pain,
        note=note,
        kind=kind,
        at=now,
    )
    session.add(report)
    await session.flush()
    return report


async def for_session(
    session: AsyncSession, session_id: int, kind: CheckInKind = CheckInKind.SESSION
) -> SymptomReport | None:
    """The check-in of `kind` given about this workout (after it, or the next morning), if any;
    pain reported during it ("It hurts") is not one."""
    return await session.scalar(
        select(SymptomReport)
        .where(
            SymptomReport.session_id == session_id,
            SymptomReport.kind == kind,
            SymptomReport.step_index.is_(None),
        )
        .limit(1)
    )


async def set_note(
    session: AsyncSession, report_id: int, member_id: int, note: str
) -> SymptomReport | None:
    """Add the member's note to their check-in; None if it is not theirs or is gone."""
    result = await session.scalars(
        update(SymptomReport)
        .where(SymptomReport.id == report_id, SymptomReport.member_id == member_id)
        .values(note=note)
        .returning(SymptomReport),
        execution_options={"populate_existing": True},
    )
    return result.first()


async def answer_follow_up(
    session: AsyncSession, report_id: int, member_id: int, answer: bool
) -> bool:
    """Keep the answer to the red-flag follow-up question asked after this check-in; False
    (nothing written) if it is not the member's or was answered already."""
    result = await session.execute(
        update(SymptomReport)
        .where(
            SymptomReport.id == report_id,
            SymptomReport.member_id == member_id,
            SymptomReport.follow_up_answer.is_(None),
        )
        .values(follow_up_answer=answer)
        .returning(SymptomReport.id)
    )
    return result.first() is not None


async def recent(session: AsyncSession, member_id: int, limit: int = 10) -> list[SymptomReport]:
    """The member's latest `limit` check-ins, oldest first (ready for trend rules)."""
    result = await session.scalars(
        select(SymptomReport)
        .where(SymptomReport.member_id == member_id)
        .order_by(SymptomReport.at.desc(), SymptomReport.id.desc())
        .limit(limit)
    )
    return list(reversed(result.all()))


async def latest_pain(
    session: AsyncSession, member_id: int, *, until: datetime | None = None
) -> SymptomReport | None:
    """The member's latest check-in with a pain score (at or before `until`, when given)."""
    query = select(SymptomReport).where(
        SymptomReport.member_id == member_id, SymptomReport.pain.is_not(None)
    )
    if until is not None:
        query = query.where(SymptomReport.at <= until)
    return await session.scalar(
        query.order_by(SymptomReport.at.desc(), SymptomReport.id.desc()).limit(1)
    )


async def latest_pain_by_member(session: AsyncSession) -> dict[int, SymptomReport]:
    """Each member's latest check-in that has a pain score, keyed by member id (one query)."""
    ranked = (
        select(
            SymptomReport.id,
            func.row_number()
            .over(
                partition_by=SymptomReport.member_id,
                order_by=(SymptomReport.at.desc(), SymptomReport.id.desc()),
            )
            .label("rank"),
        )
        .where(SymptomReport.pain.is_not(None))
        .subquery()
    )
    result = await session.scalars(
        select(SymptomReport)
        .join(ranked, ranked.c.id == SymptomReport.id)
        .where(ranked.c.rank == 1)
    )
    return {report.member_id: report for report in result}


async def all_with_members(
    session: AsyncSession, coach_id: int | None = None
) -> list[tuple[SymptomReport, Member]]:
    """Every check-in of every member, by member then time (one query, for export); only
    one coach's members with `coach_id`."""
    query = select(SymptomReport, Member).join(Member, Member.id == SymptomReport.member_id)
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    result = await session.execute(query.order_by(Member.id, SymptomReport.at, SymptomReport.id))
    return [(report, member) for report, member in result]
