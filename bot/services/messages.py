"""The line between a member and their coach.

- A member's message is stored in the thread and put in a bundle: every message of a member
  within `relay_window` (5 minutes) of the bundle's first one goes into the same coach message,
  which is edited as messages arrive. A coach's answer closes the bundle, so the member's next
  message is a new coach message (and a new notification); so does a full bundle.
- Every bot message about a member in a coach chat (bundle, copy, form check, alert, notice,
  session summary, the confirmation of a coach's own message) is remembered with what it is
  about, so a coach's reply to any of them finds the member and can quote what it answers.
  The heading marks the bot writes (the form-check number, the member's number ending the first
  line) find the member when a message was not remembered.
- A coach's message to a member is stored in the thread too, whether they wrote it in a
  coach chat or in the dashboard (`coach_wrote`).

Every public function is one unit of work; the Telegram side is `bot.alerts` and
`bot.handlers.messages`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.services.coach import find_member
from bot.services.coaches import Viewer
from bot.services.member_context import member_context
from bot.services.session_steps import workout_title
from bot.services.views import thread_line
from bot.views import (
    AboutCheckIn,
    AboutFormCheck,
    AboutMessage,
    AboutNothing,
    AboutSession,
    RelayView,
    Subject,
)
from storage import repository
from storage.models import (
    CoachMessage,
    CoachMessageKind,
    EvidenceSource,
    FormCheck,
    Member,
    MessageDirection,
    MessageKind,
    ThreadMessage,
)

LONG_TEXT = 1000
"""A text longer than this is copied whole under the bundle message instead of shown in it."""

BUNDLE_TEXT = 3000
"""Characters of the member's words one bundle message shows (Telegram allows 4096 in all)."""

BUNDLE_MESSAGES = 30
"""Messages one bundle holds."""


@dataclass(frozen=True)
class Incoming:
    """A member's message for their coach: what it is, their words (text or caption), and its
    id in their chat; `edited` for a new version of a message sent before."""

    kind: MessageKind
    text: str | None
    member_message_id: int
    edited: bool = False


@dataclass(frozen=True)
class Relayed:
    """Stored and bundled: show `view` to the coach. With `copies` (the bundle's message in
    each coach chat) edit those; without, send it. `copy_below`: copy the member's message
    itself under it. `opened`: this message started the bundle."""

    member_id: int
    relay_id: int
    thread_message_id: int
    view: RelayView
    copies: Sequence[tuple[int, int]]
    copy_below: bool
    opened: bool


@dataclass(frozen=True)
class NotAMember:
    pass


@dataclass(frozen=True)
class NothingToPassOn:
    """An edit of a message that never went to the coach (a command, a typed answer)."""


def _copied_below(message: ThreadMessage) -> bool:
    return message.kind != MessageKind.TEXT or len(message.text or "") > LONG_TEXT


def _shown_length(messages: Sequence[ThreadMessage]) -> int:
    return sum(len(m.text or "") for m in messages if not _copied_below(m))


async def relay(
    services: BotServices, user_id: int, incoming: Incoming, now: datetime
) -> Relayed | NotAMember | NothingToPassOn:
    """Store a member's message for their coach and put it in their open bundle (or a new one)."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return NotAMember()
        if incoming.edited and not await repository.messages.from_member_message(
            session, member.id, incoming.member_message_id
        ):
            return NothingToPassOn()
        since = now - services.settings.relay_window
        bundle = await repository.messages.open_relay(session, member.id, since=since)
        bundled = await repository.messages.in_relay(session, bundle.id) if bundle else []
        inline = 0 if incoming.kind != MessageKind.TEXT else len(incoming.text or "")
        opened = (
            bundle is None
            or len(bundled) >= BUNDLE_MESSAGES
            or (inline <= LONG_TEXT and _shown_length(bundled) + inline > BUNDLE_TEXT)
        )
        if opened:
            await repository.messages.close_relays(session, member.id, now=now)
            bundle = await repository.messages.add_relay(session, member.id, now=now)
            bundled = []
        assert bundle is not None
        message = await repository.messages.add(
            session,
            member.id,
            direction=MessageDirection.FROM_MEMBER,
            kind=incoming.kind,
            text=incoming.text,
            member_message_id=incoming.member_message_id,
            edited=incoming.edited,
            relay_id=bundle.id,
            now=now,
        )
        copies = [] if opened else await repository.messages.relay_copies(session, bundle.id)
        context = await member_context(services, session, member)
    shown = [*bundled, message]
    view = RelayView(context, [thread_line(m) for m in shown], [_copied_below(m) for m in shown])
    return Relayed(
        member_id=member.id,
        relay_id=bundle.id,
        thread_message_id=message.id,
        view=view,
        copies=[(copy.coach_chat_id, copy.coach_message_id) for copy in copies],
        copy_below=_copied_below(message),
        opened=opened,
    )


@dataclass(frozen=True)
class About:
    """What a bot message in a coach chat is about: the member, and what a reply quotes."""

    member_id: int
    kind: CoachMessageKind
    relay_id: int | None = None
    thread_message_id: int | None = None
    form_check_id: int | None = None
    flag_id: int | None = None
    session_id: int | None = None


async def shown_to_coaches(
    services: BotServices, about: About, sent: Sequence[tuple[int, int]], now: datetime
) -> None:
    """Remember the bot's messages (coach chat id, message id) as being about `about`."""
    if not sent:
        return
    async with services.database.transaction() as session:
        for chat_id, message_id in sent:
            await repository.messages.add_coach_message(
                session,
                about.member_id,
                about.kind,
                chat_id=chat_id,
                message_id=message_id,
                relay_id=about.relay_id,
                thread_message_id=about.thread_message_id,
                form_check_id=about.form_check_id,
                flag_id=about.flag_id,
                session_id=about.session_id,
                now=now,
            )


# --- the coach's answers ----------------------------------------------------------------------


@dataclass(frozen=True)
class ReplyTarget:
    """The member a coach's message goes to, and what it answers (quoted for the member)."""

    member_id: int
    member_name: str
    member_chat_id: int
    subject: Subject
    form_check_id: int | None = None


@dataclass(frozen=True)
class MemberGone:
    """The message was about a member who has since erased their data."""


@dataclass(frozen=True)
class NotYourMember:
    """The member has another coach now (or never was the viewer's): the reply stays here."""

    member_name: str


async def reply_target(
    services: BotServices,
    viewer: Viewer,
    chat_id: int,
    message_id: int,
    *,
    form_check_mark: int | None = None,
    member_mark: int | None = None,
) -> ReplyTarget | MemberGone | NotYourMember | None:
    """The member a bot message in a coach chat is about: found by the message's record, or
    else by the marks read from its heading; None if it is about no member. Only the member's
    own coach (or an owner) may answer them."""
    async with services.database.read() as session:
        record = await repository.messages.coach_message(session, chat_id, message_id)
        check_id: int | None = None
        if record is not None:
            member = await repository.members.get(session, record.member_id)
            subject, check_id = await _subject(services, session, record)
        elif form_check_mark is not None:
            check = await repository.form_checks.get(session, form_check_mark)
            if check is None:
                return MemberGone()
            member = await repository.members.get(session, check.member_id)
            subject, check_id = await _form_check_subject(session, check), check.id
        elif member_mark is not None:
            member = await repository.members.get(session, member_mark)
            subject = AboutNothing()
        else:
            return None
    if member is None:
        return MemberGone()
    if not viewer.may_see(member):
        return NotYourMember(member.name)
    return _target(member, subject, check_id)


async def member_target(
    services: BotServices, viewer: Viewer, reference: int | str
) -> ReplyTarget | None:
    """The viewer's member named by number or @username, for a conversation the coach
    starts."""
    async with services.database.read() as session:
        member = await find_member(session, viewer, reference)
    return _target(member, AboutNothing(), None) if member is not None else None


def _target(member: Member, subject: Subject, check_id: int | None) -> ReplyTarget:
    return ReplyTarget(member.id, member.name, member.chat_id, subject, check_id)


async def _subject(
    services: BotServices, session: AsyncSession, record: CoachMessage
) -> tuple[Subject, int | None]:
    """What the recorded message is about, and the form check a reply answers (if any)."""
    match record.kind:
        case CoachMessageKind.RELAY | CoachMessageKind.COPY:
            message = await _answered_message(session, record)
            if message is not None:
                return _about_message(message), None
        case CoachMessageKind.FORM_CHECK if record.form_check_id is not None:
            check = await repository.form_checks.get(session, record.form_check_id)
            if check is not None:
                return await _form_check_subject(session, check), check.id
        case CoachMessageKind.ALERT | CoachMessageKind.CHART if record.flag_id is not None:
            flag = await repository.flags.get(session, record.flag_id)
            evidence = await repository.flags.evidence(session, flag.id) if flag else []
            words = evidence[-1] if evidence else None
            if words is not None and words.source != EvidenceSource.CHECK_IN:
                return AboutMessage("text", words.text, None), None  # what they wrote
            if flag is not None:
                report = await repository.check_ins.latest_pain(
                    session, record.member_id, until=flag.raised_at
                )
                return AboutCheckIn(report.pain if report is not None else None), None
        case CoachMessageKind.SUMMARY if record.session_id is not None:
            row = await repository.sessions.get(session, record.session_id)
            if row is not None:
                return AboutSession(workout_title(services, row)), None
    return AboutNothing(), None


async def _answered_message(session: AsyncSession, record: CoachMessage) -> ThreadMessage | None:
    """A copy answers its own message; a bundle answers the latest message in it."""
    if record.thread_message_id is not None and record.kind == CoachMessageKind.COPY:
        return await repository.messages.get(session, record.thread_message_id)
    if record.relay_id is None:
        return None
    bundled = await repository.messages.in_relay(session, record.relay_id)
    return bundled[-1] if bundled else None


def _about_message(message: ThreadMessage) -> AboutMessage:
    return AboutMessage(message.kind.value, message.text, message.member_message_id)


async def _form_check_subject(session: AsyncSession, check: FormCheck) -> AboutFormCheck:
    video = await repository.messages.of_form_check(session, check.id)
    return AboutFormCheck(check.exercise_name, video.member_message_id if video else None)


@dataclass(frozen=True)
class Outgoing:
    """A coach's message as the member received it (`member_message_id` in their chat), and
    the coach's own message it came from (None for one written in the dashboard)."""

    kind: MessageKind
    text: str | None
    coach_chat_id: int | None
    coach_message_id: int | None
    coach_name: str
    member_message_id: int | None


async def coach_wrote(
    services: BotServices, target: ReplyTarget, outgoing: Outgoing, now: datetime
) -> int:
    """Store the coach's message in the thread (and as the form check's reply); the member's
    open bundle closes, so what they send next notifies the coach again. The message's id."""
    async with services.database.transaction() as session:
        message = await repository.messages.add(
            session,
            target.member_id,
            direction=MessageDirection.TO_MEMBER,
            kind=outgoing.kind,
            text=outgoing.text,
            member_message_id=outgoing.member_message_id,
            coach_chat_id=outgoing.coach_chat_id,
            coach_message_id=outgoing.coach_message_id,
            coach_name=outgoing.coach_name[:256],
            now=now,
        )
        if target.form_check_id is not None:
            await repository.form_checks.set_reply(
                session, target.form_check_id, reply=outgoing.text or "", now=now
            )
        await repository.messages.close_relays(session, target.member_id, now=now)
    return message.id
