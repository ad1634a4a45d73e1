"""Revision 0003 moves each form check's copy in the coach chat to `coach_messages`."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from alembic import command

from storage.migrations_runner import alembic_config


def _sql(db_file: Path, statement: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_file) as connection:
        return connection.execute(statement).fetchall()


async def test_a_form_checks_coach_copy_becomes_a_coach_message(tmp_path: Path) -> None:
    db_file = tmp_path / "bot.sqlite3"
    config = alembic_config(f"sqlite+aiosqlite:///{db_file}")
    await asyncio.to_thread(command.upgrade, config, "0002")
    _sql(
        db_file,
        "INSERT INTO members (id, telegram_user_id, chat_id, name, time_zone, paused, inactive,"
        " created_at) VALUES (1, 7, 7, 'Ann', 'UTC', 0, 0, '2025-03-03 08:00:00')",
    )
    _sql(
        db_file,
        "INSERT INTO form_checks (id, member_id, file_id, file_unique_id, kind, coach_chat_id,"
        " coach_message_id, at) VALUES (4, 1, 'f', 'u', 'video', -100, 55,"
        " '2025-03-03 08:00:00'), (5, 1, 'g', 'v', 'video', NULL, NULL, '2025-03-03 08:01:00')",
    )

    await asyncio.to_thread(command.upgrade, config, "0003")

    assert _sql(
        db_file,
        "SELECT member_id, coach_chat_id, coach_message_id, kind, form_check_id"
        " FROM coach_messages",
    ) == [(1, -100, 55, "form_check", 4)]
    await asyncio.to_thread(command.downgrade, config, "0002")
    assert _sql(
        db_file, "SELECT id, coach_chat_id, coach_message_id FROM form_checks ORDER BY id"
    ) == [
        (4, -100, 55),
        (5, None, None),
    ]
