"""Read-only overviews across members, for the coach's dashboard.

The members view is a handful of set-based queries, each one statement for every member at
once whatever their number: the members with their enrolment, their finished sessions counted
in windows (GROUP BY), the last time each was heard from, their open flags by level, and their
latest pain scores (a window function). Each reads only the columns it needs and hands back
plain values, one row per member (the pain scores: a few), so no history is loaded into Python.

``coach_id`` limits a query to that coach's members (in SQL); None means every member.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, String, case, func, literal, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Enrolment,
    Flag,
    FlagLevel,
    FormCheck,
    Member,
    MessageDirection,
    SessionStatus,
    StepResult,
    SymptomReport,
    ThreadMessage,
    UtcDateTime,
    WorkoutSession,
)

_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])


def _of_coach(query: _Query, member_id: Any, coach_id: int | None) -> _Query:
    """The query, limited to rows of `coach_id`'s members when it is given."""
    if coach_id is None:
        return query
    return query.where(member_id.in_(select(Member.id).where(Member.coach_id == coach_id)))


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


async def members(session: AsyncSession, coach_id: int | None) -> list[MemberLine]:
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
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    result = await session.execute(query.order_by(Member.name, Member.id))
    return [MemberLine(*row) for row in result]


@dataclass(frozen=True)
class SessionCounts:
    """A member's sessions: how many they finished from each start up to `until`, in the
    order the starts were given, the last one they finished by then, the last they began."""

    since: tuple[int, ...]
    last_finished: datetime | None
    last_started: datetime


def _per_zone(starts: Mapping[ZoneInfo, datetime]) -> ColumnElement[datetime]:
    """The start of the member's own zone (a CASE on the member's zone name)."""
    return case(
        {zone.key: literal(start, UtcDateTime()) for zone, start in starts.items()},
        value=type_coerce(Member.time_zone, String),
    )


async def session_counts(
    session: AsyncSession,
    since: Mapping[ZoneInfo, Sequence[datetime]],
    until: datetime,
    coach_id: int | None,
) -> dict[int, SessionCounts]:
    """Member id → their sessions, counted from the starts of their zone in `since` (every
    zone the same number of starts; a member of a zone not in it counts none). One grouped
    query; members who never began a session are not in it."""
    width = len(next(iter(since.values()), ()))
    finished = WorkoutSession.finished_at
    done = (WorkoutSession.status == SessionStatus.FINISHED) & (finished <= until)
    counts = [
        func.count(case((done & (finished >= _per_zone({z: s[i] for z, s in since.items()})), 1)))
        for i in range(width)
    ]
    query = (
        select(
            WorkoutSession.member_id,
            func.max(case((done, finished))),
            func.max(WorkoutSession.started_at),
            *counts,
        )
        .join(Member, Member.id == WorkoutSession.member_id)
        .group_by(WorkoutSession.member_id)
    )
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    return {
        member_id: SessionCounts(tuple(row), last_finished, last_started)
        for member_id, last_finished, last_started, *row in await session.execute(query)
    }


async def last_heard_from(session: AsyncSession, coach_id: int | None) -> dict[int, datetime]:
    """Member id → the last time the member checked in, sent a form-check video or wrote to
    their coach (their sessions are in `session_counts`). One grouped query."""
    heard = (
        _of_coach(
            select(SymptomReport.member_id.label("member_id"), SymptomReport.at.label("at")),
            SymptomReport.member_id,
            coach_id,
        )
        .union_all(
            _of_coach(select(FormCheck.member_id, FormCheck.at), FormCheck.member_id, coach_id),
            _of_coach(
                select(ThreadMessage.member_id, ThreadMessage.at).where(
                    ThreadMessage.direction == MessageDirection.FROM_MEMBER
                ),
                ThreadMessage.member_id,
                coach_id,
            ),
        )
        .subquery()
    )
    query = select(heard.c.member_id, func.max(heard.c.at)).group_by(heard.c.member_id)
    return {member_id: at for member_id, at in await session.execute(query)}


async def open_flag_counts(
    session: AsyncSession, coach_id: int | None
) -> dict[int, dict[str, int]]:
    """Member id → level name ("high", ...) → how many open (unacknowledged) flags of that
    level they have (only levels they have)."""
    query = (
        select(Flag.member_id, Flag.level, func.count())
        .where(Flag.acknowledged_at.is_(None))
        .group_by(Flag.member_id, Flag.level)
    )
    counts: defaultdict[int, dict[str, int]] = defaultdict(dict)
    result = await session.execute(_of_coach(query, Flag.member_id, coach_id))
    for member_id, level, count in result:
        counts[member_id][FlagLevel(level).value] = count
    return dict(counts)


@dataclass(frozen=True)
class RecentPain:
    """A member's latest pain scores, oldest first, and when they gave the last one."""

    last_at: datetime
    scores: tuple[int, ...]


async def recent_pain(
    session: AsyncSession, per_member: int, coach_id: int | None
) -> dict[int, RecentPain]:
    """Member id → their latest `per_member` pain scores: a window function ranks each
    member's scores, and a GROUP BY turns the ranks into columns, one row per member."""
    rank = (
        func.row_number()
        .over(
            partition_by=SymptomReport.member_id,
            order_by=(SymptomReport.at.desc(), SymptomReport.id.desc()),
        )
        .label("rank")
    )
    ranked = _of_coach(
        select(SymptomReport.member_id, SymptomReport.at, SymptomReport.pain, rank).where(
            SymptomReport.pain.is_not(None)
        ),
        SymptomReport.member_id,
        coach_id,
    ).subquery()
    latest_first = [
        func.max(case((ranked.c.rank == place, ranked.c.pain)))
        for place in range(1, per_member + 1)
    ]
    result = await session.execute(
        select(ranked.c.member_id, func.max(case((ranked.c.rank == 1, ranked.c.at))), *latest_first)
        .where(ranked.c.rank <= per_member)
        .group_by(ranked.c.member_id)
    )
    return {
        member_id: RecentPain(last_at, tuple(s for s in reversed(scores) if s is not None))
        for member_id, last_at, *scores in result
    }


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
