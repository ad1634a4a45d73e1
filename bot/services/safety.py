"""Red flags in what a member reports: their programme is held, and the coach gets the evidence.

Whatever the message also is (a note, a question, an edit), a red flag in it raises (or adds
to) the member's open red flag, and holds their programme: no workout and no reminder until a
coach resumes it. The member's answer ("go to an emergency department now" or "see a doctor
today") is the handler's, sent before any of this.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.reasons import N_, Reason, listing
from bot.rules.red_flags import FAMILIES, Level
from bot.services import flags
from bot.services.history import history
from bot.services.workout_summary import StoppedWorkout, stop_running
from bot.views import FlagAlert
from storage import repository
from storage.models import EvidenceSource, FlagKind, FlagLevel, Member

MAX_EVIDENCE = 1000
"""Characters of the member's words kept as evidence (the whole message reaches the coach's
thread anyway)."""

_LABELS = {family.family: family.label for family in FAMILIES}
RED_FLAG = N_("red flag")
"""The reason of a red flag whose families are not known (none listed)."""


@dataclass(frozen=True)
class Report:
    """A red flag in what a member reported: its level, its families, and their words."""

    level: Level
    families: Sequence[str]
    text: str | Reason
    """The member's words, or the rule's reason (severe pain at a check-in)."""
    source: EvidenceSource


@dataclass(frozen=True)
class Reported:
    alert: FlagAlert
    zone: ZoneInfo
    newly_held: bool
    """The programme was running until now (the member is told it is on hold)."""
    stopped: StoppedWorkout | None = None
    """The workout that was in progress, ended by the hold (its card must say so)."""


@dataclass(frozen=True)
class HeldAndFlagged:
    """What holding the programme did: the coach's alert, and the workout it ended."""

    alert: FlagAlert
    stopped: StoppedWorkout | None


def reason(families: Sequence[str]) -> Reason:
    """The flag's reason for the coach: the families in words ("possible spinal fracture and
    severe pain"), each said in the coach's language."""
    if not families:
        return Reason(RED_FLAG)
    return listing(
        [Reason(_LABELS[family]) if family in _LABELS else family for family in families]
    )


async def report(
    services: BotServices, user_id: int, found: Report, now: datetime
) -> Reported | None:
    """Hold the member's programme and raise (or add to) their red flag; None for a stranger."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return None
        return await report_for(services, session, member, found, now)


async def report_for(
    services: BotServices, session: AsyncSession, member: Member, found: Report, now: datetime
) -> Reported:
    """`report` inside the caller's unit of work, for a member it has loaded."""
    newly_held = member.held_since is None
    held = await hold_and_flag(services, session, member, found, now)
    return Reported(held.alert, member.time_zone, newly_held, held.stopped)


async def hold_and_flag(
    services: BotServices, session: AsyncSession, member: Member, found: Report, now: datetime
) -> HeldAndFlagged:
    """Inside the caller's unit of work: hold the programme (a workout in progress ends there),
    raise or add to the member's red flag, and say what the coach must be sent."""
    if member.held_since is None:
        await repository.members.set_held(session, member.id, now)
    stopped = await stop_running(services, session, member.id, now)
    evidence = flags.Evidence(
        kind=FlagKind.RED_FLAG,
        level=FlagLevel(found.level),
        rule=", ".join(found.families),
        reason=reason(found.families),
        text=found.text[:MAX_EVIDENCE] if isinstance(found.text, str) else found.text,
        source=found.source,
    )
    raised = await flags.raise_or_merge(session, member.id, evidence, now)
    check_ins = await history(session, member.id)
    alert = await flags.alert_for(services, session, member, raised.flag, check_ins, now, held=True)
    return HeldAndFlagged(alert, stopped)


async def is_held(services: BotServices, user_id: int) -> bool:
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
    return member is not None and member.held_since is not None
