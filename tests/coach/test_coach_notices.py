"""The coach is told, unasked: at once when a member erased their data; in the daily digest
when they paused, resumed or blocked the bot, or had a session whose steps were skipped or too
hard (named)."""

from __future__ import annotations

from coach_support import heard
from fixtures_bot import RunningBot, has_button
from tests_support import answer_every_step, check_in, check_in_on_card, digest_part, the_card

from emulator import ChatMessage, SimulatedUser


def notice_about_maya(message: ChatMessage) -> bool:
    return (message.text or "").split("\n", 1)[0].endswith("Maya (@maya) #1")


async def digest_part_about_maya(running_bot: RunningBot, coach: SimulatedUser) -> list[str]:
    """Send the digests; the lines of Maya's part of its details, after her name."""
    return await digest_part(running_bot, coach, "Maya (@maya) #1")


async def test_pausing_and_resuming_wait_for_the_digest(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/pause")
    await maya.wait_for_message()
    await maya.send_command("/resume")
    await maya.wait_for_message()
    assert heard(coach) == []
    paused, resumed = await digest_part_about_maya(running_bot, coach)
    assert paused.startswith("⏸ Paused their reminders (")
    assert resumed.startswith("▶️ Turned their reminders back on (")


async def test_pausing_twice_is_in_the_digest_once(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/pause")
    await maya.wait_for_message()
    await maya.send_command("/pause")
    await maya.wait_for_message(lambda m: "already paused" in (m.text or ""))
    assert len(await digest_part_about_maya(running_bot, coach)) == 1


async def test_erasing_their_data_is_told_to_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await maya.send_command("/delete")
    await maya.press("Yes, erase everything", await maya.wait_for_message())
    erased = await coach.wait_for_message(notice_about_maya)
    assert (erased.text or "").startswith("🗑 Erased their data: Maya (@maya) #1\n")


async def test_a_member_found_to_have_blocked_the_bot_is_in_the_digest(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    running_bot.emulator.faults.block_chat(maya.id)
    await coach.send_command("/assign", "@maya 7-exercise-protocol-lower-back-relief")
    await coach.wait_for_message()
    [blocked] = await digest_part_about_maya(running_bot, coach)
    assert blocked.startswith("🚫 Blocked the bot: nothing reaches them until they write again")


async def test_a_session_with_too_hard_and_skipped_steps_is_in_the_digest_by_name(
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
    await answer_every_step(maya)  # the card is the summary: the session is over
    [outcome] = await digest_part_about_maya(running_bot, coach)
    assert outcome.startswith("📋 Strengthening and Lengthening, ")
    assert outcome.endswith(" done · too hard: Crawling · skipped: Crawling")


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
