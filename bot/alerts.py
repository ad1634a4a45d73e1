"""Telling the coach: new flags, members' messages and form-check videos, and notices.

Every message here goes to the coach chats `bot.services.coaches.chats_for_member` names for
the member (their coach, and the owners who hear about everyone), and is remembered as being
about that member (`bot.services.messages`), so a coach can answer any of them by replying. A
coach chat that cannot be reached is logged and skipped: nothing a member sends fails because a
coach chat is misconfigured.

- A flag: the alert text with Acknowledge, Open member and the quick answers first, then the
  member's pain chart (a photo: after-session, before-session and next-morning scores, the flag
  marked). The chart is drawn while the texts go out and is a best effort:
  if it cannot be drawn (whatever the member's name holds) the failure is logged and the text
  has already reached the coach.
- A member's messages: one bundle message per window, sent with the first message and edited
  as more arrive (an edit does not notify the coach again); media, and texts too long for the
  bundle, are copied whole under it.
- A form-check video: copied with a caption naming the member, their context and the exercise.
- Notices (`send_notice`): joined and erased at once; paused, resumed, blocked and a session
  with steps not done are queued for the daily digest.
- The daily digest (`send_digest`): one photo message, every member's pain chart in its image
  and who and why in its caption, paged by its buttons (`bot.handlers.digest`).

`send_flag` and `send_form_check` answer how many coach chats they reached, so the member is
never told a coach heard when none did.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from telegram import InlineKeyboardMarkup
from telegram.error import TelegramError

from bot import sender
from bot.context import BotServices
from bot.render import coach_texts, digest_pages, keyboards
from bot.render.charts import pain_history_png
from bot.render.i18n import speaking
from bot.sender import AnyBot
from bot.services import coaches, demo_clips, form_checks, languages, messages, notices
from bot.services.messages import About
from bot.views import Digest, FlagAlert, JoinNotice, Notice, TooHardNote
from storage.models import CoachMessageKind

log = logging.getLogger(__name__)

Sent = list[tuple[int, int]]
"""(coach chat id, message id) of what reached each coach chat."""
Compose = Callable[[], tuple[str, InlineKeyboardMarkup | None]]
"""A coach message and its buttons, written in the language being spoken: each coach chat
gets it in its coach's language (`bot.services.languages`)."""


def _text(compose: Callable[[], str]) -> Compose:
    return lambda: (compose(), None)


async def _in_languages(
    services: BotServices, chats: Collection[int], compose: Compose
) -> dict[int, tuple[str, InlineKeyboardMarkup | None]]:
    """The message for each coach chat, in that chat's language."""
    spoken = await languages.of_chats(services, chats)
    said: dict[int, tuple[str, InlineKeyboardMarkup | None]] = {}
    for chat_id in chats:
        with speaking(spoken[chat_id]):
            said[chat_id] = compose()
    return said


def pain_chart(alert: FlagAlert, threshold: int | None) -> bytes:
    """The member's pain chart (every kind of score, the flag's evidence marked), dated in
    their own time zone (its words in the language being spoken)."""
    zone = alert.member.zone
    local = [replace(check_in, at=check_in.at.astimezone(zone)) for check_in in alert.check_ins]
    flagged = [evidence.at for evidence in alert.flag.evidence] or [alert.flag.raised_at]
    return pain_history_png(local, coach_texts.chart_title(alert.member), threshold, flagged)


async def _send_to_coaches(
    bot: AnyBot, services: BotServices, chats: Sequence[int], compose: Compose
) -> Sent:
    sent: Sent = []
    for chat_id, (text, markup) in (await _in_languages(services, chats, compose)).items():
        try:
            message = await sender.send_text(bot, services.database, chat_id, text, markup)
        except TelegramError as error:
            log.warning("message not delivered to coach chat %s: %s", chat_id, error)
            continue
        if message is not None:
            sent.append((chat_id, message.message_id))
    return sent


async def send_flag(bot: AnyBot, services: BotServices, alert: FlagAlert) -> int:
    """Send the flag, its evidence and history, then a pain chart, to the member's coach chats;
    or, when the alert was sent within the bundling window, bring that alert up to date (an
    edit: the coach already has the chart, and is not notified twice in a minute). How many
    coach chats have it."""

    def compose() -> tuple[str, InlineKeyboardMarkup | None]:
        return coach_texts.flag_message(alert), keyboards.flag_actions(
            alert.flag.id, alert.member.id, services.settings.quick_replies, held=alert.held
        )

    if alert.update:
        said = await _in_languages(services, {chat_id for chat_id, _ in alert.update}, compose)
        for chat_id, message_id in alert.update:
            text, markup = said[chat_id]
            try:
                await sender.edit_text(bot, chat_id, message_id, text, markup)
            except TelegramError as error:
                log.warning("flag %s not updated in chat %s: %s", alert.flag.id, chat_id, error)
        log.info("flag %s for member %s brought up to date", alert.flag.id, alert.member.id)
        return len(alert.update)
    chats = await coaches.chats_for_member(services, alert.member.id)
    if not chats:
        log.warning("flag %s for member %s: no coach to tell", alert.flag.id, alert.member.id)
        return 0
    threshold = services.settings.pain.acceptable_pain
    spoken = await languages.of_chats(services, chats)
    drawings = {  # one chart per language the coach chats speak
        language: asyncio.ensure_future(asyncio.to_thread(_chart_in, language, alert, threshold))
        for language in set(spoken.values())
    }
    sent = await _send_to_coaches(bot, services, chats, compose)
    about = About(alert.member.id, CoachMessageKind.ALERT, flag_id=alert.flag.id)
    await messages.shown_to_coaches(services, about, sent, services.clock())
    charts: Sent = []
    for chat_id in chats:
        try:
            chart = await drawings[spoken[chat_id]]
        except Exception:
            log.exception("no pain chart for flag %s; the coach has the text", alert.flag.id)
            continue
        with speaking(spoken[chat_id]):
            caption = coach_texts.chart_caption(alert.member, alert.check_ins)
        try:
            photo = await sender.send_photo(bot, services.database, chat_id, chart, caption)
        except TelegramError as error:
            log.warning("flag %s chart not sent to chat %s: %s", alert.flag.id, chat_id, error)
            continue
        if photo is not None:
            charts.append((chat_id, photo.message_id))
    about = About(alert.member.id, CoachMessageKind.CHART, flag_id=alert.flag.id)
    await messages.shown_to_coaches(services, about, charts, services.clock())
    log.info(
        "flag %s (%s, %s) for member %s sent to %s coach chat(s)",
        alert.flag.id,
        alert.flag.kind,
        alert.flag.level,
        alert.member.id,
        len(sent),
    )
    return len(sent)


def _chart_in(language: str | None, alert: FlagAlert, threshold: int | None) -> bytes:
    with speaking(language):
        return pain_chart(alert, threshold)


async def relay_to_coaches(
    bot: AnyBot,
    services: BotServices,
    relayed: messages.Relayed,
    from_chat_id: int,
    message_id: int,
) -> None:
    """Show the member's bundle to their coach chats: a new message for a new bundle, an edit
    of it otherwise; then, for media or a long text, a copy of the message under it."""

    def compose() -> tuple[str, InlineKeyboardMarkup | None]:
        return coach_texts.relay_message(relayed.view), keyboards.quick_answers(
            services.settings.quick_replies
        )

    bundles: Sent
    if relayed.copies:
        bundles = list(relayed.copies)
        said = await _in_languages(services, {chat_id for chat_id, _ in bundles}, compose)
        for chat_id, bundle_id in bundles:
            text, markup = said[chat_id]
            try:
                await sender.edit_text(bot, chat_id, bundle_id, text, markup)
            except TelegramError as error:
                log.warning("bundle not updated in coach chat %s: %s", chat_id, error)
    else:
        chats = await coaches.chats_for_member(services, relayed.member_id)
        bundles = await _send_to_coaches(bot, services, chats, compose)
        about = About(relayed.member_id, CoachMessageKind.RELAY, relay_id=relayed.relay_id)
        await messages.shown_to_coaches(services, about, bundles, services.clock())
    if not relayed.copy_below:
        return
    copies: Sent = []
    for chat_id, bundle_id in bundles:
        try:
            copy_id = await sender.copy_message(
                bot, services.database, chat_id, from_chat_id, message_id, reply_to=bundle_id
            )
        except TelegramError as error:
            log.warning("message not copied to coach chat %s: %s", chat_id, error)
            continue
        if copy_id is not None:
            copies.append((chat_id, copy_id))
    about = About(
        relayed.member_id,
        CoachMessageKind.COPY,
        relay_id=relayed.relay_id,
        thread_message_id=relayed.thread_message_id,
    )
    await messages.shown_to_coaches(services, about, copies, services.clock())


async def send_form_check(
    bot: AnyBot,
    services: BotServices,
    received: form_checks.Received,
    from_chat_id: int,
    message_id: int,
) -> int:
    """Copy the member's video into their coach chats, and remember each copy for replies;
    how many chats got it."""
    check_id = received.check.id
    member_id = received.context.member.id
    demo = await demo_clips.file_for(services, received.exercise) if received.exercise else None
    copies: Sent = []
    chats = await coaches.chats_for_member(services, member_id)
    spoken = await languages.of_chats(services, chats)
    for chat_id in chats:
        with speaking(spoken[chat_id]):
            caption = coach_texts.form_check_caption(
                check_id, received.context, received.exercise, received.caption
            )
        try:
            copy_id = await sender.copy_message(
                bot, services.database, chat_id, from_chat_id, message_id, caption=caption
            )
        except TelegramError as error:
            log.warning(
                "form check %s not delivered to coach chat %s: %s", check_id, chat_id, error
            )
            continue
        if copy_id is None:
            continue
        copies.append((chat_id, copy_id))
        if demo is not None and received.exercise is not None:
            with speaking(spoken[chat_id]):
                demo_caption = coach_texts.DEMO_FOR_COACH.format(exercise=received.exercise)
            demo_id = await _demo_beside(bot, services, chat_id, demo, demo_caption, copy_id)
            if demo_id is not None:
                copies.append((chat_id, demo_id))
    about = About(
        member_id,
        CoachMessageKind.FORM_CHECK,
        form_check_id=check_id,
        thread_message_id=received.thread_message_id,
    )
    await messages.shown_to_coaches(services, about, copies, services.clock())
    return len({chat_id for chat_id, _ in copies})


async def send_notice(
    bot: AnyBot, services: BotServices, told: Notice, chats: Sequence[int] | None = None
) -> None:
    """Tell the member's coach chats (or `chats`, for a member already erased) what happened.

    Every notice goes through here. Joining and erasing are told at once; pausing, resuming,
    blocking the bot and a session with steps not done wait for the coach's daily digest.
    """
    if await notices.queue_for_digest(services, told):
        return
    member_id = told.member.id
    targets = chats if chats is not None else await coaches.chats_for_member(services, member_id)
    now = services.clock()
    sent = await _send_to_coaches(
        bot, services, targets, _text(lambda: coach_texts.notice(told, now))
    )
    if isinstance(told, JoinNotice):
        about = About(member_id, CoachMessageKind.NOTICE)
        await messages.shown_to_coaches(services, about, sent, services.clock())


async def send_digest(bot: AnyBot, services: BotServices, digest: Digest) -> int:
    """Send a coach their digest as one message: the first page's image of every member's
    pain chart, with the list of who and why as its caption and the buttons that page through
    the rest (`bot.render.digest_pages`). The image is drawn in a worker thread; if it cannot
    be drawn, the caption and buttons go as a text message. How many members the digest
    covers (0 when it did not reach the coach)."""
    page = digest_pages.page_at(digest, 1)
    if page is None:
        return 0
    threshold = services.settings.pain.acceptable_pain
    chart: bytes | None
    with speaking(await languages.of_chat(services, digest.chat_id)):  # the coach's language
        caption, markup = digest_pages.message(digest, page, 0, services.settings.web_public_url)
        try:
            chart = await asyncio.to_thread(digest_pages.chart, digest, page, threshold)
        except Exception:
            log.exception("no digest chart for chat %s; the coach has the text", digest.chat_id)
            chart = None
    try:
        if chart is None:
            message = await sender.send_text(
                bot, services.database, digest.chat_id, caption, markup
            )
        else:
            message = await sender.send_photo(
                bot, services.database, digest.chat_id, chart, caption, markup
            )
    except TelegramError as error:
        log.warning("digest not delivered to coach chat %s: %s", digest.chat_id, error)
        return 0
    if message is None:
        return 0
    log.info(
        "digest for chat %s: %d member(s) on %d page(s)",
        digest.chat_id,
        len(digest.members),
        page.count,
    )
    return len(digest.members)


async def report_session(bot: AnyBot, services: BotServices, session_id: int) -> None:
    """Tell the coach about a finished session whose steps were not all done as asked."""
    report = await notices.session_report(services, session_id)
    if report is not None:
        await send_notice(bot, services, report)


async def member_blocked(bot: AnyBot, services: BotServices, member_id: int) -> None:
    """An active member turned out to have blocked the bot (see `bot.sender`)."""
    blocked = await notices.member_blocked(services, member_id)
    if blocked is not None:
        await send_notice(bot, services, blocked)


async def _demo_beside(
    bot: AnyBot,
    services: BotServices,
    chat_id: int,
    file_id: str,
    caption: str,
    copy_id: int,
) -> int | None:
    """The exercise's demo clip, as a reply to the member's form video in the coach chat; its
    message id (a reply to it answers the form check too)."""
    try:
        message = await sender.send_video(
            bot, services.database, chat_id, file_id, caption=caption, reply_to=copy_id
        )
    except TelegramError as error:
        log.warning("demo clip not delivered to coach chat %s: %s", chat_id, error)
        return None
    return message.message_id if message is not None else None


async def too_hard(bot: AnyBot, services: BotServices, note: TooHardNote) -> None:
    """Tell the member's coaches that an exercise was too hard (and what was offered); a reply
    reaches the member about that session."""
    member_id = note.member.id
    chats = await coaches.chats_for_member(services, member_id)
    sent = await _send_to_coaches(bot, services, chats, _text(lambda: coach_texts.too_hard(note)))
    about = About(member_id, CoachMessageKind.SUMMARY, session_id=note.session_id)
    await messages.shown_to_coaches(services, about, sent, services.clock())
