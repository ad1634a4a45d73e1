"""Safety first: every text a member sends (a message, a caption, an edit) is read for red
flags before anything else happens to it.

A red flag answers the member at once (an emergency department now, or a doctor today, with
their country's emergency number), holds their programme, and reaches their coach with the
evidence, whatever else the message is. The message then still goes where it would have: a
check-in note is saved as the note (quietly: the member has just been told what matters), a
video is a form check, anything else joins the member's thread with the coach.
"""

from __future__ import annotations

import asyncio

from telegram import Message

from bot.handlers import checkin, conversation, red_flag_answer
from bot.handlers.turn import Turn
from bot.rules.red_flags import TriageResult, triage
from bot.services import members, safety
from storage.awaiting import AwaitNote
from storage.models import EvidenceSource


def words_of(message: Message) -> str | None:
    """What the member wrote: the text, or a media message's caption."""
    return message.text if message.text is not None else message.caption


async def screen(turn: Turn, message: Message, *, edited: bool) -> bool:
    """Read the message for red flags; True when it held one and has been handled."""
    words = words_of(message)
    if not words or words.startswith("/"):
        return False
    if message.reply_to_message is not None and await turn.coach() is not None:
        return False  # a coach answering about a member, not a report of their own
    found = await asyncio.to_thread(triage, words)
    if not found.flagged:
        return False
    source = EvidenceSource.EDIT if edited else EvidenceSource.MESSAGE
    state = await members.awaited(turn.services, turn.user_id)
    if isinstance(state, AwaitNote) and not edited:
        source = EvidenceSource.NOTE
    reported = await safety.report(
        turn.services, turn.user_id, _report(found, words, source), turn.now
    )
    await red_flag_answer.tell(turn, found.level, found.labels, reported)
    if reported is None:
        return True  # a stranger: told where to go; there is no coach to tell
    if source == EvidenceSource.NOTE and isinstance(state, AwaitNote):
        await checkin.save_note_quietly(turn, message.text or "", state)
    else:
        await conversation.from_member(turn, message, edited=edited, acknowledge=False)
    return True


def _report(found: TriageResult, words: str, source: EvidenceSource) -> safety.Report:
    assert found.level != "none"
    return safety.Report(found.level, found.families, words, source)
