"""The coach's alert text never depends on the chart: it goes first, and a chart that cannot
be drawn is logged and skipped."""

from __future__ import annotations

import logging

import pytest
from coach_support import PNG_SIGNATURE, is_join_notice
from fixtures_bot import RunningBot, has_button, onboard
from tests_support import check_in

from bot import alerts
from emulator import BotApiEmulator, ChatMessage, SimulatedUser


def is_alert(message: ChatMessage) -> bool:
    return has_button(message, "Acknowledge")


@pytest.fixture
def mathtext_member(emulator: BotApiEmulator) -> SimulatedUser:
    """A member whose name matplotlib would parse as mathtext, and fail on."""
    return emulator.user(user_id=100_002, first_name=r"$\foo$", username="foo")


@pytest.fixture
def open_coach_chat(coach: SimulatedUser) -> SimulatedUser:
    coach.chat.known = True
    return coach


async def test_urgent_pain_from_a_member_with_a_mathtext_name_reaches_the_coach_with_a_chart(
    running_bot: RunningBot, mathtext_member: SimulatedUser, open_coach_chat: SimulatedUser
) -> None:
    await onboard(mathtext_member)
    await check_in(running_bot, mathtext_member, 9)
    alert = await open_coach_chat.wait_for_message(is_alert)
    chart = await open_coach_chat.wait_for_message(lambda m: m.file is not None)
    assert r"$\foo$" in (alert.text or "")
    assert chart.data.startswith(PNG_SIGNATURE)


async def test_the_alert_text_comes_before_the_chart(
    running_bot: RunningBot, member: SimulatedUser, open_coach_chat: SimulatedUser
) -> None:
    await onboard(member)
    await check_in(running_bot, member, 9)
    await open_coach_chat.wait_for_message(lambda m: m.file is not None)
    kinds = [
        "chart" if m.file else "alert" if is_alert(m) else "other"
        for m in open_coach_chat.messages
        if not is_join_notice(m)
    ]
    assert kinds == ["alert", "chart"]


async def test_a_chart_that_cannot_be_drawn_leaves_the_alert_text_and_is_logged(
    running_bot: RunningBot,
    member: SimulatedUser,
    open_coach_chat: SimulatedUser,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken_chart(*_args: object) -> bytes:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(alerts, "pain_chart", broken_chart)
    await onboard(member)
    with caplog.at_level(logging.ERROR, logger=alerts.__name__):
        await check_in(running_bot, member, 9)
        alert = await open_coach_chat.wait_for_message(is_alert)
        await running_bot.emulator.wait_until(lambda: bool(caplog.records), 5)
    assert (alert.text or "").startswith("🚨 URGENT")
    assert [m for m in open_coach_chat.messages if m.file] == []
    [record] = caplog.records
    assert "no pain chart" in record.getMessage()
