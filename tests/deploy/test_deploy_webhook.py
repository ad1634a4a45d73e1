"""`python -m bot run` in webhook mode, as its own process: only Telegram, which knows the
secret, can hand it updates.

The emulator plays the Bot API for the bot's own calls (`setWebhook` records the secret the
bot registers); the test plays both Telegram, posting updates with that secret, and an
attacker, posting forged ones to the same loopback server.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import sqlite3
import stat
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from fixtures_bot import COACH_USER_ID

from emulator import BotApiEmulator

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
ATTACKER_CHAT = 100_666
MEMBER_CHAT = 100_001
HEALTH_NOTE = "my back pain went to 9 after lifting"


@dataclass
class WebhookBot:
    url: str
    secret: str
    directory: Path
    stderr_path: Path

    def members(self) -> list[int]:
        with sqlite3.connect(self.directory / "bot.sqlite3") as database:
            rows = database.execute("SELECT telegram_user_id FROM members").fetchall()
        database.close()
        return [user_id for (user_id,) in rows]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _accepting(port: int) -> None:
    """Once the server on `port` takes connections (wrap in a timeout)."""
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return


@pytest.fixture
async def webhook_bot(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[WebhookBot]:
    """The bot serving its webhook on 127.0.0.1 (the default), at WEBHOOK_URL's path."""
    for chat in (ATTACKER_CHAT, MEMBER_CHAT):
        emulator.user(chat, known=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    environment = {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": emulator.bot_token,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        "TELEGRAM_API_FILE_URL": emulator.base_file_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}",
        "COACH_CHAT_IDS": str(COACH_USER_ID),
        "WEBHOOK_URL": url,
        "WEBHOOK_PORT": str(port),
        "STATE_DIR": str(tmp_path / "state"),
    }
    stderr_path = tmp_path / "bot.stderr"
    with stderr_path.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=tmp_path,
            env=environment,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        try:
            await emulator.wait_until(lambda: bool(emulator.calls("setWebhook")), 30)
            async with asyncio.timeout(10):
                await _accepting(port)
        except TimeoutError:
            raise AssertionError(f"the bot did not start:\n{stderr_path.read_text()}") from None
        [registered] = emulator.calls("setWebhook")
        yield WebhookBot(url, str(registered.params["secret_token"]), tmp_path, stderr_path)
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 30)


def _start_command(chat_id: int, update_id: int) -> dict[str, Any]:
    """The update Telegram sends when the user in `chat_id` types /start."""
    person = {"id": chat_id, "is_bot": False, "first_name": "Someone"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Someone"},
            "from": person,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


async def _post(url: str, body: bytes, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    async with aiohttp.ClientSession() as http, http.post(url, data=body, headers=headers) as sent:
        return sent.status


def _chats_written_to(emulator: BotApiEmulator) -> set[int]:
    return {int(call.params["chat_id"]) for call in emulator.calls("sendMessage")}


async def _genuine_start_is_answered(
    bot: WebhookBot, emulator: BotApiEmulator, update_id: int
) -> None:
    """Telegram's own update goes through, so a forged one had the same chance."""
    genuine = json.dumps(_start_command(MEMBER_CHAT, update_id)).encode()
    assert await _post(bot.url, genuine, bot.secret) == 200
    await emulator.wait_until(lambda: MEMBER_CHAT in _chats_written_to(emulator), 15)


@pytest.mark.parametrize(
    "header", [None, "", "a-guessed-secret"], ids=["no-header", "empty-header", "wrong-secret"]
)
async def test_a_forged_update_is_refused_and_changes_nothing(
    webhook_bot: WebhookBot, emulator: BotApiEmulator, header: str | None
) -> None:
    forged = json.dumps(_start_command(ATTACKER_CHAT, 1)).encode()

    assert await _post(webhook_bot.url, forged, header) == 403

    await _genuine_start_is_answered(webhook_bot, emulator, 2)
    assert ATTACKER_CHAT not in _chats_written_to(emulator)
    assert ATTACKER_CHAT not in webhook_bot.members()


def test_the_generated_secret_is_kept_private_and_registered(webhook_bot: WebhookBot) -> None:
    secret_file = webhook_bot.directory / "state" / "webhook-secret"
    assert secret_file.read_text().strip() == webhook_bot.secret
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert len(webhook_bot.secret) >= 32


async def test_only_the_path_of_the_webhook_url_is_served(webhook_bot: WebhookBot) -> None:
    root = webhook_bot.url.removesuffix("telegram")
    body = json.dumps(_start_command(MEMBER_CHAT, 3)).encode()
    assert await _post(root, body, webhook_bot.secret) == 404


async def test_a_body_over_one_megabyte_is_refused(
    webhook_bot: WebhookBot, emulator: BotApiEmulator
) -> None:
    padded = _start_command(ATTACKER_CHAT, 4)
    padded["message"]["padding"] = "x" * (1024 * 1024)

    status = await _post(webhook_bot.url, json.dumps(padded).encode(), webhook_bot.secret)

    assert status == 400
    await _genuine_start_is_answered(webhook_bot, emulator, 5)
    assert ATTACKER_CHAT not in _chats_written_to(emulator)


async def test_an_unreadable_update_is_logged_without_its_content(
    webhook_bot: WebhookBot, emulator: BotApiEmulator
) -> None:
    unreadable = {"update_id": 6, "message": {"message_id": 6, "text": HEALTH_NOTE}}

    status = await _post(webhook_bot.url, json.dumps(unreadable).encode(), webhook_bot.secret)

    assert status == 400
    await _genuine_start_is_answered(webhook_bot, emulator, 7)
    log = webhook_bot.stderr_path.read_text()
    assert "not a valid update; its content is not logged" in log
    assert HEALTH_NOTE not in log
