"""A member's data: deleting removes every row of theirs and nobody else's."""

from __future__ import annotations

from sqlalchemy import Select, Table, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import repository as repo
from storage.database import Database
from storage.models import (
    Base,
    Coach,
    DemoClip,
    Flag,
    FlagEvidence,
    Invite,
    Member,
    StepResult,
    WorkoutSession,
)

NOT_MEMBER_DATA = {Coach.__tablename__, Invite.__tablename__, DemoClip.__tablename__}
"""The coaches' own tables (a member points at their coach, but owns nothing there) and the
demo clips (they belong to exercises)."""


def _rows_of(table: Table, member_id: int) -> Select[int]:
    """Count of the member's rows in `table`, however the table reaches the member."""
    query = select(func.count()).select_from(table)
    if table.name == Member.__tablename__:
        return query.where(table.c.id == member_id)
    if "member_id" in table.c:
        return query.where(table.c.member_id == member_id)
    if table.name == FlagEvidence.__tablename__:
        flags = select(Flag.id).where(Flag.member_id == member_id)
        return query.where(table.c.flag_id.in_(flags))
    assert table.name == StepResult.__tablename__, f"how does {table.name} belong to a member?"
    sessions = select(WorkoutSession.id).where(WorkoutSession.member_id == member_id)
    return query.where(table.c.session_id.in_(sessions))


async def _counts(session: AsyncSession, member_id: int) -> dict[str, int]:
    return {
        table.name: await session.scalar(_rows_of(table, member_id)) or 0
        for table in Base.metadata.sorted_tables
        if table.name not in NOT_MEMBER_DATA
    }


async def test_the_seeded_member_has_rows_in_every_table(
    database: Database, alice_and_bob: tuple[int, int]
) -> None:
    alice, _ = alice_and_bob
    async with database.transaction() as session:
        counts = await _counts(session, alice)
    assert all(counts.values()), counts


async def test_delete_member_removes_their_rows_from_every_table(
    database: Database, alice_and_bob: tuple[int, int]
) -> None:
    alice, _ = alice_and_bob
    async with database.transaction() as session:
        assert await repo.members.delete(session, alice)

    async with database.transaction() as session:
        counts = await _counts(session, alice)
    assert counts == dict.fromkeys(counts, 0)


async def test_delete_member_leaves_other_members_untouched(
    database: Database, alice_and_bob: tuple[int, int]
) -> None:
    alice, bob = alice_and_bob
    async with database.transaction() as session:
        before = await _counts(session, bob)
        await repo.members.delete(session, alice)

    async with database.transaction() as session:
        assert await _counts(session, bob) == before


async def test_delete_of_an_unknown_member_reports_false(database: Database) -> None:
    async with database.transaction() as session:
        assert not await repo.members.delete(session, 404)
