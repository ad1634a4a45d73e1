"""The line's units of work without Telegram: how messages are bundled, and how a coach's
reply finds its member."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import Settings
from bot.context import BotServices
from bot.services import messages as line
from bot.services.coaches import Viewer
from bot.services.messages import BUNDLE_MESSAGES, BUNDLE_TEXT, LONG_TEXT
from bot.views import AboutMessage, AboutNothing
from protocols.loader import load_protocol_library
from storage import repository
from storage.database import Database
from storage.models import CoachMessageKind, MessageKind

NOW = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
USER = 4242
OWNER = Viewer(coach_id=1, user_id=900_001, owner=True)
"""An owner sees every member (the coach whose members these are does not matter here)."""
OTHER_COACH = Viewer(coach_id=2, user_id=900_002, owner=False)


@pytest.fixture
async def services(database: Database) -> BotServices:
    services = BotServices(Settings(_env_file=None), database, load_protocol_library(None))
    async with database.transaction() as session:
        await repository.members.upsert(
            session,
            telegram_user_id=USER,
            chat_id=USER,
            name="Maya",
            username="maya",
            time_zone=services.settings.tz,
            now=NOW,
        )
    return services


async def say(
    services: BotServices, text: str | None, *, at: int = 0, kind: MessageKind = MessageKind.TEXT
) -> line.Relayed:
    said_at = NOW + timedelta(seconds=at)
    result = await line.relay(services, USER, line.Incoming(kind, text, 100 + at), said_at)
    assert isinstance(result, line.Relayed)
    return result


async def test_messages_within_the_window_share_a_bundle(services: BotServices) -> None:
    first = await say(services, "one")
    second = await say(services, "two", at=299)
    assert (first.opened, second.opened) == (True, False)
    assert second.relay_id == first.relay_id
    assert [shown.text for shown in second.view.lines] == ["one", "two"]


async def test_a_message_once_the_window_has_passed_opens_a_new_bundle(
    services: BotServices,
) -> None:
    first = await say(services, "one")
    later = await say(services, "two", at=301)
    assert later.opened
    assert later.relay_id != first.relay_id


async def fill_the_bundle(services: BotServices) -> None:
    """Texts shown in the bundle up to its `BUNDLE_TEXT` characters."""
    for second in range(BUNDLE_TEXT // LONG_TEXT):
        await say(services, "x" * LONG_TEXT, at=second)


async def test_words_beyond_what_one_coach_message_shows_open_a_new_bundle(
    services: BotServices,
) -> None:
    await fill_the_bundle(services)
    assert (await say(services, "y", at=10)).opened


async def test_a_long_text_is_copied_below_and_leaves_room_in_the_bundle(
    services: BotServices,
) -> None:
    await fill_the_bundle(services)
    long = await say(services, "y" * (LONG_TEXT + 1), at=10)
    assert (long.opened, long.copy_below) == (False, True)


async def test_media_are_copied_below_the_bundle(services: BotServices) -> None:
    voice = await say(services, None, kind=MessageKind.VOICE)
    assert voice.copy_below
    assert voice.view.copied_below == [True]


async def test_a_full_bundle_starts_another(services: BotServices) -> None:
    for second in range(BUNDLE_MESSAGES):
        await say(services, "ok", at=second)
    assert (await say(services, "one more", at=BUNDLE_MESSAGES)).opened


async def test_a_coachs_answer_closes_the_bundle(services: BotServices) -> None:
    first = await say(services, "is this ok?")
    target = await line.member_target(services, OWNER, "maya")
    assert target is not None
    outgoing = line.Outgoing(MessageKind.TEXT, "yes", -100, 7, "Sam", 55)
    await line.coach_wrote(services, target, outgoing, NOW + timedelta(seconds=10))
    after = await say(services, "thanks", at=20)
    assert after.opened
    assert after.relay_id != first.relay_id


async def test_a_stranger_has_nothing_relayed(services: BotServices) -> None:
    incoming = line.Incoming(MessageKind.TEXT, "hi", 1)
    assert isinstance(await line.relay(services, 999, incoming, NOW), line.NotAMember)


async def test_an_edit_of_a_message_never_relayed_is_not_passed_on(
    services: BotServices,
) -> None:
    edit = line.Incoming(MessageKind.TEXT, "6", 77, edited=True)
    assert isinstance(await line.relay(services, USER, edit, NOW), line.NothingToPassOn)


async def test_a_reply_to_a_recorded_bundle_answers_its_latest_message(
    services: BotServices,
) -> None:
    relayed = await say(services, "first")
    await say(services, "second", at=1)
    about = line.About(relayed.member_id, CoachMessageKind.RELAY, relay_id=relayed.relay_id)
    await line.shown_to_coaches(services, about, [(-100, 40)], NOW)
    target = await line.reply_target(services, OWNER, -100, 40)
    assert isinstance(target, line.ReplyTarget)
    assert target.subject == AboutMessage("text", "second", 101)


async def test_an_unrecorded_message_is_found_by_its_member_mark(services: BotServices) -> None:
    relayed = await say(services, "hi")
    target = await line.reply_target(services, OWNER, -100, 41, member_mark=relayed.member_id)
    assert isinstance(target, line.ReplyTarget)
    assert (target.member_name, target.subject) == ("Maya", AboutNothing())


@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        ({}, type(None)),
        ({"member_mark": 999}, line.MemberGone),
        ({"form_check_mark": 999}, line.MemberGone),
    ],
    ids=["no marks", "a member since erased", "a form check since erased"],
)
async def test_a_reply_to_nothing_known_finds_no_member(
    services: BotServices, marks: dict[str, int], expected: type
) -> None:
    assert isinstance(await line.reply_target(services, OWNER, -100, 42, **marks), expected)


async def test_a_reply_about_another_coachs_member_is_not_theirs(services: BotServices) -> None:
    relayed = await say(services, "hi")
    target = await line.reply_target(services, OTHER_COACH, -100, 43, member_mark=relayed.member_id)
    assert target == line.NotYourMember("Maya")
    assert await line.member_target(services, OTHER_COACH, "maya") is None
