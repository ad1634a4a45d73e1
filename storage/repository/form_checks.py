"""Form checks: a member's video and the coach's reply (its copies in the coach chats are
`messages.add_coach_message` records)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import FormCheck, FormCheckKind


async def add(
    session: AsyncSession,
    member_id: int,
    *,
    file_id: str,
    file_unique_id: str,
    kind: FormCheckKind,
    now: datetime,
    session_id: int | None = None,
    step_index: int | None = None,
    exercise_name: str | None = None,
) -> FormCheck:
    form_check = FormCheck(
        member_id=member_id,
        session_id=session_id,
        step_index=step_index,
        exercise_name=exercise_name,
        file_id=file_id,
        file_unique_id=file_unique_id,
        kind=kind,
        at=now,
    )
    session.add(form_check)
    await session.flush()
    return form_check


async def set_reply(
    session: AsyncSession, form_check_id: int, *, reply: str, now: datetime
) -> None:
    await session.execute(
        update(FormCheck)
        .where(FormCheck.id == form_check_id)
        .values(coach_reply=reply, replied_at=now)
    )


async def set_archived_path(session: AsyncSession, form_check_id: int, archived_path: str) -> None:
    await session.execute(
        update(FormCheck).where(FormCheck.id == form_check_id).values(archived_path=archived_path)
    )


async def recent(session: AsyncSession, member_id: int, limit: int = 5) -> list[FormCheck]:
    """The member's latest form checks, newest first."""
    result = await session.scalars(
        select(FormCheck)
        .where(FormCheck.member_id == member_id)
        .order_by(FormCheck.at.desc(), FormCheck.id.desc())
        .limit(limit)
    )
    return list(result)


async def get(session: AsyncSession, form_check_id: int) -> FormCheck | None:
    return await session.get(FormCheck, form_check_id)
