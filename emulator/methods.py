"""The Bot API methods the emulator implements, each with its parameter allow-list."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from emulator import validation
from emulator.errors import NOT_MODIFIED, ApiError, bad_request
from emulator.model import (
    ChatEvent,
    ChatMessage,
    ChatState,
    CommandsKey,
    JSONDict,
    MessageVersion,
    StoredFile,
)
from emulator.params import Kind, Params, Upload
from emulator.state import EmulatorState

Handler = Callable[[EmulatorState, Params], Awaitable[object]]


@dataclass(frozen=True)
class MethodSpec:
    name: str
    params: dict[str, Kind]
    required: frozenset[str]
    handler: Handler


METHODS: dict[str, MethodSpec] = {}
"""Implemented methods by lower-case name (Telegram matches method names case-insensitively)."""


def method(
    name: str, params: dict[str, Kind], required: tuple[str, ...] = ()
) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        METHODS[name.lower()] = MethodSpec(name, params, frozenset(required), handler)
        return handler

    return register


_SEND = {
    "chat_id": Kind.CHAT_ID,
    "business_connection_id": Kind.STR,
    "message_thread_id": Kind.INT,
    "direct_messages_topic_id": Kind.INT,
    "disable_notification": Kind.BOOL,
    "protect_content": Kind.BOOL,
    "allow_paid_broadcast": Kind.BOOL,
    "message_effect_id": Kind.STR,
    "suggested_post_parameters": Kind.OBJECT,
    "reply_parameters": Kind.OBJECT,
    "reply_to_message_id": Kind.INT,
    "allow_sending_without_reply": Kind.BOOL,
    "reply_markup": Kind.OBJECT,
}
_CAPTION = {
    "caption": Kind.STR,
    "parse_mode": Kind.STR,
    "caption_entities": Kind.ARRAY,
    "show_caption_above_media": Kind.BOOL,
}
_EDIT_TARGET = {
    "chat_id": Kind.CHAT_ID,
    "message_id": Kind.INT,
    "inline_message_id": Kind.STR,
    "business_connection_id": Kind.STR,
    "reply_markup": Kind.OBJECT,
}
_COMMANDS_SCOPE = {"scope": Kind.OBJECT, "language_code": Kind.STR}
_SCOPE_TYPES = frozenset(
    {"default", "all_private_chats", "all_group_chats", "all_chat_administrators"}
    | {"chat", "chat_administrators", "chat_member"}
)
_CHAT_SCOPES = frozenset({"chat", "chat_administrators", "chat_member"})
_CHAT_ACTIONS = frozenset(
    {"typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice"}
    | {"upload_document", "choose_sticker", "find_location", "record_video_note"}
    | {"upload_video_note"}
)
_FILE_TYPE_NAMES = {
    "photo": "Photo",
    "video": "Video",
    "video_note": "VideoNote",
    "voice": "Voice",
    "audio": "Audio",
    "document": "Document",
    "sticker": "Sticker",
}
_COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
_MAX_DOWNLOAD = 20 * 1024 * 1024
_MAX_LOCAL_DOWNLOAD = 2000 * 1024 * 1024  # a self-hosted server started with --local


# getting updates and bot settings


@method("getMe", {})
async def get_me(state: EmulatorState, p: Params) -> object:
    return state.bot_user


@method(
    "getUpdates",
    {"offset": Kind.INT, "limit": Kind.INT, "timeout": Kind.INT, "allowed_updates": Kind.ARRAY},
)
async def get_updates(state: EmulatorState, p: Params) -> object:
    if state.webhook_url:
        raise ApiError(
            409,
            "Conflict: can't use getUpdates method while webhook is active; "
            "use deleteWebhook to delete the webhook first",
        )
    limit = min(max(p.opt_integer("limit") or 100, 1), 100)
    timeout = max(p.opt_integer("timeout") or 0, 0)
    return await state.next_updates(
        p.opt_integer("offset"), limit, timeout, p.array("allowed_updates")
    )


@method(
    "setWebhook",
    {
        "url": Kind.STR,
        "certificate": Kind.FILE,
        "ip_address": Kind.STR,
        "max_connections": Kind.INT,
        "allowed_updates": Kind.ARRAY,
        "drop_pending_updates": Kind.BOOL,
        "secret_token": Kind.STR,
    },
    required=("url",),
)
async def set_webhook(state: EmulatorState, p: Params) -> object:
    state.webhook_url = p.string("url")
    if p.flag("drop_pending_updates"):
        state.drop_pending_updates()
    return True


@method("deleteWebhook", {"drop_pending_updates": Kind.BOOL})
async def delete_webhook(state: EmulatorState, p: Params) -> object:
    state.webhook_url = ""
    if p.flag("drop_pending_updates"):
        state.drop_pending_updates()
    return True


@method("getWebhookInfo", {})
async def get_webhook_info(state: EmulatorState, p: Params) -> object:
    return {
        "url": state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": state.pending_update_count,
    }


def _commands_key(state: EmulatorState, p: Params) -> CommandsKey:
    """Which list a command call is about: the scope (its type, and the chat and user it
    names, if any) and the language. A chat scope must name a chat the bot can reach."""
    scope = p.obj("scope") or {"type": "default"}
    kind = str(scope.get("type", "default"))
    if kind not in _SCOPE_TYPES:
        raise bad_request("unsupported bot command scope type")
    chat_id, user_id = scope.get("chat_id"), scope.get("user_id")
    if kind in _CHAT_SCOPES:
        if not isinstance(chat_id, int):
            raise bad_request("chat not found")
        state.target_chat(chat_id)
    if kind == "chat_member" and not isinstance(user_id, int):
        raise bad_request("user not found")
    return CommandsKey(
        kind,
        chat_id if kind in _CHAT_SCOPES else None,
        user_id if kind == "chat_member" else None,
        p.opt_string("language_code") or "",
    )


@method("setMyCommands", {"commands": Kind.ARRAY, **_COMMANDS_SCOPE}, required=("commands",))
async def set_my_commands(state: EmulatorState, p: Params) -> object:
    commands = p.array("commands") or []
    if len(commands) > 100:
        raise bad_request("too many commands specified")
    for command in commands:
        if not isinstance(command, dict) or not _COMMAND_RE.fullmatch(
            str(command.get("command", ""))
        ):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(str(command.get("description", ""))) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    state.commands[_commands_key(state, p)] = commands
    return True


@method("getMyCommands", _COMMANDS_SCOPE)
async def get_my_commands(state: EmulatorState, p: Params) -> object:
    return state.commands.get(_commands_key(state, p), [])


@method("deleteMyCommands", _COMMANDS_SCOPE)
async def delete_my_commands(state: EmulatorState, p: Params) -> object:
    state.commands.pop(_commands_key(state, p), None)
    return True


_MENU_BUTTON_TYPES = frozenset({"commands", "web_app", "default"})


@method("setChatMenuButton", {"chat_id": Kind.INT, "menu_button": Kind.OBJECT})
async def set_chat_menu_button(state: EmulatorState, p: Params) -> object:
    chat_id = p.opt_integer("chat_id")
    if chat_id is not None:
        state.target_chat(chat_id)
    button = p.obj("menu_button") or {"type": "default"}
    if button.get("type") not in _MENU_BUTTON_TYPES:
        raise bad_request("unsupported menu button type")
    if button["type"] == "web_app":
        if not isinstance(button.get("text"), str) or not button["text"].strip():
            raise bad_request("menu button text is empty")
        validation.web_app_url(button.get("web_app"), "menu button")
    if button["type"] == "default":
        state.menu_buttons.pop(chat_id, None)
    else:
        state.menu_buttons[chat_id] = button
    return True


@method("getChatMenuButton", {"chat_id": Kind.INT})
async def get_chat_menu_button(state: EmulatorState, p: Params) -> object:
    chat_id = p.opt_integer("chat_id")
    return state.menu_button(chat_id)


# sending


def _reply_target(state: EmulatorState, chat: ChatState, p: Params) -> ChatMessage | None:
    """The message a send replies to, from ``reply_parameters`` or ``reply_to_message_id``."""
    reply = p.obj("reply_parameters")
    if reply is None:
        if "reply_to_message_id" not in p:
            return None
        reply = {
            "message_id": p.integer("reply_to_message_id"),
            "allow_sending_without_reply": p.flag("allow_sending_without_reply"),
        }
    message_id = reply.get("message_id")
    if not isinstance(message_id, int):
        raise bad_request('field "message_id" must be of type Integer')
    source = chat
    if "chat_id" in reply:
        source = state.chats.get(int(reply["chat_id"]), chat)
    target = source.message(message_id)
    if target is None and not reply.get("allow_sending_without_reply"):
        raise bad_request("message to be replied not found")
    return target


@method(
    "sendMessage",
    {
        **_SEND,
        "text": Kind.STR,
        "parse_mode": Kind.STR,
        "entities": Kind.ARRAY,
        "link_preview_options": Kind.OBJECT,
        "disable_web_page_preview": Kind.BOOL,
    },
    required=("chat_id", "text"),
)
async def send_message(state: EmulatorState, p: Params) -> object:
    chat = state.target_chat(p.chat_id())
    parse_mode = p.opt_string("parse_mode")
    text, entities = validation.message_text(p.string("text"), parse_mode)
    markup = p.obj("reply_markup")
    validation.reply_markup(markup)
    reply_to = _reply_target(state, chat, p)
    message = state.add_message(
        chat,
        state.bot_user,
        text=text,
        entities=entities or p.array("entities"),
        parse_mode=parse_mode,
        reply_markup=markup,
        reply_to=reply_to,
    )
    return message.to_api()


def _input_file(state: EmulatorState, value: Upload | str, kind: str, p: Params) -> StoredFile:
    """The stored file for an upload, or the existing file a ``file_id`` names."""
    if isinstance(value, Upload):
        return state.store_file(
            kind,
            value.data,
            file_name=value.filename,
            mime_type=value.content_type,
            duration=p.opt_integer("duration"),
        )
    if value.startswith(("http://", "https://")):
        fetched = state.remote_files.get(value)
        if fetched is None:
            raise bad_request("failed to get HTTP URL content")
        name = value.rsplit("/", 1)[-1] or None
        return state.store_file(kind, fetched, file_name=name, duration=p.opt_integer("duration"))
    stored = state.files.get(value)
    if stored is None:
        raise bad_request("wrong file identifier/HTTP URL specified")
    if stored.kind != kind:
        raise bad_request(
            f"can't use file of type {_FILE_TYPE_NAMES[stored.kind]} as {_FILE_TYPE_NAMES[kind]}"
        )
    return stored


async def _send_media(state: EmulatorState, p: Params, kind: str) -> object:
    chat = state.target_chat(p.chat_id())
    parse_mode = p.opt_string("parse_mode")
    caption, entities = validation.caption_text(p.opt_string("caption"), parse_mode)
    markup = p.obj("reply_markup")
    validation.reply_markup(markup)
    reply_to = _reply_target(state, chat, p)
    stored = _input_file(state, p.file(kind), kind, p)
    message = state.add_message(
        chat,
        state.bot_user,
        caption=caption,
        entities=entities or p.array("caption_entities"),
        parse_mode=parse_mode,
        reply_markup=markup,
        reply_to=reply_to,
        file=stored,
    )
    return message.to_api()


_MEDIA_PARAMS = {**_SEND, **_CAPTION, "has_spoiler": Kind.BOOL}
_VIDEO_SHAPE = {"duration": Kind.INT, "width": Kind.INT, "height": Kind.INT}


@method("sendPhoto", {**_MEDIA_PARAMS, "photo": Kind.FILE}, required=("chat_id", "photo"))
async def send_photo(state: EmulatorState, p: Params) -> object:
    return await _send_media(state, p, "photo")


@method(
    "sendVideo",
    {
        **_MEDIA_PARAMS,
        **_VIDEO_SHAPE,
        "video": Kind.FILE,
        "thumbnail": Kind.FILE,
        "cover": Kind.FILE,
        "start_timestamp": Kind.INT,
        "supports_streaming": Kind.BOOL,
    },
    required=("chat_id", "video"),
)
async def send_video(state: EmulatorState, p: Params) -> object:
    return await _send_media(state, p, "video")


@method(
    "sendDocument",
    {
        **_SEND,
        **_CAPTION,
        "document": Kind.FILE,
        "thumbnail": Kind.FILE,
        "disable_content_type_detection": Kind.BOOL,
    },
    required=("chat_id", "document"),
)
async def send_document(state: EmulatorState, p: Params) -> object:
    return await _send_media(state, p, "document")


def _source_message(state: EmulatorState, p: Params, verb: str) -> ChatMessage:
    from_chat = p.chat_id("from_chat_id")
    source_chat = state.chats.get(from_chat) if isinstance(from_chat, int) else None
    if source_chat is None:
        raise bad_request("chat not found")
    message = source_chat.message(p.integer("message_id"))
    if message is None:
        raise bad_request(f"message to {verb} not found")
    return message


_FORWARD_PARAMS = {
    "chat_id": Kind.CHAT_ID,
    "from_chat_id": Kind.CHAT_ID,
    "message_id": Kind.INT,
    "message_thread_id": Kind.INT,
    "direct_messages_topic_id": Kind.INT,
    "video_start_timestamp": Kind.INT,
    "disable_notification": Kind.BOOL,
    "protect_content": Kind.BOOL,
    "suggested_post_parameters": Kind.OBJECT,
}


@method(
    "copyMessage",
    {**_SEND, **_CAPTION, **_FORWARD_PARAMS},
    required=("chat_id", "from_chat_id", "message_id"),
)
async def copy_message(state: EmulatorState, p: Params) -> object:
    chat = state.target_chat(p.chat_id())
    source = _source_message(state, p, "copy")
    caption = source.caption
    if "caption" in p:
        caption, _ = validation.caption_text(p.opt_string("caption"), p.opt_string("parse_mode"))
    markup = p.obj("reply_markup")
    validation.reply_markup(markup)
    copy = state.add_message(
        chat,
        state.bot_user,
        text=source.text,
        caption=caption if source.file else None,
        entities=source.entities,
        reply_markup=markup,
        file=source.file,
        reply_to=_reply_target(state, chat, p),
    )
    return {"message_id": copy.message_id}


@method("forwardMessage", _FORWARD_PARAMS, required=("chat_id", "from_chat_id", "message_id"))
async def forward_message(state: EmulatorState, p: Params) -> object:
    chat = state.target_chat(p.chat_id())
    source = _source_message(state, p, "forward")
    origin = source.forward_origin or {
        "type": "user",
        "sender_user": source.sender,
        "date": source.date,
    }
    forwarded = state.add_message(
        chat,
        state.bot_user,
        text=source.text,
        caption=source.caption,
        entities=source.entities,
        file=source.file,
        forward_origin=origin,
    )
    return forwarded.to_api()


# editing and deleting


def _message_to_edit(state: EmulatorState, p: Params) -> ChatMessage:
    if "inline_message_id" in p:
        raise bad_request("inline messages are not supported by the emulator")
    if "chat_id" not in p:
        raise bad_request("chat_id is empty")
    if "message_id" not in p:
        raise bad_request("message_id is empty")
    message = state.target_chat(p.chat_id()).message(p.integer("message_id"))
    if message is None:
        raise bad_request("message to edit not found")
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return message


def _keep_version(message: ChatMessage) -> None:
    """The message as it is now into its edit history (call before changing it)."""
    message.edit_history.append(
        MessageVersion(
            message.text, message.caption, message.reply_markup, message.edit_date or message.date
        )
    )


def _announce_edit(state: EmulatorState, message: ChatMessage) -> object:
    """Stamp an edited message and tell the chat's watchers; its API form is the answer."""
    message.edit_date = state.now()
    state.publish(ChatEvent("edit", message.chat_id, message))
    return message.to_api()


def _apply_edit(
    state: EmulatorState,
    message: ChatMessage,
    text: str | None,
    markup: JSONDict | None,
    entities: list[JSONDict] | None = None,
) -> object:
    """Replace text (and its entities, unless `entities` is None) and markup."""
    entities = message.entities if entities is None else entities
    if text == message.text and markup == message.reply_markup and entities == message.entities:
        raise bad_request(NOT_MODIFIED)
    _keep_version(message)
    message.text = text
    message.entities = entities
    message.reply_markup = markup
    return _announce_edit(state, message)


@method(
    "editMessageText",
    {
        **_EDIT_TARGET,
        "text": Kind.STR,
        "parse_mode": Kind.STR,
        "entities": Kind.ARRAY,
        "link_preview_options": Kind.OBJECT,
        "disable_web_page_preview": Kind.BOOL,
    },
    required=("text",),
)
async def edit_message_text(state: EmulatorState, p: Params) -> object:
    message = _message_to_edit(state, p)
    if message.text is None:
        raise bad_request("there is no text in the message to edit")
    parse_mode = p.opt_string("parse_mode")
    text, entities = validation.message_text(p.string("text"), parse_mode)
    markup = p.obj("reply_markup")
    validation.reply_markup(markup, inline_only=True)
    message.parse_mode = parse_mode
    return _apply_edit(state, message, text, markup, entities or p.array("entities") or [])


def _edit_media_message(
    state: EmulatorState,
    message: ChatMessage,
    caption: str | None,
    entities: list[JSONDict],
    markup: JSONDict | None,
    file: StoredFile | None = None,
) -> object:
    """Replace a media message's caption (and its file, when given) and markup."""
    if (
        file is None
        and caption == message.caption
        and entities == message.entities
        and markup == message.reply_markup
    ):
        raise bad_request(NOT_MODIFIED)
    _keep_version(message)
    message.caption = caption
    message.entities = entities
    message.reply_markup = markup
    if file is not None:
        message.file = file
    return _announce_edit(state, message)


@method("editMessageCaption", {**_EDIT_TARGET, **_CAPTION})
async def edit_message_caption(state: EmulatorState, p: Params) -> object:
    message = _message_to_edit(state, p)
    if message.file is None:
        raise bad_request("there is no caption in the message to edit")
    parse_mode = p.opt_string("parse_mode")
    caption, entities = validation.caption_text(p.opt_string("caption"), parse_mode)
    markup = p.obj("reply_markup")
    validation.reply_markup(markup, inline_only=True)
    message.parse_mode = parse_mode
    return _edit_media_message(
        state, message, caption, entities or p.array("caption_entities") or [], markup
    )


_MEDIA_KINDS = frozenset({"photo", "video", "audio", "document"})


@method("editMessageMedia", {**_EDIT_TARGET, "media": Kind.OBJECT}, required=("media",))
async def edit_message_media(state: EmulatorState, p: Params) -> object:
    """A new file and caption for a media message (an album's type rules are not emulated)."""
    message = _message_to_edit(state, p)
    if message.file is None:
        raise bad_request("there is no media in the message to edit")
    media = p.obj("media") or {}
    kind = media.get("type")
    if kind not in _MEDIA_KINDS:
        raise bad_request("can't parse InputMedia: media type is not specified or invalid")
    source = media.get("media")
    if not isinstance(source, Upload | str) or source == "":
        raise bad_request("can't parse InputMedia: media is not specified")
    parse_mode, caption_text = media.get("parse_mode"), media.get("caption")
    if not isinstance(parse_mode, str | None) or not isinstance(caption_text, str | None):
        raise bad_request("can't parse InputMedia: caption and parse_mode must be strings")
    caption, entities = validation.caption_text(caption_text, parse_mode)
    markup = p.obj("reply_markup")
    validation.reply_markup(markup, inline_only=True)
    stored = _input_file(state, source, kind, p)
    message.parse_mode = parse_mode
    return _edit_media_message(
        state, message, caption, entities or media.get("caption_entities") or [], markup, stored
    )


@method("editMessageReplyMarkup", _EDIT_TARGET)
async def edit_message_reply_markup(state: EmulatorState, p: Params) -> object:
    message = _message_to_edit(state, p)
    markup = p.obj("reply_markup")
    validation.reply_markup(markup, inline_only=True)
    return _apply_edit(state, message, message.text, markup)


@method(
    "deleteMessage", {"chat_id": Kind.CHAT_ID, "message_id": Kind.INT}, ("chat_id", "message_id")
)
async def delete_message(state: EmulatorState, p: Params) -> object:
    state.delete_message(state.target_chat(p.chat_id()).chat_id, p.integer("message_id"))
    return True


# callbacks, files, chat actions


@method(
    "answerCallbackQuery",
    {
        "callback_query_id": Kind.STR,
        "text": Kind.STR,
        "show_alert": Kind.BOOL,
        "url": Kind.STR,
        "cache_time": Kind.INT,
    },
    required=("callback_query_id",),
)
async def answer_callback_query(state: EmulatorState, p: Params) -> object:
    query = state.callback_queries.get(p.string("callback_query_id"))
    if query is None or query.answered:
        raise bad_request("query is too old and response timeout expired or query id is invalid")
    query.answered = True
    query.answer_text = p.opt_string("text")
    query.show_alert = p.flag("show_alert")
    state.notify()
    return True


@method("getFile", {"file_id": Kind.STR}, required=("file_id",))
async def get_file(state: EmulatorState, p: Params) -> object:
    stored = state.files.get(p.string("file_id"))
    if stored is None:
        raise bad_request("invalid file_id")
    if stored.size > (_MAX_DOWNLOAD if state.local_dir is None else _MAX_LOCAL_DOWNLOAD):
        raise bad_request("file is too big")
    if state.local_dir is None:
        return stored.file_info()
    # Like `telegram-bot-api --local`: the file is put in the server's working directory and
    # its absolute path is the answer; the bot reads it from disk instead of over HTTP.
    local_path = (state.local_dir / stored.file_path).resolve()
    local_path.parent.mkdir(parents=True, exist_ok=True)
    local_path.write_bytes(stored.data)
    return {**stored.file_info(), "file_path": str(local_path)}


@method(
    "sendChatAction",
    {
        "chat_id": Kind.CHAT_ID,
        "action": Kind.STR,
        "message_thread_id": Kind.INT,
        "business_connection_id": Kind.STR,
    },
    required=("chat_id", "action"),
)
async def send_chat_action(state: EmulatorState, p: Params) -> object:
    chat = state.target_chat(p.chat_id())
    action = p.string("action")
    if action not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    chat.actions.append(action)
    state.publish(ChatEvent("chat_action", chat.chat_id, action=action))
    return True


@method(
    "setMessageReaction",
    {
        "chat_id": Kind.CHAT_ID,
        "message_id": Kind.INT,
        "reaction": Kind.ARRAY,
        "is_big": Kind.BOOL,
    },
    required=("chat_id", "message_id"),
)
async def set_message_reaction(state: EmulatorState, p: Params) -> object:
    """The bot's reactions replace the earlier ones; only plain emoji, at most one."""
    message = state.target_chat(p.chat_id()).message(p.integer("message_id"))
    if message is None:
        raise bad_request("message to react not found")
    reactions = p.array("reaction") or []
    if len(reactions) > 1:
        raise bad_request("REACTIONS_TOO_MANY")
    emoji = []
    for reaction in reactions:
        if not isinstance(reaction, dict) or reaction.get("type") != "emoji":
            raise bad_request("REACTION_INVALID")
        emoji.append(str(reaction.get("emoji", "")))
    message.reactions = emoji
    state.notify()
    return True
