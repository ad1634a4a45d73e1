"""The card of a workout a red flag stopped: it loses its buttons and says the session stopped.

A red flag (typed, a severe pain score, a "yes" to a safety question) holds the member's
programme and ends their workout in progress (`bot.services.safety`); whichever handler
answered the red flag calls `end` with what that unit of work stopped.
"""

from __future__ import annotations

from bot import sender
from bot.handlers.turn import Turn
from bot.render import card as card_render
from bot.services.workout_summary import StoppedWorkout


async def end(turn: Turn, stopped: StoppedWorkout | None) -> None:
    """Stop the card's timer, delete a "time's up" message still on screen, and turn the card
    into the stopped session's summary, without buttons."""
    if stopped is None:
        return
    if turn.services.timers is not None:
        turn.services.timers.cancel(stopped.session_id)
    if stopped.alert_message_id is not None:
        await sender.delete(turn.bot, turn.chat_id, stopped.alert_message_id)
    if stopped.card_message_id is not None:
        await sender.edit_text(
            turn.bot,
            turn.chat_id,
            stopped.card_message_id,
            card_render.stopped_text(stopped.summary),
            parse_mode=card_render.PARSE_MODE,
            database=turn.services.database,
        )
