"""The emulator's HTTP surface, spoken to directly: envelope, encodings, polling, lifecycle."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from telegram import Bot, BotCommand
from telegram.error import InvalidToken

from emulator import BotApiEmulator, ChatEvent


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    http: aiohttp.ClientSession, emulator: BotApiEmulator, method: str, **kwargs: Any
) -> tuple[int, dict[str, Any]]:
    async with http.post(f"{emulator.base_url}{emulator.bot_token}/{method}", **kwargs) as resp:
        return resp.status, await resp.json()


async def test_unknown_method_is_404(http: aiohttp.ClientSession, emulator: BotApiEmulator) -> None:
    status, body = await call(http, emulator, "sendTelepathy")
    assert status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_wrong_token_is_401(http: aiohttp.ClientSession, emulator: BotApiEmulator) -> None:
    async with http.post(f"{emulator.base_url}123:wrong/getMe") as resp:
        assert resp.status == 401
        assert await resp.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
    with pytest.raises(InvalidToken):
        async with Bot("123:wrong", base_url=emulator.base_url):
            pass


async def test_json_form_and_query_encodings(
    http: aiohttp.ClientSession, emulator: BotApiEmulator
) -> None:
    user = emulator.user(known=True)
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
    status, body = await call(
        http,
        emulator,
        "sendMessage",
        json={"chat_id": user.id, "text": "j", "reply_markup": markup},
    )
    assert status == 200
    assert body["ok"] is True
    assert body["result"]["reply_markup"] == markup
    status, body = await call(http, emulator, "sendMessage", data={"chat_id": user.id, "text": "f"})
    assert body["result"]["text"] == "f"
    async with http.get(f"{emulator.base_url}{emulator.bot_token}/getMe", params={}) as resp:
        assert (await resp.json())["result"]["username"] == "coach_test_bot"
    assert [r.params["chat_id"] for r in emulator.calls("sendmessage")] == [user.id, user.id]


async def test_get_updates_confirms_with_offset_and_honours_limit(
    http: aiohttp.ClientSession, emulator: BotApiEmulator
) -> None:
    user = emulator.user()
    for text in ("a", "b", "c"):
        await user.send_text(text)
    _, body = await call(http, emulator, "getUpdates", json={"limit": 2})
    first, second = body["result"]
    assert second["update_id"] == first["update_id"] + 1
    assert first["message"]["from"]["id"] == user.id
    assert first["message"]["chat"] == {"id": user.id, "type": "private", "first_name": "Alex"}
    _, body = await call(http, emulator, "getUpdates", json={"offset": second["update_id"] + 1})
    assert [u["message"]["text"] for u in body["result"]] == ["c"]
    _, body = await call(http, emulator, "getUpdates", json={"offset": -1})
    assert [u["message"]["text"] for u in body["result"]] == ["c"]


async def test_allowed_updates_filter_and_webhook_conflict(
    http: aiohttp.ClientSession, emulator: BotApiEmulator
) -> None:
    user = emulator.user()
    await user.send_text("text")
    _, body = await call(http, emulator, "getUpdates", json={"allowed_updates": ["callback_query"]})
    assert body["result"] == []
    await call(http, emulator, "setWebhook", json={"url": "https://example.org/hook"})
    status, body = await call(http, emulator, "getUpdates")
    assert status == 409
    assert body["description"].startswith("Conflict: can't use getUpdates method")
    _, body = await call(http, emulator, "getWebhookInfo")
    assert body["result"]["url"] == "https://example.org/hook"


async def test_long_poll_wakes_on_an_update(
    http: aiohttp.ClientSession, emulator: BotApiEmulator
) -> None:
    user = emulator.user()
    poll = asyncio.create_task(call(http, emulator, "getUpdates", json={"timeout": 30}))
    await asyncio.sleep(0.05)
    assert not poll.done()
    await user.send_text("now")
    _, body = await asyncio.wait_for(poll, 1)
    assert body["result"][0]["message"]["text"] == "now"


async def test_long_poll_ends_when_the_server_stops(http: aiohttp.ClientSession) -> None:
    emulator = BotApiEmulator()
    await emulator.start()
    poll = asyncio.create_task(call(http, emulator, "getUpdates", json={"timeout": 30}))
    await asyncio.sleep(0.05)
    await asyncio.wait_for(emulator.stop(), 2)
    status, body = await asyncio.wait_for(poll, 1)
    assert (status, body["result"]) == (200, [])


async def test_commands_round_trip(emulator_bot: Bot) -> None:
    await emulator_bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("week", "Plan")])
    assert [c.command for c in await emulator_bot.get_my_commands()] == ["start", "week"]
    await emulator_bot.delete_my_commands()
    assert await emulator_bot.get_my_commands() == ()


async def test_file_download_of_unknown_path_is_404(
    http: aiohttp.ClientSession, emulator: BotApiEmulator
) -> None:
    async with http.get(f"{emulator.base_file_url}{emulator.bot_token}/videos/x.mp4") as resp:
        assert resp.status == 404


async def test_subscription_streams_a_chats_events(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    user = emulator.user(known=True)
    events: list[ChatEvent] = []

    async def listen() -> None:
        async with emulator.subscribe(user.id) as subscription:
            async for event in subscription:
                events.append(event)

    listener = asyncio.create_task(listen())
    await asyncio.sleep(0)
    await emulator_bot.send_chat_action(user.id, "typing")
    sent = await emulator_bot.send_message(user.id, "Ready?")
    await sent.edit_text("Ready now?")
    await emulator.stop()  # ends subscriptions
    await asyncio.wait_for(listener, 1)
    assert [e.kind for e in events] == ["chat_action", "message", "edit"]
    assert user.chat.actions == ["typing"]
