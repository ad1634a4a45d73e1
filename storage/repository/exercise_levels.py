"""The variant each member does an exercise at (0 as written, below 0 easier, above harder)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ExerciseLevel
from storage.repository.dialect import insert_for


async def for_protocol(session: AsyncSession, member_id: int, protocol: str) -> dict[str, int]:
    """Exercise label → chosen level, for the exercises the member changed (others are 0)."""
    result = await session.execute(
        select(ExerciseLevel.exercise_label, ExerciseLevel.level).where(
            ExerciseLevel.member_id == member_id, ExerciseLevel.protocol == protocol
        )
    )
    return {label: level for label, level in result.all()}


async def choose(
    session: AsyncSession,
    member_id: int,
    protocol: str,
    exercise_label: str,
    level: int,
    *,
    now: datetime,
) -> None:
    """Record the level the member does this exercise at from now on."""
    statement = insert_for(session, ExerciseLevel).values(
        member_id=member_id,
        protocol=protocol,
        exercise_label=exercise_label,
        level=level,
        chosen_at=now,
    )
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[
                ExerciseLevel.member_id,
                ExerciseLevel.protocol,
                ExerciseLevel.exercise_label,
            ],
            set_={"level": level, "chosen_at": now},
        )
    )
