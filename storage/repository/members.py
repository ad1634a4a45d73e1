"""Members: who talks to the bot, their consent, time zone, pause, and what the bot awaits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.awaiting import Awaiting
from storage.models import Member
from storage.repository.dialect import insert_for


async def get(session: AsyncSession, member_id: int) -> Member | None:
    return await session.get(Member, member_id)


async def by_user_id(session: AsyncSession, telegram_user_id: int) -> Member | None:
    return await session.scalar(select(Member).where(Member.telegram_user_id == telegram_user_id))


async def by_chat_id(session: AsyncSession, chat_id: int) -> Member | None:
    """The member who talks to the bot in this (private) chat."""
    return await session.scalar(select(Member).where(Member.chat_id == chat_id).limit(1))


async def languages_by_chat(session: AsyncSession, chat_ids: Iterable[int]) -> dict[int, str]:
    """The kept language of each member whose chat is one of `chat_ids` (those with none are
    left out)."""
    rows = await session.execute(
        select(Member.chat_id, Member.language).where(
            Member.chat_id.in_(list(chat_ids)), Member.language.is_not(None)
        )
    )
    return {chat_id: language for chat_id, language in rows if language is not None}


async def by_username(session: AsyncSession, username: str) -> Member | None:
    """The member with this Telegram username, in any case, without the "@"."""
    return await session.scalar(
        select(Member).where(func.lower(Member.username) == username.lower()).limit(1)
    )


async def upsert(
    session: AsyncSession,
    *,
    telegram_user_id: int,
    chat_id: int,
    name: str,
    username: str | None,
    time_zone: ZoneInfo,
    now: datetime,
    coach_id: int | None = None,
    language: str | None = None,
) -> Member:
    """The member for this Telegram user, created on first contact, never duplicated.

    On a repeat (/start again) the chat, name, username and language are refreshed and the
    member is marked reachable again (`inactive=False`: they are talking to the bot, so not
    blocking it); their time zone, consent, pause and coach are kept (`coach_id` is for a new
    member; `set_coach` moves one).
    """
    insert = insert_for(session, Member).values(
        telegram_user_id=telegram_user_id,
        chat_id=chat_id,
        name=name,
        username=username,
        language=language,
        time_zone=time_zone,
        paused=False,
        inactive=False,
        created_at=now,
        coach_id=coach_id,
    )
    upsert = insert.on_conflict_do_update(
        index_elements=[Member.telegram_user_id],
        set_={
            Member.chat_id: insert.excluded.chat_id,
            Member.name: insert.excluded.name,
            Member.username: insert.excluded.username,
            Member.language: insert.excluded.language,
            Member.inactive: False,
        },
    ).returning(Member)
    result = await session.scalars(upsert, execution_options={"populate_existing": True})
    return result.one()


async def _update(session: AsyncSession, member_id: int, **values: Any) -> None:
    await session.execute(update(Member).where(Member.id == member_id).values(**values))


async def set_consent(session: AsyncSession, member_id: int, consent_at: datetime | None) -> None:
    """Record when the member consented (None withdraws consent)."""
    await _update(session, member_id, consent_at=consent_at)


async def set_onboarded(session: AsyncSession, member_id: int, onboarded_at: datetime) -> None:
    """The member answered every set-up question: reminders may start."""
    await _update(session, member_id, onboarded_at=onboarded_at)


async def set_time_zone(session: AsyncSession, member_id: int, time_zone: ZoneInfo) -> None:
    await _update(session, member_id, time_zone=time_zone)


async def set_awaiting(session: AsyncSession, member_id: int, awaiting: Awaiting | None) -> None:
    """Remember what the bot waits for the member to send next (None: nothing)."""
    await _update(session, member_id, awaiting=awaiting)


async def next_settings_menu(session: AsyncSession, member_id: int) -> int:
    """Number a new settings question (the buttons of every earlier one go out of date)."""
    bumped = (
        update(Member)
        .where(Member.id == member_id)
        .values(settings_menu=Member.settings_menu + 1)
        .returning(Member.settings_menu)
    )
    return int((await session.execute(bumped)).scalar_one())


async def set_paused(session: AsyncSession, member_id: int, paused: bool) -> None:
    await _update(session, member_id, paused=paused)


async def set_inactive(session: AsyncSession, member_id: int, inactive: bool) -> None:
    """Mark whether the member blocked the bot (no messages are sent while inactive)."""
    await _update(session, member_id, inactive=inactive)


async def user_ids_among(session: AsyncSession, telegram_user_ids: list[int]) -> set[int]:
    """Which of these Telegram users are members."""
    if not telegram_user_ids:
        return set()
    result = await session.scalars(
        select(Member.telegram_user_id).where(Member.telegram_user_id.in_(telegram_user_ids))
    )
    return set(result)


async def ids_of_coach(session: AsyncSession, coach_id: int) -> list[int]:
    """The ids of one coach's members."""
    result = await session.scalars(select(Member.id).where(Member.coach_id == coach_id))
    return list(result)


async def set_coach(session: AsyncSession, member_id: int, coach_id: int) -> None:
    await _update(session, member_id, coach_id=coach_id)


async def give_coachless_to(session: AsyncSession, coach_id: int) -> int:
    """Every member without a coach goes to this coach; how many did."""
    result = await session.execute(
        update(Member).where(Member.coach_id.is_(None)).values(coach_id=coach_id)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def move_all(session: AsyncSession, from_coach_id: int, to_coach_id: int) -> int:
    """Every member of one coach goes to another; how many did."""
    result = await session.execute(
        update(Member).where(Member.coach_id == from_coach_id).values(coach_id=to_coach_id)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def everyone(session: AsyncSession, coach_id: int | None = None) -> list[Member]:
    """Every member by name (one coach's, with `coach_id`), with `active_enrolment` and
    `open_flags` loaded (3 queries)."""
    query = select(Member).options(
        selectinload(Member.active_enrolment), selectinload(Member.open_flags)
    )
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    result = await session.scalars(query.order_by(Member.name, Member.id))
    return list(result)


async def delete(session: AsyncSession, member_id: int) -> bool:
    """Remove the member and every row of theirs (database cascade); False if unknown."""
    member = await session.get(Member, member_id)
    if member is None:
        return False
    await session.delete(member)
    await session.flush()
    return True


async def set_held(session: AsyncSession, member_id: int, since: datetime | None) -> None:
    """Hold the member's programme from `since` (a red flag), or resume it (None)."""
    await _update(session, member_id, held_since=since)
