"""Timers on the card, with a moved clock: a hold counts down on the card and ends with one
message carrying the step's buttons; answering, stopping or a new timer cancels it; rest
between rounds starts by itself; a restart mid-timer loses nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import time_machine
from fixtures_bot import RunningBot, bot_running, has_button, make_settings, onboard
from tests_support import is_card, position_and_exercise, the_card

from bot.jobs.timers import TimerScheduler
from emulator import BotApiEmulator, ChatMessage, SimulatedUser

TIMED = """\
name: timed
title: Timed
summary: A hold, then a superset with rest between its rounds, for testing timers.
workouts:
  - key: holds
    title: Holds
    intent: Hold still, then alternate.
    weekly_cap: 3
    blocks:
      - label: A
        exercises:
          - label: A
            name: Wall Sit
            dosage: {hold_seconds: 20}
      - label: B
        kind: superset
        rest_seconds: 30
        exercises:
          - {label: B1, name: Plank, dosage: {sets: 2, hold_seconds: 15}}
          - {label: B2, name: Bird Dog, dosage: {sets: 2, reps: 5}}
"""
START = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)  # a Tuesday morning: no reminder due


@pytest.fixture
def clock() -> Iterator[time_machine.Traveller]:
    # The clock stands still between moves, so a redraw happens only when the test moves it.
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


@pytest.fixture
async def timed_bot(
    emulator: BotApiEmulator, tmp_path: Path, clock: time_machine.Traveller
) -> AsyncIterator[RunningBot]:
    protocols = tmp_path / "protocols"
    protocols.mkdir()
    (protocols / "timed.yaml").write_text(TIMED)
    settings = make_settings(emulator, tmp_path, protocols_dir=protocols)
    async with bot_running(settings, emulator) as bot:
        yield bot


def timers(bot: RunningBot) -> TimerScheduler:
    planner = bot.services.timers
    assert isinstance(planner, TimerScheduler)
    return planner


def move(bot: RunningBot, clock: time_machine.Traveller, seconds: float) -> None:
    """Move the clock on and make APScheduler look at its jobs again."""
    clock.move_to(datetime.now(UTC) + timedelta(seconds=seconds))
    bot.application.job_queue.scheduler.wakeup()


async def started_card(member: SimulatedUser) -> ChatMessage:
    await onboard(member, protocol="Timed")
    await member.send_command("/today")
    return await the_card(member)


def timer_line(card: ChatMessage) -> str | None:
    lines = (card.text or "").splitlines()
    return next((line for line in lines if line.startswith(("⏱", "😮‍💨"))), None)


def is_alert(message: ChatMessage) -> bool:
    return (message.text or "").startswith("⏰") and has_button(message, "Done")


async def test_a_hold_counts_down_on_the_card_after_three_seconds_to_get_ready(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    assert timer_line(card) == "⏱ Get ready… 3"
    assert has_button(card, "Stop timer")
    move(timed_bot, clock, 1)
    await member.wait_for_edit(card, lambda m: timer_line(m) == "⏱ Get ready… 2")
    move(timed_bot, clock, 2)
    await member.wait_for_edit(card, lambda m: timer_line(m) == "⏱ Hold: 0:20 left")
    move(timed_bot, clock, 5)
    await member.wait_for_edit(card, lambda m: timer_line(m) == "⏱ Hold: 0:15 left")


async def test_a_hold_ends_with_one_message_that_carries_the_steps_buttons(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    move(timed_bot, clock, 24)
    alert = await member.wait_for_message(is_alert)
    assert alert.text == "⏰ Time's up for Wall Sit (Block A)."
    assert timer_line(card) is None
    assert [m for m in member.chat.bot_messages if m.message_id > card.message_id] == [alert]


async def test_answering_from_the_times_up_message_moves_the_card_and_deletes_the_message(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    move(timed_bot, clock, 24)
    alert = await member.wait_for_message(is_alert)
    await member.press("Done", alert)
    await member.wait_for_edit(card)
    assert position_and_exercise(card) == ("Superset B · set 1 of 2", "B1) Plank")
    await timed_bot.emulator.wait_until(lambda: alert.deleted)


async def test_answering_the_step_cancels_its_timer(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    session_id = card.find_button("Done").callback_data.split(":")[2]  # type: ignore[union-attr]
    await member.press("Done", card)
    await member.wait_for_edit(card)
    assert timers(timed_bot).next_run(int(session_id)) is None
    move(timed_bot, clock, 30)
    with pytest.raises(TimeoutError):
        await member.wait_for_message(is_alert, timeout=1)
    assert position_and_exercise(card) == ("Superset B · set 1 of 2", "B1) Plank")


async def test_stop_timer_cancels_it_and_a_new_timer_replaces_the_old_one(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    await member.press("Stop timer", card)
    await member.wait_for_edit(card, lambda m: timer_line(m) is None)
    assert has_button(card, "Timer 20 s")
    move(timed_bot, clock, 10)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card, lambda m: timer_line(m) == "⏱ Get ready… 3")
    move(timed_bot, clock, 12)  # the first timer would have ended by now
    with pytest.raises(TimeoutError):
        await member.wait_for_message(is_alert, timeout=1)
    move(timed_bot, clock, 12)
    await member.wait_for_message(is_alert)


async def test_rest_between_superset_rounds_starts_by_itself_and_ends_with_a_message(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    for _ in range(3):  # Wall Sit, then round 1 of the superset
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert position_and_exercise(card) == ("Superset B · set 2 of 2", "B1) Plank")
    assert timer_line(card) == "😮‍💨 Rest 0:30, then this set."
    assert has_button(card, "Skip rest")
    move(timed_bot, clock, 31)
    alert = await member.wait_for_message(is_alert)
    assert alert.text == "⏰ Rest's over. Next: Plank (Superset B · set 2 of 2)."
    assert timer_line(card) is None


async def test_skip_rest_takes_the_countdown_off_and_nothing_notifies_later(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    for _ in range(3):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    await member.press("Skip rest", card)
    await member.wait_for_edit(card, lambda m: timer_line(m) is None)
    move(timed_bot, clock, 31)
    with pytest.raises(TimeoutError):
        await member.wait_for_message(is_alert, timeout=1)


async def test_no_rest_inside_a_round_of_a_superset(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    for _ in range(2):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert position_and_exercise(card) == ("Superset B · set 1 of 2", "B2) Bird Dog")
    assert timer_line(card) is None


async def test_a_timer_survives_a_restart_and_still_ends_with_its_message(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    await timed_bot.restart()
    move(timed_bot, clock, 10)
    await member.wait_for_edit(card, lambda m: (timer_line(m) or "").startswith("⏱ Hold"))
    move(timed_bot, clock, 14)
    alert = await member.wait_for_message(is_alert)
    await member.press("Done", alert)
    await member.wait_for_edit(card, lambda m: "B1) Plank" in (m.text or ""))


async def test_a_timer_that_ended_while_the_bot_was_down_ends_at_start_up(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    await timed_bot.stack.aclose()
    clock.move_to(datetime.now(UTC) + timedelta(seconds=60))
    await timed_bot.start()
    await member.wait_for_message(is_alert)
    assert is_card(card)
    assert timer_line(card) is None


async def test_finishing_the_workout_leaves_no_timer_behind(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    for _ in range(3):  # to round 2 of the superset: its rest is running
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert timer_line(card) is not None
    for _ in range(2):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    assert "Session complete" in (card.text or "")
    move(timed_bot, clock, 60)
    with pytest.raises(TimeoutError):
        await member.wait_for_message(is_alert, timeout=1)


async def test_a_red_flag_mid_hold_stops_the_timer_with_the_session(
    timed_bot: RunningBot, member: SimulatedUser, clock: time_machine.Traveller
) -> None:
    card = await started_card(member)
    await member.press("Timer 20 s", card)
    await member.wait_for_edit(card)
    await member.send_text("I've wet myself twice today without feeling it")
    await member.wait_for_edit(card, lambda m: "Stopped: Holds" in (m.text or ""))
    edits = len(card.edit_history)
    move(timed_bot, clock, 30)
    with pytest.raises(TimeoutError):
        await member.wait_for_message(is_alert, timeout=1)
    assert len(card.edit_history) == edits  # no countdown redrawn over the stopped card
    assert card.keyboard == []
