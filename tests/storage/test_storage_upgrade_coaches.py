"""Upgrading a database from before coaches (revision 0003) keeps every member and everything
of theirs, and start-up gives each member to the first owner from COACH_CHAT_IDS."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from alembic import command
from sqlalchemy import func, select, text

from bot.config import Settings
from bot.context import BotServices
from bot.services import coaches
from storage import repository
from storage.database import Database
from storage.migrations_runner import alembic_config, upgrade_async
from storage.models import CoachRole, Enrolment, Flag, FormCheck, SymptomReport, WorkoutSession

FIRST_OWNER, SECOND_OWNER = 900_001, 900_002
REVISION_BEFORE = "0003"

# Rows written as the bot wrote them before coaches existed (plain SQL: the models are newer).
BEFORE_COACHES = [
    "INSERT INTO members (id, telegram_user_id, chat_id, name, username, time_zone, consent_at,"
    " onboarded_at, paused, inactive, awaiting, created_at) VALUES"
    " (1, 101, 101, 'Maya', 'maya', 'Europe/Lisbon', '2025-03-01 08:00:00',"
    " '2025-03-01 08:05:00', FALSE, FALSE, NULL, '2025-03-01 08:00:00'),"
    " (2, 102, 102, 'Kim', NULL, 'UTC', NULL, NULL, TRUE, FALSE, NULL, '2025-03-02 09:00:00')",
    "INSERT INTO enrolments (id, member_id, protocol, workout_days, reminder_time, start_date,"
    " active, snoozed_until) VALUES"
    " (1, 1, 'lower-back-pain-relief-lvl1', '0,2,4', '18:00:00', '2025-03-01', TRUE, NULL)",
    "INSERT INTO workout_sessions (id, member_id, protocol, workout_key, started_at,"
    " finished_at, status, current_step, step_message_id) VALUES"
    " (1, 1, 'lower-back-pain-relief-lvl1', 'day-1', '2025-03-03 18:00:00',"
    " '2025-03-03 18:30:00', 'finished', 12, NULL)",
    "INSERT INTO symptom_reports (id, member_id, session_id, pain, note, at) VALUES"
    " (1, 1, 1, 6, 'stiff', '2025-03-03 18:31:00')",
    "INSERT INTO flags (id, member_id, kind, reason, raised_at) VALUES"
    " (1, 1, 'worsening', 'pain rising', '2025-03-03 18:31:00')",
    "INSERT INTO form_checks (id, member_id, file_id, file_unique_id, kind, at) VALUES"
    " (1, 1, 'file-1', 'unique-1', 'video', '2025-03-03 18:10:00')",
]


@pytest.fixture
async def database_before_coaches(database_url: str) -> AsyncIterator[Database]:
    """A database at the last revision before coaches, holding two members and rows of every
    kind."""
    await asyncio.to_thread(command.upgrade, alembic_config(database_url), REVISION_BEFORE)
    database = await Database.connect(database_url)
    try:
        async with database.engine.begin() as connection:
            for statement in BEFORE_COACHES:
                await connection.execute(text(statement))
        yield database
    finally:
        await database.dispose()


async def _start_up(database: Database, database_url: str, *owners: int) -> coaches.Staffing:
    """What the bot does at start-up: upgrade the schema, then seed the owners."""
    await upgrade_async(database_url)
    settings = Settings(_env_file=None, database_url=database_url, coach_chat_ids=owners)
    services = BotServices(settings, database, library={})
    return await coaches.seed_owners(services, services.clock())


async def _count(database: Database, model: type) -> int:
    async with database.transaction() as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


async def test_the_upgrade_keeps_every_member_and_gives_them_to_the_first_owner(
    database_before_coaches: Database, database_url: str
) -> None:
    database = database_before_coaches
    staffing = await _start_up(database, database_url, FIRST_OWNER, SECOND_OWNER)

    assert (staffing.owners, staffing.members_given_to_first_owner) == (2, 2)
    async with database.transaction() as session:
        first = await repository.coaches.by_user_id(session, FIRST_OWNER)
        everyone = await repository.members.everyone(session)
    assert first is not None
    assert first.role is CoachRole.OWNER
    assert [(m.name, m.coach_id) for m in everyone] == [("Kim", first.id), ("Maya", first.id)]
    maya = everyone[1]
    assert maya.active_enrolment is not None
    assert maya.active_enrolment.protocol == "lower-back-pain-relief-lvl1"
    assert maya.active_enrolment.set_by_coach is False
    assert [flag.reason for flag in maya.open_flags] == ["pain rising"]


async def test_the_upgrade_keeps_every_row_of_every_member(
    database_before_coaches: Database, database_url: str
) -> None:
    database = database_before_coaches
    await _start_up(database, database_url, FIRST_OWNER)
    counts = [
        await _count(database, model)
        for model in (Enrolment, WorkoutSession, SymptomReport, Flag, FormCheck)
    ]
    assert counts == [1, 1, 1, 1, 1]


async def test_members_kept_while_no_coach_is_configured_go_to_the_first_owner_later(
    database_before_coaches: Database, database_url: str
) -> None:
    database = database_before_coaches
    assert (await _start_up(database, database_url)).members_given_to_first_owner == 0
    async with database.transaction() as session:
        assert {m.coach_id for m in await repository.members.everyone(session)} == {None}

    staffing = await _start_up(database, database_url, SECOND_OWNER)

    assert staffing.members_given_to_first_owner == 2
    async with database.transaction() as session:
        owner = await repository.coaches.by_user_id(session, SECOND_OWNER)
        assert owner is not None
        assert {m.coach_id for m in await repository.members.everyone(session)} == {owner.id}


async def test_a_second_start_up_changes_nobody(
    database_before_coaches: Database, database_url: str
) -> None:
    database = database_before_coaches
    await _start_up(database, database_url, FIRST_OWNER)
    again = await _start_up(database, database_url, FIRST_OWNER)
    assert (again.owners, again.coaches, again.members_given_to_first_owner) == (1, 0, 0)


async def test_a_downgrade_to_before_coaches_keeps_every_member_and_their_rows(
    database_before_coaches: Database, database_url: str
) -> None:
    database = database_before_coaches
    await _start_up(database, database_url, FIRST_OWNER)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), REVISION_BEFORE)
    tables = ("members", "enrolments", "workout_sessions", "symptom_reports", "flags")
    async with database.engine.connect() as connection:
        counts = [
            (await connection.execute(text(f"SELECT count(*) FROM {table}"))).scalar_one()
            for table in (*tables, "form_checks")
        ]
    assert counts == [2, 1, 1, 1, 1, 1]
