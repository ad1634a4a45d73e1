"""Checks of message content with Telegram's error texts: formatted text, lengths, keyboards."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from emulator.errors import bad_request

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_BUTTONS = 100
MAX_CALLBACK_DATA = 64

_HTML_TAGS = frozenset(
    {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a"}
    | {"code", "pre", "blockquote", "tg-emoji"}
)
_BUTTON_ACTIONS = frozenset(
    {"url", "callback_data", "web_app", "login_url", "switch_inline_query"}
    | {"switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text"}
    | {"callback_game", "pay"}
)
_MDV2_STYLES = {"*": "Bold", "_": "Italic", "__": "Underline", "~": "Strikethrough"}
_MDV2_STYLES["||"] = "Spoiler"
_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!")


def _entities_error(detail: str) -> Exception:
    return bad_request(f"can't parse entities: {detail}")


_ENTITY_TYPES = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "a": "text_link",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}


class _HtmlText(HTMLParser):
    """Collects the visible text of Telegram HTML and its entities (offsets and lengths in
    UTF-16 code units, as Telegram counts them); rejects unsupported or unclosed tags."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.parts: list[str] = []
        self.open_tags: list[str] = []
        self._starts: list[tuple[str, dict[str, str | None], int]] = []
        self._length = 0  # visible text so far, in UTF-16 code units
        self.entities: list[dict[str, Any]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        lines = self.source.split("\n")
        chars = sum(len(x) + 1 for x in lines[: line - 1]) + column
        return len(self.source[:chars].encode())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            raise _entities_error(f'Unsupported start tag "{tag}" at byte offset {self._offset()}')
        self.open_tags.append(tag)
        self._starts.append((tag, dict(attrs), self._length))

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags or self.open_tags[-1] != tag:
            raise _entities_error(f"Unexpected end tag at byte offset {self._offset()}")
        self.open_tags.pop()
        _, attrs, start = self._starts.pop()
        if self._length > start:
            entity: dict[str, Any] = {
                "type": _ENTITY_TYPES[tag],
                "offset": start,
                "length": self._length - start,
            }
            if tag == "a":
                entity["url"] = attrs.get("href") or ""
            self.entities.append(entity)

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self._length += _utf16_length(data)


def _html_text(text: str) -> tuple[str, list[dict[str, Any]]]:
    parser = _HtmlText(text)
    parser.feed(text)
    parser.close()
    if parser.open_tags:
        tag = parser.open_tags[-1]
        raise _entities_error(f'Can\'t find end tag corresponding to start tag "{tag}"')
    entities = sorted(parser.entities, key=lambda entity: entity["offset"])
    return "".join(parser.parts), entities


def _markdown_v2_text(text: str) -> str:
    """Visible text of MarkdownV2; unescaped reserved characters and unclosed styles fail."""
    out: list[str] = []
    open_styles: list[tuple[str, int]] = []
    i = 0
    at_line_start = True
    while i < len(text):
        char = text[i]
        offset = len(text[:i].encode())
        if char == "\\" and i + 1 < len(text):
            out.append(text[i + 1])
            i += 2
        elif char == "`":
            fence = "```" if text.startswith("```", i) else "`"
            end = text.find(fence, i + len(fence))
            if end < 0:
                raise _entities_error(f"Can't find end of Code entity at byte offset {offset}")
            out.append(text[i + len(fence) : end].replace("\\`", "`").replace("\\\\", "\\"))
            i = end + len(fence)
        elif text.startswith(("__", "||"), i) or char in "*_~":
            marker = text[i : i + 2] if text.startswith(("__", "||"), i) else char
            if open_styles and open_styles[-1][0] == marker:
                open_styles.pop()
            else:
                open_styles.append((marker, offset))
            i += len(marker)
        elif char == "[":
            open_styles.append(("[", offset))
            i += 1
        elif char == "]" and open_styles and open_styles[-1][0] == "[":
            open_styles.pop()
            end = text.find(")", i)
            if not text.startswith("(", i + 1) or end < 0:
                raise _entities_error(f"Can't find end of a URL at byte offset {offset}")
            i = end + 1
        elif char == ">" and at_line_start:
            i += 1
        elif char in _MDV2_RESERVED:
            raise _entities_error(
                f"Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            out.append(char)
            i += 1
        at_line_start = char == "\n"
    if open_styles:
        marker, offset = open_styles[-1]
        name = _MDV2_STYLES.get(marker, "TextUrl")
        raise _entities_error(f"Can't find end of {name} entity at byte offset {offset}")
    return "".join(out)


def _markdown_text(text: str) -> str:
    """Visible text of legacy Markdown: ``*bold*``, ``_italic_``, `` `code` ``, ``[a](url)``."""
    visible = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    for marker in "*_`":
        if visible.count(marker) % 2:
            offset = len(visible[: visible.rfind(marker)].encode())
            raise _entities_error(f"Can't find end of the entity starting at byte offset {offset}")
        visible = visible.replace(marker, "")
    return visible


def formatted_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """The text a user sees once Telegram has parsed ``parse_mode`` markup, and its entities
    (recorded for HTML only; other modes give none)."""
    if parse_mode is not None and parse_mode.lower() == "html":
        return _html_text(text)
    return visible_text(text, parse_mode), []


def visible_text(text: str, parse_mode: str | None) -> str:
    """The text a user sees once Telegram has parsed ``parse_mode`` markup."""
    if parse_mode is None or parse_mode == "":
        return text
    mode = parse_mode.lower()
    if mode == "html":
        return _html_text(text)[0]
    if mode == "markdownv2":
        return _markdown_v2_text(text)
    if mode == "markdown":
        return _markdown_text(text)
    raise bad_request("unsupported parse_mode")


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def message_text(text: str, parse_mode: str | None) -> tuple[str, list[dict[str, Any]]]:
    """Visible text of a text message and its entities, checked for emptiness and length."""
    visible, entities = formatted_text(text, parse_mode)
    if not visible.strip():
        raise bad_request("message text is empty")
    if _utf16_length(visible) > MAX_TEXT:
        raise bad_request("message is too long")
    return visible, entities


def caption_text(
    caption: str | None, parse_mode: str | None
) -> tuple[str | None, list[dict[str, Any]]]:
    """Visible caption of a media message and its entities, checked for length."""
    if caption is None:
        return None, []
    visible, entities = formatted_text(caption, parse_mode)
    if _utf16_length(visible) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return visible, entities


def _check_inline_button(button: object) -> None:
    if not isinstance(button, dict):
        raise bad_request(
            "can't parse inline keyboard button: InlineKeyboardButton must be an Object"
        )
    if not isinstance(button.get("text"), str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    actions = _BUTTON_ACTIONS.intersection(button)
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    data = button.get("callback_data")
    if "callback_data" in actions and (
        not isinstance(data, str) or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA
    ):
        raise bad_request("BUTTON_DATA_INVALID")
    if "web_app" in actions:
        web_app_url(button.get("web_app"), "inline keyboard button")
    url = button.get("url")
    if "url" in actions and not (
        isinstance(url, str) and url.startswith(("http://", "https://", "tg://"))
    ):
        raise bad_request("BUTTON_URL_INVALID")


def web_app_url(web_app: object, where: str) -> str:
    """The URL of a ``WebAppInfo``: HTTPS, or plain HTTP on this machine (Telegram's test
    environment allows HTTP, and the emulator plays one)."""
    url = web_app.get("url") if isinstance(web_app, dict) else None
    if not isinstance(url, str):
        raise bad_request(f"{where} Web App URL is invalid")
    parts = urlsplit(url)
    loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if not parts.hostname or not (parts.scheme == "https" or (parts.scheme == "http" and loopback)):
        raise bad_request(f"{where} Web App URL '{url}' is invalid: Only HTTPS links are allowed")
    return url


def _rows(markup: dict[str, Any], field: str) -> list[list[Any]]:
    rows = markup[field]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'field "{field}" must be of type Array')
    return rows


def reply_markup(markup: dict[str, Any] | None, *, inline_only: bool = False) -> None:
    """Check a reply markup; ``inline_only`` for edits, which accept only inline keyboards."""
    if markup is None:
        return
    if "inline_keyboard" in markup:
        rows = _rows(markup, "inline_keyboard")
        for row in rows:
            for button in row:
                _check_inline_button(button)
        if sum(len(row) for row in rows) > MAX_BUTTONS:
            raise bad_request("REPLY_MARKUP_TOO_LONG")
        return
    if inline_only:
        raise bad_request("inline keyboard expected")
    if "keyboard" in markup:
        rows = _rows(markup, "keyboard")
        for row in rows:
            for button in row:
                if not isinstance(button, str | dict):
                    raise bad_request("can't parse keyboard button")
        return
    if not {"remove_keyboard", "force_reply"}.intersection(markup):
        raise bad_request("can't parse reply keyboard markup JSON object")
