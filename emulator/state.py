"""The emulated Telegram's memory: chats, messages, files, pending updates, and change
notification for long polls, test waits and live subscribers."""

from __future__ import annotations

import asyncio
import contextlib
import random
import string
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from emulator.errors import bad_request
from emulator.faults import Faults
from emulator.model import (
    ApiRequest,
    CallbackQueryRecord,
    ChatEvent,
    ChatMessage,
    ChatState,
    CommandsKey,
    JSONDict,
    StoredFile,
)

_EXTENSIONS = {
    "photo": "jpg",
    "video": "mp4",
    "video_note": "mp4",
    "voice": "ogg",
    "audio": "mp3",
    "sticker": "webp",
}
_ID_ALPHABET = string.ascii_letters + string.digits + "-_"


class Subscription:
    """Live events of one chat (or of all chats): ``async with emu.subscribe() as events:
    async for event in events: ...``. Ends when closed or when the emulator stops."""

    def __init__(self, state: EmulatorState, chat_id: int | None) -> None:
        self._state = state
        self.chat_id = chat_id
        self._queue: asyncio.Queue[ChatEvent | None] = asyncio.Queue()

    def push(self, event: ChatEvent | None) -> None:
        if event is None or self.chat_id in (None, event.chat_id):
            self._queue.put_nowait(event)

    def close(self) -> None:
        if self in self._state.subscriptions:
            self._state.subscriptions.remove(self)
        self._queue.put_nowait(None)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> ChatEvent:
        event = await self._queue.get()
        if event is None:
            raise StopAsyncIteration
        return event

    async def __aenter__(self) -> Subscription:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class EmulatorState:
    def __init__(self, bot_user: JSONDict, *, strict_chats: bool, seed: int | None) -> None:
        self.bot_user = bot_user
        self.strict_chats = strict_chats
        self.faults = Faults(self.delete_message)
        self.rng = random.Random(seed)
        self.chats: dict[int, ChatState] = {}
        self.files: dict[str, StoredFile] = {}
        self.files_by_path: dict[str, StoredFile] = {}
        self.remote_files: dict[str, bytes] = {}
        """What each URL a test serves holds (see ``BotApiEmulator.serve_url``)."""
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.requests: list[ApiRequest] = []
        self.webhook_url = ""
        self.local_dir: Path | None = None  # set for a server in local mode (see BotApiEmulator)
        self.commands: dict[CommandsKey, list[JSONDict]] = {}
        # setChatMenuButton: by private chat id, None for the bot's default button.
        self.menu_buttons: dict[int | None, JSONDict] = {}
        self.subscriptions: list[Subscription] = []
        self.closed = False
        self._updates: list[tuple[int, JSONDict]] = []
        self._next_update_id = 100_000_000 + self.rng.randrange(900_000_000)
        self._changed = asyncio.Event()

    # ids and time

    def now(self) -> int:
        return int(time.time())

    def random_id(self, prefix: str, length: int) -> str:
        return prefix + "".join(self.rng.choices(_ID_ALPHABET, k=length))

    # chats and messages

    def chat_state(self, chat: JSONDict) -> ChatState:
        """The chat with this ``Chat`` object's id, created on first use."""
        chat_id = int(chat["id"])
        if chat_id not in self.chats:
            self.chats[chat_id] = ChatState(chat=chat)
        return self.chats[chat_id]

    def target_chat(self, chat_id: int | str) -> ChatState:
        """The chat a bot call aims at; unknown chats fail unless ``strict_chats`` is off."""
        if isinstance(chat_id, str):
            username = chat_id.removeprefix("@")
            found = [c for c in self.chats.values() if c.chat.get("username") == username]
            if not found:
                raise bad_request("chat not found")
            chat_id = found[0].chat_id
        state = self.chats.get(chat_id)
        if state is None and not self.strict_chats and chat_id > 0:
            state = self.chat_state({"id": chat_id, "type": "private", "first_name": "User"})
        if state is None or (self.strict_chats and not state.known):
            raise bad_request("chat not found")
        self.faults.check_chat(chat_id)
        return state

    def add_message(
        self,
        chat: ChatState,
        sender: JSONDict,
        *,
        text: str | None = None,
        caption: str | None = None,
        entities: list[JSONDict] | None = None,
        parse_mode: str | None = None,
        reply_markup: JSONDict | None = None,
        file: StoredFile | None = None,
        reply_to: ChatMessage | None = None,
        forward_origin: JSONDict | None = None,
        location: JSONDict | None = None,
    ) -> ChatMessage:
        message = ChatMessage(
            message_id=chat.next_message_id,
            chat=chat.chat,
            sender=sender,
            date=self.now(),
            text=text,
            caption=caption,
            entities=entities or [],
            parse_mode=parse_mode,
            reply_markup=reply_markup,
            file=file,
            reply_to=reply_to,
            forward_origin=forward_origin,
            location=location,
        )
        chat.next_message_id += 1
        chat.messages.append(message)
        if sender.get("is_bot") and reply_markup is not None:
            if "keyboard" in reply_markup:
                chat.reply_keyboard = reply_markup
            elif reply_markup.get("remove_keyboard"):
                chat.reply_keyboard = None
        self.publish(ChatEvent("message", chat.chat_id, message))
        return message

    def delete_message(self, chat_id: int, message_id: int) -> None:
        message = self.chats[chat_id].message(message_id)
        if message is None:
            raise bad_request("message to delete not found")
        message.deleted = True
        self.publish(ChatEvent("delete", chat_id, message))

    def store_file(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        duration: int | None = None,
        emoji: str | None = None,
        reported_size: int | None = None,
    ) -> StoredFile:
        extension = _EXTENSIONS.get(kind, "bin")
        stored = StoredFile(
            file_id=self.random_id("BAACAgIAAxkBAAI", 56),
            file_unique_id=self.random_id("AgAD", 12),
            kind=kind,
            data=data,
            file_path=f"{kind}s/file_{len(self.files)}.{extension}",
            file_name=file_name,
            mime_type=mime_type,
            duration=duration,
            emoji=emoji,
            reported_size=reported_size,
        )
        self.files[stored.file_id] = stored
        self.files_by_path[stored.file_path] = stored
        return stored

    def menu(self, chat: ChatState, user_id: int, language_code: str = "") -> list[JSONDict]:
        """The commands this user sees in this chat's menu, found as Telegram does: the
        narrowest scope that has a list, in the user's language before any language."""
        if chat.private:
            scopes = [
                CommandsKey("chat", chat.chat_id),
                CommandsKey("all_private_chats"),
                CommandsKey("default"),
            ]
        else:
            scopes = [
                CommandsKey("chat_member", chat.chat_id, user_id),
                CommandsKey("chat", chat.chat_id),
                CommandsKey("all_group_chats"),
                CommandsKey("default"),
            ]
        for scope in scopes:
            for language in dict.fromkeys((language_code, "")):
                key = CommandsKey(scope.scope, scope.chat_id, scope.user_id, language)
                if key in self.commands:
                    return self.commands[key]
        return []

    # updates

    def enqueue_update(self, kind: str, payload: JSONDict) -> JSONDict:
        """Queue an update for ``getUpdates`` (twice when a duplicate fault is armed)."""
        update_id = self._next_update_id
        self._next_update_id += 1
        update: JSONDict = {"update_id": update_id, kind: payload}
        copies = 2 if self.faults.take_duplicate() else 1
        self._updates.extend([(update_id, update)] * copies)
        self.notify()
        return update

    def drop_pending_updates(self) -> None:
        self._updates.clear()

    @property
    def pending_update_count(self) -> int:
        return len(self._updates)

    async def next_updates(
        self, offset: int | None, limit: int, wait: float, allowed: list[str] | None
    ) -> list[JSONDict]:
        """``getUpdates``: confirm updates below ``offset``, then wait up to ``wait``
        seconds (on the change event, not by polling) for at least one update."""
        if offset is not None:
            if offset < 0:
                self._updates = self._updates[offset:]
            else:
                self._updates = [(i, u) for i, u in self._updates if i >= offset]
        if allowed:
            self._updates = [(i, u) for i, u in self._updates if set(u) & set(allowed)]
        await self.wait_until(lambda: bool(self._updates) or self.closed, wait, quiet=True)
        return [update for _, update in self._updates[:limit]]

    # change notification

    def notify(self) -> None:
        """Wake everything waiting for a change."""
        self._changed.set()
        self._changed = asyncio.Event()

    def publish(self, event: ChatEvent) -> None:
        for subscription in self.subscriptions:
            subscription.push(event)
        self.notify()

    def subscribe(self, chat_id: int | None = None) -> Subscription:
        subscription = Subscription(self, chat_id)
        self.subscriptions.append(subscription)
        return subscription

    async def wait_until(
        self,
        predicate: Callable[[], bool],
        seconds: float,
        *,
        quiet: bool = False,
        recheck: float | None = None,
    ) -> bool:
        """Wait until ``predicate()`` holds, re-checking on every change of the emulator.

        ``recheck`` adds a re-check at that interval for predicates that also look at
        things outside the emulator (a handler's own bookkeeping, a database row).
        On timeout return False when ``quiet``, else raise ``TimeoutError``.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not predicate():
            remaining = deadline - loop.time()
            if remaining <= 0:
                if quiet:
                    return False
                raise TimeoutError(f"condition not met within {seconds} s")
            changed = self._changed
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(changed.wait(), min(remaining, recheck or remaining))
        return True

    def menu_button(self, chat_id: int | None) -> JSONDict:
        """The menu button a chat shows: its own, else the bot's default, else commands."""
        if chat_id is not None and chat_id in self.menu_buttons:
            return self.menu_buttons[chat_id]
        return self.menu_buttons.get(None, {"type": "commands"})

    def close(self) -> None:
        """End long polls and subscriptions."""
        self.closed = True
        for subscription in list(self.subscriptions):
            subscription.close()
        self.notify()
