"""Coach commands and buttons (only from the chats in COACH_CHAT_IDS): the member overview and
detail, flags, protocols, the export, and writing to a member (/msg, the quick answers).

Every entry point is wrapped by `_coach_only`: anyone else gets the same polite refusal,
whatever they asked for, so nothing about members (names, counts, whether a flag or member
number exists) leaks. Arguments are checked before any work; junk gets a usage line.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any, TypeVar

from telegram import InputFile, Message

from bot import sender
from bot.handlers import conversation
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import coach_texts, keyboards, texts
from bot.render.csv_export import export_csv
from bot.render.safe_text import shown_name
from bot.rules.row_ids import parse_row_id
from bot.services import coach
from bot.services import export as export_service
from bot.services import messages as line

FLAGS_PER_PAGE = 10
"""Open flags shown per /flags page (each is its own message with buttons)."""

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
    """A row id such as "12" or "#12" (within the database's range); None for anything else."""
    return parse_row_id(text.removeprefix("#"))


def _member_reference(text: str) -> int | str | None:
    """A member named by "12", "#12" (their number) or "@username" (the name without "@")."""
    if text.startswith("@") and len(text) > 1:
        return text[1:]
    return _id_argument(text)


def _protocol_titles(turn: Turn) -> dict[str, str]:
    return {name: protocol.title for name, protocol in turn.services.library.items()}


@_coach_only
async def members(turn: Turn, args: list[str]) -> None:
    if args:
        await turn.say(coach_texts.USAGE_MEMBERS)
        return
    for message in coach_texts.members_overview(await coach.member_rows(turn.services, turn.now)):
        await turn.say(message)


@_coach_only
async def member(turn: Turn, args: list[str]) -> None:
    reference = _member_reference(args[0]) if len(args) == 1 else None
    if reference is None:
        await turn.say(coach_texts.USAGE_MEMBER if len(args) != 1 else _no_such(args[0]))
        return
    await _show_member(turn, reference, args[0])


@_coach_only
async def on_open_member(turn: Turn, data: cb.OpenMember) -> None:
    await turn.toast()
    await _show_member(turn, data.member_id, f"#{data.member_id}")


def _no_such(reference: str) -> str:
    return coach_texts.NO_SUCH_MEMBER.format(reference=reference[:64])


async def _show_member(turn: Turn, reference: int | str, as_typed: str) -> None:
    detail = await coach.member_detail(turn.services, reference, turn.now)
    await turn.say(_no_such(as_typed) if detail is None else coach_texts.member_detail(detail))


@_coach_only
async def flags(turn: Turn, args: list[str]) -> None:
    page = _id_argument(args[0]) if len(args) == 1 else 1 if not args else None
    if page is None:
        await turn.say(coach_texts.USAGE_FLAGS)
        return
    open_flags = await coach.open_flags(turn.services)
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
    result = await coach.acknowledge(turn.services, flag_id, turn.user_id, turn.now)
    match result:
        case coach.Acknowledged(flag_id, name):
            return coach_texts.FLAG_ACKNOWLEDGED.format(flag_id=flag_id, name=shown_name(name))
        case coach.NoSuchFlag(flag_id):
            return coach_texts.NO_SUCH_FLAG.format(flag_id=flag_id)
        case coach.AlreadyAcknowledged(flag):
            return coach_texts.already_acknowledged(flag, turn.user_id, turn.services.settings.tz)


@_coach_only
async def assign(turn: Turn, args: list[str]) -> None:
    titles = _protocol_titles(turn)
    if len(args) != 2:
        await turn.say(coach_texts.usage_assign(titles))
        return
    reference_text, protocol_name = args
    protocol = turn.services.protocol(protocol_name.lower())
    if protocol is None:
        await turn.say(coach_texts.unknown_protocol(protocol_name[:64], titles))
        return
    reference = _member_reference(reference_text)
    result = (
        await coach.assign(turn.services, reference, protocol, turn.now)
        if reference is not None
        else coach.NoSuchMember()
    )
    match result:
        case coach.NoSuchMember():
            await turn.say(_no_such(reference_text))
        case coach.NotSetUp(name):
            await turn.say(coach_texts.NOT_SET_UP.format(name=shown_name(name)))
        case coach.AlreadyOnProtocol(name, title):
            await turn.say(
                coach_texts.ALREADY_ON_PROTOCOL.format(name=shown_name(name), title=title)
            )
        case coach.Assigned(name, chat_id, title, schedule):
            phrase = texts.schedule_phrase(schedule)
            told = await sender.send_text(
                turn.bot,
                turn.services.database,
                chat_id,
                texts.PROTOCOL_ASSIGNED.format(title=title, schedule=phrase),
                on_blocked=turn.member_blocked,
            )
            answer = coach_texts.ASSIGNED if told is not None else coach_texts.ASSIGNED_UNREACHABLE
            await turn.say(answer.format(name=shown_name(name), title=title, schedule=phrase))


@_coach_only
async def export(turn: Turn, args: list[str]) -> None:
    if args:
        await turn.say(coach_texts.USAGE_EXPORT)
        return
    rows = await export_service.rows(turn.services)
    if not rows:
        await turn.say(coach_texts.EXPORT_EMPTY)
        return
    await turn.bot.send_document(
        turn.chat_id,
        InputFile(export_csv(rows), filename=f"coach-export-{turn.now:%Y%m%d-%H%M}.csv"),
        caption=coach_texts.EXPORT_CAPTION.format(when=turn.now.strftime("%Y-%m-%d %H:%M")),
    )


@_coach_only
async def dashboard(turn: Turn, args: list[str]) -> None:
    url = turn.services.settings.web_public_url
    if args:
        await turn.say(coach_texts.USAGE_DASHBOARD)
    elif not url:
        await turn.say(coach_texts.DASHBOARD_OFF)
    elif turn.chat_id < 0:
        await turn.say(coach_texts.DASHBOARD_PRIVATE_ONLY)
    else:
        await turn.say(coach_texts.DASHBOARD_OPEN, keyboards.open_dashboard(url))


@_coach_only
async def msg(turn: Turn, args: list[str]) -> None:
    """/msg <member> <words>: start a conversation with a member."""
    message = turn.message
    parts = (message.text or "").split(maxsplit=2) if message is not None else []
    reference = _member_reference(args[0]) if len(parts) == 3 else None
    if message is None or reference is None:
        await turn.say(coach_texts.USAGE_MSG if len(parts) != 3 else _no_such(args[0]))
        return
    target = await line.member_target(turn.services, reference)
    if target is None:
        await turn.say(_no_such(args[0]))
        return
    confirmation = coach_texts.COACH_REPLY_SENT.format(name=shown_name(target.member_name))
    await conversation.pass_on(turn, target, parts[2], message.message_id, confirmation)


@_coach_only
async def on_quick_answer(turn: Turn, data: cb.QuickAnswer) -> None:
    """A quick answer pressed on a message about a member: it goes to that member."""
    answers = turn.services.settings.quick_replies
    if data.index >= len(answers) or cb.quick_check(answers[data.index]) != data.check:
        await turn.toast(coach_texts.QUICK_ANSWER_STALE, alert=True)
        return
    query = turn.update.callback_query
    pressed = query.message if query is not None else None
    if not isinstance(pressed, Message):  # too old for Telegram to hand it back
        await turn.toast(coach_texts.COACH_REPLY_UNKNOWN, alert=True)
        return
    target = await conversation.target_of(turn, pressed)
    if not isinstance(target, line.ReplyTarget):
        gone = isinstance(target, line.MemberGone)
        reason = coach_texts.COACH_REPLY_MEMBER_GONE if gone else coach_texts.COACH_REPLY_UNKNOWN
        await turn.toast(reason, alert=True)
        return
    answer = answers[data.index]
    await turn.toast()
    name = shown_name(target.member_name)
    confirmation = coach_texts.QUICK_ANSWER_SENT.format(name=name, answer=answer)
    await conversation.pass_on(turn, target, answer, pressed.message_id, confirmation)


COMMANDS: dict[str, CommandFunction] = {
    "members": members,
    "member": member,
    "flags": flags,
    "ack": ack,
    "assign": assign,
    "export": export,
    "dashboard": dashboard,
    "msg": msg,
}
BUTTONS: dict[type, ButtonFunction] = {
    cb.AcknowledgeFlag: on_acknowledge,
    cb.OpenMember: on_open_member,
    cb.QuickAnswer: on_quick_answer,
}
