"""/today and the workout card: one message per session, edited by every press.

/today sends the card: its first screen shows the plan and asks how the back feels before the
session (one tap, 0 to 10 or Skip), which turns it into the first step; Done / Skip / Too hard
/ It hurts edit it into the next step, and the last answer turns it into the summary with the
pain check-in.
A press sends a new message only where the member must be notified: a demo clip the first
time an exercise comes up, and the end of a timer (`bot.jobs.timers`). Resuming sends the
card again at the current step and takes the buttons off the old one.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from telegram import InlineKeyboardMarkup

from bot import alerts, sender
from bot.handlers.checkin import tell_about_flags
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import card as card_render
from bot.render import keyboards, texts
from bot.rules.emergency import emergency_number
from bot.services import card_timers, demo_clips, workouts
from bot.services.card_timers import TimerTarget
from bot.views import CardStep, DemoClipRef
from storage.models import StepOutcome

HTML = card_render.PARSE_MODE


async def today(turn: Turn, _args: list[str]) -> None:
    await begin(turn)


async def on_start_button(turn: Turn, _data: cb.StartWorkout) -> None:
    await turn.toast()
    await begin(turn)


async def begin(turn: Turn) -> None:
    """Start the workout that is due, or send the card of the one in progress again."""
    result = await workouts.start_or_resume(turn.services, turn.user_id, turn.now)
    match result:
        case workouts.NotEnrolled():
            await turn.say(texts.NOT_ENROLLED())
        case workouts.Held(zone):
            await turn.say(texts.held(emergency_number(zone)))
        case workouts.WeekComplete(counts, protocol):
            titles = {workout.key: workout.title for workout in protocol.workouts}
            await turn.say(texts.ALL_WEEK_DONE.format(counts=texts.week_counts(counts, titles)))
        case workouts.Resumed(card, old_message_id, alert_message_id):
            if old_message_id is not None:
                await sender.remove_buttons(turn.bot, turn.chat_id, old_message_id)
            if alert_message_id is not None:
                await sender.delete(turn.bot, turn.chat_id, alert_message_id)
            await _send_card(turn, card, card_render.RESUMED_NOTICE())
        case workouts.Started(card, choice):
            left = html.escape(texts.left_this_week(choice.remaining_this_week - 1))
            text = card_render.before_text(card, left)
            message = await turn.say(text, keyboards.pain_before(card.session_id), parse_mode=HTML)
            if message is not None:
                await workouts.card_shown(turn.services, card.session_id, message.message_id)


async def _send_card(turn: Turn, card: CardStep, notice: str) -> None:
    text = card_render.card_text(card, turn.now, notice=notice)
    message = await turn.say(text, keyboards.card(card), parse_mode=HTML)
    if message is None:
        return
    await workouts.card_shown(turn.services, card.session_id, message.message_id)
    if card.timer is not None:
        _plan_timer(turn, TimerTarget(turn.user_id, turn.chat_id, message.message_id, card))


async def on_pain_before(turn: Turn, data: cb.PainBefore) -> None:
    """The card's first screen answered: the first step, or a stop when the pain is severe."""
    result = await workouts.pain_before(
        turn.services, turn.user_id, data.session_id, data.pain, turn.now
    )
    match result:
        case workouts.Begun(card, card_message_id, pain, demo, checked):
            await turn.toast()
            notice = card_render.before_notice(pain)
            text = card_render.card_text(card, turn.now, notice=notice)
            await _edit_card(turn, card_message_id, text, card)
            await _show_demo(turn, demo)
            if checked is not None:
                await tell_about_flags(turn, checked)
        case workouts.TooSoreToStart(checked):
            await turn.toast()
            await tell_about_flags(turn, checked)  # the member first, the card, the coach
        case _:
            await _stale(turn, result)


def _plan_timer(turn: Turn, target: TimerTarget) -> None:
    if turn.services.timers is not None:
        turn.services.timers.plan(target, turn.now)


def _cancel_timer(turn: Turn, session_id: int) -> None:
    if turn.services.timers is not None:
        turn.services.timers.cancel(session_id)


async def _show_demo(turn: Turn, demo: DemoClipRef | None) -> None:
    """The exercise's demo clip, uploaded the first time and sent by file id after that."""
    if demo is None:
        return
    caption = card_render.demo_caption(demo.exercise)
    if demo.file_id is not None:
        await sender.send_video(
            turn.bot,
            turn.services.database,
            turn.chat_id,
            demo.file_id,
            caption=caption,
            parse_mode=HTML,
        )
        return
    if demo.media is None:
        return
    video: str | bytes = demo.media
    if not demo.media.startswith("https://"):
        video = await _read(demo.media)
    message = await sender.send_video(
        turn.bot, turn.services.database, turn.chat_id, video, caption=caption, parse_mode=HTML
    )
    if message is not None and message.video is not None:
        await demo_clips.uploaded(turn.services, demo, message.video.file_id, turn.now)


async def _read(path: str) -> bytes:
    return await asyncio.to_thread(Path(path).read_bytes)


async def _edit_card(
    turn: Turn,
    message_id: int | None,
    text: str,
    card: CardStep | None,
) -> None:
    """Edit the card (the pressed message when its id is not known)."""
    markup = keyboards.card_keyboard(card) if card is not None else None
    target = message_id if message_id is not None else turn.pressed_message_id
    if target is not None:
        await sender.edit_text(
            turn.bot,
            turn.chat_id,
            target,
            text,
            markup,
            parse_mode=HTML,
            database=turn.services.database,
        )


async def _moved_on(turn: Turn, result: workouts.Advanced, notice: str | None = None) -> None:
    """After an answer: the timer and its "time's up" message go, and the card shows the next
    step (its rest timer planned, its demo clip sent) or the summary with the pain question."""
    session_id = result.answered.session_id
    _cancel_timer(turn, session_id)
    if result.alert_message_id is not None:
        await sender.delete(turn.bot, turn.chat_id, result.alert_message_id)
    if result.next is not None:
        card = result.next
        text = card_render.card_text(card, turn.now, notice=notice)
        await _edit_card(turn, result.card_message_id, text, card)
        if card.timer is not None and result.card_message_id is not None:
            _plan_timer(turn, TimerTarget(turn.user_id, turn.chat_id, result.card_message_id, card))
        await _show_demo(turn, result.demo)
    elif result.summary is not None:
        summary = card_render.summary_text(result.summary)
        if notice:
            summary = f"{notice}\n\n{summary}"
        target = result.card_message_id or turn.pressed_message_id
        if result.summary.stopped:
            await _edit_card(turn, target, summary, None)
        elif target is not None:
            await sender.edit_text(
                turn.bot,
                turn.chat_id,
                target,
                f"{summary}\n\n{texts.PAIN_QUESTION()}",
                keyboards.pain(session_id),
                parse_mode=HTML,
            )
        if not result.summary.stopped:
            await alerts.report_session(turn.bot, turn.services, session_id)
    if result.coach_note is not None:
        await alerts.too_hard(turn.bot, turn.services, result.coach_note)


async def _stale(turn: Turn, result: workouts.Stale | workouts.AlreadyAnswered) -> None:
    if isinstance(result, workouts.Stale):
        await turn.toast(texts.SESSION_OVER())
        await turn.remove_pressed_buttons()
    else:
        await turn.toast(texts.NOT_THIS_STEP())


async def on_answer(turn: Turn, data: cb.StepAnswer) -> None:
    result = await workouts.answer_step(
        turn.services,
        turn.user_id,
        data.session_id,
        data.step_index,
        StepOutcome(data.outcome),
        turn.now,
    )
    if not isinstance(result, workouts.Advanced):
        await _stale(turn, result)
        return
    await turn.toast()
    notice = (
        card_render.too_hard_notice(result.answered.variant.name, asked_coach=False)
        if result.outcome == StepOutcome.TOO_HARD
        else None
    )
    await _moved_on(turn, result, notice)


async def on_too_hard(turn: Turn, data: cb.TooHard) -> None:
    result = await workouts.too_hard(
        turn.services, turn.user_id, data.session_id, data.step_index, turn.now
    )
    match result:
        case workouts.OfferEasier(card, easier, coach_note):
            await turn.toast()
            await turn.edit_pressed(
                card_render.too_hard_offer_text(card, easier),
                keyboards.too_hard_offer(card),
                parse_mode=HTML,
            )
            if coach_note is not None:
                await alerts.too_hard(turn.bot, turn.services, coach_note)
        case workouts.Advanced():
            await turn.toast()
            notice = card_render.too_hard_notice(
                result.answered.variant.name, asked_coach=result.coach_note is not None
            )
            await _moved_on(turn, result, notice)
        case _:
            await _stale(turn, result)


async def on_too_hard_skip(turn: Turn, data: cb.TooHardSkip) -> None:
    await on_answer(turn, cb.StepAnswer(data.session_id, data.step_index, "too_hard"))


async def on_choose_level(turn: Turn, data: cb.ChooseLevel) -> None:
    result = await workouts.choose_level(
        turn.services, turn.user_id, data.session_id, data.step_index, data.level, turn.now
    )
    if not isinstance(result, workouts.LevelChosen):
        await _stale(turn, result)
        return
    await turn.toast()
    card = result.card
    notice = card_render.level_notice(result.previous, data.level)
    await _edit_card(
        turn, result.card_message_id, card_render.card_text(card, turn.now, notice=notice), card
    )


async def _show_face(
    turn: Turn,
    session_id: int,
    step_index: int,
    text: Callable[[CardStep], str],
    markup: Callable[[CardStep], InlineKeyboardMarkup],
) -> None:
    """Turn the pressed card to another face of its current step (How to, the pain scale,
    back to the step); a press on a step that is over takes the buttons off."""
    card = await workouts.card_for_press(turn.services, turn.user_id, session_id, step_index)
    if card is None:
        await turn.toast(texts.SESSION_OVER())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    await turn.edit_pressed(text(card), markup(card), parse_mode=HTML)


async def on_how_to(turn: Turn, data: cb.HowTo) -> None:
    await _show_face(
        turn, data.session_id, data.step_index, card_render.how_to_text, keyboards.how_to
    )


async def on_back(turn: Turn, data: cb.CardBack) -> None:
    def step_face(card: CardStep) -> str:
        return card_render.card_text(card, turn.now)

    await _show_face(turn, data.session_id, data.step_index, step_face, keyboards.card)


async def on_hurts(turn: Turn, data: cb.StepHurts) -> None:
    await _show_face(
        turn,
        data.session_id,
        data.step_index,
        card_render.hurt_question_text,
        keyboards.hurt_scale,
    )


async def on_step_pain(turn: Turn, data: cb.StepPain) -> None:
    result = await workouts.step_hurts(
        turn.services, turn.user_id, data.session_id, data.step_index, data.pain, turn.now
    )
    if not isinstance(result, workouts.Hurt):
        await _stale(turn, result)
        return
    await turn.toast()
    checked = result.checked
    notice = card_render.hurt_notice(result.exercise, result.pain, bool(checked.alerts))
    await _moved_on(turn, result.advanced, notice)
    await tell_about_flags(turn, checked)


async def on_timer(turn: Turn, data: cb.StepTimer) -> None:
    target = await card_timers.start_hold(
        turn.services, turn.user_id, data.session_id, data.step_index, turn.now
    )
    if target is None:
        await turn.toast(texts.SESSION_OVER())
        return
    await turn.toast()
    await _show_timer(turn, target, turn.now)


async def _show_timer(turn: Turn, target: TimerTarget, now: datetime) -> None:
    card = target.card
    await _edit_card(turn, target.card_message_id, card_render.card_text(card, now), card)
    if card.timer is not None and target.card_message_id is not None:
        _plan_timer(turn, target)


async def on_stop_timer(turn: Turn, data: cb.StopTimer) -> None:
    target = await card_timers.stop(turn.services, turn.user_id, data.session_id, data.step_index)
    if target is None:
        await turn.toast(texts.SESSION_OVER())
        return
    _cancel_timer(turn, data.session_id)
    await turn.toast()
    await _show_timer(turn, target, turn.now)


async def on_video_button(turn: Turn, data: cb.StepVideo) -> None:
    """The member wants to film this step: their next video belongs to it."""
    card = await workouts.film_step(turn.services, turn.user_id, data.session_id, data.step_index)
    if card is None:
        await turn.toast(texts.SESSION_OVER())
        return
    await turn.toast(texts.VIDEO_PROMPT.format(exercise=card.variant.name)[:200], alert=True)


COMMANDS: dict[str, CommandFunction] = {"today": today}
BUTTONS: dict[type, ButtonFunction] = {
    cb.StartWorkout: on_start_button,
    cb.PainBefore: on_pain_before,
    cb.StepAnswer: on_answer,
    cb.TooHard: on_too_hard,
    cb.TooHardSkip: on_too_hard_skip,
    cb.ChooseLevel: on_choose_level,
    cb.HowTo: on_how_to,
    cb.CardBack: on_back,
    cb.StepHurts: on_hurts,
    cb.StepPain: on_step_pain,
    cb.StepTimer: on_timer,
    cb.StopTimer: on_stop_timer,
    cb.StepVideo: on_video_button,
}
