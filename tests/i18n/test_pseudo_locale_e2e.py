"""Every word the bot says goes through the catalogues: whole conversations with a member and
a coach whose Telegram speaks the pseudo-locale `en-XA`, where any word of the bot that
missed a catalogue is left in plain ASCII letters. Only the member's and coach's own data
(names, usernames), the coach's protocol texts, place names, numbers, emoji and /commands
may remain.

Each test checks every version of every message the bot sent (edits included), each button
label, and the short answers to button presses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from fixtures_bot import COACH_USER_ID, MEMBER_USER_ID, RunningBot, has_button, zone_button
from pseudo_locale import LANGUAGE, NOT_THE_BOTS, installed, pseudo, untranslated

from bot.rules.screening import ONBOARDING
from emulator import BotApiEmulator, CallbackQueryRecord, SimulatedUser
from storage import repository

NAMES = ("Maya", "Coach")


DATA = NOT_THE_BOTS | set(NAMES)


def said(user: SimulatedUser, presses: Sequence[CallbackQueryRecord]) -> list[str]:
    """Everything the bot showed this user: each version of each message, its buttons, and
    the answers to their presses."""
    shown: list[str] = []
    for message in user.messages:
        if not message.from_bot:
            continue
        versions = [(v.text, v.caption, v.reply_markup) for v in message.edit_history]
        versions.append((message.text, message.caption, message.reply_markup))
        for text, caption, markup in versions:
            shown += [words for words in (text, caption) if words]
            for row in (markup or {}).get("inline_keyboard", []) + (markup or {}).get(
                "keyboard", []
            ):
                shown += [str(button["text"]) for button in row]
    shown += [press.answer_text for press in presses if press.answer_text]
    return shown


def assert_all_translated(
    user: SimulatedUser,
    presses: Sequence[CallbackQueryRecord] = (),
    also_data: Iterable[str] = (),
) -> None:
    shown = said(user, presses)
    assert shown, "the bot said nothing"
    data = DATA | set(also_data)
    missed = {text: words for text in shown if (words := untranslated(text, data))}
    assert missed == {}


@pytest.fixture(autouse=True)
def pseudo_locale(tmp_path: Path) -> Iterator[None]:
    with installed(tmp_path / "locales"):
        yield


@pytest.fixture
def maya(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(
        user_id=MEMBER_USER_ID, first_name="Maya", username="maya", language_code=LANGUAGE
    )


@pytest.fixture
def sam(emulator: BotApiEmulator) -> SimulatedUser:
    """The coach (the configured owner), their Telegram in the pseudo-locale too."""
    return emulator.user(
        user_id=COACH_USER_ID, first_name="Coach", username="coach", language_code=LANGUAGE
    )


async def _press(user: SimulatedUser, english: str, presses: list[CallbackQueryRecord]) -> None:
    await user.wait_for_message(lambda m: has_button(m, pseudo(english)))
    presses.append(await user.press(pseudo(english)))


async def _onboard(user: SimulatedUser, presses: list[CallbackQueryRecord]) -> None:
    await user.send_command("/start")
    await _press(user, "I understand, let's go", presses)
    for _question in ONBOARDING:
        await _press(user, "No", presses)
    title = "Lower Back Pain Relief, Level 1"
    await user.wait_for_message(lambda m: has_button(m, title))
    presses.append(await user.press(title))
    await _press(user, "Done", presses)
    await user.wait_for_message(lambda m: has_button(m, "18:00"))
    presses.append(await user.press("18:00"))
    question = await user.wait_for_message(lambda m: zone_button(m, "Europe/London") is not None)
    label = zone_button(question, "Europe/London")
    assert label is not None
    presses.append(await user.press(label, question))
    await user.wait_for_message(lambda m: (m.text or "").startswith(pseudo("All set!")[:4]))


async def test_onboarding_is_said_in_the_members_language(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    presses: list[CallbackQueryRecord] = []
    await _onboard(maya, presses)
    assert_all_translated(maya, presses)


async def test_a_workout_and_its_check_in_are_said_in_the_members_language(
    running_bot: RunningBot, maya: SimulatedUser
) -> None:
    presses: list[CallbackQueryRecord] = []
    await _onboard(maya, presses)
    await maya.send_command("/today")
    card = await maya.wait_for_message(lambda m: has_button(m, "0"))
    presses.append(await maya.press("0", card))
    await maya.wait_for_edit(card, lambda m: has_button(m, pseudo("How to")))
    for english in ("How to", "Back", "Too hard", "Back", "Done"):
        presses.append(await maya.press(pseudo(english), card))
        await maya.wait_for_edit(card)
    while has_button(card, pseudo("Skip")):
        presses.append(await maya.press(pseudo("Skip"), card))
        await maya.wait_for_edit(card)
    presses.append(await maya.press("3", card))  # the check-in, under the summary
    await maya.wait_for_edit(card, lambda m: has_button(m, pseudo("No note")))
    presses.append(await maya.press(pseudo("No note"), card))
    await maya.wait_for_edit(card)
    await maya.send_command("/progress")
    await maya.wait_for_message(lambda m: m.file is not None)
    assert_all_translated(maya, presses)


async def test_the_coach_reads_their_commands_and_notices_in_their_language(
    running_bot: RunningBot, maya: SimulatedUser, sam: SimulatedUser
) -> None:
    await sam.send_command("/members")  # the bot learns the coach's language
    await sam.wait_for_message()
    await _onboard(maya, [])
    await sam.wait_for_message(lambda m: "@maya" in (m.text or ""))
    for command, args in (("/help", ""), ("/members", ""), ("/member", "@maya"), ("/flags", "")):
        await sam.send_command(command, args)
        await sam.wait_for_message()
    question = "Is it fine if my knee clicks?"
    await maya.send_text(question)
    await sam.wait_for_message(lambda m: question in (m.text or ""))
    # The member's words, and the quick answers the coach configured, are theirs.
    assert_all_translated(sam, also_data=[question, *running_bot.settings.quick_replies])


async def test_a_pain_flags_reason_reaches_the_coach_in_their_language(
    running_bot: RunningBot, maya: SimulatedUser, sam: SimulatedUser
) -> None:
    """A check-in of 7 after a workout: the coach's alert gives the rule's reason, stored as a
    message and said in the coach's language."""
    await sam.send_command("/members")  # the bot learns the coach's language
    await sam.wait_for_message()
    await _onboard(maya, [])
    await maya.send_command("/today")
    card = await maya.wait_for_message(lambda m: has_button(m, "0"))
    await maya.press("0", card)
    await maya.wait_for_edit(card, lambda m: has_button(m, pseudo("Done")))
    while has_button(card, pseudo("Done")):
        await maya.press(pseudo("Done"), card)
        await maya.wait_for_edit(card)
    await maya.press("7", card)
    await sam.wait_for_message(lambda m: "7/10" in (m.text or m.caption or ""))
    assert_all_translated(sam, also_data=running_bot.settings.quick_replies)


async def test_a_reminder_is_said_in_the_language_kept_with_the_member(
    running_bot: RunningBot, emulator: BotApiEmulator
) -> None:
    """Sent on the bot's own clock, outside any update from the member."""
    friday_1800 = datetime(2026, 3, 6, 18, 0, tzinfo=UTC)
    user = emulator.user(user_id=MEMBER_USER_ID, first_name="Maya", known=True)
    with time_machine.travel(datetime(2026, 3, 5, 12, 0, tzinfo=UTC), tick=True) as clock:
        async with running_bot.services.database.transaction() as session:
            member = await repository.members.upsert(
                session,
                telegram_user_id=user.id,
                chat_id=user.id,
                name="Maya",
                username=None,
                time_zone=ZoneInfo("UTC"),
                now=datetime(2026, 3, 5, 12, 0, tzinfo=UTC),
                language=LANGUAGE,
            )
            await repository.enrolments.enrol(
                session,
                member.id,
                protocol="lower-back-pain-relief-lvl1",
                workout_days=(0, 2, 4),
                reminder_time=time(18, 0),
                start_date=datetime(2026, 3, 5).date(),
            )
            await repository.members.set_onboarded(session, member.id, friday_1800)
        reminders = running_bot.services.reminders
        assert reminders is not None
        await reminders.reschedule_member(member.id)
        clock.move_to(friday_1800)
        running_bot.application.job_queue.scheduler.wakeup()
        await user.wait_for_message(lambda m: has_button(m, pseudo("Start now")), timeout=10)
    assert_all_translated(user)


def test_the_checks_catch_an_untranslated_word() -> None:
    """The checker itself: an English word outside the data is reported, data is not."""
    assert untranslated(f"{pseudo('Done')} Maya /today @maya 18:00 🎉", DATA) == []
    assert untranslated(f"{pseudo('Done')} Streak", DATA) == ["Streak"]


async def test_a_coachs_answer_reaches_the_member_in_the_members_language(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    """The coach writes in English, Maya reads the line above it in hers; the coach's own
    confirmation stays in the coach's language."""
    await coach.send_command("/members")  # the coach has a chat with the bot, in English
    await coach.wait_for_message()
    await _onboard(maya, [])
    question = "Is it fine if my knee clicks?"
    await maya.send_text(question)
    relayed = await coach.wait_for_message(lambda m: question in (m.text or ""))
    answer = "Yes, that is fine."
    await coach.reply_to(relayed, answer)
    passed_on = await maya.wait_for_message(lambda m: answer in (m.text or ""))
    confirmation = await coach.wait_for_message(lambda m: "Maya" in (m.text or ""))
    assert untranslated(passed_on.text or "", DATA | {answer, question}) == []
    assert confirmation.text == "Sent to Maya."
