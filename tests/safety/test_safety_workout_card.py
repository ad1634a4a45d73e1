"""A red flag in the middle of a workout: the programme is held, the workout's card loses its
buttons and says the session stopped (with what was done), and /today shows the hold, never a
card again."""

from __future__ import annotations

from fixtures_bot import RunningBot
from safety_support import EMERGENCY, ON_HOLD
from tests_support import is_card, the_card

from bot.render.card import STOPPED_ON_HOLD
from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import SessionStatus

RED_FLAG = "I've wet myself twice today without feeling it"


async def two_steps_in(maya: SimulatedUser) -> ChatMessage:
    """/today, and the first two sets of Crawling done: the card at set 3."""
    await maya.send_command("/today")
    card = await the_card(maya)
    for _ in range(2):
        await maya.press("Done", card)
        await maya.wait_for_edit(card)
    return card


async def test_a_red_flag_typed_mid_workout_ends_the_card_without_buttons(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    card = await two_steps_in(maya)
    await maya.send_text(RED_FLAG)
    answer = await maya.wait_for_message(lambda m: EMERGENCY in (m.text or ""))
    assert ON_HOLD in (answer.text or "")
    await maya.wait_for_edit(card)
    lines = (card.text or "").splitlines()
    assert lines[0] == STOPPED_ON_HOLD()
    assert lines[2] == "Stopped: Strengthening and Lengthening"
    assert "A · Crawling (2/3 done)" in (card.text or "")
    assert card.keyboard == []


async def test_a_red_flag_typed_mid_workout_abandons_the_session(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    card = await two_steps_in(maya)
    await maya.send_text(RED_FLAG)
    await maya.wait_for_edit(card)
    async with running_bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, maya.id)
        assert member is not None
        assert await repository.sessions.open_for(session, member.id) is None
        last = (await repository.sessions.recent(session, member.id, 1))[0]
    assert last.status == SessionStatus.ABANDONED


async def test_today_while_held_shows_the_hold_and_no_card(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    card = await two_steps_in(maya)
    await maya.send_text(RED_FLAG)
    await maya.wait_for_edit(card)
    await maya.send_command("/today")
    held = await maya.wait_for_message()
    assert (held.text or "").startswith("Your programme is on hold")
    assert not held.keyboard
    assert [m for m in maya.chat.bot_messages if is_card(m)] == []
