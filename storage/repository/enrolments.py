"""Enrolments: a member's protocol, reminder days and time, and a pending snooze."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Enrolment, Member


async def enrol(
    session: AsyncSession,
    member_id: int,
    *,
    protocol: str,
    workout_days: Iterable[int],
    reminder_time: time,
    start_date: date,
    set_by_coach: bool = False,
) -> Enrolment:
    """Enrol the member in `protocol`, replacing (deactivating) any active enrolment.

    `set_by_coach`: the coach chose the protocol, so the member may not switch it alone.
    """
    await session.execute(
        update(Enrolment)
        .where(Enrolment.member_id == member_id, Enrolment.active)
        .values(active=False)
    )
    enrolment = Enrolment(
        member_id=member_id,
        protocol=protocol,
        workout_days=frozenset(workout_days),
        reminder_time=reminder_time,
        start_date=start_date,
        active=True,
        set_by_coach=set_by_coach,
    )
    session.add(enrolment)
    await session.flush()
    return enrolment


async def set_schedule(
    session: AsyncSession,
    enrolment_id: int,
    *,
    workout_days: Iterable[int] | None = None,
    reminder_time: time | None = None,
) -> None:
    """Change the reminder days and/or time of an enrolment (dropping any snooze)."""
    values: dict[str, Any] = {}
    if workout_days is not None:
        values["workout_days"] = frozenset(workout_days)
    if reminder_time is not None:
        values["reminder_time"] = reminder_time
    if values:
        values["snoozed_until"] = None  # a snooze belongs to the old schedule
        await session.execute(
            update(Enrolment).where(Enrolment.id == enrolment_id).values(**values)
        )


async def set_by_coach(session: AsyncSession, enrolment_id: int) -> None:
    """The coach confirmed the enrolment's protocol: the member may not switch it alone."""
    await session.execute(
        update(Enrolment).where(Enrolment.id == enrolment_id).values(set_by_coach=True)
    )


async def active(session: AsyncSession, member_id: int) -> Enrolment | None:
    return await session.scalar(
        select(Enrolment).where(Enrolment.member_id == member_id, Enrolment.active)
    )


async def to_remind(session: AsyncSession) -> list[tuple[Member, Enrolment]]:
    """Members to remind: an active enrolment, not paused, not held by a red flag, not inactive
    (one query)."""
    result = await session.execute(
        select(Member, Enrolment)
        .join(Enrolment, and_(Enrolment.member_id == Member.id, Enrolment.active))
        .where(
            Member.paused.is_(False),
            Member.held_since.is_(None),
            Member.inactive.is_(False),
            Member.onboarded_at.is_not(None),
        )
        .order_by(Member.id)
    )
    return [(member, enrolment) for member, enrolment in result]


async def set_snooze(session: AsyncSession, member_id: int, until: datetime | None) -> None:
    """Move the member's next reminder to `until` (None: back to the regular schedule)."""
    await session.execute(
        update(Enrolment)
        .where(Enrolment.member_id == member_id, Enrolment.active)
        .values(snoozed_until=until)
    )


async def clear_snooze_through(session: AsyncSession, member_id: int, due_at: datetime) -> None:
    """The reminder due at `due_at` was handled: drop a snooze to that time or earlier."""
    await session.execute(
        update(Enrolment)
        .where(
            Enrolment.member_id == member_id,
            Enrolment.active,
            Enrolment.snoozed_until <= due_at,
        )
        .values(snoozed_until=None)
    )
