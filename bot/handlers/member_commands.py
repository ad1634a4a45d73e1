"""/progress, /pause, /resume, /snooze, /help and /delete."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot import sender
from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import keyboards, texts
from bot.render.charts import pain_trend_png
from bot.rules.symptoms import pain_points
from bot.rules.weekly_cap import week_bounds
from bot.services import workouts
from bot.services.checkins import history
from storage import repository
from storage.models import SessionStatus

RECENT_PAIN = 5
STREAK_LOOKBACK_WEEKS = 52


async def help_command(turn: Turn, _args: list[str]) -> None:
    await turn.say(texts.HELP)


async def progress(turn: Turn, _args: list[str]) -> None:
    member = await turn.member()
    if member is None or member.onboarded_at is None:
        await turn.say(texts.NOT_ENROLLED)
        return
    zone = ZoneInfo(member.time_zone)
    async with turn.services.database.transaction() as session:
        enrolment = await repository.enrolments.active(session, member.id)
        protocol = turn.services.protocol(enrolment.protocol) if enrolment else None
        if protocol is None:
            await turn.say(texts.NOT_ENROLLED)
            return
        done = await workouts.done_sessions(session, member.id, zone, turn.now)
        start, _ = week_bounds(turn.now - timedelta(weeks=STREAK_LOOKBACK_WEEKS), zone)
        year = await repository.sessions.started_between(session, member.id, start, turn.now)
        check_ins = await history(session, member.id)
    counts = workouts.week_counts(protocol, done, zone, turn.now)
    finished = [row.finished_at for row in year if row.status == SessionStatus.FINISHED]
    streak = streak_weeks([at for at in finished if at is not None], turn.now, zone)
    points = pain_points(check_ins)
    titles = {workout.key: workout.title for workout in protocol.workouts}
    await turn.say(
        texts.progress(counts, titles, streak, [pain for _, pain in points[-RECENT_PAIN:]])
    )
    if points:
        local = [(at.astimezone(zone), pain) for at, pain in points]
        chart = await asyncio.to_thread(pain_trend_png, local, "Your pain after sessions")
        await sender.send_photo(turn.bot, turn.services.database, turn.chat_id, chart)


def streak_weeks(finished: Sequence[datetime], now: datetime, zone: ZoneInfo) -> int:
    """Weeks in a row, ending this week (or last week, if none yet this week), with a session."""
    weeks = {week_bounds(at, zone)[0] for at in finished}
    start, _ = week_bounds(now, zone)
    if start not in weeks:
        start, _ = week_bounds(start - timedelta(days=1), zone)
    streak = 0
    while start in weeks:
        streak += 1
        start, _ = week_bounds(start - timedelta(days=1), zone)
    return streak


async def pause(turn: Turn, _args: list[str]) -> None:
    await _set_paused(turn, True)


async def resume(turn: Turn, _args: list[str]) -> None:
    await _set_paused(turn, False)


async def _set_paused(turn: Turn, paused: bool) -> None:
    member = await turn.member()
    if member is None or member.onboarded_at is None:
        await turn.say(texts.NOT_ENROLLED)
        return
    if member.paused == paused:
        await turn.say(texts.ALREADY_PAUSED if paused else texts.ALREADY_RUNNING)
        return
    async with turn.services.database.transaction() as session:
        await repository.members.set_paused(session, member.id, paused)
    reminders = turn.services.reminders
    next_at = await reminders.reschedule_member(member.id) if reminders is not None else None
    if paused:
        await turn.say(texts.PAUSED)
    elif next_at is not None:
        local = next_at.astimezone(ZoneInfo(member.time_zone))
        await turn.say(texts.RESUMED.format(when=f"{local:%a %d %b, %H:%M}"))
    else:
        await turn.say(texts.RESUMED_NO_NEXT)


async def snooze(turn: Turn, _args: list[str]) -> None:
    await _snooze(turn)


async def on_snooze_button(turn: Turn, _data: cb.Snooze) -> None:
    await turn.toast()
    await _snooze(turn)


async def _snooze(turn: Turn) -> None:
    member = await turn.member()
    reminders = turn.services.reminders
    if member is None or member.onboarded_at is None or reminders is None:
        await turn.say(texts.NOT_ENROLLED)
        return
    if member.paused:
        await turn.say(texts.ALREADY_PAUSED)
        return
    moved_to = await reminders.snooze(member.id, turn.now)
    if moved_to is None:
        await turn.say(texts.NOTHING_TO_SNOOZE)
    else:
        local = moved_to.astimezone(ZoneInfo(member.time_zone))
        await turn.say(texts.SNOOZED.format(when=f"{local:%H:%M}"))


async def delete(turn: Turn, _args: list[str]) -> None:
    if await turn.member() is None:
        await turn.say(texts.NOT_ENROLLED)
        return
    await turn.say(texts.DELETE_CONFIRM, keyboards.confirm_delete())


async def on_confirm_delete(turn: Turn, data: cb.ConfirmDelete) -> None:
    await turn.toast()
    member = await turn.member()
    if not data.confirmed or member is None:
        await turn.edit_pressed(texts.DELETE_CANCELLED)
        return
    async with turn.services.database.transaction() as session:
        await repository.members.delete(session, member.id)
    if turn.services.reminders is not None:
        turn.services.reminders.forget_member(member.id)
    await turn.edit_pressed(texts.DELETED)


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
