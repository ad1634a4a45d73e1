"""Invite links end to end: /invite makes one, opening it signs the member up with that coach
on that protocol, /invites counts the uses, /revoke ends a link."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from coach_support import is_join_notice
from fixtures_bot import (
    COACH_USER_ID,
    PROTOCOL_2_NAME,
    RunningBot,
    answer_the_safety_questions,
    bot_running,
    has_button,
    make_invite,
    make_settings,
    onboard,
    onboard_with_code,
)
from sqlalchemy import update
from tests_support import stored_member

from emulator import BotApiEmulator, SimulatedUser
from storage import repository
from storage.models import Invite

PROTOCOL_2_TITLE = "7 Exercise Protocol for Lower Back Relief"
LINK_NOT_VALID = "That invite link has expired or has already been used."


@pytest.fixture
def newcomer(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(user_id=100_050, first_name="Lee", username="lee")


async def _texts(user: SimulatedUser) -> list[str]:
    return [m.text or "" for m in user.chat.bot_messages]


async def test_invite_answers_with_a_deep_link_to_the_bot(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    await coach.send_command("/invite", PROTOCOL_2_NAME)
    answer = (await coach.wait_for_message()).text or ""
    assert f"on {PROTOCOL_2_TITLE}, good for one use" in answer
    assert "https://t.me/coach_test_bot?start=" in answer


async def test_opening_the_link_skips_the_protocol_question(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser
) -> None:
    code = await make_invite(coach)
    await member.send_command("/start", code)
    await member.wait_for_message(lambda m: "not medical advice" in (m.text or ""))
    await member.press("I understand, let's go")
    await answer_the_safety_questions(member)
    question = await member.wait_for_message()
    assert has_button(question, "Done")  # the day picker, straight after the safety questions
    assert not any("Which protocol" in text for text in await _texts(member))


async def test_the_member_joins_the_coach_on_the_coachs_protocol(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser
) -> None:
    await onboard_with_code(member, await make_invite(coach))
    stored = await stored_member(running_bot, member)
    async with running_bot.services.database.transaction() as session:
        coach_row = await repository.coaches.by_user_id(session, COACH_USER_ID)
        enrolment = await repository.enrolments.active(session, stored.id)
    assert coach_row is not None
    assert stored.coach_id == coach_row.id
    assert enrolment is not None
    assert (enrolment.protocol, enrolment.set_by_coach) == (PROTOCOL_2_NAME, True)


async def test_the_coach_is_told_who_joined_on_what_and_when_they_train(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser
) -> None:
    await onboard_with_code(member, await make_invite(coach), hour="07:00")
    notice = (await coach.wait_for_message(is_join_notice)).text or ""
    assert notice.startswith("👋 New member: Maya (@maya) #1\n")
    assert f"Protocol: {PROTOCOL_2_TITLE}\n" in notice
    assert "Reminders: Mon, Wed, Fri at 07:00 (UTC)\n" in notice
    assert "Joined: " in notice


async def test_a_used_up_link_is_refused_and_stores_nobody(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser, newcomer: SimulatedUser
) -> None:
    code = await make_invite(coach)  # one use
    await onboard_with_code(member, code)
    await newcomer.send_command("/start", code)
    assert ((await newcomer.wait_for_message()).text or "").startswith(LINK_NOT_VALID)
    async with running_bot.services.database.transaction() as session:
        assert await repository.members.by_user_id(session, newcomer.id) is None


async def test_a_link_for_two_uses_signs_up_two_members(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser, newcomer: SimulatedUser
) -> None:
    code = await make_invite(coach, f"{PROTOCOL_2_NAME} 2")
    await onboard_with_code(member, code)
    await onboard_with_code(newcomer, code)


async def test_an_expired_link_is_refused(
    running_bot: RunningBot, coach: SimulatedUser, newcomer: SimulatedUser
) -> None:
    code = await make_invite(coach)
    past = running_bot.services.clock() - timedelta(minutes=1)
    async with running_bot.services.database.transaction() as session:
        await session.execute(update(Invite).where(Invite.code == code).values(expires_at=past))
    await newcomer.send_command("/start", code)
    assert ((await newcomer.wait_for_message()).text or "").startswith(LINK_NOT_VALID)


@pytest.mark.parametrize("code", ["made-up-code", "not a code!", "x" * 65])
async def test_an_unknown_or_malformed_code_is_refused(
    running_bot: RunningBot, newcomer: SimulatedUser, code: str
) -> None:
    await newcomer.send_command("/start", code)
    assert ((await newcomer.wait_for_message()).text or "").startswith(LINK_NOT_VALID)


async def test_invites_lists_each_link_with_how_often_it_was_used(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser
) -> None:
    used = await make_invite(coach, f"{PROTOCOL_2_NAME} 3")
    fresh = await make_invite(coach, "lower-back-pain-relief-lvl1")
    await onboard_with_code(member, used)
    await coach.send_command("/invites")
    listing = (await coach.wait_for_message(lambda m: "Invite links" in (m.text or ""))).text
    lines = (listing or "").splitlines()
    assert lines[0] == "Invite links (2):"
    assert lines[1].startswith(f"• {fresh} · Lower Back Pain Relief, Level 1 · used 0 of 1 · ")
    assert lines[2].startswith(f"• {used} · {PROTOCOL_2_TITLE} · used 1 of 3 · ")
    assert lines[-1] == "/revoke <code> ends a link."


async def test_revoke_ends_a_link(
    running_bot: RunningBot, coach: SimulatedUser, newcomer: SimulatedUser
) -> None:
    code = await make_invite(coach, f"{PROTOCOL_2_NAME} 5 30")
    await coach.send_command("/revoke", code)
    assert (await coach.wait_for_message()).text == (
        f"Link {code} is ended: nobody can use it any more."
    )
    await newcomer.send_command("/start", code)
    assert ((await newcomer.wait_for_message()).text or "").startswith(LINK_NOT_VALID)
    await coach.send_command("/invites")
    listing = await coach.wait_for_message(lambda m: "Invite links" in (m.text or ""))
    assert " · used 0 of 5 · " in (listing.text or "")
    assert " · revoked" in (listing.text or "").splitlines()[1]


@pytest.mark.parametrize(
    "args",
    ["", "yoga", f"{PROTOCOL_2_NAME} 0", f"{PROTOCOL_2_NAME} 1 x", f"{PROTOCOL_2_NAME} 1 2 3"],
)
async def test_invite_with_junk_arguments_answers_with_usage(
    running_bot: RunningBot, coach: SimulatedUser, args: str
) -> None:
    await coach.send_command("/invite", args)
    answer = (await coach.wait_for_message()).text or ""
    assert "Usage: /invite <protocol> [uses] [days]" in answer
    assert f"• {PROTOCOL_2_NAME} ({PROTOCOL_2_TITLE})" in answer


async def test_a_set_up_member_opening_a_link_moves_to_its_protocol_keeping_days_and_time(
    running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser
) -> None:
    await onboard(member)  # a plain /start: the default coach, a protocol of their choosing
    code = await make_invite(coach)
    await member.send_command("/start", code)
    welcome = (await member.wait_for_message()).text or ""
    assert welcome.startswith(f"Welcome back, Maya! You're on {PROTOCOL_2_TITLE} (your coach's")
    assert "reminders Mon, Wed, Fri at 18:00 (UTC)" in welcome


# --- without a link ----------------------------------------------------------------------------


async def test_without_a_link_or_a_default_coach_a_newcomer_is_asked_for_the_link(
    emulator: BotApiEmulator, tmp_path: Path, newcomer: SimulatedUser
) -> None:
    settings = make_settings(emulator, tmp_path, default_coach_id=None)
    async with bot_running(settings, emulator) as bot:
        await newcomer.send_command("/start")
        assert ((await newcomer.wait_for_message()).text or "").startswith(
            "Hi! I'm the check-in bot your coach uses. To get started, open the invite link"
        )
        async with bot.services.database.transaction() as session:
            assert await repository.members.by_user_id(session, newcomer.id) is None


async def test_without_a_link_a_newcomer_joins_the_default_coach_and_picks_a_protocol(
    running_bot: RunningBot, coach: SimulatedUser, newcomer: SimulatedUser
) -> None:
    await onboard(newcomer)  # the protocol question comes, as before
    stored = await stored_member(running_bot, newcomer)
    async with running_bot.services.database.transaction() as session:
        default = await repository.coaches.by_user_id(session, COACH_USER_ID)
    assert default is not None
    assert stored.coach_id == default.id
