"""The dashboard's units of work without Telegram or HTTP: whose members a coach sees, and the
member's thread as the stored messages either way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from bot.context import BotServices
from bot.services import dashboard
from bot.services import messages as line
from protocols.loader import load_protocol_library
from storage import repository
from storage.database import Database
from storage.models import CoachRole, MessageKind

NOW = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
MAYA, BEN = 4242, 4343
OWNER_USER, COACH_USER, OTHER_COACH_USER = 900_001, 900_002, 900_003


@pytest.fixture
async def services(database: Database) -> BotServices:
    """Maya, coached by COACH_USER; Ben, coached by OTHER_COACH_USER; and an owner."""
    services = BotServices(Settings(_env_file=None), database, load_protocol_library(None))
    async with database.transaction() as session:
        await repository.coaches.add(session, OWNER_USER, CoachRole.OWNER, now=NOW)
        for user, name, coach_user in ((MAYA, "Maya", COACH_USER), (BEN, "Ben", OTHER_COACH_USER)):
            coach = await repository.coaches.add(session, coach_user, CoachRole.COACH, now=NOW)
            assert coach is not None
            await repository.members.upsert(
                session,
                telegram_user_id=user,
                chat_id=user,
                name=name,
                username=None,
                time_zone=services.settings.tz,
                now=NOW,
                coach_id=coach.id,
            )
    return services


async def access_of(services: BotServices, user_id: int) -> dashboard.CoachAccess:
    access = await dashboard.coach_access(services, user_id)
    assert access is not None
    return access


async def member_id(services: BotServices, user_id: int) -> int:
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
    assert member is not None
    return member.id


@pytest.mark.parametrize(
    ("user_id", "names"),
    [
        pytest.param(COACH_USER, ["Maya"], id="a-coach-their-own"),
        pytest.param(OWNER_USER, ["Ben", "Maya"], id="an-owner-everyone"),
    ],
)
async def test_the_members_view_lists_the_members_the_coach_sees(
    services: BotServices, user_id: int, names: list[str]
) -> None:
    rows = await dashboard.roster(services, await access_of(services, user_id), NOW)
    assert [row.member.name for row in rows] == names


async def test_a_coach_cannot_write_to_another_coachs_member(services: BotServices) -> None:
    access = await access_of(services, COACH_USER)
    assert await dashboard.message_target(services, access, await member_id(services, BEN)) is None


async def write_from_the_dashboard(services: BotServices, text: str, at: datetime) -> None:
    access = await access_of(services, COACH_USER)
    target = await dashboard.message_target(services, access, await member_id(services, MAYA))
    assert target is not None
    outgoing = line.Outgoing(MessageKind.TEXT, text, None, None, "Sam", member_message_id=81)
    await line.coach_wrote(services, target, outgoing, at)


async def test_a_message_written_in_the_dashboard_is_in_the_thread_as_the_coachs(
    services: BotServices,
) -> None:
    await write_from_the_dashboard(services, "How did the bridges feel?", NOW)
    access = await access_of(services, COACH_USER)
    found = await dashboard.member_file(services, access, await member_id(services, MAYA), NOW)
    assert found is not None
    [entry] = found.thread
    assert (entry.from_member, entry.coach_name, entry.text) == (
        False,
        "Sam",
        "How did the bridges feel?",
    )


async def test_the_thread_is_the_stored_messages_either_way_oldest_first(
    services: BotServices,
) -> None:
    incoming = line.Incoming(MessageKind.TEXT, "Bridges hurt a bit.", 70)
    await line.relay(services, MAYA, incoming, NOW)
    await write_from_the_dashboard(services, "Let's skip them this week.", NOW + timedelta(1))
    access = await access_of(services, COACH_USER)
    found = await dashboard.member_file(services, access, await member_id(services, MAYA), NOW)
    assert found is not None
    assert [(entry.from_member, entry.text) for entry in found.thread] == [
        (True, "Bridges hurt a bit."),
        (False, "Let's skip them this week."),
    ]


async def test_a_message_written_in_the_dashboard_closes_the_members_bundle(
    services: BotServices,
) -> None:
    await line.relay(services, MAYA, line.Incoming(MessageKind.TEXT, "ok?", 70), NOW)
    await write_from_the_dashboard(services, "Yes!", NOW + timedelta(seconds=10))
    after = await line.relay(
        services, MAYA, line.Incoming(MessageKind.TEXT, "thanks", 72), NOW + timedelta(seconds=20)
    )
    assert isinstance(after, line.Relayed)
    assert after.opened  # what Maya sends next notifies the coach again
