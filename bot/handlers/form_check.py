"""Form-check videos: member → coach with the exercise they belong to, coach reply → member.

A video belongs to the step the member pressed "Send form video" on, or else to the step of
the session in progress, or to no exercise ("general form check"). Every coach chat receives
a copy with a caption naming member and exercise; replying to that copy sends the reply back.

Several coach chats: the form_checks row keeps one coach message (the last copy sent), so a
reply is matched by that first and otherwise by the form-check number the bot wrote at the
start of the copy's caption ("🎥 Form check #12 ..."), read only from the bot's own messages.
That way a reply from any coach chat reaches the member.
"""

from __future__ import annotations

import logging

from telegram import Message
from telegram.error import BadRequest, Forbidden

from bot import sender
from bot.handlers.turn import Turn
from bot.render import coach_texts, texts
from bot.services import workouts
from bot.services.video_archive import archive_form_video
from protocols.expand import expand_workout
from storage import repository
from storage.models import FormCheck, FormCheckKind, Member

log = logging.getLogger(__name__)

CLOUD_FILE_LIMIT_MB = 20
"""Telegram's cloud Bot API hands bots files up to this size (a local server: 2000 MB)."""
LOCAL_FILE_LIMIT_MB = 2000


def _video_of(message: Message) -> tuple[str, str, FormCheckKind, int | None] | None:
    """(file_id, file_unique_id, kind, size) when the message carries a video."""
    if message.video is not None:
        video = message.video
        return video.file_id, video.file_unique_id, FormCheckKind.VIDEO, video.file_size
    if message.video_note is not None:
        note = message.video_note
        return note.file_id, note.file_unique_id, FormCheckKind.VIDEO_NOTE, note.file_size
    document = message.document
    if document is not None and (document.mime_type or "").startswith("video/"):
        return (
            document.file_id,
            document.file_unique_id,
            FormCheckKind.DOCUMENT,
            document.file_size,
        )
    return None


async def _exercise_for(turn: Turn, member: Member) -> tuple[int | None, int | None, str | None]:
    """(session id, step index, exercise name) the video belongs to."""
    view = await workouts.current_step(turn.services, member)
    if view is None:
        return None, None, None
    step = view.step
    prefix, _, chosen = (member.awaiting or "").partition(":")
    session_text, _, index_text = chosen.partition(":")
    if prefix == "video" and session_text == str(view.session_id) and index_text.isdigit():
        steps = expand_workout(view.workout)
        if int(index_text) < len(steps):
            step = steps[int(index_text)]
    return view.session_id, step.index, step.exercise.name


async def on_upload(turn: Turn, message: Message) -> None:
    """A photo, video or file from anyone who is not replying as a coach."""
    video = _video_of(message)
    if video is None:
        await turn.say(texts.PLEASE_SEND_VIDEO)
        return
    member = await turn.member()
    if member is None:
        await turn.say(texts.NOT_ENROLLED)
        return
    file_id, unique_id, kind, size = video
    limit_mb = (
        LOCAL_FILE_LIMIT_MB if turn.services.settings.telegram_local_mode else (CLOUD_FILE_LIMIT_MB)
    )
    if size is not None and size > limit_mb * 1024 * 1024:
        await turn.say(texts.VIDEO_TOO_BIG.format(size=size // (1024 * 1024), limit=limit_mb))
        return
    session_id, step_index, exercise = await _exercise_for(turn, member)
    async with turn.services.database.transaction() as session:
        check = await repository.form_checks.add(
            session,
            member.id,
            file_id=file_id,
            file_unique_id=unique_id,
            kind=kind,
            session_id=session_id,
            step_index=step_index,
            exercise_name=exercise,
            now=turn.now,
        )
        if (member.awaiting or "").startswith("video:"):
            await repository.members.set_awaiting(session, member.id, None)
    archive_form_video(turn.context.application, turn.services, check)
    caption = coach_texts.form_check_caption(check.id, member, exercise)
    for chat_id in turn.services.settings.coach_chat_ids:
        try:
            copy = await turn.bot.copy_message(
                chat_id, turn.chat_id, message.message_id, caption=caption
            )
        except (BadRequest, Forbidden) as error:
            log.warning(
                "form check %s not delivered to coach chat %s: %s", check.id, chat_id, error
            )
            continue
        async with turn.services.database.transaction() as session:
            await repository.form_checks.set_coach_message(
                session, check.id, chat_id=chat_id, message_id=copy.message_id
            )
    await turn.say(texts.VIDEO_SENT)


async def _form_check_replied_to(turn: Turn, replied_to: Message) -> FormCheck | None:
    """The form check whose copy the coach replied to (see the module notes)."""
    async with turn.services.database.transaction() as session:
        check = await repository.form_checks.by_coach_message(
            session, turn.chat_id, replied_to.message_id
        )
        if check is not None:
            return check
        from_bot = replied_to.from_user is not None and replied_to.from_user.id == turn.bot.id
        check_id = coach_texts.form_check_id(replied_to.caption) if from_bot else None
        return await repository.form_checks.get(session, check_id) if check_id else None


async def on_coach_reply(turn: Turn, message: Message) -> bool:
    """A coach replied to a forwarded form check: send the reply to the member.

    False when the reply is not about a form check and the coach is also a member, so the
    message is handled as a member's (e.g. a typed pain score replying to the question).
    """
    replied_to = message.reply_to_message
    if replied_to is None:
        return False
    check = await _form_check_replied_to(turn, replied_to)
    if check is None:
        if await turn.member() is not None:
            return False
        await turn.say(coach_texts.COACH_REPLY_UNKNOWN)
        return True
    async with turn.services.database.transaction() as session:
        member = await repository.members.get(session, check.member_id)
    if member is None:
        await turn.say(coach_texts.COACH_REPLY_MEMBER_GONE)
        return True
    exercise = check.exercise_name or "your form check"
    if message.text:
        header = texts.COACH_REPLY.format(exercise=exercise, reply="")
        reply = coach_texts.fit(message.text, coach_texts.MESSAGE_LIMIT - len(header))
        delivered = await sender.send_text(
            turn.bot,
            turn.services.database,
            member.chat_id,
            texts.COACH_REPLY.format(exercise=exercise, reply=reply),
        )
    else:
        delivered = await sender.send_text(
            turn.bot,
            turn.services.database,
            member.chat_id,
            texts.COACH_REPLY_MEDIA.format(exercise=exercise),
        )
        if delivered is not None:
            await turn.bot.copy_message(member.chat_id, turn.chat_id, message.message_id)
    if delivered is None:
        await turn.say(coach_texts.COACH_REPLY_UNREACHABLE.format(name=member.name))
        return True
    async with turn.services.database.transaction() as session:
        reply_text = message.text or message.caption or ""
        await repository.form_checks.set_reply(session, check.id, reply=reply_text, now=turn.now)
    await turn.say(coach_texts.COACH_REPLY_SENT.format(name=member.name))
    return True
