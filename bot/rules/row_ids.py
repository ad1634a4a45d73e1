"""Row ids as the database stores them: the primary keys are INTEGER columns, 32-bit signed on
PostgreSQL, so an id from outside (callback data, a coach's command) is checked against that
range before it reaches a query: a larger one would fail in the driver instead of finding
nothing."""

from __future__ import annotations

MAX_ROW_ID = 2**31 - 1


def parse_row_id(text: str, *, allow_zero: bool = False) -> int | None:
    """The id written in `text` ("12"), or None: only ASCII digits, 1 to `MAX_ROW_ID`
    (0 too with `allow_zero`, for positions such as a step index)."""
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ROW_ID)):
        return None
    value = int(text)
    lowest = 0 if allow_zero else 1
    return value if lowest <= value <= MAX_ROW_ID else None
