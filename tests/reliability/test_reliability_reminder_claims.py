"""A kill during a reminder fan-out, reproduced at the two points that matter.

A killed process leaves either a claim it never marked *sending* (it was waiting for a send
slot: certainly unsent) or one marked sending but not sent (its request may have reached
Telegram). After the restart the first is sent, so none is lost, and the second is not, so
none goes out twice. The last test SIGKILLs a real `python -m bot run` in the middle of a
fan-out to 200 members (`tests/reminders/test_reminders_restart.py` simulates the same in
process)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from fixtures_bot import RunningBot, onboard
from sqlalchemy import select
from test_reliability_crash import BotProcess

from bot.services.reminders import DueReminder
from emulator import BotApiEmulator, SimulatedUser
from storage import repository
from storage.database import Database
from storage.migrations_runner import upgrade_async
from storage.models import ReminderKind, ReminderSent

KILLED_PROCESS = "boot-id-of-a-killed-process"


@pytest.fixture
def a_quiet_thursday() -> Iterator[None]:
    """Thursday noon UTC, a day and six hours before the member's first reminder, so no
    reminder of the real schedule falls due during the test (on a Friday at 18:00 UTC one
    did, and its send was counted)."""
    with time_machine.travel(datetime(2026, 3, 5, 12, 0, tzinfo=UTC), tick=True):
        yield


async def _due(running_bot: RunningBot, member: SimulatedUser) -> tuple[int, str, datetime]:
    services = running_bot.services
    async with services.database.transaction() as session:
        row = await repository.members.by_user_id(session, member.id)
        assert row is not None
        enrolment = await repository.enrolments.active(session, row.id)
        assert enrolment is not None
    protocol = services.protocol(enrolment.protocol)
    assert protocol is not None
    assert services.reminders is not None
    due = services.reminders.next_due(row.id)
    assert due is not None
    services.clock = lambda: due + timedelta(minutes=1)  # the job fires a minute late
    return row.id, protocol.workouts[0].key, due


async def _left_by_a_kill(
    running_bot: RunningBot, member_id: int, workout_key: str, due: datetime, *, sending: bool
) -> None:
    """The row a process killed after claiming (and, if `sending`, after marking it sending)
    leaves behind."""
    async with running_bot.services.database.transaction() as session:
        assert await repository.reminders.claim(
            session,
            member_id,
            workout_key,
            ReminderKind.REMINDER,
            due,
            now=due,
            claimed_by=KILLED_PROCESS,
        )
        if sending:
            assert await repository.reminders.mark_sending(
                session,
                member_id,
                ReminderKind.REMINDER,
                due,
                now=due,
                claimed_by=KILLED_PROCESS,
            )


async def _fire_after_restart(running_bot: RunningBot, member_id: int, due: datetime) -> str:
    await running_bot.restart()
    reminders = running_bot.services.reminders
    assert reminders is not None
    running_bot.services.clock = lambda: due + timedelta(minutes=1)
    return await reminders.fire(DueReminder(member_id, due, ReminderKind.REMINDER))


@pytest.mark.usefixtures("a_quiet_thursday")
async def test_a_reminder_fired_twice_is_sent_once(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, _, due = await _due(running_bot, member)
    reminders = running_bot.services.reminders
    assert reminders is not None
    before = len(emulator.calls("sendMessage"))
    first = await reminders.fire(DueReminder(member_id, due, ReminderKind.REMINDER))
    again = await reminders.fire(DueReminder(member_id, due, ReminderKind.REMINDER))
    assert (first, again) == ("sent", "not_claimed")
    assert len(emulator.calls("sendMessage")) == before + 1


@pytest.mark.usefixtures("a_quiet_thursday")
async def test_a_claim_left_by_a_kill_before_sending_is_sent_after_the_restart(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, workout_key, due = await _due(running_bot, member)
    await _left_by_a_kill(running_bot, member_id, workout_key, due, sending=False)
    before = len(emulator.calls("sendMessage"))
    assert await _fire_after_restart(running_bot, member_id, due) == "sent"
    assert len(emulator.calls("sendMessage")) == before + 1


@pytest.mark.usefixtures("a_quiet_thursday")
async def test_a_claim_left_by_a_kill_while_sending_is_never_sent_again(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, workout_key, due = await _due(running_bot, member)
    await _left_by_a_kill(running_bot, member_id, workout_key, due, sending=True)
    before = len(emulator.calls("sendMessage"))
    assert await _fire_after_restart(running_bot, member_id, due) == "not_claimed"
    assert len(emulator.calls("sendMessage")) == before


FAN_OUT = 200
STARTUP = 60
"""Seconds a bot process may take to start (importing the red-flag reader's language models
alone takes seconds, and more on a loaded machine); the fan-out is timed from there."""


async def _members_due_a_few_minutes_ago(
    database: Database, emulator: BotApiEmulator, now: datetime
) -> None:
    """`FAN_OUT` members reminded every day at a local time five minutes before `now`, in a
    time zone where that is around noon (so never in quiet hours): all due at start-up."""
    offset = 12 - now.hour  # UTC+offset is around noon; Etc/GMT names flip the sign
    zone = ZoneInfo(f"Etc/GMT{-offset:+d}")
    local = now + timedelta(hours=offset) - timedelta(minutes=5)
    async with database.transaction() as session:
        for user_id in range(500_000, 500_000 + FAN_OUT):
            emulator.user(user_id=user_id, first_name=f"Member {user_id}", known=True)
            member = await repository.members.upsert(
                session,
                telegram_user_id=user_id,
                chat_id=user_id,
                name=f"Member {user_id}",
                username=None,
                time_zone=zone,
                now=now,
            )
            await repository.enrolments.enrol(
                session,
                member.id,
                protocol="lower-back-pain-relief-lvl1",
                workout_days=range(7),
                reminder_time=time(local.hour, local.minute),
                start_date=local.date(),
            )
            await repository.members.set_onboarded(session, member.id, now - timedelta(days=1))


async def _in_flight_at_the_kill(database: Database) -> set[int]:
    """Telegram user ids whose reminder was marked sending but never marked sent."""
    async with database.transaction() as session:
        rows = await session.scalars(
            select(ReminderSent).where(
                ReminderSent.sending_at.is_not(None), ReminderSent.sent_at.is_(None)
            )
        )
        member_ids = [row.member_id for row in rows]
        members = [await repository.members.get(session, who) for who in member_ids]
    return {member.telegram_user_id for member in members if member is not None}


@pytest.mark.timeout(3 * STARTUP)
async def test_sigkill_mid_fan_out_sends_no_reminder_twice_and_loses_only_those_in_flight(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    flood = emulator.enforce_rate_limit(per_second=30, per_chat_per_second=1)
    process = BotProcess(emulator, tmp_path)
    await upgrade_async(process.database_url)
    database = await Database.connect(process.database_url)
    try:
        await _members_due_a_few_minutes_ago(database, emulator, datetime.now(UTC))
        chats = [emulator.chat(user_id) for user_id in range(500_000, 500_000 + FAN_OUT)]
        process.start()
        await emulator.wait_until(lambda: bool(emulator.calls("sendMessage")), timeout=STARTUP)
        await emulator.wait_until(lambda: len(emulator.calls("sendMessage")) >= 50, timeout=15)
        process.kill()  # about two seconds into the fan-out, at 28 reminders a second
        sent_before = sum(bool(chat.messages) for chat in chats)
        in_flight = await _in_flight_at_the_kill(database)
        lost = {chat.chat_id for chat in chats if not chat.messages} & in_flight

        starts = len(emulator.calls("setMyCommands"))
        process.start()
        await emulator.wait_until(
            lambda: len(emulator.calls("setMyCommands")) > starts, timeout=STARTUP
        )
        await emulator.wait_until(
            lambda: sum(bool(chat.messages) for chat in chats) == FAN_OUT - len(lost),
            timeout=20,
        )
    finally:
        process.stop()
        await database.dispose()
    print(
        f"before the kill {sent_before}, in flight {len(in_flight)}, lost {len(lost)}, "
        f"429s {flood.rejected}"
    )
    assert sent_before < FAN_OUT
    assert max(len(chat.messages) for chat in chats) == 1
    assert len(in_flight) <= 8  # FIRE_CONCURRENCY: the only ones that can be lost
