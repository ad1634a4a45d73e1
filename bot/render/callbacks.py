"""Callback data for inline buttons: short, versioned, parsed into typed values.

Every button's data starts with a version prefix, so a button from an older release is
recognised as stale instead of being misread. Data that names a session also names the
step it answers; handlers check both against the member who pressed the button, so
crafted data can never touch another member's session. Ids and indexes are checked against
the database's integer range (`storage.row_ids`): a forged 2**31 is stale data, not a query
that fails.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from bot.rules.row_ids import parse_row_id
from bot.rules.screening import QUESTIONS

VERSION = "1"
_MAX_BYTES = 64  # Telegram's limit for callback_data

Outcome = Literal["done", "skipped", "too_hard"]
_OUTCOME_CODES: dict[str, Outcome] = {"d": "done", "s": "skipped", "h": "too_hard"}
_OUTCOME_LETTERS = {outcome: code for code, outcome in _OUTCOME_CODES.items()}


# Settings buttons (set-up and /start's menu) carry `menu`: the number of the settings question
# they belong to (`bot.services.members`). A press whose number is not the member's current one
# is from an older question and changes nothing.


@dataclass(frozen=True)
class Consent:
    """The member accepted the disclaimer."""

    menu: int


@dataclass(frozen=True)
class ChooseProtocol:
    name: str
    menu: int


@dataclass(frozen=True)
class ToggleDay:
    weekday: int
    menu: int


@dataclass(frozen=True)
class DaysChosen:
    """The member finished picking workout days."""

    menu: int


@dataclass(frozen=True)
class ChooseTime:
    """A reminder time: an hour button, or morning or evening for a time typed without it."""

    hour: int
    minute: int
    menu: int


@dataclass(frozen=True)
class ChooseZone:
    """A time zone (IANA id): a zone button, or one of the places a typed name may mean."""

    zone: str
    menu: int


@dataclass(frozen=True)
class StartWorkout:
    """Start (or continue) the workout that is due now."""


@dataclass(frozen=True)
class PainBefore:
    """How the member's back feels before the session, on the card's first screen (None:
    skipped)."""

    session_id: int
    pain: int | None


@dataclass(frozen=True)
class StepAnswer:
    session_id: int
    step_index: int
    outcome: Outcome


@dataclass(frozen=True)
class StepVideo:
    session_id: int
    step_index: int


@dataclass(frozen=True)
class StepTimer:
    session_id: int
    step_index: int


@dataclass(frozen=True)
class TooHard:
    """The card's "Too hard": offers an easier version when there is one."""

    session_id: int
    step_index: int


@dataclass(frozen=True)
class TooHardSkip:
    """Declined the easier version: the step is recorded as too hard."""

    session_id: int
    step_index: int


@dataclass(frozen=True)
class ChooseLevel:
    """Do this step's exercise at another variant level (below 0 easier, above harder)."""

    session_id: int
    step_index: int
    level: int


@dataclass(frozen=True)
class StepHurts:
    """ "It hurts": stop the step and ask for a pain score."""

    session_id: int
    step_index: int


@dataclass(frozen=True)
class StepPain:
    """The pain score after "It hurts"."""

    session_id: int
    step_index: int
    pain: int


@dataclass(frozen=True)
class HowTo:
    session_id: int
    step_index: int


@dataclass(frozen=True)
class CardBack:
    """Back from How to, a too-hard offer or the pain question, to the step."""

    session_id: int
    step_index: int


@dataclass(frozen=True)
class StopTimer:
    """Stop the hold timer, or skip the rest, on this step."""

    session_id: int
    step_index: int


@dataclass(frozen=True)
class PainScore:
    session_id: int
    pain: int


@dataclass(frozen=True)
class MorningPain:
    """The next-morning pain score, about the session `session_id`."""

    session_id: int
    pain: int


@dataclass(frozen=True)
class NoNote:
    session_id: int


@dataclass(frozen=True)
class Settings:
    """From /start of a known member: what they want to change."""

    part: Literal["protocol", "days", "zone", "keep"]
    menu: int


@dataclass(frozen=True)
class ConfirmDelete:
    confirmed: bool
    menu: int


@dataclass(frozen=True)
class Snooze:
    """Move today's reminder by an hour: the button of the reminder of `day` (the member's
    local date), which does nothing on another day."""

    day: date


@dataclass(frozen=True)
class AcknowledgeFlag:
    flag_id: int


@dataclass(frozen=True)
class ScreeningAnswer:
    """Yes or no to an onboarding question of the red-flag screen
    (`bot.rules.screening.QUESTIONS`)."""

    question: str
    yes: bool


@dataclass(frozen=True)
class FollowUpAnswer:
    """Yes or no to the red-flag follow-up question asked after check-in `report_id`."""

    report_id: int
    yes: bool


@dataclass(frozen=True)
class ResumeProgramme:
    """A coach resumes a member's programme held by a red flag."""

    member_id: int


@dataclass(frozen=True)
class OpenMember:
    member_id: int


@dataclass(frozen=True)
class QuickAnswer:
    """The coach's one-tap answer number `index` of the configured list; `check` is
    `quick_check` of its words, so a button from before the list changed is stale rather
    than sending other words. The member is the one the pressed message is about."""

    index: int
    check: str


@dataclass(frozen=True)
class DigestPage:
    """Show another page, or view of a page, of the coach's digest message: the digest of
    `since` to `until` (seconds since the epoch), page `page` (from 1), `view` 0 for its list
    and 1 on for its details part by part; `redraw` when the page's image changes too. The
    digest is rebuilt for the coach who presses (`bot.services.digest.rebuild`), so forged
    data can only show a coach their own members."""

    since: int
    until: int
    page: int
    view: int
    redraw: bool


def quick_check(words: str) -> str:
    """Four hex digits that change when the words of a quick answer change."""
    return f"{zlib.crc32(words.encode()) & 0xFFFF:04x}"


Callback = (
    Consent
    | ChooseProtocol
    | ToggleDay
    | DaysChosen
    | ChooseTime
    | ChooseZone
    | StartWorkout
    | PainBefore
    | StepAnswer
    | StepVideo
    | StepTimer
    | TooHard
    | TooHardSkip
    | ChooseLevel
    | StepHurts
    | StepPain
    | HowTo
    | CardBack
    | StopTimer
    | PainScore
    | MorningPain
    | NoNote
    | Settings
    | ConfirmDelete
    | Snooze
    | AcknowledgeFlag
    | OpenMember
    | ResumeProgramme
    | ScreeningAnswer
    | FollowUpAnswer
    | QuickAnswer
    | DigestPage
)

_SETTINGS_PARTS = ("protocol", "days", "zone", "keep")
_NAME = re.compile(r"^[A-Za-z0-9_./+-]{1,48}$")
_CHECK = re.compile(r"^[0-9a-f]{4}$")
_DAY = re.compile(r"^20[0-9]{6}$")
_CLOCK = re.compile(r"^([01][0-9]|2[0-3])[0-5][0-9]$")
_EPOCH_DIGITS = 11


def encode(callback: Callback) -> str:
    """The callback_data string for a button (always within Telegram's 64 bytes)."""
    parts: tuple[object, ...]
    match callback:
        case Consent(menu):
            parts = ("ok", menu)
        case ChooseProtocol(name, menu):
            parts = ("p", name, menu)
        case ToggleDay(weekday, menu):
            parts = ("day", weekday, menu)
        case DaysChosen(menu):
            parts = ("days", menu)
        case ChooseTime(hour, minute, menu):
            parts = ("at", f"{hour:02d}{minute:02d}", menu)
        case ChooseZone(zone, menu):
            parts = ("tz", zone, menu)
        case StartWorkout():
            parts = ("go",)
        case PainBefore(session_id, pain):
            parts = ("pb", session_id, "-" if pain is None else pain)
        case StepAnswer(session_id, step_index, outcome):
            parts = ("s", session_id, step_index, _OUTCOME_LETTERS[outcome])
        case StepVideo(session_id, step_index):
            parts = ("v", session_id, step_index)
        case StepTimer(session_id, step_index):
            parts = ("tm", session_id, step_index)
        case TooHard(session_id, step_index):
            parts = ("th", session_id, step_index)
        case TooHardSkip(session_id, step_index):
            parts = ("tx", session_id, step_index)
        case ChooseLevel(session_id, step_index, level):
            parts = ("lv", session_id, step_index, level)
        case StepHurts(session_id, step_index):
            parts = ("hu", session_id, step_index)
        case StepPain(session_id, step_index, pain):
            parts = ("hp", session_id, step_index, pain)
        case HowTo(session_id, step_index):
            parts = ("ht", session_id, step_index)
        case CardBack(session_id, step_index):
            parts = ("bk", session_id, step_index)
        case StopTimer(session_id, step_index):
            parts = ("ts", session_id, step_index)
        case PainScore(session_id, pain):
            parts = ("pn", session_id, pain)
        case MorningPain(session_id, pain):
            parts = ("mp", session_id, pain)
        case NoNote(session_id):
            parts = ("nn", session_id)
        case Settings(part, menu):
            parts = ("set", part, menu)
        case ConfirmDelete(confirmed, menu):
            parts = ("del", "y" if confirmed else "n", menu)
        case Snooze(day):
            parts = ("snz", f"{day:%Y%m%d}")
        case AcknowledgeFlag(flag_id):
            parts = ("ack", flag_id)
        case OpenMember(member_id):
            parts = ("mem", member_id)
        case ResumeProgramme(member_id):
            parts = ("go_on", member_id)
        case ScreeningAnswer(question, yes):
            parts = ("scr", question, "y" if yes else "n")
        case FollowUpAnswer(report_id, yes):
            parts = ("fu", report_id, "y" if yes else "n")
        case QuickAnswer(index, check):
            parts = ("qa", index, check)
        case DigestPage(since, until, page, view, redraw):
            parts = ("dg", since, until, page, view, "p" if redraw else "c")
    data = ":".join(str(part) for part in (VERSION, *parts))
    if len(data.encode()) > _MAX_BYTES:
        raise ValueError(f"callback data over {_MAX_BYTES} bytes: {data!r}")
    return data


def decode(data: str | None) -> Callback | None:
    """Parse callback data; None for anything stale, malformed or forged."""
    if not data:
        return None
    version, _, rest = data.partition(":")
    if version != VERSION:
        return None
    kind, *args = rest.split(":")
    try:
        return _decode(kind, args)
    except (ValueError, KeyError, IndexError):
        return None


def _decode(kind: str, args: list[str]) -> Callback | None:
    # A small table would hide the argument types; the match keeps each form explicit.
    match kind, args:
        case "ok", [menu]:
            return Consent(_menu(menu))
        case "p", [name, menu] if _NAME.match(name):
            return ChooseProtocol(name, _menu(menu))
        case "day", [weekday, menu] if _small_int(weekday, 6) is not None:
            return ToggleDay(int(weekday), _menu(menu))
        case "days", [menu]:
            return DaysChosen(_menu(menu))
        case "at", [clock, menu] if _CLOCK.match(clock):
            return ChooseTime(int(clock[:2]), int(clock[2:]), _menu(menu))
        case "tz", [zone, menu] if _NAME.match(zone):
            return ChooseZone(zone, _menu(menu))
        case "go", []:
            return StartWorkout()
        case "pb", [session_id, "-"]:
            return PainBefore(_id(session_id), None)
        case "pb", [session_id, pain] if _small_int(pain, 10) is not None:
            return PainBefore(_id(session_id), int(pain))
        case "s", [session_id, step_index, code]:
            return StepAnswer(_id(session_id), _index(step_index), _OUTCOME_CODES[code])
        case "v", [session_id, step_index]:
            return StepVideo(_id(session_id), _index(step_index))
        case "tm", [session_id, step_index]:
            return StepTimer(_id(session_id), _index(step_index))
        case "th", [session_id, step_index]:
            return TooHard(_id(session_id), _index(step_index))
        case "tx", [session_id, step_index]:
            return TooHardSkip(_id(session_id), _index(step_index))
        case "lv", [session_id, step_index, level] if _level(level) is not None:
            return ChooseLevel(_id(session_id), _index(step_index), int(level))
        case "hu", [session_id, step_index]:
            return StepHurts(_id(session_id), _index(step_index))
        case "hp", [session_id, step_index, pain] if _small_int(pain, 10) is not None:
            return StepPain(_id(session_id), _index(step_index), int(pain))
        case "ht", [session_id, step_index]:
            return HowTo(_id(session_id), _index(step_index))
        case "bk", [session_id, step_index]:
            return CardBack(_id(session_id), _index(step_index))
        case "ts", [session_id, step_index]:
            return StopTimer(_id(session_id), _index(step_index))
        case "pn", [session_id, pain] if _small_int(pain, 10) is not None:
            return PainScore(_id(session_id), int(pain))
        case "mp", [session_id, pain] if _small_int(pain, 10) is not None:
            return MorningPain(_id(session_id), int(pain))
        case "nn", [session_id]:
            return NoNote(_id(session_id))
        case "set", [part, menu] if part in _SETTINGS_PARTS:
            return Settings(part, _menu(menu))  # type: ignore[arg-type]
        case "del", [answer, menu] if answer in ("y", "n"):
            return ConfirmDelete(answer == "y", _menu(menu))
        case "snz", [day] if _DAY.match(day):
            return Snooze(datetime.strptime(day, "%Y%m%d").date())
        case "ack", [flag_id]:
            return AcknowledgeFlag(_id(flag_id))
        case "scr", [question, answer] if question in QUESTIONS and answer in ("y", "n"):
            return ScreeningAnswer(question, answer == "y")
        case "fu", [report_id, answer] if answer in ("y", "n"):
            return FollowUpAnswer(_id(report_id), answer == "y")
        case "go_on", [member_id]:
            return ResumeProgramme(_id(member_id))
        case "mem", [member_id]:
            return OpenMember(_id(member_id))
        case "qa", [index, check] if _small_int(index, 9) is not None and _CHECK.match(check):
            return QuickAnswer(int(index), check)
        case "dg", [since, until, page, view, redraw] if redraw in ("p", "c"):
            return DigestPage(
                _epoch(since), _epoch(until), _index(page), _index(view), redraw == "p"
            )
    return None


def _id(text: str) -> int:
    value = parse_row_id(text)
    if value is None:
        raise ValueError(f"not a row id: {text!r}")
    return value


def _menu(text: str) -> int:
    value = parse_row_id(text, allow_zero=True)
    if value is None:
        raise ValueError(f"not a settings question number: {text!r}")
    return value


def _index(text: str) -> int:
    value = parse_row_id(text, allow_zero=True)
    if value is None:
        raise ValueError(f"not a step index: {text!r}")
    return value


def _epoch(text: str) -> int:
    """Seconds since the epoch: at most 11 digits (past the year 5000)."""
    if not (text.isascii() and text.isdigit() and len(text) <= _EPOCH_DIGITS):
        raise ValueError(f"not a time: {text!r}")
    return int(text)


def _level(text: str) -> int | None:
    """A variant level: a small signed whole number ("-1", "0", "2")."""
    digits = text.removeprefix("-")
    if digits.isascii() and digits.isdigit() and len(digits) <= 2:
        return int(text)
    return None


def _small_int(text: str, maximum: int) -> int | None:
    if text.isascii() and text.isdigit() and len(text) <= 2 and int(text) <= maximum:
        return int(text)
    return None
