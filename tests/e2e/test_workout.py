"""A workout through the chat: overview, one step at a time, summary, check-in, and resuming."""

from __future__ import annotations

from fixtures_bot import PROTOCOL_1, RunningBot, has_button, onboard
from tests_support import answer_every_step, is_step, position_and_exercise

from emulator import SimulatedUser
from storage import repository
from storage.models import SessionStatus, StepOutcome

PROTOCOL_2 = "7 Exercise Protocol for Lower Back Relief"

DAY_1_STEPS = [
    ("Block A — set 1 of 3", "A) Crawling"),
    ("Block A — set 2 of 3", "A) Crawling"),
    ("Block A — set 3 of 3", "A) Crawling"),
    ("Block C", "C) Bridge & Tuck"),
    ("Block D", "D) Lower Back CAR’s"),  # noqa: RUF001 - the coach's spelling
    ("Superset E — set 1 of 3", "E1) Copenhagen Progression"),
    ("Superset E — set 1 of 3", "E2) Glute Medius Stretch"),
    ("Superset E — set 2 of 3", "E1) Copenhagen Progression"),
    ("Superset E — set 2 of 3", "E2) Glute Medius Stretch"),
    ("Superset E — set 3 of 3", "E1) Copenhagen Progression"),
    ("Superset E — set 3 of 3", "E2) Glute Medius Stretch"),
    ("Superset F — set 1 of 3", "F1) Side Kick"),
    ("Superset F — set 1 of 3", "F2) Standing Pancake"),
    ("Superset F — set 2 of 3", "F1) Side Kick"),
    ("Superset F — set 2 of 3", "F2) Standing Pancake"),
    ("Superset F — set 3 of 3", "F1) Side Kick"),
    ("Superset F — set 3 of 3", "F2) Standing Pancake"),
    ("Block G — set 1 of 2", "G) Jefferson Curls"),
    ("Block G — set 2 of 2", "G) Jefferson Curls"),
    ("Block H", "H) 90-90 Stretches"),
]

_CIRCUITS = [
    ("1", ["1a) Side Lying Thoracic Sweep", "1b) Hip CARs"]),
    ("2", ["2a) Cross Tension Deadbugs", "2b) Rockback T-Spine rotations"]),
    ("3", ["3a) Single Leg Glute Bridge", "3b) Hamstring Lowering", "3c) Worlds Greatest Stretch"]),
]
PROTOCOL_2_STEPS = [
    (f"Circuit {label} — round {round_number} of 3", exercise)
    for label, exercises in _CIRCUITS
    for round_number in (1, 2, 3)
    for exercise in exercises
]


async def test_day_one_is_sent_step_by_step_with_supersets_alternating(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    overview = await member.wait_for_message()
    assert (overview.text or "").startswith("Strengthening and Lengthening")
    assert await answer_every_step(member) == DAY_1_STEPS


async def test_protocol_two_repeats_each_circuit_three_rounds_before_moving_on(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    await member.send_command("/today")
    assert await answer_every_step(member) == PROTOCOL_2_STEPS


async def test_answered_step_is_edited_to_show_the_answer_and_loses_its_buttons(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    first = await member.wait_for_message(is_step)
    await member.press("Too hard", first)
    await member.wait_for_message(is_step)
    assert "Too hard" in (first.text or "")
    assert first.keyboard == []


async def test_timed_step_offers_a_timer_that_says_when_time_is_up(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    crawling = await member.wait_for_message(is_step)
    assert has_button(crawling, "Timer 1 min")


async def test_summary_counts_answers_and_the_pain_check_in_is_stored(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    await member.send_command("/today")
    await answer_every_step(member, answer="Skip")
    summary = member.messages[-1]
    assert "skipped 21" in (summary.text or "")
    question = await member.wait_for_message(lambda m: has_button(m, "10"))
    await member.press("3", question)
    await member.wait_for_message(lambda m: has_button(m, "No note"))
    await member.send_text("Hamstrings a bit tight, back felt fine")
    thanks = await member.wait_for_message()
    assert "Saved" in (thanks.text or "")
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        reports = await repository.check_ins.recent(session, stored.id)
    assert [(r.pain, r.note) for r in reports] == [(3, "Hamstrings a bit tight, back felt fine")]


async def test_typed_pain_score_out_of_range_is_refused_kindly(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    await member.send_command("/today")
    await answer_every_step(member)
    await member.wait_for_message(lambda m: has_button(m, "10"))
    for bad in ("eleven", "42", "-1"):
        await member.send_text(bad)
        reply = await member.wait_for_message()
        assert "0 to 10" in (reply.text or "")
    await member.send_text("4")
    await member.wait_for_message(lambda m: has_button(m, "No note"))


async def test_second_workout_of_the_week_alternates_to_day_two(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    await answer_every_step(member)
    await member.send_command("/today")
    overview = await member.wait_for_message(lambda m: "Today's plan" in (m.text or ""))
    assert (overview.text or "").startswith("Recovery and Movement")


async def test_a_session_resumes_at_the_same_step_after_a_restart(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    for _ in range(6):
        await member.press("Done", await member.wait_for_message(is_step))
    seventh = await member.wait_for_message(is_step)
    await running_bot.restart()
    await member.send_command("/today")
    resumed = await member.wait_for_message(is_step)
    assert position_and_exercise(resumed) == position_and_exercise(seventh)
    assert position_and_exercise(seventh) == DAY_1_STEPS[6]


async def test_resuming_takes_the_buttons_off_the_old_step_message(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/today")
    first = await member.wait_for_message(is_step)
    await member.send_command("/today")
    resumed = await member.wait_for_message(is_step)
    assert first.keyboard == []
    assert position_and_exercise(resumed) == DAY_1_STEPS[0]


async def test_button_of_a_finished_session_changes_nothing(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_2)
    await member.send_command("/today")
    first = await member.wait_for_message(is_step)
    done_data = first.find_button("Done").callback_data
    await member.press("Done", first)
    await answer_every_step(member)
    query = await member.send_callback(done_data or "", first)
    await running_bot.emulator.wait_until(lambda: query.answered)
    assert "over" in (query.answer_text or "")
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        last = await repository.sessions.last_finished(session, stored.id)
        assert last is not None
        results = await repository.sessions.step_results(session, last.id)
    assert len(results) == len(PROTOCOL_2_STEPS)
    assert last.status == SessionStatus.FINISHED
    assert {r.outcome for r in results} == {StepOutcome.DONE}


async def test_double_tap_records_one_answer(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol=PROTOCOL_1)
    await member.send_command("/today")
    first = await member.wait_for_message(is_step)
    data = first.find_button("Done").callback_data or ""
    await member.send_callback(data, first)
    await member.send_callback(data, first)
    second = await member.wait_for_message(is_step)
    assert position_and_exercise(second) == DAY_1_STEPS[1]
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
    await member.press("5", await member.wait_for_message(lambda m: has_button(m, "10")))
    question = await member.wait_for_message(lambda m: has_button(m, "No note"))
    await member.send_text("Felt fine")
    await member.wait_for_message(lambda m: "Saved" in (m.text or ""))
    assert question.keyboard == []
