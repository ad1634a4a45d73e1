"""The coach's daily digest as one photo message: pages of at most `MAX_PANELS` members.

Each page is an image of small multiples (one pain panel per member, `bot.render.charts`) and
a caption. Telegram allows 1024 characters in a caption, so the caption is the list: one short
line per member (mark, name and number, level and rules in a few words). The full text (every
reason in words, what each member did) stays in the same message behind "Details", which pages
through it in the caption; the page buttons swap image and list. A coach with 40 members thus
gets one message that notifies once, opens on the most urgent twelve (high flags first), and
reads the rest in place, instead of forty messages or a text too long to send.

A page holds as many members as fit in both the image (`MAX_PANELS`) and the caption.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup

from bot.render import coach_texts, keyboards
from bot.render.charts import MAX_PANELS, PainPanel, digest_png
from bot.render.coach_texts import CAPTION_LIMIT
from bot.views import Digest, MemberDigest

_WIDEST_TITLE_PAGES = 999
"""A page number as wide as any, to size the list's title before the pages are counted."""


@dataclass(frozen=True)
class Page:
    """Page `number` (from 1) of `count`, and its members."""

    number: int
    count: int
    members: Sequence[MemberDigest]


def pages(digest: Digest) -> list[Page]:
    """The digest's members in pages, in the digest's order (the most urgent first)."""
    title = coach_texts.digest_title(
        digest.day, len(digest.members), _WIDEST_TITLE_PAGES, _WIDEST_TITLE_PAGES
    )
    room = CAPTION_LIMIT - len(title) - len(coach_texts.DIGEST_HINT()) - 2
    groups: list[list[MemberDigest]] = []
    used = 0
    for part in digest.members:
        line = len(_line(part, room)) + 1
        if not groups or used + line > room or len(groups[-1]) == MAX_PANELS:
            groups.append([])
            used = 0
        groups[-1].append(part)
        used += line
    return [Page(number, len(groups), group) for number, group in enumerate(groups, start=1)]


def page_at(digest: Digest, number: int) -> Page | None:
    """Page `number`, or the last page when there are fewer now; None for an empty digest."""
    every = pages(digest)
    return every[min(max(number, 1), len(every)) - 1] if every else None


def list_caption(digest: Digest, page: Page) -> str:
    """The page's caption: the title, a line per member, and what the buttons do."""
    title = coach_texts.digest_title(digest.day, len(digest.members), page.number, page.count)
    room = CAPTION_LIMIT - len(title) - len(coach_texts.DIGEST_HINT()) - 2
    lines = [_line(part, room) for part in page.members]
    return "\n".join([title, *lines, coach_texts.DIGEST_HINT()])


def details_captions(digest: Digest, page: Page) -> list[str]:
    """The full text of the page's members, in as few captions as it fits in, each with a
    title; a member's text too long for one caption is cut."""
    widest = coach_texts.digest_details_title(digest.day, _WIDEST_TITLE_PAGES, _WIDEST_TITLE_PAGES)
    room = CAPTION_LIMIT - len(widest) - 2
    texts = [coach_texts.fit(coach_texts.digest_member(part), room) for part in page.members]
    parts: list[str] = []
    for text in texts:
        if parts and len(parts[-1]) + 2 + len(text) <= room:
            parts[-1] = f"{parts[-1]}\n\n{text}"
        else:
            parts.append(text)
    return [
        f"{coach_texts.digest_details_title(digest.day, number, len(parts))}\n\n{body}"
        for number, body in enumerate(parts, start=1)
    ]


def caption(digest: Digest, page: Page, view: int) -> tuple[str, int]:
    """The caption of `view` of the page (0: the list; 1 on: the details, part by part), and
    how many parts of details the page has. A view past the last part shows the last."""
    details = details_captions(digest, page)
    if view <= 0:
        return list_caption(digest, page), len(details)
    return details[min(view, len(details)) - 1], len(details)


def window(digest: Digest) -> tuple[int, int]:
    """What the digest covers, in whole seconds since the epoch, for its buttons: its start
    rounded down and its end rounded up, so a rebuild from them holds everything it held."""
    return math.floor(digest.since.timestamp()), math.ceil(digest.until.timestamp())


def message(
    digest: Digest, page: Page, view: int, dashboard_url: str | None
) -> tuple[str, InlineKeyboardMarkup]:
    """The caption and buttons of `view` of the page (see `caption`)."""
    text, details = caption(digest, page, view)
    markup = keyboards.digest_page(
        window(digest),
        page.number,
        page.count,
        min(max(view, 0), details),
        details,
        [part.member for part in page.members],
        dashboard_url,
    )
    return text, markup


def panels(page: Page) -> list[PainPanel]:
    """One chart panel per member of the page: their name, their scores, their flags marked,
    and why they are here in a few words."""
    return [
        PainPanel(
            title=coach_texts.digest_name(part.member),
            check_ins=part.check_ins,
            flagged=[flag.at for flag in part.flags],
            note="; ".join(coach_texts.digest_items(part)),
        )
        for part in page.members
    ]


def chart(digest: Digest, page: Page, threshold: int | None) -> bytes:
    """The page's image (a PNG): slow (a second or two for twelve panels), so callers on the
    event loop run it in a worker thread."""
    zone = digest.zone
    return digest_png(
        panels(page), digest.chart_from.astimezone(zone), digest.until.astimezone(zone), threshold
    )


def _line(part: MemberDigest, room: int) -> str:
    return coach_texts.fit(coach_texts.digest_line(part), room)
