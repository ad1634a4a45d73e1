"""The member ↔ coach thread: bundles, messages, and the bot's messages about a member."""

from __future__ import annotations

from datetime import timedelta

from storage_support import NOW, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import CoachMessageKind, MessageDirection, MessageKind


async def _say(database: Database, member_id: int, text: str, at_minute: int) -> int:
    async with database.transaction() as session:
        message = await repo.messages.add(
            session,
            member_id,
            direction=MessageDirection.FROM_MEMBER,
            kind=MessageKind.TEXT,
            text=text,
            member_message_id=100 + at_minute,
            now=NOW + timedelta(minutes=at_minute),
        )
        return message.id


async def test_an_open_bundle_is_found_inside_its_window(database: Database) -> None:
    member_id = await new_member(database)
    async with database.transaction() as session:
        relay = await repo.messages.add_relay(session, member_id, now=NOW)
    async with database.transaction() as session:
        found = await repo.messages.open_relay(session, member_id, since=NOW)
        too_old = await repo.messages.open_relay(
            session, member_id, since=NOW + timedelta(seconds=1)
        )
    assert found is not None
    assert found.id == relay.id
    assert too_old is None


async def test_a_closed_bundle_is_not_open_any_more(database: Database) -> None:
    member_id = await new_member(database)
    async with database.transaction() as session:
        await repo.messages.add_relay(session, member_id, now=NOW)
        await repo.messages.close_relays(session, member_id, now=NOW + timedelta(minutes=1))
    async with database.transaction() as session:
        assert await repo.messages.open_relay(session, member_id, since=NOW) is None


async def test_recent_messages_are_the_latest_oldest_first(database: Database) -> None:
    member_id = await new_member(database)
    for minute, text in enumerate(["one", "two", "three", "four"]):
        await _say(database, member_id, text, minute)
    async with database.transaction() as session:
        recent = await repo.messages.recent(session, member_id, 3)
    assert [message.text for message in recent] == ["two", "three", "four"]


async def test_a_members_message_is_found_by_its_id_in_their_chat(database: Database) -> None:
    member_id = await new_member(database)
    message_id = await _say(database, member_id, "sore today", 7)
    async with database.transaction() as session:
        found = await repo.messages.from_member_message(session, member_id, 107)
        other = await repo.messages.from_member_message(session, member_id, 108)
    assert found is not None
    assert found.id == message_id
    assert other is None


async def test_a_coach_message_recorded_twice_keeps_its_first_record(database: Database) -> None:
    member_id = await new_member(database)
    async with database.transaction() as session:
        await repo.messages.add_coach_message(
            session, member_id, CoachMessageKind.ALERT, chat_id=-100, message_id=5, now=NOW
        )
        await repo.messages.add_coach_message(
            session, member_id, CoachMessageKind.NOTICE, chat_id=-100, message_id=5, now=NOW
        )
    async with database.transaction() as session:
        record = await repo.messages.coach_message(session, -100, 5)
        elsewhere = await repo.messages.coach_message(session, -200, 5)
    assert record is not None
    assert (record.member_id, record.kind) == (member_id, CoachMessageKind.ALERT)
    assert elsewhere is None


async def test_a_bundles_copies_are_its_message_in_each_coach_chat(database: Database) -> None:
    member_id = await new_member(database)
    async with database.transaction() as session:
        relay = await repo.messages.add_relay(session, member_id, now=NOW)
        for chat_id, kind in [
            (-100, CoachMessageKind.RELAY),
            (-200, CoachMessageKind.RELAY),
            (-100, CoachMessageKind.COPY),
        ]:
            await repo.messages.add_coach_message(
                session,
                member_id,
                kind,
                chat_id=chat_id,
                message_id=len(str(kind)) + chat_id,
                relay_id=relay.id,
                now=NOW,
            )
    async with database.transaction() as session:
        copies = await repo.messages.relay_copies(session, relay.id)
    assert [copy.coach_chat_id for copy in copies] == [-100, -200]
