"""The red-flag screen: yes/no safety questions before the first workout, and one follow-up
question when a pain score rises by the minimal important change. A "yes" is a red flag like
one the member typed: where to go and how fast, the programme held, the coach told."""

from __future__ import annotations

from fixtures_bot import RunningBot, has_button, is_safety_question
from safety_support import EMERGENCY, ON_HOLD, alerts_in, is_alert, red_flags_of
from tests_support import check_in, seed_sessions

from emulator import ChatMessage, SimulatedUser
from storage.models import FlagLevel

FOLLOW_UP = "Quick safety check"


async def first_safety_question(user: SimulatedUser) -> ChatMessage:
    """/start and the disclaimer accepted: the first question of the screen."""
    await user.send_command("/start")
    await user.wait_for_message(lambda m: "not medical advice" in (m.text or ""))
    await user.press("I understand, let's go")
    return await user.wait_for_message(is_safety_question)


def is_follow_up(message: ChatMessage) -> bool:
    return (message.text or "").startswith(FOLLOW_UP) and has_button(message, "Yes")


async def test_the_screen_opens_with_saddle_numbness_in_plain_words(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    question = await first_safety_question(member)
    assert "Safety question 1 of 7" in (question.text or "")
    assert "not feeling the paper when you wipe" in (question.text or "")


async def test_a_no_moves_on_to_the_next_safety_question(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.press("No", await first_safety_question(member))
    question = await member.wait_for_message(is_safety_question)
    assert "Safety question 2 of 7" in (question.text or "")
    assert "bladder or bowels" in (question.text or "")


async def test_a_yes_at_set_up_sends_the_member_to_a_and_e_and_holds_the_programme(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.press("Yes", await first_safety_question(member))
    answer = await member.wait_for_message(lambda m: EMERGENCY in (m.text or ""))
    assert ON_HOLD in (answer.text or "")
    assert await red_flags_of(running_bot, member) == [(FlagLevel.EMERGENCY, "cauda_equina")]


async def test_a_yes_at_set_up_reaches_the_coach_with_the_question_answered(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    coach.chat.known = True
    await member.press("Yes", await first_safety_question(member))
    alert = await coach.wait_for_message(is_alert)
    assert (alert.text or "").startswith("🚨 EMERGENCY: Maya (@maya)")
    assert "not feeling the paper when you wipe" in (alert.text or "")


async def test_set_up_carries_on_after_a_yes(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.press("Yes", await first_safety_question(member))
    question = await member.wait_for_message(is_safety_question)
    assert "Safety question 2 of 7" in (question.text or "")


async def test_an_answered_safety_question_keeps_its_first_answer(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    question = await first_safety_question(member)
    yes = question.find_button("Yes")
    assert yes is not None
    assert yes.callback_data is not None
    await member.press("No", question)
    await member.wait_for_message(is_safety_question)
    late = await member.send_callback(yes.callback_data, question)  # a second, late tap
    await running_bot.emulator.wait_until(lambda: late.answered)
    assert late.answer_text == "You've answered that one already, thank you."
    assert await red_flags_of(running_bot, member) == []


async def test_a_pain_score_two_points_up_asks_the_follow_up_question(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [3])
    await check_in(running_bot, maya, 5)
    question = await maya.wait_for_message(is_follow_up)
    assert "numbness between your legs" in (question.text or "")


async def test_a_steady_pain_score_asks_no_follow_up_question(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [3])
    await check_in(running_bot, maya, 4)
    await maya.send_text("all good")  # the note
    await maya.wait_for_message(lambda m: "coach" in (m.text or ""))
    assert not any(is_follow_up(message) for message in maya.messages)


async def test_a_yes_to_the_follow_up_question_is_an_emergency_for_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [3])
    await check_in(running_bot, maya, 5)
    await maya.press("Yes", await maya.wait_for_message(is_follow_up))
    answer = await maya.wait_for_message(lambda m: EMERGENCY in (m.text or ""))
    assert ON_HOLD in (answer.text or "")
    alert = await coach.wait_for_message(is_alert)
    assert (alert.text or "").startswith("🚨 EMERGENCY: Maya (@maya)")


async def test_a_no_to_the_follow_up_question_raises_no_red_flag(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [3])
    await check_in(running_bot, maya, 5)
    question = await maya.wait_for_message(is_follow_up)
    press = await maya.press("No", question)
    await running_bot.emulator.wait_until(lambda: press.answered)
    await running_bot.emulator.wait_until(lambda: "Your answer: No" in (question.text or ""))
    assert await red_flags_of(running_bot, maya) == []
    assert alerts_in(coach) == []
