"""How a message is prepared before it is parsed, and cut into pieces the parser reads."""

from __future__ import annotations

import re

MAX_CHARS = 4096
"""Only the first 4,096 characters are read (a Telegram message is at most that long)."""

CHUNK_CHARS = 400
"""Long messages are read in pieces of about this size, cut between sentences, so the time
taken grows in step with the length (ConText compares every cue with every other)."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_HYPHEN_IN_WORD = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_LETTER_RUN = re.compile(r"([^\W\d_])\1{2,}")
_BODY_EMOJI = {"\U0001f351": " bum ", "\U0001f346": " penis ", "\U0001f4a9": " poo "}
"""Emoji members use for body parts (🍑 🍆 💩), read as the words they stand for."""
_BODY_EMOJI_RE = re.compile("|".join(_BODY_EMOJI))
_PICTOGRAPH = re.compile("[\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d]+")
_ENDED = re.compile(r"[.!?\u2026]\s*$")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?\n])\s+(?!(?:no|nope|nah|none|nil)\b)")


def clean(text: str) -> str:
    """The text as the pipeline reads it: the first `MAX_CHARS` characters in lower case
    (spaCy splits "can't" but not "CAN'T"), straight apostrophes, hyphenated words split
    ("pins-and-needles"), runs of one letter shortened ("numbbbb" -> "numb"), body-part emoji
    read as words ("can't feel my 🍑" -> "can't feel my bum") and other emoji set apart as
    their own words."""
    text = text[:MAX_CHARS].lower().translate(_APOSTROPHES)
    text = _HYPHEN_IN_WORD.sub(" ", text)
    text = _LETTER_RUN.sub(r"\1", text)
    text = _BODY_EMOJI_RE.sub(lambda found: _BODY_EMOJI[found.group()], text)
    return _PICTOGRAPH.sub(lambda found: f" {found.group()} ", text)


def ended(text: str) -> str:
    """The text with a full stop after its last word if it has no closing mark, so a cue that
    must end its clause ("the nurse asked if I had numbness down below and I do") is read at
    the very end of a message as it is before a full stop."""
    return text if _ENDED.search(text) else f"{text} ."


def chunks(text: str) -> list[str]:
    """The cleaned text in pieces of about `CHUNK_CHARS`, cut only between sentences (a single
    sentence longer than twice that is cut between words)."""
    pieces: list[str] = []
    for sentence in _SENTENCE_BREAK.split(text):
        while len(sentence) > 2 * CHUNK_CHARS:
            cut = sentence.rfind(" ", 0, CHUNK_CHARS)
            cut = cut if cut > 0 else CHUNK_CHARS
            pieces.append(sentence[:cut])
            sentence = sentence[cut:]
        pieces.append(sentence)
    result: list[str] = []
    for piece in pieces:
        if result and len(result[-1]) + len(piece) < CHUNK_CHARS:
            result[-1] = f"{result[-1]} {piece}"
        else:
            result.append(piece)
    return [piece for piece in result if piece.strip()]
