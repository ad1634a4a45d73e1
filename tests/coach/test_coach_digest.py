"""The coach's daily digest: /digest sets its time; once a day, at that time, a heading and one
message per member with something to say (low and high pain flags, adherence, what they did);
nothing when there is nothing to say; a reply to a member's part reaches them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import time_machine
from coach_support import heard, onboard_with_coach
from fixtures_bot import RunningBot
from tests_support import check_in, seed_sessions, send_the_digests, until_recorded

from bot.jobs.digest import DigestScheduler
from emulator import ChatMessage, SimulatedUser
from storage import repository

TUESDAY_1700 = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
TUESDAY_1800 = TUESDAY_1700 + timedelta(hours=1)


def is_digest_heading(message: ChatMessage) -> bool:
    return (message.text or "").startswith("🗓 Your daily digest")


def is_about_maya(message: ChatMessage) -> bool:
    return (message.text or "").startswith("Maya (@maya) #1")


@contextmanager
def clock_at(start: datetime) -> Iterator[time_machine.Traveller]:
    """A clock the test moves (the bot is restarted inside it, so the digest job counts its
    minutes from `start`)."""
    with time_machine.travel(start, tick=True) as traveller:
        yield traveller


def move_to(bot: RunningBot, traveller: time_machine.Traveller, moment: datetime) -> None:
    traveller.move_to(moment)
    bot.application.job_queue.scheduler.wakeup()


async def high_pain_flag(bot: RunningBot, maya: SimulatedUser) -> None:
    """6 after sessions at 2, 2 and 4: above the acceptable level and up 2, a high flag."""
    await seed_sessions(bot, maya, [2, 2, 4])
    await check_in(bot, maya, 6)


async def test_a_high_pain_flag_is_in_the_digest_with_its_level_and_reason(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    assert heard(coach) == []
    await send_the_digests(running_bot)
    heading = await coach.wait_for_message(is_digest_heading)
    part = await coach.wait_for_message(is_about_maya)
    assert "one member" in (heading.text or "")
    assert (
        (part.text or "")
        .split("\n")[1]
        .startswith("🔶 high: Above the acceptable level: 6/10 after the session on ")
    )


async def test_there_is_no_digest_when_there_is_nothing_to_say(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    assert await send_the_digests(running_bot) == 0
    assert heard(coach) == []


async def test_the_digest_is_sent_once_however_often_it_is_looked_for(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    assert await send_the_digests(running_bot) == 1
    again = DigestScheduler(running_bot.application, running_bot.services)
    assert await again.send_due() == 0
    await running_bot.restart()
    assert await again.send_due() == 0
    assert len([m for m in coach.messages if is_digest_heading(m)]) == 1


async def test_a_reply_to_a_members_part_of_the_digest_reaches_them(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    await send_the_digests(running_bot)
    part = await until_recorded(running_bot, await coach.wait_for_message(is_about_maya))
    await coach.reply_to(part, "Let's go easier this week.")
    answer = await maya.wait_for_message(lambda m: "Let's go easier" in (m.text or ""))
    assert (answer.text or "").startswith("Coach (your coach)")


async def test_the_digest_comes_at_the_time_the_coach_set(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    with clock_at(TUESDAY_1700) as traveller:
        await running_bot.restart()
        await coach.send_command("/digest", "18:00")
        done = await coach.wait_for_message(lambda m: "daily digest comes at" in (m.text or ""))
        assert (done.text or "") == (
            "Done: your daily digest comes at 18:00 (UTC) from now on; the next one "
            "Tue 10 Mar 18:00."
        )
        await high_pain_flag(running_bot, maya)
        move_to(running_bot, traveller, TUESDAY_1800 - timedelta(minutes=2))
        assert await DigestScheduler(running_bot.application, running_bot.services).send_due() == 0
        move_to(running_bot, traveller, TUESDAY_1800)
        await coach.wait_for_message(is_digest_heading, timeout=10)


async def test_a_member_without_a_session_for_a_week_is_in_the_digest(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    with clock_at(TUESDAY_1700) as traveller:
        await running_bot.restart()
        await onboard_with_coach(member, coach)
        move_to(running_bot, traveller, TUESDAY_1800 + timedelta(days=8))
        await coach.wait_for_message(is_digest_heading, timeout=10)
        part = await coach.wait_for_message(is_about_maya)
    assert "💤 No session yet, 8 days after joining on Tue 10 Mar." in (part.text or "")


async def test_digest_without_arguments_says_when_it_comes(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/digest")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("Your daily digest comes at 18:00 (UTC)")


async def test_digest_with_a_time_zone_keeps_it(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/digest", "07:30 Lisbon")
    answer = await coach.wait_for_message()
    assert "comes at 07:30 (Europe/Lisbon)" in (answer.text or "")
    async with running_bot.services.database.transaction() as session:
        stored = await repository.coaches.by_user_id(session, coach.id)
    assert stored is not None
    assert (stored.digest_time, stored.digest_zone) == (time(7, 30), ZoneInfo("Europe/Lisbon"))


async def test_digest_with_junk_gets_the_usage_line(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/digest", "soon")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("Usage: /digest HH:MM")
