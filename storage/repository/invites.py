"""Invite links: created by a coach, used up, expired or revoked."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Coach, Invite, InviteKind


async def add(
    session: AsyncSession,
    code: str,
    coach_id: int,
    kind: InviteKind,
    *,
    protocol: str | None,
    max_uses: int,
    expires_at: datetime,
    now: datetime,
) -> Invite:
    invite = Invite(
        code=code,
        coach_id=coach_id,
        kind=kind,
        protocol=protocol,
        max_uses=max_uses,
        uses=0,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(invite)
    await session.flush()
    return invite


async def get(session: AsyncSession, code: str) -> Invite | None:
    return await session.get(Invite, code)


async def redeem(session: AsyncSession, code: str, *, now: datetime) -> Invite | None:
    """Count one use of a live invite; None if it is unknown, expired, revoked or used up.

    One conditional UPDATE, so two people opening the last use at once cannot both get it.
    """
    result = await session.scalars(
        update(Invite)
        .where(
            Invite.code == code,
            Invite.revoked_at.is_(None),
            Invite.expires_at > now,
            Invite.uses < Invite.max_uses,
        )
        .values(uses=Invite.uses + 1)
        .returning(Invite),
        execution_options={"populate_existing": True},
    )
    return result.first()


async def revoke(session: AsyncSession, code: str, *, now: datetime) -> None:
    await session.execute(
        update(Invite)
        .where(Invite.code == code, Invite.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def listed(
    session: AsyncSession, *, expiring_after: datetime, coach_id: int | None = None
) -> list[tuple[Invite, Coach]]:
    """Invites that expire after `expiring_after`, newest first, with their coach: one
    coach's (`coach_id`) or everyone's."""
    query = (
        select(Invite, Coach)
        .join(Coach, Coach.id == Invite.coach_id)
        .where(Invite.expires_at > expiring_after)
    )
    if coach_id is not None:
        query = query.where(Invite.coach_id == coach_id)
    result = await session.execute(query.order_by(Invite.created_at.desc(), Invite.code))
    return [(invite, coach) for invite, coach in result]
