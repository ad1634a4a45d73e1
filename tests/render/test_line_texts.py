"""The words of the member-coach line: bundles and notices for the coach (with the member mark
a reply is matched by), the line above a coach's answer, and a pain score said back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.render import coach_texts, texts
from bot.render.coach_texts import MESSAGE_LIMIT
from bot.rules.pain_zone import PainZone
from bot.views import (
    AboutCheckIn,
    AboutFormCheck,
    AboutMessage,
    AboutNothing,
    AboutSession,
    LastSession,
    MemberCard,
    MemberContext,
    MemberNotice,
    NoticeEvent,
    RelayView,
    SessionReport,
    SessionSteps,
    StepPlace,
    Subject,
    ThreadLine,
)

AT = datetime(2026, 3, 3, 18, 40, tzinfo=UTC)
MAYA = MemberCard(3, "Maya", "maya", ZoneInfo("Europe/Lisbon"))
ON_A_STEP = MemberContext(
    MAYA,
    "Lower Back Pain Relief, Level 1",
    StepPlace("Strengthening and Lengthening", 4, 20, "Copenhagen Progression"),
    None,
    6,
    AT - timedelta(days=1),
)


def bundle(*lines: tuple[ThreadLine, bool], context: MemberContext = ON_A_STEP) -> str:
    return coach_texts.relay_message(
        RelayView(context, [line for line, _ in lines], [below for _, below in lines])
    )


def said(text: str | None, kind: str = "text", edited: bool = False) -> ThreadLine:
    return ThreadLine(AT, True, kind, text, edited)  # type: ignore[arg-type]


def test_a_bundle_opens_with_the_member_and_their_context() -> None:
    heading, context, *_ = bundle((said("hello"), False)).split("\n")
    assert heading == "💬 Maya (@maya) #3"
    assert context == (
        "Lower Back Pain Relief, Level 1 · now on step 4 of 20 of Strengthening and "
        "Lengthening (Copenhagen Progression) · last pain 6 (Mon 02 Mar)"
    )


def test_the_context_names_the_last_session_when_no_step_is_running() -> None:
    context = MemberContext(MAYA, "Level 1", None, LastSession("Day 2", AT), None, None)
    assert coach_texts.context_line(context) == (
        "Level 1 · last session Tue 03 Mar (Day 2) · no pain score yet"
    )


def test_the_members_words_are_shown_unchanged_with_their_local_time() -> None:
    words = "It twinges.\n  Is that =ok?  "
    assert "\n18:40 It twinges.\n  Is that =ok?  \n" in bundle((said(words), False))


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        (said(None, "voice"), "18:40 🎤 voice note (below)"),
        (said("my mat", "photo"), "18:40 📷 photo (below): my mat"),
        (said("x" * 1500), "18:40 📝 message (below, in full)"),
        (said("more pain", edited=True), "18:40 ✏️ edited: more pain"),
    ],
    ids=["voice note", "photo with caption", "long text", "edit"],
)
def test_each_kind_of_message_has_its_line(line: ThreadLine, shown: str) -> None:
    copied_below = line.kind != "text" or len(line.text or "") > 1000
    assert shown in bundle((line, copied_below)).split("\n")


def test_a_bundle_stays_within_one_telegram_message() -> None:
    lines = [(said("x" * 1000), False) for _ in range(6)]
    assert len(bundle(*lines)) <= MESSAGE_LIMIT


STEPS = SessionSteps(
    session_id=9,
    workout_title="Strengthening and Lengthening",
    started_at=AT,
    finished=True,
    done=17,
    step_count=20,
    skipped=["Crawling"],
    too_hard=["Copenhagen Progression", "Copenhagen Progression"],
)


def test_a_session_names_its_too_hard_and_skipped_exercises_with_their_sets() -> None:
    assert coach_texts.session_outcome(STEPS) == (
        "17 of 20 done · too hard: Copenhagen Progression (2 sets) · skipped: Crawling"
    )


def test_a_session_with_everything_done_says_so() -> None:
    clean = SessionSteps(9, "Day 1", AT, True, 20, 20, [], [])
    assert coach_texts.session_outcome(clean) == "all 20 done"


def test_a_session_left_half_way_says_where_it_stopped() -> None:
    left = SessionSteps(9, "Day 1", AT, False, 3, 20, ["Crawling"], [])
    assert coach_texts.session_outcome(left) == "stopped after 4 of 20 steps · skipped: Crawling"


NOTICES = [
    *(MemberNotice(MAYA, event) for event in ("paused", "resumed", "deleted", "blocked")),
    SessionReport(MAYA, STEPS),
]


@pytest.mark.parametrize("told", NOTICES, ids=lambda told: type(told).__name__)
def test_every_notice_carries_the_member_mark_on_its_first_line(
    told: MemberNotice | SessionReport,
) -> None:
    assert coach_texts.member_mark(coach_texts.notice(told, AT)) == 3


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("💬 Maya (@maya) #3\nmore", 3),
        ("🚨 URGENT: Eve #9 #12", 12),
        ("Flag #12 for Maya acknowledged.", None),
        ("Members (2):\nMaya (@maya) #3", None),
        (None, None),
    ],
    ids=["heading", "a name with a number", "mid-line number", "later line", "no text"],
)
def test_the_member_mark_is_the_number_ending_the_first_line(
    text: str | None, mark: int | None
) -> None:
    assert coach_texts.member_mark(text) == mark


@pytest.mark.parametrize(
    ("subject", "header"),
    [
        (
            AboutMessage("text", "does it   twinge\nat first?", 5),
            'Sam (your coach), answering "does it twinge at first?":',
        ),
        (AboutMessage("voice", None, 5), "Sam (your coach), about your voice note:"),
        (AboutFormCheck("Crawling", 5), "Sam (your coach) on Crawling:"),
        (AboutFormCheck(None, None), "Sam (your coach) on your form check:"),
        (AboutCheckIn(7), "Sam (your coach), about your check-in (pain 7):"),
        (AboutSession("Day 1"), "Sam (your coach), about your session (Day 1):"),
        (AboutNothing(), "Sam (your coach):"),
    ],
    ids=["text", "voice note", "form check", "general form check", "check-in", "session", "none"],
)
def test_a_coachs_answer_names_the_coach_and_what_it_answers(subject: Subject, header: str) -> None:
    assert texts.from_coach("Sam", subject) == header


def test_a_long_message_is_quoted_shortened() -> None:
    header = texts.from_coach("Sam", AboutMessage("text", "word " * 40, 5))
    assert len(header) < 100
    assert header.endswith('…":')


@pytest.mark.parametrize(
    ("pain", "zone"),
    [(0, "none"), (2, "safe"), (5, "acceptable"), (6, "above_acceptable"), (7, "critical")],
)
def test_a_pain_score_is_said_back_by_what_it_means(pain: int, zone: PainZone) -> None:
    words = texts.pain_acknowledgement(pain, zone)
    assert words.startswith(f"{pain}")
    assert not words.lower().startswith("thanks")


def test_a_high_pain_score_tells_the_member_their_coach_will_see_it() -> None:
    assert texts.pain_acknowledgement(7, "critical") == (
        "7 is high: thanks for telling me, your coach will see it."
    )


def test_notice_events_are_the_four_the_coach_hears_about() -> None:
    events: list[NoticeEvent] = ["paused", "resumed", "deleted", "blocked"]
    assert [coach_texts.notice(MemberNotice(MAYA, e), AT).split(":")[0] for e in events] == [
        "⏸ Reminders paused",
        "▶️ Reminders back on",
        "🗑 Erased their data",
        "🚫 Blocked the bot",
    ]


def test_a_members_words_lose_only_their_invisible_characters() -> None:
    shown = bundle((said("pain 2\u202e9 niap\u200b, ok?"), False))
    assert "18:40 pain 29 niap, ok?" in shown.split("\n")
