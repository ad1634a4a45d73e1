"""Coach commands and buttons about members: the overview and detail, flags, protocols and
coaches (/assign), the export, the dashboard, the daily digest's time (/digest), and writing to
a member (/msg, the quick answers).

Each is behind the coach gate (`bot.handlers.coach_access`) and passes the coach's `Viewer` to
the services, so a coach sees and acts on their own members only (an owner on everyone's).
Arguments are checked before any work; junk gets a usage line.
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from telegram import InputFile, Message
from telegram.error import BadRequest

from bot import sender
from bot.handlers import conversation
from bot.handlers.coach_access import (
    coach_button,
    coach_command,
    id_argument,
    user_id_argument,
    user_reference,
)
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import coach_texts, keyboards, texts
from bot.render.csv_export import export_csv
from bot.render.safe_text import shown_name
from bot.rules.typed_input import parse_time_of_day, parse_time_zone
from bot.services import coach
from bot.services import digest as digest_service
from bot.services import export as export_service
from bot.services import messages as line
from bot.services.coaches import Viewer

log = logging.getLogger(__name__)

FLAGS_PER_PAGE = 10
"""Open flags shown per /flags page (each is its own message with buttons)."""


def _protocol_titles(turn: Turn) -> dict[str, str]:
    return {name: protocol.title for name, protocol in turn.services.library.items()}


@coach_command
async def members(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    if args:
        await turn.say(coach_texts.USAGE_MEMBERS())
        return
    rows = await coach.member_rows(turn.services, viewer, turn.now)
    for message in coach_texts.members_overview(rows):
        await turn.say(message)


@coach_command
async def member(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    reference = user_reference(args[0]) if len(args) == 1 else None
    if reference is None:
        await turn.say(coach_texts.USAGE_MEMBER() if len(args) != 1 else _no_such(args[0]))
        return
    await _show_member(turn, viewer, reference, args[0])


@coach_button
async def on_open_member(turn: Turn, viewer: Viewer, data: cb.OpenMember) -> None:
    await turn.toast()
    await _show_member(turn, viewer, data.member_id, f"#{data.member_id}")


def _no_such(reference: str) -> str:
    return coach_texts.NO_SUCH_MEMBER.format(reference=reference[:64])


async def _show_member(turn: Turn, viewer: Viewer, reference: int | str, as_typed: str) -> None:
    detail = await coach.member_detail(turn.services, viewer, reference, turn.now)
    await turn.say(
        _no_such(as_typed) if detail is None else coach_texts.member_detail(detail, turn.now)
    )


@coach_command
async def flags(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    page = id_argument(args[0]) if len(args) == 1 else 1 if not args else None
    if page is None:
        await turn.say(coach_texts.USAGE_FLAGS())
        return
    open_flags = await coach.open_flags(turn.services, viewer)
    if not open_flags:
        await turn.say(coach_texts.NO_OPEN_FLAGS())
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


@coach_command
async def ack(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    flag_id = id_argument(args[0]) if len(args) == 1 else None
    if flag_id is None:
        await turn.say(coach_texts.USAGE_ACK())
        return
    await turn.say(await _acknowledge(turn, viewer, flag_id))


@coach_button
async def on_acknowledge(turn: Turn, viewer: Viewer, data: cb.AcknowledgeFlag) -> None:
    await turn.toast()
    await turn.say(await _acknowledge(turn, viewer, data.flag_id))


async def _acknowledge(turn: Turn, viewer: Viewer, flag_id: int) -> str:
    """Acknowledge the flag as this coach, now; the answer to show the coach."""
    result = await coach.acknowledge(turn.services, viewer, flag_id, turn.now)
    match result:
        case coach.Acknowledged(flag_id, name):
            return coach_texts.FLAG_ACKNOWLEDGED.format(flag_id=flag_id, name=shown_name(name))
        case coach.NoSuchFlag(flag_id):
            return coach_texts.NO_SUCH_FLAG.format(flag_id=flag_id)
        case coach.AlreadyAcknowledged(flag):
            return coach_texts.already_acknowledged(flag, turn.user_id, turn.services.settings.tz)


@coach_command
async def assign(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    titles = _protocol_titles(turn)
    if len(args) == 3 and args[1].lower() == "coach":
        await _hand_over(turn, viewer, args[0], args[2])
        return
    if len(args) != 2:
        await turn.say(coach_texts.usage_assign(titles))
        return
    reference_text, protocol_name = args
    protocol = turn.services.protocol(protocol_name.lower())
    if protocol is None:
        await turn.say(coach_texts.unknown_protocol(protocol_name[:64], titles))
        return
    reference = user_reference(reference_text)
    result = (
        await coach.assign(turn.services, viewer, reference, protocol, turn.now)
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
            async with turn.speaking_to(chat_id):
                news = texts.PROTOCOL_ASSIGNED.format(
                    title=title, schedule=texts.schedule_phrase(schedule, turn.now)
                )
            told = await sender.send_text(
                turn.bot, turn.services.database, chat_id, news, on_blocked=turn.member_blocked
            )
            phrase = texts.schedule_phrase(schedule, turn.now)
            answer = (
                coach_texts.ASSIGNED() if told is not None else coach_texts.ASSIGNED_UNREACHABLE()
            )
            await turn.say(answer.format(name=shown_name(name), title=title, schedule=phrase))


async def _hand_over(turn: Turn, viewer: Viewer, member_text: str, coach_text: str) -> None:
    """/assign <member> coach <@username or user id>: the member goes to that coach."""
    member_ref = user_reference(member_text)
    coach_ref = coach_text[1:65] if coach_text.startswith("@") else user_id_argument(coach_text)
    if member_ref is None:
        await turn.say(_no_such(member_text))
        return
    result = (
        await coach.hand_over(turn.services, viewer, member_ref, coach_ref)
        if coach_ref
        else coach.NoSuchCoach()
    )
    match result:
        case coach.NoSuchMember():
            await turn.say(_no_such(member_text))
        case coach.NoSuchCoach():
            await turn.say(coach_texts.NO_SUCH_COACH.format(reference=coach_text[:64]))
        case coach.AlreadyTheirs(name, new_coach):
            name_of_coach = coach_texts.coach_name(new_coach)
            await turn.say(
                coach_texts.ALREADY_THEIRS.format(name=shown_name(name), coach=name_of_coach)
            )
        case coach.HandedOver(handed, member_chat_id, new_coach):
            database = turn.services.database
            async with turn.speaking_to(member_chat_id):
                to_member = texts.handed_over(
                    shown_name(new_coach.name) if new_coach.name else None
                )
            await sender.send_text(turn.bot, database, member_chat_id, to_member)
            if new_coach.user_id != turn.user_id:
                async with turn.speaking_to(new_coach.user_id):
                    to_coach = coach_texts.HANDED_TO_YOU.format(
                        member=coach_texts.who(handed), id=handed.id
                    )
                await _tell_coach(turn, new_coach.user_id, to_coach)
            name_of_coach = coach_texts.coach_name(new_coach)
            await turn.say(
                coach_texts.HANDED_OVER.format(name=shown_name(handed.name), coach=name_of_coach)
            )


async def _tell_coach(turn: Turn, chat_id: int, text: str) -> None:
    """A message to another coach's chat; one the bot cannot reach yet is skipped."""
    try:
        await sender.send_text(turn.bot, turn.services.database, chat_id, text)
    except BadRequest as error:
        log.info("coach chat %s not told: %s", chat_id, error)


@coach_command
async def export(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    if args:
        await turn.say(coach_texts.USAGE_EXPORT())
        return
    rows = await export_service.rows(turn.services, viewer)
    if not rows:
        await turn.say(coach_texts.EXPORT_EMPTY())
        return
    await turn.bot.send_document(
        turn.chat_id,
        InputFile(export_csv(rows), filename=f"coach-export-{turn.now:%Y%m%d-%H%M}.csv"),
        caption=coach_texts.EXPORT_CAPTION.format(when=turn.now.strftime("%Y-%m-%d %H:%M")),
    )


@coach_command
async def dashboard(turn: Turn, _viewer: Viewer, args: list[str]) -> None:
    url = turn.services.settings.web_public_url
    if args:
        await turn.say(coach_texts.USAGE_DASHBOARD())
    elif not url:
        await turn.say(coach_texts.DASHBOARD_OFF())
    elif not turn.private:
        await turn.say(coach_texts.DASHBOARD_PRIVATE_ONLY())
    else:
        await turn.say(coach_texts.DASHBOARD_OPEN(), keyboards.open_dashboard(url))


@coach_command
async def msg(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    """/msg <member> <words>: start a conversation with one of the coach's members."""
    message = turn.message
    parts = (message.text or "").split(maxsplit=2) if message is not None else []
    reference = user_reference(args[0]) if len(parts) == 3 else None
    if message is None or reference is None:
        await turn.say(coach_texts.USAGE_MSG() if len(parts) != 3 else _no_such(args[0]))
        return
    target = await line.member_target(turn.services, viewer, reference)
    if target is None:
        await turn.say(_no_such(args[0]))
        return
    confirmation = coach_texts.COACH_REPLY_SENT.format(name=shown_name(target.member_name))
    await conversation.pass_on(turn, target, parts[2], message.message_id, confirmation)


@coach_button
async def on_quick_answer(turn: Turn, viewer: Viewer, data: cb.QuickAnswer) -> None:
    """A quick answer pressed on a message about a member: it goes to that member."""
    answers = turn.services.settings.quick_replies
    if data.index >= len(answers) or cb.quick_check(answers[data.index]) != data.check:
        await turn.toast(coach_texts.QUICK_ANSWER_STALE(), alert=True)
        return
    query = turn.update.callback_query
    pressed = query.message if query is not None else None
    if not isinstance(pressed, Message):  # too old for Telegram to hand it back
        await turn.toast(coach_texts.COACH_REPLY_UNKNOWN(), alert=True)
        return
    target = await conversation.target_of(turn, viewer, pressed)
    if not isinstance(target, line.ReplyTarget):
        await turn.toast(conversation.no_target_reason(target), alert=True)
        return
    answer = answers[data.index]
    await turn.toast()
    name = shown_name(target.member_name)
    confirmation = coach_texts.QUICK_ANSWER_SENT.format(name=name, answer=answer)
    await conversation.pass_on(turn, target, answer, pressed.message_id, confirmation)


@coach_command
async def resume_member(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    reference = user_reference(args[0]) if len(args) == 1 else None
    if reference is None:
        await turn.say(coach_texts.USAGE_RESUME_MEMBER())
        return
    await turn.say(await _resume(turn, viewer, reference, args[0]))


@coach_button
async def on_resume_programme(turn: Turn, viewer: Viewer, data: cb.ResumeProgramme) -> None:
    await turn.toast()
    await turn.say(await _resume(turn, viewer, data.member_id, f"#{data.member_id}"))


async def _resume(turn: Turn, viewer: Viewer, reference: int | str, as_typed: str) -> str:
    """Resume a programme a red flag held and tell the member; the answer for the coach."""
    result = await coach.resume_programme(turn.services, viewer, reference)
    match result:
        case coach.NoSuchMember():
            return _no_such(as_typed)
        case coach.NotHeld(name):
            return coach_texts.NOT_HELD.format(name=shown_name(name))
        case coach.ProgrammeResumed(name, chat_id):
            async with turn.speaking_to(chat_id):
                news = texts.PROGRAMME_RESUMED()
            await sender.send_text(turn.bot, turn.services.database, chat_id, news)
            return coach_texts.PROGRAMME_RESUMED.format(name=shown_name(name))


@coach_command
async def digest(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    """/digest shows when the daily digest comes; /digest HH:MM [time zone] changes it."""
    if not args:
        setting = await digest_service.setting(turn.services, viewer, turn.now)
        if setting is not None:
            await turn.say(coach_texts.digest_setting(setting, changed=False))
        return
    at = parse_time_of_day(args[0])
    if at is None:
        await turn.say(coach_texts.USAGE_DIGEST())
        return
    zone = None
    if len(args) > 1:
        name = parse_time_zone(" ".join(args[1:]))
        if name is None:
            await turn.say(coach_texts.DIGEST_UNKNOWN_ZONE.format(zone=" ".join(args[1:])[:64]))
            return
        zone = ZoneInfo(name)
    setting = await digest_service.set_time(turn.services, viewer, at, zone, turn.now)
    if setting is not None:
        await turn.say(coach_texts.digest_setting(setting, changed=True))


COMMANDS: dict[str, CommandFunction] = {
    "members": members,
    "member": member,
    "flags": flags,
    "ack": ack,
    "digest": digest,
    "assign": assign,
    "export": export,
    "dashboard": dashboard,
    "msg": msg,
    "resume_member": resume_member,
}
BUTTONS: dict[type, ButtonFunction] = {
    cb.AcknowledgeFlag: on_acknowledge,
    cb.OpenMember: on_open_member,
    cb.QuickAnswer: on_quick_answer,
    cb.ResumeProgramme: on_resume_programme,
}
