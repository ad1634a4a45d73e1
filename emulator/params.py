"""Request parameters: reading them from any body encoding and checking them against a
per-method allow-list of typed parameters.

PTB sends form data whose values are JSON-encoded (strings as they are), or multipart
form data when it uploads files; other clients send JSON bodies. All three are accepted.
"""

from __future__ import annotations

import contextlib
import json
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any

from emulator.errors import bad_request


class Kind(Enum):
    INT = "Integer"
    STR = "String"
    BOOL = "Boolean"
    CHAT_ID = "Integer or String"
    OBJECT = "Object"
    ARRAY = "Array"
    FILE = "InputFile or String"


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    data: bytes
    filename: str | None
    content_type: str | None


# Telegram names the JSON parameters in its parse errors like this.
_JSON_LABELS = {
    "reply_markup": "reply keyboard markup",
    "reply_parameters": "reply parameters",
    "entities": "entities",
    "caption_entities": "entities",
    "link_preview_options": "link preview options",
    "commands": "commands",
    "scope": "BotCommandScope",
    "allowed_updates": "allowed updates",
}
_INT_RE = re.compile(r"-?\d+")
_ATTACH = "attach://"


def _type_error(name: str, kind: Kind) -> Exception:
    return bad_request(f'field "{name}" must be of type {kind.value}')


def _coerce(name: str, kind: Kind, value: object, uploads: dict[str, Upload]) -> object:
    """One parameter converted to its Python type; form values arrive as strings."""
    if kind is Kind.FILE:
        if isinstance(value, Upload):
            return value
        if isinstance(value, str) and value.startswith(_ATTACH):
            upload = uploads.get(value.removeprefix(_ATTACH))
            if upload is None:
                raise bad_request(f'file "{value}" not found in the request')
            return upload
        if isinstance(value, str) and value:
            return value
        raise _type_error(name, kind)
    if isinstance(value, Upload):
        raise _type_error(name, kind)
    if kind in (Kind.INT, Kind.CHAT_ID):
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and _INT_RE.fullmatch(value):
            return int(value)
        if kind is Kind.CHAT_ID and isinstance(value, str) and value.startswith("@"):
            return value
        raise _type_error(name, kind)
    if kind is Kind.BOOL:
        if isinstance(value, bool):
            return value
        if value in ("true", "True", "1"):
            return True
        if value in ("false", "False", "0"):
            return False
        raise _type_error(name, kind)
    if kind is Kind.STR:
        if isinstance(value, str):
            return value
        raise _type_error(name, kind)
    parsed = value
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            label = _JSON_LABELS.get(name, name)
            raise bad_request(f"can't parse {label} JSON object") from None
    expected = dict if kind is Kind.OBJECT else list
    if not isinstance(parsed, expected):
        raise _type_error(name, kind)
    return _with_uploads(parsed, uploads)


def _with_uploads(value: object, uploads: dict[str, Upload]) -> object:
    """A JSON value with each "attach://<name>" inside it (the ``media`` of an ``InputMedia``)
    replaced by the uploaded part it names."""
    if isinstance(value, str) and value.startswith(_ATTACH):
        upload = uploads.get(value.removeprefix(_ATTACH))
        if upload is None:
            raise bad_request(f'file "{value}" not found in the request')
        return upload
    if isinstance(value, dict):
        return {key: _with_uploads(item, uploads) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_uploads(item, uploads) for item in value]
    return value


def _attached(value: object) -> set[str]:
    """The upload names a request value refers to ("attach://<name>"), at any depth."""
    if isinstance(value, str):
        return {value.removeprefix(_ATTACH)} if value.startswith(_ATTACH) else set()
    if isinstance(value, dict):
        return set().union(*(_attached(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_attached(item) for item in value))
    return set()


def _missing(name: str) -> Exception:
    if name == "text":
        return bad_request("message text is empty")
    return bad_request(f"{name} is empty")


def check_params(
    method: str,
    raw: dict[str, object],
    uploads: dict[str, Upload],
    allowed: dict[str, Kind],
    required: frozenset[str],
) -> Params:
    """The request's parameters typed per ``allowed``; unknown ones are rejected.

    Telegram itself ignores unknown parameters; the emulator refuses them so a misspelt
    argument fails a test instead of silently doing nothing.
    """
    values: dict[str, object] = {}
    referenced: set[str] = set()
    for name, value in {**uploads, **raw}.items():
        if name not in allowed:
            continue
        referenced |= _attached(value)
        if isinstance(value, str) and allowed[name] in (Kind.OBJECT, Kind.ARRAY):
            with contextlib.suppress(ValueError):  # _coerce reports a value that is not JSON
                referenced |= _attached(json.loads(value))
        values[name] = _coerce(name, allowed[name], value, uploads)
    unknown = [n for n in [*raw, *uploads] if n not in allowed and n not in referenced]
    if unknown:
        raise bad_request(f'unknown parameter "{unknown[0]}" for method {method}')
    for name in sorted(required):
        if name not in values or values[name] == "":
            raise _missing(name)
    return Params(values)


class Params:
    """Checked parameters with typed accessors (values were coerced by ``check_params``)."""

    def __init__(self, values: dict[str, object]) -> None:
        self.values = values

    def __contains__(self, name: str) -> bool:
        return name in self.values

    def integer(self, name: str) -> int:
        value = self.values[name]
        assert isinstance(value, int)
        return value

    def opt_integer(self, name: str) -> int | None:
        return self.integer(name) if name in self.values else None

    def string(self, name: str) -> str:
        value = self.values[name]
        assert isinstance(value, str)
        return value

    def opt_string(self, name: str) -> str | None:
        return self.string(name) if name in self.values else None

    def flag(self, name: str) -> bool:
        return self.values.get(name) is True

    def chat_id(self, name: str = "chat_id") -> int | str:
        value = self.values[name]
        assert isinstance(value, int | str)
        return value

    def obj(self, name: str) -> dict[str, Any] | None:
        value = self.values.get(name)
        assert value is None or isinstance(value, dict)
        return value

    def array(self, name: str) -> list[Any] | None:
        value = self.values.get(name)
        assert value is None or isinstance(value, list)
        return value

    def file(self, name: str) -> Upload | str:
        value = self.values[name]
        assert isinstance(value, Upload | str)
        return value
