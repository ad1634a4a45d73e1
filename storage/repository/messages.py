"""The member ↔ coach thread: messages either way, the bundles a member's messages are shown
to the coach in, and the bot's messages about a member in the coach chats (reply targets)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    CoachMessage,
    CoachMessageKind,
    Member,
    MessageDirection,
    MessageKind,
    Relay,
    ThreadMessage,
)
from storage.repository.dialect import insert_for

# --- bundles ---------------------------------------------------------------------------------


async def open_relay(session: AsyncSession, member_id: int, *, since: datetime) -> Relay | None:
    """The member's bundle opened at or after `since` and not closed, if any."""
    return await session.scalar(
        select(Relay)
        .where(Relay.member_id == member_id, Relay.opened_at >= since, Relay.closed_at.is_(None))
        .order_by(Relay.opened_at.desc(), Relay.id.desc())
        .limit(1)
    )


async def add_relay(session: AsyncSession, member_id: int, *, now: datetime) -> Relay:
    relay = Relay(member_id=member_id, opened_at=now)
    session.add(relay)
    await session.flush()
    return relay


async def close_relays(session: AsyncSession, member_id: int, *, now: datetime) -> None:
    """Close the member's open bundles: their next message starts a new one."""
    await session.execute(
        update(Relay)
        .where(Relay.member_id == member_id, Relay.closed_at.is_(None))
        .values(closed_at=now)
    )


# --- messages --------------------------------------------------------------------------------


async def add(
    session: AsyncSession,
    member_id: int,
    *,
    direction: MessageDirection,
    kind: MessageKind,
    text: str | None,
    now: datetime,
    member_message_id: int | None = None,
    edited: bool = False,
    relay_id: int | None = None,
    form_check_id: int | None = None,
    coach_chat_id: int | None = None,
    coach_message_id: int | None = None,
    coach_name: str | None = None,
) -> ThreadMessage:
    message = ThreadMessage(
        member_id=member_id,
        direction=direction,
        kind=kind,
        text=text,
        edited=edited,
        member_message_id=member_message_id,
        relay_id=relay_id,
        form_check_id=form_check_id,
        coach_chat_id=coach_chat_id,
        coach_message_id=coach_message_id,
        coach_name=coach_name,
        at=now,
    )
    session.add(message)
    await session.flush()
    return message


async def get(session: AsyncSession, message_id: int) -> ThreadMessage | None:
    return await session.get(ThreadMessage, message_id)


async def in_relay(session: AsyncSession, relay_id: int) -> list[ThreadMessage]:
    """The messages of a bundle, oldest first."""
    result = await session.scalars(
        select(ThreadMessage)
        .where(ThreadMessage.relay_id == relay_id)
        .order_by(ThreadMessage.at, ThreadMessage.id)
    )
    return list(result)


async def from_member_message(
    session: AsyncSession, member_id: int, member_message_id: int
) -> ThreadMessage | None:
    """The member's message (as it first reached the coach) that has this id in their chat."""
    return await session.scalar(
        select(ThreadMessage)
        .where(
            ThreadMessage.member_id == member_id,
            ThreadMessage.direction == MessageDirection.FROM_MEMBER,
            ThreadMessage.member_message_id == member_message_id,
        )
        .order_by(ThreadMessage.id)
        .limit(1)
    )


async def recent(session: AsyncSession, member_id: int, limit: int) -> list[ThreadMessage]:
    """The member's latest `limit` messages either way, oldest first."""
    result = await session.scalars(
        select(ThreadMessage)
        .where(ThreadMessage.member_id == member_id)
        .order_by(ThreadMessage.at.desc(), ThreadMessage.id.desc())
        .limit(limit)
    )
    return list(reversed(result.all()))


async def all_with_members(
    session: AsyncSession, coach_id: int | None = None
) -> list[tuple[ThreadMessage, Member]]:
    """Every message of every member, by member then time (one query, for export); only one
    coach's members with `coach_id`."""
    query = select(ThreadMessage, Member).join(Member, Member.id == ThreadMessage.member_id)
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    result = await session.execute(query.order_by(Member.id, ThreadMessage.at, ThreadMessage.id))
    return [(message, member) for message, member in result]


# --- the bot's messages about a member in the coach chats -------------------------------------


async def add_coach_message(
    session: AsyncSession,
    member_id: int,
    kind: CoachMessageKind,
    *,
    chat_id: int,
    message_id: int,
    now: datetime,
    relay_id: int | None = None,
    thread_message_id: int | None = None,
    form_check_id: int | None = None,
    flag_id: int | None = None,
    session_id: int | None = None,
) -> None:
    """Remember a bot message in a coach chat as being about this member (once: a message
    recorded again keeps what it was first recorded as)."""
    await session.execute(
        insert_for(session, CoachMessage)
        .values(
            member_id=member_id,
            coach_chat_id=chat_id,
            coach_message_id=message_id,
            kind=kind,
            relay_id=relay_id,
            thread_message_id=thread_message_id,
            form_check_id=form_check_id,
            flag_id=flag_id,
            session_id=session_id,
            at=now,
        )
        .on_conflict_do_nothing(
            index_elements=[CoachMessage.coach_chat_id, CoachMessage.coach_message_id]
        )
    )


async def coach_message(
    session: AsyncSession, chat_id: int, message_id: int
) -> CoachMessage | None:
    """The record of a bot message in a coach chat, if it was about a member."""
    return await session.scalar(
        select(CoachMessage).where(
            CoachMessage.coach_chat_id == chat_id, CoachMessage.coach_message_id == message_id
        )
    )


async def relay_copies(session: AsyncSession, relay_id: int) -> list[CoachMessage]:
    """The bundle's message in each coach chat (the ones edited as messages arrive)."""
    result = await session.scalars(
        select(CoachMessage)
        .where(CoachMessage.relay_id == relay_id, CoachMessage.kind == CoachMessageKind.RELAY)
        .order_by(CoachMessage.id)
    )
    return list(result)


async def of_form_check(session: AsyncSession, form_check_id: int) -> ThreadMessage | None:
    """The member's message that carried this form-check video."""
    return await session.scalar(
        select(ThreadMessage)
        .where(ThreadMessage.form_check_id == form_check_id)
        .order_by(ThreadMessage.id)
        .limit(1)
    )


async def flag_alerts_since(
    session: AsyncSession, flag_id: int, since: datetime
) -> list[CoachMessage]:
    """The flag's alert texts shown in coach chats at or after `since` (not its charts)."""
    result = await session.scalars(
        select(CoachMessage)
        .where(
            CoachMessage.flag_id == flag_id,
            CoachMessage.kind == CoachMessageKind.ALERT,
            CoachMessage.at >= since,
        )
        .order_by(CoachMessage.id)
    )
    return list(result)
