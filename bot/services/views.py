"""Database rows turned into the plain values of `bot.views`, for the renderers."""

from __future__ import annotations

from collections.abc import Sequence

from bot.views import Evidence, FlagView, MemberCard, ThreadLine
from storage.models import Flag, FlagEvidence, Member, MessageDirection, ThreadMessage


def member_card(member: Member) -> MemberCard:
    return MemberCard(member.id, member.name, member.username, member.time_zone)


def flag_view(flag: Flag, evidence: Sequence[FlagEvidence] = ()) -> FlagView:
    return FlagView(
        id=flag.id,
        kind=flag.kind.value,
        level=flag.level.value,
        rule=flag.rule,
        reason=flag.reason,
        raised_at=flag.raised_at,
        acknowledged_by=flag.acknowledged_by,
        acknowledged_at=flag.acknowledged_at,
        evidence=[Evidence(e.at, e.source.value, e.level.value, e.text) for e in evidence],
    )


def thread_line(message: ThreadMessage) -> ThreadLine:
    return ThreadLine(
        at=message.at,
        from_member=message.direction == MessageDirection.FROM_MEMBER,
        kind=message.kind.value,
        text=message.text,
        edited=message.edited,
        coach_name=message.coach_name,
    )
