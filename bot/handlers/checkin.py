"""The soreness check-in after a session: pain 0 to 10 (buttons or typed), then an optional note."""

from __future__ import annotations

from bot import sender
from bot.handlers.turn import AwaitedFunction, ButtonFunction, Turn
from bot.render import callbacks as cb
from bot.render import keyboards, texts
from bot.rules.typed_input import parse_pain
from bot.services import checkins, coach_alerts
from bot.services.checkins import CheckInResult
from storage import repository


async def ask_pain(turn: Turn, session_id: int) -> None:
    """The check-in question after a session (the member already awaits `pain:<session>`)."""
    await turn.say(texts.PAIN_QUESTION, keyboards.pain(session_id))


async def on_pain_button(turn: Turn, data: cb.PainScore) -> None:
    member = await turn.member()
    if member is None or member.awaiting != f"pain:{data.session_id}":
        await turn.toast(texts.SESSION_OVER)
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    await turn.edit_pressed(f"{texts.PAIN_QUESTION}\n\nYour answer: {data.pain}")
    await _save_pain(turn, member.id, data.session_id, data.pain)


async def on_typed_pain(turn: Turn, text: str, argument: str) -> None:
    pain = parse_pain(text)
    member = await turn.member()
    if member is None or not argument.isdigit():
        return
    if pain is None:
        await turn.say(texts.PAIN_NOT_A_NUMBER)
        return
    await _save_pain(turn, member.id, int(argument), pain)


async def _save_pain(turn: Turn, member_id: int, session_id: int, pain: int) -> None:
    result = await checkins.record_pain(turn.services, member_id, session_id, pain, turn.now)
    if result is None:
        await turn.say(texts.SESSION_OVER)
        return
    if await _handle_flags(turn, member_id, result):
        return
    question = await turn.say(texts.NOTE_QUESTION, keyboards.no_note(session_id))
    if question is not None:
        # Remember the question too, so a typed note can take its "No note" button away.
        async with turn.services.database.transaction() as session:
            await repository.members.set_awaiting(
                session, member_id, f"note:{result.report_id}:{question.message_id}"
            )


async def on_typed_note(turn: Turn, text: str, argument: str) -> None:
    member = await turn.member()
    report_id, _, question_id = argument.partition(":")
    if member is None or not report_id.isdigit():
        return
    if question_id.isdigit():
        await sender.remove_buttons(turn.bot, turn.chat_id, int(question_id))
    result = await checkins.record_note(turn.services, member.id, int(report_id), text, turn.now)
    if len(text) > checkins.MAX_NOTE:
        await turn.say(texts.NOTE_TOO_LONG.format(limit=checkins.MAX_NOTE))
    if result is None or not await _handle_flags(turn, member.id, result):
        await turn.say(texts.NOTE_SAVED)


async def on_no_note(turn: Turn, data: cb.NoNote) -> None:
    member = await turn.member()
    await turn.toast()
    await turn.remove_pressed_buttons()
    if member is None or not (member.awaiting or "").startswith("note:"):
        return
    async with turn.services.database.transaction() as session:
        await repository.members.set_awaiting(session, member.id, None)
    await turn.say(texts.NOTE_SAVED)


async def _handle_flags(turn: Turn, member_id: int, result: CheckInResult) -> bool:
    """Tell the member to stop when it is urgent, and the coach about any new flag.

    True when the member was told to stop (the check-in conversation ends there).
    """
    if result.urgent is not None:
        what = ", ".join(result.red_flag_labels) or "pain this strong"
        await turn.say(texts.URGENT_STOP.format(what=what))
        async with turn.services.database.transaction() as session:
            await repository.members.set_awaiting(session, member_id, None)
    for flag in result.raised:
        await coach_alerts.notify_flag(turn.bot, turn.services, flag)
    return result.urgent is not None


BUTTONS: dict[type, ButtonFunction] = {cb.PainScore: on_pain_button, cb.NoNote: on_no_note}
AWAITED: dict[str, AwaitedFunction] = {"pain": on_typed_pain, "note": on_typed_note}
