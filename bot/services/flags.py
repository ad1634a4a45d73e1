"""Raising flags: one open flag per member and kind, which grows with each new piece of
evidence instead of a second flag being opened beside it.

A new piece of evidence while a flag is open is added to it, its level rises to the higher of
the two, and the coach is told again with all of it: by bringing the alert they got up to date
when it is at most `RELAY_WINDOW` old (so a burst of messages is one alert, not five), by a new
alert otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.reasons import Reason, to_json
from bot.rules.symptoms import CheckIn
from bot.services.views import flag_view, member_card
from bot.views import FlagAlert
from storage import repository
from storage.models import LEVEL_ORDER, EvidenceSource, Flag, FlagKind, FlagLevel, Member


def higher(first: FlagLevel, second: FlagLevel) -> FlagLevel:
    return max(first, second, key=LEVEL_ORDER.index)


def merged_rule(first: str, second: str) -> str:
    """The rules of both, each once, in the order they came ("cauda_equina, vascular")."""
    rules = [rule for rule in (*first.split(", "), *second.split(", ")) if rule]
    return ", ".join(dict.fromkeys(rules))


@dataclass(frozen=True)
class Evidence:
    """What is being reported, before it is stored."""

    kind: FlagKind
    level: FlagLevel
    rule: str
    reason: Reason
    """The flag's reason for the coach, as of this evidence."""
    text: str | Reason
    """The member's words (kept as they are), or the rule's reason."""
    source: EvidenceSource


@dataclass(frozen=True)
class Raised:
    flag: Flag
    new: bool
    """A flag was opened (rather than the evidence added to an open one)."""
    escalated: bool
    """The open flag's level went up with this evidence."""


async def raise_or_merge(
    session: AsyncSession, member_id: int, evidence: Evidence, now: datetime
) -> Raised:
    """Open a flag with this evidence, or add it to the member's open flag of its kind."""
    reason_message = to_json(evidence.reason)
    flag = await repository.flags.add(
        session,
        member_id,
        evidence.kind,
        evidence.level,
        evidence.rule,
        evidence.reason.english(),
        now=now,
        reason_message=reason_message,
    )
    raised = Raised(flag, new=True, escalated=False) if flag is not None else None
    if raised is None:
        open_flag = await repository.flags.open_of_kind(session, member_id, evidence.kind)
        assert open_flag is not None, "the unique index only refuses while one is open"
        level = higher(open_flag.level, evidence.level)
        newest = level == evidence.level
        updated = await repository.flags.update_open(
            session,
            open_flag.id,
            level=level,
            rule=merged_rule(open_flag.rule, evidence.rule),
            reason=evidence.reason.english() if newest else open_flag.reason,
            reason_message=reason_message if newest else open_flag.reason_message,
            now=now,
        )
        assert updated is not None, "it was open a moment ago in this transaction"
        raised = Raised(updated, new=False, escalated=level != open_flag.level)
    text = evidence.text
    await repository.flags.add_evidence(
        session,
        raised.flag.id,
        evidence.source,
        evidence.level,
        evidence.rule,
        text if isinstance(text, str) else text.english(),
        now=now,
        reason_message=None if isinstance(text, str) else to_json(text),
    )
    return raised


async def alert_for(
    services: BotServices,
    session: AsyncSession,
    member: Member,
    flag: Flag,
    check_ins: Sequence[CheckIn],
    now: datetime,
    *,
    held: bool,
) -> FlagAlert:
    """What the coach is sent about `flag`, with every piece of its evidence, and the alerts
    of it still inside the bundling window (to bring up to date instead of sending anew)."""
    evidence = await repository.flags.evidence(session, flag.id)
    recent = await repository.messages.flag_alerts_since(
        session, flag.id, now - services.settings.relay_window
    )
    return FlagAlert(
        member_card(member),
        flag_view(flag, evidence),
        check_ins,
        update=[(row.coach_chat_id, row.coach_message_id) for row in recent],
        held=held,
    )
