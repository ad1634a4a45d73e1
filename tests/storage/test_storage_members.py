"""Members and enrolments."""

from __future__ import annotations

from datetime import date, time
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from storage_support import NOW, RED_FLAG, new_member

from storage import repository as repo
from storage.awaiting import AwaitNote
from storage.database import Database
from storage.models import Enrolment, FlagKind, Member


async def _enrol(database: Database, member_id: int, protocol: str = "p1") -> None:
    async with database.transaction() as session:
        await repo.enrolments.enrol(
            session,
            member_id,
            protocol=protocol,
            workout_days=[0, 3],
            reminder_time=time(18, 0),
            start_date=date(2025, 3, 3),
        )


async def test_upsert_member_twice_keeps_one_row_and_refreshes_the_name(
    database: Database,
) -> None:
    first = await new_member(database, name="Ann")
    second = await new_member(database, name="Ann B.")

    async with database.transaction() as session:
        count = await session.scalar(select(func.count()).select_from(Member))
        member = await repo.members.by_user_id(session, 42)
    assert first == second
    assert count == 1
    assert member is not None
    assert member.name == "Ann B."


async def test_upsert_member_keeps_the_chosen_time_zone_and_makes_the_member_reachable(
    database: Database,
) -> None:
    member_id = await new_member(database)
    async with database.transaction() as session:
        await repo.members.set_time_zone(session, member_id, ZoneInfo("Asia/Tokyo"))
        await repo.members.set_inactive(session, member_id, True)

    await new_member(database)

    async with database.transaction() as session:
        member = await repo.members.get(session, member_id)
    assert member is not None
    assert (member.time_zone, member.inactive) == (ZoneInfo("Asia/Tokyo"), False)


async def test_member_settings_are_saved(database: Database) -> None:
    member_id = await new_member(database)
    async with database.transaction() as session:
        await repo.members.set_consent(session, member_id, NOW)
        await repo.members.set_awaiting(session, member_id, AwaitNote(7, 31))
        await repo.members.set_paused(session, member_id, True)

    async with database.transaction() as session:
        member = await repo.members.get(session, member_id)
    assert member is not None
    assert (member.consent_at, member.awaiting, member.paused) == (NOW, AwaitNote(7, 31), True)


async def test_enrol_replaces_the_active_enrolment(database: Database) -> None:
    member_id = await new_member(database)
    await _enrol(database, member_id, "p1")
    await _enrol(database, member_id, "p2")

    async with database.transaction() as session:
        active = await repo.enrolments.active(session, member_id)
        total = await session.scalar(select(func.count()).select_from(Enrolment))
    assert active is not None
    assert active.protocol == "p2"
    assert total == 2


async def test_enrolment_workout_days_come_back_as_a_frozenset(database: Database) -> None:
    member_id = await new_member(database)
    await _enrol(database, member_id)

    async with database.transaction() as session:
        active = await repo.enrolments.active(session, member_id)
    assert active is not None
    assert active.workout_days == frozenset({0, 3})
    assert active.reminder_time == time(18, 0)


async def test_database_refuses_a_second_active_enrolment(database: Database) -> None:
    member_id = await new_member(database)
    await _enrol(database, member_id)

    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            session.add(
                Enrolment(
                    member_id=member_id,
                    protocol="p3",
                    workout_days=frozenset({1}),
                    reminder_time=time(7, 0),
                    start_date=date(2025, 3, 3),
                    active=True,
                )
            )


async def test_database_refuses_rows_of_an_unknown_member(database: Database) -> None:
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            await repo.check_ins.add(session, 999_999, pain=2, now=NOW)


async def test_active_enrolled_members_are_onboarded_enrolled_and_neither_paused_nor_inactive(
    database: Database,
) -> None:
    ready = await new_member(database, 1, "Ready")
    paused = await new_member(database, 2, "Paused")
    blocked = await new_member(database, 3, "Blocked")
    not_enrolled = await new_member(database, 4, "Not enrolled")
    not_onboarded = await new_member(database, 5, "Not onboarded")
    for member_id in (ready, paused, blocked, not_onboarded):
        await _enrol(database, member_id)
    async with database.transaction() as session:
        for member_id in (ready, paused, blocked, not_enrolled):
            await repo.members.set_onboarded(session, member_id, NOW)
        await repo.members.set_paused(session, paused, True)
        await repo.members.set_inactive(session, blocked, True)

    async with database.transaction() as session:
        pairs = await repo.enrolments.to_remind(session)
    assert [(member.id, enrolment.protocol) for member, enrolment in pairs] == [(ready, "p1")]


async def test_list_members_loads_enrolment_and_open_flags_for_use_after_the_session(
    database: Database,
) -> None:
    member_id = await new_member(database)
    await _enrol(database, member_id)
    async with database.transaction() as session:
        await repo.flags.add(session, member_id, *RED_FLAG, "pain 9", now=NOW)

    async with database.transaction() as session:
        members = await repo.members.everyone(session)

    (member,) = members
    assert member.active_enrolment is not None
    assert member.active_enrolment.protocol == "p1"
    assert [flag.kind for flag in member.open_flags] == [FlagKind.RED_FLAG]
