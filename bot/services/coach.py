"""What the coach asks for: the members, one member in detail (with their recent sessions'
skipped and too-hard steps and their last messages), open flags, acknowledging a flag,
pausing a member, and moving a member to another protocol or another coach.

Every function is one unit of work and answers with plain values (`bot.views`) or a small
result type the coach handler words. Lists come from a fixed number of queries, whatever the
number of members. Each takes the `Viewer` (`bot.services.coaches.authorise`): a coach sees and
acts on their own members only, and another coach's member looks exactly like no member at
all; an owner sees everyone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.local_time import week_bounds
from bot.rules.weekly_cap import week_counts
from bot.services.coaches import Viewer, coach_card, find_coach
from bot.services.history import history
from bot.services.members import schedule_of
from bot.services.session_steps import by_session, session_steps
from bot.services.views import flag_view, member_card, thread_line
from bot.services.workouts import done_sessions
from bot.views import (
    CoachCard,
    FlagView,
    FormCheckLine,
    MemberCard,
    MemberDetail,
    MemberRow,
    Schedule,
)
from protocols.schema import Protocol
from storage import repository
from storage.models import Member

RECENT_FORM_CHECKS = 5
RECENT_SESSIONS = 5
RECENT_MESSAGES = 8


async def find_member(session: AsyncSession, viewer: Viewer, reference: int | str) -> Member | None:
    """The member named by their number or by their @username (without the "@"), if the
    viewer may see them."""
    if isinstance(reference, int):
        found = await repository.members.get(session, reference)
    else:
        found = await repository.members.by_username(session, reference)
    return found if found is not None and viewer.may_see(found) else None


async def member_rows(services: BotServices, viewer: Viewer, now: datetime) -> list[MemberRow]:
    """One row per member the viewer sees, by name: protocol, sessions this week, last pain,
    open flags, and (for an owner) their coach."""
    async with services.database.read() as session:
        everyone = await repository.members.everyone(session, viewer.coach_filter)
        coaches = (
            {coach.id: coach_card(coach) for coach in await repository.coaches.everyone(session)}
            if viewer.owner
            else {}
        )
        week_starts = {member.id: week_bounds(now, member.time_zone)[0] for member in everyone}
        since = min(week_starts.values(), default=now)
        finished = await repository.sessions.finished_since(session, since)
        last_pain = await repository.check_ins.latest_pain_by_member(session)
    done: dict[int, int] = {}
    for row in finished:  # everyone's sessions: count only the listed members'
        week_start = week_starts.get(row.member_id)
        if week_start is not None and row.finished_at is not None and row.finished_at >= week_start:
            done[row.member_id] = done.get(row.member_id, 0) + 1
    rows = []
    for member in everyone:
        enrolment = member.active_enrolment
        protocol = services.protocol(enrolment.protocol) if enrolment else None
        report = last_pain.get(member.id)
        rows.append(
            MemberRow(
                member=member_card(member),
                protocol_title=protocol.title if protocol else None,
                done_this_week=done.get(member.id, 0),
                weekly_cap=sum(w.weekly_cap for w in protocol.workouts) if protocol else 0,
                last_pain=report.pain if report else None,
                last_pain_at=report.at if report else None,
                open_flags=[flag_view(flag).level for flag in member.open_flags],
                paused=member.paused,
                inactive=member.inactive,
                coach=coaches.get(member.coach_id) if member.coach_id else None,
            )
        )
    return rows


async def member_detail(
    services: BotServices, viewer: Viewer, reference: int | str, now: datetime
) -> MemberDetail | None:
    """Everything /member shows about one member; None if there is no such member the
    viewer may see."""
    async with services.database.read() as session:
        found = await find_member(session, viewer, reference)
        if found is None:
            return None
        enrolment = await repository.enrolments.active(session, found.id)
        zone = found.time_zone
        done = await done_sessions(session, found.id, zone, now)
        check_ins = await history(session, found.id)
        flags = await repository.flags.unacknowledged(session, found.id)
        checks = await repository.form_checks.recent(session, found.id, RECENT_FORM_CHECKS)
        rows = await repository.sessions.recent(session, found.id, RECENT_SESSIONS)
        not_done = by_session(
            await repository.sessions.steps_not_done(session, [row.id for row in rows])
        )
        thread = await repository.messages.recent(session, found.id, RECENT_MESSAGES)
    protocol = services.protocol(enrolment.protocol) if enrolment else None
    return MemberDetail(
        member=member_card(found),
        paused=found.paused,
        inactive=found.inactive,
        protocol_title=(protocol.title if protocol else enrolment.protocol) if enrolment else None,
        since=enrolment.start_date if enrolment else None,
        schedule=schedule_of(found, enrolment) if enrolment else None,
        week=week_counts(protocol, done, now, zone) if protocol else {},
        workout_titles={w.key: w.title for w in protocol.workouts} if protocol else {},
        check_ins=check_ins,
        open_flags=[flag_view(flag) for flag in flags],
        form_checks=[
            FormCheckLine(c.at, c.exercise_name, c.replied_at is not None) for c in checks
        ],
        sessions=[session_steps(services, row, not_done.get(row.id, [])) for row in rows],
        thread=[thread_line(message) for message in thread],
    )


async def open_flags(services: BotServices, viewer: Viewer) -> list[tuple[FlagView, MemberCard]]:
    """Every unacknowledged flag of the members the viewer sees, with its member, oldest
    first."""
    async with services.database.read() as session:
        rows = await repository.flags.unacknowledged_with_members(session, viewer.coach_filter)
    return [(flag_view(flag), member_card(member)) for flag, member in rows]


@dataclass(frozen=True)
class Acknowledged:
    flag_id: int
    member_name: str


@dataclass(frozen=True)
class AlreadyAcknowledged:
    flag: FlagView


@dataclass(frozen=True)
class NoSuchFlag:
    flag_id: int


async def acknowledge(
    services: BotServices, viewer: Viewer, flag_id: int, now: datetime
) -> Acknowledged | AlreadyAcknowledged | NoSuchFlag:
    """Acknowledge the flag as this coach, now (the first coach to do so wins); a flag of a
    member the viewer does not see is no such flag."""
    async with services.database.transaction() as session:
        existing = await repository.flags.get(session, flag_id)
        flagged = await repository.members.get(session, existing.member_id) if existing else None
        if existing is None or flagged is None or not viewer.may_see(flagged):
            return NoSuchFlag(flag_id)
        flag = await repository.flags.acknowledge(
            session, flag_id, coach_user_id=viewer.user_id, now=now
        )
    if flag is None:
        return AlreadyAcknowledged(flag_view(existing))
    return Acknowledged(flag_id, flagged.name)


@dataclass(frozen=True)
class Assigned:
    """The member is on the new protocol; tell them at `chat_id`."""

    member_name: str
    chat_id: int
    protocol_title: str
    schedule: Schedule


@dataclass(frozen=True)
class NoSuchMember:
    pass


@dataclass(frozen=True)
class NotSetUp:
    member_name: str


@dataclass(frozen=True)
class AlreadyOnProtocol:
    member_name: str
    protocol_title: str


async def assign(
    services: BotServices, viewer: Viewer, reference: int | str, protocol: Protocol, now: datetime
) -> Assigned | NoSuchMember | NotSetUp | AlreadyOnProtocol:
    """Move a member to `protocol`, keeping their days and time, and re-plan their reminders.
    The coach chose it, so the member can no longer switch protocol alone."""
    async with services.database.transaction() as session:
        found = await find_member(session, viewer, reference)
        if found is None:
            return NoSuchMember()
        current = await repository.enrolments.active(session, found.id)
        if current is None or found.onboarded_at is None:
            return NotSetUp(found.name)
        if current.protocol == protocol.name:
            if not current.set_by_coach:
                await repository.enrolments.set_by_coach(session, current.id)
            return AlreadyOnProtocol(found.name, protocol.title)
        await repository.enrolments.enrol(
            session,
            found.id,
            protocol=protocol.name,
            workout_days=current.workout_days,
            reminder_time=current.reminder_time,
            start_date=now.astimezone(found.time_zone).date(),
            set_by_coach=True,
        )
    if services.reminders is not None:
        await services.reminders.reschedule_member(found.id)
    return Assigned(found.name, found.chat_id, protocol.title, schedule_of(found, current))


@dataclass(frozen=True)
class PauseChanged:
    """The member's reminders stopped (or started again); tell them at `chat_id`."""

    member_name: str
    chat_id: int
    paused: bool
    next_reminder: datetime | None
    zone: ZoneInfo


@dataclass(frozen=True)
class PauseUnchanged:
    member_name: str
    paused: bool


async def set_paused(
    services: BotServices, viewer: Viewer, reference: int | str, paused: bool
) -> PauseChanged | PauseUnchanged | NoSuchMember | NotSetUp:
    """The coach pauses or resumes one of their members' reminders (as the member's /pause
    and /resume); resuming also resumes a programme a red flag held."""
    async with services.database.transaction() as session:
        found = await find_member(session, viewer, reference)
        if found is None:
            return NoSuchMember()
        if found.onboarded_at is None:
            return NotSetUp(found.name)
        releases_hold = not paused and found.held_since is not None
        if found.paused == paused and not releases_hold:
            return PauseUnchanged(found.name, paused)
        await repository.members.set_paused(session, found.id, paused)
        if releases_hold:
            await repository.members.set_held(session, found.id, None)
    next_at = None
    if services.reminders is not None:
        next_at = await services.reminders.reschedule_member(found.id)
    return PauseChanged(found.name, found.chat_id, paused, next_at, found.time_zone)


@dataclass(frozen=True)
class HandedOver:
    """The member is the new coach's now: tell the member at `member_chat_id` and the new
    coach."""

    member: MemberCard
    member_chat_id: int
    coach: CoachCard


@dataclass(frozen=True)
class NoSuchCoach:
    pass


@dataclass(frozen=True)
class AlreadyTheirs:
    member_name: str
    coach: CoachCard


async def hand_over(
    services: BotServices, viewer: Viewer, reference: int | str, coach_reference: int | str
) -> HandedOver | NoSuchMember | NoSuchCoach | AlreadyTheirs:
    """Move a member the viewer sees to another coach (who then sees them, and hears about
    them, instead)."""
    async with services.database.transaction() as session:
        found = await find_member(session, viewer, reference)
        if found is None:
            return NoSuchMember()
        coach = await find_coach(session, coach_reference)
        if coach is None:
            return NoSuchCoach()
        if found.coach_id == coach.id:
            return AlreadyTheirs(found.name, coach_card(coach))
        await repository.members.set_coach(session, found.id, coach.id)
    return HandedOver(member_card(found), found.chat_id, coach_card(coach))


def protocol_titles(protocols: Sequence[Protocol]) -> dict[str, str]:
    return {protocol.name: protocol.title for protocol in protocols}


@dataclass(frozen=True)
class ProgrammeResumed:
    """The programme a red flag held runs again: tell the member at `chat_id`."""

    member_name: str
    chat_id: int


@dataclass(frozen=True)
class NotHeld:
    member_name: str


async def resume_programme(
    services: BotServices, viewer: Viewer, reference: int | str
) -> ProgrammeResumed | NotHeld | NoSuchMember:
    """The coach has checked in with a member whose programme a red flag held: their workouts
    and reminders run again."""
    async with services.database.transaction() as session:
        found = await find_member(session, viewer, reference)
        if found is None:
            return NoSuchMember()
        if found.held_since is None:
            return NotHeld(found.name)
        await repository.members.set_held(session, found.id, None)
    if services.reminders is not None:
        await services.reminders.reschedule_member(found.id)
    return ProgrammeResumed(found.name, found.chat_id)
