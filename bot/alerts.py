"""Telling the coach: new flags, and members' form-check videos.

A flag reaches every coach chat as the alert text with the buttons (Acknowledge, Open member)
first, then the pain-trend chart (a photo). The chart is drawn while the texts go out and is
a best effort: if it cannot be drawn (whatever the member's name holds) the failure is logged
and the text has already reached the coach. A form-check video is copied into every coach
chat with a caption naming member and exercise. A coach chat that cannot be reached is logged
and skipped: nothing a member sends fails because a coach chat is misconfigured.
"""

from __future__ import annotations

import asyncio
import logging

from telegram.error import BadRequest, Forbidden, TelegramError

from bot import sender
from bot.context import BotServices
from bot.render import coach_texts, keyboards
from bot.render.charts import pain_trend_png
from bot.rules.symptoms import pain_points
from bot.sender import AnyBot
from bot.services import coaches, form_checks
from bot.views import FlagAlert

log = logging.getLogger(__name__)


def pain_chart(alert: FlagAlert, threshold: int | None) -> bytes:
    """The member's pain-trend PNG, dated in their own time zone."""
    zone = alert.member.zone
    points = [(at.astimezone(zone), pain) for at, pain in pain_points(alert.check_ins)]
    return pain_trend_png(points, coach_texts.chart_title(alert.member), threshold)


async def send_flag(bot: AnyBot, services: BotServices, alert: FlagAlert) -> None:
    """Send the flag, its history and a pain chart to every coach chat."""
    text = coach_texts.flag_message(alert)
    threshold = services.settings.flags.persistent_pain
    drawing = asyncio.ensure_future(asyncio.to_thread(pain_chart, alert, threshold))
    markup = keyboards.flag_actions(alert.flag.id, alert.member.id)
    chats = await coaches.chats_for_member(services, alert.member.id)
    for chat_id in chats:
        try:
            await sender.send_text(bot, services.database, chat_id, text, markup)
        except TelegramError as error:
            log.warning("flag %s not delivered to coach chat %s: %s", alert.flag.id, chat_id, error)
    try:
        chart = await drawing
    except Exception:
        log.exception("no pain chart for flag %s; the coach has the text", alert.flag.id)
    else:
        for chat_id in chats:
            try:
                await sender.send_photo(bot, services.database, chat_id, chart)
            except TelegramError as error:
                log.warning("flag %s chart not sent to chat %s: %s", alert.flag.id, chat_id, error)
    log.info(
        "flag %s (%s) for member %s sent to the coach",
        alert.flag.id,
        alert.flag.kind,
        alert.member.id,
    )


async def send_form_check(
    bot: AnyBot,
    services: BotServices,
    received: form_checks.Received,
    from_chat_id: int,
    message_id: int,
) -> None:
    """Copy the member's video into their coach chats, and remember each copy for replies."""
    check_id = received.check.id
    caption = coach_texts.form_check_caption(check_id, received.member, received.exercise)
    for chat_id in await coaches.chats_for_member(services, received.member.id):
        try:
            copy = await bot.copy_message(chat_id, from_chat_id, message_id, caption=caption)
        except (BadRequest, Forbidden) as error:
            log.warning(
                "form check %s not delivered to coach chat %s: %s", check_id, chat_id, error
            )
            continue
        await form_checks.copied_to_coach(services, check_id, chat_id, copy.message_id)
