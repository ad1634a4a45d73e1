"""Coach commands from a coach chat: /members, /member, /flags, /ack, /assign, /export."""

from __future__ import annotations

import csv
import io
from zoneinfo import ZoneInfo

import pytest
from coach_support import onboard_with_coach
from fixtures_bot import RunningBot, has_button
from tests_support import seed_sessions, stored_member

from emulator import SimulatedUser
from storage import repository


async def ask(coach: SimulatedUser, command: str, args: str = "") -> str:
    await coach.send_command(command, args)
    return (await coach.wait_for_message()).text or ""


async def test_members_lists_protocol_week_last_pain_and_open_flags(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    overview = await ask(coach, "/members")
    assert overview.startswith("Members (1):")
    line = overview.splitlines()[1]
    assert line.startswith("Maya (@maya) #1 · Lower Back Pain Relief, Level 1")
    assert "1/6 this week" in line
    assert "last pain 9" in line
    assert "🚨 1 open flag" in line


async def test_members_splits_a_long_list_into_messages_under_telegrams_limit(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    async with running_bot.services.database.transaction() as session:
        for number in range(120):
            await repository.members.upsert(
                session,
                telegram_user_id=500_000 + number,
                chat_id=500_000 + number,
                name=f"Member with a rather long display name {number}",
                username=None,
                time_zone=ZoneInfo("UTC"),
                now=running_bot.services.clock(),
            )
    await coach.send_command("/members")

    def replies() -> list[str]:
        return [m.text or "" for m in coach.messages if m.from_bot]

    await running_bot.emulator.wait_until(lambda: "\n".join(replies()).count("not set up") == 120)
    assert len(replies()) > 1
    assert all(len(text) < 4096 for text in replies())


async def test_member_by_number_shows_settings_week_check_ins_and_flags(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    detail = await ask(coach, "/member", "1")
    assert detail.startswith("Maya (@maya) #1\nStatus: active")
    assert "Protocol: Lower Back Pain Relief, Level 1" in detail
    assert "Reminders: Mon, Wed, Fri at 18:00 (UTC)" in detail
    assert "This week: " in detail
    assert "after session 1 pain 9" in detail
    assert "Open flags:\n• #1 URGENT" in detail


async def test_member_by_username_finds_the_same_member(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    assert (await ask(coach, "/member", "@MAYA")).startswith("Maya (@maya) #1")


async def test_member_shows_the_trend_of_recent_check_ins(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> None:
    await onboard_with_coach(member, coach)
    await seed_sessions(running_bot, member, [2, 3, 4])
    assert "Pain trend: 2 → 3 → 4 (rising)" in await ask(coach, "/member", "1")


@pytest.mark.parametrize("args", ["", "1 2", "-3"])
async def test_member_with_junk_arguments_answers_with_usage(
    running_bot: RunningBot, coach: SimulatedUser, args: str
) -> None:
    answer = await ask(coach, "/member", args)
    assert answer.startswith(("Usage: /member", "I don't know a member"))


async def test_member_unknown_says_so(running_bot: RunningBot, coach: SimulatedUser) -> None:
    assert await ask(coach, "/member", "@nobody") == (
        "I don't know a member @nobody. /members lists yours."
    )


async def test_flags_lists_open_flags_with_their_reason_and_buttons(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/flags")
    entry = await coach.wait_for_message()
    assert (entry.text or "").startswith("Maya (@maya) #1\n#1 URGENT")
    assert "pain" in (entry.text or "").lower()
    assert has_button(entry, "Acknowledge")
    assert has_button(entry, "Open member")


async def test_flags_with_none_open_says_so(running_bot: RunningBot, coach: SimulatedUser) -> None:
    assert await ask(coach, "/flags") == "No open flags. 👍"


async def test_ack_records_the_coach_and_the_time(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    answer = await ask(coach, "/ack", "1")
    assert answer.startswith("Flag #1 for Maya acknowledged.")
    async with running_bot.services.database.transaction() as session:
        flag = await repository.flags.get(session, 1)
    assert flag is not None
    assert flag.acknowledged_by == coach.id
    assert flag.acknowledged_at is not None


async def test_a_second_ack_says_it_was_already_acknowledged(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await ask(coach, "/ack", "1")
    assert (await ask(coach, "/ack", "#1")).startswith("Flag #1 was already acknowledged by you")


async def test_the_acknowledge_button_acknowledges_the_flag(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    press = await coach.press("Acknowledge")
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith("Flag #1 for Maya acknowledged.")
    assert press.answered
    assert "0 open flags" not in await ask(coach, "/members")
    assert await ask(coach, "/flags") == "No open flags. 👍"


@pytest.mark.parametrize("args", ["x", "99999999999999"])
async def test_ack_with_junk_arguments_answers_with_usage(
    running_bot: RunningBot, coach: SimulatedUser, args: str
) -> None:
    assert (await ask(coach, "/ack", args)).startswith("Usage: /ack")


async def test_ack_of_an_unknown_flag_says_so(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    assert (await ask(coach, "/ack", "42")).startswith("There's no flag #42.")


async def test_the_open_member_button_shows_the_member(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.press("Open member")
    detail = await coach.wait_for_message()
    assert (detail.text or "").startswith("Maya (@maya) #1\nStatus: active")


async def test_assign_moves_the_member_keeping_days_and_time_and_tells_them(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    answer = await ask(coach, "/assign", "@maya 7-exercise-protocol-lower-back-relief")
    assert answer.startswith("Maya is now on 7 Exercise Protocol for Lower Back Relief")
    told = await maya.wait_for_message(lambda m: "Your coach has moved you" in (m.text or ""))
    assert "Mon, Wed, Fri at 18:00 (UTC)" in (told.text or "")
    member = await stored_member(running_bot, maya)
    async with running_bot.services.database.transaction() as session:
        enrolment = await repository.enrolments.active(session, member.id)
    assert enrolment is not None
    assert enrolment.protocol == "7-exercise-protocol-lower-back-relief"
    assert enrolment.workout_days == frozenset({0, 2, 4})
    assert enrolment.reminder_time.hour == 18
    reminders = running_bot.services.reminders
    assert reminders is not None
    assert reminders.next_due(member.id) is not None


async def test_assign_an_unknown_protocol_lists_the_protocols(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    answer = await ask(coach, "/assign", "1 yoga")
    assert answer.startswith("I don't know a protocol 'yoga'.\nUsage: /assign")
    assert "• lower-back-pain-relief-lvl1 (Lower Back Pain Relief, Level 1)" in answer
    assert "• 7-exercise-protocol-lower-back-relief" in answer


@pytest.mark.parametrize("args", ["1", "1 2 3"])
async def test_assign_with_junk_arguments_answers_with_usage(
    running_bot: RunningBot, coach: SimulatedUser, args: str
) -> None:
    assert (await ask(coach, "/assign", args)).startswith("Usage: /assign")


async def test_assign_to_an_unknown_member_says_so(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    answer = await ask(coach, "/assign", "@ghost lower-back-pain-relief-lvl1")
    assert answer.startswith("I don't know a member @ghost.")


async def test_export_sends_a_csv_of_sessions_and_check_ins(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/export")
    document = await coach.wait_for_message()
    assert document.file is not None
    assert document.file.kind == "document"
    assert (document.file.file_name or "").endswith(".csv")
    rows = list(csv.DictReader(io.StringIO(document.file.data.decode("utf-8-sig"))))
    assert [row["record"] for row in rows] == ["session", "check_in"]
    assert rows[0]["member_name"] == "Maya"
    assert rows[0]["status"] == "finished"
    assert rows[1]["pain"] == "9"


async def test_export_defuses_notes_a_spreadsheet_would_run_as_formulas(
    running_bot: RunningBot, flagged_maya: SimulatedUser, coach: SimulatedUser
) -> None:
    member = await stored_member(running_bot, flagged_maya)
    async with running_bot.services.database.transaction() as session:
        await repository.check_ins.add(
            session, member.id, pain=None, note="=HYPERLINK(1)", now=running_bot.services.clock()
        )
    await coach.send_command("/export")
    document = await coach.wait_for_message()
    assert document.file is not None
    rows = list(csv.DictReader(io.StringIO(document.file.data.decode("utf-8-sig"))))
    assert rows[-1]["note"] == "'=HYPERLINK(1)"


async def test_export_with_nothing_recorded_says_so(
    running_bot: RunningBot, coach: SimulatedUser
) -> None:
    assert (await ask(coach, "/export")).startswith("Nothing to export yet")
