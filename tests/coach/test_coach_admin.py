"""/coach: owners list, add and remove coaches (by user id or by a one-use link) and choose
whether they hear about every member; coaches may not."""

from __future__ import annotations

import pytest
from coach_support import onboard_with_coach
from fixtures_bot import RunningBot, invite_code

from emulator import SimulatedUser

SAM_ID = 900_002
REFUSAL = "Sorry, that's only for the coach. /help lists what I can do for you."


async def ask(user: SimulatedUser, command: str, args: str = "") -> str:
    await user.send_command(command, args)
    return (await user.wait_for_message()).text or ""


@pytest.fixture
def sam(running_bot: RunningBot) -> SimulatedUser:
    return running_bot.emulator.user(user_id=SAM_ID, first_name="Sam", username="sam")


async def test_coach_list_shows_each_coach_with_their_members(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, sam: SimulatedUser
) -> None:
    await ask(coach, "/coach", f"add {SAM_ID}")
    assert await ask(coach, "/coach", "list") == (
        "Coaches (2):\n"
        "• Coach (@coach) · user id 900001 · owner · 1 member · from COACH_CHAT_IDS\n"
        "• user 900002 · coach · 0 members"
    )


async def test_an_added_coach_can_use_coach_commands(
    running_bot: RunningBot, coach: SimulatedUser, sam: SimulatedUser
) -> None:
    assert await ask(sam, "/members") == REFUSAL
    assert await ask(coach, "/coach", f"add {SAM_ID}") == (
        "Done: user 900002 is now a coach. Once they've opened a chat with me, "
        "/help shows them the coach commands."
    )
    assert await ask(sam, "/members") == "No members yet."


async def test_adding_a_coach_twice_says_so(
    running_bot: RunningBot, coach: SimulatedUser, sam: SimulatedUser
) -> None:
    await ask(sam, "/members")  # Sam has talked to the bot: his name is known once he's a coach
    await ask(coach, "/coach", f"add {SAM_ID}")
    await ask(sam, "/members")
    assert await ask(coach, "/coach", f"add {SAM_ID} owner") == (
        "Nothing to do: Sam (@sam) is already a coach."
    )


async def test_a_coach_link_makes_whoever_opens_it_a_coach(
    running_bot: RunningBot, coach: SimulatedUser, sam: SimulatedUser
) -> None:
    await coach.send_command("/coach", "add")
    offer = await coach.wait_for_message()
    assert "Here's a link to join as a coach, good for one use" in (offer.text or "")
    await sam.send_command("/start", invite_code(offer))
    assert (await sam.wait_for_message()).text == (
        "Welcome aboard, Sam! Coach (@coach) made you a coach. /help lists your commands; "
        "/invite makes a link for a new member."
    )
    assert await ask(sam, "/members") == "No members yet."
    assert (await ask(sam, "/coach", "list")) == "Only an owner can do that."


async def test_removing_a_coach_gives_their_members_to_the_owner(
    running_bot: RunningBot, coach: SimulatedUser, sam: SimulatedUser, member: SimulatedUser
) -> None:
    await ask(coach, "/coach", f"add {SAM_ID}")
    await ask(sam, "/start")
    await onboard_with_coach(member, coach)
    await coach.send_command("/assign", "@maya coach @sam")
    await coach.wait_for_message(lambda m: "now coached by" in (m.text or ""))
    assert await ask(coach, "/coach", f"remove {SAM_ID}") == (
        "Sam (@sam) is no longer a coach. Their links have ended, and 1 member is now yours."
    )
    assert await ask(sam, "/members") == REFUSAL
    assert (await ask(coach, "/member", "@maya")).startswith("Maya (@maya) #1")


@pytest.mark.parametrize(
    ("args", "answer"),
    [
        ("remove 900001", "You can't remove yourself. Another owner can."),
        ("remove 123", "There's no coach with the user id 123. /coach list shows them all."),
    ],
    ids=["themselves", "no such coach"],
)
async def test_coach_remove_refuses(
    running_bot: RunningBot, coach: SimulatedUser, args: str, answer: str
) -> None:
    assert await ask(coach, "/coach", args) == answer


@pytest.mark.parametrize("args", ["", "list 2", "add x", "remove", "notify", "notify loud", "fire"])
async def test_coach_with_junk_arguments_answers_with_usage(
    running_bot: RunningBot, coach: SimulatedUser, args: str
) -> None:
    assert (await ask(coach, "/coach", args)).startswith("Usage:\n/coach list")


async def test_a_coach_who_is_no_owner_cannot_manage_coaches(
    running_bot: RunningBot, coach: SimulatedUser, sam: SimulatedUser
) -> None:
    await ask(coach, "/coach", f"add {SAM_ID}")
    assert await ask(sam, "/coach", "add 900003") == "Only an owner can do that."
    assert await ask(sam, "/coach", "list") == "Only an owner can do that."


async def test_a_member_gets_the_usual_refusal(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    assert await ask(maya, "/coach", "list") == REFUSAL


async def test_an_owner_chooses_to_hear_about_everyone_or_only_their_own(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    assert await ask(coach, "/coach", "notify all") == (
        "From now on you'll hear about every member: flags, videos and new members."
    )
    assert await ask(coach, "/coach", "notify mine") == (
        "From now on you'll only hear about your own members."
    )
