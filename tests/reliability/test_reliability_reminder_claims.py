"""A kill during a reminder fan-out, reproduced at the point that matters: the claim row is
committed, the message is not sent (or sent, but `sent_at` not yet written). The two leave the
same row behind, so the scheduler can only choose one of "never twice" and "never lost".

Today it chooses "never twice": these tests pin that, and mark the reminder lost after such a
kill as a known gap (reported to the reminders engineer; see README, Reliability)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from fixtures_bot import RunningBot, onboard

from bot.emulator import BotApiEmulator, SimulatedUser
from bot.reminders import DueReminder
from storage import repository
from storage.models import ReminderKind


async def _due(running_bot: RunningBot, member: SimulatedUser) -> tuple[int, str, datetime]:
    services = running_bot.services
    async with services.database.transaction() as session:
        row = await repository.get_member_by_user_id(session, member.id)
        assert row is not None
        enrolment = await repository.get_active_enrolment(session, row.id)
        assert enrolment is not None
    protocol = services.protocol(enrolment.protocol)
    assert protocol is not None
    assert services.reminders is not None
    due = services.reminders.next_due(row.id)
    assert due is not None
    services.clock = lambda: due + timedelta(minutes=1)  # the job fires a minute late
    return row.id, protocol.workouts[0].key, due


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


async def test_a_claim_left_by_a_kill_is_never_sent_twice(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, workout_key, due = await _due(running_bot, member)
    async with running_bot.services.database.transaction() as session:
        assert await repository.claim_reminder(
            session, member_id, workout_key, ReminderKind.REMINDER, due, now=due
        )
    await running_bot.restart()  # the start-up after the kill
    reminders = running_bot.services.reminders
    assert reminders is not None
    running_bot.services.clock = lambda: due + timedelta(minutes=1)
    before = len(emulator.calls("sendMessage"))
    outcome = await reminders.fire(DueReminder(member_id, due, ReminderKind.REMINDER))
    assert outcome == "not_claimed"
    assert len(emulator.calls("sendMessage")) == before


@pytest.mark.xfail(
    strict=True,
    reason="known gap: a reminder claimed but not sent when the process died is lost "
    "(reported: bot/reminders.py has no way to tell it from one sent but not marked)",
)
async def test_a_claim_left_by_a_kill_before_sending_is_not_lost(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, workout_key, due = await _due(running_bot, member)
    async with running_bot.services.database.transaction() as session:
        assert await repository.claim_reminder(
            session, member_id, workout_key, ReminderKind.REMINDER, due, now=due
        )
    await running_bot.restart()
    reminders = running_bot.services.reminders
    assert reminders is not None
    running_bot.services.clock = lambda: due + timedelta(minutes=1)
    outcome = await reminders.fire(DueReminder(member_id, due, ReminderKind.REMINDER))
    assert outcome == "sent"
