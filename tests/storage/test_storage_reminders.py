"""Reminder claims: each reminder is claimed, and so sent, once at most; a claim is given back
only while it is certainly unsent. And the snooze stored on the enrolment."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time, timedelta

import pytest
import sqlalchemy as sa
from alembic import command
from storage_support import NOW, new_member

from storage import repository as repo
from storage.database import Database
from storage.migrations_runner import alembic_config, upgrade_async
from storage.models import ReminderKind, UtcDateTime
from storage.repository.reminders import ReminderClaim

DUE = NOW + timedelta(hours=1)
ME, DEAD = "this-process", "a-killed-process"


@pytest.fixture
async def member_id(database: Database) -> int:
    member_id = await new_member(database, 9, "Lee")
    async with database.transaction() as session:
        await repo.enrolments.enrol(
            session,
            member_id,
            protocol="lower-back-pain-relief-lvl1",
            workout_days={0, 2, 4},
            reminder_time=time(9, 0),
            start_date=date(2025, 3, 3),
        )
    return member_id


async def _claim(
    database: Database,
    member_id: int,
    kind: ReminderKind = ReminderKind.REMINDER,
    *,
    by: str = ME,
    due_at: datetime = DUE,
) -> bool:
    async with database.transaction() as session:
        return await repo.reminders.claim(
            session, member_id, "a", kind, due_at, now=NOW, claimed_by=by
        )


async def _mark_sending(database: Database, member_id: int, *, by: str = ME) -> bool:
    async with database.transaction() as session:
        return await repo.reminders.mark_sending(
            session, member_id, ReminderKind.REMINDER, DUE, now=DUE, claimed_by=by
        )


async def _snoozed_until(database: Database, member_id: int) -> datetime | None:
    async with database.transaction() as session:
        enrolment = await repo.enrolments.active(session, member_id)
    assert enrolment is not None
    return enrolment.snoozed_until


async def test_a_reminder_is_claimed_once(database: Database, member_id: int) -> None:
    first = await _claim(database, member_id, ReminderKind.REMINDER)
    second = await _claim(database, member_id, ReminderKind.REMINDER)
    assert (first, second) == (True, False)


async def test_a_nudge_due_at_the_same_time_is_a_separate_claim(
    database: Database, member_id: int
) -> None:
    assert await _claim(database, member_id, ReminderKind.REMINDER)
    assert await _claim(database, member_id, ReminderKind.NUDGE)


async def test_two_concurrent_claims_have_exactly_one_winner(
    database: Database, member_id: int
) -> None:
    results = await asyncio.gather(
        _claim(database, member_id, ReminderKind.REMINDER),
        _claim(database, member_id, ReminderKind.REMINDER),
    )
    assert sorted(results) == [False, True]


async def test_bulk_claim_returns_only_the_claims_this_caller_won(
    database: Database, member_id: int
) -> None:
    taken = ReminderClaim(member_id, "a", ReminderKind.REMINDER, DUE)
    fresh = ReminderClaim(member_id, "b", ReminderKind.REMINDER, DUE + timedelta(days=2))
    assert await _claim(database, member_id, ReminderKind.REMINDER)

    async with database.transaction() as session:
        won = await repo.reminders.claim_many(session, [taken, fresh], now=NOW, claimed_by=ME)
    assert won == [fresh]


async def test_a_sent_reminder_records_its_sending_time(database: Database, member_id: int) -> None:
    await _claim(database, member_id, ReminderKind.REMINDER)
    async with database.transaction() as session:
        marked = await repo.reminders.mark_sent(
            session, member_id, ReminderKind.REMINDER, DUE, now=DUE
        )
        (reminder,) = await repo.reminders.for_member(session, member_id)
    assert marked
    assert (reminder.claimed_at, reminder.sent_at) == (NOW, DUE)


async def test_a_released_claim_can_be_claimed_again(database: Database, member_id: int) -> None:
    await _claim(database, member_id, ReminderKind.REMINDER)
    async with database.transaction() as session:
        assert await repo.reminders.release(
            session, member_id, ReminderKind.REMINDER, DUE, claimed_by=ME
        )
    assert await _claim(database, member_id, ReminderKind.REMINDER)


async def test_a_claim_is_released_only_by_its_holder(database: Database, member_id: int) -> None:
    await _claim(database, member_id, by=DEAD)
    async with database.transaction() as session:
        assert not await repo.reminders.release(
            session, member_id, ReminderKind.REMINDER, DUE, claimed_by=ME
        )


async def test_a_sent_reminder_cannot_be_released(database: Database, member_id: int) -> None:
    await _claim(database, member_id, ReminderKind.REMINDER)
    async with database.transaction() as session:
        await repo.reminders.mark_sent(session, member_id, ReminderKind.REMINDER, DUE, now=DUE)
        assert not await repo.reminders.release(
            session, member_id, ReminderKind.REMINDER, DUE, claimed_by=ME
        )


async def test_the_claim_holder_marks_it_sending_once(database: Database, member_id: int) -> None:
    await _claim(database, member_id)
    first = await _mark_sending(database, member_id)
    again = await _mark_sending(database, member_id)
    async with database.transaction() as session:
        (reminder,) = await repo.reminders.for_member(session, member_id)
    assert (first, again) == (True, False)
    assert (reminder.claimed_by, reminder.sending_at, reminder.sent_at) == (ME, DUE, None)


async def test_a_process_that_lost_its_claim_cannot_mark_it_sending(
    database: Database, member_id: int
) -> None:
    await _claim(database, member_id, by=DEAD)
    assert not await _mark_sending(database, member_id, by=ME)


async def test_start_up_releases_other_processes_claims_never_marked_sending(
    database: Database, member_id: int
) -> None:
    await _claim(database, member_id, by=DEAD)
    async with database.transaction() as session:
        assert await repo.reminders.release_unsent_claims(session, keep_claimed_by=ME) == 1
    assert await _claim(database, member_id, by=ME)


async def test_start_up_keeps_claims_marked_sending_and_sent(
    database: Database, member_id: int
) -> None:
    await _claim(database, member_id, by=DEAD)
    await _mark_sending(database, member_id, by=DEAD)
    await _claim(database, member_id, by=DEAD, due_at=DUE - timedelta(days=1))
    async with database.transaction() as session:
        await repo.reminders.mark_sent(
            session, member_id, ReminderKind.REMINDER, DUE - timedelta(days=1), now=NOW
        )
        assert await repo.reminders.release_unsent_claims(session, keep_claimed_by=ME) == 0
    assert not await _claim(database, member_id, by=ME)


async def test_start_up_keeps_this_processs_own_claims(database: Database, member_id: int) -> None:
    await _claim(database, member_id, by=ME)
    async with database.transaction() as session:
        assert await repo.reminders.release_unsent_claims(session, keep_claimed_by=ME) == 0


async def test_a_snooze_is_stored_on_the_active_enrolment(
    database: Database, member_id: int
) -> None:
    async with database.transaction() as session:
        await repo.enrolments.set_snooze(session, member_id, DUE)
    assert await _snoozed_until(database, member_id) == DUE


async def test_a_snooze_is_cleared_by_the_reminder_due_at_or_after_it(
    database: Database, member_id: int
) -> None:
    async with database.transaction() as session:
        await repo.enrolments.set_snooze(session, member_id, DUE)
        await repo.enrolments.clear_snooze_through(session, member_id, DUE - timedelta(minutes=1))
    assert await _snoozed_until(database, member_id) == DUE
    async with database.transaction() as session:
        await repo.enrolments.clear_snooze_through(session, member_id, DUE)
    assert await _snoozed_until(database, member_id) is None


async def test_changing_the_schedule_drops_the_snooze(database: Database, member_id: int) -> None:
    async with database.transaction() as session:
        await repo.enrolments.set_snooze(session, member_id, DUE)
        enrolment = await repo.enrolments.active(session, member_id)
        assert enrolment is not None
        await repo.enrolments.set_schedule(session, enrolment.id, reminder_time=time(10, 0))
    assert await _snoozed_until(database, member_id) is None


async def test_reminders_sent_since_lists_only_sent_reminders_due_from_then(
    database: Database, member_id: int
) -> None:
    earlier = DUE - timedelta(days=1)
    async with database.transaction() as session:
        for due_at in (earlier, DUE, DUE + timedelta(hours=1)):
            await repo.reminders.claim(
                session, member_id, "a", ReminderKind.REMINDER, due_at, now=NOW, claimed_by=ME
            )
        for due_at in (earlier, DUE):
            await repo.reminders.mark_sent(
                session, member_id, ReminderKind.REMINDER, due_at, now=NOW
            )
    async with database.transaction() as session:
        sent = await repo.reminders.sent_since(session, DUE)
    assert [(row.member_id, row.due_at) for row in sent] == [(member_id, DUE)]


async def test_migration_0002_keeps_an_unsent_claim_from_before_as_never_sent_again(
    database_url: str,
) -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(database_url), "0001")
    members = sa.table(
        "members",
        *(sa.column(name) for name in ("id", "telegram_user_id", "chat_id", "name", "time_zone")),
        *(sa.column(name) for name in ("paused", "inactive")),
        sa.column("created_at", UtcDateTime()),
    )
    reminders = sa.table(
        "reminders_sent",
        *(sa.column(name) for name in ("member_id", "workout_key", "kind")),
        *(sa.column(name, UtcDateTime()) for name in ("due_at", "claimed_at", "sent_at")),
    )
    database = await Database.connect(database_url)
    try:
        async with database.engine.begin() as connection:
            await connection.execute(
                members.insert().values(
                    id=1,
                    telegram_user_id=9,
                    chat_id=9,
                    name="Lee",
                    time_zone="UTC",
                    paused=False,
                    inactive=False,
                    created_at=NOW,
                )
            )
            await connection.execute(
                reminders.insert(),
                [
                    {
                        "member_id": 1,
                        "workout_key": "a",
                        "kind": "reminder",
                        "due_at": due_at,
                        "claimed_at": NOW,
                        "sent_at": sent_at,
                    }
                    for due_at, sent_at in ((DUE, None), (DUE - timedelta(days=1), NOW))
                ],
            )
        await upgrade_async(database_url)
        async with database.transaction() as session:
            rows = await repo.reminders.for_member(session, 1)
    finally:
        await database.dispose()
    assert [(row.claimed_by, row.sending_at, row.sent_at) for row in rows] == [
        ("before-0002", None, NOW),
        ("before-0002", NOW, None),
    ]
