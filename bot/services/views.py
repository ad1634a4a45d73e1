"""Database rows turned into the plain values of `bot.views`, for the renderers."""

from __future__ import annotations

from bot.views import FlagView, MemberCard, ThreadLine
from storage.models import Flag, Member, MessageDirection, ThreadMessage


def member_card(member: Member) -> MemberCard:
    return MemberCard(member.id, member.name, member.username, member.time_zone)


def flag_view(flag: Flag) -> FlagView:
    return FlagView(
        id=flag.id,
        kind=flag.kind.value,
        reason=flag.reason,
        raised_at=flag.raised_at,
        acknowledged_by=flag.acknowledged_by,
        acknowledged_at=flag.acknowledged_at,
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
