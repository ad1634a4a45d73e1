"""The card's first screen: the plan, and one tap for how the back feels before the session
(0 to 10, or Skip). The score is a check-in of kind "before", read by the pain rules and
shown in the session's summary; a severe score stops the session before it starts and holds
the programme, like any severe pain."""

from __future__ import annotations

import pytest
from fixtures_bot import RunningBot, has_button, onboard
from tests_support import (
    answer_every_step,
    is_before_question,
    is_card,
    position_and_exercise,
    the_card,
)

from bot.render.card import BEFORE_QUESTION, STOPPED_ON_HOLD
from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import CheckInKind


@pytest.fixture
def coach(coach: SimulatedUser) -> SimulatedUser:
    """The coach, who has written to the bot before (so it may write to them)."""
    coach.chat.known = True
    return coach


async def first_screen(member: SimulatedUser) -> ChatMessage:
    await onboard(member)
    await member.send_command("/today")
    return await member.wait_for_message(is_before_question)


async def scores_before(bot: RunningBot, member: SimulatedUser) -> list[int | None]:
    """The member's check-ins of kind "before", oldest first."""
    async with bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        reports = await repository.check_ins.recent(session, stored.id)
    return [r.pain for r in reports if r.kind == CheckInKind.BEFORE]


async def tap(member: SimulatedUser, label: str, card: ChatMessage) -> ChatMessage:
    await member.press(label, card)
    return await member.wait_for_edit(card)


async def test_the_first_screen_shows_the_plan_and_asks_how_the_back_feels(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await first_screen(member)
    text = card.text or ""
    assert text.startswith("Strengthening and Lengthening\n")
    assert "• Superset E: Copenhagen Progression + Glute Medius Stretch" in text
    assert text.splitlines()[-1] == BEFORE_QUESTION()
    assert [button.text for button in card.buttons] == [*map(str, range(11)), "Skip"]


async def test_a_score_before_is_kept_and_the_card_moves_to_the_first_step(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await tap(member, "3", await first_screen(member))
    assert is_card(card)
    assert (card.text or "").startswith("Back before you started: 3/10.")
    assert position_and_exercise(card) == ("Block A · set 1 of 3", "A) Crawling")
    assert await scores_before(running_bot, member) == [3]


async def test_skip_keeps_no_score_and_shows_the_first_step(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await tap(member, "Skip", await first_screen(member))
    assert position_and_exercise(card) == ("Block A · set 1 of 3", "A) Crawling")
    assert "Back before" not in (card.text or "")
    assert await scores_before(running_bot, member) == []


async def test_the_summary_shows_the_score_before_above_the_check_in(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await first_screen(member)
    card = await the_card(member, pain_before="4")
    await answer_every_step(member)
    assert "Back before: 4/10" in (card.text or "").splitlines()
    assert has_button(card, "10")


async def test_a_second_tap_on_the_first_screen_changes_nothing(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await first_screen(member)
    five = card.find_button("5")
    assert five is not None
    assert five.callback_data is not None
    await tap(member, "3", card)
    query = await member.send_callback(five.callback_data, card)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert await scores_before(running_bot, member) == [3]
    assert position_and_exercise(card) == ("Block A · set 1 of 3", "A) Crawling")


async def test_severe_pain_before_the_session_stops_it_and_holds_the_programme(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    card = await tap(member, "9", await first_screen(member))
    assert (card.text or "").splitlines()[0] == STOPPED_ON_HOLD()
    assert card.keyboard == []
    stop = await member.wait_for_message(lambda m: "checked by a doctor today" in (m.text or ""))
    assert "pain of 9 out of 10" in (stop.text or "")
    alert = await coach.wait_for_message(lambda m: "before a session" in (m.text or ""))
    assert "Maya" in (alert.text or "")
    await member.send_command("/today")
    held = await member.wait_for_message()
    assert (held.text or "").startswith("Your programme is on hold")
