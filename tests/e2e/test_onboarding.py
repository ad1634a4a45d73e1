"""/start: disclaimer, protocol, days, time, time zone; and /start again for a known member.

The time and the time zone can be tapped, typed as people say them, or (the zone) shared as a
location; a name or time that could mean two things is asked back with a button for each.
"""

from __future__ import annotations

import re
from datetime import time

import pytest
from fixtures_bot import (
    PROTOCOL_1,
    RunningBot,
    answer_the_safety_questions,
    has_button,
    onboard,
    reach_the_time_question,
    reach_the_zone_question,
)

from emulator import ChatMessage, SimulatedUser
from storage import repository

ZONE_LABEL = re.compile(r"^(UTC|[A-Z][\w .'-]+ \(UTC[+\N{MINUS SIGN}]\d{1,2}(:\d\d)?\))$")


def is_all_set(message: ChatMessage) -> bool:
    return (message.text or "").startswith("All set!")


async def stored_time_and_zone(bot: RunningBot, member: SimulatedUser) -> tuple[time, str]:
    async with bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        enrolment = await repository.enrolments.active(session, stored.id)
    assert enrolment is not None
    return enrolment.reminder_time, stored.time_zone.key


async def test_onboarding_stores_protocol_days_time_and_zone(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, hour="07:00", zone="America/New_York")
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        enrolment = await repository.enrolments.active(session, stored.id)
    assert stored.time_zone.key == "America/New_York"
    assert stored.consent_at is not None
    assert stored.onboarded_at is not None
    assert enrolment is not None
    assert enrolment.protocol == "lower-back-pain-relief-lvl1"
    assert enrolment.workout_days == frozenset({0, 2, 4})
    assert enrolment.reminder_time.hour == 7


async def test_toggling_days_edits_the_day_picker(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.send_command("/start")
    await member.wait_for_message()
    await member.press("I understand, let's go")
    await answer_the_safety_questions(member)
    await member.wait_for_message(lambda m: has_button(m, PROTOCOL_1))
    await member.press(PROTOCOL_1)
    picker = await member.wait_for_message(lambda m: has_button(m, "Done"))
    await member.press("Tue")
    await running_bot.emulator.wait_until(lambda: has_button(picker, "✓ Tue"))
    assert has_button(picker, "✓ Mon")


# --- the time -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("6:30pm", time(18, 30)), ("noon", time(12, 0)), ("0630", time(6, 30))],
    ids=["6:30pm", "noon", "0630"],
)
async def test_a_typed_time_is_stored_as_said(
    running_bot: RunningBot, member: SimulatedUser, typed: str, stored: time
) -> None:
    await reach_the_time_question(member)
    await member.send_text(typed)
    await member.wait_for_message(lambda m: (m.text or "").startswith("Which time zone"))
    assert (await stored_time_and_zone(running_bot, member))[0] == stored


async def test_a_time_without_morning_or_evening_is_asked_back_with_both(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_time_question(member)
    await member.send_text("7")
    question = await member.wait_for_message()
    assert question.text == "In the morning or in the evening?"
    assert [button.text for button in question.buttons] == ["07:00", "19:00"]


@pytest.mark.parametrize(
    ("typed", "pressed", "stored"),
    [
        ("7", "19:00", time(19, 0)),
        ("7", "07:00", time(7, 0)),
        ("half past six", "06:30", time(6, 30)),
    ],
    ids=["7-evening", "7-morning", "half-past-six-morning"],
)
async def test_the_half_of_the_day_pressed_is_the_time_stored(
    running_bot: RunningBot, member: SimulatedUser, typed: str, pressed: str, stored: time
) -> None:
    await reach_the_time_question(member)
    await member.send_text(typed)
    question = await member.wait_for_message(lambda m: has_button(m, pressed))
    await member.press(pressed, question)
    await member.wait_for_message(lambda m: (m.text or "").startswith("Which time zone"))
    assert (await stored_time_and_zone(running_bot, member))[0] == stored


async def test_an_unreadable_time_is_asked_again(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_time_question(member)
    await member.send_text("banana")
    reply = await member.wait_for_message()
    assert (reply.text or "").startswith("I couldn't read that as a time.")


# --- the time zone --------------------------------------------------------------------------


async def test_zone_buttons_show_a_city_and_offset_never_a_zone_id(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    question = await reach_the_zone_question(member)
    labels = [button.text for button in question.buttons]
    assert "UTC" in labels
    assert "New York (UTC\N{MINUS SIGN}5)" in labels or "New York (UTC\N{MINUS SIGN}4)" in labels
    assert [label for label in labels if not ZONE_LABEL.match(label)] == []


async def test_a_typed_city_sets_the_zone_and_says_which_place_it_read(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    await member.send_text("Porto")
    confirmed = await member.wait_for_message()
    assert (confirmed.text or "").startswith("Time zone: Lisbon (UTC+")
    assert (confirmed.text or "").endswith("for Porto, Portugal ✅")
    done = await member.wait_for_message(is_all_set)
    assert "18:00 (Lisbon (UTC+" in (done.text or "")  # the label the buttons use


async def test_a_name_with_namesakes_in_other_zones_is_asked_back(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    await member.send_text("Portland")
    question = await member.wait_for_message()
    assert question.text == "Which one do you mean?"
    labels = [button.text for button in question.buttons]
    assert labels[:2] == ["Portland, Oregon, US", "Portland, Maine, US"]


async def test_the_namesake_pressed_is_the_zone_stored(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    await member.send_text("Portland")
    question = await member.wait_for_message(lambda m: has_button(m, "Portland, Maine, US"))
    await member.press("Portland, Maine, US", question)
    await member.wait_for_message(is_all_set)
    assert (await stored_time_and_zone(running_bot, member))[1] == "America/New_York"
    assert question.buttons == []


async def test_a_misspelt_city_is_offered_as_a_guess(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    await member.send_text("Seatle")
    question = await member.wait_for_message()
    assert question.text == "I didn't find that name. Did you mean one of these?"
    assert [button.text for button in question.buttons] == ["Seattle, Washington, US"]


async def test_the_zone_question_offers_a_share_location_button(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    [[button]] = member.reply_keyboard
    assert button.text == "📍 Share location"
    assert button.request_location


async def test_a_shared_location_sets_its_zone_and_takes_the_keyboard_away(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    await member.share_location(47.61, -122.33)  # Seattle
    confirmed = await member.wait_for_message()
    assert (confirmed.text or "").startswith("Time zone: Los Angeles (UTC\N{MINUS SIGN}")
    await member.wait_for_message(is_all_set)
    assert (await stored_time_and_zone(running_bot, member))[1] == "America/Los_Angeles"
    assert member.reply_keyboard == []


async def test_a_zone_button_takes_the_share_location_keyboard_away(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    question = await reach_the_zone_question(member)
    await member.press("UTC", question)
    await member.wait_for_message(is_all_set)
    assert member.reply_keyboard == []


async def test_a_location_sent_when_no_zone_is_asked_goes_to_the_coach(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_location(38.72, -9.14)  # Lisbon
    reply = await member.wait_for_message()
    assert (reply.text or "").startswith("Sent to your coach")
    assert (await stored_time_and_zone(running_bot, member))[1] == "UTC"


async def test_an_unknown_place_gets_a_friendly_retry(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_zone_question(member)
    await member.send_text("Atlantis/Underwater")
    reply = await member.wait_for_message()
    assert (reply.text or "").startswith('I don\'t know the place "Atlantis/Underwater".')


async def test_start_again_offers_settings_and_never_duplicates_the_member(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/start")
    menu = await member.wait_for_message()
    assert "Welcome back" in (menu.text or "")
    assert has_button(menu, "Days and time")
    async with running_bot.services.database.transaction() as session:
        members = await repository.members.everyone(session)
    assert len(members) == 1
