"""Reminders end to end through the emulator: cap, pause, snooze, nudge, restarts, failures.

Every test starts on Thursday 5 March 2026 at noon in New York (a Mon/Wed/Fri member), so the
first reminder is on Friday 6 March; the clock is moved, never slept.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fixtures_bot import RunningBot, onboard
from reminder_clock import (
    Outcomes,
    clock_at,
    finish_sessions,
    is_nudge,
    is_reminder,
    member_id,
    planned,
    scheduler,
)

from emulator import SimulatedUser
from storage import repository
from storage.models import ReminderKind

THURSDAY_NOON = datetime(2026, 3, 5, 17, 0, tzinfo=UTC)
FRIDAY_0700 = datetime(2026, 3, 6, 12, 0, tzinfo=UTC)  # 07:00 EST
FRIDAY_1800 = datetime(2026, 3, 6, 23, 0, tzinfo=UTC)  # 18:00 EST
MONDAY_0700 = datetime(2026, 3, 9, 11, 0, tzinfo=UTC)  # 07:00 EDT
MONDAY_1800 = datetime(2026, 3, 9, 22, 0, tzinfo=UTC)  # 18:00 EDT


def reminders(user: SimulatedUser) -> list[str]:
    return [m.text or "" for m in user.messages if is_reminder(m)]


def nudges(user: SimulatedUser) -> list[str]:
    return [m.text or "" for m in user.messages if is_nudge(m)]


async def test_the_reminder_names_the_workout_due_and_how_many_remain(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        clock.move_to(FRIDAY_1800)
        reminder = await member.wait_for_message(is_reminder)
    assert "Strengthening and Lengthening" in (reminder.text or "")
    assert "3 sessions of it left this week (0 of 3 done)" in (reminder.text or "")


async def test_sessions_done_without_a_reminder_count_toward_the_cap(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        monday, tuesday = THURSDAY_NOON - timedelta(days=3), THURSDAY_NOON - timedelta(days=2)
        await finish_sessions(running_bot, who, "day-2", monday, tuesday)
        await finish_sessions(running_bot, who, "day-1", THURSDAY_NOON - timedelta(hours=1))
        clock.move_to(FRIDAY_1800)
        reminder = await member.wait_for_message(is_reminder)
    assert "Recovery and Movement" in (reminder.text or "")
    assert "1 session of it left this week (2 of 3 done)" in (reminder.text or "")


async def test_a_member_at_the_cap_of_every_workout_gets_no_reminder(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        earlier = [THURSDAY_NOON - timedelta(hours=hours) for hours in (1, 24, 48, 72, 73, 74)]
        await finish_sessions(running_bot, who, "day-1", *earlier[:3])
        await finish_sessions(running_bot, who, "day-2", *earlier[3:])
        outcomes = Outcomes(running_bot)
        clock.move_to(FRIDAY_1800)
        assert await outcomes.first(ReminderKind.REMINDER) == "skip_cap_reached"
        await planned(running_bot, who, MONDAY_1800)
    assert reminders(member) == []


async def test_a_paused_member_gets_nothing_and_resume_plans_the_next_reminder(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        await member.send_command("/pause")
        await member.wait_for_message(lambda m: "paused" in (m.text or ""))
        assert scheduler(running_bot).next_due(who) is None
        clock.move_to(FRIDAY_1800 + timedelta(minutes=5))
        await member.send_command("/resume")
        resumed = await member.wait_for_message()
    assert reminders(member) == []
    assert "Mon 09 Mar 18:00" in (resumed.text or "")
    assert scheduler(running_bot).next_due(who) == MONDAY_1800


async def test_snooze_sends_todays_reminder_again_an_hour_later(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        clock.move_to(FRIDAY_1800)
        reminder = await member.wait_for_message(is_reminder)
        await member.press("Later (1 h)", reminder)
        answer = await member.wait_for_message(lambda m: "remind you again" in (m.text or ""))
        clock.move_to(FRIDAY_1800 + timedelta(hours=1))
        await member.wait_for_message(is_reminder)
    assert "19:00" in (answer.text or "")
    assert len(reminders(member)) == 2


async def test_snooze_on_a_day_without_a_reminder_says_there_is_nothing_to_move(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON):
        await onboard(member, hour="18:00", zone="America/New_York")
        await member.send_command("/snooze")
        answer = await member.wait_for_message()
    assert "no reminder left today" in (answer.text or "")


async def test_an_unanswered_reminder_gets_one_nudge_later_that_day(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="07:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        clock.move_to(FRIDAY_0700)
        await member.wait_for_message(is_reminder)
        nudge_time = FRIDAY_0700 + running_bot.settings.nudge_after
        await running_bot.emulator.wait_until(
            lambda: scheduler(running_bot).next_due(who, ReminderKind.NUDGE) == nudge_time
        )
        clock.move_to(nudge_time)
        nudge = await member.wait_for_message(is_nudge)
        await running_bot.emulator.wait_until(
            lambda: scheduler(running_bot).next_due(who, ReminderKind.NUDGE) is None
        )
    assert "Strengthening and Lengthening" in (nudge.text or "")
    assert len(nudges(member)) == 1


async def test_no_nudge_once_the_member_has_started_a_session(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="07:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        outcomes = Outcomes(running_bot)
        clock.move_to(FRIDAY_0700)
        await member.wait_for_message(is_reminder)
        await finish_sessions(running_bot, who, "day-1", FRIDAY_0700 + timedelta(hours=1))
        clock.move_to(FRIDAY_0700 + running_bot.settings.nudge_after)
        assert await outcomes.first(ReminderKind.NUDGE) == "answered"
    assert nudges(member) == []


async def test_a_restart_does_not_send_a_reminder_already_sent(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        clock.move_to(FRIDAY_1800)
        await member.wait_for_message(is_reminder)
        await planned(running_bot, who, MONDAY_1800)
        await running_bot.restart()
        await planned(running_bot, who, MONDAY_1800)
    assert len(reminders(member)) == 1


async def test_a_reminder_missed_while_down_is_sent_at_start_up_inside_the_grace_window(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="07:00", zone="America/New_York")
        clock.jump_unnoticed(FRIDAY_0700 + timedelta(hours=1, minutes=50))
        await running_bot.restart()
        reminder = await member.wait_for_message(is_reminder)
    assert "Strengthening and Lengthening" in (reminder.text or "")


async def test_a_reminder_missed_beyond_the_grace_window_is_dropped(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="07:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        clock.jump_unnoticed(FRIDAY_0700 + timedelta(hours=2, minutes=10))
        await running_bot.restart()
        await planned(running_bot, who, MONDAY_0700)
    assert reminders(member) == []


async def test_a_restart_sends_no_reminder_that_fell_due_before_the_member_joined(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, FRIDAY_0700 + timedelta(minutes=20)) as clock:
        await onboard(member, hour="07:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        clock.jump_unnoticed(FRIDAY_0700 + timedelta(minutes=30))
        await running_bot.restart()
        await planned(running_bot, who, MONDAY_0700)
    assert reminders(member) == []


async def test_a_member_who_blocked_the_bot_is_marked_inactive_and_not_tried_again(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        outcomes = Outcomes(running_bot)
        running_bot.emulator.faults.block_chat(member.id)
        clock.move_to(FRIDAY_1800)
        assert await outcomes.first(ReminderKind.REMINDER) == "blocked"
        async with running_bot.services.database.transaction() as session:
            stored = await repository.members.get(session, who)
            sent = await repository.reminders.for_member(session, who)
    assert stored is not None
    assert stored.inactive
    assert sent == []
    assert scheduler(running_bot).next_due(who) is None


async def test_a_reminder_lost_on_the_network_is_sent_a_minute_later(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        running_bot.emulator.faults.server_error(calls=1, method="sendMessage")
        clock.move_to(FRIDAY_1800)
        await running_bot.emulator.wait_until(
            lambda: (scheduler(running_bot).next_due(who) or FRIDAY_1800) > FRIDAY_1800
        )
        assert reminders(member) == []
        clock.move_to(FRIDAY_1800 + timedelta(minutes=1))
        await member.wait_for_message(is_reminder)
        await planned(running_bot, who, MONDAY_1800)
        async with running_bot.services.database.transaction() as session:
            sent = await repository.reminders.for_member(session, who)
    assert [(row.due_at, row.sent_at is not None) for row in sent] == [(FRIDAY_1800, True)]


async def test_snooze_while_paused_points_to_resume(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON):
        await onboard(member, hour="18:00", zone="America/New_York")
        await member.send_command("/pause")
        await member.wait_for_message(lambda m: "paused" in (m.text or ""))
        await member.send_command("/snooze")
        answer = await member.wait_for_message()
    assert "/resume" in (answer.text or "")


async def test_a_nudge_owed_before_a_restart_is_sent_after_it(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, THURSDAY_NOON) as clock:
        await onboard(member, hour="07:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        clock.move_to(FRIDAY_0700)
        await member.wait_for_message(is_reminder)
        await planned(running_bot, who, MONDAY_0700)
        await running_bot.restart()
        clock.move_to(FRIDAY_0700 + running_bot.settings.nudge_after)
        await member.wait_for_message(is_nudge)
    assert len(reminders(member)) == 1
