"""Telling the coach: a new flag reaches every coach chat with its reason, history and chart."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC
from zoneinfo import ZoneInfo

from bot import sender
from bot.context import BotServices
from bot.render import keyboards
from bot.render.charts import pain_trend_png
from bot.rules.symptoms import CheckIn, pain_points, trend_summary
from bot.sender import AnyBot
from bot.services.checkins import history
from storage import repository
from storage.models import Flag, FlagKind, Member

log = logging.getLogger(__name__)

RECENT_LINES = 5
"""Check-ins listed in a flag message, newest last."""


def flag_message(member: Member, flag: Flag, check_ins: list[CheckIn]) -> str:
    """The text a coach reads when a flag is raised."""
    heading = "🚨 URGENT" if flag.kind == FlagKind.URGENT else "⚠️ Worsening symptoms"
    who = f"{member.name}" + (f" (@{member.username})" if member.username else "")
    zone = ZoneInfo(member.time_zone)
    lines = [
        f"{heading}: {who}, member #{member.id}",
        flag.reason,
        "",
        f"Pain trend: {trend_summary(check_ins)}",
        "Recent check-ins:",
    ]
    for check_in in check_ins[-RECENT_LINES:]:
        when = check_in.at.astimezone(zone).strftime("%a %d %b %H:%M")
        session = f"after session {check_in.session_number}" if check_in.session_number else ""
        pain = f"pain {check_in.pain}" if check_in.pain is not None else "no score"
        note = f': "{check_in.note[:200]}"' if check_in.note else ""
        lines.append(f"• {when} {session} {pain}{note}".replace("  ", " "))
    lines.append(f"Flag #{flag.id}: /ack {flag.id} when you've followed up.")
    return "\n".join(lines)


def pain_chart(member: Member, check_ins: list[CheckIn], threshold: int | None) -> bytes:
    zone = ZoneInfo(member.time_zone)
    points = [(at.astimezone(zone), pain) for at, pain in pain_points(check_ins)]
    return pain_trend_png(points, f"{member.name}: pain after sessions", threshold)


async def notify_flag(bot: AnyBot, services: BotServices, flag: Flag) -> None:
    """Send the flag, its history and a pain chart to every coach chat."""
    async with services.database.transaction() as session:
        member = await repository.get_member(session, flag.member_id)
        if member is None:
            return
        check_ins = await history(session, member.id)
    text = flag_message(member, flag, check_ins)
    threshold = services.settings.flags.persistent_pain
    chart = await asyncio.to_thread(pain_chart, member, check_ins, threshold)
    markup = keyboards.flag_actions(flag.id, member.id)
    for chat_id in services.settings.coach_chat_ids:
        await sender.send_photo(bot, services.database, chat_id, chart)
        await sender.send_text(bot, services.database, chat_id, text, markup)
    log.info(
        "flag %s (%s) for member %s sent to %d coach chat(s) at %s",
        flag.id,
        flag.kind,
        member.id,
        len(services.settings.coach_chat_ids),
        flag.raised_at.astimezone(UTC).isoformat(),
    )
