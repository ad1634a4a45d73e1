"""Form-check videos: a member's clip stored with the exercise it belongs to; the coach's copy
and reply recorded.

A video belongs to the step the member pressed "Send form video" on, or else to the step of
the session in progress, or to no exercise ("general form check").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.services.views import member_card
from bot.services.workouts import current_step
from bot.views import MemberCard
from protocols.expand import expand_workout
from storage import repository
from storage.awaiting import AwaitVideo
from storage.models import FormCheck, FormCheckKind, Member

CLOUD_FILE_LIMIT_MB = 20
"""Telegram's cloud Bot API hands bots files up to this size (a local server: 2000 MB)."""
LOCAL_FILE_LIMIT_MB = 2000


@dataclass(frozen=True)
class IncomingVideo:
    file_id: str
    file_unique_id: str
    kind: FormCheckKind
    size: int | None


@dataclass(frozen=True)
class Received:
    """Stored: copy it to the coach chats (captioned with `member` and `exercise`)."""

    check: FormCheck
    member: MemberCard
    exercise: str | None


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
        if isinstance(member.awaiting, AwaitVideo):
            await repository.members.set_awaiting(session, member.id, None)
    return Received(check, member_card(member), exercise)


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


async def copied_to_coach(
    services: BotServices, check_id: int, chat_id: int, message_id: int
) -> None:
    """Remember the copy in a coach chat, so a reply to it finds the form check."""
    async with services.database.transaction() as session:
        await repository.form_checks.set_coach_message(
            session, check_id, chat_id=chat_id, message_id=message_id
        )


@dataclass(frozen=True)
class ReplyTarget:
    """The form check a coach replied to, and the member to pass the reply to."""

    check_id: int
    member_name: str
    member_chat_id: int
    exercise: str | None


@dataclass(frozen=True)
class MemberGone:
    pass


async def replied_to(
    services: BotServices, chat_id: int, message_id: int, caption_check_id: int | None
) -> ReplyTarget | MemberGone | None:
    """The form check whose copy the coach replied to: found by the copy (`chat_id`,
    `message_id`) or else by the number in its caption; None if it is not a form check."""
    async with services.database.read() as session:
        check = await repository.form_checks.by_coach_message(session, chat_id, message_id)
        if check is None and caption_check_id is not None:
            check = await repository.form_checks.get(session, caption_check_id)
        if check is None:
            return None
        member = await repository.members.get(session, check.member_id)
    if member is None:
        return MemberGone()
    return ReplyTarget(check.id, member.name, member.chat_id, check.exercise_name)


async def reply_passed_on(services: BotServices, check_id: int, reply: str, now: datetime) -> None:
    async with services.database.transaction() as session:
        await repository.form_checks.set_reply(session, check_id, reply=reply, now=now)
