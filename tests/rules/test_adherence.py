"""The coach digest's adherence and progress rules, on the member's local days."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from zones import LONDON

from bot.config import DEFAULT_ADHERENCE_THRESHOLDS
from bot.rules.adherence import (
    MemberActivity,
    ReminderSent,
    digest_findings,
    fortnight_drop,
    no_recent_session,
    ready_to_progress,
    reminders_ignored,
)
from bot.rules.symptoms import CheckIn, CheckInKind

TODAY = date(2026, 3, 30)
"""Monday 30 March 2026, the day after the clocks went forward in London."""
NOW = datetime.combine(TODAY, time(18, 0), LONDON)
JOINED = datetime(2026, 1, 5, 12, 0, tzinfo=LONDON)


def day(days_ago: int, hour: int = 18, minute: int = 0) -> datetime:
    """`hour`:`minute` London time, `days_ago` local days before today."""
    return datetime.combine(TODAY - timedelta(days=days_ago), time(hour, minute), LONDON)


def member(
    sessions: list[datetime] | None = None,
    reminders: list[ReminderSent] | None = None,
    check_ins: list[CheckIn] | None = None,
    joined: datetime = JOINED,
) -> MemberActivity:
    return MemberActivity(LONDON, joined, sessions or [], reminders or [], check_ins or [])


# --- no recent session -----------------------------------------------------------------------


def test_seven_local_days_without_a_session_need_the_coach() -> None:
    finding = no_recent_session(member([day(7)]), NOW)

    assert finding is not None
    assert (finding.rule, finding.reason.english()) == (
        "no_recent_session",
        "No session for 7 days: the last was on Mon 23 Mar.",
    )


def test_six_days_without_a_session_are_fine() -> None:
    assert no_recent_session(member([day(6, hour=8)]), NOW) is None


def test_days_are_counted_on_the_calendar_not_in_hours() -> None:
    # Monday 23 March 23:30 GMT to Monday 30 March 00:30 BST: six times 24 hours, seven days.
    just_after_midnight = day(0, hour=0, minute=30)

    assert no_recent_session(member([day(7, hour=23, minute=30)]), just_after_midnight) is not None


def test_a_member_who_never_trained_counts_from_joining() -> None:
    finding = no_recent_session(member(joined=day(8, hour=12)), NOW)

    assert finding is not None
    assert finding.reason.english() == "No session yet, 8 days after joining on Sun 22 Mar."


def test_a_member_who_just_joined_is_not_inactive() -> None:
    assert no_recent_session(member(joined=day(3)), NOW) is None


def test_a_session_after_now_is_not_known_yet() -> None:
    assert no_recent_session(member([day(9), NOW + timedelta(hours=1)]), NOW) is not None


# --- reminders ignored -----------------------------------------------------------------------


def sent(days_ago: int, followed: bool = False) -> ReminderSent:
    return ReminderSent(day(days_ago, hour=9), followed)


def test_three_reminders_in_a_row_without_a_session_need_the_coach() -> None:
    finding = reminders_ignored(member(reminders=[sent(7), sent(5), sent(3)]), NOW)

    assert finding is not None
    assert (finding.rule, finding.reason.english()) == (
        "reminders_ignored",
        "3 reminders in a row with no session after them: Mon 23 Mar, Wed 25 Mar and Fri 27 Mar.",
    )


def test_a_run_of_one_reminder_is_said_in_the_singular() -> None:
    one = DEFAULT_ADHERENCE_THRESHOLDS.model_copy(update={"ignored_reminders": 1})

    finding = reminders_ignored(member(reminders=[sent(3)]), NOW, one)

    assert finding is not None
    assert finding.reason.english() == ("1 reminder in a row with no session after it: Fri 27 Mar.")


def test_a_followed_reminder_among_the_last_three_breaks_the_run() -> None:
    reminders = [sent(9), sent(7), sent(5, followed=True), sent(3)]

    assert reminders_ignored(member(reminders=reminders), NOW) is None


def test_todays_reminder_is_not_held_against_the_member_before_the_day_is_over() -> None:
    reminders = [sent(4), sent(2), sent(0)]

    assert reminders_ignored(member(reminders=reminders), NOW) is None


def test_todays_reminder_answered_ends_the_run() -> None:
    reminders = [sent(6), sent(4), sent(2), sent(0, followed=True)]

    assert reminders_ignored(member(reminders=reminders), NOW) is None


def test_reminders_are_read_in_time_order() -> None:
    reminders = [sent(3), sent(9, followed=True), sent(5), sent(7)]

    assert reminders_ignored(member(reminders=reminders), NOW) is not None


def test_fewer_reminders_than_the_run_are_fine() -> None:
    assert reminders_ignored(member(reminders=[sent(5), sent(3)]), NOW) is None


# --- fortnight drop --------------------------------------------------------------------------


def sessions_on(*days_ago: int) -> list[datetime]:
    return [day(days) for days in days_ago]


EARLIER_FIVE = sessions_on(27, 24, 22, 20, 17)


def test_a_fifth_fewer_sessions_than_the_fortnight_before_needs_the_coach() -> None:
    finding = fortnight_drop(member([*EARLIER_FIVE, *sessions_on(13, 10, 6, 3)]), NOW)

    assert finding is not None
    assert (finding.rule, finding.reason.english()) == (
        "fortnight_drop",
        "Sessions down 20 %: 4 in the 14 days to Sun 29 Mar, 5 in the 14 days before.",
    )


def test_one_fewer_out_of_six_is_under_a_fifth() -> None:
    history = [*EARLIER_FIVE, day(15), *sessions_on(13, 10, 8, 6, 3)]

    assert fortnight_drop(member(history), NOW) is None


def test_todays_sessions_do_not_count_until_the_day_is_over() -> None:
    history = [*EARLIER_FIVE, *sessions_on(13, 10, 6, 3), day(0, hour=8)]

    assert fortnight_drop(member(history), NOW) is not None


def test_no_sessions_in_the_fortnight_before_is_not_a_drop() -> None:
    assert fortnight_drop(member(sessions_on(10, 3)), NOW) is None


# --- ready to progress -----------------------------------------------------------------------
# The three full weeks before today start on Mon 9, Mon 16 and Mon 23 March.


def after_session(days_ago: int, pain: int, kind: CheckInKind = "session") -> CheckIn:
    return CheckIn(day(days_ago, hour=19), pain, kind)


THREE_STEADY_WEEKS = sessions_on(20, 18, 13, 11, 6, 4)


def steady_member(*pains: int, extra: list[CheckIn] | None = None) -> MemberActivity:
    """Two sessions in each of the three weeks, with these after-session scores."""
    days = [20, 18, 13, 11, 6, 4]
    check_ins = [after_session(ago, pain) for ago, pain in zip(days, pains, strict=True)]
    return member(THREE_STEADY_WEEKS, check_ins=[*check_ins, *(extra or [])])


def test_pain_down_by_two_points_over_three_steady_weeks_is_ready_to_progress() -> None:
    finding = ready_to_progress(steady_member(5, 5, 4, 4, 3, 3), NOW)

    assert finding is not None
    assert (finding.rule, finding.reason.english()) == (
        "ready_to_progress",
        "Ready to progress: after-session pain came down from a mean of 5 in the week from"
        " Mon 9 Mar to 3 in the week from Mon 23 Mar, with 2, 2 and 2 sessions in those 3 weeks.",
    )


def test_pain_down_by_30_percent_is_ready_even_under_two_points() -> None:
    assert ready_to_progress(steady_member(5, 5, 4, 4, 3, 4), NOW) is not None


def test_pain_down_by_one_point_is_not_ready() -> None:
    assert ready_to_progress(steady_member(5, 5, 5, 4, 4, 4), NOW) is None


def test_pain_that_stayed_in_the_safe_zone_is_ready() -> None:
    finding = ready_to_progress(steady_member(2, 1, 2, 2, 1, 0), NOW)

    assert finding is not None
    assert finding.reason.english() == (
        "Ready to progress: after-session pain stayed at 3 or less for 3 weeks from Mon 9 Mar,"
        " with 2, 2 and 2 sessions."
    )


def test_a_week_with_one_session_is_not_ready() -> None:
    history = [day(20), *sessions_on(13, 11, 6, 4)]
    check_ins = [after_session(20, 5), after_session(6, 3), after_session(4, 3)]

    assert ready_to_progress(member(history, check_ins=check_ins), NOW) is None


def test_a_pain_flag_in_the_last_week_is_not_ready() -> None:
    flare = [after_session(5, 7, kind="before")]

    assert ready_to_progress(steady_member(5, 5, 4, 4, 3, 3, extra=flare), NOW) is None


def test_no_after_session_scores_in_the_first_week_is_not_ready() -> None:
    check_ins = [after_session(13, 5), after_session(6, 3), after_session(4, 3)]

    assert ready_to_progress(member(THREE_STEADY_WEEKS, check_ins=check_ins), NOW) is None


def test_only_after_session_scores_make_the_weekly_means() -> None:
    low_mornings = [after_session(5, 1, kind="morning"), after_session(3, 1, kind="morning")]

    assert ready_to_progress(steady_member(4, 4, 4, 4, 3, 3, extra=low_mornings), NOW) is None


# --- the digest ------------------------------------------------------------------------------


def test_the_digest_lists_every_finding_in_rule_order() -> None:
    lapsed = member([*EARLIER_FIVE, day(9)], reminders=[sent(7), sent(5), sent(3)])

    assert [finding.rule for finding in digest_findings(lapsed, NOW)] == [
        "no_recent_session",
        "reminders_ignored",
        "fortnight_drop",
    ]


def test_a_member_keeping_up_has_nothing_in_the_digest() -> None:
    keeping_up = member(
        [*EARLIER_FIVE, *sessions_on(13, 10, 8, 6, 3)], reminders=[sent(5, followed=True)]
    )

    assert digest_findings(keeping_up, NOW) == []


def test_the_numbers_come_from_the_thresholds() -> None:
    patient = DEFAULT_ADHERENCE_THRESHOLDS.model_copy(update={"inactive_days": 10})

    assert no_recent_session(member([day(9)]), NOW, patient) is None


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        MemberActivity(LONDON, datetime(2026, 1, 5, 12, 0))
