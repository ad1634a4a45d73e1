"""Callback data: every button's data reads back as what it was, within Telegram's 64 bytes,
and anything stale, malformed or forged reads as nothing."""

from __future__ import annotations

from datetime import date

import pytest

from bot.render import callbacks as cb

EVERY_KIND: list[cb.Callback] = [
    cb.Consent(0),
    cb.ChooseProtocol("lower-back-pain-relief-lvl1", 2_147_483_647),
    cb.ToggleDay(6, 3),
    cb.DaysChosen(3),
    cb.ChooseTime(23, 0, 4),
    cb.ChooseTime(6, 30, 4),
    cb.ChooseTime(0, 5, 4),
    cb.ChooseZone("America/Argentina/Buenos_Aires", 2_147_483_647),
    cb.StartWorkout(),
    cb.StepAnswer(12, 3, "done"),
    cb.StepAnswer(12, 3, "skipped"),
    cb.StepAnswer(12, 3, "too_hard"),
    cb.StepVideo(12, 0),
    cb.StepTimer(12, 19),
    cb.PainScore(12, 0),
    cb.PainScore(12, 10),
    cb.MorningPain(12, 0),
    cb.MorningPain(12, 10),
    cb.NoNote(12),
    cb.Settings("protocol", 9),
    cb.Settings("keep", 9),
    cb.ConfirmDelete(True, 10),
    cb.ConfirmDelete(False, 10),
    cb.Snooze(date(2026, 11, 27)),
    cb.AcknowledgeFlag(7),
    cb.OpenMember(3),
    cb.ResumeProgramme(3),
    cb.ScreeningAnswer("saddle", True),
    cb.ScreeningAnswer("bladder_bowel", False),
    cb.FollowUpAnswer(12, True),
    cb.FollowUpAnswer(12, False),
    cb.QuickAnswer(0, "0f3a"),
    cb.QuickAnswer(5, cb.quick_check("Rest 2 days")),
    cb.DigestPage(1_773_079_200, 1_773_165_601, 1, 0, redraw=True),
    cb.DigestPage(1_773_079_200, 1_773_165_601, 4, 3, redraw=False),
    cb.DigestPage(99_999_999_999, 99_999_999_999, 2_147_483_647, 2_147_483_647, redraw=False),
]


@pytest.mark.parametrize("callback", EVERY_KIND, ids=repr)
def test_every_button_reads_back_as_what_it_was(callback: cb.Callback) -> None:
    assert cb.decode(cb.encode(callback)) == callback


@pytest.mark.parametrize("callback", EVERY_KIND, ids=repr)
def test_every_button_fits_telegrams_64_bytes(callback: cb.Callback) -> None:
    assert len(cb.encode(callback).encode()) <= 64


def test_data_carries_the_version_first() -> None:
    assert cb.encode(cb.Snooze(date(2026, 11, 27))).startswith(f"{cb.VERSION}:")


def test_a_protocol_name_too_long_for_a_button_is_refused_when_encoding() -> None:
    with pytest.raises(ValueError, match="64 bytes"):
        cb.encode(cb.ChooseProtocol("x" * 70, 0))


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "0:snz:20261127",  # a button from an older release
        "2:snz:20261127",  # or a newer one
        "1:snz",  # a reminder's button from before it named its day
        "1:snz:20261131",  # no such day
        "1:snz:2026-11-27",
        "1:nope",
        "1:snz:extra",
        "1:s:12:3:x",  # no such outcome
        "1:s:12:three:d",
        "1:s:0:3:d",  # ids start at 1
        "1:s:-1:3:d",
        "1:s:\uff11\uff12:3:d",  # full-width digits
        "1:pn:12:11",  # pain above 10
        "1:day:7:1",  # no eighth weekday
        "1:at:2400:1",
        "1:at:0660:1",
        "1:at:630:1",
        "1:set:everything:1",
        "1:del:maybe:1",
        "1:tz:Europe/London;drop:1",
        "1:ok",  # a settings button from before settings questions were numbered
        "1:hr:7",
        "1:tz:Europe/London",
        "1:del:y",
        "1:ok:-1",
        "1:ok:2147483648",
        "1:ack:1234567890123",  # longer than any id the bot hands out
        "1:scr:follow_up:y",  # the follow-up question has its own buttons
        "1:scr:lottery:y",  # no such question
        "1:scr:saddle:maybe",
        "1:fu:12:maybe",
        "1:fu:0:y",
        "1:qa:0:0F3A",  # the check is lower-case hex
        "1:qa:0:0f3",
        "1:qa:10:0f3a",  # no more than ten quick answers
        "1:qa:-1:0f3a",
        "1:dg:1773079200:1773165601:1:0",  # whether the image changes is missing
        "1:dg:1773079200:1773165601:1:0:x",
        "1:dg:1773079200:1773165601:-1:0:p",
        "1:dg:1773079200:1773165601:1:-1:c",
        "1:dg:177307920000:1773165601:1:0:c",  # beyond any date a digest has
        "1:dg:-1773079200:1773165601:1:0:c",
        "1:dg:1773079200.5:1773165601:1:0:c",
    ],
)
def test_stale_malformed_or_forged_data_reads_as_nothing(data: str | None) -> None:
    assert cb.decode(data) is None


def test_a_quick_answers_check_changes_with_its_words() -> None:
    assert cb.quick_check("Rest 2 days") == cb.quick_check("Rest 2 days")
    assert cb.quick_check("Rest 2 days") != cb.quick_check("Rest 3 days")
