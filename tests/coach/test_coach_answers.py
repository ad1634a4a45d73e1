"""Coach → member: replying to any bot message about a member (alert, their message, a notice,
/member) reaches them as a message from their coach, quoting what it answers; /msg starts a
conversation; quick answers send in one tap."""

from __future__ import annotations

import pytest
from coach_support import is_join_notice
from fixtures_bot import RunningBot, has_button
from tests_support import check_in, digest_part, stored_member, until_recorded

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import MessageDirection


def from_coach(message: ChatMessage) -> bool:
    return (message.text or "").startswith("Coach (your coach)")


def is_alert(message: ChatMessage) -> bool:
    return has_button(message, "Acknowledge")


async def relayed(maya: SimulatedUser, coach: SimulatedUser, text: str) -> ChatMessage:
    await maya.send_text(text)
    await maya.wait_for_message()
    return await coach.wait_for_message(lambda m: text in (m.text or ""))


async def coach_messages_in_thread(bot: RunningBot, maya: SimulatedUser) -> list[str | None]:
    member = await stored_member(bot, maya)
    async with bot.services.database.transaction() as session:
        thread = await repository.messages.recent(session, member.id, 20)
    return [m.text for m in thread if m.direction == MessageDirection.TO_MEMBER]


async def test_the_coach_answers_an_urgent_alert_by_replying(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    alert = await until_recorded(running_bot, next(m for m in coach.messages if is_alert(m)))
    await coach.reply_to(alert, "Please call me tonight.")
    assert (await coach.wait_for_message()).text == "Sent to Maya."
    answer = await flagged_maya.wait_for_message(from_coach)
    assert (
        answer.text == "Coach (your coach), about your check-in (pain 9):\nPlease call me tonight."
    )
    assert await coach_messages_in_thread(running_bot, flagged_maya) == ["Please call me tonight."]


async def test_the_coach_answers_a_members_text_and_the_member_sees_it_quoted(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    question = await maya.send_text("my lower back twinges when I lift my hips, is that ok?")
    await maya.wait_for_message()
    bundle = await coach.wait_for_message(lambda m: "twinges" in (m.text or ""))
    await coach.reply_to(bundle, "That's normal at first. Lift a little lower.")
    answer = await maya.wait_for_message(from_coach)
    assert answer.text == (
        'Coach (your coach), answering "my lower back twinges when I lift my hips, is that '
        "ok?\":\nThat's normal at first. Lift a little lower."
    )
    assert answer.reply_to is not None
    assert answer.reply_to.message_id == question.message_id


@pytest.mark.parametrize("kind", ["voice", "video", "photo"])
async def test_the_coach_answers_in_voice_video_or_photo(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, kind: str
) -> None:
    bundle = await relayed(maya, coach, "how low should I go?")
    data = f"{kind} answer".encode()
    if kind == "voice":
        await coach.send_voice(data, reply_to=bundle)
    elif kind == "video":
        await coach.send_video(data, reply_to=bundle)
    else:
        await coach.send_photo(data, caption="like this", reply_to=bundle)
    header = await maya.wait_for_message(from_coach)
    assert header.text == 'Coach (your coach), answering "how low should I go?":'
    copy = await maya.wait_for_message(lambda m: m.file is not None)
    assert copy.file is not None
    assert (copy.file.kind, copy.file.data) == (kind, data)
    assert (await coach.wait_for_message()).text == "Sent to Maya."


async def test_a_quick_answer_on_an_alert_goes_to_the_member_in_one_tap(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await until_recorded(running_bot, next(m for m in coach.messages if is_alert(m)))
    await coach.press("Rest 2 days")
    confirmation = await coach.wait_for_message()
    assert confirmation.text == 'Sent to Maya: "Rest 2 days"'
    answer = await flagged_maya.wait_for_message(from_coach)
    assert answer.text == "Coach (your coach), about your check-in (pain 9):\nRest 2 days"
    assert await coach_messages_in_thread(running_bot, flagged_maya) == ["Rest 2 days"]


async def test_a_quick_answer_on_a_members_message_answers_it(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    bundle = await relayed(maya, coach, "it pinches a bit")
    await coach.press("Keep going, that's normal", bundle)
    answer = await maya.wait_for_message(from_coach)
    assert answer.text == (
        'Coach (your coach), answering "it pinches a bit":\nKeep going, that\'s normal'
    )


async def test_the_quick_answers_come_from_the_configuration(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    running_bot.services.settings.quick_replies = ("Ice it tonight",)
    bundle = await relayed(maya, coach, "swollen knee")
    assert [button.text for button in bundle.buttons] == ["Ice it tonight"]


async def test_a_quick_answer_whose_words_changed_since_sends_nothing(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    bundle = await relayed(maya, coach, "swollen knee")
    running_bot.services.settings.quick_replies = ("Rest 3 days",)
    press = await coach.press("Rest 2 days", bundle)
    await running_bot.emulator.wait_until(lambda: press.answered)
    assert press.show_alert
    assert (press.answer_text or "").startswith("That answer has changed since.")
    assert await coach_messages_in_thread(running_bot, maya) == []


async def test_msg_starts_a_conversation_with_a_member(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/msg", "@maya How did today go?\nTake your time.")
    assert (await coach.wait_for_message()).text == "Sent to Maya."
    answer = await maya.wait_for_message(from_coach)
    assert answer.text == "Coach (your coach):\nHow did today go?\nTake your time."


@pytest.mark.parametrize(
    ("args", "answer"),
    [
        ("", "Usage: /msg"),
        ("@maya", "Usage: /msg"),
        ("@ghost hello there", "I don't know a member @ghost."),
    ],
)
async def test_msg_without_a_member_or_words_explains_itself(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser, args: str, answer: str
) -> None:
    await coach.send_command("/msg", args)
    assert ((await coach.wait_for_message()).text or "").startswith(answer)


async def test_a_reply_to_the_members_detail_reaches_the_member(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/member", "@maya")
    detail = await coach.wait_for_message()
    await coach.reply_to(detail, "Checking in: all good?")
    answer = await maya.wait_for_message(from_coach)
    assert answer.text == "Coach (your coach):\nChecking in: all good?"


async def test_a_reply_to_a_notice_reaches_the_member(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    notice = next(m for m in coach.messages if is_join_notice(m))
    await coach.reply_to(await until_recorded(running_bot, notice), "Welcome aboard!")
    answer = await maya.wait_for_message(from_coach)
    assert answer.text == "Coach (your coach):\nWelcome aboard!"


async def test_a_reply_about_a_member_who_erased_their_data_is_explained(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    bundle = await relayed(maya, coach, "goodbye")
    await maya.send_command("/delete")
    await maya.press("Yes, erase everything", await maya.wait_for_message())
    await coach.wait_for_message(lambda m: "Erased their data" in (m.text or ""))
    await coach.reply_to(bundle, "Sorry to see you go")
    answer = await coach.wait_for_message()
    assert answer.text == "That member has left, so I couldn't pass your reply on."


async def test_a_reply_to_a_member_who_blocked_the_bot_is_explained_and_noticed_once(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    bundle = await relayed(maya, coach, "see you")
    running_bot.emulator.faults.block_chat(maya.id)
    await coach.reply_to(bundle, "Are you there?")
    refusal = await coach.wait_for_message()
    assert refusal.text == "Maya has blocked the bot, so I couldn't pass your reply on."
    await coach.reply_to(bundle, "Hello?")
    await coach.wait_for_message(lambda m: m.text == refusal.text)
    part = await digest_part(running_bot, coach, "Maya (@maya) #1")
    assert "\n".join(part).count("Blocked the bot") == 1


async def test_a_coach_reply_to_a_pain_chart_answers_the_check_in(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 9)
    chart = await coach.wait_for_message(lambda m: m.file is not None)
    await coach.reply_to(await until_recorded(running_bot, chart), "Seen it.")
    answer = await maya.wait_for_message(from_coach)
    assert answer.text == "Coach (your coach), about your check-in (pain 9):\nSeen it."
