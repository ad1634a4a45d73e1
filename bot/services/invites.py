"""Invite links a coach makes, lists and revokes (opening one is `bot.services.joining`).

A code is 22 random URL-safe characters (128 bits from `secrets`), well inside Telegram's 64
for a start parameter. A member's invite names a protocol; a coach's or owner's invite is for
owners to make, and is good for one use. Each has a number of uses and an expiry.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.context import BotServices
from bot.services.coaches import Viewer, coach_card
from bot.views import InviteEnd, InviteKindName, InviteLine
from protocols.schema import Protocol
from storage import repository
from storage.models import Invite, InviteKind

CODE_BYTES = 16
MEMBER_INVITE_USES = 1
MEMBER_INVITE_DAYS = 14
COACH_INVITE_DAYS = 2
MAX_USES = 1000
MAX_DAYS = 365
LISTED_AFTER_EXPIRY = timedelta(days=30)
"""/invites shows links that expired (or will) no longer ago than this."""


def new_code() -> str:
    return secrets.token_urlsafe(CODE_BYTES)


@dataclass(frozen=True)
class Created:
    code: str
    kind: InviteKindName
    protocol_title: str | None
    max_uses: int
    expires_at: datetime


@dataclass(frozen=True)
class OwnersOnly:
    """Only an owner may invite coaches."""


async def for_member(
    services: BotServices,
    viewer: Viewer,
    protocol: Protocol,
    now: datetime,
    *,
    uses: int = MEMBER_INVITE_USES,
    days: int = MEMBER_INVITE_DAYS,
) -> Created:
    """A new link from this coach for members on `protocol`; `uses` and `days` are clamped
    to 1..MAX_USES and 1..MAX_DAYS."""
    return await _create(
        services, viewer, InviteKind.MEMBER, now, protocol, min(max(uses, 1), MAX_USES), days
    )


async def for_coach(
    services: BotServices, viewer: Viewer, owner: bool, now: datetime
) -> Created | OwnersOnly:
    """A one-use link (owners only) that makes whoever opens it a coach, or an owner."""
    if not viewer.owner:
        return OwnersOnly()
    kind = InviteKind.OWNER if owner else InviteKind.COACH
    return await _create(services, viewer, kind, now, None, 1, COACH_INVITE_DAYS)


async def _create(
    services: BotServices,
    viewer: Viewer,
    kind: InviteKind,
    now: datetime,
    protocol: Protocol | None,
    uses: int,
    days: int,
) -> Created:
    expires_at = now + timedelta(days=min(max(days, 1), MAX_DAYS))
    async with services.database.transaction() as session:
        invite = await repository.invites.add(
            session,
            new_code(),
            viewer.coach_id,
            kind,
            protocol=protocol.name if protocol else None,
            max_uses=uses,
            expires_at=expires_at,
            now=now,
        )
    title = protocol.title if protocol else None
    return Created(invite.code, kind.value, title, uses, expires_at)


def _ended(invite: Invite, now: datetime) -> InviteEnd | None:
    if invite.revoked_at is not None:
        return "revoked"
    if invite.expires_at <= now:
        return "expired"
    if invite.uses >= invite.max_uses:
        return "used up"
    return None


async def listing(services: BotServices, viewer: Viewer, now: datetime) -> list[InviteLine]:
    """The viewer's invites (an owner's: everyone's), newest first, with how often each was
    used; those that ended more than a month ago are left out."""
    async with services.database.read() as session:
        rows = await repository.invites.listed(
            session, expiring_after=now - LISTED_AFTER_EXPIRY, coach_id=viewer.coach_filter
        )
    lines = []
    for invite, coach in rows:
        protocol = services.protocol(invite.protocol) if invite.protocol else None
        lines.append(
            InviteLine(
                code=invite.code,
                kind=invite.kind.value,
                protocol_title=protocol.title if protocol else invite.protocol,
                uses=invite.uses,
                max_uses=invite.max_uses,
                expires_at=invite.expires_at,
                ended=_ended(invite, now),
                coach=coach_card(coach),
            )
        )
    return lines


@dataclass(frozen=True)
class Revoked:
    code: str


@dataclass(frozen=True)
class NoSuchInvite:
    code: str


async def revoke(
    services: BotServices, viewer: Viewer, code: str, now: datetime
) -> Revoked | NoSuchInvite:
    """End an invite now: the viewer's own, or any for an owner (others' look unknown)."""
    async with services.database.transaction() as session:
        invite = await repository.invites.get(session, code)
        if invite is None or not (viewer.owner or invite.coach_id == viewer.coach_id):
            return NoSuchInvite(code)
        await repository.invites.revoke(session, code, now=now)
    return Revoked(code)
