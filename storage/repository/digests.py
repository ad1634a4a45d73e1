"""The coach's daily digest: its time and claim per coach, the notices queued for it, and the
reads that fill it (a fixed number of queries for all of a coach's members)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Coach,
    Flag,
    FlagEvidence,
    FlagKind,
    FlagLevel,
    NoticeEvent,
    QueuedNotice,
    ReminderKind,
    ReminderSent,
    SessionStatus,
    SymptomReport,
    WorkoutSession,
)


async def set_time(session: AsyncSession, coach_id: int, at: time, zone: ZoneInfo | None) -> None:
    """When the coach's digest is sent, on their clock (`zone` None: keep the one they had)."""
    values: dict[str, object] = {"digest_time": at}
    if zone is not None:
        values["digest_zone"] = zone
    await session.execute(update(Coach).where(Coach.id == coach_id).values(**values))


async def claim(session: AsyncSession, coach_id: int, due_at: datetime) -> bool:
    """Claim the coach's digest due at `due_at`: True for exactly one caller, and only once
    (the claim moves `digest_due_at` forward; an older or equal due time is refused)."""
    result = await session.execute(
        update(Coach)
        .where(
            Coach.id == coach_id,
            or_(Coach.digest_due_at.is_(None), Coach.digest_due_at < due_at),
        )
        .values(digest_due_at=due_at)
        .returning(Coach.id)
    )
    return result.first() is not None


async def queue_notice(
    session: AsyncSession,
    member_id: int,
    event: NoticeEvent,
    *,
    session_id: int | None = None,
    now: datetime,
) -> None:
    session.add(QueuedNotice(member_id=member_id, event=event, session_id=session_id, at=now))
    await session.flush()


async def notices(
    session: AsyncSession, member_ids: Sequence[int], since: datetime, until: datetime
) -> list[QueuedNotice]:
    """The members' queued notices from after `since` up to `until`, oldest first."""
    result = await session.scalars(
        select(QueuedNotice)
        .where(
            QueuedNotice.member_id.in_(member_ids),
            QueuedNotice.at > since,
            QueuedNotice.at <= until,
        )
        .order_by(QueuedNotice.at, QueuedNotice.id)
    )
    return list(result)


async def pain_evidence(
    session: AsyncSession, member_ids: Sequence[int], since: datetime, until: datetime
) -> list[tuple[Flag, FlagEvidence]]:
    """Low and high evidence added to the members' open pain flags after `since` (up to
    `until`), oldest first: what waited for the digest."""
    result = await session.execute(
        select(Flag, FlagEvidence)
        .join(FlagEvidence, FlagEvidence.flag_id == Flag.id)
        .where(
            Flag.member_id.in_(member_ids),
            Flag.kind == FlagKind.PAIN,
            Flag.acknowledged_at.is_(None),
            FlagEvidence.level.in_((FlagLevel.LOW, FlagLevel.HIGH)),
            FlagEvidence.at > since,
            FlagEvidence.at <= until,
        )
        .order_by(FlagEvidence.at, FlagEvidence.id)
    )
    return [(flag, evidence) for flag, evidence in result]


async def reminders(
    session: AsyncSession, member_ids: Sequence[int], since: datetime
) -> list[ReminderSent]:
    """The members' reminders actually sent, due at or after `since`, by member and time."""
    result = await session.scalars(
        select(ReminderSent)
        .where(
            ReminderSent.member_id.in_(member_ids),
            ReminderSent.kind == ReminderKind.REMINDER,
            ReminderSent.sent_at.is_not(None),
            ReminderSent.due_at >= since,
        )
        .order_by(ReminderSent.member_id, ReminderSent.due_at)
    )
    return list(result)


async def sessions(
    session: AsyncSession, member_ids: Sequence[int], since: datetime
) -> list[WorkoutSession]:
    """The members' sessions started at or after `since` (finished or not), by start time."""
    result = await session.scalars(
        select(WorkoutSession)
        .where(WorkoutSession.member_id.in_(member_ids), WorkoutSession.started_at >= since)
        .order_by(WorkoutSession.started_at, WorkoutSession.id)
    )
    return list(result)


async def sessions_by_id(
    session: AsyncSession, session_ids: Sequence[int]
) -> dict[int, WorkoutSession]:
    """These sessions, by id (the ones queued notices are about)."""
    result = await session.scalars(select(WorkoutSession).where(WorkoutSession.id.in_(session_ids)))
    return {row.id: row for row in result}


async def check_ins(
    session: AsyncSession, member_ids: Sequence[int], since: datetime
) -> list[SymptomReport]:
    """The members' check-ins at or after `since`, by time."""
    result = await session.scalars(
        select(SymptomReport)
        .where(SymptomReport.member_id.in_(member_ids), SymptomReport.at >= since)
        .order_by(SymptomReport.at, SymptomReport.id)
    )
    return list(result)


async def last_finished(session: AsyncSession, member_ids: Sequence[int]) -> dict[int, datetime]:
    """Each member's latest session finish, keyed by member id (members with none left out)."""
    result = await session.execute(
        select(WorkoutSession.member_id, func.max(WorkoutSession.finished_at))
        .where(
            WorkoutSession.member_id.in_(member_ids),
            WorkoutSession.status == SessionStatus.FINISHED,
        )
        .group_by(WorkoutSession.member_id)
    )
    return {member_id: finished for member_id, finished in result if finished is not None}
