"""What the storage tests share: a fixed clock and a way to add a member."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from storage import repository as repo
from storage.database import Database
from storage.models import FlagKind, FlagLevel

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)

PAIN_FLAG = (FlagKind.PAIN, FlagLevel.HIGH, "worsening")
"""A flag's kind, level and rule, for `repo.flags.add(session, member_id, *PAIN_FLAG, ...)`."""
RED_FLAG = (FlagKind.RED_FLAG, FlagLevel.URGENT, "severe_pain")


async def new_member(
    database: Database,
    user_id: int = 42,
    name: str = "Ann",
    *,
    username: str | None = None,
    zone: str = "UTC",
) -> int:
    """A member who just sent /start (no consent or protocol yet); their id."""
    async with database.transaction() as session:
        member = await repo.members.upsert(
            session,
            telegram_user_id=user_id,
            chat_id=user_id,
            name=name,
            username=username,
            time_zone=ZoneInfo(zone),
            now=NOW,
        )
        return member.id
