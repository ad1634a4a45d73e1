"""A button left on an older message never changes anything silently.

Settings buttons (set-up, /start's menu, /delete's confirmation) belong to one settings
question; once it is answered or a newer one is asked, a press is answered "That menu is out
of date" and the message loses its buttons. A reminder's "Later" moves only its own day's
reminder. Workout buttons are scoped by session and step (see tests/e2e/test_workout.py); a
start button starts nothing new; a coach's quick answer carries a check of its words
(tests/coach).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, time, timedelta

import pytest
from fixtures_bot import PROTOCOL_1, RunningBot, choose_zone, has_button, reach_the_time_question
from tests_support import is_step, position_and_exercise, start_today

from bot.render import callbacks as cb
from emulator import ChatMessage, SimulatedUser
from storage import repository

OUT_OF_DATE = "That menu is out of date: send /start to change your settings."


@dataclass(frozen=True)
class Settings:
    protocol: str
    days: frozenset[int]
    at: time
    zone: str


async def stored_settings(bot: RunningBot, member: SimulatedUser) -> Settings | None:
    async with bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        if stored is None:
            return None
        enrolment = await repository.enrolments.active(session, stored.id)
    assert enrolment is not None
    return Settings(
        enrolment.protocol, enrolment.workout_days, enrolment.reminder_time, stored.time_zone.key
    )


def old_button(member: SimulatedUser, label: str) -> tuple[ChatMessage, str]:
    """The latest bot message that shows or once showed a button `label`, and its data (as a
    phone that never refreshed the message would still send it)."""
    for message in reversed(member.chat.bot_messages):
        markups = [message.reply_markup, *(v.reply_markup for v in message.edit_history)]
        for markup in reversed(markups):
            for row in (markup or {}).get("inline_keyboard", []):
                for button in row:
                    if button["text"] == label:
                        return message, str(button["callback_data"])
    raise LookupError(label)


async def press_old(bot: RunningBot, member: SimulatedUser, label: str) -> str | None:
    """Press the old button `label`; the toast it got."""
    message, data = old_button(member, label)
    query = await member.send_callback(data, message)
    await bot.emulator.wait_until(lambda: query.answered)
    return query.answer_text


async def set_up_typing_the_time(member: SimulatedUser, typed: str = "18:45") -> ChatMessage:
    """Set-up with the time typed (the hour picker keeps its buttons); the hour picker."""
    await reach_the_time_question(member)
    picker = member.chat.bot_messages[-1]
    await member.send_text(typed)
    await choose_zone(member, "UTC")
    return picker


async def test_the_old_0700_button_pressed_mid_workout_changes_nothing(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    picker = await set_up_typing_the_time(member, "18:45")
    await start_today(member)
    query = await member.press("07:00", picker)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert query.answer_text == OUT_OF_DATE
    settings = await stored_settings(running_bot, member)
    assert settings is not None
    assert settings.at == time(18, 45)
    await running_bot.emulator.wait_until(lambda: picker.buttons == [])


SET_UP_BUTTONS = ["I understand, let's go", PROTOCOL_1, "Tue", "Done", "07:00", "UTC"]


@pytest.mark.parametrize("label", SET_UP_BUTTONS)
async def test_every_set_up_button_is_out_of_date_once_set_up_is_done(
    running_bot: RunningBot, member: SimulatedUser, label: str
) -> None:
    await set_up_typing_the_time(member)
    before = await stored_settings(running_bot, member)
    assert await press_old(running_bot, member, label) == OUT_OF_DATE
    assert await stored_settings(running_bot, member) == before


@pytest.mark.parametrize("label", ["07:00", "19:00"])
async def test_morning_or_evening_is_out_of_date_once_the_time_is_set(
    running_bot: RunningBot, member: SimulatedUser, label: str
) -> None:
    await reach_the_time_question(member)
    await member.send_text("7")
    await member.press("19:00", await member.wait_for_message(lambda m: has_button(m, "19:00")))
    await choose_zone(member, "UTC")
    assert await press_old(running_bot, member, label) == OUT_OF_DATE
    settings = await stored_settings(running_bot, member)
    assert settings is not None
    assert settings.at == time(19, 0)


async def test_a_namesake_button_is_out_of_date_once_the_zone_is_set(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_time_question(member)
    await member.press("18:00")
    await member.wait_for_message(lambda m: has_button(m, "UTC"))
    await member.send_text("Portland")
    await member.wait_for_message(lambda m: has_button(m, "Portland, Maine, US"))
    await member.send_text("Lisbon")
    await member.wait_for_message(lambda m: (m.text or "").startswith("All set!"))
    assert await press_old(running_bot, member, "Portland, Maine, US") == OUT_OF_DATE
    settings = await stored_settings(running_bot, member)
    assert settings is not None
    assert settings.zone == "Europe/Lisbon"


async def test_a_settings_menu_is_out_of_date_after_a_newer_start(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await set_up_typing_the_time(member)
    await member.send_command("/start")
    first = await member.wait_for_message(lambda m: has_button(m, "Time zone"))
    await member.send_command("/start")
    await member.wait_for_message(lambda m: m is not first and has_button(m, "Time zone"))
    query = await member.press("Time zone", first)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert query.answer_text == OUT_OF_DATE
    await running_bot.emulator.wait_until(lambda: first.buttons == [])


async def test_the_current_settings_menu_still_works(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await set_up_typing_the_time(member)
    await member.send_command("/start")
    await member.wait_for_message(lambda m: has_button(m, "Time zone"))
    await member.press("Time zone")
    question = await member.wait_for_message(lambda m: has_button(m, "UTC"))
    assert (question.text or "").startswith("Which time zone")


async def test_an_old_erase_confirmation_erases_nothing(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await set_up_typing_the_time(member)
    await member.send_command("/delete")
    confirm = await member.wait_for_message(lambda m: has_button(m, "Yes, erase everything"))
    await member.send_command("/start")
    await member.wait_for_message(lambda m: has_button(m, "Time zone"))
    query = await member.press("Yes, erase everything", confirm)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert query.answer_text == OUT_OF_DATE
    assert await stored_settings(running_bot, member) is not None


async def test_the_current_erase_confirmation_erases(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await set_up_typing_the_time(member)
    await member.send_command("/delete")
    confirm = await member.wait_for_message(lambda m: has_button(m, "Yes, erase everything"))
    await member.press("Yes, erase everything", confirm)
    await running_bot.emulator.wait_until(lambda: (confirm.text or "").startswith("Done:"))
    assert await stored_settings(running_bot, member) is None


async def test_an_old_start_button_mid_workout_resumes_the_same_session(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await set_up_typing_the_time(member)
    card = await start_today(member)
    await member.press("Done", card)
    await member.wait_for_edit(card)
    on_step_two = position_and_exercise(card)
    await member.press("Start today's session")
    resumed = await member.wait_for_message(is_step)  # the card again, at the same step
    assert position_and_exercise(resumed) == on_step_two
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        open_session = await repository.sessions.open_for(session, stored.id)
        assert open_session is not None
        assert open_session.current_step == 1


async def test_later_on_a_reminder_of_another_day_moves_nothing(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await set_up_typing_the_time(member)
    yesterday = running_bot.services.clock().astimezone(UTC).date() - timedelta(days=1)
    message = member.chat.bot_messages[-1]
    query = await member.send_callback(cb.encode(cb.Snooze(yesterday)), message)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert query.answer_text == (
        "That reminder is from another day, so nothing moved. /snooze moves today's."
    )
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        enrolment = await repository.enrolments.active(session, stored.id)
    assert enrolment is not None
    assert enrolment.snoozed_until is None
