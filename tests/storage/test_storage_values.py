"""Values survive the trip through either database: aware UTC times, checked pain scores."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError, StatementError
from storage_support import NOW, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import FormCheckKind


@pytest.fixture
async def member_id(database: Database) -> int:
    return await new_member(database, 10, "Max", zone="Asia/Kolkata")


async def test_times_come_back_aware_in_utc(database: Database, member_id: int) -> None:
    india = timezone(timedelta(hours=5, minutes=30))
    given = datetime(2025, 3, 3, 13, 30, 15, 123456, tzinfo=india)
    async with database.transaction() as session:
        await repo.members.set_consent(session, member_id, given)

    async with database.transaction() as session:
        member = await repo.members.get(session, member_id)
    assert member is not None
    assert member.consent_at == given
    assert member.consent_at.tzinfo == UTC
    assert member.consent_at.hour == 8


async def test_naive_times_are_refused(database: Database, member_id: int) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        async with database.transaction() as session:
            await repo.members.set_consent(session, member_id, datetime(2025, 3, 3, 8, 0))


async def test_pain_above_ten_is_refused_by_the_database(
    database: Database, member_id: int
) -> None:
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            await repo.check_ins.add(session, member_id, pain=11, now=NOW)


async def test_recent_symptom_reports_are_the_latest_oldest_first(
    database: Database, member_id: int
) -> None:
    async with database.transaction() as session:
        for day, pain in enumerate([1, 2, 3, 4]):
            await repo.check_ins.add(session, member_id, pain=pain, now=NOW + timedelta(days=day))
        recent = await repo.check_ins.recent(session, member_id, limit=3)
    assert [report.pain for report in recent] == [2, 3, 4]


async def test_a_form_checks_reply_and_archive_path_are_kept(
    database: Database, member_id: int
) -> None:
    async with database.transaction() as session:
        form_check = await repo.form_checks.add(
            session,
            member_id,
            file_id="f",
            file_unique_id="u",
            kind=FormCheckKind.VIDEO_NOTE,
            exercise_name="Bird dog",
            now=NOW,
        )
        await repo.form_checks.set_reply(session, form_check.id, reply="Knees softer", now=NOW)
        await repo.form_checks.set_archived_path(session, form_check.id, "archive/u.mp4")

    async with database.transaction() as session:
        saved = await repo.form_checks.get(session, form_check.id)
    assert saved is not None
    assert (saved.coach_reply, saved.replied_at, saved.archived_path) == (
        "Knees softer",
        NOW,
        "archive/u.mp4",
    )
