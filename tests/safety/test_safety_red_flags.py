"""A red flag typed at any moment: the member is told where to go and how fast, their
programme is held, and their coach gets the evidence, merged into one flag."""

from __future__ import annotations

from datetime import timedelta

from fixtures_bot import RunningBot, has_button, onboard
from safety_support import (
    DOCTOR_TODAY,
    EMERGENCY,
    ON_HOLD,
    alerts_in,
    is_alert,
    red_flags_of,
)
from tests_support import start_today, until_recorded

from emulator import SimulatedUser
from storage import repository
from storage.models import FlagLevel


async def test_saddle_numbness_typed_out_of_the_blue_sends_the_member_to_a_and_e_now(
    maya: SimulatedUser,
) -> None:
    await maya.send_text("bit weird, cant feel the loo roll when i wipe since this morning")
    answer = await maya.wait_for_message()
    assert EMERGENCY in (answer.text or "")
    assert "call 999" in (answer.text or "")  # Maya is in London
    assert ON_HOLD in (answer.text or "")


async def test_the_coach_gets_the_red_flag_with_the_members_own_words(
    maya: SimulatedUser, coach: SimulatedUser
) -> None:
    words = "bit weird, cant feel the loo roll when i wipe since this morning"
    await maya.send_text(words)
    alert = await coach.wait_for_message(is_alert)
    text = alert.text or ""
    assert text.startswith("🚨 EMERGENCY: Maya (@maya)")
    assert f'wrote: "{words}"' in text
    assert "told to stop and go to an emergency department" in text
    assert has_button(alert, "▶️ Resume programme")


async def test_the_emergency_number_follows_the_members_country(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    coach.chat.known = True
    await onboard(member, zone="America/New_York")
    await member.send_text("crushing pain in my chest going down my left arm")
    answer = await member.wait_for_message()
    assert "call 911" in (answer.text or "")


async def test_a_fracture_sign_sends_the_member_to_a_doctor_today(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    await maya.send_text("fell off the ladder clearing the gutters yesterday")
    answer = await maya.wait_for_message()
    assert DOCTOR_TODAY in (answer.text or "")
    assert await red_flags_of(running_bot, maya) == [(FlagLevel.URGENT, "fracture")]


async def test_a_red_flag_holds_the_programme_until_the_coach_resumes_it(
    maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("I've wet myself twice today without feeling it")
    alert = await coach.wait_for_message(is_alert)
    await maya.send_command("/today")
    held = await maya.wait_for_message(lambda m: "on hold" in (m.text or ""))
    assert "until your coach has checked in with you" in (held.text or "")

    await coach.press("▶️ Resume programme", alert)
    await maya.wait_for_message(lambda m: "resumed your programme" in (m.text or ""))
    await start_today(maya)


async def test_a_member_cannot_resume_a_programme_a_red_flag_held(maya: SimulatedUser) -> None:
    await maya.send_text("I've wet myself twice today without feeling it")
    await maya.wait_for_message()
    await maya.send_command("/resume")
    answer = await maya.wait_for_message()
    assert "until your coach has checked in with you" in (answer.text or "")


async def test_a_held_programme_sends_no_reminders(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    await maya.send_text("I've wet myself twice today without feeling it")
    await maya.wait_for_message()
    async with running_bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, maya.id)
    assert member is not None
    reminders = running_bot.services.reminders
    assert reminders is not None
    assert await reminders.reschedule_member(member.id) is None


async def test_a_red_flag_mid_workout_ends_the_session(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    card = await start_today(maya)
    await maya.send_text("both my legs have gone numb and tingly, right down to the feet")
    await maya.wait_for_message(lambda m: EMERGENCY in (m.text or ""))
    query = await maya.press("Done", card)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert "over" in (query.answer_text or "")


async def test_a_red_flag_in_a_video_caption_alerts_and_the_video_still_reaches_the_coach(
    maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_video(b"\x00\x00\x00\x18ftypmp42 a clip", caption="my left foot keeps slapping")
    await maya.wait_for_message(lambda m: EMERGENCY in (m.text or ""))
    await coach.wait_for_message(is_alert)
    await coach.wait_for_message(lambda m: (m.caption or "").startswith("🎥 Form check"))


async def test_an_edit_that_adds_a_red_flag_is_read_too(
    maya: SimulatedUser, coach: SimulatedUser
) -> None:
    sent = await maya.send_text("back's a bit sore today")
    await maya.wait_for_message()
    await maya.edit(sent, "back's a bit sore today, and I can't feel myself down below")
    await maya.wait_for_message(lambda m: EMERGENCY in (m.text or ""))
    alert = await coach.wait_for_message(is_alert)
    assert "edited a message to" in (alert.text or "")


async def test_a_second_red_flag_soon_after_updates_the_alert_instead_of_sending_another(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("can't feel the toilet paper when I wipe")
    alert = await coach.wait_for_message(is_alert)
    await maya.send_text("and now I can't start peeing either")
    await running_bot.emulator.wait_until(lambda: "can't start peeing" in (alert.text or ""))
    assert len(alerts_in(coach)) == 1
    assert await red_flags_of(running_bot, maya) == [(FlagLevel.EMERGENCY, "cauda_equina")]


async def test_a_red_flag_after_the_bundling_window_is_a_new_alert_with_all_the_evidence(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("fell off the ladder clearing the gutters yesterday")
    await until_recorded(running_bot, await coach.wait_for_message(is_alert))
    later = running_bot.services.clock() + timedelta(minutes=6)
    running_bot.services.clock = lambda: later
    await maya.send_text("and there's a numb patch between my legs now")
    second = await coach.wait_for_message(lambda m: is_alert(m) and "numb patch" in (m.text or ""))
    assert (second.text or "").startswith("🚨 EMERGENCY")  # the flag's level rose
    assert "fell off the ladder" in (second.text or "")
    assert len(alerts_in(coach)) == 2
    assert await red_flags_of(running_bot, maya) == [
        (FlagLevel.EMERGENCY, "fracture, cauda_equina")
    ]


async def test_a_harmless_message_is_not_a_red_flag(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("glutes are on fire after the bridges 😅 no numbness or anything")
    answer = await maya.wait_for_message()
    assert EMERGENCY not in (answer.text or "")
    assert await red_flags_of(running_bot, maya) == []


async def test_someone_who_is_not_a_member_is_told_where_to_go_without_a_coach_line(
    running_bot: RunningBot,
) -> None:
    stranger = running_bot.emulator.user(user_id=100_777, first_name="Sam", known=True)
    await stranger.send_text("I can't control my bladder since my back went")
    answer = await stranger.wait_for_message()
    assert EMERGENCY in (answer.text or "")
    assert "coach" not in (answer.text or "")


async def test_a_coach_answering_in_red_flag_words_is_not_a_red_flag_of_their_own(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("back's stiff after the bridges")
    relayed = await coach.wait_for_message(lambda m: "stiff after the bridges" in (m.text or ""))
    await until_recorded(running_bot, relayed)
    await coach.reply_to(relayed, "Normal! But if you ever can't feel when you pee, go to A&E.")
    await maya.wait_for_message(lambda m: "go to A&E" in (m.text or ""))
    assert not any(EMERGENCY in (m.text or "") for m in coach.messages)
    assert await red_flags_of(running_bot, maya) == []
