"""Helpers for the storage tests: a fixed clock and a member with a row in every table."""

from __future__ import annotations

from datetime import date, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from storage_support import NOW, PAIN_FLAG

from storage import repository as repo
from storage.database import Database
from storage.models import (
    CoachMessageKind,
    EvidenceSource,
    FormCheckKind,
    MessageDirection,
    MessageKind,
    NoticeEvent,
    ReminderKind,
    StepOutcome,
)


async def _member_with_everything(database: Database, telegram_user_id: int, name: str) -> int:
    async with database.transaction() as session:
        member = await repo.members.upsert(
            session,
            telegram_user_id=telegram_user_id,
            chat_id=telegram_user_id,
            name=name,
            username=name.lower(),
            time_zone=ZoneInfo("Europe/London"),
            now=NOW,
        )
        await repo.members.set_consent(session, member.id, NOW)
        await repo.screening.record(session, member.id, "saddle", False, now=NOW)
        await repo.members.set_onboarded(session, member.id, NOW)
        await repo.enrolments.enrol(
            session,
            member.id,
            protocol="lower-back-pain-relief-lvl1",
            workout_days={0, 2, 4},
            reminder_time=time(7, 30),
            start_date=date(2025, 3, 3),
        )
        workout = await repo.sessions.start(
            session, member.id, protocol="lower-back-pain-relief-lvl1", workout_key="a", now=NOW
        )
        await repo.sessions.record_step(session, workout.id, 0, StepOutcome.DONE, now=NOW)
        await repo.sessions.record_step(session, workout.id, 1, StepOutcome.TOO_HARD, now=NOW)
        await repo.check_ins.add(
            session, member.id, pain=3, note="stiff", session_id=workout.id, now=NOW
        )
        await repo.exercise_levels.choose(
            session, member.id, "lower-back-pain-relief-lvl1", "E1", -1, now=NOW
        )
        flag = await repo.flags.add(session, member.id, *PAIN_FLAG, "pain rising", now=NOW)
        assert flag is not None
        await repo.flags.add_evidence(
            session, flag.id, EvidenceSource.CHECK_IN, flag.level, flag.rule, "3 → 5", now=NOW
        )
        form_check = await repo.form_checks.add(
            session,
            member.id,
            file_id="file-1",
            file_unique_id="unique-1",
            kind=FormCheckKind.VIDEO,
            session_id=workout.id,
            step_index=1,
            now=NOW,
        )
        await repo.digests.queue_notice(
            session, member.id, NoticeEvent.SESSION, session_id=workout.id, now=NOW
        )
        relay = await repo.messages.add_relay(session, member.id, now=NOW)
        message = await repo.messages.add(
            session,
            member.id,
            direction=MessageDirection.FROM_MEMBER,
            kind=MessageKind.TEXT,
            text="is this twinge ok?",
            member_message_id=10,
            relay_id=relay.id,
            now=NOW,
        )
        await repo.messages.add_coach_message(
            session,
            member.id,
            CoachMessageKind.RELAY,
            chat_id=-100,
            message_id=telegram_user_id,
            relay_id=relay.id,
            thread_message_id=message.id,
            form_check_id=form_check.id,
            now=NOW,
        )
        await repo.reminders.claim(
            session,
            member.id,
            "a",
            ReminderKind.REMINDER,
            NOW + timedelta(days=1),
            now=NOW,
            claimed_by="storage-tests",
        )
        return member.id


@pytest.fixture
async def alice_and_bob(database: Database) -> tuple[int, int]:
    """The ids of two members, each with at least one row in every table."""
    return (
        await _member_with_everything(database, 1001, "Alice"),
        await _member_with_everything(database, 1002, "Bob"),
    )
