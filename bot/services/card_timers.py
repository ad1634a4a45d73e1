"""Timers on the workout card, as units of work: a hold the member starts, stopping a timer or
skipping rest, a timer's end, and every running timer at start-up.

The timer itself (its kind, step, start and end) is kept on the session row, so a restart
plans it again (`bot.jobs.timers`); answering the step clears it (`bot.services.workouts`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.timers import Timer, TimerKindName, hold_timer
from bot.services import workouts
from bot.views import CardStep
from storage import repository
from storage.models import Member, TimerKind, WorkoutSession


@dataclass(frozen=True)
class TimerTarget:
    """A card (with its timer, if one runs) and where it is shown."""

    user_id: int
    chat_id: int
    card_message_id: int | None
    card: CardStep


@dataclass(frozen=True)
class TimerEnded:
    """A timer ran out: the card, its timer gone, and what the timer timed."""

    target: TimerTarget
    kind: TimerKindName


async def _current(
    services: BotServices, session: AsyncSession, user_id: int, session_id: int, step_index: int
) -> tuple[Member, WorkoutSession, CardStep] | None:
    member = await repository.members.by_user_id(session, user_id)
    row = await repository.sessions.get(session, session_id)
    if member is None or row is None or row.member_id != member.id:
        return None
    card = await workouts.card_now(services, session, row)
    if card is None or card.step.index != step_index:
        return None
    return member, row, card


async def start_hold(
    services: BotServices, user_id: int, session_id: int, step_index: int, now: datetime
) -> TimerTarget | None:
    """Start the hold timer of the member's current step (it replaces any other timer);
    None when the press is stale or the step is not timed."""
    async with services.database.transaction() as session:
        current = await _current(services, session, user_id, session_id, step_index)
        if current is None:
            return None
        member, row, card = current
        seconds = card.variant.dosage.timed_seconds
        if seconds is None:
            return None
        timer = hold_timer(step_index, seconds, now)
        await repository.sessions.set_timer(
            session,
            session_id,
            TimerKind.HOLD,
            step_index,
            starts_at=timer.starts_at,
            ends_at=timer.ends_at,
        )
        return TimerTarget(user_id, member.chat_id, row.step_message_id, replace(card, timer=timer))


async def stop(
    services: BotServices, user_id: int, session_id: int, step_index: int
) -> TimerTarget | None:
    """Stop the timer of the member's current step ("Stop timer", "Skip rest"); None when
    the press is stale."""
    async with services.database.transaction() as session:
        current = await _current(services, session, user_id, session_id, step_index)
        if current is None:
            return None
        member, row, card = current
        await repository.sessions.clear_timer(session, session_id)
        return TimerTarget(user_id, member.chat_id, row.step_message_id, replace(card, timer=None))


async def ended(services: BotServices, session_id: int, timer: Timer) -> TimerEnded | None:
    """`timer` ran out: clear it, if it is still the session's timer (it may have been
    answered, stopped or replaced meanwhile: then None)."""
    async with services.database.transaction() as session:
        row = await repository.sessions.get(session, session_id)
        if row is None or workouts.stored_timer(row) != timer:
            return None
        member = await repository.members.get(session, row.member_id)
        card = await workouts.card_now(services, session, row)
        await repository.sessions.clear_timer(session, session_id)
        if member is None or card is None:
            return None
        target = TimerTarget(
            member.telegram_user_id, member.chat_id, row.step_message_id, replace(card, timer=None)
        )
        return TimerEnded(target, timer.kind)


async def alert_sent(services: BotServices, session_id: int, message_id: int) -> None:
    """Remember the "time's up" message, so answering the step deletes it."""
    async with services.database.transaction() as session:
        await repository.sessions.set_alert(session, session_id, message_id)


async def running(services: BotServices) -> list[TimerTarget]:
    """Every timer running on a card (at start-up, to plan them again)."""
    targets = []
    async with services.database.transaction() as session:
        for row, member in await repository.sessions.with_timers(session):
            card = await workouts.card_now(services, session, row)
            if card is None or card.timer is None:
                await repository.sessions.clear_timer(session, row.id)
                continue
            targets.append(
                TimerTarget(member.telegram_user_id, member.chat_id, row.step_message_id, card)
            )
    return targets
