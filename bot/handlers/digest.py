"""The buttons under the coach's digest message: its pages, and each page's details.

A press rebuilds the digest it names for the coach who pressed (`bot.services.digest.rebuild`)
and edits the pressed message in place: the caption alone for another view of the same page,
the image too (drawn in a worker thread) for another page. Nothing is stored per digest, so a
press on a digest of any age works, and forged data can only show a coach their own members.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from bot import sender
from bot.handlers.coach_access import coach_button
from bot.handlers.turn import ButtonFunction, Turn
from bot.render import callbacks as cb
from bot.render import coach_texts, digest_pages
from bot.services import digest as digest_service
from bot.services.coaches import Viewer


@coach_button
async def on_digest_page(turn: Turn, viewer: Viewer, data: cb.DigestPage) -> None:
    since = datetime.fromtimestamp(data.since, UTC)
    until = datetime.fromtimestamp(data.until, UTC)
    digest = await digest_service.rebuild(turn.services, viewer, since, until, turn.now)
    page = digest_pages.page_at(digest, data.page) if digest is not None else None
    pressed = turn.message
    if digest is None or page is None or pressed is None:
        await turn.toast(coach_texts.DIGEST_GONE(), alert=True)
        return
    await turn.toast()
    settings = turn.services.settings
    caption, markup = digest_pages.message(digest, page, data.view, settings.web_public_url)
    if not pressed.photo:  # the digest went as text (its image could not be drawn)
        await sender.edit_text(turn.bot, turn.chat_id, pressed.message_id, caption, markup)
    elif data.redraw or page.number != data.page:
        threshold = settings.pain.acceptable_pain
        chart = await asyncio.to_thread(digest_pages.chart, digest, page, threshold)
        await sender.edit_photo(turn.bot, turn.chat_id, pressed.message_id, chart, caption, markup)
    else:
        await sender.edit_caption(turn.bot, turn.chat_id, pressed.message_id, caption, markup)


BUTTONS: dict[type, ButtonFunction] = {cb.DigestPage: on_digest_page}
