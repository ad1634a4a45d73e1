"""``BotApiEmulator``: the test-facing object that runs the server and exposes its state."""

from __future__ import annotations

import socket
import string
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType

from aiohttp import web

from emulator import web_apps
from emulator.faults import Faults, FloodLimiter
from emulator.model import ApiRequest, ChatState, JSONDict
from emulator.server import ApiServer
from emulator.state import EmulatorState, Subscription
from emulator.users import SimulatedUser


class BotApiEmulator:
    """A local Telegram Bot API for one bot.

    Point python-telegram-bot at it with ``base_url=emu.base_url`` and
    ``base_file_url=emu.base_file_url``. ``strict_chats`` makes the bot's calls to chats whose
    user never wrote to the bot fail with "chat not found", as on Telegram.

    ``local_dir`` acts like a self-hosted ``telegram-bot-api --local --dir=<local_dir>``:
    ``getFile`` writes the file there and answers with its absolute path (the bot then needs
    ``local_mode``), and files up to 2000 MB instead of 20 MB can be fetched.
    """

    def __init__(
        self,
        token: str | None = None,
        *,
        bot_username: str = "coach_test_bot",
        bot_name: str = "Coach",
        strict_chats: bool = True,
        seed: int | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        local_dir: Path | None = None,
    ) -> None:
        state = EmulatorState({}, strict_chats=strict_chats, seed=seed)
        state.local_dir = local_dir
        if token is None:
            secret = "".join(state.rng.choices(string.ascii_letters + string.digits + "_-", k=35))
            token = f"{state.rng.randrange(5_000_000_000, 8_000_000_000)}:{secret}"
        bot_id, _, _ = token.partition(":")
        state.bot_user.update(
            id=int(bot_id) if bot_id.isdigit() else 1,
            is_bot=True,
            first_name=bot_name,
            username=bot_username,
            can_join_groups=True,
            can_read_all_group_messages=False,
            supports_inline_queries=False,
            can_connect_to_business=False,
            has_main_web_app=False,
        )
        self.state = state
        self.bot_token = token
        self._server = ApiServer(state, token)
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self._bound_port: int | None = None

    # lifecycle

    async def start(self) -> None:
        self._runner = web.AppRunner(self._server.app(), shutdown_timeout=1.0)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind((self._host, self._port))
        self._bound_port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()

    async def stop(self) -> None:
        """End pending long polls and subscriptions, then close the server."""
        self.state.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def url(self) -> str:
        if self._bound_port is None:
            raise RuntimeError("the emulator is not started")
        return f"http://{self._host}:{self._bound_port}"

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder.base_url``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder.base_file_url``."""
        return f"{self.url}/file/bot"

    # people and chats

    @property
    def bot_id(self) -> int:
        return int(self.state.bot_user["id"])

    def user(
        self,
        user_id: int | None = None,
        first_name: str = "Alex",
        username: str | None = None,
        *,
        last_name: str | None = None,
        language_code: str = "en",
        known: bool = False,
    ) -> SimulatedUser:
        """A user in a private chat with the bot; ``known`` as if they had already written
        to it (otherwise the bot may only write once the user has sent something)."""
        if user_id is None:
            user_id = self.state.rng.randrange(100_000_000, 7_000_000_000)
        names = {"first_name": first_name}
        if last_name:
            names["last_name"] = last_name
        if username:
            names["username"] = username
        user = {"id": user_id, "is_bot": False, **names, "language_code": language_code}
        chat = self.state.chat_state({"id": user_id, "type": "private", **names})
        chat.known = chat.known or known
        return SimulatedUser(self.state, user, chat)

    def group(self, chat_id: int, title: str = "Coaches") -> ChatState:
        """A group the bot is a member of (group ids are negative); people write in it
        with ``user.in_chat(group)``."""
        if chat_id >= 0:
            raise ValueError("group chat ids are negative")
        chat = self.state.chat_state({"id": chat_id, "type": "group", "title": title})
        chat.known = True
        return chat

    def serve_url(self, url: str, data: bytes) -> None:
        """Make ``url`` downloadable by the emulated Telegram: a ``sendVideo`` (or photo,
        document) naming it gets ``data``, as Telegram would fetch it. Other URLs fail like
        an unreachable one, and the emulator itself never goes to the network."""
        self.state.remote_files[url] = data

    def chat(self, chat_id: int) -> ChatState:
        """What a chat holds: ``messages`` in order (with edits), ``actions``."""
        return self.state.chats[chat_id]

    def open_web_app(
        self,
        user: SimulatedUser,
        url: str,
        *,
        auth_date: int | None = None,
        theme: Mapping[str, str] = web_apps.LIGHT_THEME,
    ) -> str:
        """The address ``user``'s Telegram client loads to open the bot's Mini App at ``url``
        (a ``web_app`` button or the chat's menu button), launch data signed as Telegram does,
        with the client's ``theme`` colours."""
        person = {key: value for key, value in user.user.items() if key != "is_bot"}
        return web_apps.launch_url(
            url, web_apps.init_data(person, self.bot_token, auth_date=auth_date), theme
        )

    def menu_button(self, chat_id: int) -> JSONDict:
        """The menu button the bot set for this chat (``setChatMenuButton``), or the default."""
        return self.state.menu_button(chat_id)

    # observing

    @property
    def faults(self) -> Faults:
        return self.state.faults

    @property
    def requests(self) -> list[ApiRequest]:
        """Every Bot API request the bot made, in order, with its outcome."""
        return self.state.requests

    def calls(self, method: str) -> list[ApiRequest]:
        """The requests to one method (name matched case-insensitively)."""
        return [r for r in self.state.requests if r.method.lower() == method.lower()]

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 - part of the test-facing API
    ) -> None:
        """Wait until ``predicate()`` holds: re-checked on every change the emulator sees, and
        every 20 ms for predicates about things outside it (a handler's database writes)."""
        await self.state.wait_until(predicate, timeout, recheck=0.02)

    def subscribe(self, chat_id: int | None = None) -> Subscription:
        """Live ``ChatEvent``s of one chat, or of all chats (for the demo web chat)."""
        return self.state.subscribe(chat_id)

    def enforce_rate_limit(
        self, per_second: int = 30, per_chat_per_second: int = 1
    ) -> FloodLimiter:
        """Answer sends beyond Telegram-like flood limits with 429 and ``retry_after``.
        The returned limiter counts ``rejected`` sends."""
        limiter = FloodLimiter(per_second, per_chat_per_second)
        self._server.flood_limiter = limiter
        return limiter

    def lift_rate_limit(self) -> None:
        self._server.flood_limiter = None
