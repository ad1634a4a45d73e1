"""The red-flag screen's yes/no questions before the first workout. A "yes" is answered like a
red flag the member wrote (see `bot.handlers.safety`); set-up then carries on with the next
question. (The follow-up question after a rising pain score belongs to the check-in,
`bot.handlers.checkin`.)"""

from __future__ import annotations

from bot.handlers import onboarding, red_flag_answer
from bot.handlers.turn import ButtonFunction, Turn
from bot.render import callbacks as cb
from bot.render import texts
from bot.rules.screening import QUESTIONS
from bot.services import members


async def on_answer(turn: Turn, data: cb.ScreeningAnswer) -> None:
    asked = texts.screening_question(data.question)
    result = await members.answer_screening(
        turn.services, turn.user_id, data.question, data.yes, asked, turn.now
    )
    if isinstance(result, members.Unknown):
        await turn.toast(texts.SCREENING_ALREADY_ANSWERED())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    answer = texts.SCREENING_ANSWERED.format(answer=texts.YES() if data.yes else texts.NO())
    await turn.edit_pressed(f"{asked}\n\n{answer}")
    if result.reported is not None:
        question = QUESTIONS[data.question]
        await red_flag_answer.tell(turn, question.level, [texts.SCREENING_YES()], result.reported)
    if result.next is not None:
        await onboarding.show(turn, result.next)


BUTTONS: dict[type, ButtonFunction] = {cb.ScreeningAnswer: on_answer}
