"""Every read and write the bot makes, as plain async functions taking an `AsyncSession` first.

The caller owns the transaction (`Database.transaction()`): these functions flush but never
commit. Times are passed in (`now=...`, from the bot's clock) and must be aware; they come
back as aware UTC. Writes that a double tap or a second scheduler could repeat are made
idempotent in the database (unique constraints with INSERT ... ON CONFLICT), not by
reading first.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from storage.models import (
    Base,
    Enrolment,
    Flag,
    FlagKind,
    FormCheck,
    FormCheckKind,
    Member,
    ReminderKind,
    ReminderSent,
    SessionStatus,
    StepOutcome,
    StepResult,
    SymptomReport,
    WorkoutSession,
)


def _insert(session: AsyncSession, model: type[Base]) -> postgresql.Insert | sqlite.Insert:
    """The dialect's INSERT, which knows ON CONFLICT (both backends spell it the same)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


# --- members ---------------------------------------------------------------------------------


async def get_member(session: AsyncSession, member_id: int) -> Member | None:
    return await session.get(Member, member_id)


async def get_member_by_user_id(session: AsyncSession, telegram_user_id: int) -> Member | None:
    return await session.scalar(select(Member).where(Member.telegram_user_id == telegram_user_id))


async def get_member_by_chat_id(session: AsyncSession, chat_id: int) -> Member | None:
    """The member who talks to the bot in this (private) chat."""
    return await session.scalar(select(Member).where(Member.chat_id == chat_id).limit(1))


async def upsert_member(
    session: AsyncSession,
    *,
    telegram_user_id: int,
    chat_id: int,
    name: str,
    username: str | None,
    time_zone: str,
    now: datetime,
) -> Member:
    """The member for this Telegram user, created on first contact, never duplicated.

    On a repeat (/start again) the chat, name and username are refreshed and the member is
    marked reachable again (`inactive=False`: they are talking to the bot, so not blocking
    it); their time zone, consent and pause are kept.
    """
    insert = _insert(session, Member).values(
        telegram_user_id=telegram_user_id,
        chat_id=chat_id,
        name=name,
        username=username,
        time_zone=time_zone,
        paused=False,
        inactive=False,
        created_at=now,
    )
    upsert = insert.on_conflict_do_update(
        index_elements=[Member.telegram_user_id],
        set_={
            Member.chat_id: insert.excluded.chat_id,
            Member.name: insert.excluded.name,
            Member.username: insert.excluded.username,
            Member.inactive: False,
        },
    ).returning(Member)
    result = await session.scalars(upsert, execution_options={"populate_existing": True})
    return result.one()


async def _update_member(session: AsyncSession, member_id: int, **values: Any) -> None:
    await session.execute(update(Member).where(Member.id == member_id).values(**values))


async def set_consent(session: AsyncSession, member_id: int, consent_at: datetime | None) -> None:
    """Record when the member consented (None withdraws consent)."""
    await _update_member(session, member_id, consent_at=consent_at)


async def set_onboarded(session: AsyncSession, member_id: int, onboarded_at: datetime) -> None:
    """The member answered every set-up question: reminders may start."""
    await _update_member(session, member_id, onboarded_at=onboarded_at)


async def set_time_zone(session: AsyncSession, member_id: int, time_zone: str) -> None:
    await _update_member(session, member_id, time_zone=time_zone)


async def set_awaiting(session: AsyncSession, member_id: int, awaiting: str | None) -> None:
    """Remember which free-text reply the bot waits for, e.g. "pain_note:12" (None: nothing)."""
    await _update_member(session, member_id, awaiting=awaiting)


async def set_paused(session: AsyncSession, member_id: int, paused: bool) -> None:
    await _update_member(session, member_id, paused=paused)


async def set_inactive(session: AsyncSession, member_id: int, inactive: bool) -> None:
    """Mark whether the member blocked the bot (no messages are sent while inactive)."""
    await _update_member(session, member_id, inactive=inactive)


async def list_members(session: AsyncSession) -> list[Member]:
    """Every member by name, with `active_enrolment` and `open_flags` loaded (3 queries)."""
    result = await session.scalars(
        select(Member)
        .options(selectinload(Member.active_enrolment), selectinload(Member.open_flags))
        .order_by(Member.name, Member.id)
    )
    return list(result)


async def delete_member(session: AsyncSession, member_id: int) -> bool:
    """Remove the member and every row of theirs (database cascade); False if unknown."""
    member = await session.get(Member, member_id)
    if member is None:
        return False
    await session.delete(member)
    await session.flush()
    return True


async def export_member(session: AsyncSession, member_id: int) -> dict[str, Any] | None:
    """All the member's data as JSON-ready lists of rows, keyed by table name; None if unknown.

    Times are ISO 8601 strings (UTC), weekday sets sorted lists, enums their values.
    """
    member = await session.get(Member, member_id)
    if member is None:
        return None
    session_ids = select(WorkoutSession.id).where(WorkoutSession.member_id == member_id)
    queries: dict[str, Select[Any]] = {
        Enrolment.__tablename__: select(Enrolment)
        .where(Enrolment.member_id == member_id)
        .order_by(Enrolment.id),
        WorkoutSession.__tablename__: select(WorkoutSession)
        .where(WorkoutSession.member_id == member_id)
        .order_by(WorkoutSession.id),
        StepResult.__tablename__: select(StepResult)
        .where(StepResult.session_id.in_(session_ids))
        .order_by(StepResult.id),
        SymptomReport.__tablename__: select(SymptomReport)
        .where(SymptomReport.member_id == member_id)
        .order_by(SymptomReport.id),
        Flag.__tablename__: select(Flag).where(Flag.member_id == member_id).order_by(Flag.id),
        FormCheck.__tablename__: select(FormCheck)
        .where(FormCheck.member_id == member_id)
        .order_by(FormCheck.id),
        ReminderSent.__tablename__: select(ReminderSent)
        .where(ReminderSent.member_id == member_id)
        .order_by(ReminderSent.id),
    }
    export: dict[str, Any] = {Member.__tablename__: [_as_json(member)]}
    for table, query in queries.items():
        export[table] = [_as_json(row) for row in await session.scalars(query)]
    return export


def _as_json(row: Base) -> dict[str, Any]:
    return {
        column.key: _json_value(getattr(row, column.key))
        for column in inspect(row).mapper.column_attrs
    }


def _json_value(value: object) -> object:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, frozenset):
        return sorted(value)
    return value


# --- enrolments ------------------------------------------------------------------------------


async def enrol(
    session: AsyncSession,
    member_id: int,
    *,
    protocol: str,
    workout_days: Iterable[int],
    reminder_time: time,
    start_date: date,
) -> Enrolment:
    """Enrol the member in `protocol`, replacing (deactivating) any active enrolment."""
    await session.execute(
        update(Enrolment)
        .where(Enrolment.member_id == member_id, Enrolment.active)
        .values(active=False)
    )
    enrolment = Enrolment(
        member_id=member_id,
        protocol=protocol,
        workout_days=frozenset(workout_days),
        reminder_time=reminder_time,
        start_date=start_date,
        active=True,
    )
    session.add(enrolment)
    await session.flush()
    return enrolment


async def set_enrolment_schedule(
    session: AsyncSession,
    enrolment_id: int,
    *,
    workout_days: Iterable[int] | None = None,
    reminder_time: time | None = None,
) -> None:
    """Change the reminder days and/or time of an enrolment (dropping any snooze)."""
    values: dict[str, Any] = {}
    if workout_days is not None:
        values["workout_days"] = frozenset(workout_days)
    if reminder_time is not None:
        values["reminder_time"] = reminder_time
    if values:
        values["snoozed_until"] = None  # a snooze belongs to the old schedule
        await session.execute(
            update(Enrolment).where(Enrolment.id == enrolment_id).values(**values)
        )


async def get_active_enrolment(session: AsyncSession, member_id: int) -> Enrolment | None:
    return await session.scalar(
        select(Enrolment).where(Enrolment.member_id == member_id, Enrolment.active)
    )


async def active_enrolled_members(session: AsyncSession) -> list[tuple[Member, Enrolment]]:
    """Members to remind: an active enrolment, not paused, not inactive (one query)."""
    result = await session.execute(
        select(Member, Enrolment)
        .join(Enrolment, and_(Enrolment.member_id == Member.id, Enrolment.active))
        .where(
            Member.paused.is_(False),
            Member.inactive.is_(False),
            Member.onboarded_at.is_not(None),
        )
        .order_by(Member.id)
    )
    return [(member, enrolment) for member, enrolment in result]


# --- workout sessions ------------------------------------------------------------------------


async def start_session(
    session: AsyncSession, member_id: int, *, protocol: str, workout_key: str, now: datetime
) -> WorkoutSession:
    """Start a workout at step 0. A member does one workout at a time: an unfinished one is
    abandoned first."""
    await session.execute(
        update(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
        )
        .values(status=SessionStatus.ABANDONED, finished_at=now)
    )
    workout = WorkoutSession(
        member_id=member_id,
        protocol=protocol,
        workout_key=workout_key,
        started_at=now,
        status=SessionStatus.IN_PROGRESS,
        current_step=0,
    )
    session.add(workout)
    await session.flush()
    return workout


async def get_session(session: AsyncSession, session_id: int) -> WorkoutSession | None:
    return await session.get(WorkoutSession, session_id)


async def get_open_session(session: AsyncSession, member_id: int) -> WorkoutSession | None:
    """The member's workout in progress, if any."""
    return await session.scalar(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
        )
        .order_by(WorkoutSession.started_at.desc(), WorkoutSession.id.desc())
        .limit(1)
    )


async def record_step_result(
    session: AsyncSession,
    session_id: int,
    step_index: int,
    outcome: StepOutcome,
    *,
    now: datetime,
) -> bool:
    """Record the answer to a step; False (and nothing written) if it was already answered."""
    stmt = (
        _insert(session, StepResult)
        .values(session_id=session_id, step_index=step_index, outcome=outcome, at=now)
        .on_conflict_do_nothing(index_elements=[StepResult.session_id, StepResult.step_index])
        .returning(StepResult.id)
    )
    result = await session.execute(stmt)
    return result.first() is not None


async def step_results(session: AsyncSession, session_id: int) -> list[StepResult]:
    """The session's answers in step order."""
    result = await session.scalars(
        select(StepResult)
        .where(StepResult.session_id == session_id)
        .order_by(StepResult.step_index)
    )
    return list(result)


async def _update_open_session(session: AsyncSession, session_id: int, **values: Any) -> bool:
    result = await session.execute(
        update(WorkoutSession)
        .where(
            WorkoutSession.id == session_id,
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
        )
        .values(**values)
        .returning(WorkoutSession.id)
    )
    return result.first() is not None


async def advance_session(
    session: AsyncSession, session_id: int, current_step: int, step_message_id: int | None = None
) -> bool:
    """Move an in-progress workout to `current_step` (and the message now showing it).

    False if the workout is not in progress any more.
    """
    return await _update_open_session(
        session, session_id, current_step=current_step, step_message_id=step_message_id
    )


async def finish_session(session: AsyncSession, session_id: int, *, now: datetime) -> bool:
    """Mark an in-progress workout finished; False if it was not in progress."""
    return await _update_open_session(
        session, session_id, status=SessionStatus.FINISHED, finished_at=now
    )


async def abandon_session(session: AsyncSession, session_id: int, *, now: datetime) -> bool:
    """Mark an in-progress workout abandoned; False if it was not in progress."""
    return await _update_open_session(
        session, session_id, status=SessionStatus.ABANDONED, finished_at=now
    )


async def sessions_between(
    session: AsyncSession, member_id: int, start_utc: datetime, end_utc: datetime
) -> list[WorkoutSession]:
    """The member's workouts started in [start_utc, end_utc), any status, oldest first."""
    result = await session.scalars(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.started_at >= start_utc,
            WorkoutSession.started_at < end_utc,
        )
        .order_by(WorkoutSession.started_at, WorkoutSession.id)
    )
    return list(result)


async def last_finished_session(session: AsyncSession, member_id: int) -> WorkoutSession | None:
    return await session.scalar(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.FINISHED,
        )
        .order_by(WorkoutSession.finished_at.desc(), WorkoutSession.id.desc())
        .limit(1)
    )


async def count_finished_sessions(session: AsyncSession, member_id: int) -> int:
    count = await session.scalar(
        select(func.count())
        .select_from(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.FINISHED,
        )
    )
    return count or 0


# --- symptoms and flags ----------------------------------------------------------------------


async def add_symptom_report(
    session: AsyncSession,
    member_id: int,
    *,
    pain: int | None,
    note: str | None = None,
    session_id: int | None = None,
    now: datetime,
) -> SymptomReport:
    """Store a check-in; `pain` outside 0..10 is refused by the database (IntegrityError)."""
    report = SymptomReport(member_id=member_id, session_id=session_id, pain=pain, note=note, at=now)
    session.add(report)
    await session.flush()
    return report


async def symptom_report_for_session(
    session: AsyncSession, session_id: int
) -> SymptomReport | None:
    """The check-in given after this workout, if any."""
    return await session.scalar(
        select(SymptomReport).where(SymptomReport.session_id == session_id).limit(1)
    )


async def set_symptom_note(
    session: AsyncSession, report_id: int, member_id: int, note: str
) -> SymptomReport | None:
    """Add the member's note to their check-in; None if it is not theirs or is gone."""
    result = await session.scalars(
        update(SymptomReport)
        .where(SymptomReport.id == report_id, SymptomReport.member_id == member_id)
        .values(note=note)
        .returning(SymptomReport),
        execution_options={"populate_existing": True},
    )
    return result.first()


async def finished_session_numbers(session: AsyncSession, member_id: int) -> dict[int, int]:
    """Session id → its number among the member's finished workouts (1 for the first)."""
    result = await session.scalars(
        select(WorkoutSession.id)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.FINISHED,
        )
        .order_by(WorkoutSession.finished_at, WorkoutSession.id)
    )
    return {session_id: number for number, session_id in enumerate(result, start=1)}


async def recent_symptom_reports(
    session: AsyncSession, member_id: int, limit: int = 10
) -> list[SymptomReport]:
    """The member's latest `limit` check-ins, oldest first (ready for trend rules)."""
    result = await session.scalars(
        select(SymptomReport)
        .where(SymptomReport.member_id == member_id)
        .order_by(SymptomReport.at.desc(), SymptomReport.id.desc())
        .limit(limit)
    )
    return list(reversed(result.all()))


async def raise_flag(
    session: AsyncSession, member_id: int, kind: FlagKind, reason: str, *, now: datetime
) -> Flag | None:
    """Open a flag for the coach; None if one of this kind is already open for the member.

    Safe against a concurrent raise: the partial unique index decides, ON CONFLICT skips.
    """
    stmt = (
        _insert(session, Flag)
        .values(member_id=member_id, kind=kind, reason=reason, raised_at=now)
        .on_conflict_do_nothing(
            index_elements=[Flag.member_id, Flag.kind],
            index_where=Flag.acknowledged_at.is_(None),
        )
        .returning(Flag)
    )
    result = await session.scalars(stmt)
    return result.first()


async def open_flags(session: AsyncSession, member_id: int | None = None) -> list[Flag]:
    """Unacknowledged flags, oldest first: the member's, or everyone's when None."""
    query = select(Flag).where(Flag.acknowledged_at.is_(None))
    if member_id is not None:
        query = query.where(Flag.member_id == member_id)
    result = await session.scalars(query.order_by(Flag.raised_at, Flag.id))
    return list(result)


async def acknowledge_flag(
    session: AsyncSession, flag_id: int, *, coach_user_id: int, now: datetime
) -> Flag | None:
    """Acknowledge an open flag; None if unknown or already acknowledged (first coach wins)."""
    result = await session.scalars(
        update(Flag)
        .where(Flag.id == flag_id, Flag.acknowledged_at.is_(None))
        .values(acknowledged_by=coach_user_id, acknowledged_at=now)
        .returning(Flag),
        execution_options={"populate_existing": True},
    )
    return result.first()


# --- form checks -----------------------------------------------------------------------------


async def add_form_check(
    session: AsyncSession,
    member_id: int,
    *,
    file_id: str,
    file_unique_id: str,
    kind: FormCheckKind,
    now: datetime,
    session_id: int | None = None,
    step_index: int | None = None,
    exercise_name: str | None = None,
) -> FormCheck:
    form_check = FormCheck(
        member_id=member_id,
        session_id=session_id,
        step_index=step_index,
        exercise_name=exercise_name,
        file_id=file_id,
        file_unique_id=file_unique_id,
        kind=kind,
        at=now,
    )
    session.add(form_check)
    await session.flush()
    return form_check


async def set_form_check_coach_message(
    session: AsyncSession, form_check_id: int, *, chat_id: int, message_id: int
) -> None:
    """Remember the copy in the coach chat, so a coach's reply to it finds the form check."""
    await session.execute(
        update(FormCheck)
        .where(FormCheck.id == form_check_id)
        .values(coach_chat_id=chat_id, coach_message_id=message_id)
    )


async def form_check_by_coach_message(
    session: AsyncSession, chat_id: int, message_id: int
) -> FormCheck | None:
    return await session.scalar(
        select(FormCheck).where(
            FormCheck.coach_chat_id == chat_id, FormCheck.coach_message_id == message_id
        )
    )


async def set_form_check_reply(
    session: AsyncSession, form_check_id: int, *, reply: str, now: datetime
) -> None:
    await session.execute(
        update(FormCheck)
        .where(FormCheck.id == form_check_id)
        .values(coach_reply=reply, replied_at=now)
    )


async def set_form_check_archived_path(
    session: AsyncSession, form_check_id: int, archived_path: str
) -> None:
    await session.execute(
        update(FormCheck).where(FormCheck.id == form_check_id).values(archived_path=archived_path)
    )


# --- reminders -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReminderClaim:
    """One reminder or nudge a sender wants to send; unique by (member, kind, due time)."""

    member_id: int
    workout_key: str
    kind: ReminderKind
    due_at: datetime


async def claim_reminder(
    session: AsyncSession,
    member_id: int,
    workout_key: str,
    kind: ReminderKind,
    due_at: datetime,
    *,
    now: datetime,
    claimed_by: str,
) -> bool:
    """Claim the right to send this reminder: True for exactly one caller at a time.

    Then `mark_reminder_sending` right before the request to Telegram, and
    `mark_reminder_sent` after it. A claim is only given back while certainly unsent
    (`release_reminder`, `release_unsent_claims`), so a reminder is never sent twice, even by
    two schedulers at once (the unique constraint decides).
    """
    claim = ReminderClaim(member_id, workout_key, kind, due_at)
    return bool(await claim_reminders_bulk(session, [claim], now=now, claimed_by=claimed_by))


async def claim_reminders_bulk(
    session: AsyncSession, claims: Sequence[ReminderClaim], *, now: datetime, claimed_by: str
) -> list[ReminderClaim]:
    """Claim many reminders in one statement; returns the claims this caller won."""
    if not claims:
        return []
    # One order for every caller, so concurrent bulk claims cannot deadlock on PostgreSQL.
    ordered = sorted(claims, key=lambda claim: (claim.member_id, claim.kind, claim.due_at))
    stmt = (
        _insert(session, ReminderSent)
        .values(
            [
                {
                    "member_id": claim.member_id,
                    "workout_key": claim.workout_key,
                    "kind": claim.kind,
                    "due_at": claim.due_at,
                    "claimed_at": now,
                    "claimed_by": claimed_by,
                }
                for claim in ordered
            ]
        )
        .on_conflict_do_nothing(
            index_elements=[ReminderSent.member_id, ReminderSent.kind, ReminderSent.due_at]
        )
        .returning(ReminderSent.member_id, ReminderSent.kind, ReminderSent.due_at)
    )
    won = {(row.member_id, row.kind, row.due_at) for row in await session.execute(stmt)}
    return [claim for claim in claims if (claim.member_id, claim.kind, claim.due_at) in won]


def _reminder_key(member_id: int, kind: ReminderKind, due_at: datetime) -> ColumnElement[bool]:
    return and_(
        ReminderSent.member_id == member_id,
        ReminderSent.kind == kind,
        ReminderSent.due_at == due_at,
    )


async def mark_reminder_sending(
    session: AsyncSession,
    member_id: int,
    kind: ReminderKind,
    due_at: datetime,
    *,
    now: datetime,
    claimed_by: str,
) -> bool:
    """Record that the request carrying this reminder is about to leave: from now on the
    claim is never given back. False (do not send) unless `claimed_by` still holds the claim
    and has not started sending it: another process may have released and taken it over."""
    result = await session.execute(
        update(ReminderSent)
        .where(
            _reminder_key(member_id, kind, due_at),
            ReminderSent.claimed_by == claimed_by,
            ReminderSent.sending_at.is_(None),
            ReminderSent.sent_at.is_(None),
        )
        .values(sending_at=now)
        .returning(ReminderSent.id)
    )
    return result.first() is not None


async def mark_reminder_sent(
    session: AsyncSession, member_id: int, kind: ReminderKind, due_at: datetime, *, now: datetime
) -> bool:
    """Record that a claimed reminder went out; False if it was never claimed."""
    result = await session.execute(
        update(ReminderSent)
        .where(_reminder_key(member_id, kind, due_at))
        .values(sent_at=now)
        .returning(ReminderSent.id)
    )
    return result.first() is not None


async def release_reminder(
    session: AsyncSession, member_id: int, kind: ReminderKind, due_at: datetime, *, claimed_by: str
) -> bool:
    """Give back a claim of `claimed_by` whose sending failed, so it can be claimed again;
    False if it holds no unsent claim."""
    result = await session.execute(
        delete(ReminderSent)
        .where(
            _reminder_key(member_id, kind, due_at),
            ReminderSent.claimed_by == claimed_by,
            ReminderSent.sent_at.is_(None),
        )
        .returning(ReminderSent.id)
    )
    return result.first() is not None


async def release_unsent_claims(session: AsyncSession, *, keep_claimed_by: str) -> int:
    """At start-up: give back every claim of other processes that never started sending (so
    certainly unsent), so their reminders can be sent; returns how many. Claims that started
    sending are kept: their reminder may have reached the member."""
    result = await session.execute(
        delete(ReminderSent)
        .where(
            ReminderSent.claimed_by != keep_claimed_by,
            ReminderSent.sending_at.is_(None),
            ReminderSent.sent_at.is_(None),
        )
        .returning(ReminderSent.id)
    )
    return len(result.all())


async def set_snooze(session: AsyncSession, member_id: int, until: datetime | None) -> None:
    """Move the member's next reminder to `until` (None: back to the regular schedule)."""
    await session.execute(
        update(Enrolment)
        .where(Enrolment.member_id == member_id, Enrolment.active)
        .values(snoozed_until=until)
    )


async def clear_snooze_through(session: AsyncSession, member_id: int, due_at: datetime) -> None:
    """The reminder due at `due_at` was handled: drop a snooze to that time or earlier."""
    await session.execute(
        update(Enrolment)
        .where(
            Enrolment.member_id == member_id,
            Enrolment.active,
            Enrolment.snoozed_until <= due_at,
        )
        .values(snoozed_until=None)
    )


async def reminders_for_member(
    session: AsyncSession, member_id: int, since: datetime | None = None
) -> list[ReminderSent]:
    """The member's claimed and sent reminders (due at or after `since`), by due time."""
    query = select(ReminderSent).where(ReminderSent.member_id == member_id)
    if since is not None:
        query = query.where(ReminderSent.due_at >= since)
    result = await session.scalars(query.order_by(ReminderSent.due_at, ReminderSent.id))
    return list(result)


# --- reminders: start-up rebuild (issue 6) ---------------------------------------------------


async def reminders_sent_since(session: AsyncSession, since: datetime) -> list[ReminderSent]:
    """Every member's reminders and nudges actually sent (not only claimed), due at or after
    `since`, by member and due time: one query for the whole start-up rebuild."""
    result = await session.scalars(
        select(ReminderSent)
        .where(ReminderSent.due_at >= since, ReminderSent.sent_at.is_not(None))
        .order_by(ReminderSent.member_id, ReminderSent.due_at, ReminderSent.id)
    )
    return list(result)


# --- coach overview and export (issue 7) -----------------------------------------------------


async def get_member_by_username(session: AsyncSession, username: str) -> Member | None:
    """The member with this Telegram username, in any case, without the "@"."""
    return await session.scalar(
        select(Member).where(func.lower(Member.username) == username.lower()).limit(1)
    )


async def finished_sessions_since(session: AsyncSession, since: datetime) -> list[WorkoutSession]:
    """Every member's workouts finished at or after `since`, oldest first (one query)."""
    result = await session.scalars(
        select(WorkoutSession)
        .where(
            WorkoutSession.status == SessionStatus.FINISHED,
            WorkoutSession.finished_at >= since,
        )
        .order_by(WorkoutSession.finished_at, WorkoutSession.id)
    )
    return list(result)


async def latest_pain_by_member(session: AsyncSession) -> dict[int, SymptomReport]:
    """Each member's latest check-in that has a pain score, keyed by member id (one query)."""
    ranked = (
        select(
            SymptomReport.id,
            func.row_number()
            .over(
                partition_by=SymptomReport.member_id,
                order_by=(SymptomReport.at.desc(), SymptomReport.id.desc()),
            )
            .label("rank"),
        )
        .where(SymptomReport.pain.is_not(None))
        .subquery()
    )
    result = await session.scalars(
        select(SymptomReport)
        .join(ranked, ranked.c.id == SymptomReport.id)
        .where(ranked.c.rank == 1)
    )
    return {report.member_id: report for report in result}


async def get_flag(session: AsyncSession, flag_id: int) -> Flag | None:
    return await session.get(Flag, flag_id)


async def open_flags_with_members(session: AsyncSession) -> list[tuple[Flag, Member]]:
    """Every unacknowledged flag with its member, oldest first (one query)."""
    result = await session.execute(
        select(Flag, Member)
        .join(Member, Member.id == Flag.member_id)
        .where(Flag.acknowledged_at.is_(None))
        .order_by(Flag.raised_at, Flag.id)
    )
    return [(flag, member) for flag, member in result]


async def recent_form_checks(
    session: AsyncSession, member_id: int, limit: int = 5
) -> list[FormCheck]:
    """The member's latest form checks, newest first."""
    result = await session.scalars(
        select(FormCheck)
        .where(FormCheck.member_id == member_id)
        .order_by(FormCheck.at.desc(), FormCheck.id.desc())
        .limit(limit)
    )
    return list(result)


async def all_sessions_with_members(session: AsyncSession) -> list[tuple[WorkoutSession, Member]]:
    """Every workout session of every member, by member then start (one query, for export)."""
    result = await session.execute(
        select(WorkoutSession, Member)
        .join(Member, Member.id == WorkoutSession.member_id)
        .order_by(Member.id, WorkoutSession.started_at, WorkoutSession.id)
    )
    return [(row, member) for row, member in result]


async def all_check_ins_with_members(session: AsyncSession) -> list[tuple[SymptomReport, Member]]:
    """Every check-in of every member, by member then time (one query, for export)."""
    result = await session.execute(
        select(SymptomReport, Member)
        .join(Member, Member.id == SymptomReport.member_id)
        .order_by(Member.id, SymptomReport.at, SymptomReport.id)
    )
    return [(report, member) for report, member in result]


async def get_form_check(session: AsyncSession, form_check_id: int) -> FormCheck | None:
    return await session.get(FormCheck, form_check_id)
