"""A kill during a reminder fan-out, reproduced at the two points that matter.

A killed process leaves either a claim it never marked *sending* (it was waiting for a send
slot: certainly unsent) or one marked sending but not sent (its request may have reached
Telegram). After the restart the first is sent, so none is lost, and the second is not, so
none goes out twice. `tests/reminders/test_reminders_restart.py` runs a whole fan-out through
such a kill."""

from __future__ import annotations

from datetime import datetime, timedelta

from fixtures_bot import RunningBot, onboard

from bot.emulator import BotApiEmulator, SimulatedUser
from bot.reminders import DueReminder
from storage import repository
from storage.models import ReminderKind

KILLED_PROCESS = "boot-id-of-a-killed-process"


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


async def _left_by_a_kill(
    running_bot: RunningBot, member_id: int, workout_key: str, due: datetime, *, sending: bool
) -> None:
    """The row a process killed after claiming (and, if `sending`, after marking it sending)
    leaves behind."""
    async with running_bot.services.database.transaction() as session:
        assert await repository.claim_reminder(
            session,
            member_id,
            workout_key,
            ReminderKind.REMINDER,
            due,
            now=due,
            claimed_by=KILLED_PROCESS,
        )
        if sending:
            assert await repository.mark_reminder_sending(
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


async def test_a_claim_left_by_a_kill_before_sending_is_sent_after_the_restart(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, workout_key, due = await _due(running_bot, member)
    await _left_by_a_kill(running_bot, member_id, workout_key, due, sending=False)
    before = len(emulator.calls("sendMessage"))
    assert await _fire_after_restart(running_bot, member_id, due) == "sent"
    assert len(emulator.calls("sendMessage")) == before + 1


async def test_a_claim_left_by_a_kill_while_sending_is_never_sent_again(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    await onboard(member)
    member_id, workout_key, due = await _due(running_bot, member)
    await _left_by_a_kill(running_bot, member_id, workout_key, due, sending=True)
    before = len(emulator.calls("sendMessage"))
    assert await _fire_after_restart(running_bot, member_id, due) == "not_claimed"
    assert len(emulator.calls("sendMessage")) == before
