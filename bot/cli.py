"""The command line: `run`, `demo`, `db upgrade`, `db backup`, `protocols check`, `protocols show`.

Each command imports what it needs when it runs, so `protocols check` works without a
database driver and a configuration problem is one clear line, never a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.config import ConfigError, load_settings


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    commands.add_parser("run", help="run the bot against Telegram (reads .env)")

    demo = commands.add_parser("demo", help="run the bot against a local emulator with a web chat")
    demo.add_argument("--port", type=int, default=8080, help="web chat port (default 8080)")
    demo.add_argument("--host", default="127.0.0.1", help="web chat address (default 127.0.0.1)")
    demo.add_argument(
        "--database",
        metavar="URL",
        help="the demo's database (default: its own coach-bot-demo.sqlite3; never DATABASE_URL)",
    )

    db = commands.add_parser("db", help="database maintenance")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_commands.add_parser("upgrade", help="upgrade the schema to the latest migration")
    backup = db_commands.add_parser(
        "backup", help="copy the SQLite database to a new file, safely while the bot runs"
    )
    backup.add_argument("path", type=Path, help="the new file (never overwritten)")

    protocols = commands.add_parser("protocols", help="protocol files")
    protocol_commands = protocols.add_subparsers(
        dest="protocols_command", required=True, metavar="ACTION"
    )
    check = protocol_commands.add_parser("check", help="validate protocol files")
    check.add_argument(
        "paths", nargs="*", type=Path, help="files or folders (default: the bundled protocols)"
    )
    show = protocol_commands.add_parser("show", help="print a protocol as a member reads it")
    show.add_argument("name", help="protocol name, e.g. lower-back-pain-relief-lvl1")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the process exit code."""
    args = _build_parser().parse_args(argv)
    try:
        if args.command == "protocols":
            return _protocols(args)
        settings = load_settings()
        if args.command == "db":
            return _db(args, settings.database_url)
        if args.command == "run":
            from bot.app import run_bot

            settings.require_token()
            run_bot(settings)
            return 0
        if args.command == "demo":
            from bot.demo.server import run_demo

            asyncio.run(
                run_demo(settings, host=args.host, port=args.port, database_url=args.database)
            )
            return 0
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    raise AssertionError(f"unhandled command {args.command}")


def _db(args: argparse.Namespace, database_url: str) -> int:
    if args.db_command == "backup":
        return _backup(database_url, args.path)
    from storage.migrations_runner import upgrade

    upgrade(database_url)
    print("database schema is up to date")
    return 0


def _backup(database_url: str, target: Path) -> int:
    from sqlalchemy.engine import make_url

    from storage.database import backup_sqlite, sqlite_file

    if sqlite_file(database_url) is None:
        url = make_url(database_url)
        if url.get_backend_name() == "postgresql":
            libpq_url = url.set(drivername="postgresql").render_as_string(hide_password=True)
            print(
                "backup: DATABASE_URL is PostgreSQL; back it up with pg_dump, e.g.\n"
                f"  pg_dump --format=custom --file {target} '{libpq_url}'\n"
                "(give the password with PGPASSWORD or ~/.pgpass)",
                file=sys.stderr,
            )
        else:
            print("backup: DATABASE_URL names no database file to copy", file=sys.stderr)
        return 2
    try:
        backup_sqlite(database_url, target)
    except FileExistsError:
        print(f"backup: {target} exists; choose a new file name", file=sys.stderr)
        return 1
    except (OSError, sqlite3.Error) as error:
        print(f"backup: {error}", file=sys.stderr)
        return 1
    print(f"database copied to {target}")
    return 0


def _protocols(args: argparse.Namespace) -> int:
    from protocols.loader import bundled_protocols_dir, load_protocol_library
    from protocols.validate import validate_paths

    if args.protocols_command == "check":
        paths = args.paths or [bundled_protocols_dir()]
        problems, checked = validate_paths(paths)
        for problem in problems:
            print(problem, file=sys.stderr)
        print(f"{checked} file(s) checked, {len(problems)} problem(s)")
        return 1 if problems else 0

    from bot.render.protocol_text import protocol_as_text

    library = load_protocol_library()
    protocol = library.get(args.name)
    if protocol is None:
        known = ", ".join(sorted(library))
        print(f"no protocol named {args.name!r}; known: {known}", file=sys.stderr)
        return 1
    print(protocol_as_text(protocol))
    return 0
