"""A flag's reason, and a rule's piece of evidence, are kept as a message still to be said
(JSON, beside their English words); flags from before migration 0011 have none, and going
back to 0010 keeps their words."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import command
from sqlalchemy import text
from storage_support import NOW, PAIN_FLAG, new_member

from storage import repository as repo
from storage.database import Database
from storage.migrations_runner import alembic_config
from storage.models import EvidenceSource, FlagLevel

MESSAGE: dict[str, Any] = {
    "message": "High pain: {pain}/10 {where} (critical at {threshold} or more).",
    "params": {
        "pain": 7,
        "where": {
            "message": "after the session on {day}",
            "params": {"day": {"date": "2025-03-03"}},
        },
        "threshold": 7,
    },
}
ENGLISH = "High pain: 7/10 after the session on Mon 3 Mar (critical at 7 or more)."


async def test_a_flags_reason_is_kept_as_its_message_and_its_words(database: Database) -> None:
    member_id = await new_member(database, 8, "Kim")
    async with database.transaction() as session:
        await repo.flags.add(
            session, member_id, *PAIN_FLAG, ENGLISH, now=NOW, reason_message=MESSAGE
        )
    async with database.read() as session:
        [flag] = await repo.flags.unacknowledged(session, member_id)
    assert (flag.reason, flag.reason_message) == (ENGLISH, MESSAGE)


async def test_a_rules_evidence_keeps_its_message_and_a_members_words_none(
    database: Database,
) -> None:
    member_id = await new_member(database, 8, "Kim")
    async with database.transaction() as session:
        flag = await repo.flags.add(session, member_id, *PAIN_FLAG, ENGLISH, now=NOW)
        assert flag is not None
        for source, words, message in (
            (EvidenceSource.CHECK_IN, ENGLISH, MESSAGE),
            (EvidenceSource.MESSAGE, "my legs feel weak", None),
        ):
            await repo.flags.add_evidence(
                session, flag.id, source, FlagLevel.HIGH, "high_pain", words, now=NOW,
                reason_message=message,
            )  # fmt: skip
    async with database.read() as session:
        evidence = await repo.flags.evidence(session, flag.id)
    assert [piece.reason_message for piece in evidence] == [MESSAGE, None]


async def test_going_back_before_reason_messages_keeps_every_flags_words(
    database_url: str,
) -> None:
    config = alembic_config(database_url)
    await asyncio.to_thread(command.upgrade, config, "head")
    database = await Database.connect(database_url)
    try:
        member_id = await new_member(database, 8, "Kim")
        async with database.transaction() as session:
            await repo.flags.add(
                session, member_id, *PAIN_FLAG, ENGLISH, now=NOW, reason_message=MESSAGE
            )
    finally:
        await database.dispose()
    await asyncio.to_thread(command.downgrade, config, "0010")
    database = await Database.connect(database_url)
    try:
        async with database.engine.connect() as connection:
            reasons = (await connection.execute(text("SELECT reason FROM flags"))).scalars()
            assert list(reasons) == [ENGLISH]
    finally:
        await database.dispose()
