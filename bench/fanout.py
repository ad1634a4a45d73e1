"""Reminder fan-out: every member due at the same minute, the emulator enforcing 30 sends/s.

Members are seeded with their daily reminder at the next full minute at least ``LEAD``
seconds away (quiet hours off), the bot is started, and the run ends when every member has
had one reminder or the time allowed has passed. Reported: delivered per second against the
30/s ceiling (target >= 95 %), members without a reminder (lost), members with more than one
(duplicates), and the 429s the emulator answered (handled when nothing was lost).

    .venv/bin/python -m bench.fanout                  # 10,000 members, about 6 minutes
    .venv/bin/python -m bench.fanout --members 1000   # quick run, about 1.5 minutes
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from bench.harness import (
    add_emulator_users,
    bot_environment,
    bot_process,
    fresh_database,
    mark,
    seed_members,
)
from emulator import BotApiEmulator

CEILING = 30
TARGET_SHARE = 0.95
LEAD = timedelta(seconds=20)
"""Time the bot gets to start (and rebuild its schedule) before the reminders fall due."""
SETTLE = 3.0
"""Seconds to keep watching after the last reminder, for late duplicates."""


def due_minute(now: datetime) -> datetime:
    return (now + LEAD + timedelta(minutes=1)).replace(second=0, microsecond=0)


def reminders_per_chat(emulator: BotApiEmulator) -> Counter[int]:
    return Counter(
        int(request.params["chat_id"])
        for request in emulator.requests
        if request.method == "sendMessage" and request.status == 200
    )


async def run(members: int, database: str) -> None:
    async with BotApiEmulator(seed=1) as emulator, fresh_database(database) as url:
        add_emulator_users(emulator, members)
        due = due_minute(datetime.now(UTC))
        await seed_members(url, members, reminder_time=due.time())
        limiter = emulator.enforce_rate_limit(per_second=CEILING, per_chat_per_second=1)
        environment = bot_environment(emulator, url) | {
            "QUIET_START": "00:00",  # equal start and end: no quiet hours, whatever the hour
            "QUIET_END": "00:00",
        }
        loop = asyncio.get_running_loop()
        due_on_loop = loop.time() + (due.timestamp() - time.time())
        allowed = (due_on_loop - loop.time()) + members / CEILING * 2 + 60
        async with bot_process(emulator, ["-m", "bot", "run"], environment):
            # Count only the requests logged since the last look: rescanning the whole log
            # every second would stall the emulator's loop (it shares this process) and bunch
            # the bot's requests into the flood limiter's window.
            delivered: set[int] = set()
            seen = 0
            deadline = loop.time() + allowed
            while len(delivered) < members and loop.time() < deadline:
                await asyncio.sleep(1.0)
                fresh = emulator.requests[seen:]
                seen += len(fresh)
                delivered.update(
                    int(r.params["chat_id"])
                    for r in fresh
                    if r.method == "sendMessage" and r.status == 200
                )
            await asyncio.sleep(SETTLE)
        sends = [r for r in emulator.requests if r.method == "sendMessage" and r.status == 200]
        per_chat = reminders_per_chat(emulator)
    last = max((r.time for r in sends), default=due_on_loop)
    seconds = max(last - due_on_loop, 1e-9)
    rate = len(per_chat) / seconds
    share = rate / CEILING
    lost = members - len(per_chat)
    duplicates = sum(count - 1 for count in per_chat.values())
    print(
        f"fanout delivered   {len(per_chat)}/{members} reminders in {seconds:.1f} s after the "
        f"due minute ({database})"
    )
    print(
        f"fanout rate        {rate:.1f}/s = {share:.1%} of the {CEILING}/s ceiling "
        f"(target >= {TARGET_SHARE:.0%}) {mark(share, TARGET_SHARE)}"
    )
    print(f"fanout lost        {lost} (target 0) {mark(lost, 1, at_least=False)}")
    print(f"fanout duplicates  {duplicates} (target 0) {mark(duplicates, 1, at_least=False)}")
    print(
        f"fanout 429s        {limiter.rejected} answered by the emulator, "
        f"{'all retried' if lost == 0 else f'{lost} reminders never arrived'}"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=10_000, help="members due (10000)")
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    asyncio.run(run(args.members, args.database))
