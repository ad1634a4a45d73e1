"""Coach commands and buttons (only from the chats in COACH_CHAT_IDS).

Every entry point is wrapped by `_coach_only`: anyone else gets the same polite refusal,
whatever they asked for, so nothing about members (names, counts, whether a flag or member
number exists) leaks. Arguments are checked before any work; junk gets a usage line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from functools import wraps
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InputFile

from bot import sender
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import coach_texts, keyboards, texts
from bot.rules.weekly_cap import week_bounds
from bot.services import workouts
from bot.services.checkins import history
from storage import repository
from storage.models import Member

FLAGS_PER_PAGE = 10
"""Open flags shown per /flags page (each is its own message with buttons)."""

RECENT_FORM_CHECKS = 5

_CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

_Handler = TypeVar("_Handler", bound=Callable[..., Awaitable[None]])


def _coach_only(function: _Handler) -> _Handler:
    """Refuse the command or button to anyone outside the coach chats."""

    @wraps(function)
    async def guarded(turn: Turn, argument: Any) -> None:
        if not turn.is_coach:
            if turn.update.callback_query is not None:
                await turn.toast(coach_texts.NOT_A_COACH, alert=True)
            else:
                await turn.say(coach_texts.NOT_A_COACH)
            return
        await function(turn, argument)

    return guarded  # type: ignore[return-value]


def _id_argument(text: str) -> int | None:
    """A positive number such as "12" or "#12"; None for anything else."""
    digits = text.removeprefix("#")
    if digits.isascii() and digits.isdigit() and 0 < len(digits) <= 12 and int(digits) > 0:
        return int(digits)
    return None


async def _find_member(session: AsyncSession, reference: str) -> Member | None:
    """The member named by "12", "#12" or "@username"."""
    if reference.startswith("@") and len(reference) > 1:
        return await repository.members.by_username(session, reference[1:])
    member_id = _id_argument(reference)
    return await repository.members.get(session, member_id) if member_id is not None else None


def _protocol_titles(turn: Turn) -> dict[str, str]:
    return {name: protocol.title for name, protocol in turn.services.library.items()}


# --- /members --------------------------------------------------------------------------------


@_coach_only
async def members(turn: Turn, args: list[str]) -> None:
    if args:
        await turn.say(coach_texts.USAGE_MEMBERS)
        return
    for message in coach_texts.members_overview(await _member_rows(turn)):
        await turn.say(message)


async def _member_rows(turn: Turn) -> list[coach_texts.MemberRow]:
    """The /members lines, from a fixed number of queries whatever the number of members."""
    async with turn.services.database.transaction() as session:
        everyone = await repository.members.everyone(session)
        week_starts = {
            member.id: week_bounds(turn.now, ZoneInfo(member.time_zone))[0] for member in everyone
        }
        since = min(week_starts.values(), default=turn.now)
        finished = await repository.sessions.finished_since(session, since)
        last_pain = await repository.check_ins.latest_pain_by_member(session)
    done: dict[int, int] = {}
    for row in finished:
        if row.finished_at is not None and row.finished_at >= week_starts[row.member_id]:
            done[row.member_id] = done.get(row.member_id, 0) + 1
    rows = []
    for member in everyone:
        enrolment = member.active_enrolment
        protocol = turn.services.protocol(enrolment.protocol) if enrolment else None
        report = last_pain.get(member.id)
        rows.append(
            coach_texts.MemberRow(
                member=member,
                protocol_title=protocol.title if protocol else None,
                done_this_week=done.get(member.id, 0),
                weekly_cap=sum(w.weekly_cap for w in protocol.workouts) if protocol else 0,
                last_pain=report.pain if report else None,
                last_pain_at=report.at if report else None,
                open_flags=member.open_flags,
            )
        )
    return rows


# --- /member and the Open member button ------------------------------------------------------


@_coach_only
async def member(turn: Turn, args: list[str]) -> None:
    if len(args) != 1:
        await turn.say(coach_texts.USAGE_MEMBER)
        return
    async with turn.services.database.transaction() as session:
        found = await _find_member(session, args[0])
    if found is None:
        await turn.say(coach_texts.NO_SUCH_MEMBER.format(reference=args[0][:64]))
        return
    await _show_member(turn, found.id)


@_coach_only
async def on_open_member(turn: Turn, data: cb.OpenMember) -> None:
    await turn.toast()
    await _show_member(turn, data.member_id)


async def _show_member(turn: Turn, member_id: int) -> None:
    async with turn.services.database.transaction() as session:
        found = await repository.members.get(session, member_id)
        if found is None:
            await turn.say(coach_texts.NO_SUCH_MEMBER.format(reference=f"#{member_id}"))
            return
        enrolment = await repository.enrolments.active(session, member_id)
        zone = ZoneInfo(found.time_zone)
        done = await workouts.done_sessions(session, member_id, zone, turn.now)
        check_ins = await history(session, member_id)
        flags = await repository.flags.unacknowledged(session, member_id)
        checks = await repository.form_checks.recent(session, member_id, RECENT_FORM_CHECKS)
    protocol = turn.services.protocol(enrolment.protocol) if enrolment else None
    detail = coach_texts.MemberDetail(
        member=found,
        enrolment=enrolment,
        protocol_title=protocol.title if protocol else None,
        week=workouts.week_counts(protocol, done, zone, turn.now) if protocol else {},
        workout_titles={w.key: w.title for w in protocol.workouts} if protocol else {},
        check_ins=check_ins,
        open_flags=flags,
        form_checks=checks,
    )
    await turn.say(coach_texts.member_detail(detail))


# --- /flags, /ack and the Acknowledge button -------------------------------------------------


@_coach_only
async def flags(turn: Turn, args: list[str]) -> None:
    page = _id_argument(args[0]) if len(args) == 1 else 1 if not args else None
    if page is None:
        await turn.say(coach_texts.USAGE_FLAGS)
        return
    async with turn.services.database.transaction() as session:
        open_flags = await repository.flags.unacknowledged_with_members(session)
    if not open_flags:
        await turn.say(coach_texts.NO_OPEN_FLAGS)
        return
    start = (page - 1) * FLAGS_PER_PAGE
    shown = open_flags[start : start + FLAGS_PER_PAGE]
    for flag, flagged in shown:
        text = coach_texts.flag_list_entry(flag, flagged)
        await turn.say(text, keyboards.flag_actions(flag.id, flagged.id))
    if start + len(shown) < len(open_flags):
        await turn.say(
            coach_texts.FLAGS_MORE.format(
                shown=start + len(shown), total=len(open_flags), page=page + 1
            )
        )


@_coach_only
async def ack(turn: Turn, args: list[str]) -> None:
    flag_id = _id_argument(args[0]) if len(args) == 1 else None
    if flag_id is None:
        await turn.say(coach_texts.USAGE_ACK)
        return
    await turn.say(await _acknowledge(turn, flag_id))


@_coach_only
async def on_acknowledge(turn: Turn, data: cb.AcknowledgeFlag) -> None:
    await turn.toast()
    await turn.say(await _acknowledge(turn, data.flag_id))


async def _acknowledge(turn: Turn, flag_id: int) -> str:
    """Acknowledge the flag as this coach, now; the answer to show the coach."""
    async with turn.services.database.transaction() as session:
        flag = await repository.flags.acknowledge(
            session, flag_id, coach_user_id=turn.user_id, now=turn.now
        )
        if flag is not None:
            flagged = await repository.members.get(session, flag.member_id)
            name = flagged.name if flagged else f"member #{flag.member_id}"
            return coach_texts.FLAG_ACKNOWLEDGED.format(flag_id=flag_id, name=name)
        existing = await repository.flags.get(session, flag_id)
        if existing is None:
            return coach_texts.NO_SUCH_FLAG.format(flag_id=flag_id)
        zone = ZoneInfo(turn.services.settings.tz)
        return coach_texts.already_acknowledged(existing, turn.user_id, zone)


# --- /assign ---------------------------------------------------------------------------------


@_coach_only
async def assign(turn: Turn, args: list[str]) -> None:
    titles = _protocol_titles(turn)
    if len(args) != 2:
        await turn.say(coach_texts.usage_assign(titles))
        return
    reference, protocol_name = args
    protocol = turn.services.protocol(protocol_name.lower())
    if protocol is None:
        await turn.say(coach_texts.unknown_protocol(protocol_name[:64], titles))
        return
    async with turn.services.database.transaction() as session:
        found = await _find_member(session, reference)
        if found is None:
            await turn.say(coach_texts.NO_SUCH_MEMBER.format(reference=reference[:64]))
            return
        current = await repository.enrolments.active(session, found.id)
        if current is None or found.onboarded_at is None:
            await turn.say(coach_texts.NOT_SET_UP.format(name=found.name))
            return
        if current.protocol == protocol.name:
            await turn.say(
                coach_texts.ALREADY_ON_PROTOCOL.format(name=found.name, title=protocol.title)
            )
            return
        await repository.enrolments.enrol(
            session,
            found.id,
            protocol=protocol.name,
            workout_days=current.workout_days,
            reminder_time=current.reminder_time,
            start_date=turn.now.astimezone(ZoneInfo(found.time_zone)).date(),
        )
    if turn.services.reminders is not None:
        await turn.services.reminders.reschedule_member(found.id)
    schedule = texts.schedule_phrase(current.workout_days, current.reminder_time, found.time_zone)
    told = await sender.send_text(
        turn.bot,
        turn.services.database,
        found.chat_id,
        texts.PROTOCOL_ASSIGNED.format(title=protocol.title, schedule=schedule),
    )
    answer = coach_texts.ASSIGNED if told is not None else coach_texts.ASSIGNED_UNREACHABLE
    await turn.say(answer.format(name=found.name, title=protocol.title, schedule=schedule))


# --- /export ---------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "record",
    "member_id",
    "member_name",
    "username",
    "protocol",
    "workout",
    "status",
    "started_at",
    "finished_at",
    "pain",
    "note",
    "at",
)


@_coach_only
async def export(turn: Turn, args: list[str]) -> None:
    if args:
        await turn.say(coach_texts.USAGE_EXPORT)
        return
    async with turn.services.database.transaction() as session:
        sessions = await repository.sessions.all_with_members(session)
        check_ins = await repository.check_ins.all_with_members(session)
    if not sessions and not check_ins:
        await turn.say(coach_texts.EXPORT_EMPTY)
        return
    rows: list[dict[str, object]] = []
    for row, owner in sessions:
        rows.append(
            {
                **_owner_cells(owner),
                "record": "session",
                "protocol": row.protocol,
                "workout": row.workout_key,
                "status": row.status.value,
                "started_at": _iso(row.started_at),
                "finished_at": _iso(row.finished_at),
                "at": _iso(row.started_at),
            }
        )
    for report, owner in check_ins:
        rows.append(
            {
                **_owner_cells(owner),
                "record": "check_in",
                "pain": report.pain,
                "note": report.note,
                "at": _iso(report.at),
            }
        )
    data = _csv(rows)
    when = turn.now.strftime("%Y-%m-%d %H:%M")
    await turn.bot.send_document(
        turn.chat_id,
        InputFile(data, filename=f"coach-export-{turn.now:%Y%m%d-%H%M}.csv"),
        caption=coach_texts.EXPORT_CAPTION.format(when=when),
    )


def _owner_cells(owner: Member) -> dict[str, object]:
    return {"member_id": owner.id, "member_name": owner.name, "username": owner.username}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _csv(rows: Sequence[dict[str, object]]) -> bytes:
    """UTF-8 CSV (with a BOM, so spreadsheets read accents); text that a spreadsheet would
    run as a formula (a member's note starting with "=") is prefixed with a quote."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, EXPORT_COLUMNS, restval="")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {key: "" if cell is None else _safe_cell(cell) for key, cell in row.items()}
        )
    return ("\ufeff" + buffer.getvalue()).encode()


def _safe_cell(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_CSV_FORMULA_STARTS):
        return "'" + cell
    return cell


COMMANDS: dict[str, CommandFunction] = {
    "members": members,
    "member": member,
    "flags": flags,
    "ack": ack,
    "assign": assign,
    "export": export,
}
BUTTONS: dict[type, ButtonFunction] = {
    cb.AcknowledgeFlag: on_acknowledge,
    cb.OpenMember: on_open_member,
}
