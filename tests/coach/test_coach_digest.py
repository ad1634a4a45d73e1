"""The coach's daily digest: /digest sets its time; once a day, at that time, ONE photo message:
every member with something to say has a panel of pain chart in its image and a line in its
caption (who, which rule, the level), with the reasons in full behind Details and more members
on further pages of the same message; nothing when there is nothing to say."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, time, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import time_machine
from coach_support import PNG_SIGNATURE, heard, is_join_notice, onboard_with_coach
from fixtures_bot import RunningBot, has_button
from matplotlib.image import imread
from tests_support import (
    check_in,
    digest_details,
    is_digest,
    is_digest_details,
    seed_sessions,
    send_the_digests,
    stored_member,
)

from bot.jobs.digest import DigestScheduler
from bot.render import callbacks as cb
from bot.render import coach_texts, texts
from emulator import ChatMessage, SimulatedUser
from storage import repository

TUESDAY_1700 = datetime(2026, 3, 10, 17, 0, tzinfo=UTC)
TUESDAY_1800 = TUESDAY_1700 + timedelta(hours=1)
MAYAS_LINE = "🔶 Maya #1: high: above the acceptable level"
RENDER_TIMEOUT = 20.0
"""Seconds to wait for a page of twelve panels to be drawn on a loaded test machine."""


@contextmanager
def clock_at(start: datetime) -> Iterator[time_machine.Traveller]:
    """A clock the test moves (the bot is restarted inside it, so the digest job counts its
    minutes from `start`)."""
    with time_machine.travel(start, tick=True) as traveller:
        yield traveller


def move_to(bot: RunningBot, traveller: time_machine.Traveller, moment: datetime) -> None:
    traveller.move_to(moment)
    bot.application.job_queue.scheduler.wakeup()


async def high_pain_flag(bot: RunningBot, maya: SimulatedUser) -> None:
    """6 after sessions at 2, 2 and 4: above the acceptable level and up 2, a high flag."""
    await seed_sessions(bot, maya, [2, 2, 4])
    await check_in(bot, maya, 6)


async def absent_members(bot: RunningBot, coach: SimulatedUser, names: list[str]) -> None:
    """Members of the coach who joined 8 days ago and have not trained since (each is in the
    digest for "no session for a week"), numbered from 2 on after Maya."""
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        stored_coach = await repository.coaches.by_user_id(session, coach.id)
        assert stored_coach is not None
        for offset, name in enumerate(names):
            member = await repository.members.upsert(
                session,
                telegram_user_id=200_000 + offset,
                chat_id=200_000 + offset,
                name=name,
                username=None,
                time_zone=ZoneInfo("UTC"),
                now=now - timedelta(days=8),
                coach_id=stored_coach.id,
            )
            await repository.members.set_onboarded(session, member.id, now - timedelta(days=8))


async def the_digest(bot: RunningBot, coach: SimulatedUser) -> ChatMessage:
    assert await send_the_digests(bot) == 1
    return await coach.wait_for_message(is_digest)


def digest_messages(coach: SimulatedUser) -> list[ChatMessage]:
    return [m for m in coach.chat.bot_messages if not is_join_notice(m)]


def shape(png: bytes) -> tuple[int, int]:
    """Height and width in pixels."""
    pixels = imread(BytesIO(png), format="png")
    return pixels.shape[0], pixels.shape[1]


def names_on_buttons(message: ChatMessage) -> list[str]:
    return [button.text for button in message.buttons if button.text.split("#")[-1].isdigit()]


def digest_data(message: ChatMessage, label: str) -> cb.DigestPage:
    button = message.find_button(label)
    assert button is not None
    data = cb.decode(button.callback_data)
    assert isinstance(data, cb.DigestPage)
    return data


async def answered(user: SimulatedUser, query: object) -> str | None:
    """The toast the bot answered a press with (None: a silent answer)."""
    await user.chat_state_wait(lambda: getattr(query, "answered", False))
    return getattr(query, "answer_text", None)


async def test_the_digest_is_one_photo_message_with_a_line_per_member_and_their_rule(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    await absent_members(running_bot, coach, ["Ben"])
    assert heard(coach) == []
    digest = await the_digest(running_bot, coach)
    assert digest_messages(coach) == [digest]
    assert digest.file is not None
    assert digest.file.kind == "photo"
    lines = (digest.caption or "").split("\n")
    assert lines[0].startswith("🗓 Your daily digest, ")
    assert lines[0].endswith(": 2 members")
    assert lines[1:3] == [MAYAS_LINE, "💤 Ben #2: no session for a week"]
    assert lines[3] == coach_texts.DIGEST_HINT()


async def test_the_digest_image_has_a_panel_per_member(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    await absent_members(running_bot, coach, ["Ben", "Cleo"])
    digest = await the_digest(running_bot, coach)
    assert digest.data is not None
    assert digest.data.startswith(PNG_SIGNATURE)
    assert shape(digest.data) == (370, 1200)  # one row of three 400 x 300 panels, a legend


async def test_the_digest_has_a_button_per_member_and_details(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    await absent_members(running_bot, coach, ["Ben"])
    digest = await the_digest(running_bot, coach)
    assert [button.text for button in digest.buttons] == ["Maya #1", "Ben #2", "Details"]


async def test_details_shows_every_reason_in_full_in_the_same_message(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    [part] = await digest_details(coach, digest)
    assert part.split("\n")[0] == "Maya (@maya) #1"
    assert part.split("\n")[1].startswith(
        "🔶 high: Above the acceptable level: 6/10 after the session on "
    )
    assert digest_messages(coach) == [digest]


async def test_back_to_the_list_shows_the_list_again(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    listed = digest.caption
    await digest_details(coach, digest)
    await coach.press(coach_texts.DIGEST_LIST_BUTTON(), digest)
    await coach.wait_for_edit(digest, lambda m: not is_digest_details(m))
    assert digest.caption == listed


async def test_a_digest_of_many_members_pages_through_them_in_the_same_message(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    await absent_members(running_bot, coach, [f"Member {n:02d}" for n in range(2, 15)])
    digest = await the_digest(running_bot, coach)
    first_image = digest.data
    assert (digest.caption or "").split("\n")[0].endswith(": 14 members (page 1 of 2)")
    assert len(names_on_buttons(digest)) == 12
    await coach.press("Page 2 ▶", digest)
    await coach.wait_for_edit(digest, timeout=RENDER_TIMEOUT)
    assert (digest.caption or "").split("\n")[0].endswith(": 14 members (page 2 of 2)")
    assert names_on_buttons(digest) == ["Member 13 #13", "Member 14 #14"]
    assert digest.data != first_image
    assert has_button(digest, "◀ Page 1")
    assert digest_messages(coach) == [digest]


async def test_a_name_that_looks_like_markup_is_shown_as_typed(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    await absent_members(running_bot, coach, ["$x^2$ <b>"])
    digest = await the_digest(running_bot, coach)
    assert "💤 $x^2$ <b> #2: no session for a week" in (digest.caption or "").split("\n")
    assert digest.entities == []
    assert digest.data is not None
    assert digest.data.startswith(PNG_SIGNATURE)


async def test_a_name_button_opens_the_member_and_a_reply_there_reaches_them(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    await coach.press("Maya #1", digest)
    card = await coach.wait_for_message(lambda m: (m.text or "").startswith("Maya (@maya) #1"))
    await coach.reply_to(card, "Let's go easier this week.")
    answer = await maya.wait_for_message(lambda m: "Let's go easier" in (m.text or ""))
    assert (answer.text or "").startswith("Coach (your coach)")


async def test_a_press_on_a_digest_window_still_to_come_changes_nothing(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    details = digest_data(digest, "Details")
    later = int(running_bot.services.clock().timestamp()) + 86_400
    forged = cb.DigestPage(details.since, later, 1, 1, redraw=False)
    query = await coach.send_callback(cb.encode(forged), digest)
    assert await answered(coach, query) == coach_texts.DIGEST_GONE()
    assert digest.edit_history == []


async def test_a_press_from_an_older_release_changes_nothing(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    data = cb.encode(digest_data(digest, "Details"))
    query = await coach.send_callback("0" + data.removeprefix(cb.VERSION), digest)
    assert await answered(coach, query) == texts.SESSION_OVER()
    assert digest.edit_history == []


async def test_a_press_after_everything_in_the_digest_was_dealt_with_changes_nothing(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    member = await stored_member(running_bot, maya)
    async with running_bot.services.database.transaction() as session:
        [flag] = await repository.flags.unacknowledged(session, member.id)
    await coach.send_command("/ack", str(flag.id))
    await coach.wait_for_message()
    query = await coach.press("Details", digest)
    assert await answered(coach, query) == coach_texts.DIGEST_GONE()
    assert digest.edit_history == []


async def test_a_press_for_a_page_past_the_last_shows_the_last(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    details = digest_data(digest, "Details")
    forged = cb.DigestPage(details.since, details.until, 40, 0, redraw=True)
    await coach.send_callback(cb.encode(forged), digest)
    await coach.wait_for_edit(digest, timeout=RENDER_TIMEOUT)
    assert (digest.caption or "").split("\n")[1] == MAYAS_LINE


async def test_a_member_cannot_press_a_digest_button(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    digest = await the_digest(running_bot, coach)
    data = cb.encode(digest_data(digest, "Details"))
    query = await maya.send_callback(data, maya.chat.bot_messages[-1])
    assert await answered(maya, query) == coach_texts.NOT_A_COACH()


async def test_there_is_no_digest_when_there_is_nothing_to_say(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    assert await send_the_digests(running_bot) == 0
    assert heard(coach) == []


async def test_the_digest_is_sent_once_however_often_it_is_looked_for(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await high_pain_flag(running_bot, maya)
    assert await send_the_digests(running_bot) == 1
    again = DigestScheduler(running_bot.application, running_bot.services)
    assert await again.send_due() == 0
    await running_bot.restart()
    assert await again.send_due() == 0
    await coach.wait_for_message(is_digest)
    assert len([m for m in coach.messages if is_digest(m)]) == 1


async def test_the_digest_comes_at_the_time_the_coach_set(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    with clock_at(TUESDAY_1700) as traveller:
        await running_bot.restart()
        await coach.send_command("/digest", "18:00")
        done = await coach.wait_for_message(lambda m: "daily digest comes at" in (m.text or ""))
        assert (done.text or "") == (
            "Done: your daily digest comes at 18:00 (UTC) from now on; the next one "
            "Tue 10 Mar 18:00."
        )
        await high_pain_flag(running_bot, maya)
        move_to(running_bot, traveller, TUESDAY_1800 - timedelta(minutes=2))
        assert await DigestScheduler(running_bot.application, running_bot.services).send_due() == 0
        move_to(running_bot, traveller, TUESDAY_1800)
        await coach.wait_for_message(is_digest, timeout=10)


async def test_a_member_without_a_session_for_a_week_is_in_the_digest(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    with clock_at(TUESDAY_1700) as traveller:
        await running_bot.restart()
        await onboard_with_coach(member, coach)
        move_to(running_bot, traveller, TUESDAY_1800 + timedelta(days=8))
        digest = await coach.wait_for_message(is_digest, timeout=10)
        assert "💤 Maya #1: no session for a week" in (digest.caption or "").split("\n")
        [part] = await digest_details(coach, digest)
    assert "💤 No session yet, 8 days after joining on Tue 10 Mar." in part


async def test_digest_without_arguments_says_when_it_comes(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/digest")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("Your daily digest comes at 18:00 (UTC)")


async def test_digest_with_a_time_zone_keeps_it(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/digest", "07:30 Lisbon")
    answer = await coach.wait_for_message()
    assert "comes at 07:30 (Lisbon (UTC+" in (answer.text or "")  # +0, or +1 in summer
    async with running_bot.services.database.transaction() as session:
        stored = await repository.coaches.by_user_id(session, coach.id)
    assert stored is not None
    assert (stored.digest_time, stored.digest_zone) == (time(7, 30), ZoneInfo("Europe/Lisbon"))


async def test_digest_with_junk_gets_the_usage_line(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/digest", "soon")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("Usage: /digest HH:MM")
