"""Form-check videos: member → coach with the exercise they belong to, coach reply → member.

Every coach chat receives a copy with a caption naming member and exercise; replying to that
copy sends the reply back. Several coach chats: the form check keeps one coach message (the
last copy sent), so a reply is matched by that first and otherwise by the form-check number
the bot wrote at the start of the copy's caption ("🎥 Form check #12 ..."), read only from
the bot's own messages. That way a reply from any coach chat reaches the member.
"""

from __future__ import annotations

from telegram import Message

from bot import alerts, sender
from bot.handlers.turn import Turn
from bot.render import coach_texts, texts
from bot.render.safe_text import shown_name
from bot.services import form_checks, members
from bot.video_archive import archive_form_video
from storage.models import FormCheckKind


def _video_of(message: Message) -> form_checks.IncomingVideo | None:
    """The video the message carries, if any (a video, a round video note, or a video file)."""
    if message.video is not None:
        video = message.video
        return form_checks.IncomingVideo(
            video.file_id, video.file_unique_id, FormCheckKind.VIDEO, video.file_size
        )
    if message.video_note is not None:
        note = message.video_note
        return form_checks.IncomingVideo(
            note.file_id, note.file_unique_id, FormCheckKind.VIDEO_NOTE, note.file_size
        )
    document = message.document
    if document is not None and (document.mime_type or "").startswith("video/"):
        return form_checks.IncomingVideo(
            document.file_id, document.file_unique_id, FormCheckKind.DOCUMENT, document.file_size
        )
    return None


async def on_upload(turn: Turn, message: Message) -> None:
    """A photo, video or file from anyone who is not replying as a coach."""
    video = _video_of(message)
    if video is None:
        await turn.say(texts.PLEASE_SEND_VIDEO)
        return
    result = await form_checks.receive(turn.services, turn.user_id, video, turn.now)
    match result:
        case form_checks.NotAMember():
            await turn.say(texts.NOT_ENROLLED)
        case form_checks.TooBig(size_mb, limit_mb):
            await turn.say(texts.VIDEO_TOO_BIG.format(size=size_mb, limit=limit_mb))
        case form_checks.Received(check):
            archive_form_video(turn.context.application, turn.services, check)
            await alerts.send_form_check(
                turn.bot, turn.services, result, turn.chat_id, message.message_id
            )
            await turn.say(texts.VIDEO_SENT)


async def on_coach_reply(turn: Turn, message: Message) -> bool:
    """A coach replied to a forwarded form check: send the reply to the member.

    False when the reply is not about a form check and the coach is also a member, so the
    message is handled as a member's (e.g. a typed pain score replying to the question).
    """
    replied_to = message.reply_to_message
    if replied_to is None:
        return False
    from_bot = replied_to.from_user is not None and replied_to.from_user.id == turn.bot.id
    caption_id = coach_texts.form_check_id(replied_to.caption) if from_bot else None
    target = await form_checks.replied_to(
        turn.services, turn.chat_id, replied_to.message_id, caption_id
    )
    match target:
        case None:
            if await members.is_member(turn.services, turn.user_id):
                return False
            await turn.say(coach_texts.COACH_REPLY_UNKNOWN)
        case form_checks.MemberGone():
            await turn.say(coach_texts.COACH_REPLY_MEMBER_GONE)
        case form_checks.ReplyTarget():
            await _pass_on(turn, message, target)
    return True


async def _pass_on(turn: Turn, message: Message, target: form_checks.ReplyTarget) -> None:
    exercise = target.exercise or texts.YOUR_FORM_CHECK
    database = turn.services.database
    if message.text:
        header = texts.COACH_REPLY.format(exercise=exercise, reply="")
        reply = coach_texts.fit(message.text, coach_texts.MESSAGE_LIMIT - len(header))
        text = texts.COACH_REPLY.format(exercise=exercise, reply=reply)
        delivered = await sender.send_text(turn.bot, database, target.member_chat_id, text)
    else:
        text = texts.COACH_REPLY_MEDIA.format(exercise=exercise)
        delivered = await sender.send_text(turn.bot, database, target.member_chat_id, text)
        if delivered is not None:
            await turn.bot.copy_message(target.member_chat_id, turn.chat_id, message.message_id)
    if delivered is None:
        await turn.say(
            coach_texts.COACH_REPLY_UNREACHABLE.format(name=shown_name(target.member_name))
        )
        return
    reply_text = message.text or message.caption or ""
    await form_checks.reply_passed_on(turn.services, target.check_id, reply_text, turn.now)
    await turn.say(coach_texts.COACH_REPLY_SENT.format(name=shown_name(target.member_name)))
