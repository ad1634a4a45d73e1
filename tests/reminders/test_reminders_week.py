"""A week of reminders through the emulator, on a clock the test moves."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from fixtures_bot import RunningBot, onboard
from reminder_clock import clock_at, is_reminder, member_id, planned

from emulator import SimulatedUser

NEW_YORK = ZoneInfo("America/New_York")


async def test_a_week_of_reminders_arrives_at_local_times_across_daylight_saving(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    # Thursday 5 March 2026, noon in New York; the clocks go forward on Sunday 8 March.
    with clock_at(running_bot, datetime(2026, 3, 5, 17, 0, tzinfo=UTC)) as clock:
        await onboard(member, hour="18:00", zone="America/New_York")
        who = await member_id(running_bot, member)
        expected = [
            datetime(2026, 3, 6, 23, 0, tzinfo=UTC),  # Fri 18:00 EST
            datetime(2026, 3, 9, 22, 0, tzinfo=UTC),  # Mon 18:00 EDT
            datetime(2026, 3, 11, 22, 0, tzinfo=UTC),  # Wed 18:00 EDT
            datetime(2026, 3, 13, 22, 0, tzinfo=UTC),  # Fri 18:00 EDT
        ]
        arrived = []
        for due in expected:
            await planned(running_bot, who, due)
            clock.move_to(due)
            message = await member.wait_for_message(is_reminder)
            arrived.append(datetime.fromtimestamp(message.date, NEW_YORK))
    assert [(at.strftime("%a"), at.hour) for at in arrived] == [
        ("Fri", 18),
        ("Mon", 18),
        ("Wed", 18),
        ("Fri", 18),
    ]
    assert len([m for m in member.messages if is_reminder(m)]) == 4
