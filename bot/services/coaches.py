"""Who coaches whom, and what a coach may do.

- `authorise`: is the sender of an update a coach, somewhere coach commands are allowed? Only
  in their own private chat with the bot, or in a coach group (a negative id in
  COACH_CHAT_IDS) when the sender is a known coach. The answer is a `Viewer`, which every
  coach service takes: a coach sees and acts on their own members, an owner on everyone's.
- `chats_for_member`: THE place that says which coach chats hear about a member: their coach,
  and the owners who asked to hear about everyone.
- `seed_owners`: at start-up, COACH_CHAT_IDS's users become owners and members without a
  coach go to the first owner.
- Owners manage the coaches: `add_coach`, `remove_coach`, `staff`, `hear_everyone`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.services.profile import Profile
from bot.views import CoachCard
from storage import repository
from storage.models import Coach, CoachRole, Member


@dataclass(frozen=True)
class Viewer:
    """A coach acting now, and whose members they see: their own, or everyone's (owners)."""

    coach_id: int
    user_id: int
    owner: bool

    @property
    def coach_filter(self) -> int | None:
        """The coach whose members this viewer sees; None for an owner, who sees everyone."""
        return None if self.owner else self.coach_id

    def may_see(self, member: Member) -> bool:
        return self.owner or member.coach_id == self.coach_id


def coach_card(coach: Coach) -> CoachCard:
    return CoachCard(coach.telegram_user_id, coach.name, coach.username, _is_owner(coach))


def _is_owner(coach: Coach) -> bool:
    return coach.role is CoachRole.OWNER


def viewer_of(coach: Coach) -> Viewer:
    return Viewer(coach.id, coach.telegram_user_id, _is_owner(coach))


# --- who may act as a coach --------------------------------------------------------------------


async def authorise(services: BotServices, profile: Profile, private: bool) -> Viewer | None:
    """The coach behind this update, if coach commands are allowed where it was sent.

    A private chat must be the sender's own (its id is their user id); any other chat must
    be a coach group from the configuration. Either way the sender must be a known coach, so
    a member in a coach group, or a coach group's id in a forged update, gets nothing.
    """
    if private:
        if profile.chat_id != profile.user_id:
            return None
    elif profile.chat_id not in services.settings.coach_group_ids:
        return None
    async with services.database.read() as session:
        coach = await repository.coaches.by_user_id(session, profile.user_id)
    if coach is None:
        return None
    name, language = profile.full_name[:256], profile.language_kept
    if (coach.name, coach.username, coach.language) != (name, profile.username, language):
        # they renamed themselves, or changed Telegram's language
        async with services.database.transaction() as session:
            await repository.coaches.set_profile(
                session, coach.id, name=name, username=profile.username, language=language
            )
    return viewer_of(coach)


async def is_coach(services: BotServices, user_id: int) -> bool:
    """Whether this Telegram user is a coach (anywhere; `authorise` says where they may act)."""
    async with services.database.read() as session:
        return await repository.coaches.by_user_id(session, user_id) is not None


@dataclass(frozen=True)
class Roles:
    """What a user is to the bot: a coach (and which), a member, both or neither."""

    coach: Viewer | None
    member: bool


async def roles(services: BotServices, user_id: int) -> Roles:
    async with services.database.read() as session:
        coach = await repository.coaches.by_user_id(session, user_id)
        member = await repository.members.by_user_id(session, user_id)
    return Roles(viewer_of(coach) if coach else None, member is not None)


async def everyone_with_roles(services: BotServices) -> list[tuple[int, Roles]]:
    """Every coach's user id with their roles (for their command menus)."""
    async with services.database.read() as session:
        coaches = await repository.coaches.everyone(session)
        members = await repository.members.user_ids_among(
            session, [coach.telegram_user_id for coach in coaches]
        )
    return [
        (coach.telegram_user_id, Roles(viewer_of(coach), coach.telegram_user_id in members))
        for coach in coaches
    ]


# --- who hears about a member ------------------------------------------------------------------


async def chats_for_member(services: BotServices, member_id: int) -> list[int]:
    """The coach chats that hear about this member: their coach's private chat, then the
    owners who hear about everyone. Empty when no coach is set up."""
    async with services.database.read() as session:
        coaches = await repository.coaches.hearing_about(session, member_id)
    return [coach.telegram_user_id for coach in coaches]


async def chats_for_user(services: BotServices, telegram_user_id: int) -> list[int]:
    """`chats_for_member` for the member who is this Telegram user (none for a stranger)."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, telegram_user_id)
    return [] if member is None else await chats_for_member(services, member.id)


# --- start-up ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Staffing:
    """The coaches after start-up, for its log lines and warnings."""

    owners: int
    coaches: int
    members_given_to_first_owner: int
    default_coach_known: bool


async def seed_owners(services: BotServices, now: datetime) -> Staffing:
    """Make COACH_CHAT_IDS's users owners (added, or promoted), and give every member without
    a coach to the first owner (members kept from before coaches existed, or who joined
    while there was none)."""
    settings = services.settings
    async with services.database.transaction() as session:
        for user_id in settings.owner_user_ids:
            await repository.coaches.ensure_owner(session, user_id, now=now)
        first = await repository.coaches.first_owner(session)
        given = await repository.members.give_coachless_to(session, first.id) if first else 0
        everyone = await repository.coaches.everyone(session)
        default = settings.default_coach_id
        default_known = default is not None and any(
            coach.telegram_user_id == default for coach in everyone
        )
    owners = sum(1 for coach in everyone if _is_owner(coach))
    return Staffing(owners, len(everyone) - owners, given, default_known)


# --- owners manage coaches ---------------------------------------------------------------------


@dataclass(frozen=True)
class OwnersOnly:
    """Only an owner may do that."""


@dataclass(frozen=True)
class CoachAdded:
    coach: CoachCard


@dataclass(frozen=True)
class AlreadyACoach:
    coach: CoachCard


async def add_coach(
    services: BotServices, viewer: Viewer, user_id: int, owner: bool, now: datetime
) -> CoachAdded | AlreadyACoach | OwnersOnly:
    """An owner adds a coach (or, with `owner`, an owner) by their Telegram user id."""
    if not viewer.owner:
        return OwnersOnly()
    role = CoachRole.OWNER if owner else CoachRole.COACH
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        added = await repository.coaches.add(
            session,
            user_id,
            role,
            now=now,
            name=member.name if member else None,
            username=member.username if member else None,
        )
        if added is None:
            existing = await repository.coaches.by_user_id(session, user_id)
            assert existing is not None
            return AlreadyACoach(coach_card(existing))
    return CoachAdded(coach_card(added))


@dataclass(frozen=True)
class CoachRemoved:
    coach: CoachCard
    members_moved: int
    """Their members, now the remover's."""


@dataclass(frozen=True)
class NotACoach:
    user_id: int


@dataclass(frozen=True)
class ConfiguredOwner:
    """An owner from COACH_CHAT_IDS: start-up would make them an owner again."""

    coach: CoachCard


@dataclass(frozen=True)
class NotYourself:
    """An owner cannot remove themselves (their members would have nowhere to go)."""


async def remove_coach(
    services: BotServices, viewer: Viewer, user_id: int
) -> CoachRemoved | NotACoach | ConfiguredOwner | NotYourself | OwnersOnly:
    """An owner removes a coach; the coach's members become the owner's, their invite links
    end."""
    if not viewer.owner:
        return OwnersOnly()
    if user_id == viewer.user_id:
        return NotYourself()
    async with services.database.transaction() as session:
        coach = await repository.coaches.by_user_id(session, user_id)
        if coach is None:
            return NotACoach(user_id)
        if user_id in services.settings.owner_user_ids:
            return ConfiguredOwner(coach_card(coach))
        moved = await repository.members.move_all(session, coach.id, viewer.coach_id)
        await repository.coaches.delete(session, coach.id)
    return CoachRemoved(coach_card(coach), moved)


@dataclass(frozen=True)
class StaffLine:
    coach: CoachCard
    members: int
    hears_everyone: bool
    configured: bool
    """An owner from COACH_CHAT_IDS."""


async def staff(services: BotServices, viewer: Viewer) -> list[StaffLine] | OwnersOnly:
    """Every coach with their number of members (owners first)."""
    if not viewer.owner:
        return OwnersOnly()
    configured = set(services.settings.owner_user_ids)
    async with services.database.read() as session:
        coaches = await repository.coaches.everyone(session)
        counts = await repository.coaches.members_per_coach(session)
    return [
        StaffLine(
            coach_card(coach),
            counts.get(coach.id, 0),
            coach.hears_everyone,
            coach.telegram_user_id in configured,
        )
        for coach in coaches
    ]


async def hear_everyone(services: BotServices, viewer: Viewer, on: bool) -> bool | OwnersOnly:
    """An owner chooses to hear about every member (True) or only their own (False)."""
    if not viewer.owner:
        return OwnersOnly()
    async with services.database.transaction() as session:
        await repository.coaches.set_hears_everyone(session, viewer.coach_id, on)
    return on


async def find_coach(session: AsyncSession, reference: int | str) -> Coach | None:
    """A coach named by their Telegram user id or their @username (without the "@")."""
    if isinstance(reference, int):
        return await repository.coaches.by_user_id(session, reference)
    return await repository.coaches.by_username(session, reference)
