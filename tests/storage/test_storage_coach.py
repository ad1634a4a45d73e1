"""Repository reads behind the coach commands: overview, lookups and export."""

from __future__ import annotations

from datetime import timedelta

from storage_support import NOW, PAIN_FLAG, RED_FLAG, new_member

from storage import repository as repo
from storage.database import Database


async def test_a_member_is_found_by_username_in_any_case(database: Database) -> None:
    member_id = await new_member(database, 1, "Maya", username="maya")
    async with database.transaction() as session:
        found = await repo.members.by_username(session, "MAYA")
    assert found is not None
    assert found.id == member_id


async def test_latest_pain_skips_note_only_check_ins_and_keys_by_member(
    database: Database,
) -> None:
    maya, kim = (
        await new_member(database, 1, "Maya", username="maya"),
        await new_member(database, 2, "Kim", username="kim"),
    )
    async with database.transaction() as session:
        await repo.check_ins.add(session, maya, pain=3, now=NOW)
        await repo.check_ins.add(session, maya, pain=6, now=NOW + timedelta(hours=1))
        await repo.check_ins.add(session, maya, pain=None, note="ok", now=NOW + timedelta(2))
        await repo.check_ins.add(session, kim, pain=1, now=NOW)
        latest = await repo.check_ins.latest_pain_by_member(session)
    assert {member_id: report.pain for member_id, report in latest.items()} == {maya: 6, kim: 1}


async def test_finished_sessions_since_leaves_out_older_and_unfinished_ones(
    database: Database,
) -> None:
    maya = await new_member(database, 1, "Maya", username="maya")
    async with database.transaction() as session:
        old = await repo.sessions.start(session, maya, protocol="p", workout_key="a", now=NOW)
        await repo.sessions.finish(session, old.id, now=NOW)
        new = await repo.sessions.start(session, maya, protocol="p", workout_key="a", now=NOW)
        await repo.sessions.finish(session, new.id, now=NOW + timedelta(days=3))
        await repo.sessions.start(session, maya, protocol="p", workout_key="b", now=NOW)
        rows = await repo.sessions.finished_since(session, NOW + timedelta(days=1))
    assert [row.id for row in rows] == [new.id]


async def test_open_flags_come_with_their_members_oldest_first(database: Database) -> None:
    maya, kim = (
        await new_member(database, 1, "Maya", username="maya"),
        await new_member(database, 2, "Kim", username="kim"),
    )
    async with database.transaction() as session:
        await repo.flags.add(session, kim, *RED_FLAG, "b", now=NOW + timedelta(hours=1))
        await repo.flags.add(session, maya, *PAIN_FLAG, "a", now=NOW)
        rows = await repo.flags.unacknowledged_with_members(session)
    assert [(flag.reason, member.name) for flag, member in rows] == [("a", "Maya"), ("b", "Kim")]


async def test_export_rows_hold_every_members_sessions_and_check_ins(database: Database) -> None:
    maya = await new_member(database, 1, "Maya", username="maya")
    async with database.transaction() as session:
        await repo.sessions.start(session, maya, protocol="p", workout_key="a", now=NOW)
        await repo.check_ins.add(session, maya, pain=2, now=NOW)
        sessions = await repo.sessions.all_with_members(session)
        check_ins = await repo.check_ins.all_with_members(session)
    assert [member.name for _, member in sessions] == ["Maya"]
    assert [report.pain for report, _ in check_ins] == [2]
