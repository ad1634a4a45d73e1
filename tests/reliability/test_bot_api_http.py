"""The bot's Bot API client (`bot.bot_api_http.AiohttpRequest`) against a real local HTTP
server: what it sends (JSON, or multipart with files), and how a slow, refused or failed call
reaches python-telegram-bot (TimedOut, NetworkError, BadRequest)."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import pytest
from aiohttp import web
from telegram import InputFile
from telegram.error import BadRequest, NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.bot_api_http import AiohttpRequest

OK = b'{"ok": true, "result": true}'


@dataclass
class Seen:
    """What the server received."""

    content_type: str = ""
    user_agent: str = ""
    json_body: object = None
    fields: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str | None, str | None, bytes]] = field(default_factory=dict)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@pytest.fixture
async def server() -> AsyncIterator[Callable[[Handler], Awaitable[str]]]:
    """Start a server on 127.0.0.1 answering every path with `handler`; gives its base URL."""
    runners: list[web.AppRunner] = []

    async def start(handler: Handler) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", handler)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        runners.append(runner)
        port = runner.addresses[0][1]
        return f"http://127.0.0.1:{port}/bot1:token"

    yield start
    for runner in runners:
        await runner.cleanup()


def recording(seen: Seen, answer: bytes = OK, status: int = 200) -> Handler:
    async def handle(request: web.Request) -> web.StreamResponse:
        seen.content_type = request.content_type
        seen.user_agent = request.headers.get("User-Agent", "")
        if request.content_type == "application/json":
            seen.json_body = await request.json()
        elif request.content_type == "multipart/form-data":
            for name, value in (await request.post()).items():
                if isinstance(value, web.FileField):
                    seen.files[name] = (value.filename, value.content_type, value.file.read())
                else:
                    seen.fields[name] = str(value)
        return web.Response(body=answer, status=status, content_type="application/json")

    return handle


def unused_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound once, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def parameters(**values: object) -> RequestData:
    return RequestData([RequestParameter.from_input(name, value) for name, value in values.items()])


@pytest.fixture
async def client() -> AsyncIterator[AiohttpRequest]:
    request = AiohttpRequest(read_timeout=0.5)
    await request.initialize()
    yield request
    await request.shutdown()


async def test_a_call_without_files_sends_its_parameters_as_a_json_body(
    server: Callable[[Handler], Awaitable[str]], client: AiohttpRequest
) -> None:
    seen = Seen()
    url = await server(recording(seen))
    keyboard = {"inline_keyboard": [[{"text": "Done", "callback_data": "v1:a:1:0:done"}]]}
    await client.post(
        f"{url}/editMessageText",
        parameters(chat_id=42, message_id=7, text="Set 1 <b>of</b> 3 ▰▱", reply_markup=keyboard),
    )
    assert seen.content_type == "application/json"
    assert seen.json_body == {
        "chat_id": 42,
        "message_id": 7,
        "text": "Set 1 <b>of</b> 3 ▰▱",
        "reply_markup": keyboard,
    }


async def test_every_call_says_it_is_python_telegram_bot(
    server: Callable[[Handler], Awaitable[str]], client: AiohttpRequest
) -> None:
    seen = Seen()
    url = await server(recording(seen))
    await client.post(f"{url}/getMe")
    assert seen.user_agent == BaseRequest.USER_AGENT


async def test_a_call_with_a_file_sends_multipart_with_the_other_parameters_as_fields(
    server: Callable[[Handler], Awaitable[str]], client: AiohttpRequest
) -> None:
    seen = Seen()
    url = await server(recording(seen))
    clip = InputFile(b"\x00\x00\x00\x18ftypmp42", filename="squat.mp4")
    await client.post(
        f"{url}/sendVideo",
        parameters(chat_id=42, video=clip, caption="Form check: Goblet Squat"),
    )
    assert seen.content_type == "multipart/form-data"
    assert seen.fields["chat_id"] == "42"
    assert seen.fields["caption"] == "Form check: Goblet Squat"
    [(filename, _type, content)] = seen.files.values()
    assert (filename, content) == ("squat.mp4", b"\x00\x00\x00\x18ftypmp42")


async def test_an_answer_slower_than_the_read_timeout_is_timed_out(
    server: Callable[[Handler], Awaitable[str]], client: AiohttpRequest
) -> None:
    async def slow(_request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(2)
        return web.Response(body=OK)

    url = await server(slow)
    with pytest.raises(TimedOut):
        await client.post(f"{url}/getMe")


async def test_a_longer_read_timeout_for_one_call_is_kept(
    server: Callable[[Handler], Awaitable[str]], client: AiohttpRequest
) -> None:
    """getUpdates' long poll passes its own read timeout, longer than the default."""

    async def after_a_second(_request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(1)
        return web.Response(body=OK, content_type="application/json")

    url = await server(after_a_second)
    assert await client.post(f"{url}/getUpdates", read_timeout=3) is True


async def test_a_refused_connection_is_a_network_error(client: AiohttpRequest) -> None:
    port = unused_port()
    with pytest.raises(NetworkError, match="aiohttp"):
        await client.post(f"http://127.0.0.1:{port}/bot1:token/getMe")


async def test_telegrams_error_reply_is_python_telegram_bots_error(
    server: Callable[[Handler], Awaitable[str]], client: AiohttpRequest
) -> None:
    answer = json.dumps(
        {"ok": False, "error_code": 400, "description": "Bad Request: message is not modified"}
    ).encode()
    url = await server(recording(Seen(), answer, status=400))
    with pytest.raises(BadRequest, match="not modified"):
        await client.post(f"{url}/editMessageText", parameters(chat_id=1, message_id=1, text="x"))


async def test_a_client_shut_down_refuses_calls_until_initialised_again(
    server: Callable[[Handler], Awaitable[str]],
) -> None:
    url = await server(recording(Seen()))
    request = AiohttpRequest()
    await request.initialize()
    await request.shutdown()
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post(f"{url}/getMe")
    await request.initialize()
    try:
        assert await request.post(f"{url}/getMe") is True
    finally:
        await request.shutdown()


async def test_a_proxy_set_in_the_environment_carries_the_calls(
    server: Callable[[Handler], Awaitable[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """As with python-telegram-bot's own client: HTTP_PROXY / HTTPS_PROXY are honoured (here
    the Bot API's address refuses connections, so only the proxy can answer)."""
    seen = Seen()
    proxy = (await server(recording(seen))).removesuffix("/bot1:token")
    port = unused_port()
    monkeypatch.setenv("HTTP_PROXY", proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    request = AiohttpRequest()
    await request.initialize()
    try:
        assert await request.post(f"http://127.0.0.1:{port}/bot1:token/getMe") is True
    finally:
        await request.shutdown()
    assert seen.user_agent == BaseRequest.USER_AGENT


async def test_a_long_download_that_keeps_arriving_is_not_cut_short(
    server: Callable[[Handler], Awaitable[str]],
) -> None:
    """A file download (a form-check video) may take longer than all four timeouts together;
    only a pause longer than the read timeout ends it."""

    async def trickle(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        for _ in range(6):
            await response.write(b"x" * 1000)
            await asyncio.sleep(0.3)
        await response.write_eof()
        return response

    url = await server(trickle)
    request = AiohttpRequest(
        read_timeout=0.5, write_timeout=0.1, connect_timeout=0.1, pool_timeout=0.1
    )
    await request.initialize()
    try:
        assert await request.retrieve(f"{url}/file/video.mp4") == b"x" * 6000
    finally:
        await request.shutdown()
