"""Plain records of what the emulated Telegram holds: files, messages, chats, requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

JSONDict = dict[str, Any]


@dataclass
class StoredFile:
    """A file uploaded by the bot or by a simulated user, downloadable through ``getFile``."""

    file_id: str
    file_unique_id: str
    kind: str  # photo, video, video_note, voice, audio, document, sticker
    data: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    duration: int | None = None
    emoji: str | None = None
    reported_size: int | None = None
    """The ``file_size`` Telegram reports, when a test simulates a file bigger than ``data``."""

    @property
    def size(self) -> int:
        return len(self.data) if self.reported_size is None else self.reported_size

    def to_api(self) -> Any:
        """The Bot API object for this file (``photo`` is a list of ``PhotoSize``)."""
        base: JSONDict = {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
        }
        if self.kind == "photo":
            return [{**base, "width": 800, "height": 600}]
        if self.kind == "video_note":
            return {**base, "length": 240, "duration": self.duration or 0}
        if self.kind == "sticker":
            sticker = {
                **base,
                "type": "regular",
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
            }
            return {**sticker, "emoji": self.emoji} if self.emoji else sticker
        extra: JSONDict = {}
        if self.kind == "video":
            extra = {
                "width": 1280,
                "height": 720,
                "duration": self.duration or 0,
            }
        if self.kind in ("voice", "audio"):
            extra = {"duration": self.duration or 0}
        if self.file_name:
            extra["file_name"] = self.file_name
        if self.mime_type:
            extra["mime_type"] = self.mime_type
        return {**base, **extra}

    def file_info(self) -> JSONDict:
        """The ``File`` object ``getFile`` answers with."""
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
            "file_path": self.file_path,
        }


@dataclass(frozen=True)
class Button:
    text: str
    callback_data: str | None = None
    url: str | None = None
    web_app_url: str | None = None
    """The Mini App a ``web_app`` button opens."""


@dataclass(frozen=True)
class ReplyButton:
    """A button of a reply keyboard: its text, and what tapping it sends instead of the text
    (``request_location``, ``request_contact``)."""

    text: str
    request_location: bool = False
    request_contact: bool = False


@dataclass(frozen=True)
class MessageVersion:
    """An earlier state of an edited message."""

    text: str | None
    caption: str | None
    reply_markup: JSONDict | None
    date: int


@dataclass
class ChatMessage:
    """One message in a chat, as Telegram stores it, with its edit history."""

    message_id: int
    chat: JSONDict
    sender: JSONDict
    date: int
    text: str | None = None
    caption: str | None = None
    entities: list[JSONDict] = field(default_factory=list)
    parse_mode: str | None = None
    reply_markup: JSONDict | None = None
    file: StoredFile | None = None
    reply_to: ChatMessage | None = None
    forward_origin: JSONDict | None = None
    edit_date: int | None = None
    edit_history: list[MessageVersion] = field(default_factory=list)
    deleted: bool = False
    reactions: list[str] = field(default_factory=list)
    """The emoji the bot has put on this message (``setMessageReaction``)."""
    location: JSONDict | None = None
    """A shared location: ``{"latitude": …, "longitude": …}``."""

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])

    @property
    def from_bot(self) -> bool:
        return bool(self.sender.get("is_bot"))

    @property
    def data(self) -> bytes | None:
        """The bytes of the attached photo, video, document…, if any."""
        return self.file.data if self.file else None

    @property
    def keyboard(self) -> list[list[Button]]:
        """The inline keyboard rows (empty without an inline keyboard)."""
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [
            [
                Button(
                    b["text"],
                    b.get("callback_data"),
                    b.get("url"),
                    (b.get("web_app") or {}).get("url"),
                )
                for b in row
            ]
            for row in rows
        ]

    @property
    def buttons(self) -> list[Button]:
        return [button for row in self.keyboard for button in row]

    def find_button(self, label: str) -> Button | None:
        """The button whose text or callback data is ``label``."""
        return next((b for b in self.buttons if label in (b.text, b.callback_data)), None)

    def to_api(self, *, with_reply: bool = True) -> JSONDict:
        """The Bot API ``Message`` object."""
        out: JSONDict = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
        }
        if self.text is not None:
            out["text"] = self.text
            if self.entities:
                out["entities"] = self.entities
        if self.caption is not None:
            out["caption"] = self.caption
            if self.entities:
                out["caption_entities"] = self.entities
        if self.file is not None:
            out[self.file.kind] = self.file.to_api()
        if self.location is not None:
            out["location"] = self.location
        if self.reply_markup is not None and "inline_keyboard" in self.reply_markup:
            out["reply_markup"] = self.reply_markup
        if self.reply_to is not None and with_reply:
            out["reply_to_message"] = self.reply_to.to_api(with_reply=False)
        if self.forward_origin is not None:
            out["forward_origin"] = self.forward_origin
        if self.edit_date is not None:
            out["edit_date"] = self.edit_date
        return out


@dataclass
class ChatState:
    """A chat the bot is in: a private chat with one user, or a group."""

    chat: JSONDict
    known: bool = False  # the user has talked to the bot, so the bot may write there
    messages: list[ChatMessage] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)
    next_message_id: int = 1
    reply_keyboard: JSONDict | None = None
    """The bot's reply keyboard the user sees under the text field (``ReplyKeyboardMarkup``),
    until the bot removes it or, for a one-time keyboard, the user taps one of its buttons."""

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])

    @property
    def private(self) -> bool:
        return self.chat.get("type") == "private"

    @property
    def bot_messages(self) -> list[ChatMessage]:
        return [m for m in self.messages if m.from_bot and not m.deleted]

    def message(self, message_id: int) -> ChatMessage | None:
        """The live (not deleted) message with this id."""
        for message in self.messages:
            if message.message_id == message_id and not message.deleted:
                return message
        return None


@dataclass
class CallbackQueryRecord:
    """A button press sent to the bot, and how the bot answered it."""

    id: str
    data: str
    message: ChatMessage
    answered: bool = False
    answer_text: str | None = None
    show_alert: bool = False


@dataclass(frozen=True)
class ApiRequest:
    """One Bot API call the bot made, with its outcome (status 200 or the error code).

    ``time`` is the event loop's monotonic clock when the request arrived; ``params`` are
    the checked, typed parameters (the raw ones when the request was refused earlier).
    """

    method: str
    params: JSONDict
    time: float
    status: int
    description: str | None = None


@dataclass(frozen=True)
class CommandsKey:
    """Which command list: a scope (``default``, ``all_private_chats``, ``chat``…), the
    chat and user it names, if any, and a language ("" for all)."""

    scope: str
    chat_id: int | None = None
    user_id: int | None = None
    language_code: str = ""


@dataclass(frozen=True)
class ChatEvent:
    """A live change in a chat, for subscribers such as the demo web chat."""

    kind: Literal["message", "edit", "delete", "chat_action"]
    chat_id: int
    message: ChatMessage | None = None
    action: str | None = None
