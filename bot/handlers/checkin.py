"""Pain check-ins: after a session, pain 0 to 10 (buttons or typed), then an optional note; the
next morning, one tap (the question is sent by `bot.jobs.morning_checks`)."""

from __future__ import annotations

import html

from telegram import Message

from bot import alerts, sender
from bot.handlers import conversation, red_flag_answer, stopped_card
from bot.handlers.turn import AwaitedFunction, ButtonFunction, Turn
from bot.render import callbacks as cb
from bot.render import keyboards, texts
from bot.rules.pain_zone import pain_zone
from bot.rules.screening import FOLLOW_UP
from bot.rules.typed_input import parse_pain
from bot.services import checkins
from storage.awaiting import AwaitNote, AwaitPain

HTML = "HTML"


async def on_pain_button(turn: Turn, data: cb.PainScore) -> None:
    """A pain score pressed on the finished workout card (or on a question of its own): the
    question becomes the answer, and the card asks for the note."""
    result = await checkins.record_pain(
        turn.services, turn.user_id, data.session_id, data.pain, turn.now
    )
    if not isinstance(result, checkins.CheckedIn):
        saved = isinstance(result, checkins.AlreadySaved)
        await turn.toast(texts.PAIN_ALREADY_SAVED() if saved else texts.SESSION_OVER())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    above = _above_the_question(turn)
    answered = html.escape(texts.PAIN_ANSWERED.format(pain=data.pain))
    if await tell_about_flags(turn, result):
        await turn.edit_pressed(f"{above}{answered}", parse_mode=HTML)
        return
    meaning = html.escape(_meaning(turn, data.pain))
    note = html.escape(texts.NOTE_QUESTION())
    await turn.edit_pressed(
        f"{above}{answered}\n\n{meaning}\n{note}",
        keyboards.no_note(data.session_id),
        parse_mode=HTML,
    )
    message_id = turn.pressed_message_id
    if message_id is not None:
        await checkins.note_question_shown(
            turn.services, turn.user_id, result.report_id, message_id
        )
    await _ask_follow_up(turn, result)


def _above_the_question(turn: Turn) -> str:
    """The pressed message as HTML up to the pain question (the workout summary), ending in a
    blank line; empty when the question stood alone."""
    query = turn.update.callback_query
    message = query.message if query is not None else None
    if not isinstance(message, Message) or message.text is None:
        return ""
    kept, _, _question = message.text_html.rpartition("\n\n")
    return f"{kept}\n\n" if kept else ""


def _meaning(turn: Turn, pain: int) -> str:
    """What the score means, in a line."""
    return texts.pain_acknowledgement(pain, pain_zone(pain, turn.services.settings.pain))


async def on_typed_pain(turn: Turn, text: str, state: AwaitPain) -> None:
    pain = parse_pain(text)
    if pain is None:
        await turn.say(texts.PAIN_NOT_A_NUMBER())
        return
    result = await checkins.record_pain(
        turn.services, turn.user_id, state.session_id, pain, turn.now
    )
    if not isinstance(result, checkins.CheckedIn):
        await turn.say(texts.SESSION_OVER())
        return
    if result.asked_on is not None:  # the card's score buttons are answered now
        await sender.remove_buttons(turn.bot, turn.chat_id, result.asked_on)
    await _after_pain(turn, state.session_id, pain, result)


async def _after_pain(turn: Turn, session_id: int, pain: int, result: checkins.CheckedIn) -> None:
    """Tell the member to stop when it is urgent (and the coach about any flag), or say what
    their score means and ask for the note (and, when the score rose by the minimal important
    change, the red-flag follow-up question)."""
    if await tell_about_flags(turn, result):
        return
    meaning = _meaning(turn, pain)
    question = await turn.say(f"{meaning}\n{texts.NOTE_QUESTION()}", keyboards.no_note(session_id))
    if question is not None:
        await checkins.note_question_shown(
            turn.services, turn.user_id, result.report_id, question.message_id
        )
    await _ask_follow_up(turn, result)


async def _ask_follow_up(turn: Turn, result: checkins.CheckedIn) -> None:
    """The red-flag follow-up question, when the score rose by the minimal important change."""
    if result.ask_follow_up:
        await turn.say(texts.screening_question("follow_up"), keyboards.follow_up(result.report_id))


async def on_typed_note(turn: Turn, text: str, state: AwaitNote) -> None:
    if state.question_message_id is not None:
        await sender.remove_buttons(turn.bot, turn.chat_id, state.question_message_id)
    result = await checkins.record_note(turn.services, turn.user_id, state, text)
    if isinstance(result, checkins.Stale):
        await turn.say(texts.NOTE_SAVED())
        return
    if result.cut:
        await turn.say(texts.NOTE_TOO_LONG.format(limit=checkins.MAX_NOTE))
    # The note is written for the coach: it reaches them like any message (its red flags
    # were read on its way in).
    message = turn.message
    sent = message is not None and await conversation.relay(
        turn, message, edited=False, acknowledge=False
    )
    await turn.say(texts.NOTE_SENT() if sent else texts.NOTE_SAVED())


async def save_note_quietly(turn: Turn, text: str, state: AwaitNote) -> None:
    """Save a note the member has just been answered about (it held a red flag)."""
    if state.question_message_id is not None:
        await sender.remove_buttons(turn.bot, turn.chat_id, state.question_message_id)
    await checkins.record_note(turn.services, turn.user_id, state, text)


async def on_morning_pain(turn: Turn, data: cb.MorningPain) -> None:
    """The next-morning score: kept apart from the session's, then read by the pain rules."""
    result = await checkins.record_morning_pain(
        turn.services, turn.user_id, data.session_id, data.pain, turn.now
    )
    if isinstance(result, checkins.Stale):
        await turn.toast(texts.MORNING_PASSED())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    answered = texts.PAIN_ANSWERED.format(pain=data.pain)
    await turn.edit_pressed(f"{texts.MORNING_QUESTION()}\n\n{answered}")
    if await tell_about_flags(turn, result):
        return
    meaning = texts.pain_acknowledgement(
        data.pain, pain_zone(data.pain, turn.services.settings.pain)
    )
    await turn.say(f"{meaning}\n{texts.MORNING_THANKS()}")
    if result.ask_follow_up:
        await turn.say(texts.screening_question("follow_up"), keyboards.follow_up(result.report_id))


async def on_follow_up_answer(turn: Turn, data: cb.FollowUpAnswer) -> None:
    asked = texts.screening_question("follow_up")
    result = await checkins.answer_follow_up(
        turn.services, turn.user_id, data.report_id, data.yes, asked, turn.now
    )
    if isinstance(result, checkins.Stale):
        await turn.toast(texts.SCREENING_ALREADY_ANSWERED())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    answer = texts.SCREENING_ANSWERED.format(answer=texts.YES() if data.yes else texts.NO())
    await turn.edit_pressed(f"{asked}\n\n{answer}")
    if result.reported is not None:
        level, family = FOLLOW_UP.level, texts.SCREENING_YES()
        await red_flag_answer.tell(turn, level, [family], result.reported)


async def on_no_note(turn: Turn, _data: cb.NoNote) -> None:
    await turn.toast()
    await turn.remove_pressed_buttons()
    if await checkins.skip_note(turn.services, turn.user_id):
        await turn.say(texts.NOTE_SAVED())


async def tell_about_flags(turn: Turn, result: checkins.CheckedIn) -> bool:
    """Tell the member to stop when their pain is severe (first: it matters most), and the
    coach about any flag.

    True when the member was told to stop (the check-in conversation ends there).
    """
    if result.urgent is not None:
        what = [texts.PAIN_THIS_STRONG.format(pain=result.urgent.pain)]
        await red_flag_answer.tell_member(turn, "urgent", what, result.urgent.zone)
        await stopped_card.end(turn, result.stopped)
    for alert in result.alerts:
        await alerts.send_flag(turn.bot, turn.services, alert)
    return result.urgent is not None


BUTTONS: dict[type, ButtonFunction] = {
    cb.PainScore: on_pain_button,
    cb.MorningPain: on_morning_pain,
    cb.NoNote: on_no_note,
    cb.FollowUpAnswer: on_follow_up_answer,
}
AWAITED: dict[type, AwaitedFunction] = {AwaitPain: on_typed_pain, AwaitNote: on_typed_note}
