"""The coach is told, unasked: a member paused, resumed, erased their data or blocked the bot,
and a session whose steps were skipped or too hard (named)."""

from __future__ import annotations

from coach_support import heard, is_join_notice
from fixtures_bot import RunningBot, has_button
from tests_support import answer_every_step, check_in, check_in_on_card, the_card

from emulator import ChatMessage, SimulatedUser


def notice_about_maya(message: ChatMessage) -> bool:
    return (message.text or "").split("\n", 1)[0].endswith("Maya (@maya) #1")


async def test_pausing_and_resuming_are_told_to_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/pause")
    paused = await coach.wait_for_message(notice_about_maya)
    assert paused.text == (
        "⏸ Reminders paused: Maya (@maya) #1\nNo reminders until they send /resume."
    )
    await maya.send_command("/resume")
    resumed = await coach.wait_for_message(notice_about_maya)
    assert resumed.text == "▶️ Reminders back on: Maya (@maya) #1"


async def test_pausing_twice_tells_the_coach_once(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/pause")
    await coach.wait_for_message(notice_about_maya)
    await maya.send_command("/pause")
    await maya.wait_for_message(lambda m: "already paused" in (m.text or ""))
    paused = [m for m in coach.messages if notice_about_maya(m) and not is_join_notice(m)]
    assert len(paused) == 1


async def test_erasing_their_data_is_told_to_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/delete")
    await maya.press("Yes, erase everything", await maya.wait_for_message())
    erased = await coach.wait_for_message(notice_about_maya)
    assert (erased.text or "").startswith("🗑 Erased their data: Maya (@maya) #1\n")


async def test_a_member_found_to_have_blocked_the_bot_is_told_to_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    running_bot.emulator.faults.block_chat(maya.id)
    await coach.send_command("/assign", "@maya 7-exercise-protocol-lower-back-relief")
    blocked = await coach.wait_for_message(notice_about_maya)
    assert (blocked.text or "").startswith("🚫 Blocked the bot: Maya (@maya) #1\n")


async def test_a_session_with_too_hard_and_skipped_steps_is_reported_by_name(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/today")
    card = await the_card(maya)
    await maya.press("Too hard", card)
    await maya.wait_for_edit(card, lambda m: has_button(m, "Skip it today"))
    await maya.press("Skip it today", card)
    await maya.wait_for_edit(card, lambda m: has_button(m, "Skip"))
    await maya.press("Skip", card)
    await maya.wait_for_edit(card)
    await answer_every_step(maya)
    report = await coach.wait_for_message(lambda m: "Steps not done" in (m.text or ""))
    heading, outcome, hint = (report.text or "").split("\n")
    assert heading == "📋 Steps not done: Maya (@maya) #1"
    assert outcome.startswith("Strengthening and Lengthening, ")
    assert outcome.endswith(" done · too hard: Crawling · skipped: Crawling")
    assert hint == "Reply to this message to answer Maya."


async def test_a_session_with_every_step_done_sends_the_coach_nothing(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/today")
    await answer_every_step(maya)
    await check_in_on_card(maya, "3")
    assert heard(coach) == []


async def test_a_pain_score_is_acknowledged_by_what_it_means(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    low = await check_in(running_bot, maya, 2)
    assert (low.text or "").startswith("2 is low: a good sign.\nAnything to add for your coach")
    await maya.press("No note", low)
    await maya.wait_for_message()
    high = await check_in(running_bot, maya, 7)
    assert (high.text or "").startswith(
        "7 is high: thanks for telling me, your coach will see it.\n"
    )
