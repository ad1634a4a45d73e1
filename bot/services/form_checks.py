"""Form-check videos: a member's clip stored with the exercise it belongs to (and in the thread
between member and coach). Its copies in the coach chats and the coach's reply are recorded by
`bot.services.messages`.

A video belongs to the step the member pressed "Send form video" on, or else to the step of
the session in progress, or to no exercise ("general form check").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.services.member_context import member_context
from bot.services.workouts import current_step
from bot.views import MemberContext
from protocols.expand import expand_workout
from storage import repository
from storage.awaiting import AwaitVideo
from storage.models import FormCheck, FormCheckKind, Member, MessageDirection, MessageKind

CLOUD_FILE_LIMIT_MB = 20
"""Telegram's cloud Bot API hands bots files up to this size (a local server: 2000 MB)."""
LOCAL_FILE_LIMIT_MB = 2000


@dataclass(frozen=True)
class IncomingVideo:
    file_id: str
    file_unique_id: str
    kind: FormCheckKind
    size: int | None
    member_message_id: int
    caption: str | None = None


@dataclass(frozen=True)
class Received:
    """Stored: copy it to the coach chats (captioned with the member's context and the
    exercise)."""

    check: FormCheck
    context: MemberContext
    exercise: str | None
    caption: str | None
    thread_message_id: int


@dataclass(frozen=True)
class TooBig:
    size_mb: int
    limit_mb: int


@dataclass(frozen=True)
class NotAMember:
    pass


def size_limit_mb(services: BotServices) -> int:
    return LOCAL_FILE_LIMIT_MB if services.settings.telegram_local_mode else CLOUD_FILE_LIMIT_MB


async def receive(
    services: BotServices, user_id: int, video: IncomingVideo, now: datetime
) -> Received | TooBig | NotAMember:
    """Store a member's video with the exercise it belongs to."""
    limit_mb = size_limit_mb(services)
    if video.size is not None and video.size > limit_mb * 1024 * 1024:
        return TooBig(video.size // (1024 * 1024), limit_mb)
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return NotAMember()
        session_id, step_index, exercise = await _exercise_for(services, session, member)
        check = await repository.form_checks.add(
            session,
            member.id,
            file_id=video.file_id,
            file_unique_id=video.file_unique_id,
            kind=video.kind,
            session_id=session_id,
            step_index=step_index,
            exercise_name=exercise,
            now=now,
        )
        message = await repository.messages.add(
            session,
            member.id,
            direction=MessageDirection.FROM_MEMBER,
            kind=MessageKind(video.kind.value),
            text=video.caption,
            member_message_id=video.member_message_id,
            form_check_id=check.id,
            now=now,
        )
        if isinstance(member.awaiting, AwaitVideo):
            await repository.members.set_awaiting(session, member.id, None)
        context = await member_context(services, session, member)
    return Received(check, context, exercise, video.caption, message.id)


async def _exercise_for(
    services: BotServices, session: AsyncSession, member: Member
) -> tuple[int | None, int | None, str | None]:
    """(session id, step index, exercise name) the member's video belongs to."""
    view = await current_step(services, session, member.id)
    if view is None:
        return None, None, None
    step = view.step
    chosen = member.awaiting
    if isinstance(chosen, AwaitVideo) and chosen.session_id == view.session_id:
        steps = expand_workout(view.workout)
        if chosen.step_index < len(steps):
            step = steps[chosen.step_index]
    return view.session_id, step.index, step.exercise.name
