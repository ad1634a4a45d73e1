"""Text a member chose (their name, a note) made safe to show in the coach's lists.

The coach's messages are plain text, so nothing a member types can turn into markup; what
remains is text that does not look like what it is:

- bidirectional controls (e.g. U+202E RIGHT-TO-LEFT OVERRIDE) reorder what follows them, so
  "Maya\u202e9 niap" reads as "Maya pain 9" and a name can swallow the rest of its line;
- zero-width and other invisible format characters make two different names look the same;
- line breaks and other control characters let one name or note pose as several list lines;
- runs of combining marks ("Zalgo" text) draw over the lines around them.

`without_invisibles` removes the first two (keeping the zero-width joiner inside emoji such
as 👩‍💻) and caps combining marks; `one_line` also turns breaks and controls into single
spaces; `shown_name` is what a coach sees for a member's name.
"""

from __future__ import annotations

import unicodedata

from bot.render.i18n import N_

NAME_MAX = 64
"""Characters of a name shown; Telegram's own first name is at most 64."""
NO_NAME = N_("(no name)")
MAX_COMBINING = 3
"""Combining marks kept on one base character: enough for any language's accents."""

_ZERO_WIDTH_JOINER = "\u200d"
_REMOVED_CATEGORIES = frozenset({"Cf", "Co", "Cs"})  # format, private use, surrogates
_BREAK_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})  # controls (\n, \t...), line/para separators
_COMBINING = frozenset({"Mn", "Me"})
_JOINED_AFTER = frozenset({"So", "Sk", "Mn"})  # an emoji, a skin tone, a variation selector


def without_invisibles(text: str) -> str:
    """`text` without bidi controls, zero-width and other invisible format characters, and
    with at most `MAX_COMBINING` combining marks on any character."""
    kept: list[str] = []
    marks = 0
    for index, char in enumerate(text):
        category = unicodedata.category(char)
        if category in _REMOVED_CATEGORIES and not _joins_emoji(kept, text, index):
            continue
        if category in _COMBINING:
            marks += 1
            if marks > MAX_COMBINING:
                continue
        else:
            marks = 0
        kept.append(char)
    return "".join(kept)


def _joins_emoji(kept: list[str], text: str, index: int) -> bool:
    """A zero-width joiner between two parts of one emoji (👩 + 💻 = 👩‍💻)."""
    if text[index] != _ZERO_WIDTH_JOINER or not kept or index + 1 >= len(text):
        return False
    before = unicodedata.category(kept[-1])
    after = unicodedata.category(text[index + 1])
    return before in _JOINED_AFTER and after == "So"


def one_line(text: str) -> str:
    """`without_invisibles`, on one line: breaks and controls become spaces, runs of
    whitespace one space, none at either end."""
    spaced = "".join(
        " " if unicodedata.category(char) in _BREAK_CATEGORIES else char
        for char in without_invisibles(text)
    )
    return " ".join(spaced.split())


def shown_name(name: str | None, limit: int = NAME_MAX) -> str:
    """A member's name as the coach sees it: one clean line of at most `limit` characters
    (cut with "…"), or "(no name)" when nothing visible is left."""
    line = one_line(name or "")
    if not line:
        return NO_NAME()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
