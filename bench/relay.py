"""Members writing to their coach: how fast a member's words reach the coach chat, and what it
costs, with an empty thread and with a long one.

`--members` members (seeded in bulk) each send a burst of `--burst` texts, one after the
other (each waits for its acknowledgement: "Sent to your coach", or the 👌 reaction), all
members at once. The bot runs as ``python -m bot run`` in its own process (see
`bench.harness`). Figures: the time from a member's message to its words in the coach chat
(p50, p99), apart for the first message of a bundle (a new coach message: it waits its turn
under Telegram's 30 messages a second, with the member's acknowledgement) and for the next
ones (an edit of it, not paced); the Bot API calls per member message; the bot's CPU per
message.

Run: .venv/bin/python -m bench.relay [--members 20] [--burst 5] [--thread 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from bench.harness import (
    add_emulator_users,
    bot_environment,
    bot_process,
    fresh_database,
    mark,
    percentile,
    seed_members,
)
from emulator import BotApiEmulator, ChatMessage, SimulatedUser
from storage.database import create_engine
from storage.models import MessageDirection, MessageKind, ThreadMessage

COACH_CHAT = 900_001
EDIT_P99_TARGET_MS = 250
"""A message added to an open bundle: an edit, which skips the send pacing."""


async def seed_threads(url: str, members: int, per_member: int) -> None:
    """`per_member` earlier messages (a day apart from now) in each member's thread."""
    if not per_member:
        return
    long_ago = datetime.now(UTC) - timedelta(days=1)
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for member_id in range(1, members + 1):
                rows = [
                    {
                        "member_id": member_id,
                        "direction": MessageDirection.FROM_MEMBER,
                        "kind": MessageKind.TEXT,
                        "text": f"earlier message {n}",
                        "edited": False,
                        "member_message_id": 10_000_000 + n,
                        "at": long_ago - timedelta(seconds=n),
                    }
                    for n in range(per_member)
                ]
                await connection.execute(insert(ThreadMessage), rows)
    finally:
        await engine.dispose()


def coach_shows(coach: SimulatedUser, words: str) -> bool:
    return any(words in (m.text or "") for m in coach.messages if m.from_bot)


async def burst(
    emulator: BotApiEmulator, user: SimulatedUser, coach: SimulatedUser, count: int
) -> list[float]:
    """Send `count` texts one after the other; the milliseconds each took to show up."""
    timings = []
    for n in range(count):
        words = f"member {user.id} message {n}: does this twinge mean anything?"
        began = time.perf_counter()
        sent = await user.send_text(words)
        await emulator.wait_until(lambda w=words: coach_shows(coach, w), timeout=30)  # type: ignore[misc]
        timings.append((time.perf_counter() - began) * 1000)
        await emulator.wait_until(
            lambda s=sent: bool(s.reactions) or acknowledged(user, s),  # type: ignore[misc]
            timeout=30,
        )
    return timings


def acknowledged(user: SimulatedUser, sent: ChatMessage) -> bool:
    after = user.messages.index(sent)
    return any(m.from_bot for m in user.messages[after:])


async def run(members: int, burst_size: int, thread: int) -> None:
    async with BotApiEmulator(seed=3) as emulator, fresh_database("sqlite") as url:
        await seed_members(url, members)
        await seed_threads(url, members, thread)
        users = add_emulator_users(emulator, members)
        coach = emulator.user(COACH_CHAT, first_name="Coach", known=True)
        environment = bot_environment(emulator, url)
        async with bot_process(emulator, ["-m", "bot", "run"], environment) as bot:
            calls_before = {m: len(emulator.calls(m)) for m in METHODS}
            cpu_before = bot.cpu_seconds()
            began = time.perf_counter()
            timings = await asyncio.gather(
                *(burst(emulator, user, coach, burst_size) for user in users)
            )
            elapsed = time.perf_counter() - began
            cpu = bot.cpu_seconds() - cpu_before
        sent = members * burst_size
        calls = {m: len(emulator.calls(m)) - calls_before[m] for m in METHODS}
    first = [member[0] for member in timings]
    rest = [t for member in timings for t in member[1:]]
    label = f"relay thread {thread:>5}"
    paced_ms = 2 * members / 29.2 * 1000  # a bundle and an acknowledgement per member
    print(
        f"{label}: {sent} messages from {members} members in {elapsed:.1f} s; first of a "
        f"bundle (sent, paced) p50 {percentile(first, 0.5):.0f} ms, p99 "
        f"{percentile(first, 0.99):.0f} ms (the pacer alone: {paced_ms:.0f} ms for the burst)"
    )
    if rest:
        p50, p99 = percentile(rest, 0.5), percentile(rest, 0.99)
        verdict = mark(p99, EDIT_P99_TARGET_MS, at_least=False)
        print(
            f"{label}: added to a bundle (edited) p50 {p50:.0f} ms, p99 {p99:.0f} ms "
            f"(target < {EDIT_P99_TARGET_MS}) {verdict}"
        )
    per_message = ", ".join(f"{m} {calls[m] / sent:.2f}" for m in METHODS)
    print(f"{label}: Bot API calls per member message: {per_message}")
    print(f"{label}: bot CPU {cpu * 1000 / sent:.1f} ms per member message")


METHODS = ("sendMessage", "editMessageText", "setMessageReaction")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=20)
    parser.add_argument("--burst", type=int, default=5)
    parser.add_argument("--thread", type=int, default=5000, help="earlier messages per member")
    arguments = parser.parse_args()
    for thread in sorted({0, arguments.thread}):
        asyncio.run(run(arguments.members, arguments.burst, thread))


if __name__ == "__main__":
    main()
