"""Several coaches end to end: the owner adds two coaches, each signs up a member through an
invite link, and each coach sees and hears about their own member only, while the owner (who
asked to hear about everyone) sees and hears about both."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from coach_support import heard, is_join_notice
from fixtures_bot import PROTOCOL_2_NAME, RunningBot, has_button, make_invite, onboard_with_code
from tests_support import check_in

from emulator import ChatMessage, SimulatedUser

SAM_ID, KIM_ID = 900_002, 900_003
CLIP = b"\x00\x00\x00\x18ftypmp42 a short clip"


@dataclass
class Team:
    owner: SimulatedUser
    sam: SimulatedUser
    kim: SimulatedUser
    maya: SimulatedUser  # Sam's member
    lee: SimulatedUser  # Kim's member


def is_alert(message: ChatMessage) -> bool:
    return has_button(message, "Acknowledge")


def is_form_check(message: ChatMessage) -> bool:
    return (message.caption or "").startswith("🎥 Form check #")


async def ask(user: SimulatedUser, command: str, args: str = "") -> str:
    """The bot's text answer to a command (not a chart or an alert still arriving)."""
    await user.send_command(command, args)
    answer = await user.wait_for_message(lambda m: m.file is None and not is_alert(m))
    return answer.text or ""


@pytest.fixture
async def team(running_bot: RunningBot, coach: SimulatedUser, member: SimulatedUser) -> Team:
    emulator = running_bot.emulator
    sam = emulator.user(user_id=SAM_ID, first_name="Sam", username="sam")
    kim = emulator.user(user_id=KIM_ID, first_name="Kim", username="kim")
    lee = emulator.user(user_id=100_002, first_name="Lee", username="lee")
    for new_coach in (sam, kim):
        assert (await ask(coach, "/coach", f"add {new_coach.id}")).endswith(
            "/help shows them the coach commands."
        )
        assert (await ask(new_coach, "/start")).startswith(f"Hi {new_coach.user['first_name']}!")
    assert (await ask(coach, "/coach", "notify all")).startswith("From now on you'll hear")
    await onboard_with_code(member, await make_invite(sam, PROTOCOL_2_NAME))
    await onboard_with_code(lee, await make_invite(kim, "lower-back-pain-relief-lvl1"))
    for who_hears in (sam, kim):
        await who_hears.wait_for_message(is_join_notice)
    await emulator.wait_until(lambda: len([m for m in coach.messages if is_join_notice(m)]) == 2)
    return Team(coach, sam, kim, member, lee)


async def test_each_coach_hears_only_when_their_own_member_joins(team: Team) -> None:
    def joined(coach: SimulatedUser) -> list[str]:
        return [(m.text or "").splitlines()[0] for m in coach.messages if is_join_notice(m)]

    assert joined(team.sam) == ["👋 New member: Maya (@maya) #1"]
    assert joined(team.kim) == ["👋 New member: Lee (@lee) #2"]
    assert joined(team.owner) == ["👋 New member: Maya (@maya) #1", "👋 New member: Lee (@lee) #2"]


async def test_each_coach_lists_only_their_own_members(team: Team) -> None:
    sams = (await ask(team.sam, "/members")).splitlines()
    kims = (await ask(team.kim, "/members")).splitlines()
    assert sams[0] == "Members (1):"
    assert sams[1].startswith("Maya (@maya) #1 · 7 Exercise Protocol")
    assert kims[0] == "Members (1):"
    assert kims[1].startswith("Lee (@lee) #2 · Lower Back Pain Relief")


async def test_the_owner_lists_every_member_with_their_coach(team: Team) -> None:
    lines = (await ask(team.owner, "/members")).splitlines()
    assert lines[0] == "Members (2):"
    assert lines[1].startswith("Lee (@lee) #2")
    assert lines[1].endswith(" · coach Kim (@kim)")
    assert lines[2].startswith("Maya (@maya) #1")
    assert lines[2].endswith(" · coach Sam (@sam)")


async def test_a_flag_reaches_the_members_coach_and_the_owner_only(
    running_bot: RunningBot, team: Team
) -> None:
    await check_in(running_bot, team.maya, 9)
    alert = await team.sam.wait_for_message(is_alert)
    assert (alert.text or "").startswith("🚨 URGENT: Maya (@maya) #1")
    await team.owner.wait_for_message(is_alert)
    assert not [m for m in team.kim.messages if is_alert(m)]


async def test_a_form_check_reaches_the_members_coach_and_the_owner_only(team: Team) -> None:
    await team.lee.send_video(CLIP)
    assert (await team.lee.wait_for_message()).text == (
        "Got it, your video is on its way to your coach."
    )
    copy = await team.kim.wait_for_message(is_form_check)
    assert "from Lee (@lee) #2" in (copy.caption or "")
    await team.owner.wait_for_message(is_form_check)
    assert not [m for m in team.sam.messages if is_form_check(m)]
    await team.kim.reply_to(copy, "Lovely depth")
    reply = await team.lee.wait_for_message(lambda m: "(your coach)" in (m.text or ""))
    assert reply.text == "Kim (your coach) on your form check:\nLovely depth"


async def test_a_coach_cannot_open_another_coachs_member(team: Team) -> None:
    assert await ask(team.sam, "/member", "@lee") == (
        "I don't know a member @lee. /members lists yours."
    )
    assert await ask(team.sam, "/member", "2") == "I don't know a member 2. /members lists yours."


async def test_a_coach_cannot_acknowledge_another_coachs_flag(
    running_bot: RunningBot, team: Team
) -> None:
    await check_in(running_bot, team.lee, 9)
    await team.kim.wait_for_message(is_alert)
    assert (await ask(team.sam, "/ack", "1")).startswith("There's no flag #1.")
    assert await ask(team.sam, "/flags") == "No open flags. 👍"
    assert (await ask(team.kim, "/ack", "1")).startswith("Flag #1 for Lee acknowledged.")


async def test_a_coach_exports_only_their_own_members(running_bot: RunningBot, team: Team) -> None:
    await check_in(running_bot, team.maya, 3)
    await check_in(running_bot, team.lee, 2)
    await team.sam.send_command("/export")
    document = await team.sam.wait_for_message(lambda m: m.file is not None)
    assert document.file is not None
    exported = document.file.data.decode("utf-8-sig")
    assert "Maya" in exported
    assert "Lee" not in exported


async def test_a_coach_hands_their_member_to_another_coach(team: Team) -> None:
    assert await ask(team.sam, "/assign", "@maya coach @kim") == (
        "Maya is now coached by Kim (@kim). I've told them both."
    )
    told = await team.maya.wait_for_message(lambda m: "your coach" in (m.text or ""))
    assert told.text == (
        "From now on Kim is your coach. Your protocol, days and time stay as they are."
    )
    handed = await team.kim.wait_for_message(lambda m: "your member now" in (m.text or ""))
    assert handed.text == "Maya (@maya) #1 is your member now. /member 1 shows how they're doing."
    assert await ask(team.sam, "/members") == "No members yet."
    assert heard(team.sam)[-1] == "No members yet."
