"""SQLite files are private, erased text leaves no trace in them, and backups are consistent."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from storage import repository as repo
from storage.database import Database, backup_sqlite
from storage.migrations_runner import upgrade_async

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
NOTE = "sharp pain radiating down my left leg since the fall"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _files_of(database_file: Path) -> list[Path]:
    """The database file and whichever of its WAL and SHM exist."""
    candidates = [database_file, *(Path(f"{database_file}{side}") for side in ("-wal", "-shm"))]
    return [path for path in candidates if path.exists()]


async def _connected(database_file: Path) -> Database:
    url = f"sqlite+aiosqlite:///{database_file}"
    await upgrade_async(url)
    return await Database.connect(url)


async def _member_with_note(database: Database, note: str) -> int:
    async with database.transaction() as session:
        member = await repo.members.upsert(
            session,
            telegram_user_id=555,
            chat_id=555,
            name="Maya",
            username=None,
            time_zone=ZoneInfo("UTC"),
            now=NOW,
        )
        await repo.check_ins.add(session, member.id, pain=6, note=note, now=NOW)
        return member.id


async def test_the_database_wal_and_shm_are_readable_by_the_bot_alone(tmp_path: Path) -> None:
    database_file = tmp_path / "state" / "bot.sqlite3"
    database = await _connected(database_file)
    try:
        await _member_with_note(database, NOTE)
        files = _files_of(database_file)
        assert {path.name for path in files} == {
            "bot.sqlite3",
            "bot.sqlite3-wal",
            "bot.sqlite3-shm",
        }
        assert {path.name: _mode(path) for path in files} == {path.name: 0o600 for path in files}
        assert _mode(database_file.parent) == 0o700
    finally:
        await database.dispose()


async def test_an_existing_world_readable_database_is_made_private(tmp_path: Path) -> None:
    database_file = tmp_path / "bot.sqlite3"
    sqlite3.connect(database_file).close()
    database_file.chmod(0o644)
    database = await _connected(database_file)
    await database.dispose()
    assert _mode(database_file) == 0o600


async def test_an_erased_note_is_in_no_database_file_after_the_checkpoint(tmp_path: Path) -> None:
    database_file = tmp_path / "bot.sqlite3"
    database = await _connected(database_file)
    try:
        member_id = await _member_with_note(database, NOTE)
        assert await database.checkpoint()  # the note is in the main file now, not only the WAL
        async with database.transaction() as session:
            assert await repo.members.delete(session, member_id)
        assert await database.checkpoint()
        leftovers = [
            path.name for path in _files_of(database_file) if NOTE.encode() in path.read_bytes()
        ]
    finally:
        await database.dispose()
    assert leftovers == []


async def test_the_note_is_found_in_the_files_before_it_is_erased(tmp_path: Path) -> None:
    """The search above can find the note: it is there while the member exists."""
    database_file = tmp_path / "bot.sqlite3"
    database = await _connected(database_file)
    try:
        await _member_with_note(database, NOTE)
        assert any(NOTE.encode() in path.read_bytes() for path in _files_of(database_file))
    finally:
        await database.dispose()


async def test_a_backup_is_a_valid_database_with_the_same_rows(tmp_path: Path) -> None:
    database_file = tmp_path / "bot.sqlite3"
    database = await _connected(database_file)
    try:
        await _member_with_note(database, NOTE)
        backup = tmp_path / "backup.sqlite3"
        backup_sqlite(f"sqlite+aiosqlite:///{database_file}", backup)  # while the bot runs
    finally:
        await database.dispose()
    query = (
        "SELECT m.name, s.pain, s.note FROM members m JOIN symptom_reports s ON s.member_id = m.id"
    )
    with sqlite3.connect(backup) as copy, sqlite3.connect(database_file) as original:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute(query).fetchall() == original.execute(query).fetchall()
        assert copy.execute(query).fetchall() == [("Maya", 6, NOTE)]
    assert _mode(backup) == 0o600


def test_a_backup_never_overwrites_a_file(tmp_path: Path) -> None:
    database_file = tmp_path / "bot.sqlite3"
    sqlite3.connect(database_file).close()
    existing = tmp_path / "precious.sqlite3"
    existing.write_bytes(b"keep me")
    with pytest.raises(FileExistsError):
        backup_sqlite(f"sqlite+aiosqlite:///{database_file}", existing)
    assert existing.read_bytes() == b"keep me"
