"""ReminderScheduler decisions, called directly on the running bot (no clock travel needed),
and the fan-out of many reminders due in the same minute."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import reminder_clock
from fixtures_bot import RunningBot
from reminder_clock import clock_at, is_reminder, scheduler

from bot.services.reminders import DueReminder
from storage import repository
from storage.models import ReminderKind

FRIDAY_1800 = datetime(2026, 3, 6, 23, 0, tzinfo=UTC)  # 18:00 in New York
BEFORE = FRIDAY_1800 - timedelta(hours=1)


async def enrolled_member(bot: RunningBot, user_id: int, *, paused: bool = False) -> int:
    return await reminder_clock.enrolled_member(bot, user_id, paused=paused, since=BEFORE)


def due_friday(member_id: int) -> DueReminder:
    return DueReminder(member_id, FRIDAY_1800, ReminderKind.REMINDER)


async def test_a_reminder_fired_twice_is_sent_once(running_bot: RunningBot) -> None:
    who = await enrolled_member(running_bot, 200_001)
    with clock_at(running_bot, FRIDAY_1800):
        first = await scheduler(running_bot).fire(due_friday(who))
        second = await scheduler(running_bot).fire(due_friday(who))
    assert (first, second) == ("sent", "not_claimed")


async def test_a_reminder_later_than_the_grace_window_is_dropped(running_bot: RunningBot) -> None:
    who = await enrolled_member(running_bot, 200_001)
    late = FRIDAY_1800 + running_bot.settings.reminder_grace + timedelta(minutes=1)
    with clock_at(running_bot, late):
        assert await scheduler(running_bot).fire(due_friday(who)) == "skip_too_late"


async def test_a_reminder_for_a_deleted_member_is_dropped_without_planning_another(
    running_bot: RunningBot,
) -> None:
    who = await enrolled_member(running_bot, 200_001)
    async with running_bot.services.database.transaction() as session:
        await repository.members.delete(session, who)
    with clock_at(running_bot, FRIDAY_1800):
        assert await scheduler(running_bot).fire(due_friday(who)) == "gone"
    assert scheduler(running_bot).next_due(who) is None


async def test_a_sent_reminder_plans_the_next_one_and_its_nudge(running_bot: RunningBot) -> None:
    who = await enrolled_member(running_bot, 200_001)
    # A snoozed-like reminder in the morning: the following one is that evening's.
    morning = DueReminder(who, FRIDAY_1800 - timedelta(hours=11), ReminderKind.REMINDER)
    with clock_at(running_bot, morning.due_at):
        assert await scheduler(running_bot).fire(morning) == "sent"
    assert scheduler(running_bot).next_due(who) == FRIDAY_1800
    nudge = morning.due_at + running_bot.settings.nudge_after
    assert scheduler(running_bot).next_due(who, ReminderKind.NUDGE) == nudge


async def test_rebuild_plans_active_members_only(running_bot: RunningBot) -> None:
    active = await enrolled_member(running_bot, 200_001)
    paused = await enrolled_member(running_bot, 200_002, paused=True)
    with clock_at(running_bot, BEFORE):
        assert await scheduler(running_bot).rebuild() == 1
    assert scheduler(running_bot).next_due(active) == FRIDAY_1800
    assert scheduler(running_bot).next_due(paused) is None


async def test_a_hundred_reminders_due_the_same_minute_each_arrive_once(
    running_bot: RunningBot,
) -> None:
    users = range(300_000, 300_100)
    for user_id in users:
        await enrolled_member(running_bot, user_id)
    with clock_at(running_bot, BEFORE) as clock:
        assert await scheduler(running_bot).rebuild() == len(users)
        clock.move_to(FRIDAY_1800)
        chats = [running_bot.emulator.chat(user_id) for user_id in users]
        await running_bot.emulator.wait_until(
            lambda: all(any(is_reminder(m) for m in chat.messages) for chat in chats),
            timeout=15,
        )
    assert all(len([m for m in chat.messages if is_reminder(m)]) == 1 for chat in chats)
