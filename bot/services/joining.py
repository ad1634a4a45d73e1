"""How someone arrives: /start, with or without the code of an invite link.

- A member's invite: the person becomes (or stays) a member of that coach, on the invite's
  protocol, which the coach chose, so set-up skips the protocol question. A member who is
  set up already moves to that coach and protocol, keeping their days and time.
- A coach's or owner's invite: the person becomes one.
- No code: a known member carries on; a coach is greeted as one; anyone else joins the default
  coach (DEFAULT_COACH_ID) and picks a protocol, or, without one, is asked for their coach's
  link and nothing is stored.

/start works only in the member's private chat: anywhere else it would move their chat there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.services import members
from bot.services.coaches import coach_card
from bot.services.members import DEFAULT_DAYS, DEFAULT_TIME
from bot.services.profile import Profile
from bot.views import CoachCard
from storage import repository
from storage.models import CoachRole, Enrolment, Invite, InviteKind, Member

CODE_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What Telegram allows in a deep link's start parameter."""


@dataclass(frozen=True)
class NotPrivate:
    """/start outside the sender's private chat with the bot."""


@dataclass(frozen=True)
class AskForLink:
    """No invite code and no default coach: the person needs their coach's link."""


@dataclass(frozen=True)
class LinkNotValid:
    """The code is unknown, expired, revoked or used up."""


@dataclass(frozen=True)
class CoachWelcome:
    """A coach (who is not a member) sent /start."""

    first_name: str
    owner: bool


@dataclass(frozen=True)
class BecameCoach:
    """The person opened a coach's or owner's invite and is now one."""

    first_name: str
    owner: bool
    invited_by: CoachCard


Arrival = members.Step | NotPrivate | AskForLink | LinkNotValid | CoachWelcome | BecameCoach


async def start(
    services: BotServices, profile: Profile, now: datetime, code: str | None = None
) -> Arrival:
    """/start, or /start <code> from an invite link."""
    if profile.chat_id != profile.user_id:
        return NotPrivate()
    if code is None:
        return await _without_invite(services, profile, now)
    if not CODE_PATTERN.fullmatch(code):
        return LinkNotValid()
    async with services.database.transaction() as session:
        invite = await repository.invites.get(session, code)
        if invite is None:
            return LinkNotValid()
        if invite.kind is not InviteKind.MEMBER:
            return await _join_as_coach(session, profile, invite, now)
        joined = await _join_as_member(services, session, profile, invite, now)
    if joined is None:
        return LinkNotValid()
    member, enrolment, moved = joined
    joined_at = now if moved else None
    return await members.where_is(services, member, enrolment, profile.first_name, joined_at)


async def _without_invite(services: BotServices, profile: Profile, now: datetime) -> Arrival:
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, profile.user_id)
        coach_id = None
        if member is None:
            coach = await repository.coaches.by_user_id(session, profile.user_id)
            if coach is not None:
                await repository.coaches.set_profile(
                    session,
                    coach.id,
                    name=profile.full_name[:256],
                    username=profile.username,
                    language=profile.language_kept,
                )
                return CoachWelcome(profile.first_name, coach.role is CoachRole.OWNER)
            default = services.settings.default_coach_id
            default_coach = (
                await repository.coaches.by_user_id(session, default) if default else None
            )
            if default_coach is None:
                return AskForLink()
            coach_id = default_coach.id
        member = await _upsert(services, session, profile, now, coach_id)
        enrolment = await repository.enrolments.active(session, member.id)
    return await members.where_is(services, member, enrolment, profile.first_name)


async def _join_as_member(
    services: BotServices, session: AsyncSession, profile: Profile, invite: Invite, now: datetime
) -> tuple[Member, Enrolment, bool] | None:
    """Use the invite: the member is this coach's, on this protocol. None if the invite is
    no longer valid; else the member, their enrolment, and whether their coach or protocol
    changed."""
    protocol = services.protocol(invite.protocol or "")
    if protocol is None or await repository.invites.redeem(session, invite.code, now=now) is None:
        return None
    member = await _upsert(services, session, profile, now, invite.coach_id)
    moved = member.coach_id != invite.coach_id
    if moved:
        await repository.members.set_coach(session, member.id, invite.coach_id)
    current = await repository.enrolments.active(session, member.id)
    if current is not None and current.protocol == protocol.name and current.set_by_coach:
        return member, current, moved
    enrolment = await repository.enrolments.enrol(
        session,
        member.id,
        protocol=protocol.name,
        workout_days=current.workout_days if current else DEFAULT_DAYS,
        reminder_time=current.reminder_time if current else DEFAULT_TIME,
        start_date=now.astimezone(member.time_zone).date(),
        set_by_coach=True,
    )
    return member, enrolment, True


async def _join_as_coach(
    session: AsyncSession, profile: Profile, invite: Invite, now: datetime
) -> Arrival:
    """Use the invite: the person is a coach, or an owner, from now on."""
    owner = invite.kind is InviteKind.OWNER
    existing = await repository.coaches.by_user_id(session, profile.user_id)
    if existing is not None and (existing.role is CoachRole.OWNER or not owner):
        return CoachWelcome(profile.first_name, existing.role is CoachRole.OWNER)
    if await repository.invites.redeem(session, invite.code, now=now) is None:
        return LinkNotValid()
    role = CoachRole.OWNER if owner else CoachRole.COACH
    if existing is not None:
        await repository.coaches.set_role(session, existing.id, role)
    else:
        await repository.coaches.add(
            session,
            profile.user_id,
            role,
            now=now,
            name=profile.full_name[:256],
            username=profile.username,
        )
    inviter = await repository.coaches.get(session, invite.coach_id)
    assert inviter is not None  # the invite goes with its coach (ON DELETE CASCADE)
    return BecameCoach(profile.first_name, owner, coach_card(inviter))


async def _upsert(
    services: BotServices,
    session: AsyncSession,
    profile: Profile,
    now: datetime,
    coach_id: int | None,
) -> Member:
    member = await repository.members.upsert(
        session,
        telegram_user_id=profile.user_id,
        chat_id=profile.chat_id,
        name=profile.full_name[:256],
        username=profile.username,
        time_zone=services.settings.tz,
        now=now,
        coach_id=coach_id,
        language=profile.language_kept,
    )
    await repository.members.set_awaiting(session, member.id, None)
    return member
