"""Update throughput: N members each pressing through a workout, the real bot vs a bare echo bot.

Every member sends /today and presses Done on each step as soon as it arrives, all members at
once. For each update, latency runs from the moment the emulator hands it to the bot's
``getUpdates`` to the bot's first reply in that chat (``sendMessage`` or ``editMessageText``);
throughput is updates answered per second over the whole run. The same members do the same
through ``bench.echo_bot`` against the same emulator, bare and with the bot's
``PacedRateLimiter``; the bot's rate is given as a ratio of the bare echo bot's (target >= 0.5)
and of the rate-limited one's. The bot's CPU time per update comes from psutil.

    .venv/bin/python -m bench.throughput --members 50 --database both
    .venv/bin/python -m bench.throughput --members 200 --database sqlite --bot-only
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from unittest import mock

from bench.harness import (
    add_emulator_users,
    bot_environment,
    bot_process,
    fresh_database,
    mark,
    percentile,
    seed_members,
)
from bot.render import texts
from emulator import BotApiEmulator, ChatMessage, SimulatedUser
from emulator.state import EmulatorState

REPLY_METHODS = frozenset({"sendMessage", "editMessageText"})
TARGET_RATIO = 0.5
STEP_TIMEOUT = 120.0


@dataclass(frozen=True)
class Figures:
    name: str
    updates: int
    answered: int
    seconds: float
    p50_ms: float
    p99_ms: float
    cpu_ms_per_update: float
    errors: int

    @property
    def rate(self) -> float:
        return self.answered / self.seconds

    def line(self) -> str:
        return (
            f"throughput {self.name:<16} {self.rate:7.1f} updates/s  "
            f"p50 {self.p50_ms:6.1f} ms  p99 {self.p99_ms:6.1f} ms  "
            f"bot CPU {self.cpu_ms_per_update:4.1f} ms/update  "
            f"({self.answered}/{self.updates} answered in {self.seconds:.1f} s, "
            f"{self.errors} 'something went wrong')"
        )


class DeliveryLog:
    """When the emulator first handed each update to ``getUpdates``, and to which chat."""

    def __init__(self) -> None:
        self.delivered: dict[int, tuple[int, float]] = {}

    @asynccontextmanager
    async def recording(self, state: EmulatorState) -> AsyncIterator[None]:
        original = state.next_updates
        loop = asyncio.get_running_loop()

        async def next_updates(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
            updates = await original(*args, **kwargs)
            now = loop.time()
            for update in updates:
                self.delivered.setdefault(update["update_id"], (_chat_of(update), now))
            return updates

        with mock.patch.object(state, "next_updates", next_updates):
            yield


def _chat_of(update: dict[str, Any]) -> int:
    if "callback_query" in update:
        return int(update["callback_query"]["message"]["chat"]["id"])
    return int(update["message"]["chat"]["id"])


def _is_step_end_or_error(message: ChatMessage) -> bool:
    has_done = any(button.text == "Done" for row in message.keyboard for button in row)
    text = message.text or ""
    return has_done or "Session complete" in text or text == texts.SOMETHING_WENT_WRONG


async def work_out(user: SimulatedUser) -> int:
    """/today, then Done on every step until the session is complete. When the bot says
    something went wrong the member sends /today again (it resumes the session); returns how
    often that happened."""
    errors = 0
    await user.send_command("/today")
    while True:
        message = await user.wait_for_message(_is_step_end_or_error, timeout=STEP_TIMEOUT)
        if "Session complete" in (message.text or ""):
            return errors
        if message.text == texts.SOMETHING_WENT_WRONG:
            errors += 1
            await user.send_command("/today")
        else:
            await user.press("Done", message)


def measure(
    name: str, emulator: BotApiEmulator, log: DeliveryLog, cpu_seconds: float, errors: int
) -> Figures:
    """Match each delivered update with the bot's first reply in its chat."""
    replies: defaultdict[int, list[float]] = defaultdict(list)
    for request in emulator.requests:
        if request.method in REPLY_METHODS and request.status == 200:
            replies[int(request.params["chat_id"])].append(request.time)
    latencies = []
    first_delivery = min(at for _, at in log.delivered.values())
    last_reply = first_delivery
    for chat_id, delivered_at in log.delivered.values():
        times = replies[chat_id]  # in arrival order, so sorted
        index = bisect.bisect_left(times, delivered_at)
        if index < len(times):
            latencies.append(times[index] - delivered_at)
            last_reply = max(last_reply, times[index])
    return Figures(
        name=name,
        updates=len(log.delivered),
        answered=len(latencies),
        seconds=last_reply - first_delivery,
        p50_ms=percentile(latencies, 0.5) * 1000,
        p99_ms=percentile(latencies, 0.99) * 1000,
        cpu_ms_per_update=cpu_seconds / len(log.delivered) * 1000,
        errors=errors,
    )


async def run_members(
    name: str, emulator: BotApiEmulator, members: int, command: list[str], url: str
) -> Figures:
    """All members through a workout at once against the bot that ``command`` starts."""
    users = add_emulator_users(emulator, members)
    log = DeliveryLog()
    async with (
        bot_process(emulator, command, bot_environment(emulator, url)) as bot,
        log.recording(emulator.state),
    ):
        cpu_at_start = bot.cpu_seconds()
        errors = await asyncio.gather(*(work_out(user) for user in users))
        cpu_seconds = bot.cpu_seconds() - cpu_at_start
    return measure(name, emulator, log, cpu_seconds, sum(errors))


async def echo_figures(members: int, *options: str) -> Figures:
    name = "echo+limiter" if options else "echo bot"
    async with BotApiEmulator(seed=1) as emulator:
        command = ["-m", "bench.echo_bot", *options]
        return await run_members(name, emulator, members, command, "")


async def bot_figures(members: int, database: str, profile: str | None) -> Figures:
    command = ["-m", "bot", "run"]
    if profile:
        command = ["-m", "cProfile", "-o", f"{profile}.{database}.prof", *command]
    async with BotApiEmulator(seed=1) as emulator, fresh_database(database) as url:
        await seed_members(url, members)
        return await run_members(f"bot ({database})", emulator, members, command, url)


async def main(
    members: int, databases: list[str], profile: str | None, *, baselines: bool = True
) -> None:
    if not baselines:
        for database in databases:
            print((await bot_figures(members, database, profile)).line(), flush=True)
        return
    echo = await echo_figures(members)
    print(echo.line(), flush=True)
    limited = await echo_figures(members, "--rate-limiter")
    print(limited.line(), flush=True)
    for database in databases:
        figures = await bot_figures(members, database, profile)
        print(figures.line(), flush=True)
        ratio = figures.rate / echo.rate
        print(
            f"throughput ratio {database:<8} {ratio:5.2f} of the bare echo bot's rate "
            f"(target >= {TARGET_RATIO}) {mark(ratio, TARGET_RATIO)}; "
            f"{figures.rate / limited.rate:.2f} of the echo bot with the same rate limiter",
            flush=True,
        )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=50, help="simulated members (50)")
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="(both)"
    )
    parser.add_argument(
        "--bot-only",
        action="store_true",
        help="skip the echo-bot baselines (the bot's own figures: errors, p50, p99)",
    )
    parser.add_argument(
        "--profile", metavar="PREFIX", help="run the bot under cProfile, writing PREFIX.<db>.prof"
    )
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    chosen = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    asyncio.run(main(args.members, chosen, args.profile, baselines=not args.bot_only))
