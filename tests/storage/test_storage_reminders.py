"""Reminder claims: each reminder is claimed, and so sent, once at most."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from storage import repository as repo
from storage.database import Database
from storage.models import ReminderKind
from storage.repository import ReminderClaim

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
DUE = NOW + timedelta(hours=1)


@pytest.fixture
async def member_id(database: Database) -> int:
    async with database.transaction() as session:
        member = await repo.upsert_member(
            session,
            telegram_user_id=9,
            chat_id=9,
            name="Lee",
            username=None,
            time_zone="UTC",
            now=NOW,
        )
        return member.id


async def _claim(database: Database, member_id: int, kind: ReminderKind) -> bool:
    async with database.transaction() as session:
        return await repo.claim_reminder(session, member_id, "a", kind, DUE, now=NOW)


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
        won = await repo.claim_reminders_bulk(session, [taken, fresh], now=NOW)
    assert won == [fresh]


async def test_a_sent_reminder_records_its_sending_time(database: Database, member_id: int) -> None:
    await _claim(database, member_id, ReminderKind.REMINDER)
    async with database.transaction() as session:
        marked = await repo.mark_reminder_sent(
            session, member_id, ReminderKind.REMINDER, DUE, now=DUE
        )
        (reminder,) = await repo.reminders_for_member(session, member_id)
    assert marked
    assert (reminder.claimed_at, reminder.sent_at) == (NOW, DUE)


async def test_a_released_claim_can_be_claimed_again(database: Database, member_id: int) -> None:
    await _claim(database, member_id, ReminderKind.REMINDER)
    async with database.transaction() as session:
        assert await repo.release_reminder(session, member_id, ReminderKind.REMINDER, DUE)
    assert await _claim(database, member_id, ReminderKind.REMINDER)


async def test_a_sent_reminder_cannot_be_released(database: Database, member_id: int) -> None:
    await _claim(database, member_id, ReminderKind.REMINDER)
    async with database.transaction() as session:
        await repo.mark_reminder_sent(session, member_id, ReminderKind.REMINDER, DUE, now=DUE)
        assert not await repo.release_reminder(session, member_id, ReminderKind.REMINDER, DUE)


async def test_reminders_sent_since_lists_only_sent_reminders_due_from_then(
    database: Database, member_id: int
) -> None:
    earlier = DUE - timedelta(days=1)
    async with database.transaction() as session:
        for due_at in (earlier, DUE, DUE + timedelta(hours=1)):
            await repo.claim_reminder(
                session, member_id, "a", ReminderKind.REMINDER, due_at, now=NOW
            )
        for due_at in (earlier, DUE):
            await repo.mark_reminder_sent(
                session, member_id, ReminderKind.REMINDER, due_at, now=NOW
            )
    async with database.transaction() as session:
        sent = await repo.reminders_sent_since(session, DUE)
    assert [(row.member_id, row.due_at) for row in sent] == [(member_id, DUE)]
