"""/progress, /pause, /resume, /snooze, /help and /delete."""

from __future__ import annotations

import asyncio
from datetime import date

from bot import alerts, menus, sender
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import coach_texts, keyboards, texts
from bot.render.charts import pain_trend_png
from bot.render.dates import date_and_time
from bot.rules.emergency import emergency_number
from bot.services import coaches, members
from bot.services.progress import progress as progress_of
from bot.views import MemberNotice, NoticeEvent


async def help_command(turn: Turn, _args: list[str]) -> None:
    """The member commands; a coach's own: the coach commands (and the member ones when they
    train too); in a coach group: the coach commands."""
    if not turn.private:
        viewer = await turn.coach()
        await turn.say(
            texts.PRIVATE_ONLY() if viewer is None else coach_texts.coach_help(viewer.owner, False)
        )
        return
    roles = await coaches.roles(turn.services, turn.user_id)
    if roles.coach is None:
        await turn.say(texts.help_text())
    else:
        await turn.say(coach_texts.coach_help(roles.coach.owner, roles.member))


async def progress(turn: Turn, _args: list[str]) -> None:
    view = await progress_of(turn.services, turn.user_id, turn.now)
    if view is None:
        await turn.say(texts.NOT_ENROLLED())
        return
    await turn.say(
        texts.progress(view.week, view.workout_titles, view.streak_weeks, view.recent_pain)
    )
    if view.pain_points:
        local = [(at.astimezone(view.zone), pain) for at, pain in view.pain_points]
        chart = await asyncio.to_thread(pain_trend_png, local, texts.PROGRESS_CHART_TITLE())
        caption = texts.progress_chart_caption(len(view.pain_points), view.pain_points[-1][1])
        await sender.send_photo(turn.bot, turn.services.database, turn.chat_id, chart, caption)


async def pause(turn: Turn, _args: list[str]) -> None:
    await _set_paused(turn, True)


async def resume(turn: Turn, _args: list[str]) -> None:
    await _set_paused(turn, False)


async def _set_paused(turn: Turn, paused: bool) -> None:
    result = await members.set_paused(turn.services, turn.user_id, paused)
    match result:
        case members.Unknown():
            await turn.say(texts.NOT_ENROLLED())
        case members.HeldByRedFlag(zone):
            await turn.say(texts.held(emergency_number(zone)))
        case members.PauseUnchanged(True):
            await turn.say(texts.ALREADY_PAUSED())
        case members.PauseUnchanged(False):
            await turn.say(texts.ALREADY_RUNNING())
        case members.PauseChanged(True, _, _, _):
            await turn.say(texts.PAUSED())
        case members.PauseChanged(False, None, _, _):
            await turn.say(texts.RESUMED_NO_NEXT())
        case members.PauseChanged(False, next_at, zone, _) if next_at is not None:
            local = next_at.astimezone(zone)
            await turn.say(texts.RESUMED.format(when=date_and_time(local)))
    if isinstance(result, members.PauseChanged):
        event: NoticeEvent = "paused" if result.paused else "resumed"
        await alerts.send_notice(turn.bot, turn.services, MemberNotice(result.member, event))


async def snooze(turn: Turn, _args: list[str]) -> None:
    await _snooze(turn)


async def on_snooze_button(turn: Turn, data: cb.Snooze) -> None:
    """Later (1 h) on a reminder: only that day's reminder moves."""
    await _snooze(turn, data.day)


async def _snooze(turn: Turn, day: date | None = None) -> None:
    result = await members.snooze(turn.services, turn.user_id, turn.now, day)
    if isinstance(result, members.Stale):
        await turn.toast(texts.REMINDER_OUT_OF_DATE())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    match result:
        case members.Unknown():
            await turn.say(texts.NOT_ENROLLED())
        case members.NothingToSnooze(paused):
            await turn.say(texts.ALREADY_PAUSED() if paused else texts.NOTHING_TO_SNOOZE())
        case members.Snoozed(until, zone):
            await turn.say(texts.SNOOZED.format(when=f"{until.astimezone(zone):%H:%M}"))


async def delete(turn: Turn, _args: list[str]) -> None:
    question = await members.ask_erase(turn.services, turn.user_id)
    if isinstance(question, members.Unknown):
        await turn.say(texts.NOT_ENROLLED())
        return
    await turn.say(texts.DELETE_CONFIRM(), keyboards.confirm_delete(question.menu))


async def on_confirm_delete(turn: Turn, data: cb.ConfirmDelete) -> None:
    """Yes erases everything, but only from the latest settings question: a confirmation left
    on an older message changes nothing."""
    erased = await members.erase(turn.services, turn.user_id, data.menu) if data.confirmed else None
    if isinstance(erased, members.Stale):
        await turn.toast(texts.MENU_OUT_OF_DATE())
        await turn.remove_pressed_buttons()
        return
    await turn.toast()
    if erased is None:
        await turn.edit_pressed(texts.DELETE_CANCELLED())
        return
    await turn.edit_pressed(texts.DELETED())
    notice = MemberNotice(erased.member, "deleted")
    await alerts.send_notice(turn.bot, turn.services, notice, erased.coach_chats)
    if (await coaches.roles(turn.services, turn.user_id)).coach is not None:
        await menus.publish_for(turn.bot, turn.services, turn.user_id)  # a coach only, now


COMMANDS: dict[str, CommandFunction] = {
    "help": help_command,
    "progress": progress,
    "pause": pause,
    "resume": resume,
    "snooze": snooze,
    "delete": delete,
}
BUTTONS: dict[type, ButtonFunction] = {
    cb.Snooze: on_snooze_button,
    cb.ConfirmDelete: on_confirm_delete,
}
