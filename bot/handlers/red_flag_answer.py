"""The answer to a red flag: the member first (where to go and how fast, with their country's
emergency number), then their coach (the alert with the evidence)."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from bot import alerts
from bot.handlers import stopped_card
from bot.handlers.turn import Turn
from bot.render import texts
from bot.rules.emergency import emergency_number
from bot.services import coaches, safety


async def tell(
    turn: Turn, level: str, what: Sequence[str], reported: safety.Reported | None
) -> None:
    """Tell the member (and end their workout's card, if the hold stopped one), then send the
    coach the alert. `reported` is None for someone who is not a member (no programme, no
    coach): they are told where to go all the same."""
    if reported is None:
        number = emergency_number(turn.services.settings.tz)
        await turn.say(texts.red_flag_answer(level, what, number, coach_told=None))
        return
    await tell_member(turn, level, what, reported.zone)
    await stopped_card.end(turn, reported.stopped)
    await alerts.send_flag(turn.bot, turn.services, reported.alert)


async def tell_member(turn: Turn, level: str, what: Sequence[str], zone: ZoneInfo) -> None:
    """Where to go and how fast; says whether their coach has been told."""
    has_coach = bool(await coaches.chats_for_user(turn.services, turn.user_id))
    await turn.say(texts.red_flag_answer(level, what, emergency_number(zone), coach_told=has_coach))
