"""Workout sessions on one card: which workout is due, starting it, the pain before it,
answering steps, choosing an easier or harder variant, "It hurts", finishing.

Each public function is one unit of work (one transaction) and returns a plain result that
`bot.handlers.workout` turns into an edit of the card. Progress is written after every step,
so a restart resumes exactly where the member was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.local_time import week_bounds
from bot.rules.timers import Timer, rest_timer
from bot.rules.weekly_cap import (
    DoneSession,
    WorkoutChoice,
    choose_workout,
    week_counts,
    workout_caps,
)
from bot.services import checkins, demo_clips
from bot.services.views import member_card
from bot.services.workout_summary import summary_of, workout_of, workout_steps
from bot.views import CardStep, DemoClipRef, SessionSummary, TooHardNote
from protocols.expand import Step
from protocols.schema import Protocol, Variant, Workout
from storage import repository
from storage.awaiting import AwaitPain, AwaitVideo
from storage.models import (
    Member,
    SessionStatus,
    StepOutcome,
    WorkoutSession,
)


@dataclass(frozen=True)
class Started:
    """A new session began: its card's first screen shows the plan and asks how the back
    feels before the session; `card` is the first step, shown after that tap."""

    card: CardStep
    choice: WorkoutChoice


@dataclass(frozen=True)
class Begun:
    """The pain before the session was tapped (or skipped): the card shows the first step."""

    card: CardStep
    card_message_id: int | None
    pain: int | None
    demo: DemoClipRef | None
    """The first exercise's demo clip."""
    checked: checkins.CheckedIn | None
    """What the pain rules made of the score (flags for the coach), when there was one."""


@dataclass(frozen=True)
class TooSoreToStart:
    """The pain before the session is severe: the programme is held (a red flag, the coach is
    alerted) and the session ends before it began (`checked.stopped`)."""

    checked: checkins.CheckedIn


@dataclass(frozen=True)
class Resumed:
    """A session was already running: its card is sent again at the current step."""

    card: CardStep
    old_message_id: int | None
    """The card shown before (its buttons are taken away)."""
    alert_message_id: int | None
    """A "time's up" message still on screen (it goes too)."""


@dataclass(frozen=True)
class WeekComplete:
    """Every workout is at its weekly cap: (done, cap) per workout key."""

    counts: dict[str, tuple[int, int]]
    protocol: Protocol


@dataclass(frozen=True)
class Held:
    """A red flag holds the member's programme until their coach resumes it."""

    zone: ZoneInfo


@dataclass(frozen=True)
class NotEnrolled:
    """The member has not finished setting up."""


@dataclass(frozen=True)
class Advanced:
    """A step was answered; the card moves to `next`, or becomes `summary` when the session
    ended."""

    answered: CardStep
    outcome: StepOutcome
    next: CardStep | None
    summary: SessionSummary | None
    card_message_id: int | None
    alert_message_id: int | None
    """A "time's up" message for the answered step, to delete."""
    demo: DemoClipRef | None = None
    """The next exercise's demo clip, the first time it comes up in the session."""
    coach_note: TooHardNote | None = None
    finished_by: int | None = None
    """The member whose session this answer finished (their next-morning question is due)."""


@dataclass(frozen=True)
class Stale:
    """The button belongs to a session that is over, or to no session of this member."""


@dataclass(frozen=True)
class AlreadyAnswered:
    """That step was answered before (an old button or a double tap)."""

    current: CardStep


@dataclass(frozen=True)
class OfferEasier:
    """ "Too hard" on an exercise with an easier variant: offer it on the card."""

    card: CardStep
    easier: Variant
    coach_note: TooHardNote | None
    """Set when the protocol asks to tell the coach (once per session and exercise)."""


@dataclass(frozen=True)
class LevelChosen:
    """The member switched the exercise to another variant; the card shows the same step."""

    card: CardStep
    card_message_id: int | None
    previous: int
    """The level the exercise was done at before."""


@dataclass(frozen=True)
class Hurt:
    """ "It hurts" with a pain score: the step is stopped, the score went through the pain
    rules, and the session goes on (or ended when the member must stop)."""

    advanced: Advanced
    exercise: str
    pain: int
    checked: checkins.CheckedIn


StartResult = Started | Resumed | WeekComplete | Held | NotEnrolled
BeforeResult = Begun | TooSoreToStart | Stale | AlreadyAnswered
AnswerResult = Advanced | Stale | AlreadyAnswered
TooHardResult = OfferEasier | Advanced | Stale | AlreadyAnswered
HurtResult = Hurt | Stale | AlreadyAnswered


async def done_sessions(
    session: AsyncSession, member_id: int, zone: ZoneInfo, now: datetime
) -> list[DoneSession]:
    """This week's finished sessions, plus the last one ever (it decides the alternation)."""
    start, end = week_bounds(now, zone)
    rows = [
        row
        for row in await repository.sessions.started_between(session, member_id, start, end)
        if row.status == SessionStatus.FINISHED and row.finished_at is not None
    ]
    last = await repository.sessions.last_finished(session, member_id)
    if last is not None and all(row.id != last.id for row in rows):
        rows.append(last)
    return [DoneSession(row.workout_key, row.finished_at) for row in rows if row.finished_at]


def stored_timer(row: WorkoutSession) -> Timer | None:
    """The timer kept on the session row, if one is running."""
    if (
        row.timer_kind is None
        or row.timer_step is None
        or row.timer_starts_at is None
        or row.timer_ends_at is None
    ):
        return None
    return Timer(row.timer_kind.value, row.timer_step, row.timer_starts_at, row.timer_ends_at)


def card_at(row: WorkoutSession, workout: Workout, index: int, levels: dict[str, int]) -> CardStep:
    """The card of session `row` at step `index` (with the row's timer when it is this step's)."""
    steps = workout_steps(workout)
    step = steps[index]
    timer = stored_timer(row)
    return CardStep(
        session_id=row.id,
        workout=workout,
        step=step,
        step_count=len(steps),
        level=levels.get(step.exercise.label, 0),
        timer=timer if timer is not None and timer.step_index == index else None,
    )


async def card_now(
    services: BotServices, session: AsyncSession, row: WorkoutSession
) -> CardStep | None:
    """The card of a running session at its current step (inside the caller's unit of work)."""
    workout = workout_of(services, row)
    if workout is None or not 0 <= row.current_step < len(workout_steps(workout)):
        return None
    levels = await repository.exercise_levels.for_protocol(session, row.member_id, row.protocol)
    return card_at(row, workout, row.current_step, levels)


async def current_step(
    services: BotServices, session: AsyncSession, member_id: int
) -> CardStep | None:
    """The card of the member's running session, if any (inside the caller's unit of work)."""
    row = await repository.sessions.open_for(session, member_id)
    return await card_now(services, session, row) if row is not None else None


async def _demo_for(
    services: BotServices, session: AsyncSession, card: CardStep
) -> DemoClipRef | None:
    """The demo clip to show with this card: only at the exercise's first set of the session."""
    if not card.first_time:
        return None
    return await demo_clips.clip_for(services, session, card.variant)


async def start_or_resume(services: BotServices, user_id: int, now: datetime) -> StartResult:
    """Resume the session in progress, or start the workout that is due now."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return NotEnrolled()
        if member.held_since is not None:
            return Held(member.time_zone)
        open_row = await repository.sessions.open_for(session, member.id)
        if open_row is not None:
            card = await card_now(services, session, open_row)
            if card is not None:
                await repository.sessions.set_alert(session, open_row.id, None)
                return Resumed(card, open_row.step_message_id, open_row.alert_message_id)
            await repository.sessions.abandon(session, open_row.id, now=now)
        enrolment = await repository.enrolments.active(session, member.id)
        protocol = services.protocol(enrolment.protocol) if enrolment else None
        if enrolment is None or protocol is None or member.onboarded_at is None:
            return NotEnrolled()
        zone = member.time_zone
        done = await done_sessions(session, member.id, zone, now)
        choice = choose_workout(workout_caps(protocol), done, now, zone)
        if choice is None:
            return WeekComplete(week_counts(protocol, done, now, zone), protocol)
        row = await repository.sessions.start(
            session, member.id, protocol=protocol.name, workout_key=choice.key, now=now
        )
        card = await card_now(services, session, row)
        assert card is not None, "a protocol's workout always has steps"
        return Started(card, choice)


async def pain_before(
    services: BotServices, user_id: int, session_id: int, pain: int | None, now: datetime
) -> BeforeResult:
    """Keep how the back feels before the session (None: skipped), as a check-in of kind
    "before" read by the pain rules, and show the first step. A severe score is a red flag:
    the programme is held and the session ends before it starts. Once the first step is
    answered, or a score is kept, the question is over."""
    async with services.database.transaction() as session:
        pressed = await _pressed(services, session, user_id, session_id, 0)
        if not isinstance(pressed, _Pressed):
            return pressed
        checked = None
        if pain is not None:
            member = await _member(session, pressed)
            if member is None:
                return Stale()
            checked = await checkins.pain_before_session(
                services, session, member, session_id, pain, now
            )
            if checked is None:
                return AlreadyAnswered(pressed.card)
            if checked.urgent is not None:
                return TooSoreToStart(checked)
        card = pressed.card
        demo = await _demo_for(services, session, card)
        return Begun(card, pressed.row.step_message_id, pain, demo, checked)


async def card_shown(services: BotServices, session_id: int, message_id: int) -> None:
    """Note which message is the session's card, so every press edits it."""
    async with services.database.transaction() as session:
        await repository.sessions.show_card(session, session_id, message_id)


@dataclass(frozen=True)
class _Pressed:
    """A press on the current step of the member's running session, checked."""

    row: WorkoutSession
    workout: Workout
    levels: dict[str, int]
    answered: frozenset[int]
    """Steps from the current one on that already have an answer."""

    @property
    def card(self) -> CardStep:
        return card_at(self.row, self.workout, self.row.current_step, self.levels)


async def _pressed(
    services: BotServices,
    session: AsyncSession,
    user_id: int,
    session_id: int,
    step_index: int,
) -> _Pressed | Stale | AlreadyAnswered:
    """The member's running session if the press names it and its current step (one
    statement: see `repository.sessions.for_press`)."""
    found = await repository.sessions.for_press(session, session_id, user_id)
    if found is None:
        return Stale()
    row = found.row
    workout = workout_of(services, row) if row.status == SessionStatus.IN_PROGRESS else None
    if workout is None or not 0 <= row.current_step < len(workout_steps(workout)):
        return Stale()
    pressed = _Pressed(row, workout, found.levels, found.answered)
    if step_index != row.current_step:
        return AlreadyAnswered(pressed.card)
    return pressed


async def _member(session: AsyncSession, pressed: _Pressed) -> Member | None:
    """The member who pressed (for the units of work that need more than their id)."""
    return await repository.members.get(session, pressed.row.member_id)


async def card_for_press(
    services: BotServices, user_id: int, session_id: int, step_index: int
) -> CardStep | None:
    """The card, if the press names the member's current step (How to, Back, ...); else None."""
    async with services.database.read() as session:
        pressed = await _pressed(services, session, user_id, session_id, step_index)
    return pressed.card if isinstance(pressed, _Pressed) else None


def _starts_a_round(answered: Step, following: Step) -> bool:
    """Whether `following` begins a new round of the same superset or circuit."""
    if following.block is not answered.block or following.block.kind == "single":
        return False
    if following.block.kind == "circuit":
        return following.round_number != answered.round_number
    return following.set_number != answered.set_number


async def _answer(
    services: BotServices,
    session: AsyncSession,
    pressed: _Pressed,
    outcome: StepOutcome,
    now: datetime,
    *,
    coach_note: TooHardNote | None = None,
) -> Advanced | AlreadyAnswered:
    """Record the answer to the current step, stop its timer, and move the card on: to the
    next step (with rest first when a new round begins), or to the summary. Two statements
    on the way to the next step: the answer, and the move (timer and "time's up" message
    forgotten, rest started) in one UPDATE."""
    row, workout = pressed.row, pressed.workout
    answered = pressed.card
    index = row.current_step
    if index in pressed.answered or not await repository.sessions.record_step(
        session, row.id, index, outcome, now=now, level=answered.level
    ):
        return AlreadyAnswered(answered)
    alert = row.alert_message_id
    card_message_id = row.step_message_id
    steps = workout_steps(workout)
    next_index = index + 1
    while next_index in pressed.answered:  # sets already settled (an exercise that hurt)
        next_index += 1
    if next_index < len(steps):
        following = steps[next_index]
        rest = following.block.rest_seconds
        timer = None
        if rest is not None and _starts_a_round(steps[index], following):
            timer = rest_timer(next_index, rest, now)
        await repository.sessions.move_to(
            session,
            row.id,
            next_index,
            rest=(timer.starts_at, timer.ends_at) if timer is not None else None,
        )
        next_card = CardStep(
            session_id=row.id,
            workout=workout,
            step=following,
            step_count=len(steps),
            level=pressed.levels.get(following.exercise.label, 0),
            timer=timer,
        )
        return Advanced(
            answered,
            outcome,
            next_card,
            None,
            card_message_id,
            alert,
            await _demo_for(services, session, next_card),
            coach_note,
        )
    await repository.sessions.finish(session, row.id, now=now)
    if alert is not None:
        await repository.sessions.set_alert(session, row.id, None)
    await repository.members.set_awaiting(session, row.member_id, AwaitPain(row.id))
    summary = await summary_of(session, row, workout, now)
    return Advanced(
        answered,
        outcome,
        None,
        summary,
        card_message_id,
        alert,
        None,
        coach_note,
        finished_by=row.member_id,
    )


async def answer_step(
    services: BotServices,
    telegram_user_id: int,
    session_id: int,
    step_index: int,
    outcome: StepOutcome,
    now: datetime,
) -> AnswerResult:
    """Record the answer of the member who pressed the button and move on; stale, repeated
    or someone else's answers change nothing. The last answer finishes the session and
    leaves the member awaiting the pain score (one transaction for all of it), then plans
    the next morning's pain question."""
    async with services.database.transaction() as session:
        pressed = await _pressed(services, session, telegram_user_id, session_id, step_index)
        if not isinstance(pressed, _Pressed):
            return pressed
        result = await _answer(services, session, pressed, outcome, now)
    await _plan_morning_check(services, result)
    return result


async def _plan_morning_check(services: BotServices, result: object) -> None:
    """After a unit of work that finished a session: plan the next morning's pain question."""
    finished_by = result.finished_by if isinstance(result, Advanced) else None
    if finished_by is not None and services.reminders is not None:
        await services.reminders.plan_morning_check(finished_by)


async def _first_too_hard(session: AsyncSession, pressed: _Pressed, exercise_label: str) -> bool:
    """No set of this exercise was found too hard earlier in the session."""
    steps = workout_steps(pressed.workout)
    results = await repository.sessions.step_results(session, pressed.row.id)
    return not any(
        r.outcome == StepOutcome.TOO_HARD and steps[r.step_index].exercise.label == exercise_label
        for r in results
        if r.step_index < len(steps)
    )


async def too_hard(
    services: BotServices, user_id: int, session_id: int, step_index: int, now: datetime
) -> TooHardResult:
    """ "Too hard": offer the next easier variant when there is one; otherwise record the
    answer, move on, and ask the coach for an easier version (once per session and
    exercise). A protocol that asks to hear about it tells the coach either way."""
    async with services.database.transaction() as session:
        pressed = await _pressed(services, session, user_id, session_id, step_index)
        if not isinstance(pressed, _Pressed):
            return pressed
        card = pressed.card
        exercise = card.step.exercise
        easier_level = card.level - 1
        has_easier = easier_level in exercise.levels
        note = None
        if (exercise.tell_coach_if_too_hard or not has_easier) and await _first_too_hard(
            session, pressed, exercise.label
        ):
            member = await _member(session, pressed)
            if member is None:
                return Stale()
            note = TooHardNote(
                member_card(member),
                card.variant.name,
                pressed.workout.title,
                session_id,
                exercise.at_level(easier_level).name if has_easier else None,
            )
        if has_easier:
            return OfferEasier(card, exercise.at_level(easier_level), note)
        result = await _answer(
            services, session, pressed, StepOutcome.TOO_HARD, now, coach_note=note
        )
    await _plan_morning_check(services, result)
    return result


async def choose_level(
    services: BotServices,
    user_id: int,
    session_id: int,
    step_index: int,
    level: int,
    now: datetime,
) -> LevelChosen | Stale | AlreadyAnswered:
    """Do this exercise at `level` from this set on, and in every later session."""
    async with services.database.transaction() as session:
        pressed = await _pressed(services, session, user_id, session_id, step_index)
        if not isinstance(pressed, _Pressed):
            return pressed
        exercise = pressed.card.step.exercise
        if level not in exercise.levels:
            return Stale()
        await repository.exercise_levels.choose(
            session, pressed.row.member_id, pressed.row.protocol, exercise.label, level, now=now
        )
        previous = pressed.card.level
        pressed.levels[exercise.label] = level
        return LevelChosen(pressed.card, pressed.row.step_message_id, previous)


async def step_hurts(
    services: BotServices, user_id: int, session_id: int, step_index: int, pain: int, now: datetime
) -> HurtResult:
    """ "It hurts" and a pain score: stop the step (and this exercise's other sets today), put
    the score through the check-in's pain rules, and move on; when the member must stop, the
    session ends here."""
    async with services.database.transaction() as session:
        pressed = await _pressed(services, session, user_id, session_id, step_index)
        if not isinstance(pressed, _Pressed):
            return pressed
        card = pressed.card
        member = await _member(session, pressed)
        if member is None:
            return Stale()
        checked = await checkins.pain_during_workout(
            services, session, member, session_id, step_index, pain, now
        )
        steps = workout_steps(pressed.workout)
        label = card.step.exercise.label
        for later in steps[step_index + 1 :]:
            if later.exercise.label == label:
                await repository.sessions.record_step(
                    session, session_id, later.index, StepOutcome.SKIPPED, now=now
                )
        if checked.urgent is not None:
            # The red flag ended the session (`checked.stopped`); its card becomes this
            # summary, which counts the step that hurt.
            checked = replace(checked, stopped=None)
            await repository.sessions.record_step(
                session, session_id, step_index, StepOutcome.HURT, now=now, level=card.level
            )
            summary = await summary_of(session, pressed.row, pressed.workout, now, stopped=True)
            advanced = Advanced(
                card,
                StepOutcome.HURT,
                None,
                summary,
                pressed.row.step_message_id,
                pressed.row.alert_message_id,
            )
        else:
            answered = await _answer(services, session, pressed, StepOutcome.HURT, now)
            if isinstance(answered, AlreadyAnswered):
                return answered
            advanced = answered
    await _plan_morning_check(services, advanced)
    return Hurt(advanced, card.variant.name, pain, checked)


async def film_step(
    services: BotServices, user_id: int, session_id: int, step_index: int
) -> CardStep | None:
    """The member wants to film a step of their running session: their next video belongs to
    it. The step, or None when the button is stale."""
    async with services.database.transaction() as session:
        pressed = await _pressed(services, session, user_id, session_id, step_index)
        if not isinstance(pressed, _Pressed):
            return None
        await repository.members.set_awaiting(
            session, pressed.row.member_id, AwaitVideo(session_id, step_index)
        )
        return pressed.card
