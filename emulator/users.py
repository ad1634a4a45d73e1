"""Simulated Telegram users: what a member or the coach does in their chat with the bot."""

from __future__ import annotations

from collections.abc import Callable

from emulator.model import (
    CallbackQueryRecord,
    ChatEvent,
    ChatMessage,
    ChatState,
    JSONDict,
    MessageVersion,
    ReplyButton,
    StoredFile,
)
from emulator.state import EmulatorState


class SimulatedUser:
    """A person in a chat with the bot (their private chat, unless made with ``in_chat``).
    Actions queue updates for ``getUpdates``; ``wait_for_message`` reads what the bot sent
    back."""

    def __init__(self, state: EmulatorState, user: JSONDict, chat: ChatState) -> None:
        self._state = state
        self.user = user
        self.chat = chat
        self._chat_instance = str(state.rng.getrandbits(62))
        self._cursor = 0  # index in chat.messages from which wait_for_message looks
        # Edits each bot message had at this user's last action (see wait_for_edit).
        self._edits_at_action: dict[int, int] = {}

    @property
    def id(self) -> int:
        return int(self.user["id"])

    def in_chat(self, chat: ChatState) -> SimulatedUser:
        """The same person writing in another chat (a group made with ``emulator.group``)."""
        return SimulatedUser(self._state, self.user, chat)

    @property
    def menu(self) -> list[str]:
        """The commands the bot's menu shows this person in this chat (as set by
        ``setMyCommands`` for the narrowest scope that applies)."""
        language = str(self.user.get("language_code", ""))
        return [str(c["command"]) for c in self._state.menu(self.chat, self.id, language)]

    @property
    def reply_keyboard(self) -> list[list[ReplyButton]]:
        """The rows of the reply keyboard the bot shows under the text field (empty when
        there is none)."""
        rows = (self.chat.reply_keyboard or {}).get("keyboard", [])
        return [[_reply_button(button) for button in row] for row in rows]

    @property
    def messages(self) -> list[ChatMessage]:
        """Everything in the chat, in order (the user's own messages included)."""
        return self.chat.messages

    # sending

    async def send_text(self, text: str) -> ChatMessage:
        return self._send(text=text)

    async def send_command(
        self, command: str, args: str = "", *, reply_to: ChatMessage | None = None
    ) -> ChatMessage:
        """``/start`` or ``start`` with optional arguments, marked as a ``bot_command``;
        ``reply_to`` sends it as a reply to that message (``/demo`` on a video)."""
        command = command if command.startswith("/") else f"/{command}"
        text = f"{command} {args}" if args else command
        entity = {"type": "bot_command", "offset": 0, "length": len(command)}
        return self._send(text=text, entities=[entity], reply_to=reply_to)

    async def reply_to(self, message: ChatMessage, text: str) -> ChatMessage:
        """A text replying to ``message`` (e.g. the coach answering a forwarded video)."""
        return self._send(text=text, reply_to=message)

    async def edit(self, message: ChatMessage, text: str) -> ChatMessage:
        """Edit one of this user's own messages: its text (or a media message's caption)
        changes and the bot receives an ``edited_message`` update."""
        if message.sender.get("id") != self.id or message.chat_id != self.chat.chat_id:
            raise ValueError("a user can only edit their own messages in their chat")
        message.edit_history.append(
            MessageVersion(
                message.text,
                message.caption,
                message.reply_markup,
                message.edit_date or message.date,
            )
        )
        if message.file is None:
            message.text = text
        else:
            message.caption = text
        message.edit_date = self._state.now()
        self._cursor = len(self.chat.messages)
        self._state.publish(ChatEvent("edit", self.chat.chat_id, message))
        self._state.enqueue_update("edited_message", message.to_api())
        return message

    async def send_photo(
        self, data: bytes, caption: str | None = None, reply_to: ChatMessage | None = None
    ) -> ChatMessage:
        return self._send_file(
            "photo", data, caption=caption, mime_type="image/jpeg", reply_to=reply_to
        )

    async def send_voice(
        self,
        data: bytes,
        duration: int = 3,
        caption: str | None = None,
        reply_to: ChatMessage | None = None,
    ) -> ChatMessage:
        """A voice note (OGG/Opus, as Telegram's apps record them)."""
        return self._send_file(
            "voice",
            data,
            caption,
            mime_type="audio/ogg",
            duration=duration,
            reply_to=reply_to,
        )

    async def send_audio(
        self, data: bytes, file_name: str = "audio.mp3", duration: int = 30
    ) -> ChatMessage:
        """A music or audio file (not a voice note)."""
        return self._send_file(
            "audio", data, file_name=file_name, mime_type="audio/mpeg", duration=duration
        )

    async def send_video(
        self,
        data: bytes,
        file_name: str = "video.mp4",
        duration: int = 5,
        mime_type: str = "video/mp4",
        caption: str | None = None,
        file_size: int | None = None,
        reply_to: ChatMessage | None = None,
    ) -> ChatMessage:
        """A video; ``file_size`` makes Telegram report that size instead of ``len(data)``
        (a 30 MB phone video without allocating 30 MB)."""
        return self._send_file(
            "video",
            data,
            caption,
            file_name=file_name,
            duration=duration,
            mime_type=mime_type,
            reported_size=file_size,
            reply_to=reply_to,
        )

    async def send_video_note(self, data: bytes, duration: int = 5) -> ChatMessage:
        return self._send_file("video_note", data, duration=duration)

    async def send_document(
        self,
        data: bytes,
        file_name: str = "document.pdf",
        mime_type: str = "application/pdf",
        caption: str | None = None,
    ) -> ChatMessage:
        return self._send_file("document", data, caption, file_name=file_name, mime_type=mime_type)

    async def send_sticker(
        self, data: bytes = b"RIFF", emoji: str = "\N{THUMBS UP SIGN}"
    ) -> ChatMessage:
        return self._send_file("sticker", data, emoji=emoji)

    async def send_location(self, latitude: float, longitude: float) -> ChatMessage:
        """A location message (what Telegram sends for a location attachment)."""
        return self._send(location={"latitude": latitude, "longitude": longitude})

    async def share_location(self, latitude: float, longitude: float) -> ChatMessage:
        """Tap the reply keyboard's "share location" button: the location is sent, and a
        one-time keyboard is hidden. Fails when the bot shows no such button."""
        keyboard = self.chat.reply_keyboard or {}
        if not any(b.request_location for row in self.reply_keyboard for b in row):
            raise LookupError(f"no location button on the keyboard of chat {self.id}")
        if keyboard.get("one_time_keyboard"):
            self.chat.reply_keyboard = None
        return await self.send_location(latitude, longitude)

    async def press(self, label: str, message: ChatMessage | None = None) -> CallbackQueryRecord:
        """Press the inline button whose text or callback data is ``label`` on ``message``,
        by default on the latest bot message in this chat that has such a button."""
        candidates = [message] if message else reversed(self.chat.bot_messages)
        for candidate in candidates:
            button = candidate.find_button(label)
            if button is None:
                continue
            if button.callback_data is None:
                raise ValueError(f"button {label!r} has no callback data")
            return await self.send_callback(button.callback_data, candidate)
        raise LookupError(f"no button {label!r} in chat {self.id}")

    async def send_callback(self, data: str, message: ChatMessage) -> CallbackQueryRecord:
        """A callback query with any ``data`` from ``message``, whatever buttons it shows now:
        an old button Telegram still had on screen, or data a client forged."""
        query = CallbackQueryRecord(
            id=str(self._state.rng.getrandbits(63)),
            data=data,
            message=message,
        )
        self._state.callback_queries[query.id] = query
        self._cursor = len(self.chat.messages)
        self._mark_edits()
        self._state.enqueue_update(
            "callback_query",
            {
                "id": query.id,
                "from": self.user,
                "message": message.to_api(),
                "chat_instance": self._chat_instance,
                "data": data,
            },
        )
        return query

    # reading

    async def wait_for_message(
        self,
        predicate: Callable[[ChatMessage], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - part of the test-facing API
    ) -> ChatMessage:
        """The next bot message (after this user's last action and any message already
        returned) matching ``predicate``; waits on the emulator's change event."""
        found: list[ChatMessage] = []

        def arrived() -> bool:
            for index in range(self._cursor, len(self.chat.messages)):
                message = self.chat.messages[index]
                if message.from_bot and (predicate is None or predicate(message)):
                    self._cursor = index + 1
                    found.append(message)
                    return True
            return False

        try:
            await self._state.wait_until(arrived, timeout)
        except TimeoutError:
            recent = [m.text or m.caption or (m.file and m.file.kind) for m in self.messages[-5:]]
            raise TimeoutError(
                f"no bot message for user {self.id} within {timeout} s; last messages: {recent}"
            ) from None
        return found[0]

    async def wait_for_edit(
        self,
        message: ChatMessage,
        predicate: Callable[[ChatMessage], bool] | None = None,
        timeout: float = 5.0,  # noqa: ASYNC109 - part of the test-facing API
    ) -> ChatMessage:
        """``message`` once the bot has edited it since this user's last action (and it
        matches ``predicate``); waits on the emulator's change event."""
        before = self._edits_at_action.get(message.message_id, 0)

        def edited() -> bool:
            return len(message.edit_history) > before and (predicate is None or predicate(message))

        try:
            await self._state.wait_until(edited, timeout)
        except TimeoutError:
            raise TimeoutError(
                f"message {message.message_id} of user {self.id} not edited within {timeout} s; "
                f"it reads: {message.text or message.caption!r}"
            ) from None
        return message

    async def chat_state_wait(
        self,
        predicate: Callable[[], bool],
        timeout: float = 5.0,  # noqa: ASYNC109 - part of the test-facing API
    ) -> None:
        """Wait until ``predicate()`` holds, re-checked on every change the emulator sees."""
        await self._state.wait_until(predicate, timeout)

    # internals

    def _send_file(
        self,
        kind: str,
        data: bytes,
        caption: str | None = None,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        duration: int | None = None,
        emoji: str | None = None,
        reported_size: int | None = None,
        reply_to: ChatMessage | None = None,
    ) -> ChatMessage:
        stored = self._state.store_file(
            kind,
            data,
            file_name=file_name,
            mime_type=mime_type,
            duration=duration,
            emoji=emoji,
            reported_size=reported_size,
        )
        return self._send(caption=caption, file=stored, reply_to=reply_to)

    def _send(
        self,
        text: str | None = None,
        caption: str | None = None,
        entities: list[JSONDict] | None = None,
        reply_to: ChatMessage | None = None,
        file: StoredFile | None = None,
        location: JSONDict | None = None,
    ) -> ChatMessage:
        self.chat.known = True
        message = self._state.add_message(
            self.chat,
            self.user,
            text=text,
            caption=caption,
            entities=entities,
            file=file,
            reply_to=reply_to,
            location=location,
        )
        self._cursor = len(self.chat.messages)
        self._mark_edits()
        self._state.enqueue_update("message", message.to_api())
        return message

    def _mark_edits(self) -> None:
        self._edits_at_action = {
            m.message_id: len(m.edit_history) for m in self.chat.messages if m.from_bot
        }


def _reply_button(button: str | JSONDict) -> ReplyButton:
    """A reply keyboard button as the Bot API allows it: a plain string or a KeyboardButton."""
    if isinstance(button, str):
        return ReplyButton(button)
    return ReplyButton(
        str(button["text"]),
        request_location=bool(button.get("request_location")),
        request_contact=bool(button.get("request_contact")),
    )
