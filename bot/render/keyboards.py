"""Inline keyboards: what each button says and the callback data it carries."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    WebAppInfo,
)

from bot.render import callbacks as cb
from bot.render import coach_texts, texts
from bot.render.dates import weekday_name
from bot.render.i18n import _
from bot.rules.places import PlaceOption, zone_label
from bot.views import CardStep, MemberCard
from protocols.schema import Protocol

# Offered as buttons; anything else can be typed or shared (see bot.rules.places).
COMMON_ZONES = (
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Sydney",
)
REMINDER_HOURS = (6, 7, 8, 12, 17, 18, 19, 20)


def _button(text: str, callback: cb.Callback) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=cb.encode(callback))


def _pair(text: str, callback: cb.Callback) -> tuple[str, str]:
    """A button of a `CallbackKeyboard`."""
    return text, cb.encode(callback)


def _rows(buttons: Sequence[InlineKeyboardButton], width: int) -> list[list[InlineKeyboardButton]]:
    return [list(buttons[i : i + width]) for i in range(0, len(buttons), width)]


# Settings keyboards take `menu`, the number of the settings question they belong to (see
# bot.render.callbacks): a press from an older question is recognised and changes nothing.


def consent(menu: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.CONSENT_BUTTON(), cb.Consent(menu))]])


def protocols(choices: Iterable[Protocol], menu: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[_button(protocol.title, cb.ChooseProtocol(protocol.name, menu))] for protocol in choices]
    )


def days(chosen: frozenset[int], menu: int) -> InlineKeyboardMarkup:
    day_buttons = [
        _button(("✓ " if day in chosen else "") + weekday_name(day), cb.ToggleDay(day, menu))
        for day in range(7)
    ]
    return InlineKeyboardMarkup(
        [*_rows(day_buttons, 4), [_button(texts.DONE_BUTTON(), cb.DaysChosen(menu))]]
    )


def _time_button(at: time, menu: int) -> InlineKeyboardButton:
    return _button(f"{at:%H:%M}", cb.ChooseTime(at.hour, at.minute, menu))


def hours(menu: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        _rows([_time_button(time(hour), menu) for hour in REMINDER_HOURS], 4)
    )


def half_of_day(morning: time, evening: time, menu: int) -> InlineKeyboardMarkup:
    """'7' typed: 07:00 or 19:00?"""
    return InlineKeyboardMarkup([[_time_button(morning, menu), _time_button(evening, menu)]])


def zones(first: str, menu: int, now: datetime) -> InlineKeyboardMarkup:
    """The suggested zone and the common ones, each shown by its city and offset in force
    `now` ('Los Angeles (UTC-8)', with a real minus sign), never by its id."""
    names = [first, *(zone for zone in COMMON_ZONES if zone != first)]
    buttons = [_button(zone_label(name, now), cb.ChooseZone(name, menu)) for name in names]
    return InlineKeyboardMarkup(_rows(buttons, 2))


def places(options: Sequence[PlaceOption], menu: int) -> InlineKeyboardMarkup:
    """'Portland, Oregon' / 'Portland, Maine': one row each."""
    return InlineKeyboardMarkup(
        [[_button(option.label, cb.ChooseZone(option.zone, menu))] for option in options]
    )


def share_location() -> ReplyKeyboardMarkup:
    """The chat's own button that sends the member's location (private chats only)."""
    button = KeyboardButton(texts.SHARE_LOCATION_BUTTON(), request_location=True)
    return ReplyKeyboardMarkup([[button]], resize_keyboard=True, one_time_keyboard=True)


def no_reply_keyboard() -> ReplyKeyboardRemove:
    """Takes the "Share location" button away once the time zone is known."""
    return ReplyKeyboardRemove()


def settings_menu(menu: int, protocol_locked: bool = False) -> InlineKeyboardMarkup:
    """What a set-up member may change; not the protocol when their coach chose it."""
    protocol = _button(_("Protocol"), cb.Settings("protocol", menu))
    rows = [] if protocol_locked else [[protocol]]
    return InlineKeyboardMarkup(
        [
            *rows,
            [_button(_("Days and time"), cb.Settings("days", menu))],
            [_button(_("Time zone"), cb.Settings("zone", menu))],
            [_button(_("Nothing, all good"), cb.Settings("keep", menu))],
        ]
    )


def start_workout(label: str | None = None) -> InlineKeyboardMarkup:
    """One button that starts today's session (`label`, or "Start today's session")."""
    text = label if label is not None else _("Start today's session")
    return InlineKeyboardMarkup([[_button(text, cb.StartWorkout())]])


def reminder(day: date) -> InlineKeyboardMarkup:
    """The buttons of the reminder of `day` (the member's date): Later moves only that day's."""
    return InlineKeyboardMarkup(
        [[_button(_("Start now"), cb.StartWorkout()), _button(_("Later (1 h)"), cb.Snooze(day))]]
    )


@dataclass(frozen=True, slots=True)
class CallbackKeyboard:
    """Rows of buttons that each carry callback data, as plain values: (label, data) pairs.

    The workout card's buttons are drawn on every press; a card edit sends them as the Bot
    API's JSON (`to_api`, see `bot.sender.edit_text`) without building python-telegram-bot's
    button objects and serialising them again, which costs more than the rest of the card.
    `markup()` gives those objects where a message is sent."""

    rows: Sequence[Sequence[tuple[str, str]]]

    def markup(self) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(text, callback_data=data) for text, data in row]
                for row in self.rows
            ]
        )

    def to_api(self) -> dict[str, list[list[dict[str, str]]]]:
        """The Bot API's InlineKeyboardMarkup object."""
        return {
            "inline_keyboard": [
                [{"text": text, "callback_data": data} for text, data in row] for row in self.rows
            ]
        }


def card(card: CardStep) -> InlineKeyboardMarkup:
    """The card's buttons (see `card_keyboard`)."""
    return card_keyboard(card).markup()


def card_keyboard(card: CardStep) -> CallbackKeyboard:
    """The card's buttons: answers, help, and the timer when the step is timed or resting."""
    session_id, index = card.session_id, card.step.index
    rows = [
        [
            _pair(_("Done"), cb.StepAnswer(session_id, index, "done")),
            _pair(_("Skip"), cb.StepAnswer(session_id, index, "skipped")),
        ],
        [
            _pair(_("Too hard"), cb.TooHard(session_id, index)),
            _pair(_("It hurts"), cb.StepHurts(session_id, index)),
        ],
        [
            _pair(_("How to"), cb.HowTo(session_id, index)),
            _pair(_("Send form video"), cb.StepVideo(session_id, index)),
        ],
    ]
    timer = card.timer
    if timer is not None:
        label = _("Skip rest") if timer.kind == "rest" else _("Stop timer")
        rows.append([_pair(label, cb.StopTimer(session_id, index))])
    else:
        seconds = card.variant.dosage.timed_seconds
        if seconds is not None:
            label = _("Timer {duration}").format(duration=_duration(seconds))
            rows.append([_pair(label, cb.StepTimer(session_id, index))])
    return CallbackKeyboard(rows)


def timer_alert(card: CardStep) -> InlineKeyboardMarkup:
    """The step's answers, on the message that says a timer ended."""
    session_id, index = card.session_id, card.step.index
    return InlineKeyboardMarkup(
        [
            [
                _button(_("Done"), cb.StepAnswer(session_id, index, "done")),
                _button(_("Skip"), cb.StepAnswer(session_id, index, "skipped")),
            ],
            [
                _button(_("Too hard"), cb.TooHard(session_id, index)),
                _button(_("It hurts"), cb.StepHurts(session_id, index)),
            ],
        ]
    )


def how_to(card: CardStep) -> InlineKeyboardMarkup:
    """Behind "How to": switch to the next easier or harder version, or go back."""
    session_id, index = card.session_id, card.step.index
    exercise = card.step.exercise
    switches = [
        _button(
            (_("Easier: {exercise}") if level < card.level else _("Harder: {exercise}")).format(
                exercise=exercise.at_level(level).name
            ),
            cb.ChooseLevel(session_id, index, level),
        )
        for level in (card.level - 1, card.level + 1)
        if level in exercise.levels
    ]
    back = _button(_("Back"), cb.CardBack(session_id, index))
    return InlineKeyboardMarkup([*([button] for button in switches), [back]])


def too_hard_offer(card: CardStep) -> InlineKeyboardMarkup:
    session_id, index = card.session_id, card.step.index
    return InlineKeyboardMarkup(
        [
            [_button(_("Try the easier one"), cb.ChooseLevel(session_id, index, card.level - 1))],
            [_button(_("Skip it today"), cb.TooHardSkip(session_id, index))],
            [_button(_("Back"), cb.CardBack(session_id, index))],
        ]
    )


def hurt_scale(card: CardStep) -> InlineKeyboardMarkup:
    session_id, index = card.session_id, card.step.index
    buttons = [_button(str(score), cb.StepPain(session_id, index, score)) for score in range(11)]
    return InlineKeyboardMarkup(
        [buttons[:6], buttons[6:], [_button(_("Back"), cb.CardBack(session_id, index))]]
    )


def pain_before(session_id: int) -> InlineKeyboardMarkup:
    """The card's first screen: 0 to 10 for the back before the session, or Skip."""
    buttons = [_button(str(score), cb.PainBefore(session_id, score)) for score in range(11)]
    skip = _button(_("Skip"), cb.PainBefore(session_id, None))
    return InlineKeyboardMarkup([buttons[:6], buttons[6:], [skip]])


def pain(session_id: int) -> InlineKeyboardMarkup:
    return _scores(lambda score: cb.PainScore(session_id, score))


def morning_pain(session_id: int) -> InlineKeyboardMarkup:
    """0-10 for the next-morning question about `session_id`."""
    return _scores(lambda score: cb.MorningPain(session_id, score))


def _scores(callback: Callable[[int], cb.Callback]) -> InlineKeyboardMarkup:
    buttons = [_button(str(score), callback(score)) for score in range(11)]
    return InlineKeyboardMarkup([buttons[:6], buttons[6:]])


def no_note(session_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.NO_NOTE_BUTTON(), cb.NoNote(session_id))]])


def confirm_delete(menu: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(texts.DELETE_YES(), cb.ConfirmDelete(True, menu))],
            [_button(texts.DELETE_NO(), cb.ConfirmDelete(False, menu))],
        ]
    )


def flag_actions(
    flag_id: int, member_id: int, answers: Sequence[str] = (), *, held: bool = False
) -> InlineKeyboardMarkup:
    """Acknowledge and Open member, Resume programme when it is held, then one row per quick
    answer (on a new alert)."""
    actions = [
        _button(_("Acknowledge"), cb.AcknowledgeFlag(flag_id)),
        _button(_("Open member"), cb.OpenMember(member_id)),
    ]
    resume_button = _button(_("▶️ Resume programme"), cb.ResumeProgramme(member_id))
    resume = [[resume_button]] if held else []
    return InlineKeyboardMarkup([actions, *resume, *_quick_answer_rows(answers)])


def quick_answers(answers: Sequence[str]) -> InlineKeyboardMarkup | None:
    """One row per quick answer (the coach's configured list), or no keyboard without any."""
    rows = _quick_answer_rows(answers)
    return InlineKeyboardMarkup(rows) if rows else None


def _quick_answer_rows(answers: Sequence[str]) -> list[list[InlineKeyboardButton]]:
    return [
        [_button(answer, cb.QuickAnswer(index, cb.quick_check(answer)))]
        for index, answer in enumerate(answers)
    ]


def _duration(seconds: int) -> str:
    if seconds % 60 == 0:
        return _("{minutes} min").format(minutes=seconds // 60)
    return _("{seconds} s").format(seconds=seconds)


def open_dashboard(url: str) -> InlineKeyboardMarkup:
    """The button that opens the coach's dashboard (a Mini App) inside the chat."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(coach_texts.DASHBOARD_BUTTON(), web_app=WebAppInfo(url))]]
    )


DIGEST_NAME_COLUMNS = 3
"""Member buttons per row under the digest (12 members: four rows)."""


def digest_page(
    window: tuple[int, int],
    page: int,
    pages: int,
    view: int,
    details: int,
    members: Sequence[MemberCard],
    dashboard_url: str | None,
) -> InlineKeyboardMarkup:
    """Under the digest message: a button per member of the page (their /member card), Details
    (or Back to the list and More details), the other pages, and the dashboard when there is
    one. `window` is the digest's (since, until) in seconds since the epoch."""
    since, until = window

    def to(number: int, part: int) -> cb.DigestPage:
        return cb.DigestPage(since, until, number, part, redraw=number != page)

    names = [
        _button(coach_texts.digest_name(member), cb.OpenMember(member.id)) for member in members
    ]
    if view == 0:
        reading = [_button(coach_texts.DIGEST_DETAILS_BUTTON(), to(page, 1))]
    else:
        reading = [_button(coach_texts.DIGEST_LIST_BUTTON(), to(page, 0))]
        if view < details:
            reading.append(_button(coach_texts.DIGEST_MORE_BUTTON(), to(page, view + 1)))
    paging = []
    if page > 1:
        paging.append(
            _button(coach_texts.DIGEST_PREVIOUS_BUTTON.format(page=page - 1), to(page - 1, 0))
        )
    if page < pages:
        paging.append(
            _button(coach_texts.DIGEST_NEXT_BUTTON.format(page=page + 1), to(page + 1, 0))
        )
    rows = [*_rows(names, DIGEST_NAME_COLUMNS), reading]
    if paging:
        rows.append(paging)
    if dashboard_url:
        rows.append(
            [
                InlineKeyboardButton(
                    coach_texts.DASHBOARD_BUTTON(), web_app=WebAppInfo(dashboard_url)
                )
            ]
        )
    return InlineKeyboardMarkup(rows)


def screening(question: str) -> InlineKeyboardMarkup:
    """Yes / No to an onboarding question of the red-flag screen."""
    return _yes_no(cb.ScreeningAnswer(question, True), cb.ScreeningAnswer(question, False))


def follow_up(report_id: int) -> InlineKeyboardMarkup:
    """Yes / No to the red-flag follow-up question after check-in `report_id`."""
    return _yes_no(cb.FollowUpAnswer(report_id, True), cb.FollowUpAnswer(report_id, False))


def _yes_no(yes: cb.Callback, no: cb.Callback) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(texts.YES(), yes), _button(texts.NO(), no)]])
