"""Coaches: who they are, their role, and who hears about a member."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Coach, CoachRole, Member
from storage.repository.dialect import insert_for


async def get(session: AsyncSession, coach_id: int) -> Coach | None:
    return await session.get(Coach, coach_id)


async def by_user_id(session: AsyncSession, telegram_user_id: int) -> Coach | None:
    return await session.scalar(select(Coach).where(Coach.telegram_user_id == telegram_user_id))


async def languages_by_user(session: AsyncSession, user_ids: Iterable[int]) -> dict[int, str]:
    """The kept language of each coach among `user_ids` (those with none are left out)."""
    rows = await session.execute(
        select(Coach.telegram_user_id, Coach.language).where(
            Coach.telegram_user_id.in_(list(user_ids)), Coach.language.is_not(None)
        )
    )
    return {user_id: language for user_id, language in rows if language is not None}


async def by_username(session: AsyncSession, username: str) -> Coach | None:
    """The coach with this Telegram username, in any case, without the "@"."""
    return await session.scalar(
        select(Coach).where(func.lower(Coach.username) == username.lower()).limit(1)
    )


async def everyone(session: AsyncSession) -> list[Coach]:
    """Every coach, owners first, each group in the order they were added."""
    result = await session.scalars(
        select(Coach).order_by((Coach.role == CoachRole.OWNER).desc(), Coach.id)
    )
    return list(result)


async def first_owner(session: AsyncSession) -> Coach | None:
    """The owner added first: members without a coach go to them."""
    return await session.scalar(
        select(Coach).where(Coach.role == CoachRole.OWNER).order_by(Coach.id).limit(1)
    )


async def count_owners(session: AsyncSession) -> int:
    return (
        await session.scalar(
            select(func.count()).select_from(Coach).where(Coach.role == CoachRole.OWNER)
        )
        or 0
    )


async def add(
    session: AsyncSession,
    telegram_user_id: int,
    role: CoachRole,
    *,
    now: datetime,
    name: str | None = None,
    username: str | None = None,
) -> Coach | None:
    """Add a coach; None if this user is one already (their role is left as it is)."""
    result = await session.scalars(
        insert_for(session, Coach)
        .values(
            telegram_user_id=telegram_user_id,
            name=name,
            username=username,
            role=role,
            hears_everyone=False,
            added_at=now,
        )
        .on_conflict_do_nothing(index_elements=[Coach.telegram_user_id])
        .returning(Coach)
    )
    return result.first()


async def ensure_owner(session: AsyncSession, telegram_user_id: int, *, now: datetime) -> Coach:
    """This user as an owner: added, or promoted if they were a coach (never duplicated)."""
    insert = insert_for(session, Coach).values(
        telegram_user_id=telegram_user_id,
        role=CoachRole.OWNER,
        hears_everyone=False,
        added_at=now,
    )
    result = await session.scalars(
        insert.on_conflict_do_update(
            index_elements=[Coach.telegram_user_id], set_={Coach.role: CoachRole.OWNER}
        ).returning(Coach),
        execution_options={"populate_existing": True},
    )
    return result.one()


async def set_role(session: AsyncSession, coach_id: int, role: CoachRole) -> None:
    await session.execute(update(Coach).where(Coach.id == coach_id).values(role=role))


async def set_profile(
    session: AsyncSession,
    coach_id: int,
    *,
    name: str,
    username: str | None,
    language: str | None = None,
) -> None:
    """Refresh the name, username and language Telegram gives the coach."""
    await session.execute(
        update(Coach)
        .where(Coach.id == coach_id)
        .values(name=name, username=username, language=language)
    )


async def set_hears_everyone(session: AsyncSession, coach_id: int, hears_everyone: bool) -> None:
    await session.execute(
        update(Coach).where(Coach.id == coach_id).values(hears_everyone=hears_everyone)
    )


async def delete(session: AsyncSession, coach_id: int) -> None:
    """Remove the coach and their invites; their members are left without a coach."""
    await session.execute(sql_delete(Coach).where(Coach.id == coach_id))


async def hearing_about(session: AsyncSession, member_id: int) -> list[Coach]:
    """The member's coach, then the owners who hear about everyone (one query)."""
    coach_id = select(Member.coach_id).where(Member.id == member_id).scalar_subquery()
    result = await session.scalars(
        select(Coach)
        .where(or_(Coach.id == coach_id, and_(Coach.hears_everyone, Coach.role == CoachRole.OWNER)))
        .order_by((Coach.id == coach_id).desc(), Coach.id)
    )
    return list(result)


async def members_per_coach(session: AsyncSession) -> dict[int, int]:
    """How many members each coach has (coaches without members are left out)."""
    result = await session.execute(
        select(Member.coach_id, func.count())
        .where(Member.coach_id.is_not(None))
        .group_by(Member.coach_id)
    )
    return {coach_id: count for coach_id, count in result if coach_id is not None}
