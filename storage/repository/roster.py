"""Read-only overviews across members, for the coach's dashboard.

Each function is one query whatever the number of members, and reads only the columns it
needs (plain tuples, no ORM rows), so a roster of 1,000 members stays a handful of fast
queries. ``member_ids`` limits a query to the members a coach may see; None means everyone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Enrolment,
    Flag,
    FlagLevel,
    FormCheck,
    Member,
    SessionStatus,
    StepResult,
    SymptomReport,
    WorkoutSession,
)
from storage.repository.dialect import epoch_seconds

_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def _only(query: _Query, column: Any, member_ids: Collection[int] | None) -> _Query:
    """The query, limited to these members' rows when `member_ids` is given."""
    return query if member_ids is None else query.where(column.in_(member_ids))


@dataclass(frozen=True)
class MemberLine:
    """What the members view needs of a member and their active enrolment (plain columns)."""

    id: int
    name: str
    username: str | None
    time_zone: ZoneInfo
    onboarded_at: datetime | None
    paused: bool
    inactive: bool
    protocol: str | None
    workout_days: frozenset[int] | None


async def members(session: AsyncSession, member_ids: Collection[int] | None) -> list[MemberLine]:
    """The members by name, each with their active enrolment's protocol and days."""
    query = select(
        Member.id,
        Member.name,
        Member.username,
        Member.time_zone,
        Member.onboarded_at,
        Member.paused,
        Member.inactive,
        Enrolment.protocol,
        Enrolment.workout_days,
    ).outerjoin(Enrolment, (Enrolment.member_id == Member.id) & Enrolment.active)
    result = await session.execute(
        _only(query, Member.id, member_ids).order_by(Member.name, Member.id)
    )
    return [MemberLine(*row) for row in result]


async def open_flag_levels(
    session: AsyncSession, member_ids: Collection[int] | None
) -> dict[int, list[FlagLevel]]:
    """Member id → the levels of their open (unacknowledged) flags."""
    query = select(Flag.member_id, Flag.level).where(Flag.acknowledged_at.is_(None))
    result = await session.execute(_only(query, Flag.member_id, member_ids))
    levels: defaultdict[int, list[FlagLevel]] = defaultdict(list)
    for member_id, level in result:
        levels[member_id].append(level)
    return dict(levels)


async def finishes_since(
    session: AsyncSession, since: datetime, member_ids: Collection[int] | None
) -> dict[int, list[datetime]]:
    """Member id → the finish times of their sessions finished at or after `since`, in order.

    Read as Unix seconds (a float per row, no date parsing): a thousand members have some
    twelve thousand sessions a month."""
    finished = epoch_seconds(session, WorkoutSession.finished_at)
    query = select(WorkoutSession.member_id, finished).where(
        WorkoutSession.status == SessionStatus.FINISHED, WorkoutSession.finished_at >= since
    )
    result = await session.execute(
        _only(query, WorkoutSession.member_id, member_ids).order_by(WorkoutSession.finished_at)
    )
    finishes: defaultdict[int, list[datetime]] = defaultdict(list)
    for member_id, seconds in result:
        if seconds is not None:
            finishes[member_id].append(datetime.fromtimestamp(float(seconds), UTC))
    return dict(finishes)


async def last_finishes(
    session: AsyncSession, member_ids: Collection[int] | None
) -> dict[int, datetime]:
    """Member id → when their latest finished session finished."""
    query = (
        select(WorkoutSession.member_id, func.max(WorkoutSession.finished_at))
        .where(WorkoutSession.status == SessionStatus.FINISHED)
        .group_by(WorkoutSession.member_id)
    )
    result = await session.execute(_only(query, WorkoutSession.member_id, member_ids))
    return {member_id: at for member_id, at in result if at is not None}


async def recent_pain(
    session: AsyncSession, per_member: int, member_ids: Collection[int] | None
) -> dict[int, list[tuple[datetime, int]]]:
    """Member id → their latest `per_member` pain scores as (time, pain), oldest first."""
    rank = (
        func.row_number()
        .over(
            partition_by=SymptomReport.member_id,
            order_by=(SymptomReport.at.desc(), SymptomReport.id.desc()),
        )
        .label("rank")
    )
    ranked = _only(
        select(SymptomReport.member_id, SymptomReport.at, SymptomReport.pain, rank).where(
            SymptomReport.pain.is_not(None)
        ),
        SymptomReport.member_id,
        member_ids,
    ).subquery()
    result = await session.execute(
        select(ranked.c.member_id, ranked.c.at, ranked.c.pain)
        .where(ranked.c.rank <= per_member)
        .order_by(ranked.c.member_id, ranked.c.rank.desc())
    )
    scores: defaultdict[int, list[tuple[datetime, int]]] = defaultdict(list)
    for member_id, at, pain in result:
        scores[member_id].append((at, pain))
    return dict(scores)


async def last_heard_from(
    session: AsyncSession, member_ids: Collection[int] | None
) -> dict[int, datetime]:
    """Member id → the last time the member started a session, checked in or sent a
    form-check video (three grouped queries, each on its member index; a session's finish is
    `last_finishes`)."""
    latest: dict[int, datetime] = {}
    for member_id, moment in (
        (WorkoutSession.member_id, func.max(WorkoutSession.started_at)),
        (SymptomReport.member_id, func.max(SymptomReport.at)),
        (FormCheck.member_id, func.max(FormCheck.at)),
    ):
        query = select(member_id, moment).group_by(member_id)
        for member, at in await session.execute(_only(query, member_id, member_ids)):
            if at is not None and (member not in latest or at > latest[member]):
                latest[member] = at
    return latest


async def sessions_between(
    session: AsyncSession, member_id: int, start: datetime, end: datetime
) -> list[WorkoutSession]:
    """The member's sessions started in [start, end), any status, oldest first."""
    result = await session.scalars(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.started_at >= start,
            WorkoutSession.started_at < end,
        )
        .order_by(WorkoutSession.started_at, WorkoutSession.id)
    )
    return list(result)


async def step_results(
    session: AsyncSession, session_ids: Sequence[int]
) -> dict[int, list[StepResult]]:
    """Session id → its answered steps in step order (one query for all the sessions)."""
    if not session_ids:
        return {}
    result = await session.scalars(
        select(StepResult)
        .where(StepResult.session_id.in_(session_ids))
        .order_by(StepResult.session_id, StepResult.step_index)
    )
    steps: defaultdict[int, list[StepResult]] = defaultdict(list)
    for step in result:
        steps[step.session_id].append(step)
    return dict(steps)


async def check_ins(session: AsyncSession, member_id: int, limit: int) -> list[SymptomReport]:
    """The member's latest `limit` check-ins (scores and notes), oldest first."""
    result = await session.scalars(
        select(SymptomReport)
        .where(SymptomReport.member_id == member_id)
        .order_by(SymptomReport.at.desc(), SymptomReport.id.desc())
        .limit(limit)
    )
    return list(reversed(result.all()))


async def form_checks(session: AsyncSession, member_id: int, limit: int) -> list[FormCheck]:
    """The member's latest `limit` form checks, oldest first."""
    result = await session.scalars(
        select(FormCheck)
        .where(FormCheck.member_id == member_id)
        .order_by(FormCheck.at.desc(), FormCheck.id.desc())
        .limit(limit)
    )
    return list(reversed(result.all()))
