"""Coach authorisation in the services: who is a coach where, and a coach sees and acts on
their own members only, while an owner sees everyone (on SQLite and PostgreSQL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.config import Settings
from bot.context import BotServices
from bot.services import coach, coaches, export, invites, messages
from bot.services.profile import Profile
from protocols.loader import load_protocol_library
from storage import repository
from storage.database import Database
from storage.models import CoachRole, FlagKind, FlagLevel, FormCheckKind

NOW = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)
OWNER, SAM, KIM, STRANGER = 900_001, 900_002, 900_003, 100_999
GROUP, OTHER_GROUP = -100_500, -100_600
PROTOCOL = "lower-back-pain-relief-lvl1"


@dataclass
class Gym:
    """An owner, coaches Sam and Kim, Sam's member Maya and Kim's member Lee, each with an
    open flag and a form check."""

    services: BotServices
    owner: coaches.Viewer
    sam: coaches.Viewer
    kim: coaches.Viewer
    maya: int
    lee: int
    maya_flag: int
    lee_flag: int
    lee_check: int


def _profile(user_id: int, chat_id: int | None = None) -> Profile:
    return Profile(user_id, user_id if chat_id is None else chat_id, "Someone", "Someone", None)


async def _viewer(services: BotServices, user_id: int) -> coaches.Viewer:
    viewer = await coaches.authorise(services, _profile(user_id), private=True)
    assert viewer is not None
    return viewer


async def _member(services: BotServices, user_id: int, name: str, coach_user: int) -> int:
    async with services.database.transaction() as session:
        owner = await repository.coaches.by_user_id(session, coach_user)
        assert owner is not None
        member = await repository.members.upsert(
            session,
            telegram_user_id=user_id,
            chat_id=user_id,
            name=name,
            username=name.lower(),
            time_zone=ZoneInfo("UTC"),
            now=NOW,
            coach_id=owner.id,
        )
        await repository.members.set_consent(session, member.id, NOW)
        await repository.members.set_onboarded(session, member.id, NOW)
        await repository.enrolments.enrol(
            session,
            member.id,
            protocol=PROTOCOL,
            workout_days={0, 2, 4},
            reminder_time=time(18, 0),
            start_date=date(2025, 3, 3),
        )
        workout = await repository.sessions.start(
            session, member.id, protocol=PROTOCOL, workout_key="day-1", now=NOW
        )
        await repository.sessions.finish(session, workout.id, now=NOW)
        await repository.check_ins.add(session, member.id, pain=6, session_id=workout.id, now=NOW)
        return member.id


async def _flag_and_check(services: BotServices, member_id: int) -> tuple[int, int]:
    async with services.database.transaction() as session:
        flag = await repository.flags.add(
            session,
            member_id,
            FlagKind.RED_FLAG,
            FlagLevel.URGENT,
            "severe_pain",
            "pain 9",
            now=NOW,
        )
        check = await repository.form_checks.add(
            session, member_id, file_id="f", file_unique_id="u", kind=FormCheckKind.VIDEO, now=NOW
        )
    assert flag is not None
    return flag.id, check.id


@pytest.fixture
async def gym(database: Database) -> Gym:
    settings = Settings(_env_file=None, coach_chat_ids=(OWNER, GROUP))
    services = BotServices(settings, database, load_protocol_library())
    await coaches.seed_owners(services, NOW)
    async with database.transaction() as session:
        for user_id in (SAM, KIM):
            await repository.coaches.add(session, user_id, CoachRole.COACH, now=NOW)
    maya = await _member(services, 100_001, "Maya", SAM)
    lee = await _member(services, 100_002, "Lee", KIM)
    maya_flag, _ = await _flag_and_check(services, maya)
    lee_flag, lee_check = await _flag_and_check(services, lee)
    return Gym(
        services,
        await _viewer(services, OWNER),
        await _viewer(services, SAM),
        await _viewer(services, KIM),
        maya,
        lee,
        maya_flag,
        lee_flag,
        lee_check,
    )


# --- who is a coach, where ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("user_id", "chat_id", "private", "coach_id_expected"),
    [
        pytest.param(SAM, SAM, True, True, id="a coach in their own private chat"),
        pytest.param(SAM, GROUP, False, True, id="a coach in a configured coach group"),
        pytest.param(SAM, OTHER_GROUP, False, False, id="a coach in any other group"),
        pytest.param(SAM, STRANGER, True, False, id="a forged private chat that is not theirs"),
        pytest.param(STRANGER, STRANGER, True, False, id="a member in their private chat"),
        pytest.param(STRANGER, GROUP, False, False, id="a member in a coach group"),
        pytest.param(STRANGER, OWNER, True, False, id="a member forging the owner's chat id"),
    ],
)
async def test_coach_rights_go_by_the_user_and_the_chat(
    gym: Gym, user_id: int, chat_id: int, private: bool, coach_id_expected: bool
) -> None:
    viewer = await coaches.authorise(gym.services, _profile(user_id, chat_id), private)
    assert (viewer is not None) == coach_id_expected


async def test_the_owner_from_the_configuration_is_an_owner(gym: Gym) -> None:
    assert (gym.owner.owner, gym.sam.owner) == (True, False)


# --- a coach sees their own members; an owner sees everyone ------------------------------------


async def test_a_coach_lists_only_their_own_members(gym: Gym) -> None:
    rows = await coach.member_rows(gym.services, gym.sam, NOW)
    assert [row.member.name for row in rows] == ["Maya"]
    assert rows[0].coach is None  # a coach is not told whose they are: they are all theirs


async def test_an_owner_lists_every_member_with_their_coach(gym: Gym) -> None:
    rows = await coach.member_rows(gym.services, gym.owner, NOW)
    assert [(row.member.name, row.coach and row.coach.user_id) for row in rows] == [
        ("Lee", KIM),
        ("Maya", SAM),
    ]


@pytest.mark.parametrize("reference", ["lee", 2], ids=["by username", "by number"])
async def test_another_coachs_member_looks_like_no_member(gym: Gym, reference: str | int) -> None:
    reference = gym.lee if reference == 2 else reference
    assert await coach.member_detail(gym.services, gym.sam, reference, NOW) is None
    assert await coach.member_detail(gym.services, gym.owner, reference, NOW) is not None


async def test_a_coach_sees_only_their_own_members_flags(gym: Gym) -> None:
    sams = await coach.open_flags(gym.services, gym.sam)
    everyone = await coach.open_flags(gym.services, gym.owner)
    assert [member.name for _, member in sams] == ["Maya"]
    assert sorted(member.name for _, member in everyone) == ["Lee", "Maya"]


async def test_a_coach_cannot_acknowledge_another_coachs_flag(gym: Gym) -> None:
    result = await coach.acknowledge(gym.services, gym.sam, gym.lee_flag, NOW)
    assert result == coach.NoSuchFlag(gym.lee_flag)
    async with gym.services.database.transaction() as session:
        flag = await repository.flags.get(session, gym.lee_flag)
    assert flag is not None
    assert flag.acknowledged_at is None


async def test_an_owner_acknowledges_any_flag(gym: Gym) -> None:
    result = await coach.acknowledge(gym.services, gym.owner, gym.lee_flag, NOW)
    assert result == coach.Acknowledged(gym.lee_flag, "Lee")


async def test_a_coach_cannot_assign_another_coachs_member(gym: Gym) -> None:
    protocol = gym.services.protocol("7-exercise-protocol-lower-back-relief")
    assert protocol is not None
    result = await coach.assign(gym.services, gym.sam, gym.lee, protocol, NOW)
    assert result == coach.NoSuchMember()


async def test_a_coach_exports_only_their_own_members(gym: Gym) -> None:
    rows = await export.rows(gym.services, gym.sam)
    assert {row["member_name"] for row in rows} == {"Maya"}
    assert {row["member_name"] for row in await export.rows(gym.services, gym.owner)} == {
        "Maya",
        "Lee",
    }


async def test_a_coach_cannot_answer_another_coachs_form_check(gym: Gym) -> None:
    services, check = gym.services, gym.lee_check
    target = await messages.reply_target(services, gym.sam, SAM, 1, form_check_mark=check)
    assert target == messages.NotYourMember("Lee")
    owners = await messages.reply_target(services, gym.owner, OWNER, 1, form_check_mark=check)
    assert isinstance(owners, messages.ReplyTarget)


async def test_a_coach_cannot_start_a_conversation_with_another_coachs_member(gym: Gym) -> None:
    assert await messages.member_target(gym.services, gym.sam, "lee") is None
    assert await messages.member_target(gym.services, gym.kim, "lee") is not None


# --- moving members between coaches ------------------------------------------------------------


async def test_a_coach_hands_their_member_to_another_coach_and_no_longer_sees_them(
    gym: Gym,
) -> None:
    result = await coach.hand_over(gym.services, gym.sam, "maya", KIM)
    assert isinstance(result, coach.HandedOver)
    assert result.coach.user_id == KIM
    assert await coach.member_detail(gym.services, gym.sam, "maya", NOW) is None
    assert await coach.member_detail(gym.services, gym.kim, "maya", NOW) is not None
    assert await coaches.chats_for_member(gym.services, gym.maya) == [KIM]


async def test_a_coach_cannot_take_another_coachs_member(gym: Gym) -> None:
    assert await coach.hand_over(gym.services, gym.sam, "lee", SAM) == coach.NoSuchMember()


# --- who hears about a member ------------------------------------------------------------------


async def test_a_member_is_heard_by_their_coach_and_owners_who_opt_in(gym: Gym) -> None:
    assert await coaches.chats_for_member(gym.services, gym.maya) == [SAM]
    await coaches.hear_everyone(gym.services, gym.owner, True)
    assert await coaches.chats_for_member(gym.services, gym.maya) == [SAM, OWNER]


async def test_only_an_owner_may_hear_about_everyone(gym: Gym) -> None:
    assert await coaches.hear_everyone(gym.services, gym.sam, True) == coaches.OwnersOnly()
    assert await coaches.chats_for_member(gym.services, gym.lee) == [KIM]


# --- owners manage coaches; invites ------------------------------------------------------------


async def test_a_coach_cannot_manage_coaches(gym: Gym) -> None:
    services, sam = gym.services, gym.sam
    assert await coaches.add_coach(services, sam, 5, False, NOW) == coaches.OwnersOnly()
    assert await coaches.remove_coach(services, sam, KIM) == coaches.OwnersOnly()
    assert await coaches.staff(services, sam) == coaches.OwnersOnly()
    assert await invites.for_coach(services, sam, False, NOW) == invites.OwnersOnly()


async def test_removing_a_coach_gives_their_members_to_the_owner(gym: Gym) -> None:
    result = await coaches.remove_coach(gym.services, gym.owner, KIM)
    assert isinstance(result, coaches.CoachRemoved)
    assert result.members_moved == 1
    assert await coaches.chats_for_member(gym.services, gym.lee) == [OWNER]
    assert await coaches.authorise(gym.services, _profile(KIM), private=True) is None


@pytest.mark.parametrize(
    ("user_id", "refusal"),
    [
        pytest.param(OWNER, coaches.NotYourself(), id="themselves"),
        pytest.param(STRANGER, coaches.NotACoach(STRANGER), id="someone who is no coach"),
    ],
)
async def test_an_owner_cannot_remove(gym: Gym, user_id: int, refusal: object) -> None:
    assert await coaches.remove_coach(gym.services, gym.owner, user_id) == refusal


async def test_an_owner_from_the_configuration_cannot_be_removed(gym: Gym) -> None:
    async with gym.services.database.transaction() as session:
        await repository.coaches.add(session, 5, CoachRole.OWNER, now=NOW)
    other_owner = await _viewer(gym.services, 5)
    result = await coaches.remove_coach(gym.services, other_owner, OWNER)
    assert isinstance(result, coaches.ConfiguredOwner)


async def test_a_coach_revokes_only_their_own_invites(gym: Gym) -> None:
    protocol = gym.services.protocol(PROTOCOL)
    assert protocol is not None
    kims = await invites.for_member(gym.services, gym.kim, protocol, NOW)
    assert await invites.revoke(gym.services, gym.sam, kims.code, NOW) == invites.NoSuchInvite(
        kims.code
    )
    assert await invites.revoke(gym.services, gym.owner, kims.code, NOW) == invites.Revoked(
        kims.code
    )


async def test_a_coach_lists_only_their_own_invites(gym: Gym) -> None:
    protocol = gym.services.protocol(PROTOCOL)
    assert protocol is not None
    await invites.for_member(gym.services, gym.kim, protocol, NOW)
    sams = await invites.for_member(gym.services, gym.sam, protocol, NOW, uses=3, days=2)
    listed = await invites.listing(gym.services, gym.sam, NOW)
    assert [(line.code, line.max_uses, line.ended) for line in listed] == [(sams.code, 3, None)]
    assert len(await invites.listing(gym.services, gym.owner, NOW)) == 2


async def test_invite_codes_are_random_and_fit_a_deep_link(gym: Gym) -> None:
    protocol = gym.services.protocol(PROTOCOL)
    assert protocol is not None
    codes = {(await invites.for_member(gym.services, gym.sam, protocol, NOW)).code for _ in "abc"}
    assert len(codes) == 3
    assert all(
        len(code) <= 64 and code.replace("-", "").replace("_", "").isalnum() for code in codes
    )
