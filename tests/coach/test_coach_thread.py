"""A thread per member: /member shows the last messages either way and the recent sessions'
skipped and too-hard steps; /export lists both."""

from __future__ import annotations

import csv
import io

from fixtures_bot import RunningBot, has_button
from tests_support import answer_every_step, check_in_on_card, the_card

from emulator import SimulatedUser


async def a_session_with_a_too_hard_step(maya: SimulatedUser) -> None:
    """/today, "Too hard" on the first step (Crawling) and no easier version today, every
    other step done, the check-in without a note."""
    await maya.send_command("/today")
    card = await the_card(maya)
    await maya.press("Too hard", card)
    await maya.wait_for_edit(card, lambda m: has_button(m, "Skip it today"))
    await maya.press("Skip it today", card)
    await maya.wait_for_edit(card)
    await answer_every_step(maya)
    saved = await check_in_on_card(maya, "3")
    assert (saved.text or "").startswith("Saved.")


async def an_exchange(maya: SimulatedUser, coach: SimulatedUser) -> None:
    """Maya asks; the coach replies to her message."""
    await maya.send_text("=is this normal?")
    await maya.wait_for_message()
    bundle = await coach.wait_for_message(lambda m: "is this normal?" in (m.text or ""))
    await coach.reply_to(bundle, "Yes, keep going")
    await maya.wait_for_message(lambda m: "Yes, keep going" in (m.text or ""))
    await coach.wait_for_message(lambda m: m.text == "Sent to Maya.")


async def test_member_shows_the_last_exchanges(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await an_exchange(maya, coach)
    await coach.send_command("/member", "@maya")
    detail = (await coach.wait_for_message()).text or ""
    messages = detail.split("Last messages:\n", 1)[1].split("\n")
    assert messages[0].endswith(" Maya: =is this normal?")
    assert messages[1].endswith(" Coach (coach): Yes, keep going")


async def test_member_shows_a_sessions_too_hard_steps_by_name(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await a_session_with_a_too_hard_step(maya)
    await coach.send_command("/member", "@maya")
    detail = (await coach.wait_for_message(lambda m: "Recent sessions:" in (m.text or ""))).text
    sessions = (detail or "").split("Recent sessions:\n", 1)[1].split("\n")
    assert sessions[0].endswith(
        " Strengthening and Lengthening: 19 of 20 done · too hard: Crawling"
    )


async def test_member_without_messages_says_so(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await coach.send_command("/member", "@maya")
    assert ((await coach.wait_for_message()).text or "").endswith("\nNo messages yet.")


async def test_export_lists_too_hard_steps_and_the_thread(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> None:
    await a_session_with_a_too_hard_step(maya)
    await an_exchange(maya, coach)
    await coach.send_command("/export")
    document = await coach.wait_for_message(lambda m: m.file is not None)
    assert document.file is not None
    rows = list(csv.DictReader(io.StringIO(document.file.data.decode("utf-8-sig"))))
    session = next(row for row in rows if row["record"] == "session")
    assert (session["too_hard"], session["skipped"]) == ("Crawling", "")
    thread = [
        (row["direction"], row["kind"], row["text"], row["coach"])
        for row in rows
        if row["record"] == "message"
    ]
    assert thread == [
        ("from_member", "text", "'=is this normal?", ""),
        ("to_member", "text", "Yes, keep going", "Coach"),
    ]
