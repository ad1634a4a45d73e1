"""What the bot waits for a member to send next: one typed value per member, or nothing.

A member is in at most one of these states; it is kept in `members.awaiting` (see
`storage.models.AwaitingColumn`), so a conversation survives a restart. The router picks the
handler for a member's typed reply by the state's type; only services change the state.

Stored as a short string: a tag and the state's whole-number fields, e.g. ``pain:12`` or
``video:12:3``. A stored value this release does not know (from a newer one, say) reads as
no state at all: the member is asked again rather than misread.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields


@dataclass(frozen=True)
class AwaitTime:
    """A reminder time, typed instead of pressed (set-up or settings)."""


@dataclass(frozen=True)
class AwaitZone:
    """A city or time zone, typed instead of pressed (set-up or settings)."""


@dataclass(frozen=True)
class AwaitPain:
    """The 0-10 pain score after workout session `session_id`."""

    session_id: int


@dataclass(frozen=True)
class AwaitNote:
    """An optional note for check-in `report_id`; `question_message_id` is the message that
    asks for it (its "No note" button goes once a note is typed)."""

    report_id: int
    question_message_id: int | None = None


@dataclass(frozen=True)
class AwaitVideo:
    """A form-check video for step `step_index` of workout session `session_id`."""

    session_id: int
    step_index: int


Awaiting = AwaitTime | AwaitZone | AwaitPain | AwaitNote | AwaitVideo

_TAGS: dict[type[Awaiting], str] = {
    AwaitTime: "time",
    AwaitZone: "zone",
    AwaitPain: "pain",
    AwaitNote: "note",
    AwaitVideo: "video",
}
_TYPES = {tag: kind for kind, tag in _TAGS.items()}


def encode(state: Awaiting) -> str:
    """The stored form of `state`: its tag, then its fields that are set, colon-separated."""
    values = [str(value) for value in astuple(state) if value is not None]
    return ":".join([_TAGS[type(state)], *values])


def decode(stored: str) -> Awaiting | None:
    """The state `stored` names; None for anything unknown or malformed."""
    tag, *values = stored.split(":")
    kind = _TYPES.get(tag)
    if kind is None or not all(value.isascii() and value.isdigit() for value in values):
        return None
    names = [field.name for field in fields(kind)]
    if len(values) > len(names):
        return None
    try:
        return kind(**dict(zip(names, map(int, values), strict=False)))
    except TypeError:  # a required field is missing
        return None
