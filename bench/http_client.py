"""CPU per Bot API call: python-telegram-bot's default client (httpx) against the bot's
(`bot.bot_api_http.AiohttpRequest`, aiohttp with a JSON body).

Both post the same workout-card edit (its text, HTML and seven buttons) to a bare aiohttp
server in another process, through python-telegram-bot's `BaseRequest.post` (so the error
handling and the parsing of the answer are counted too), and the process's CPU time per call
is printed for each, alternating three times.

    .venv/bin/python -m bench.http_client            # ~20 s
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import time
from multiprocessing.connection import Connection

from aiohttp import web
from telegram.request import BaseRequest, HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.bot_api_http import AiohttpRequest

CALLS = 2000
WARM_UP = 100
ROUNDS = 3
SERVER_START_TIMEOUT = 10.0
ANSWER = b'{"ok":true,"result":true}'
CARD_TEXT = (
    "<b>Superset E \u00b7 set 1 of 3</b>\n<b>E2) Glute Medius Stretch</b>\nThis set: <b>45 s</b>"
    "\n<i>Breathe slowly and let the outside of your hip soften into the stretch.</i>\n"
    "\u25b0\u25b0\u25b0\u25b1\u25b1\u25b1\u25b1\u25b1\u25b1\u25b1 7/20"
)
CARD_KEYBOARD = {
    "inline_keyboard": [
        [
            {"text": "Done", "callback_data": "v1:a:12:6:done"},
            {"text": "Skip", "callback_data": "v1:a:12:6:skipped"},
        ],
        [
            {"text": "Too hard", "callback_data": "v1:th:12:6"},
            {"text": "It hurts", "callback_data": "v1:hu:12:6"},
        ],
        [
            {"text": "How to", "callback_data": "v1:ht:12:6"},
            {"text": "Send form video", "callback_data": "v1:vi:12:6"},
        ],
        [{"text": "Timer 0:45", "callback_data": "v1:ti:12:6"}],
    ]
}


def _serve(bound: Connection) -> None:
    """In the server's process: answer every POST, after sending the port it listens on."""

    async def answer(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(body=ANSWER, content_type="application/json")

    async def serve() -> None:
        app = web.Application()
        app.router.add_post("/{tail:.*}", answer)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        bound.send(runner.addresses[0][1])
        await asyncio.Event().wait()

    asyncio.run(serve())


def _card_edit() -> RequestData:
    values = {
        "chat_id": 100000001,
        "message_id": 55,
        "text": CARD_TEXT,
        "parse_mode": "HTML",
        "reply_markup": CARD_KEYBOARD,
    }
    return RequestData([RequestParameter.from_input(name, value) for name, value in values.items()])


async def _cpu_per_call(request: BaseRequest, url: str, calls: int) -> float:
    for _ in range(WARM_UP):
        await request.post(url, _card_edit())
    started = time.process_time()
    for _ in range(calls):
        await request.post(url, _card_edit())
    return (time.process_time() - started) / calls * 1e6


async def main(calls: int) -> None:
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.Process(target=_serve, args=(theirs,), daemon=True)
    server.start()
    try:
        if not await asyncio.to_thread(ours.poll, SERVER_START_TIMEOUT):
            raise RuntimeError("the server did not start")
        port = ours.recv()
        url = f"http://127.0.0.1:{port}/bot1:x/editMessageText"
        clients: dict[str, BaseRequest] = {
            "httpx (python-telegram-bot's default)": HTTPXRequest(),
            "aiohttp, JSON body (the bot's)": AiohttpRequest(),
        }
        for client in clients.values():
            await client.initialize()
        figures: dict[str, list[float]] = {name: [] for name in clients}
        for _ in range(ROUNDS):
            for name, client in clients.items():
                figures[name].append(await _cpu_per_call(client, url, calls))
        for client in clients.values():
            await client.shutdown()
    finally:
        server.terminate()
        server.join()
    for name, runs in figures.items():
        print(
            f"http_client {name:<38} {min(runs):7.1f} us CPU per card edit (best of {ROUNDS};"
            f" each {', '.join(f'{run:.0f}' for run in runs)})"
        )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=CALLS, help=f"calls per round ({CALLS})")
    asyncio.run(main(parser.parse_args().calls))
