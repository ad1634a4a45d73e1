"""Form-check videos: member → coach with the exercise they belong to.

The member's coach chats (their coach, and owners who hear about everyone) receive a copy
captioned with the member, their context and the exercise; each copy is remembered, so
replying to any of them reaches the member (see `bot.handlers.conversation`, which also reads
the form-check number the caption starts with, "🎥 Form check #12 ...", when a copy was not
remembered), if the coach replying may see the member.
"""

from __future__ import annotations

from telegram import Message

from bot import alerts
from bot.handlers.turn import Turn
from bot.render import texts
from bot.services import form_checks
from bot.video_archive import archive_form_video
from storage.models import FormCheckKind


def video_of(message: Message) -> form_checks.IncomingVideo | None:
    """The video the message carries, if any (a video, a round video note, or a video file)."""
    caption = message.caption
    if message.video is not None:
        video = message.video
        return form_checks.IncomingVideo(
            video.file_id,
            video.file_unique_id,
            FormCheckKind.VIDEO,
            video.file_size,
            message.message_id,
            caption,
        )
    if message.video_note is not None:
        note = message.video_note
        return form_checks.IncomingVideo(
            note.file_id,
            note.file_unique_id,
            FormCheckKind.VIDEO_NOTE,
            note.file_size,
            message.message_id,
        )
    document = message.document
    if document is not None and (document.mime_type or "").startswith("video/"):
        return form_checks.IncomingVideo(
            document.file_id,
            document.file_unique_id,
            FormCheckKind.DOCUMENT,
            document.file_size,
            message.message_id,
            caption,
        )
    return None


async def on_upload(turn: Turn, message: Message) -> None:
    """A video from a member: a form check for the step they are on (or a general one)."""
    video = video_of(message)
    if video is None:
        return
    result = await form_checks.receive(turn.services, turn.user_id, video, turn.now)
    match result:
        case form_checks.NotAMember():
            await turn.say(texts.NOT_ENROLLED())
        case form_checks.TooBig(size_mb, limit_mb):
            await turn.say(texts.VIDEO_TOO_BIG.format(size=size_mb, limit=limit_mb))
        case form_checks.Received(check):
            archive_form_video(turn.context.application, turn.services, check)
            reached = await alerts.send_form_check(
                turn.bot, turn.services, result, turn.chat_id, message.message_id
            )
            await turn.say(texts.VIDEO_SENT() if reached else texts.VIDEO_KEPT_NO_COACH())
