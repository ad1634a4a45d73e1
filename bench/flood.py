"""One member floods the bot; how long do the other members wait for their replies?

The emulator enforces Telegram's limits (30 sends a second, one a second into any chat). One
member sends ``--rate`` messages a second for ``--seconds``; meanwhile every other member
sends /help every ``PROBE_EVERY`` seconds, and the time from sending it to the bot's answer
is their latency (target: p99 under 1 s). Also reported: what the flooder got back (answers
up to the inbound limit, one "slow down"), and the 429s the emulator answered.

    .venv/bin/python -m bench.flood                     # 20 members, 20 messages/s for 15 s
    .venv/bin/python -m bench.flood --members 50 --rate 50
"""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass

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

PROBE_EVERY = 2.0
"""Seconds between one member's /help probes: under their own chat's one-a-second limit."""
TARGET_P99 = 1.0
ANSWER_TIMEOUT = 30.0


@dataclass(frozen=True)
class FloodFigures:
    flood_sent: int
    flood_answered: int
    slow_downs: int
    latencies: list[float]
    missed: int
    rejected_429: int

    def lines(self) -> list[str]:
        p50 = percentile(self.latencies, 0.5) * 1000
        p99 = percentile(self.latencies, 0.99) * 1000
        worst = max(self.latencies) * 1000
        return [
            f"flood    one member sent {self.flood_sent} messages; "
            f"{self.flood_answered} answered, {self.slow_downs} 'slow down', "
            f"{self.rejected_429} sends answered 429 by the emulator",
            f"others   {len(self.latencies)} replies: p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  "
            f"max {worst:6.1f} ms  ({self.missed} unanswered within {ANSWER_TIMEOUT:.0f} s)",
            f"others   p99 {p99 / 1000:.2f} s against the target < {TARGET_P99:.0f} s "
            f"{mark(p99 / 1000, TARGET_P99, at_least=False)}",
        ]


def _is_help(message: ChatMessage) -> bool:
    return "Here's what I can do" in (message.text or "")


async def flood(user: SimulatedUser, rate: float, seconds: float) -> int:
    """``rate`` messages a second for ``seconds``; how many were sent."""
    sent = 0
    for _ in range(round(rate * seconds)):
        await user.send_text(f"message {sent}")
        sent += 1
        await asyncio.sleep(1 / rate)
    return sent


async def probe(user: SimulatedUser, seconds: float, offset: float) -> tuple[list[float], int]:
    """/help every PROBE_EVERY seconds for ``seconds``: each answer's latency, and misses."""
    loop = asyncio.get_running_loop()
    await asyncio.sleep(offset)
    latencies: list[float] = []
    missed = 0
    end = loop.time() + seconds
    while loop.time() < end:
        asked = loop.time()
        await user.send_command("/help")
        try:
            await user.wait_for_message(_is_help, timeout=ANSWER_TIMEOUT)
            latencies.append(loop.time() - asked)
        except TimeoutError:
            missed += 1
        await asyncio.sleep(max(0.0, asked + PROBE_EVERY - loop.time()))
    return latencies, missed


async def run(members: int, rate: float, seconds: float) -> FloodFigures:
    async with BotApiEmulator(seed=1) as emulator, fresh_database("sqlite") as url:
        await seed_members(url, members)
        users = add_emulator_users(emulator, members)
        flooder, others = users[0], users[1:]
        command = ["-m", "bot", "run"]
        async with bot_process(emulator, command, bot_environment(emulator, url)):
            limiter = emulator.enforce_rate_limit(per_second=30, per_chat_per_second=1)
            spread = PROBE_EVERY / max(1, len(others))
            flooding = asyncio.ensure_future(flood(flooder, rate, seconds))
            probes = await asyncio.gather(
                *(probe(user, seconds, index * spread) for index, user in enumerate(others))
            )
            sent = await flooding
        replies = [m.text for m in flooder.messages if m.from_bot]
        return FloodFigures(
            flood_sent=sent,
            flood_answered=len([text for text in replies if text != texts.SLOW_DOWN()]),
            slow_downs=replies.count(texts.SLOW_DOWN()),
            latencies=[latency for latencies, _ in probes for latency in latencies],
            missed=sum(missed for _, missed in probes),
            rejected_429=limiter.rejected,
        )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=20, help="members, the flooder too (20)")
    parser.add_argument("--rate", type=float, default=20.0, help="flood messages a second (20)")
    parser.add_argument("--seconds", type=float, default=15.0, help="flood duration (15)")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    figures = asyncio.run(run(args.members, args.rate, args.seconds))
    for line in figures.lines():
        print(line, flush=True)
