"""`python -m bot db backup PATH`: a copy of the SQLite file, or how to back up PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli import main


@pytest.fixture(autouse=True)
def _no_dotenv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .env of the developer's is read


def test_backup_copies_the_sqlite_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database_file = tmp_path / "bot.sqlite3"
    with sqlite3.connect(database_file) as connection:
        connection.execute("CREATE TABLE members (name TEXT)")
        connection.execute("INSERT INTO members VALUES ('Maya')")
    connection.close()
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{database_file}")

    assert main(["db", "backup", str(tmp_path / "copy.sqlite3")]) == 0

    with sqlite3.connect(tmp_path / "copy.sqlite3") as copy:
        assert copy.execute("SELECT name FROM members").fetchall() == [("Maya",)]
    copy.close()
    assert "copy.sqlite3" in capsys.readouterr().out


def test_backup_refuses_to_overwrite_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sqlite3.connect(tmp_path / "bot.sqlite3").close()
    (tmp_path / "copy.sqlite3").write_text("keep me")
    monkeypatch.setenv("DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}")

    assert main(["db", "backup", str(tmp_path / "copy.sqlite3")]) == 1

    assert (tmp_path / "copy.sqlite3").read_text() == "keep me"
    assert "exists" in capsys.readouterr().err


def test_backup_of_postgresql_explains_pg_dump_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://coach:s3cret@db.internal/coach")

    assert main(["db", "backup", "coach.dump"]) == 2

    message = capsys.readouterr().err
    assert (
        "pg_dump --format=custom --file coach.dump 'postgresql://coach:***@db.internal/coach'"
        in message
    )
    assert "s3cret" not in message
