"""A workout as one live card: the overview turns into the card, every press edits it into the
next step (order, set numbers and dosages as in the coach's posts), and the last one into the
summary with the pain check-in."""

from __future__ import annotations

import pytest
from fixtures_bot import PROTOCOL_1, RunningBot, has_button, onboard
from tests_support import (
    amount,
    answer_every_step,
    check_in_on_card,
    is_summary,
    position_and_exercise,
    start_today,
    the_card,
)

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import SessionStatus, StepOutcome

PROTOCOL_2 = "7 Exercise Protocol for Lower Back Relief"

# The coach's Day 1: "A) Crawling - 3 sets of 1 min", "E1) Copenhagen Progression - 3 sets of
# 10 (30 seconds for holds)", supersets alternating set by set, ...
DAY_1 = [
    ("Block A · set 1 of 3", "A) Crawling", "1 min"),
    ("Block A · set 2 of 3", "A) Crawling", "1 min"),
    ("Block A · set 3 of 3", "A) Crawling", "1 min"),
    ("Block C", "C) Bridge & Tuck", "10 reps"),
    ("Block D", "D) Lower Back CAR’s", "5 reps"),  # noqa: RUF001 - the coach's spelling
    *[
        step
        for set_number in (1, 2, 3)
        for step in (
            (
                f"Superset E · set {set_number} of 3",
                "E1) Copenhagen Progression",
                "10 reps (30 s for holds)",
            ),
            (f"Superset E · set {set_number} of 3", "E2) Glute Medius Stretch", "45 s"),
        )
    ],
    *[
        step
        for set_number in (1, 2, 3)
        for step in (
            (f"Superset F · set {set_number} of 3", "F1) Side Kick", "10 reps per side"),
            (f"Superset F · set {set_number} of 3", "F2) Standing Pancake", "45 s"),
        )
    ],
    ("Block G · set 1 of 2", "G) Jefferson Curls", "10 reps"),
    ("Block G · set 2 of 2", "G) Jefferson Curls", "10 reps"),
    ("Block H", "H) 90-90 Stretches", "1 min per leg, each side (or more)"),
]

# "A) Hip CAR's - 5 reps per leg", "B) Couch Stretch Hip Flexor - 2 sets of 60 seconds per
# leg", "D) 9090 Stretches - 2 rounds of 1 min per leg per side".
DAY_2 = [
    ("Block A", "A) Hip CAR’s", "5 reps per leg"),  # noqa: RUF001 - the coach's spelling
    ("Block B · set 1 of 2", "B) Couch Stretch Hip Flexor", "60 s per leg"),
    ("Block B · set 2 of 2", "B) Couch Stretch Hip Flexor", "60 s per leg"),
    ("Block D · set 1 of 2", "D) 9090 Stretches", "1 min per leg, each side"),
    ("Block D · set 2 of 2", "D) 9090 Stretches", "1 min per leg, each side"),
]

# "Each numerical circuit is to be done 3 times before moving on to the next."
_CIRCUITS = [
    (
        "1",
        [
            ("1a) Side Lying Thoracic Sweep", "5 reps each side"),
            ("1b) Hip CARs", "3 reps each way"),
        ],
    ),
    (
        "2",
        [
            ("2a) Cross Tension Deadbugs", "5 reps each side"),
            ("2b) Rockback T-Spine rotations", "6 reps each side"),
        ],
    ),
    (
        "3",
        [
            ("3a) Single Leg Glute Bridge", "12 reps each side"),
            ("3b) Hamstring Lowering", "8 reps each side"),
            ("3c) Worlds Greatest Stretch", "5 reps each side"),
        ],
    ),
]
CIRCUITS = [
    (f"Circuit {label} · round {round_number} of 3", exercise, dosage)
    for label, exercises in _CIRCUITS
    for round_number in (1, 2, 3)
    for exercise, dosage in exercises
]


async def press_through(member: SimulatedUser, answer: str = "Done") -> list[tuple[str, str, str]]:
    """Every step the card shows until the summary, with its dosage, pressing `answer`."""
    card = await the_card(member)
    seen = []
    while not is_summary(card):
        seen.append((*position_and_exercise(card), amount(card)))
        await member.press(answer, card)
        await member.wait_for_edit(card)
    return seen


def bot_messages_after(member: SimulatedUser, message: ChatMessage) -> list[ChatMessage]:
    return [m for m in member.chat.bot_messages if m.message_id > message.message_id]


@pytest.mark.parametrize(
    ("protocol", "sessions_before", "expected"),
    [
        pytest.param(PROTOCOL_1, 0, DAY_1, id="day-1"),
        pytest.param(PROTOCOL_1, 1, DAY_2, id="day-2"),
        pytest.param(PROTOCOL_2, 0, CIRCUITS, id="circuits"),
    ],
)
async def test_each_seed_workout_runs_on_one_card_in_the_coachs_order_and_dosage(
    running_bot: RunningBot,
    member: SimulatedUser,
    protocol: str,
    sessions_before: int,
    expected: list[tuple[str, str, str]],
) -> None:
    await onboard(member, protocol=protocol)
    for _ in range(sessions_before):
        await member.send_command("/today")
        await answer_every_step(member, answer="Skip")
    card = await start_today(member)
    assert await press_through(member) == expected
    assert bot_messages_after(member, card) == []  # every press edited the card


async def test_the_first_step_follows_the_question_before_the_session(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    card = await start_today(member)
    text = card.text or ""
    assert position_and_exercise(card) == DAY_1[0][:2]
    assert "▱▱▱▱▱▱▱▱▱▱ 1/20" in text
    assert "Strengthening and Lengthening" not in text  # the plan was on the first screen


async def test_the_card_moves_on_with_a_progress_bar(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    card = await start_today(member)
    for _ in range(6):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert (card.text or "").splitlines()[-1] == "▰▰▰▱▱▱▱▱▱▱ 7/20"


async def test_the_card_is_formatted_with_html_and_the_heading_is_bold(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    card = await start_today(member)
    await member.press("Done", card)
    await member.wait_for_edit(card)
    text = card.text or ""
    bold = [
        text[e["offset"] : e["offset"] + e["length"]] for e in card.entities if e["type"] == "bold"
    ]
    assert "Block A · set 2 of 3" in bold
    assert "A) Crawling" in bold


async def test_the_card_offers_a_timer_only_on_timed_steps(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    card = await start_today(member)
    assert has_button(card, "Timer 1 min")
    for _ in range(3):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert position_and_exercise(card) == DAY_1[3][:2]
    assert not any(button.text.startswith("Timer") for button in card.buttons)


async def test_a_finished_card_becomes_the_summary_with_the_pain_check_in_below(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    card = await start_today(member)
    presses = ["Done"] * 6 + ["Skip"] * 6 + ["Done"] * 9
    for answer in presses:
        await member.press(answer, card)
        await member.wait_for_edit(card)
    lines = (card.text or "").splitlines()
    assert lines[0] == "Session complete: Lower Back Relief Circuits! 🎉"
    assert "✅ 1 · Side Lying Thoracic Sweep + Hip CARs (6/6 done)" in lines
    assert (
        "⏭ 2 · Cross Tension Deadbugs + Rockback T-Spine rotations (0/6 done, 6 skipped)" in lines
    )
    assert (
        "✅ 3 · Single Leg Glute Bridge + Hamstring Lowering + Worlds Greatest Stretch (9/9 done)"
        in lines
    )
    assert "⏱ under a minute" in lines
    assert lines[-1].startswith("How does your back feel right now?")
    assert has_button(card, "10")
    reply = await check_in_on_card(member, "3", "Hamstrings a bit tight, back felt fine")
    assert "Saved" in (reply.text or "")
    assert "Your answer: 3" in (card.text or "")
    assert (card.text or "").startswith("Session complete")  # the summary stays on the card
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        reports = await repository.check_ins.recent(session, stored.id)
    assert [(r.pain, r.note) for r in reports] == [(3, "Hamstrings a bit tight, back felt fine")]


async def test_a_session_takes_one_new_message_and_the_check_in_no_more(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    before = len(member.chat.bot_messages)
    await member.send_command("/today")
    await answer_every_step(member)
    await check_in_on_card(member, "2")
    new = member.chat.bot_messages[before:]
    assert [m.text for m in new[1:]] == [
        "Saved. Thank you! Rest well, and I'll remind you next time."
    ]


async def test_typed_pain_score_out_of_range_is_refused_kindly(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    await member.send_command("/today")
    await answer_every_step(member)
    for bad in ("eleven", "42", "-1"):
        await member.send_text(bad)
        reply = await member.wait_for_message()
        assert "0 to 10" in (reply.text or "")
    await member.send_text("4")
    await member.wait_for_message(lambda m: has_button(m, "No note"))


async def a_finished_card(member: SimulatedUser) -> ChatMessage:
    """A circuits session done step by step: the card is its summary, asking for the score."""
    await onboard(member, protocol=PROTOCOL_2)
    card = await start_today(member)
    await answer_every_step(member)
    return card


async def test_a_typed_pain_score_takes_the_buttons_off_the_finished_card(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await a_finished_card(member)
    assert has_button(card, "10")
    await member.send_text("4")
    await member.wait_for_message(lambda m: has_button(m, "No note"))
    assert card.keyboard == []
    assert (card.text or "").startswith("Session complete")


async def test_an_old_pain_button_after_a_typed_score_saves_nothing_more(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    card = await a_finished_card(member)
    seven = card.find_button("7")
    assert seven is not None
    assert seven.callback_data is not None
    await member.send_text("4")
    await member.wait_for_message(lambda m: has_button(m, "No note"))
    query = await member.send_callback(seven.callback_data, card)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert query.answer_text == "Your score for this session is already saved."
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        reports = await repository.check_ins.recent(session, stored.id)
    assert [r.pain for r in reports] == [4]


async def test_second_workout_of_the_week_alternates_to_day_two(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    await answer_every_step(member)
    card = await start_today(member)
    assert position_and_exercise(card) == DAY_2[0][:2]


async def test_a_session_resumes_at_the_same_step_after_a_restart(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    card = await start_today(member)
    for _ in range(6):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    await running_bot.restart()
    resumed = await start_today(member)
    assert resumed.message_id != card.message_id
    assert position_and_exercise(resumed) == DAY_1[6][:2]
    assert "Picking up where you left off." in (resumed.text or "")
    assert card.keyboard == []


async def test_today_during_a_session_sends_the_card_again_and_disarms_the_old_one(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    first = await start_today(member)
    resumed = await start_today(member)
    assert first.keyboard == []
    assert position_and_exercise(resumed) == DAY_1[0][:2]
    await member.press("Done", resumed)
    await member.wait_for_edit(resumed)
    assert position_and_exercise(resumed) == DAY_1[1][:2]


async def test_button_of_a_finished_session_changes_nothing(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    card = await start_today(member)
    done_data = card.find_button("Done").callback_data
    await answer_every_step(member)
    query = await member.send_callback(done_data or "", card)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert "over" in (query.answer_text or "")
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        last = await repository.sessions.last_finished(session, stored.id)
        assert last is not None
        results = await repository.sessions.step_results(session, last.id)
    assert len(results) == len(CIRCUITS)
    assert last.status == SessionStatus.FINISHED
    assert {r.outcome for r in results} == {StepOutcome.DONE}


async def test_double_tap_records_one_answer(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_1)
    card = await start_today(member)
    data = card.find_button("Done").callback_data or ""
    await member.send_callback(data, card)
    await member.send_callback(data, card)
    await member.wait_for_edit(card)
    await running_bot.emulator.wait_until(
        lambda: all(q.answered for q in running_bot.emulator.state.callback_queries.values())
    )
    assert position_and_exercise(card) == DAY_1[1][:2]
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        open_session = await repository.sessions.open_for(session, stored.id)
        assert open_session is not None
        results = await repository.sessions.step_results(session, open_session.id)
    assert [r.step_index for r in results] == [0]
    assert open_session.current_step == 1


async def test_typed_note_takes_the_no_note_button_away(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    await member.send_command("/today")
    await answer_every_step(member)
    card = member.chat.bot_messages[-1]
    await member.press("5", card)
    await member.wait_for_edit(card, lambda m: has_button(m, "No note"))
    await member.send_text("Felt fine")
    await member.wait_for_message(lambda m: "Saved" in (m.text or ""))
    assert card.keyboard == []
