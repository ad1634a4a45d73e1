"""Coaches and invite links in the database: roles, who hears about a member, uses and ends."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from storage_support import NOW, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import CoachRole, InviteKind

LATER = NOW + timedelta(days=7)


async def _coach(
    database: Database, user_id: int, role: CoachRole = CoachRole.COACH, *, hears: bool = False
) -> int:
    async with database.transaction() as session:
        coach = await repo.coaches.add(session, user_id, role, now=NOW)
        assert coach is not None
        await repo.coaches.set_hears_everyone(session, coach.id, hears)
        return coach.id


async def _invite(database: Database, coach_id: int, code: str = "abc", uses: int = 1) -> None:
    async with database.transaction() as session:
        await repo.invites.add(
            session,
            code,
            coach_id,
            InviteKind.MEMBER,
            protocol="lower-back-pain-relief-lvl1",
            max_uses=uses,
            expires_at=LATER,
            now=NOW,
        )


async def test_adding_a_coach_twice_keeps_the_first(database: Database) -> None:
    await _coach(database, 7)
    async with database.transaction() as session:
        assert await repo.coaches.add(session, 7, CoachRole.OWNER, now=NOW) is None
        coach = await repo.coaches.by_user_id(session, 7)
    assert coach is not None
    assert coach.role is CoachRole.COACH


async def test_ensure_owner_promotes_a_coach_and_never_duplicates(database: Database) -> None:
    coach_id = await _coach(database, 7)
    async with database.transaction() as session:
        owner = await repo.coaches.ensure_owner(session, 7, now=NOW)
        again = await repo.coaches.ensure_owner(session, 7, now=NOW)
        everyone = await repo.coaches.everyone(session)
    assert (owner.id, again.id, owner.role) == (coach_id, coach_id, CoachRole.OWNER)
    assert len(everyone) == 1


async def test_a_member_is_heard_by_their_coach_then_owners_who_hear_everyone(
    database: Database,
) -> None:
    sam = await _coach(database, 1)
    await _coach(database, 2)  # another coach: never hears about Sam's members
    await _coach(database, 3, CoachRole.OWNER)  # an owner who did not opt in
    listening = await _coach(database, 4, CoachRole.OWNER, hears=True)
    maya = await new_member(database, 100, "Maya")
    async with database.transaction() as session:
        await repo.members.set_coach(session, maya, sam)
        hearing = await repo.coaches.hearing_about(session, maya)
    assert [coach.id for coach in hearing] == [sam, listening]


async def test_removing_a_coach_ends_their_invites_and_leaves_members_without_one(
    database: Database,
) -> None:
    sam = await _coach(database, 1)
    await _invite(database, sam)
    maya = await new_member(database, 100, "Maya")
    async with database.transaction() as session:
        await repo.members.set_coach(session, maya, sam)
        await repo.coaches.delete(session, sam)
    async with database.transaction() as session:
        member = await repo.members.get(session, maya)
        assert await repo.invites.get(session, "abc") is None
    assert member is not None
    assert member.coach_id is None


async def test_an_invite_is_redeemed_up_to_its_uses(database: Database) -> None:
    await _invite(database, await _coach(database, 1), uses=2)
    uses = []
    async with database.transaction() as session:
        for _ in range(3):
            invite = await repo.invites.redeem(session, "abc", now=NOW)
            uses.append(invite.uses if invite else None)
    assert uses == [1, 2, None]


@pytest.mark.parametrize(
    ("ended_by", "at"),
    [("expiry", LATER), ("revocation", NOW)],
    ids=["expired", "revoked"],
)
async def test_an_ended_invite_is_not_redeemed(
    database: Database, ended_by: str, at: object
) -> None:
    await _invite(database, await _coach(database, 1))
    async with database.transaction() as session:
        if ended_by == "revocation":
            await repo.invites.revoke(session, "abc", now=NOW)
        assert await repo.invites.redeem(session, "abc", now=at) is None  # type: ignore[arg-type]


async def test_two_people_opening_the_last_use_at_once_get_it_once(database: Database) -> None:
    await _invite(database, await _coach(database, 1))

    async def open_link() -> bool:
        async with database.transaction() as session:
            return await repo.invites.redeem(session, "abc", now=NOW) is not None

    assert sorted(await asyncio.gather(open_link(), open_link())) == [False, True]


async def test_a_member_invite_needs_a_protocol(database: Database) -> None:
    coach_id = await _coach(database, 1)
    with pytest.raises(IntegrityError):
        async with database.transaction() as session:
            await repo.invites.add(
                session,
                "xyz",
                coach_id,
                InviteKind.MEMBER,
                protocol=None,
                max_uses=1,
                expires_at=LATER,
                now=NOW,
            )


async def test_invites_are_listed_newest_first_one_coachs_or_everyones(
    database: Database,
) -> None:
    sam, kim = await _coach(database, 1), await _coach(database, 2)
    await _invite(database, sam, "old")
    async with database.transaction() as session:
        await repo.invites.add(
            session,
            "new",
            kim,
            InviteKind.COACH,
            protocol=None,
            max_uses=1,
            expires_at=LATER,
            now=NOW + timedelta(hours=1),
        )
        everyone = await repo.invites.listed(session, expiring_after=NOW)
        sams = await repo.invites.listed(session, expiring_after=NOW, coach_id=sam)
        none_left = await repo.invites.listed(session, expiring_after=LATER)
    assert [invite.code for invite, _ in everyone] == ["new", "old"]
    assert [invite.code for invite, _ in sams] == ["old"]
    assert none_left == []
