"""/today and the step buttons: a workout sent one step at a time.

Each step is a message with Done / Skip / Too hard (and a form-video button, and a timer for
timed holds). Pressing one edits that message to show the answer and sends the next step; the
last step leads to the summary and the pain check-in.
"""

from __future__ import annotations

from datetime import timedelta

from telegram.ext import ContextTypes

from bot import alerts, sender
from bot.handlers.checkin import ask_pain
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import keyboards, texts
from bot.render.protocol_text import step_text, workout_overview
from bot.rules.emergency import emergency_number
from bot.services import workouts
from bot.services.workouts import StepView
from storage.models import StepOutcome


async def today(turn: Turn, _args: list[str]) -> None:
    await begin(turn)


async def on_start_button(turn: Turn, _data: cb.StartWorkout) -> None:
    await turn.toast()
    await begin(turn)


async def begin(turn: Turn) -> None:
    """Start the workout that is due, or pick up the one in progress."""
    result = await workouts.start_or_resume(turn.services, turn.user_id, turn.now)
    match result:
        case workouts.NotEnrolled():
            await turn.say(texts.NOT_ENROLLED)
        case workouts.Held(zone):
            await turn.say(texts.held(emergency_number(zone)))
        case workouts.WeekComplete(counts, protocol):
            titles = {workout.key: workout.title for workout in protocol.workouts}
            await turn.say(texts.ALL_WEEK_DONE.format(counts=texts.week_counts(counts, titles)))
        case workouts.Resumed(current, shown_in):
            if shown_in is not None:  # the step's old message: its buttons go, the new one's stay
                await sender.remove_buttons(turn.bot, turn.chat_id, shown_in)
            await turn.say(texts.RESUMING)
            await send_step(turn, current)
        case workouts.Started(first, choice):
            overview = workout_overview(first.workout)
            left = texts.LEFT_THIS_WEEK.format(left=choice.remaining_this_week - 1)
            await turn.say(f"{overview}\n\n{left}")
            await send_step(turn, first)


async def send_step(turn: Turn, view: StepView) -> None:
    """Show a step and remember which message shows it."""
    message = await turn.say(_step_message(view), keyboards.step(view.session_id, view.step))
    if message is not None:
        await workouts.remember_step_message(turn.services, view.session_id, message.message_id)


def _step_message(view: StepView) -> str:
    heading = texts.STEP_HEADING.format(number=view.step.index + 1, count=view.step_count)
    return f"{heading}\n{step_text(view.step)}"


async def on_answer(turn: Turn, data: cb.StepAnswer) -> None:
    result = await workouts.answer_step(
        turn.services,
        turn.user_id,
        data.session_id,
        data.step_index,
        StepOutcome(data.outcome),
        turn.now,
    )
    match result:
        case workouts.Stale():
            await turn.toast(texts.SESSION_OVER)
            await turn.remove_pressed_buttons()
        case workouts.AlreadyAnswered(current):
            await turn.toast(texts.NOT_THIS_STEP)
            if current.step.index != data.step_index:
                await turn.remove_pressed_buttons()
        case workouts.Advanced(answered, outcome, next_view, summary):
            await turn.toast()
            await turn.edit_pressed(
                f"{_step_message(answered)}\n\n{texts.step_outcome_line(outcome)}"
            )
            if next_view is not None:
                await send_step(turn, next_view)
            elif summary is not None:
                await turn.say(
                    texts.session_summary(
                        summary.title,
                        summary.done,
                        summary.skipped,
                        summary.too_hard,
                        summary.minutes,
                    )
                )
                await ask_pain(turn, answered.session_id)
                await alerts.report_session(turn.bot, turn.services, answered.session_id)


async def on_timer(turn: Turn, data: cb.StepTimer) -> None:
    view = await workouts.step_being_shown(
        turn.services, turn.user_id, data.session_id, data.step_index
    )
    if view is None:
        await turn.toast(texts.SESSION_OVER)
        return
    seconds = view.step.exercise.dosage.timed_seconds
    if seconds is None or turn.context.job_queue is None:
        await turn.toast()
        return
    await turn.toast(texts.TIMER_STARTED.format(seconds=seconds))
    turn.context.job_queue.run_once(
        _times_up,
        timedelta(seconds=seconds),
        chat_id=turn.chat_id,
        data=texts.TIMER_DONE.format(exercise=view.step.exercise.name, position=view.step.position),
        name=f"timer:{turn.chat_id}",
    )


async def _times_up(context: ContextTypes.DEFAULT_TYPE) -> None:
    job = context.job
    if job is not None and job.chat_id is not None and isinstance(job.data, str):
        await context.bot.send_message(job.chat_id, job.data)


async def on_video_button(turn: Turn, data: cb.StepVideo) -> None:
    """The member wants to film this step: their next video belongs to it."""
    view = await workouts.film_step(turn.services, turn.user_id, data.session_id, data.step_index)
    if view is None:
        await turn.toast(texts.SESSION_OVER)
        return
    await turn.toast()
    await turn.say(texts.VIDEO_PROMPT.format(exercise=view.step.exercise.name))


COMMANDS: dict[str, CommandFunction] = {"today": today}
BUTTONS: dict[type, ButtonFunction] = {
    cb.StartWorkout: on_start_button,
    cb.StepAnswer: on_answer,
    cb.StepTimer: on_timer,
    cb.StepVideo: on_video_button,
}
