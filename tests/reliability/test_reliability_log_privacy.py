"""An update the library cannot parse is logged without what the member wrote in it."""

from __future__ import annotations

import logging
from typing import Any
from unittest import mock

import pytest
from fixtures_bot import RunningBot

from emulator import BotApiEmulator, SimulatedUser

HEALTH_NOTE = "numbness in both legs since this morning"


async def test_an_unparsable_polled_update_is_logged_without_its_content(
    emulator: BotApiEmulator,
    running_bot: RunningBot,
    member: SimulatedUser,
    caplog: pytest.LogCaptureFixture,
) -> None:
    original = emulator.state.next_updates
    injected = []

    async def next_updates(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        updates = await original(*args, **kwargs)
        if not injected:  # once: the library does not advance past an update it cannot parse
            injected.append(True)
            return [{"update_id": 999_999, "message": {"message_id": 1, "text": HEALTH_NOTE}}]
        return updates

    with (
        caplog.at_level(logging.INFO, logger="telegram"),
        mock.patch.object(emulator.state, "next_updates", next_updates),
    ):
        await member.send_command("/help")
        await member.wait_for_message(lambda m: m.text is not None)

    logged = "\n".join(
        f"{record.getMessage()}\n{record.exc_text or ''}" for record in caplog.records
    )
    assert injected
    assert "not a valid update; its content is not logged" in logged
    assert HEALTH_NOTE not in logged
    assert any(record.levelno == logging.CRITICAL for record in caplog.records)
