"""Hypothesis-generated updates against one running bot: random text, unicode, huge messages,
commands with junk arguments, malformed callback data and data forged to name another
member's session or a coach's flag. No handler raises (nothing logged at ERROR), every
message gets an answer (a reply, or a reaction when it joins a bundle already sent to the
coach), every button press an answer, and the other member's state is exactly as before.

pytest-asyncio cannot drive `@given` on an async test, so the emulator and the bot run on an
event loop in a background thread (started once for the module), and the sync `@given` test
hands each example to that loop with `asyncio.run_coroutine_threadsafe`.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from collections.abc import Coroutine, Iterator
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from fixtures_bot import RunningBot, make_settings, onboard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_support import stored_state
from tests_support import start_today

from emulator import BotApiEmulator, ChatMessage
from storage import repository
from storage.models import FlagKind, FlagLevel

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))  # CI: 60; a longer hunt: FUZZ_EXAMPLES=500
T = TypeVar("T")

COMMAND_NAMES = [
    "today", "progress", "snooze", "pause", "resume", "start", "help", "delete",  # member
    "flags", "ack", "member", "members", "assign", "export",  # coach only
    "dance", "TODAY", "start@coach_test_bot", "start@other_bot", "",
]  # fmt: skip
KINDS = ["ok", "p", "day", "days", "at", "tz", "go", "s", "v", "tm", "pn", "nn", "set", "del"]
KINDS += ["snz", "ack", "mem", "", "zz"]
# Data naming the victim's session, member id and open flag ({sid}, {mid}, {fid}).
FORGED = [
    "1:s:{sid}:0:d", "1:s:{sid}:0:s", "1:s:{sid}:0:h", "1:s:{sid}:1:d", "1:v:{sid}:0",
    "1:tm:{sid}:0", "1:pn:{sid}:10", "1:nn:{sid}", "1:ack:{fid}", "1:mem:{mid}",
    "0:s:{sid}:0:d", "2:s:{sid}:0:d", "1:s:{sid}:-1:d", "1:s:{sid}:0:d:extra",
]  # fmt: skip

junk = st.text(max_size=80)
number = st.one_of(st.integers(-3, 30), st.integers(0, 10**15)).map(str)
structured_data = st.builds(
    lambda version, kind, args: ":".join([version, kind, *args]),
    st.sampled_from(["1", "1", "1", "0", "2", ""]),
    st.sampled_from(KINDS),
    st.lists(st.one_of(number, junk.map(lambda s: s[:6])), max_size=4),
)
callback_data = st.one_of(
    structured_data,
    st.text(max_size=64),
).filter(lambda data: 0 < len(data.encode()) <= 64)
message_text = st.one_of(
    st.text(min_size=1, max_size=300),
    st.builds(lambda ch, n: ch * n, st.characters(exclude_categories=["Cs"]), st.integers(1, 4096)),
    st.sampled_from(["👍", "done", "Done", "/", "//", "\u200b", "\x00", "1", "10", "-1"]),
).filter(lambda text: text.strip() != "")
actions = st.one_of(
    st.tuples(st.just("text"), message_text),
    st.tuples(st.just("command"), st.tuples(st.sampled_from(COMMAND_NAMES), junk)),
    st.tuples(st.just("press"), callback_data),
    st.tuples(st.just("forged"), st.sampled_from(FORGED)),
)


class ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class World:
    """The bot and the emulator on a loop of their own; `victim` has a workout open and a flag;
    `fuzzer` sends whatever hypothesis draws."""

    loop: asyncio.AbstractEventLoop
    directory: Path
    stack: AsyncExitStack = field(default_factory=AsyncExitStack)
    ids: dict[str, int] = field(default_factory=dict)
    errors: ErrorLog = field(default_factory=ErrorLog)
    counts: dict[str, int] = field(
        default_factory=lambda: {"text": 0, "command": 0, "press": 0, "forged": 0}
    )

    def run(self, coroutine: Coroutine[Any, Any, T], timeout: float = 30) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def start(self) -> None:
        self.emulator = await self.stack.enter_async_context(BotApiEmulator(seed=7))
        self.bot = RunningBot(
            make_settings(self.emulator, self.directory), self.emulator, self.stack
        )
        await self.bot.start()
        self.victim = self.emulator.user(user_id=100_001, first_name="Maya")
        self.fuzzer = self.emulator.user(user_id=100_002, first_name="Sam")
        await onboard(self.victim)
        card = await start_today(self.victim)
        await self.victim.press("Done", card)
        await self.victim.wait_for_edit(card)
        await onboard(self.fuzzer)
        database = self.bot.services.database
        async with database.transaction() as session:
            maya = await repository.members.by_user_id(session, self.victim.id)
            assert maya is not None
            flag = await repository.flags.add(
                session,
                maya.id,
                FlagKind.PAIN,
                FlagLevel.HIGH,
                "worsening",
                "fuzz",
                now=self.bot.services.clock(),
            )
            assert flag is not None
            open_row = await repository.sessions.open_for(session, maya.id)
            assert open_row is not None
        self.ids = {"sid": open_row.id, "mid": maya.id, "fid": flag.id}
        self.victim_before = await self.victim_state()

    async def victim_state(self) -> tuple[object, ...]:
        database = self.bot.services.database
        stored = await stored_state(database, self.victim.id)
        assert stored.member is not None
        assert stored.session is not None
        async with database.transaction() as session:
            flags = [f.id for f in await repository.flags.unacknowledged(session, stored.member.id)]
        return (
            stored.session.id,
            stored.session.current_step,
            tuple(stored.answers),
            stored.member.awaiting,
            stored.member.paused,
            stored.member.inactive,
            tuple(flags),
        )

    def _screen(self) -> ChatMessage:
        bot_messages = [m for m in self.fuzzer.messages if m.from_bot]
        return bot_messages[-1]

    async def apply(self, kind: str, value: Any) -> None:
        self.counts[kind] += 1
        if kind == "text":
            sent = await self.fuzzer.send_text(value)
            after = self.fuzzer.messages.index(sent)
            await self.emulator.wait_until(
                lambda: (
                    bool(sent.reactions) or any(m.from_bot for m in self.fuzzer.messages[after:])
                )
            )
        elif kind == "command":
            name, args = value
            await self.fuzzer.send_command(f"/{name}", args.strip())
            await self.fuzzer.wait_for_message()
        else:
            data = value.format(**self.ids) if kind == "forged" else value
            query = await self.fuzzer.send_callback(data, self._screen())
            await self.emulator.wait_until(lambda: query.answered)
        # the victim's turn is unaffected by anything the fuzzer did
        assert await self.victim_state() == self.victim_before

    async def stop(self) -> None:
        await self.stack.aclose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    world = World(loop, tmp_path_factory.mktemp("fuzz"))
    logging.getLogger().addHandler(world.errors)
    try:
        world.run(world.start(), timeout=60)
        yield world
    finally:
        logging.getLogger().removeHandler(world.errors)
        world.run(world.stop(), timeout=60)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
        print(f"fuzzed updates: {world.counts}")


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="FUZZ_EXAMPLES" not in os.environ,  # CI: the same examples every run
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(action=actions)
def test_fuzzed_updates_never_raise_and_never_touch_another_member(
    world: World, action: tuple[str, Any]
) -> None:
    kind, value = action
    world.run(world.apply(kind, value))
    errors = [f"{r.getMessage()}: {r.exc_info and r.exc_info[1]!r}" for r in world.errors.records]
    assert errors == [], f"{action!r} -> {errors}"


def test_the_fuzzer_ran_every_kind_of_update(world: World) -> None:
    if not any(world.counts.values()):
        pytest.skip("runs after the fuzz test, in the same module")
    assert sum(world.counts.values()) >= EXAMPLES
    assert all(world.counts.values()), world.counts
