"""What the safety tests look for: the answers' key phrases, coach alerts, open red flags."""

from __future__ import annotations

from fixtures_bot import RunningBot, has_button

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import FlagKind, FlagLevel

EMERGENCY = "go to an emergency department (A&E) now"
DOCTOR_TODAY = "should be checked by a doctor today"
ON_HOLD = "your programme is on hold"


def is_alert(message: ChatMessage) -> bool:
    return has_button(message, "Acknowledge")


def alerts_in(coach: SimulatedUser) -> list[ChatMessage]:
    return [message for message in coach.messages if is_alert(message)]


async def red_flags_of(bot: RunningBot, user: SimulatedUser) -> list[tuple[FlagLevel, str]]:
    """(level, rule) of the member's open red flags."""
    async with bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user.id)
        assert member is not None
        flags = await repository.flags.unacknowledged(session, member.id)
    return [(flag.level, flag.rule) for flag in flags if flag.kind == FlagKind.RED_FLAG]
