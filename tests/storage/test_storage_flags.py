"""Flags for the coach: at most one open flag per member and kind."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from storage_support import NOW, PAIN_FLAG, RED_FLAG, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import Flag, FlagKind, FlagLevel

COACH = 900


@pytest.fixture
async def member_id(database: Database) -> int:
    return await new_member(database, 8, "Kim")


async def test_a_second_flag_of_an_open_kind_is_not_raised(
    database: Database, member_id: int
) -> None:
    async with database.transaction() as session:
        first = await repo.flags.add(session, member_id, *PAIN_FLAG, "up 2", now=NOW)
        second = await repo.flags.add(session, member_id, *PAIN_FLAG, "up 3", now=NOW)
        open_flags = await repo.flags.unacknowledged(session, member_id)

    assert first is not None
    assert second is None
    assert [flag.reason for flag in open_flags] == ["up 2"]


async def test_flags_of_different_kinds_are_both_open(database: Database, member_id: int) -> None:
    async with database.transaction() as session:
        await repo.flags.add(session, member_id, *PAIN_FLAG, "up 2", now=NOW)
        await repo.flags.add(session, member_id, *RED_FLAG, "pain 9", now=NOW)
        kinds = {flag.kind for flag in await repo.flags.unacknowledged(session)}
    assert kinds == {FlagKind.PAIN, FlagKind.RED_FLAG}


async def test_after_acknowledgement_the_same_kind_can_be_raised_again(
    database: Database, member_id: int
) -> None:
    async with database.transaction() as session:
        flag = await repo.flags.add(session, member_id, *RED_FLAG, "pain 9", now=NOW)
        assert flag is not None
        await repo.flags.acknowledge(session, flag.id, coach_user_id=COACH, now=NOW)
        again = await repo.flags.add(
            session, member_id, *RED_FLAG, "pain 10", now=NOW + timedelta(days=1)
        )
    assert again is not None
    assert again.id != flag.id


async def test_only_the_first_acknowledgement_counts(database: Database, member_id: int) -> None:
    async with database.transaction() as session:
        flag = await repo.flags.add(session, member_id, *RED_FLAG, "pain 9", now=NOW)
        assert flag is not None
        first = await repo.flags.acknowledge(session, flag.id, coach_user_id=COACH, now=NOW)
        second = await repo.flags.acknowledge(session, flag.id, coach_user_id=COACH + 1, now=NOW)

    assert first is not None
    assert (first.acknowledged_by, first.acknowledged_at) == (COACH, NOW)
    assert second is None


async def test_database_refuses_a_second_open_flag_of_a_kind(
    database: Database, member_id: int
) -> None:
    def urgent_flag() -> Flag:
        return Flag(
            member_id=member_id,
            kind=FlagKind.RED_FLAG,
            level=FlagLevel.URGENT,
            rule="severe_pain",
            reason="pain 9",
            raised_at=NOW,
            updated_at=NOW,
        )

    async with database.transaction() as session:
        session.add(urgent_flag())

    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            session.add(urgent_flag())
