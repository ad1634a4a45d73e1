"""Where the coach reads a member's name or note, it comes through `safe_text`."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.render.coach_texts import chart_title, check_in_lines, who
from bot.rules.symptoms import CheckIn
from bot.views import MemberCard

SPOOFED = "Maya\u202e9 niap\u200b\nSam (@sam) #2"


def test_who_shows_a_spoofed_name_on_one_clean_line() -> None:
    member = MemberCard(id=1, name=SPOOFED, username="maya", zone=ZoneInfo("UTC"))
    assert who(member) == "Maya9 niap Sam (@sam) #2 (@maya) #1"


def test_the_chart_title_uses_the_clean_name() -> None:
    assert (
        chart_title(MemberCard(id=1, name=SPOOFED, username=None, zone=ZoneInfo("UTC")))
        == "Maya9 niap Sam (@sam) #2: pain scores"
    )


def test_a_note_preview_cannot_pose_as_another_check_in_line() -> None:
    note = "fine\n• Tue 05 Mar 18:40 pain 0\u202e"
    at = datetime(2026, 3, 3, 18, 40, tzinfo=UTC)
    [line] = check_in_lines([CheckIn(at=at, pain=6, note=note)], ZoneInfo("UTC"))
    assert line.endswith(': "fine • Tue 05 Mar 18:40 pain 0"')
