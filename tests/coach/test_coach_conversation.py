"""Member → coach: whatever a member writes or sends reaches their coach, with their context,
bundled per five minutes, and is acknowledged; nothing gets the old stock line."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from coach_support import is_join_notice, texts_of
from fixtures_bot import RunningBot, has_button
from tests_support import check_in, seed_sessions, start_today

from emulator import ChatMessage, SimulatedUser

QUESTION = "my lower back twinges when I lift my hips, is that ok?"
SENT = "Sent to your coach ✉️ They'll answer you here."


def is_bundle(message: ChatMessage) -> bool:
    return (message.text or "").startswith("💬 Maya (@maya) #1\n")


async def bundle_after(coach: SimulatedUser) -> ChatMessage:
    return await coach.wait_for_message(is_bundle)


async def mid_workout(maya: SimulatedUser) -> ChatMessage:
    return await start_today(maya)


async def test_a_question_mid_workout_reaches_the_coach_with_its_context(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [4])
    await mid_workout(maya)
    await maya.send_text(QUESTION)
    assert (await maya.wait_for_message()).text == SENT
    bundle = await bundle_after(coach)
    heading, context, _, said, *_ = (bundle.text or "").split("\n")
    assert heading == "💬 Maya (@maya) #1"
    assert re.fullmatch(
        r"Lower Back Pain Relief, Level 1 · now on step 1 of \d+ of [^(]+ \(.+\)"
        r" · last pain 4 \(\w{3} \d{2} \w{3}\)",
        context,
    )
    assert said.endswith(f" {QUESTION}")
    assert has_button(bundle, "Rest 2 days")


async def test_text_where_a_button_was_expected_reaches_the_coach_and_keeps_the_step(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    step = await mid_workout(maya)
    await maya.send_text("done!!")
    assert (await maya.wait_for_message()).text == SENT
    assert "done!!" in ((await bundle_after(coach)).text or "")
    await maya.press("Done", step)
    await maya.wait_for_edit(step, lambda m: "2/20" in (m.text or ""))


async def test_a_voice_note_reaches_the_coach_whole_under_its_context(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_voice(b"OggS voice", duration=9)
    assert (await maya.wait_for_message()).text == SENT
    bundle = await bundle_after(coach)
    assert "🎤 voice note (below)" in (bundle.text or "")
    assert "no session yet · no pain score yet" in (bundle.text or "")
    copy = await coach.wait_for_message(lambda m: m.file is not None)
    assert copy.file is not None
    assert (copy.file.kind, copy.file.data) == ("voice", b"OggS voice")
    assert copy.reply_to is not None
    assert copy.reply_to.message_id == bundle.message_id


async def test_a_photo_reaches_the_coach_with_the_members_caption_unchanged(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_photo(b"\xff\xd8\xff my setup", caption="is my mat placed right?")
    assert (await maya.wait_for_message()).text == SENT
    bundle = await bundle_after(coach)
    assert "📷 photo (below): is my mat placed right?" in (bundle.text or "")
    copy = await coach.wait_for_message(lambda m: m.file is not None)
    assert copy.file is not None
    assert copy.file.data == b"\xff\xd8\xff my setup"
    assert copy.caption == "is my mat placed right?"


@pytest.mark.parametrize(
    ("kind", "shown"),
    [("pdf", "📎 file (below)"), ("sticker", "🙂 sticker (below)")],
)
async def test_files_and_stickers_reach_the_coach_too(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, kind: str, shown: str
) -> None:
    if kind == "pdf":
        await maya.send_document(b"%PDF-1.4 scan", file_name="mri.pdf")
    else:
        await maya.send_sticker()
    assert (await maya.wait_for_message()).text == SENT
    assert shown in ((await bundle_after(coach)).text or "")
    copy = await coach.wait_for_message(lambda m: m.file is not None)
    assert copy.file is not None


async def test_messages_within_five_minutes_are_one_coach_message_edited_as_they_come(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("first thing")
    await maya.wait_for_message()
    bundle = await bundle_after(coach)
    second = await maya.send_text("and another")
    await running_bot.emulator.wait_until(lambda: "and another" in (bundle.text or ""))
    assert "first thing" in (bundle.text or "")
    assert [m for m in coach.messages if m.from_bot and not is_join_notice(m)] == [bundle]
    await running_bot.emulator.wait_until(lambda: second.reactions == ["👌"])
    assert texts_of(maya).count(SENT) == 1


async def test_a_message_after_the_window_is_a_new_coach_message(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("first thing")
    await maya.wait_for_message()
    first = await bundle_after(coach)
    later = running_bot.services.clock() + timedelta(minutes=6)
    running_bot.services.clock = lambda: later
    await maya.send_text("much later")
    assert (await maya.wait_for_message()).text == SENT
    second = await bundle_after(coach)
    assert second.message_id != first.message_id
    assert "much later" in (second.text or "")
    assert "much later" not in (first.text or "")


async def test_the_bundle_survives_a_restart(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("before the restart")
    await maya.wait_for_message()
    bundle = await bundle_after(coach)
    await running_bot.restart()
    await maya.send_text("after the restart")
    await running_bot.emulator.wait_until(lambda: "after the restart" in (bundle.text or ""))
    assert "before the restart" in (bundle.text or "")


async def test_after_the_coach_answers_the_next_message_notifies_again(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_text("can I train today?")
    await maya.wait_for_message()
    first = await bundle_after(coach)
    await coach.reply_to(first, "Yes, gently")
    await maya.wait_for_message(lambda m: "Yes, gently" in (m.text or ""))
    await maya.send_text("thanks!")
    assert (await maya.wait_for_message()).text == SENT
    second = await bundle_after(coach)
    assert second.message_id != first.message_id


async def test_an_edit_of_a_message_the_coach_has_reaches_them_marked_edited(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    original = await maya.send_text("my back is sore")
    await maya.wait_for_message()
    bundle = await bundle_after(coach)
    await maya.edit(original, "my back is very sore")
    await running_bot.emulator.wait_until(
        lambda: "✏️ edited: my back is very sore" in (bundle.text or "")
    )


async def test_an_edit_of_a_pain_score_goes_nowhere(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 4)
    typed = next(m for m in reversed(maya.messages) if m.text == "4")
    await maya.edit(typed, "5")
    await maya.send_command("/help")
    await maya.wait_for_message(lambda m: "/today" in (m.text or ""))
    assert not any(is_bundle(m) for m in coach.messages)


async def test_a_stranger_is_invited_to_start_and_the_coach_hears_nothing(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    coach.chat.known = True
    await member.send_photo(b"\xff\xd8\xff")
    assert "/start" in ((await member.wait_for_message()).text or "")
    assert coach.messages == []


async def test_a_coach_writing_freely_is_shown_how_to_reach_a_member(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_text("hello?")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("To write to a member, reply to a message about them")
