"""The red-flag screen: which questions a member has answered, and how."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ScreeningAnswer
from storage.repository.dialect import insert_for


async def answered(session: AsyncSession, member_id: int) -> list[str]:
    """The questions the member has answered, in the order they answered them."""
    result = await session.scalars(
        select(ScreeningAnswer.question)
        .where(ScreeningAnswer.member_id == member_id)
        .order_by(ScreeningAnswer.id)
    )
    return list(result)


async def record(
    session: AsyncSession, member_id: int, question: str, answer: bool, *, now: datetime
) -> bool:
    """Keep the member's answer; False (nothing written) if they had answered it already."""
    stmt = (
        insert_for(session, ScreeningAnswer)
        .values(member_id=member_id, question=question, answer=answer, at=now)
        .on_conflict_do_nothing(
            index_elements=[ScreeningAnswer.member_id, ScreeningAnswer.question]
        )
        .returning(ScreeningAnswer.id)
    )
    return (await session.execute(stmt)).first() is not None
