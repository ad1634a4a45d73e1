"""Demo clips: Telegram's file id for each exercise's clip, so it is uploaded only once."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import DemoClip
from storage.repository.dialect import insert_for

COACH = "coach"
"""The `source` of a clip a coach attached in the chat (it wins over the protocol's)."""


def clip_key(exercise_name: str) -> str:
    """The name folded for matching: "Hip CAR's", "hip cars" and "Hip CARs" are one key
    (a curly apostrophe too)."""
    ascii_name = unicodedata.normalize("NFKD", exercise_name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", ascii_name.lower().replace("'", "")).strip()


async def kept(session: AsyncSession) -> dict[str, tuple[str, str]]:
    """Every clip kept: the exercise's key (`clip_key`) → (file id, source)."""
    result = await session.execute(select(DemoClip.exercise, DemoClip.file_id, DemoClip.source))
    return {exercise: (file_id, source) for exercise, file_id, source in result.all()}


async def for_exercise(session: AsyncSession, exercise_name: str) -> DemoClip | None:
    return await session.scalar(
        select(DemoClip).where(DemoClip.exercise == clip_key(exercise_name))
    )


async def keep(
    session: AsyncSession,
    exercise_name: str,
    *,
    file_id: str,
    source: str,
    added_by: int | None = None,
    now: datetime,
) -> None:
    """Remember the clip's file id for this exercise (replacing an earlier one)."""
    values = {"file_id": file_id, "source": source, "added_by": added_by, "added_at": now}
    statement = insert_for(session, DemoClip).values(exercise=clip_key(exercise_name), **values)
    await session.execute(
        statement.on_conflict_do_update(index_elements=[DemoClip.exercise], set_=values)
    )
