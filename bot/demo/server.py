"""The demo: the real bot polling the Bot API emulator, and a web chat to talk to it.

`Demo` starts three things and stops them in reverse order: the emulator, the bot's own
`Application` (built by `bot.app.build_application`, exactly as in production but pointed at
the emulator), and a small aiohttp site. The site serves a static page (`static/`) and a JSON
API over the emulator's simulated users:

- ``GET  /api/chats``: both chats with all their messages; ``GET /api/chats/{chat}``: one
- ``POST /api/chats/{chat}/messages``: ``{"text": ..., "reply_to": id?}`` (``/x`` is a command)
- ``POST /api/chats/{chat}/press``: ``{"message_id": ..., "callback_data": ...}``, answered
  with the bot's toast, if any
- ``POST /api/chats/{chat}/files``: multipart ``file`` (+ ``caption``): photo, video, document
- ``POST /api/chats/{chat}/location``: ``{"latitude": ..., "longitude": ...}``: a tap on the
  reply keyboard's "Share location" button (refused when the bot shows none)
- ``GET  /api/chats/{chat}/files/{message}``: the bytes of a message's photo or video
- ``GET  /api/events``: Server-Sent Events, a ``snapshot`` first, then ``chat`` events (each
  with the chat's reply keyboard as it is after the change)
- ``GET  /api/chats/{chat}/web-app?url=...``: the address the chat's Telegram client would
  load to open the bot's Mini App at ``url`` (the chat's menu button, or a ``web_app`` button
  the bot sent there), with launch data signed as Telegram signs it

One chat is the member's, the other the coach's (its id is the demo's only coach chat id).
The demo keeps its data in its own SQLite file (`--database` picks another), never in
`DATABASE_URL`: a `.env` copied from production must not point the demo at real members.
`bot.demo.web_guard` keeps other web pages out of the API.
The coach's dashboard (`bot.web`) is served at ``/dashboard/``; the bot gives the coach chat a
"Dashboard" menu button for it, as it does on Telegram.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import signal
import socket
from collections.abc import Iterator
from contextlib import AsyncExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web
from sqlalchemy.engine import make_url

from bot.app import build_application
from bot.config import ConfigError, Settings
from bot.demo.web_guard import DASHBOARD_PREFIX, WebGuard
from bot.web.server import dashboard_app
from emulator import (
    BotApiEmulator,
    ChatEvent,
    ChatMessage,
    SimulatedUser,
    StoredFile,
    Subscription,
)
from emulator.ptb import running_application

JSONDict = dict[str, Any]

DEMO_DATABASE_URL = "sqlite+aiosqlite:///coach-bot-demo.sqlite3"
STATIC_DIR = Path(__file__).parent / "static"
DASHBOARD_PATH = DASHBOARD_PREFIX
MAX_UPLOAD = 50 * 1024 * 1024  # what Telegram lets a user send a bot
PRESS_ANSWER_WAIT = 3.0  # seconds to wait for the bot to answer a button press
HEARTBEAT = 15.0  # seconds between SSE comments, so closed browser tabs are noticed

_FILE_TYPES = {"photo": "image/jpeg", "video": "video/mp4", "video_note": "video/mp4"}
_SHOWN_TYPES = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/webm"}
)
"""What a chat's file may be served as; anything else (text/html...) is plain bytes."""
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Persona:
    """Someone the person at the keyboard plays."""

    role: str
    user_id: int
    first_name: str
    username: str


MEMBER = Persona("member", 100_001, "Maya", "maya")
COACH = Persona("coach", 900_001, "Coach", "coach")


def demo_settings(
    settings: Settings,
    emulator: BotApiEmulator,
    database_url: str | None = None,
    dashboard_url: str | None = None,
) -> Settings:
    """``settings`` pointed at the emulator, with the demo coach as the owner and the default
    coach, ``database_url`` (the demo's own SQLite file by default; ``DATABASE_URL`` is
    ignored) and the dashboard at ``dashboard_url``."""
    update: JSONDict = {
        "telegram_bot_token": emulator.bot_token,
        "telegram_api_base_url": emulator.base_url,
        "telegram_api_file_url": emulator.base_file_url,
        "telegram_local_mode": False,
        "webhook_url": None,
        "coach_chat_ids": (COACH.user_id,),
        "database_url": database_url or DEMO_DATABASE_URL,
        "web_public_url": dashboard_url,
        "default_coach_id": COACH.user_id,
    }
    return settings.model_copy(update=update)


class Demo:
    """The emulator, the bot and the web chat, started together: ``async with Demo(...)``.

    ``port=0`` picks a free port; ``url`` tells which.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        host: str = "127.0.0.1",
        port: int = 8080,
        database_url: str | None = None,
    ) -> None:
        self.emulator = BotApiEmulator(bot_username="coach_demo_bot", bot_name="Coach Bot")
        self.users = {
            persona.user_id: self.emulator.user(
                user_id=persona.user_id,
                first_name=persona.first_name,
                username=persona.username,
                known=True,  # as on Telegram, where both have written to the bot before
            )
            for persona in (MEMBER, COACH)
        }
        self._settings = settings
        self.database_url = database_url or DEMO_DATABASE_URL
        self.web_guard = WebGuard(host)
        self._host = host
        self._port = port
        self._bound_port: int | None = None
        self._stack: AsyncExitStack | None = None

    @property
    def url(self) -> str:
        if self._bound_port is None:
            raise RuntimeError("the demo is not started")
        return f"http://{self._host}:{self._bound_port}"

    async def start(self) -> None:
        """Bind the port first (a busy port fails fast), then start everything."""
        sock = _listening_socket(self._host, self._port)
        async with AsyncExitStack() as stack:
            stack.callback(sock.close)
            await stack.enter_async_context(self.emulator)
            dashboard_url = f"http://{self._host}:{sock.getsockname()[1]}{DASHBOARD_PATH}"
            settings = demo_settings(
                self._settings, self.emulator, self.database_url, dashboard_url
            )
            application = build_application(
                settings, token=self.emulator.bot_token, serve_dashboard=False
            )
            await stack.enter_async_context(
                running_application(self.emulator, application=application)
            )
            site = ChatWeb(self.emulator, self.users, self.web_guard).app()
            site.add_subapp(DASHBOARD_PATH, dashboard_app(application))
            runner = web.AppRunner(site, access_log=None, shutdown_timeout=1.0)
            await runner.setup()
            stack.push_async_callback(runner.cleanup)
            await web.SockSite(runner, sock).start()
            self._bound_port = sock.getsockname()[1]
            self._stack = stack.pop_all()

    async def stop(self) -> None:
        if self._stack is not None:
            await self._stack.aclose()
            self._stack = None

    async def __aenter__(self) -> Demo:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()


def _listening_socket(host: str, port: int) -> socket.socket:
    try:
        sock = socket.create_server((host, port))
    except OSError as error:
        reason = os.strerror(error.errno) if error.errno else str(error)
        raise ConfigError(
            f"cannot serve the demo on {host}:{port} ({reason}); try --port"
        ) from None
    sock.setblocking(False)
    return sock


async def run_demo(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8080,
    database_url: str | None = None,
) -> None:
    """Run the demo until Ctrl-C or SIGTERM, then shut it down cleanly."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    stop = asyncio.Event()
    async with Demo(settings, host=host, port=port, database_url=database_url) as demo:
        print(database_line(demo.database_url), flush=True)
        print(
            f"Demo running: open {demo.url} (member on the left, coach on the right). "
            "Press Ctrl-C to stop.",
            flush=True,
        )
        with _signals_set(stop):
            await stop.wait()
    print("Demo stopped.", flush=True)


def database_line(database_url: str) -> str:
    """The one line that tells which database the demo uses, and that it is not DATABASE_URL."""
    shown = make_url(database_url).render_as_string(hide_password=True)
    return f"Demo data in {shown} (never DATABASE_URL; --database URL picks another)."


@contextmanager
def _signals_set(event: asyncio.Event) -> Iterator[None]:
    """While inside, SIGINT and SIGTERM set ``event`` instead of interrupting."""
    loop = asyncio.get_running_loop()
    handled = []
    for number in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(number, event.set)
        except (NotImplementedError, RuntimeError):  # no signal handlers on this platform
            continue
        handled.append(number)
    try:
        yield
    finally:
        for number in handled:
            loop.remove_signal_handler(number)


# the web chat


def _fail(status: type[web.HTTPException], message: str) -> web.HTTPException:
    return status(text=json.dumps({"error": message}), content_type="application/json")


class ChatWeb:
    """The web chat's routes over the simulated users' chats."""

    def __init__(
        self, emulator: BotApiEmulator, users: dict[int, SimulatedUser], guard: WebGuard
    ) -> None:
        self.emulator = emulator
        self.users = users
        self.guard = guard
        self._page = guard.page((STATIC_DIR / "index.html").read_text(encoding="utf-8"))
        self._streams: set[Subscription] = set()

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_UPLOAD)
        self.guard.install(app)
        app.router.add_get("/", self._index)
        app.router.add_static("/static/", STATIC_DIR)
        app.router.add_get("/api/chats", self._chats)
        app.router.add_get("/api/chats/{chat}", self._chat)
        app.router.add_post("/api/chats/{chat}/messages", self._send_text)
        app.router.add_post("/api/chats/{chat}/press", self._press)
        app.router.add_post("/api/chats/{chat}/files", self._upload)
        app.router.add_post("/api/chats/{chat}/location", self._share_location)
        app.router.add_get("/api/chats/{chat}/files/{message}", self._download)
        app.router.add_get("/api/chats/{chat}/web-app", self._web_app)
        app.router.add_get("/api/events", self._events)
        app.on_shutdown.append(self._end_streams)
        return app

    # reading

    async def _index(self, _request: web.Request) -> web.Response:
        return web.Response(
            text=self._page, content_type="text/html", headers={"Cache-Control": "no-store"}
        )

    async def _chats(self, _request: web.Request) -> web.Response:
        return web.json_response(self._snapshot())

    async def _chat(self, request: web.Request) -> web.Response:
        return web.json_response(self._chat_json(self._user(request)))

    async def _download(self, request: web.Request) -> web.Response:
        message = self._message(self._user(request), request.match_info["message"])
        if message.file is None:
            raise _fail(web.HTTPNotFound, "that message has no file")
        return web.Response(
            body=message.file.data,
            content_type=_content_type(message.file),
            headers={"Content-Disposition": "attachment"},
        )

    def _snapshot(self) -> JSONDict:
        bot = self.emulator.state.bot_user
        return {
            "bot": {"name": bot.get("first_name"), "username": bot.get("username")},
            "chats": [self._chat_json(user) for user in self.users.values()],
        }

    def _chat_json(self, user: SimulatedUser) -> JSONDict:
        persona = MEMBER if user.id == MEMBER.user_id else COACH
        menu = self.emulator.menu_button(user.id)
        return {
            "chat_id": user.id,
            "role": persona.role,
            "name": persona.first_name,
            "menu_button": {"text": menu["text"], "url": menu["web_app"]["url"]}
            if menu.get("type") == "web_app"
            else None,
            "messages": [message_json(m) for m in user.messages if not m.deleted],
            "reply_keyboard": reply_keyboard_json(user),
        }

    async def _web_app(self, request: web.Request) -> web.Response:
        """Open a Mini App the bot offered in this chat, as the chat's Telegram client would."""
        user = self._user(request)
        url = request.query.get("url", "")
        menu = self.emulator.menu_button(user.id)
        offered = {b.web_app_url for m in user.messages if not m.deleted for b in m.buttons}
        if menu.get("type") == "web_app":
            offered.add(menu["web_app"]["url"])
        if not url or url not in offered:
            raise _fail(web.HTTPNotFound, "the bot offered no such app in this chat")
        return web.json_response({"url": self.emulator.open_web_app(user, url)})

    # acting

    async def _send_text(self, request: web.Request) -> web.Response:
        user = self._user(request)
        body = await _json_body(request)
        text = str(body.get("text") or "").strip()
        if not text:
            raise _fail(web.HTTPBadRequest, "nothing to send")
        if body.get("reply_to") is not None:
            sent = await user.reply_to(self._message(user, body["reply_to"]), text)
        elif text.startswith("/"):
            command, _, args = text.partition(" ")
            sent = await user.send_command(command, args.strip())
        else:
            sent = await user.send_text(text)
        return web.json_response({"message": message_json(sent)})

    async def _share_location(self, request: web.Request) -> web.Response:
        """The member tapped "Share location": the page sends where they are (or picked)."""
        user = self._user(request)
        body = await _json_body(request)
        latitude, longitude = _coordinate(body, "latitude", 90), _coordinate(body, "longitude", 180)
        try:
            sent = await user.share_location(latitude, longitude)
        except LookupError:
            raise _fail(web.HTTPConflict, "the bot is not asking for a location here") from None
        return web.json_response({"message": message_json(sent)})

    async def _press(self, request: web.Request) -> web.Response:
        """Press a button and wait briefly for the bot's answer, to show its toast."""
        user = self._user(request)
        body = await _json_body(request)
        message = self._message(user, body.get("message_id"))
        data = str(body.get("callback_data") or "")
        if not any(button.callback_data == data for button in message.buttons):
            raise _fail(web.HTTPConflict, "that button is no longer there")
        query = await user.press(data, message)
        try:
            await self.emulator.wait_until(lambda: query.answered, PRESS_ANSWER_WAIT)
        except TimeoutError:
            log.warning(
                "the bot did not answer the press of %r within %s s", data, PRESS_ANSWER_WAIT
            )
        return web.json_response(
            {"answered": query.answered, "toast": query.answer_text, "alert": query.show_alert}
        )

    async def _upload(self, request: web.Request) -> web.Response:
        user = self._user(request)
        form = await request.post()
        upload = form.get("file")
        if not isinstance(upload, web.FileField):
            raise _fail(web.HTTPBadRequest, "choose a file to send")
        data = upload.file.read()
        caption = str(form.get("caption") or "").strip() or None
        mime_type = upload.content_type or "application/octet-stream"
        if mime_type.startswith("image/"):
            sent = await user.send_photo(data, caption=caption)
        elif mime_type.startswith("audio/"):
            sent = await user.send_voice(data, caption=caption)
        elif mime_type.startswith("video/"):
            sent = await user.send_video(
                data, file_name=upload.filename, mime_type=mime_type, caption=caption
            )
        else:
            sent = await user.send_document(
                data, file_name=upload.filename, mime_type=mime_type, caption=caption
            )
        return web.json_response({"message": message_json(sent)})

    # live events

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """Server-Sent Events: the whole state first, then every change in the two chats."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
        )
        await response.prepare(request)
        events = self.emulator.subscribe()
        self._streams.add(events)
        try:
            async with events:
                # No await between subscribing and the snapshot: no change can fall between.
                await _write_event(response, "snapshot", self._snapshot())
                await self._stream(response, events)
        except ConnectionResetError:
            log.debug("a web chat page went away")
        finally:
            self._streams.discard(events)
        return response

    async def _stream(self, response: web.StreamResponse, events: Subscription) -> None:
        """Until the subscription ends (at shutdown), or the page goes away."""
        while True:
            try:
                event = await asyncio.wait_for(anext(events), HEARTBEAT)
            except TimeoutError:
                await response.write(b": ping\n\n")
                continue
            except StopAsyncIteration:
                return
            user = self.users.get(event.chat_id)
            if user is not None:
                out = event_json(event)
                out["reply_keyboard"] = reply_keyboard_json(user)
                await _write_event(response, "chat", out)

    async def _end_streams(self, _app: web.Application) -> None:
        for events in list(self._streams):
            events.close()

    # lookups

    def _user(self, request: web.Request) -> SimulatedUser:
        user = self.users.get(_int(request.match_info["chat"]))
        if user is None:
            raise _fail(web.HTTPNotFound, "no such chat in this demo")
        return user

    def _message(self, user: SimulatedUser, message_id: object) -> ChatMessage:
        message = user.chat.message(_int(message_id))
        if message is None:
            raise _fail(web.HTTPNotFound, "that message is gone")
        return message


def _coordinate(body: JSONDict, name: str, limit: float) -> float:
    value = body.get(name)
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not -limit <= value <= limit
    ):
        raise _fail(web.HTTPBadRequest, f"{name} must be a number from {-limit} to {limit}")
    return float(value)


def _int(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        raise _fail(web.HTTPBadRequest, f"{value!r} is not a number") from None


async def _json_body(request: web.Request) -> JSONDict:
    try:
        body = await request.json()
    except ValueError:
        raise _fail(web.HTTPBadRequest, "send a JSON object") from None
    if not isinstance(body, dict):
        raise _fail(web.HTTPBadRequest, "send a JSON object")
    return body


async def _write_event(response: web.StreamResponse, name: str, data: JSONDict) -> None:
    await response.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())


# what the page sees


def message_json(message: ChatMessage) -> JSONDict:
    """A message as the page draws it."""
    reply_to = message.reply_to
    return {
        "id": message.message_id,
        "from_bot": message.from_bot,
        "sender": message.sender.get("first_name", ""),
        "date": message.date,
        "text": message.text,
        "caption": message.caption,
        "keyboard": [
            [
                {
                    "text": b.text,
                    "callback_data": b.callback_data,
                    "url": b.url,
                    "web_app_url": b.web_app_url,
                }
                for b in row
            ]
            for row in message.keyboard
        ],
        "file": _file_json(message),
        "reply_to": None
        if reply_to is None
        else {"id": reply_to.message_id, "text": reply_to.text or reply_to.caption or ""},
        "location": message.location,
        "forwarded": message.forward_origin is not None,
        "edited": message.edit_date is not None,
    }


def reply_keyboard_json(user: SimulatedUser) -> list[list[JSONDict]]:
    """The buttons the bot shows under the chat's text field (rows; empty: none)."""
    return [
        [{"text": button.text, "request_location": button.request_location} for button in row]
        for row in user.reply_keyboard
    ]


def _file_json(message: ChatMessage) -> JSONDict | None:
    stored = message.file
    if stored is None:
        return None
    return {
        "kind": stored.kind,
        "name": stored.file_name,
        "size": len(stored.data),
        "url": f"/api/chats/{message.chat_id}/files/{message.message_id}",
    }


def event_json(event: ChatEvent) -> JSONDict:
    """A chat event as the page applies it (a message, an edit, a deletion, an action)."""
    out: JSONDict = {"kind": event.kind, "chat_id": event.chat_id}
    if event.message is not None:
        out["message"] = message_json(event.message)
    if event.action is not None:
        out["action"] = event.action
    return out


def _content_type(stored: StoredFile) -> str:
    """What to serve a file as: the bot's charts are PNG whatever their upload said; a picture
    or a video keeps its type, so the page can show it; anything else is plain bytes."""
    if stored.data.startswith(_PNG_MAGIC):
        return "image/png"
    declared = (stored.mime_type or "").lower()
    if declared in _SHOWN_TYPES:
        return declared
    if not declared or declared == "application/octet-stream":
        return _FILE_TYPES.get(stored.kind, "application/octet-stream")
    return "application/octet-stream"
