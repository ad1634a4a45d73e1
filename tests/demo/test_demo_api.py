"""The demo's HTTP API, spoken to as the page does: JSON requests and Server-Sent Events."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.config import Settings
from bot.demo.server import (
    COACH,
    DEMO_DATABASE_URL,
    MEMBER,
    Demo,
    database_line,
    demo_settings,
)
from emulator import BotApiEmulator

DISCLAIMER_LINE = "not medical advice"


Event = tuple[str, dict[str, Any]]


async def events(response: aiohttp.ClientResponse) -> AsyncIterator[Event]:
    """(name, data) of each Server-Sent Event."""
    name = ""
    async for raw in response.content:
        line = raw.decode().rstrip("\n")
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            yield name, json.loads(line.removeprefix("data: "))


async def next_bot_message(stream: AsyncIterator[Event], kind: str = "message") -> dict[str, Any]:
    async for name, data in stream:
        if name == "chat" and data["kind"] == kind and data["message"]["from_bot"]:
            message: dict[str, Any] = data["message"]
            return message
    raise AssertionError("the event stream ended")


async def test_start_brings_the_disclaimer_and_its_button_edits_it(
    demo: Demo, page_http: aiohttp.ClientSession
) -> None:
    member_api = f"{demo.url}/api/chats/{MEMBER.user_id}"
    http = page_http
    async with http.get(f"{demo.url}/api/events") as live:
        stream = events(live)
        name, snapshot = await anext(stream)
        assert name == "snapshot"
        assert [(c["role"], c["chat_id"]) for c in snapshot["chats"]] == [
            ("member", MEMBER.user_id),
            ("coach", COACH.user_id),
        ]

        async with http.post(f"{member_api}/messages", json={"text": "/start"}) as sent:
            assert sent.status == 200
            assert (await sent.json())["message"]["text"] == "/start"
        disclaimer = await next_bot_message(stream)
        assert DISCLAIMER_LINE in disclaimer["text"]
        [[button]] = disclaimer["keyboard"]

        press = {"message_id": disclaimer["id"], "callback_data": button["callback_data"]}
        async with http.post(f"{member_api}/press", json=press) as pressed:
            assert (await pressed.json())["answered"] is True
        edited = await next_bot_message(stream, "edit")
        assert edited["id"] == disclaimer["id"]
        assert edited["edited"] is True
        assert edited["keyboard"] == []

        async with http.get(member_api) as chat:
            texts = [m["text"] for m in (await chat.json())["messages"]]
        assert texts[0] == "/start"
        assert DISCLAIMER_LINE in texts[1]


async def test_a_video_upload_lands_in_the_chat_and_downloads_again(
    demo: Demo, page_http: aiohttp.ClientSession
) -> None:
    member_api = f"{demo.url}/api/chats/{MEMBER.user_id}"
    form = aiohttp.FormData()
    form.add_field(
        "file", b"\x00\x00\x00\x18ftypmp42", filename="squat.mp4", content_type="video/mp4"
    )
    form.add_field("caption", "my squat")
    async with page_http.post(f"{member_api}/files", data=form) as sent:
        message = (await sent.json())["message"]
    assert (message["caption"], message["file"]["kind"]) == ("my squat", "video")
    async with page_http.get(f"{demo.url}{message['file']['url']}") as download:
        assert download.content_type == "video/mp4"
        assert await download.read() == b"\x00\x00\x00\x18ftypmp42"


async def test_an_audio_upload_is_sent_as_a_voice_note(
    demo: Demo, page_http: aiohttp.ClientSession
) -> None:
    member_api = f"{demo.url}/api/chats/{MEMBER.user_id}"
    form = aiohttp.FormData()
    form.add_field("file", b"OggS voice", filename="note.ogg", content_type="audio/ogg")
    async with page_http.post(f"{member_api}/files", data=form) as sent:
        message = (await sent.json())["message"]
    assert message["file"]["kind"] == "voice"


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/api/chats/42", None, 404),
        ("POST", f"/api/chats/{MEMBER.user_id}/messages", {"text": "  "}, 400),
        (
            "POST",
            f"/api/chats/{MEMBER.user_id}/press",
            {"message_id": 99, "callback_data": "x"},
            404,
        ),
        ("GET", f"/api/chats/{MEMBER.user_id}/files/abc", None, 400),
    ],
)
async def test_bad_requests_get_a_short_error(
    demo: Demo, page_http: aiohttp.ClientSession, method: str, path: str, body: object, status: int
) -> None:
    async with page_http.request(method, f"{demo.url}{path}", json=body) as response:
        assert response.status == status
        assert (await response.json())["error"]


async def test_demo_settings_ignore_database_url_and_take_only_the_demos_own(
    emulator: BotApiEmulator,
) -> None:
    production = Settings(_env_file=None, database_url="postgresql+asyncpg://coach@db/members")
    default = demo_settings(production, emulator)
    chosen = demo_settings(production, emulator, "sqlite+aiosqlite:///mine.db")
    assert default.database_url == DEMO_DATABASE_URL
    assert chosen.database_url == "sqlite+aiosqlite:///mine.db"
    assert default.coach_chat_ids == (COACH.user_id,)
    assert default.telegram_api_base_url == emulator.base_url


def test_the_demo_says_which_database_it_uses_in_one_line_without_a_password() -> None:
    line = database_line("postgresql+asyncpg://coach:s3cret@localhost/demo")
    assert line.splitlines() == [line]
    assert "postgresql+asyncpg://coach:***@localhost/demo" in line
    assert "never DATABASE_URL" in line
