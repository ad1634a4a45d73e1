"""Flags: what the coach must look at, open until a coach acknowledges it, with the evidence
that raised it or was added to it since."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import EvidenceSource, Flag, FlagEvidence, FlagKind, FlagLevel, Member
from storage.repository.dialect import insert_for


async def add(
    session: AsyncSession,
    member_id: int,
    kind: FlagKind,
    level: FlagLevel,
    rule: str,
    reason: str,
    *,
    now: datetime,
    reason_message: dict[str, Any] | None = None,
) -> Flag | None:
    """Open a flag for the coach; None if one of this kind is already open for the member.
    `reason` is in English words, `reason_message` the same still to be said (see the model).

    Safe against a concurrent raise: the partial unique index decides, ON CONFLICT skips.
    """
    stmt = (
        insert_for(session, Flag)
        .values(
            member_id=member_id,
            kind=kind,
            level=level,
            rule=rule,
            reason=reason,
            reason_message=reason_message,
            raised_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(
            index_elements=[Flag.member_id, Flag.kind],
            index_where=Flag.acknowledged_at.is_(None),
        )
        .returning(Flag)
    )
    result = await session.scalars(stmt)
    return result.first()


async def open_of_kind(session: AsyncSession, member_id: int, kind: FlagKind) -> Flag | None:
    """The member's open flag of this kind, if any."""
    return await session.scalar(
        select(Flag).where(
            Flag.member_id == member_id, Flag.kind == kind, Flag.acknowledged_at.is_(None)
        )
    )


async def update_open(
    session: AsyncSession,
    flag_id: int,
    *,
    level: FlagLevel,
    rule: str,
    reason: str,
    now: datetime,
    reason_message: dict[str, Any] | None = None,
) -> Flag | None:
    """Give an open flag its new level, rule and reason (new evidence came in)."""
    result = await session.scalars(
        update(Flag)
        .where(Flag.id == flag_id, Flag.acknowledged_at.is_(None))
        .values(
            level=level, rule=rule, reason=reason, reason_message=reason_message, updated_at=now
        )
        .returning(Flag),
        execution_options={"populate_existing": True},
    )
    return result.first()


async def add_evidence(
    session: AsyncSession,
    flag_id: int,
    source: EvidenceSource,
    level: FlagLevel,
    rule: str,
    text: str,
    *,
    now: datetime,
    reason_message: dict[str, Any] | None = None,
) -> FlagEvidence:
    """One piece of evidence: the member's words, or a rule's reason in English words
    (`text`) and as a message still to be said (`reason_message`)."""
    evidence = FlagEvidence(
        flag_id=flag_id,
        source=source,
        level=level,
        rule=rule,
        text=text,
        reason_message=reason_message,
        at=now,
    )
    session.add(evidence)
    await session.flush()
    return evidence


async def evidence(session: AsyncSession, flag_id: int) -> list[FlagEvidence]:
    """The flag's evidence, oldest first."""
    result = await session.scalars(
        select(FlagEvidence).where(FlagEvidence.flag_id == flag_id).order_by(FlagEvidence.id)
    )
    return list(result)


async def unacknowledged(session: AsyncSession, member_id: int | None = None) -> list[Flag]:
    """Unacknowledged flags, oldest first: the member's, or everyone's when None."""
    query = select(Flag).where(Flag.acknowledged_at.is_(None))
    if member_id is not None:
        query = query.where(Flag.member_id == member_id)
    result = await session.scalars(query.order_by(Flag.raised_at, Flag.id))
    return list(result)


async def acknowledge(
    session: AsyncSession, flag_id: int, *, coach_user_id: int, now: datetime
) -> Flag | None:
    """Acknowledge an open flag; None if unknown or already acknowledged (first coach wins)."""
    result = await session.scalars(
        update(Flag)
        .where(Flag.id == flag_id, Flag.acknowledged_at.is_(None))
        .values(acknowledged_by=coach_user_id, acknowledged_at=now)
        .returning(Flag),
        execution_options={"populate_existing": True},
    )
    return result.first()


async def get(session: AsyncSession, flag_id: int) -> Flag | None:
    return await session.get(Flag, flag_id)


async def unacknowledged_with_members(
    session: AsyncSession, coach_id: int | None = None
) -> list[tuple[Flag, Member]]:
    """Every unacknowledged flag with its member, oldest first (one query); only the flags
    of one coach's members with `coach_id`."""
    query = (
        select(Flag, Member)
        .join(Member, Member.id == Flag.member_id)
        .where(Flag.acknowledged_at.is_(None))
    )
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    result = await session.execute(query.order_by(Flag.raised_at, Flag.id))
    return [(flag, member) for flag, member in result]
