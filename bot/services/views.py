"""Database rows turned into the plain values of `bot.views`, for the renderers."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from bot.rules.reasons import from_json
from bot.views import Evidence, FlagView, MemberCard, Said, ThreadLine
from storage.models import Flag, FlagEvidence, Member, MessageDirection, ThreadMessage

log = logging.getLogger(__name__)


def member_card(member: Member) -> MemberCard:
    return MemberCard(member.id, member.name, member.username, member.time_zone)


def flag_view(flag: Flag, evidence: Sequence[FlagEvidence] = ()) -> FlagView:
    return FlagView(
        id=flag.id,
        kind=flag.kind.value,
        level=flag.level.value,
        rule=flag.rule,
        reason=said(flag.reason, flag.reason_message),
        raised_at=flag.raised_at,
        acknowledged_by=flag.acknowledged_by,
        acknowledged_at=flag.acknowledged_at,
        evidence=[
            Evidence(e.at, e.source.value, e.level.value, said(e.text, e.reason_message))
            for e in evidence
        ],
    )


def said(text: str, message: dict[str, Any] | None) -> Said:
    """A stored reason as a message to say in the reader's language; its stored words when it
    has none (a member's words, a flag from before migration 0011) or it cannot be read."""
    if message is None:
        return text
    try:
        return from_json(message)
    except ValueError:
        log.warning("a stored reason could not be read, shown as its words: %r", message)
        return text


def thread_line(message: ThreadMessage) -> ThreadLine:
    return ThreadLine(
        at=message.at,
        from_member=message.direction == MessageDirection.FROM_MEMBER,
        kind=message.kind.value,
        text=message.text,
        edited=message.edited,
        coach_name=message.coach_name,
    )
