"""Easier and harder versions on the card: "Too hard" offers the easier one on the spot (and
the choice carries over to the next session), the coach is asked when there is none, and
"It hurts" stops the step and puts the pain through the check-in's rules."""

from __future__ import annotations

import pytest
from fixtures_bot import RunningBot, has_button, onboard
from tests_support import amount, answer_every_step, is_card, position_and_exercise, the_card

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import StepOutcome

DOCTOR_TODAY = "should be checked by a doctor today"
ON_HOLD = "your programme is on hold"


@pytest.fixture
def coach(coach: SimulatedUser) -> SimulatedUser:
    """The coach, who has written to the bot before (so it may write to them)."""
    coach.chat.known = True
    return coach


async def card_at_copenhagen(member: SimulatedUser) -> ChatMessage:
    """Day 1, pressed on to the first set of the Copenhagen Progression (step 6)."""
    await onboard(member)
    await member.send_command("/today")
    card = await the_card(member)
    for _ in range(5):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert position_and_exercise(card) == ("Superset E · set 1 of 3", "E1) Copenhagen Progression")
    return card


async def press(member: SimulatedUser, label: str, card: ChatMessage) -> ChatMessage:
    await member.press(label, card)
    return await member.wait_for_edit(card)


async def stored_results(bot: RunningBot, member: SimulatedUser) -> list[tuple[int, str, int]]:
    async with bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        row = await repository.sessions.open_for(session, stored.id)
        if row is None:
            row = await repository.sessions.last_finished(session, stored.id)
        assert row is not None
        results = await repository.sessions.step_results(session, row.id)
    return [(r.step_index, r.outcome.value, r.level) for r in results]


async def test_too_hard_offers_the_easier_version_on_the_card(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "Too hard", card)
    text = card.text or ""
    assert "Copenhagen Progression feels too hard? Try this instead:" in text
    assert "Short-Lever Copenhagen" in text
    assert has_button(card, "Try the easier one")
    assert has_button(card, "Skip it today")


async def test_the_copenhagen_progression_too_hard_reaches_the_coach_as_the_protocol_asks(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "Too hard", card)
    note = await coach.wait_for_message(lambda m: "too hard" in (m.text or ""))
    assert note.text == (
        "⚠️ Maya (@maya) #1 found Copenhagen Progression (Strengthening and Lengthening) too "
        "hard and was offered Short-Lever Copenhagen instead. You asked to hear about this one."
    )


async def test_choosing_the_easier_version_changes_the_set_and_is_recorded(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "Too hard", card)
    await press(member, "Try the easier one", card)
    assert position_and_exercise(card) == ("Superset E · set 1 of 3", "E1) Short-Lever Copenhagen")
    assert "easier version of Copenhagen Progression" in (card.text or "")
    assert amount(card) == "20 s"
    assert has_button(card, "Timer 20 s")
    await press(member, "Done", card)
    assert (5, "done", -1) in await stored_results(running_bot, member)


async def test_the_next_session_starts_from_the_chosen_version(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "Too hard", card)
    await press(member, "Try the easier one", card)
    await answer_every_step(member)
    await member.send_command("/today")  # Day 2
    await answer_every_step(member)
    await member.send_command("/today")  # Day 1 again
    card = await the_card(member)
    for _ in range(5):
        await press(member, "Done", card)
    assert position_and_exercise(card) == ("Superset E · set 1 of 3", "E1) Short-Lever Copenhagen")


async def test_declining_the_easier_version_records_too_hard_and_moves_on(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "Too hard", card)
    await press(member, "Skip it today", card)
    assert position_and_exercise(card) == ("Superset E · set 1 of 3", "E2) Glute Medius Stretch")
    assert "Copenhagen Progression: noted as too hard." in (card.text or "")
    assert (5, "too_hard", 0) in await stored_results(running_bot, member)


async def test_with_no_easier_version_left_the_member_is_told_and_the_coach_is_asked(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    for _ in range(2):  # down to the easiest version there is
        await press(member, "Too hard", card)
        await press(member, "Try the easier one", card)
    assert position_and_exercise(card)[1] == "E1) Side-Lying Adductor Lift"
    await press(member, "Too hard", card)
    assert position_and_exercise(card)[1] == "E2) Glute Medius Stretch"
    assert (
        "There's no easier version of Side-Lying Adductor Lift in your plan yet, so I've asked "
        "your coach to suggest one."
    ) in (card.text or "")
    asked = await coach.wait_for_message(lambda m: "Could you suggest one" in (m.text or ""))
    assert "found Side-Lying Adductor Lift (Strengthening and Lengthening) too hard" in (
        asked.text or ""
    )


async def test_how_to_shows_the_longer_note_and_switches_to_a_harder_version(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "How to", card)
    assert "Lie on your side with your top leg resting on a bench" in (card.text or "")
    assert has_button(card, "Harder: Long-Lever Copenhagen")
    await press(member, "Harder: Long-Lever Copenhagen", card)
    assert position_and_exercise(card)[1] == "E1) Long-Lever Copenhagen"
    await press(member, "How to", card)
    await press(member, "Back", card)
    assert position_and_exercise(card)[1] == "E1) Long-Lever Copenhagen"


async def test_it_hurts_asks_for_a_score_and_stops_this_exercise_for_the_session(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "It hurts", card)
    assert "How much does it hurt right now?" in (card.text or "")
    await press(member, "4", card)
    assert position_and_exercise(card) == ("Superset E · set 1 of 3", "E2) Glute Medius Stretch")
    assert "Copenhagen Progression stopped for today (pain 4/10)" in (card.text or "")
    await press(member, "Done", card)  # E2 set 1; E1's other sets are left out
    assert position_and_exercise(card) == ("Superset E · set 2 of 3", "E2) Glute Medius Stretch")
    results = await stored_results(running_bot, member)
    assert (5, StepOutcome.HURT.value, 0) in results
    assert {(7, "skipped", 0), (9, "skipped", 0)} <= set(results)
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        reports = await repository.check_ins.recent(session, stored.id)
    assert [(r.pain, r.step_index) for r in reports] == [(4, 5)]


async def test_severe_pain_stops_the_session_and_flags_the_coach(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "It hurts", card)
    await press(member, "9", card)
    stop = await member.wait_for_message(lambda m: DOCTOR_TODAY in (m.text or ""))
    assert ON_HOLD in (stop.text or "")
    assert (card.text or "").splitlines()[2].startswith("Stopped: Strengthening and Lengthening")
    assert card.keyboard == []
    alert = await coach.wait_for_message(lambda m: "Severe pain: 9/10" in (m.text or ""))
    assert "Maya" in (alert.text or "")


async def test_after_severe_pain_today_says_the_programme_is_on_hold(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "It hurts", card)
    await press(member, "9", card)
    await member.wait_for_message(lambda m: DOCTOR_TODAY in (m.text or ""))
    await member.send_command("/today")
    held = await member.wait_for_message()
    assert (held.text or "").startswith("Your programme is on hold")
    assert not held.keyboard
    assert [m for m in member.chat.bot_messages if is_card(m)] == []


async def test_the_session_check_in_still_comes_after_pain_during_a_step(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await card_at_copenhagen(member)
    await press(member, "It hurts", card)
    await press(member, "3", card)
    await answer_every_step(member)
    assert has_button(card, "10")
    await press(member, "2", card)
    assert has_button(card, "No note")
