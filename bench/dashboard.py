"""The dashboard's members view with 1,000 members: server time and bytes transferred.

Seeds a practice (each member: 12 finished sessions of 21 answered steps over the last four
weeks, a check-in after each, a form-check video; one in ten with an open flag), serves the
real dashboard site (`bot.web.server.dashboard_app`) on a local port, and asks it for the
members view as the Mini App does (signed initData, gzip accepted): as the owner, who sees
every member, and as a coach whose own members they all are (scoped in SQL). Prints the
server's time per request (a middleware's clock around the handler: p50, p95 and worst of the
runs, and the CPU time) and the bytes on the wire (body as sent, and unpacked).

    .venv/bin/python -m bench.dashboard [--members 1000] [--runs 20] [--database sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import insert, update

from bench.harness import fresh_database, mark, percentile, seed_members
from bot.app import build_application
from bot.config import Settings
from bot.context import BotServices, install
from bot.services import coaches
from bot.web.server import dashboard_app
from emulator.web_apps import init_data
from protocols.loader import load_protocol_library
from storage import repository
from storage.database import Database, create_engine
from storage.models import (
    CoachRole,
    Flag,
    FlagKind,
    FlagLevel,
    FormCheck,
    FormCheckKind,
    Member,
    SessionStatus,
    StepOutcome,
    StepResult,
    SymptomReport,
    WorkoutSession,
)

TOKEN = "123456789:AAFakeTokenForTheDashboardBenchmark_00"
COACH_ID = 900_001
SCOPED_COACH_ID = 900_002
SERVER_MS_TARGET = 300.0
BYTES_TARGET = 1_000_000
SESSIONS = 12
STEPS = 21


async def seed_activity(url: str, members: int, now: datetime) -> None:
    """Sessions, steps, check-ins, form checks and flags for every seeded member, who joined
    six weeks ago (before their first session, as every member does)."""
    engine = create_engine(url)
    session_id = 0
    try:
        async with engine.begin() as connection:
            joined = now - timedelta(weeks=6)
            await connection.execute(update(Member).values(consent_at=joined, onboarded_at=joined))
            for member_id in range(1, members + 1):
                sessions, steps, check_ins = [], [], []
                for number in range(SESSIONS):
                    session_id += 1
                    started = now - timedelta(days=28 - 2 * number, hours=member_id % 12)
                    finished = started + timedelta(minutes=25)
                    sessions.append(
                        {
                            "id": session_id,
                            "member_id": member_id,
                            "protocol": "lower-back-pain-relief-lvl1",
                            "workout_key": "day-1",
                            "started_at": started,
                            "finished_at": finished,
                            "status": SessionStatus.FINISHED,
                            "current_step": STEPS,
                        }
                    )
                    steps += [
                        {
                            "session_id": session_id,
                            "step_index": index,
                            "outcome": StepOutcome.DONE,
                            "at": started + timedelta(minutes=index),
                        }
                        for index in range(STEPS)
                    ]
                    check_ins.append(
                        {
                            "member_id": member_id,
                            "session_id": session_id,
                            "pain": (member_id + number) % 9,
                            "note": "Felt fine." if number % 4 == 0 else None,
                            "at": finished + timedelta(minutes=1),
                        }
                    )
                await connection.execute(insert(WorkoutSession), sessions)
                await connection.execute(insert(StepResult), steps)
                await connection.execute(insert(SymptomReport), check_ins)
            await connection.execute(
                insert(FormCheck),
                [
                    {
                        "member_id": member_id,
                        "file_id": f"file-{member_id}",
                        "file_unique_id": f"unique-{member_id}",
                        "kind": FormCheckKind.VIDEO,
                        "exercise_name": "Bird dog",
                        "at": now - timedelta(days=3),
                    }
                    for member_id in range(1, members + 1)
                ],
            )
            await connection.execute(
                insert(Flag),
                [
                    {
                        "member_id": member_id,
                        "kind": FlagKind.PAIN,
                        "level": FlagLevel.HIGH,
                        "rule": "worsening",
                        "reason": "Pain up three sessions in a row.",
                        "raised_at": now - timedelta(days=1),
                        "updated_at": now - timedelta(days=1),
                    }
                    for member_id in range(1, members + 1, 10)
                ],
            )
    finally:
        await engine.dispose()


def timed(server_ms: list[float], cpu_ms: list[float]) -> Any:
    """Middleware: the server's own time for each members-view request, handler to body, on
    the wall clock and in CPU (this process, the database driver's thread included: on a
    shared machine the wall clock also counts other programs' turns)."""

    @web.middleware
    async def middleware(request: web.Request, handler: Any) -> web.StreamResponse:
        started, cpu = time.perf_counter(), time.process_time()
        response: web.StreamResponse = await handler(request)
        if request.path.endswith("/members"):
            server_ms.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - cpu) * 1000)
        return response

    return middleware


async def add_coach_of_everyone(services: BotServices, now: datetime) -> None:
    """A coach (not an owner) whose members are all the seeded members: their view is scoped
    to their own members in SQL, the owner's is not scoped at all."""
    async with services.database.transaction() as session:
        coach = await repository.coaches.add(session, SCOPED_COACH_ID, CoachRole.COACH, now=now)
        assert coach is not None
        await session.execute(update(Member).values(coach_id=coach.id))


async def members_view(
    port: int, user_id: int, runs: int, server_ms: list[float], cpu_ms: list[float]
) -> Figures:
    """`runs` requests for the members view as this coach, gzip accepted (after one untimed
    request, unpacked, for the size of the JSON)."""
    signed = init_data({"id": user_id, "first_name": "Coach"}, TOKEN)
    headers = {"Authorization": f"tma {signed}"}
    url = f"http://127.0.0.1:{port}/dashboard/api/members"
    async with aiohttp.ClientSession() as http, http.get(url, headers=headers) as response:
        unpacked = len(await response.read())
        assert response.status == 200
    server_ms.clear()
    cpu_ms.clear()
    wire = 0
    async with aiohttp.ClientSession(auto_decompress=False) as http:
        for _ in range(runs):
            async with http.get(url, headers={**headers, "Accept-Encoding": "gzip"}) as response:
                body = await response.read()
                assert response.status == 200, body[:200]
                wire = len(body) + sum(len(k) + len(v) + 4 for k, v in response.raw_headers)
    return Figures(list(server_ms), list(cpu_ms), wire, unpacked)


@dataclass(frozen=True)
class Figures:
    server_ms: list[float]
    cpu_ms: list[float]
    wire: int
    unpacked: int

    def report(self, who: str) -> None:
        p50 = percentile(self.server_ms, 0.5)
        print(
            f"members view {who:9s} server p50 {p50:6.1f} ms"
            f"  p95 {percentile(self.server_ms, 0.95):6.1f} ms"
            f"  worst {max(self.server_ms):6.1f} ms"
            f"  CPU p50 {percentile(self.cpu_ms, 0.5):6.1f} ms over {len(self.server_ms)} requests"
            f" (target < {SERVER_MS_TARGET:.0f} ms) {mark(p50, SERVER_MS_TARGET, at_least=False)}"
        )
        print(
            f"members view {who:9s} transferred {self.wire / 1000:6.1f} kB gzip"
            f" ({self.unpacked / 1000:.1f} kB of JSON unpacked; target < {BYTES_TARGET / 1e6:.0f}"
            f" MB) {mark(self.wire, BYTES_TARGET, at_least=False)}"
        )


async def run(members: int, runs: int, database: str) -> None:
    now = datetime.now(UTC)
    async with fresh_database(database) as url:
        seed_started = time.perf_counter()
        await seed_members(url, members, zone="Europe/Lisbon")
        await seed_activity(url, members, now)
        print(f"seeded     {members} members in {time.perf_counter() - seed_started:.1f} s")
        settings = Settings(
            _env_file=None,
            telegram_bot_token=TOKEN,
            database_url=url,
            coach_chat_ids=(COACH_ID,),
        )
        application = build_application(settings, token=TOKEN, serve_dashboard=False)
        database_handle = await Database.connect(url)
        services = BotServices(settings, database_handle, load_protocol_library())
        install(application.bot_data, services)
        await coaches.seed_owners(services, now)  # COACH_ID: an owner, who sees everyone
        await add_coach_of_everyone(services, now)
        server_ms: list[float] = []
        cpu_ms: list[float] = []
        site = web.Application(middlewares=[timed(server_ms, cpu_ms)])
        site.add_subapp("/dashboard/", dashboard_app(application))
        runner = web.AppRunner(site, access_log=None)
        await runner.setup()
        tcp = web.TCPSite(runner, "127.0.0.1", 0)
        await tcp.start()
        port = runner.addresses[0][1]
        try:
            owner = await members_view(port, COACH_ID, runs, server_ms, cpu_ms)
            coach = await members_view(port, SCOPED_COACH_ID, runs, server_ms, cpu_ms)
        finally:
            await runner.cleanup()
            await database_handle.dispose()
        owner.report("(owner)")
        coach.report("(coach)")
        print(f"machine load average      {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    asyncio.run(run(args.members, args.runs, args.database))


if __name__ == "__main__":
    main()
