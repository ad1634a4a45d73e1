"""Reminder claims: each reminder or nudge is claimed, marked sending, then marked sent.

A claim is only given back while certainly unsent (`release`, `release_unsent_claims`), so a
reminder is never sent twice, even by two schedulers at once (the unique constraint decides)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ReminderKind, ReminderSent
from storage.repository.dialect import insert_for


@dataclass(frozen=True, slots=True)
class ReminderClaim:
    """One reminder or nudge a sender wants to send; unique by (member, kind, due time)."""

    member_id: int
    workout_key: str
    kind: ReminderKind
    due_at: datetime


async def claim(
    session: AsyncSession,
    member_id: int,
    workout_key: str,
    kind: ReminderKind,
    due_at: datetime,
    *,
    now: datetime,
    claimed_by: str,
) -> bool:
    """Claim the right to send this reminder: True for exactly one caller at a time.

    Then `mark_reminder_sending` right before the request to Telegram, and
    `mark_reminder_sent` after it. A claim is only given back while certainly unsent
    (`release_reminder`, `release_unsent_claims`), so a reminder is never sent twice, even by
    two schedulers at once (the unique constraint decides).
    """
    claim = ReminderClaim(member_id, workout_key, kind, due_at)
    return bool(await claim_many(session, [claim], now=now, claimed_by=claimed_by))


async def claim_many(
    session: AsyncSession, claims: Sequence[ReminderClaim], *, now: datetime, claimed_by: str
) -> list[ReminderClaim]:
    """Claim many reminders in one statement; returns the claims this caller won."""
    if not claims:
        return []
    # One order for every caller, so concurrent bulk claims cannot deadlock on PostgreSQL.
    ordered = sorted(claims, key=lambda claim: (claim.member_id, claim.kind, claim.due_at))
    stmt = (
        insert_for(session, ReminderSent)
        .values(
            [
                {
                    "member_id": claim.member_id,
                    "workout_key": claim.workout_key,
                    "kind": claim.kind,
                    "due_at": claim.due_at,
                    "claimed_at": now,
                    "claimed_by": claimed_by,
                }
                for claim in ordered
            ]
        )
        .on_conflict_do_nothing(
            index_elements=[ReminderSent.member_id, ReminderSent.kind, ReminderSent.due_at]
        )
        .returning(ReminderSent.member_id, ReminderSent.kind, ReminderSent.due_at)
    )
    won = {(row.member_id, row.kind, row.due_at) for row in await session.execute(stmt)}
    return [claim for claim in claims if (claim.member_id, claim.kind, claim.due_at) in won]


def _key(member_id: int, kind: ReminderKind, due_at: datetime) -> ColumnElement[bool]:
    return and_(
        ReminderSent.member_id == member_id,
        ReminderSent.kind == kind,
        ReminderSent.due_at == due_at,
    )


async def mark_sending(
    session: AsyncSession,
    member_id: int,
    kind: ReminderKind,
    due_at: datetime,
    *,
    now: datetime,
    claimed_by: str,
) -> bool:
    """Record that the request carrying this reminder is about to leave: from now on the
    claim is never given back. False (do not send) unless `claimed_by` still holds the claim
    and has not started sending it: another process may have released and taken it over."""
    result = await session.execute(
        update(ReminderSent)
        .where(
            _key(member_id, kind, due_at),
            ReminderSent.claimed_by == claimed_by,
            ReminderSent.sending_at.is_(None),
            ReminderSent.sent_at.is_(None),
        )
        .values(sending_at=now)
        .returning(ReminderSent.id)
    )
    return result.first() is not None


async def mark_sent(
    session: AsyncSession, member_id: int, kind: ReminderKind, due_at: datetime, *, now: datetime
) -> bool:
    """Record that a claimed reminder went out; False if it was never claimed."""
    result = await session.execute(
        update(ReminderSent)
        .where(_key(member_id, kind, due_at))
        .values(sent_at=now)
        .returning(ReminderSent.id)
    )
    return result.first() is not None


async def release(
    session: AsyncSession, member_id: int, kind: ReminderKind, due_at: datetime, *, claimed_by: str
) -> bool:
    """Give back a claim of `claimed_by` whose sending failed, so it can be claimed again;
    False if it holds no unsent claim."""
    result = await session.execute(
        delete(ReminderSent)
        .where(
            _key(member_id, kind, due_at),
            ReminderSent.claimed_by == claimed_by,
            ReminderSent.sent_at.is_(None),
        )
        .returning(ReminderSent.id)
    )
    return result.first() is not None


async def release_unsent_claims(session: AsyncSession, *, keep_claimed_by: str) -> int:
    """At start-up: give back every claim of other processes that never started sending (so
    certainly unsent), so their reminders can be sent; returns how many. Claims that started
    sending are kept: their reminder may have reached the member."""
    result = await session.execute(
        delete(ReminderSent)
        .where(
            ReminderSent.claimed_by != keep_claimed_by,
            ReminderSent.sending_at.is_(None),
            ReminderSent.sent_at.is_(None),
        )
        .returning(ReminderSent.id)
    )
    return len(result.all())


async def for_member(
    session: AsyncSession, member_id: int, since: datetime | None = None
) -> list[ReminderSent]:
    """The member's claimed and sent reminders (due at or after `since`), by due time."""
    query = select(ReminderSent).where(ReminderSent.member_id == member_id)
    if since is not None:
        query = query.where(ReminderSent.due_at >= since)
    result = await session.scalars(query.order_by(ReminderSent.due_at, ReminderSent.id))
    return list(result)


async def sent_since(session: AsyncSession, since: datetime) -> list[ReminderSent]:
    """Every member's reminders and nudges actually sent (not only claimed), due at or after
    `since`, by member and due time: one query for the whole start-up rebuild."""
    result = await session.scalars(
        select(ReminderSent)
        .where(ReminderSent.due_at >= since, ReminderSent.sent_at.is_not(None))
        .order_by(ReminderSent.member_id, ReminderSent.due_at, ReminderSent.id)
    )
    return list(result)
