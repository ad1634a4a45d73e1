"""Form-check videos: member → coach with the exercise they belong to, coach reply → member.

A video belongs to the step the member pressed "Send form video" on, or else to the step of
the session in progress, or to no exercise ("general form check"). The coach receives a copy
with a caption naming member and exercise; replying to that copy sends the reply back.
"""

from __future__ import annotations

import logging

from telegram import Message
from telegram.error import BadRequest, Forbidden

from bot.handlers.turn import Turn
from bot.render import texts
from bot.services import workouts
from storage import repository
from storage.models import FormCheckKind, Member

log = logging.getLogger(__name__)

CLOUD_FILE_LIMIT_MB = 20
"""Telegram's cloud Bot API hands bots files up to this size (a local server: 2000 MB)."""


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
    awaited = (member.awaiting or "").split(":")
    if awaited[0] == "video" and len(awaited) == 3 and view is not None:
        session_id, step_index = int(awaited[1]), int(awaited[2])
        if view.session_id == session_id:
            step = view.step if step_index == view.step.index else None
            if step is None:
                from protocols.expand import expand_workout

                steps = expand_workout(view.workout)
                step = steps[step_index] if step_index < len(steps) else view.step
            return session_id, step.index, step.exercise.name
    if view is not None:
        return view.session_id, view.step.index, view.step.exercise.name
    return None, None, None


async def on_upload(turn: Turn, message: Message) -> None:
    video = _video_of(message)
    if video is None:
        await turn.say(texts.PLEASE_SEND_VIDEO)
        return
    member = await turn.member()
    if member is None:
        await turn.say(texts.NOT_ENROLLED)
        return
    file_id, unique_id, kind, size = video
    limit_mb = 2000 if turn.services.settings.telegram_local_mode else CLOUD_FILE_LIMIT_MB
    if size is not None and size > limit_mb * 1024 * 1024:
        await turn.say(texts.VIDEO_TOO_BIG.format(size=size // (1024 * 1024), limit=limit_mb))
        return
    session_id, step_index, exercise = await _exercise_for(turn, member)
    async with turn.services.database.transaction() as session:
        check = await repository.add_form_check(
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
            await repository.set_awaiting(session, member.id, None)
    caption = f"🎥 Form check from {member.name} (member #{member.id}): {exercise or 'general'}"
    caption += "\nReply to this message and I'll pass your answer on."
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
            await repository.set_form_check_coach_message(
                session, check.id, chat_id=chat_id, message_id=copy.message_id
            )
    await turn.say(texts.VIDEO_SENT)


async def on_coach_reply(turn: Turn, message: Message) -> None:
    """A coach replied to a forwarded form check: send the reply to the member."""
    replied_to = message.reply_to_message
    if replied_to is None:
        return
    async with turn.services.database.transaction() as session:
        check = await repository.form_check_by_coach_message(
            session, turn.chat_id, replied_to.message_id
        )
        if check is None:
            await turn.say(texts.COACH_REPLY_UNKNOWN)
            return
        reply = message.text or message.caption or ""
        await repository.set_form_check_reply(session, check.id, reply=reply, now=turn.now)
        member = await repository.get_member(session, check.member_id)
    if member is None:
        await turn.say(texts.COACH_REPLY_MEMBER_GONE)
        return
    exercise = check.exercise_name or "your form check"
    if message.text:
        await turn.bot.send_message(
            member.chat_id, texts.COACH_REPLY.format(exercise=exercise, reply=message.text)
        )
    else:
        await turn.bot.copy_message(member.chat_id, turn.chat_id, message.message_id)
    await turn.say(texts.COACH_REPLY_SENT.format(name=member.name))
