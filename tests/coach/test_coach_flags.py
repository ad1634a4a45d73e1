"""Flags reach the coach: critical pain at once (low and high wait for the digest), red-flag
notes, urgent pain, one flag per kind."""

from __future__ import annotations

import asyncio
from io import BytesIO

import pytest
from coach_support import PNG_SIGNATURE, add_coach, heard
from fixtures_bot import RunningBot, has_button
from matplotlib import image
from tests_support import check_in, seed_sessions, stored_member

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import FlagKind, FlagLevel


def is_alert(message: ChatMessage) -> bool:
    return has_button(message, "Acknowledge")


async def test_pain_seven_at_the_first_session_reaches_the_coach_at_once_as_critical(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 7)
    alert = await coach.wait_for_message(is_alert)
    text = alert.text or ""
    assert text.startswith("❗ Critical pain: Maya (@maya)")
    assert "High pain: 7/10 after the session on " in text
    assert "(critical at 7 or more)" in text
    assert has_button(alert, "Open member")


@pytest.mark.parametrize(
    ("seeded", "pain", "level", "reason"),
    [
        ([5, 5], 6, FlagLevel.LOW, "Above the acceptable level: 6/10 after the session on "),
        ([2, 2, 4], 6, FlagLevel.HIGH, "Above the acceptable level: 6/10 after the session on "),
    ],
    ids=["low", "high"],
)
async def test_low_and_high_pain_flags_wait_for_the_digest(
    running_bot: RunningBot,
    maya: SimulatedUser,
    coach: SimulatedUser,
    seeded: list[int],
    pain: int,
    level: FlagLevel,
    reason: str,
) -> None:
    await seed_sessions(running_bot, maya, seeded)
    await check_in(running_bot, maya, pain)
    member = await stored_member(running_bot, maya)
    async with running_bot.services.database.transaction() as session:
        [flag] = await repository.flags.unacknowledged(session, member.id)
    assert (flag.kind, flag.level, flag.rule) == (FlagKind.PAIN, level, "above_acceptable")
    assert flag.reason.startswith(reason)
    assert not any(is_alert(message) for message in coach.messages)


async def test_a_flag_comes_with_a_pain_chart_that_is_a_real_png(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [2, 2, 5, 6])
    await check_in(running_bot, maya, 7)
    photo = await coach.wait_for_message(lambda m: m.file is not None)
    assert photo.file is not None
    assert photo.file.kind == "photo"
    data = photo.file.data
    assert data.startswith(PNG_SIGNATURE)
    pixels = image.imread(BytesIO(data), format="png")
    assert pixels.shape[:2] == (300, 600)


async def test_easing_pain_raises_no_flag(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await seed_sessions(running_bot, maya, [5, 4, 3, 3])
    answer = await check_in(running_bot, maya, 2)
    assert "Anything to add" in (answer.text or "")
    assert heard(coach) == []


async def test_a_red_flag_note_sends_the_member_to_an_emergency_department_and_alerts_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 3)
    await maya.send_text("I've had some numbness in my groin since yesterday")
    stop = await maya.wait_for_message()
    assert "go to an emergency department (A&E) now" in (stop.text or "")
    assert "numbness or tingling" in (stop.text or "")
    alert = await coach.wait_for_message(is_alert)
    assert (alert.text or "").startswith("🚨 EMERGENCY: Maya (@maya)")
    assert '"I\'ve had some numbness in my groin since yesterday"' in (alert.text or "")


async def test_a_red_flag_note_is_still_saved_as_the_check_ins_note(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 3)
    await maya.send_text("numb down below since this morning")
    await coach.wait_for_message(is_alert)
    member = await stored_member(running_bot, maya)

    async def note() -> str | None:
        async with running_bot.services.database.transaction() as session:
            [report] = await repository.check_ins.recent(session, member.id, 1)
        return report.note

    for _ in range(100):  # the note is saved right after the coach is alerted
        if await note() is not None:
            break
        await asyncio.sleep(0.02)
    assert await note() == "numb down below since this morning"


async def test_a_negated_red_flag_note_raises_no_flag_and_reaches_the_coach_as_a_message(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 3)
    await maya.send_text("no numbness or tingling, just a bit stiff")
    saved = await maya.wait_for_message()
    assert (saved.text or "").startswith("Saved, and your coach will read it.")
    relayed = await coach.wait_for_message()
    assert "no numbness or tingling, just a bit stiff" in (relayed.text or "")
    assert not any(is_alert(message) for message in coach.messages)


async def test_pain_nine_sends_the_member_to_a_doctor_today_and_alerts_the_coach(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    stop = await check_in(running_bot, maya, 9)
    assert "should be checked by a doctor today" in (stop.text or "")
    assert "pain of 9 out of 10" in (stop.text or "")
    alert = await coach.wait_for_message(is_alert)
    assert (alert.text or "").startswith("🚨 URGENT")


async def test_a_second_urgent_check_in_adds_to_the_open_flag_and_updates_its_alert(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await check_in(running_bot, maya, 9)
    alert = await coach.wait_for_message(is_alert)
    second = await check_in(running_bot, maya, 10)
    assert "should be checked by a doctor today" in (second.text or "")
    await running_bot.emulator.wait_until(lambda: "Severe pain: 10/10" in (alert.text or ""))
    member = await stored_member(running_bot, maya)
    async with running_bot.services.database.transaction() as session:
        flags = await repository.flags.unacknowledged(session, member.id)
        evidence = await repository.flags.evidence(session, flags[0].id)
    assert [flag.kind for flag in flags] == [FlagKind.RED_FLAG]
    assert [piece.text.split(" after ")[0] for piece in evidence] == [
        "Severe pain: 9/10",
        "Severe pain: 10/10",
    ]
    assert len([m for m in coach.messages if is_alert(m)]) == 1


async def test_an_owner_who_hears_about_everyone_gets_the_alert_too(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    second = running_bot.emulator.user(user_id=900_002, first_name="Sam", known=True)
    await add_coach(running_bot, second.id, owner=True, hears_everyone=True)
    await check_in(running_bot, maya, 9)
    await coach.wait_for_message(is_alert)
    await second.wait_for_message(is_alert)


async def test_an_unreachable_coach_chat_does_not_break_the_check_in(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await add_coach(running_bot, 900_777, owner=True, hears_everyone=True)  # never wrote
    stop = await check_in(running_bot, maya, 9)
    assert "should be checked by a doctor today" in (stop.text or "")
    assert "I've told your coach" in (stop.text or "")
    await coach.wait_for_message(is_alert)
