"""The next-morning pain question end to end: asked the morning after a session at the member's
reminder time or 09:00, whichever is earlier, never in quiet hours, once a day, not while the
programme is held, across a restart; its answer is a morning check-in of its own.

Members are in New York (Mon/Wed/Fri, reminded at 18:00 unless a test says otherwise). Sessions
finish on Monday 9 March 2026 at 19:00 EDT; the clock is moved, never slept.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from fixtures_bot import COACH_USER_ID, RunningBot, has_button, onboard
from reminder_clock import Outcomes, clock_at, enrolled_member, finish_sessions, scheduler
from tests_support import answer_every_step, check_in_on_card

from bot.render import texts
from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import CheckInKind, FlagLevel, ReminderKind, SymptomReport

MONDAY_1900 = datetime(2026, 3, 9, 23, 0, tzinfo=UTC)  # 19:00 EDT
TUESDAY_0700 = datetime(2026, 3, 10, 11, 0, tzinfo=UTC)
TUESDAY_0900 = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
WEDNESDAY_0900 = TUESDAY_0900 + timedelta(days=1)
MEMBER = 100_500


def is_morning_question(message: ChatMessage) -> bool:
    return (message.text or "").startswith(texts.MORNING_QUESTION())


def is_alert(message: ChatMessage) -> bool:
    return has_button(message, "Acknowledge")


def morning_questions(user: SimulatedUser) -> list[ChatMessage]:
    return [message for message in user.messages if is_morning_question(message)]


async def reminded_at(bot: RunningBot, member: int, at: time) -> None:
    async with bot.services.database.transaction() as session:
        enrolment = await repository.enrolments.active(session, member)
        assert enrolment is not None
        await repository.enrolments.set_schedule(session, enrolment.id, reminder_time=at)


async def after_a_session(bot: RunningBot, *, reminder: time = time(18, 0)) -> int:
    """A member reminded at `reminder` who finished a session on Monday at 19:00; the morning
    question is planned as it is after a real session."""
    member = await enrolled_member(bot, MEMBER, since=MONDAY_1900 - timedelta(days=7))
    await reminded_at(bot, member, reminder)
    await finish_sessions(bot, member, "day-1", MONDAY_1900)
    await scheduler(bot).plan_morning_check(member)
    return member


async def morning_check_ins(bot: RunningBot, member: int) -> list[SymptomReport]:
    async with bot.services.database.transaction() as session:
        reports = await repository.check_ins.recent(session, member, 50)
    return [report for report in reports if report.kind == CheckInKind.MORNING]


async def test_after_a_real_session_the_member_is_asked_the_next_morning_and_the_answer_is_kept(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    with clock_at(running_bot, MONDAY_1900 - timedelta(hours=1)) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        await member.send_command("/today")
        await answer_every_step(member)
        await check_in_on_card(member, "3")
        clock.move_to(TUESDAY_0900)
        question = await member.wait_for_message(is_morning_question)
        assert [len(row) for row in question.keyboard] == [6, 5]  # 0 to 10
        await member.press("2", question)
        thanks = await member.wait_for_message(lambda m: texts.MORNING_THANKS() in (m.text or ""))
    assert (thanks.text or "").startswith("2 is low")
    stored = await member_reports(running_bot, member)
    assert [(report.kind, report.pain) for report in stored] == [
        (CheckInKind.SESSION, 3),
        (CheckInKind.MORNING, 2),
    ]
    assert stored[0].session_id == stored[1].session_id


async def member_reports(bot: RunningBot, user: SimulatedUser) -> list[SymptomReport]:
    async with bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user.id)
        assert member is not None
        return await repository.check_ins.recent(session, member.id, 50)


@pytest.mark.parametrize(
    ("reminder", "asked_at"),
    [
        (time(18, 0), TUESDAY_0900),
        (time(7, 30), TUESDAY_0700 + timedelta(minutes=30)),
        (time(6, 0), TUESDAY_0700),  # 06:00 is in quiet hours (21:00-07:00): at their end
    ],
    ids=["nine-is-earlier", "reminder-is-earlier", "not-in-quiet-hours"],
)
async def test_the_question_comes_at_the_reminder_time_or_nine_whichever_is_earlier(
    running_bot: RunningBot, reminder: time, asked_at: datetime
) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot, reminder=reminder)
        assert scheduler(running_bot).next_due(member, ReminderKind.MORNING) == asked_at
        user = running_bot.emulator.user(user_id=MEMBER)
        clock.move_to(asked_at - timedelta(minutes=1))
        clock.move_to(asked_at)
        await user.wait_for_message(is_morning_question)


async def test_the_question_is_not_asked_twice_even_after_a_restart(
    running_bot: RunningBot,
) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        user = running_bot.emulator.user(user_id=MEMBER)
        clock.move_to(TUESDAY_0900)
        await user.wait_for_message(is_morning_question)
        clock.jump_unnoticed(TUESDAY_0900 + timedelta(minutes=30))  # inside the grace window
        await running_bot.restart()  # plans the 09:00 question again, for now
        await running_bot.emulator.wait_until(
            lambda: scheduler(running_bot).next_due(member, ReminderKind.MORNING) is None
        )
    assert len(morning_questions(user)) == 1


async def test_two_sessions_on_one_day_get_one_question(running_bot: RunningBot) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        await finish_sessions(running_bot, member, "day-2", MONDAY_1900 + timedelta(minutes=2))
        await scheduler(running_bot).plan_morning_check(member)
        user = running_bot.emulator.user(user_id=MEMBER)
        clock.move_to(TUESDAY_0900)
        await user.wait_for_message(is_morning_question)
        clock.move_to(WEDNESDAY_0900)
        await running_bot.emulator.wait_until(
            lambda: scheduler(running_bot).next_due(member, ReminderKind.MORNING) is None
        )
    assert len(morning_questions(user)) == 1


async def test_a_held_programme_gets_no_morning_question(running_bot: RunningBot) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        outcomes = Outcomes(running_bot)
        async with running_bot.services.database.transaction() as session:
            await repository.members.set_held(session, member, MONDAY_1900)
        clock.move_to(TUESDAY_0900)
        assert await outcomes.first(ReminderKind.MORNING) == "skip_paused"
    assert morning_questions(running_bot.emulator.user(user_id=MEMBER)) == []


async def test_the_question_planned_before_a_restart_is_asked_after_it(
    running_bot: RunningBot,
) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        await running_bot.restart()
        assert scheduler(running_bot).next_due(member, ReminderKind.MORNING) == TUESDAY_0900
        clock.move_to(TUESDAY_0900)
        await running_bot.emulator.user(user_id=MEMBER).wait_for_message(is_morning_question)


async def test_an_old_morning_button_changes_nothing(running_bot: RunningBot) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        user = running_bot.emulator.user(user_id=MEMBER)
        clock.move_to(TUESDAY_0900)
        question = await user.wait_for_message(is_morning_question)
        clock.move_to(WEDNESDAY_0900)  # the day after the morning it asked about
        pressed = await user.press("4", question)
        await running_bot.emulator.wait_until(lambda: question.keyboard == [])
    assert pressed.answer_text == texts.MORNING_PASSED()
    assert await morning_check_ins(running_bot, member) == []


async def test_a_second_tap_on_the_morning_question_is_ignored(running_bot: RunningBot) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        user = running_bot.emulator.user(user_id=MEMBER)
        clock.move_to(TUESDAY_0900)
        question = await user.wait_for_message(is_morning_question)
        eight = question.find_button("8")
        assert eight is not None
        assert eight.callback_data is not None
        await user.press("2", question)
        await user.wait_for_message(lambda m: texts.MORNING_THANKS() in (m.text or ""))
        again = await user.send_callback(eight.callback_data, question)  # a stale client
        await running_bot.emulator.wait_until(lambda: again.answered)
    assert again.answer_text == texts.MORNING_PASSED()
    assert [report.pain for report in await morning_check_ins(running_bot, member)] == [2]


async def given_to_the_coach(bot: RunningBot, member: int) -> SimulatedUser:
    """The member joins the owner from COACH_CHAT_IDS; the owner's simulated user."""
    async with bot.services.database.transaction() as session:
        coach = await repository.coaches.by_user_id(session, COACH_USER_ID)
        assert coach is not None
        await repository.members.set_coach(session, member, coach.id)
    return bot.emulator.user(user_id=COACH_USER_ID, first_name="Coach", known=True)


async def earlier_mornings(bot: RunningBot, member: int, *pains: tuple[int, int]) -> None:
    """Morning check-ins `days` before Tuesday 09:00, with their pain: (days, pain)."""
    async with bot.services.database.transaction() as session:
        for days, pain in pains:
            await repository.check_ins.add(
                session,
                member,
                pain=pain,
                kind=CheckInKind.MORNING,
                now=TUESDAY_0900 - timedelta(days=days),
            )


async def answer_the_morning_question(bot: RunningBot, pain: str) -> None:
    user = bot.emulator.user(user_id=MEMBER)
    await user.press(pain, await user.wait_for_message(is_morning_question))
    await user.wait_for_message(lambda m: f"{pain} is" in (m.text or ""))


async def test_a_second_unsettled_morning_is_a_high_flag_kept_for_the_digest(
    running_bot: RunningBot,
) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        coach = await given_to_the_coach(running_bot, member)
        await earlier_mornings(running_bot, member, (9, 2), (8, 2), (2, 5))
        clock.move_to(TUESDAY_0900)
        await answer_the_morning_question(running_bot, "5")
    async with running_bot.services.database.transaction() as session:
        [flag] = await repository.flags.unacknowledged(session, member)
    assert flag.level == FlagLevel.HIGH
    assert "not_settling" in flag.rule.split(", ")
    assert "next-morning pain 5 on Sun 8 Mar and 5 on Tue 10 Mar" in flag.reason
    assert not any(is_alert(message) for message in coach.messages)


async def test_a_morning_seven_reaches_the_coach_at_once(running_bot: RunningBot) -> None:
    with clock_at(running_bot, MONDAY_1900 + timedelta(minutes=5)) as clock:
        member = await after_a_session(running_bot)
        coach = await given_to_the_coach(running_bot, member)
        clock.move_to(TUESDAY_0900)
        await answer_the_morning_question(running_bot, "7")
        alert = await coach.wait_for_message(is_alert)
    assert (alert.text or "").startswith("❗ Critical pain: Member 100500")
    assert "High pain: 7/10 on the morning of Tue 10 Mar" in (alert.text or "")
