"""/start: disclaimer, protocol, days, time, time zone; and /start again for a known member."""

from __future__ import annotations

from fixtures_bot import (
    PROTOCOL_1,
    RunningBot,
    answer_the_safety_questions,
    has_button,
    onboard,
    reach_the_time_question,
)

from emulator import SimulatedUser
from storage import repository


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


async def test_typed_city_is_accepted_as_time_zone(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_time_question(member)
    await member.send_text("6:30pm")
    await member.wait_for_message(lambda m: "time zone" in (m.text or ""))
    await member.send_text("lisbon")
    done = await member.wait_for_message(lambda m: (m.text or "").startswith("All set!"))
    assert "18:30 (Europe/Lisbon)" in (done.text or "")


async def test_unknown_time_zone_gets_a_friendly_retry(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await reach_the_time_question(member)
    await member.press("18:00")
    await member.wait_for_message(lambda m: "time zone" in (m.text or ""))
    await member.send_text("Atlantis/Underwater")
    reply = await member.wait_for_message()
    assert "I don't know the time zone" in (reply.text or "")


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
