"""Telling the coach: a new flag reaches every coach chat with its reason, history and chart.

Each coach chat gets the pain-trend chart as a photo, then the alert text with the buttons
(Acknowledge, Open member). A coach chat that cannot be reached is logged and skipped: the
member's check-in never fails because a coach chat is misconfigured.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from telegram.error import TelegramError

from bot import sender
from bot.context import BotServices
from bot.render import coach_texts, keyboards
from bot.render.charts import pain_trend_png
from bot.rules.symptoms import CheckIn, pain_points
from bot.sender import AnyBot
from bot.services.checkins import history
from storage import repository
from storage.models import Flag, Member

log = logging.getLogger(__name__)


def pain_chart(member: Member, check_ins: Sequence[CheckIn], threshold: int | None) -> bytes:
    """The member's pain-trend PNG, dated in their own time zone."""
    zone = ZoneInfo(member.time_zone)
    points = [(at.astimezone(zone), pain) for at, pain in pain_points(check_ins)]
    return pain_trend_png(points, coach_texts.chart_title(member), threshold)


async def notify_flag(bot: AnyBot, services: BotServices, flag: Flag) -> None:
    """Send the flag, its history and a pain chart to every coach chat."""
    async with services.database.transaction() as session:
        member = await repository.members.get(session, flag.member_id)
        if member is None:
            return
        check_ins = await history(session, member.id)
    text = coach_texts.flag_message(member, flag, check_ins)
    threshold = services.settings.flags.persistent_pain
    chart = await asyncio.to_thread(pain_chart, member, check_ins, threshold)
    markup = keyboards.flag_actions(flag.id, member.id)
    for chat_id in services.settings.coach_chat_ids:
        try:
            await sender.send_photo(bot, services.database, chat_id, chart)
            await sender.send_text(bot, services.database, chat_id, text, markup)
        except TelegramError as error:
            log.warning("flag %s not delivered to coach chat %s: %s", flag.id, chat_id, error)
    log.info("flag %s (%s) for member %s sent to the coach", flag.id, flag.kind, member.id)
