"""A press on the workout card as a unit of work: what it sends to the database, and that what
it reads is the database's latest word (a level changed elsewhere, a double tap).

A Done press on a step reads once (the session, that it is this member's, the later answers,
the levels) and writes twice (the answer; the move with its timer and "time's up" message):
the budget `bench/throughput.py` measures, kept here so a change that adds a statement per
press is seen in review.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from sqlalchemy import event

from bot.config import Settings
from bot.context import BotServices
from bot.services import workouts
from bot.views import CardStep
from protocols.loader import load_protocol_library
from storage import repository
from storage.database import Database
from storage.models import StepOutcome

NOW = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
USER = 4242
PROTOCOL = "lower-back-pain-relief-lvl1"
SUPERSET_E_FIRST_STEP = 5
"""Day 1's step 6: the first set of E1, the Copenhagen Progression (0-based index)."""


@pytest.fixture
async def services(database: Database) -> BotServices:
    services = BotServices(Settings(_env_file=None), database, load_protocol_library(None))
    async with database.transaction() as session:
        member = await repository.members.upsert(
            session,
            telegram_user_id=USER,
            chat_id=USER,
            name="Maya",
            username="maya",
            time_zone=services.settings.tz,
            now=NOW,
        )
        await repository.members.set_onboarded(session, member.id, NOW)
        await repository.enrolments.enrol(
            session,
            member.id,
            protocol=PROTOCOL,
            workout_days=range(7),
            reminder_time=time(7, 30),
            start_date=date(2026, 3, 2),
        )
    return services


async def first_step(services: BotServices) -> CardStep:
    """/today and Skip on the card's first screen: the card at Day 1's first step."""
    started = await workouts.start_or_resume(services, USER, NOW)
    assert isinstance(started, workouts.Started)
    begun = await workouts.pain_before(services, USER, started.card.session_id, None, NOW)
    assert isinstance(begun, workouts.Begun)
    return begun.card


async def done(services: BotServices, card: CardStep) -> workouts.Advanced:
    result = await workouts.answer_step(
        services, USER, card.session_id, card.step.index, StepOutcome.DONE, NOW
    )
    assert isinstance(result, workouts.Advanced)
    return result


@contextmanager
def statements_sent(database: Database) -> Iterator[list[str]]:
    """The first word of every statement sent inside the block (BEGIN left out)."""
    sent: list[str] = []

    def note(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        verb = statement.split(None, 1)[0].upper()
        if verb != "BEGIN":
            sent.append(verb)

    engine = database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


async def test_a_done_press_reads_once_and_writes_the_answer_and_the_move(
    services: BotServices,
) -> None:
    card = await first_step(services)
    card = (await done(services, card)).next or card  # the kept demo clips are read by now
    with statements_sent(services.database) as sent:
        await done(services, card)
    assert sent == ["SELECT", "INSERT", "UPDATE"]


async def test_a_double_tap_on_a_step_writes_nothing(services: BotServices) -> None:
    card = await first_step(services)
    await done(services, card)
    with statements_sent(services.database) as sent:
        again = await workouts.answer_step(
            services, USER, card.session_id, card.step.index, StepOutcome.DONE, NOW
        )
    assert isinstance(again, workouts.AlreadyAnswered)
    assert sent == ["SELECT"]


async def test_a_level_changed_mid_session_is_on_the_next_card(services: BotServices) -> None:
    """A level written outside the member's own presses (as a coach's change would be) shows
    from the next press on: every press reads the levels with the session."""
    card = await first_step(services)
    for _ in range(SUPERSET_E_FIRST_STEP - 1):
        card = (await done(services, card)).next or card
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, USER)
        assert member is not None
        await repository.exercise_levels.choose(
            session, member.id, PROTOCOL, "E1", -1, now=NOW + timedelta(minutes=5)
        )
    following = (await done(services, card)).next
    assert following is not None
    assert (following.step.index, following.level) == (SUPERSET_E_FIRST_STEP, -1)
    assert following.variant.name == "Short-Lever Copenhagen"
