"""Form-check videos: member → every coach chat with the exercise, coach reply → member."""

from __future__ import annotations

from coach_support import add_coach, heard
from fixtures_bot import RunningBot, has_button, make_invite, onboard_with_code
from tests_support import start_today

from emulator import ChatMessage, SimulatedUser
from storage import repository

CLIP = b"\x00\x00\x00\x18ftypmp42 a short clip"


def is_form_check(message: ChatMessage) -> bool:
    return (message.caption or "").startswith("🎥 Form check #")


async def test_a_video_sent_from_a_step_reaches_the_coach_with_that_exercise_and_context(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await start_today(maya)
    query = await maya.press("Send form video")
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert "Send your clip now" in (query.answer_text or "")  # a pop-up, not a new message
    await maya.send_video(CLIP)
    assert (await maya.wait_for_message()).text == "Got it, your video is on its way to your coach."
    copy = await coach.wait_for_message(is_form_check)
    assert (copy.caption or "").startswith("🎥 Form check #1 from Maya (@maya) #1: Crawling\n")
    assert "step 1 of " in (copy.caption or "")
    assert copy.file is not None
    assert copy.file.data == CLIP


async def test_the_coach_reply_reaches_the_member_quoted_with_the_exercise(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await start_today(maya)
    await maya.send_video(CLIP)
    copy = await coach.wait_for_message(is_form_check)
    await coach.reply_to(copy, "Keep your hips lower")
    assert (await coach.wait_for_message()).text == "Sent to Maya."
    reply = await maya.wait_for_message(lambda m: "(your coach)" in (m.text or ""))
    assert reply.text == "Coach (your coach) on Crawling:\nKeep your hips lower"
    assert reply.reply_to is not None
    assert reply.reply_to.file is not None
    assert reply.reply_to.file.data == CLIP
    async with running_bot.services.database.transaction() as session:
        check = await repository.form_checks.get(session, 1)
    assert check is not None
    assert check.coach_reply == "Keep your hips lower"


async def test_a_video_note_outside_a_session_is_a_general_form_check(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_video_note(CLIP)
    copy = await coach.wait_for_message(is_form_check)
    assert "#1: general form check\n" in (copy.caption or "")
    await coach.reply_to(copy, "Looks good")
    reply = await maya.wait_for_message(lambda m: "(your coach)" in (m.text or ""))
    assert reply.text == "Coach (your coach) on your form check:\nLooks good"


async def test_a_document_with_a_video_type_is_a_form_check(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_document(CLIP, file_name="squat.mov", mime_type="video/quicktime")
    copy = await coach.wait_for_message(is_form_check)
    assert copy.file is not None
    assert copy.file.file_name == "squat.mov"


async def test_an_oversized_video_gets_a_clear_message_and_is_not_passed_on(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_video(bytes(21 * 1024 * 1024))
    answer = await maya.wait_for_message()
    assert (answer.text or "").startswith("That video is too big for me to pass on (21 MB")
    assert heard(coach) == []


async def test_the_coach_and_an_owner_who_hears_about_everyone_can_both_answer(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    second = running_bot.emulator.user(user_id=900_002, first_name="Sam", known=True)
    await add_coach(running_bot, second.id, owner=True, hears_everyone=True)
    await maya.send_video(CLIP)
    first_copy = await coach.wait_for_message(is_form_check)
    second_copy = await second.wait_for_message(is_form_check)
    await coach.reply_to(first_copy, "From coach one")
    await maya.wait_for_message(lambda m: "From coach one" in (m.text or ""))
    await second.reply_to(second_copy, "From coach two")
    await maya.wait_for_message(lambda m: "From coach two" in (m.text or ""))


async def test_a_coach_reply_to_a_message_about_no_member_is_explained(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/flags")
    listing = await coach.wait_for_message()
    await coach.reply_to(listing, "hello?")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("I can't tell which member that is about.")


async def test_a_coach_who_is_also_a_member_can_reply_with_a_pain_score(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await onboard_with_code(coach, await make_invite(coach))
    step = await start_today(coach)
    while not has_button(step, "10"):  # the card, pressed on to its summary
        await coach.press("Done", step)
        await coach.wait_for_edit(step)
    await coach.reply_to(step, "4")
    note_question = await coach.wait_for_message()
    assert has_button(note_question, "No note")
