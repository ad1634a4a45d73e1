"""The coach's dashboard (the Mini App): who may use it, what it shows, what it changes.

`coach_access` says whether a Telegram user is a coach (`bot.services.coaches`, the coaches in
the database) and which members they may see: an owner every member, a coach their own;
everything else takes its answer and never shows or changes a member outside it.

Reads are one transaction each with a fixed number of queries, whatever the number of members
(`storage.repository.roster`). Changes go through the services the bot's commands use
(`services.coach`), so the dashboard and the chat can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import AdherenceThresholds
from bot.context import BotServices
from bot.rules import roster as rules
from bot.rules.local_time import local_day, week_bounds
from bot.services import coach, coaches, messages
from bot.services import export as export_service
from bot.services.history import check_in_of
from bot.services.members import schedule_of
from bot.services.views import flag_view, member_card, thread_line
from bot.views import (
    FormCheckItem,
    MemberCard,
    MemberFile,
    NoteLine,
    OpenFlag,
    PainPoint,
    RosterRow,
    SessionLine,
    StepLine,
)
from protocols.expand import Step, expand_workout
from protocols.schema import Protocol, Workout
from storage import repository
from storage.models import Flag, FormCheck, Member, SymptomReport, WorkoutSession
from storage.repository.roster import MemberLine

SPARKLINE_SCORES = 8
"""Pain scores per member in the members view (the last one and the sparkline)."""
CALENDAR_WEEKS = 8
"""Weeks of sessions in a member's calendar."""
PAIN_HISTORY = 200
"""Check-ins (scores and notes) read for a member's pain chart and notes."""
FORM_CHECKS = 30
"""Form-check videos listed for a member."""
THREAD_MESSAGES = 100
"""Messages either way shown in a member's thread (the latest)."""


@dataclass(frozen=True)
class CoachAccess:
    """A coach using the dashboard, and the members they may see (None: every member)."""

    viewer: coaches.Viewer
    members: frozenset[int] | None = None
    language: str | None = None
    """The language kept with the coach (their Telegram's, as of their last command)."""

    @property
    def user_id(self) -> int:
        return self.viewer.user_id

    def sees(self, member_id: int) -> bool:
        return self.members is None or member_id in self.members


async def coach_access(services: BotServices, telegram_user_id: int) -> CoachAccess | None:
    """The dashboard access of this Telegram user; None for anyone who is not a coach."""
    async with services.database.read() as session:
        found = await repository.coaches.by_user_id(session, telegram_user_id)
        if found is None:
            return None
        viewer = coaches.viewer_of(found)
        if viewer.owner:
            return CoachAccess(viewer, language=found.language)
        mine = await repository.members.ids_of_coach(session, found.id)
    return CoachAccess(viewer, frozenset(mine), found.language)


# --- reading ---------------------------------------------------------------------------------


async def roster(services: BotServices, access: CoachAccess, now: datetime) -> list[RosterRow]:
    """Every member the coach sees, by name. Five set-based queries whatever the number of
    members (`storage.repository.roster`): the database counts each member's sessions in the
    windows of their zone, so no session or check-in history is loaded."""
    coach_id = access.viewer.coach_filter
    thresholds = services.settings.adherence
    async with services.database.read() as session:
        everyone = await repository.roster.members(session, coach_id)
        windows = {
            zone: rules.windows(now, zone, thresholds)
            for zone in {member.time_zone for member in everyone}
        }
        starts = {zone: bounds.starts() for zone, bounds in windows.items()}
        sessions = await repository.roster.session_counts(session, starts, now, coach_id)
        heard_from = await repository.roster.last_heard_from(session, coach_id)
        flags = await repository.roster.open_flag_counts(session, coach_id)
        pain = await repository.roster.recent_pain(session, SPARKLINE_SCORES, coach_id)
    plans = _Plans(services)
    return [
        _roster_row(
            member,
            plans.of(member.protocol),
            sessions.get(member.id),
            heard_from.get(member.id),
            flags.get(member.id, {}),
            pain.get(member.id),
            now,
            thresholds,
        )
        for member in everyone
    ]


@dataclass(frozen=True)
class _Plan:
    title: str | None
    weekly_cap: int


class _Plans:
    """Each protocol's title and weekly cap, looked up once per members view."""

    def __init__(self, services: BotServices) -> None:
        self.services = services
        self.known: dict[str | None, _Plan] = {}

    def of(self, name: str | None) -> _Plan:
        if name not in self.known:
            protocol = self.services.protocol(name) if name else None
            self.known[name] = _Plan(
                protocol.title if protocol else name,
                sum(workout.weekly_cap for workout in protocol.workouts) if protocol else 0,
            )
        return self.known[name]


def _latest(*moments: datetime | None) -> datetime | None:
    return max((moment for moment in moments if moment is not None), default=None)


def _roster_row(
    member: MemberLine,
    plan: _Plan,
    sessions: repository.roster.SessionCounts | None,
    heard_from: datetime | None,
    flags: Mapping[str, int],
    pain: repository.roster.RecentPain | None,
    now: datetime,
    thresholds: AdherenceThresholds,
) -> RosterRow:
    zone = member.time_zone
    training = (
        rules.Training.counted(zone, sessions.since, sessions.last_finished)
        if sessions
        else rules.Training.idle(zone)
    )
    set_up = member.onboarded_at is not None and member.protocol is not None
    joined_at = member.onboarded_at if set_up else None
    adherence = None
    if joined_at is not None:
        days_per_week = min(len(member.workout_days or ()), plan.weekly_cap)
        joined = local_day(joined_at, zone)
        adherence = rules.adherence_percent(training.four_weeks, days_per_week, joined, now, zone)
    open_flags = {level: flags.get(level, 0) for level in rules.FLAG_LEVELS}
    last_contact = (
        _latest(heard_from, sessions.last_started, sessions.last_finished)
        if sessions
        else heard_from
    )
    return RosterRow(
        member=MemberCard(member.id, member.name, member.username, zone),
        protocol=member.protocol,
        protocol_title=plan.title,
        done_this_week=training.this_week,
        weekly_cap=plan.weekly_cap,
        adherence_percent=adherence,
        recent_pain=pain.scores if pain else (),
        last_pain_at=pain.last_at if pain else None,
        open_flags=open_flags,
        last_contact=last_contact,
        days_since_contact=rules.days_since(last_contact, now, zone),
        attention=rules.attention_reasons(
            open_flags=open_flags,
            blocked=member.inactive,
            paused=member.paused,
            training=training,
            joined_at=joined_at,
            now=now,
            thresholds=thresholds,
        ),
        paused=member.paused,
        inactive=member.inactive,
        set_up=set_up,
    )


async def member_file(
    services: BotServices, access: CoachAccess, member_id: int, now: datetime
) -> MemberFile | None:
    """Everything about one member; None if there is no such member or the coach may not see
    them (the same answer, so a coach cannot tell the two apart)."""
    if not access.sees(member_id):
        return None
    async with services.database.transaction() as session:
        member = await repository.members.get(session, member_id)
        if member is None:
            return None
        enrolment = await repository.enrolments.active(session, member_id)
        start, _ = week_bounds(now - timedelta(weeks=CALENDAR_WEEKS - 1), member.time_zone)
        sessions = await repository.roster.sessions_between(session, member_id, start, now)
        steps = await repository.roster.step_results(session, [row.id for row in sessions])
        check_ins = await repository.roster.check_ins(session, member_id, PAIN_HISTORY)
        checks = await repository.roster.form_checks(session, member_id, FORM_CHECKS)
        thread = await repository.messages.recent(session, member_id, THREAD_MESSAGES)
        flags = await repository.flags.unacknowledged(session, member_id)
    card = member_card(member)
    protocol = services.protocol(enrolment.protocol) if enrolment else None
    notes = [NoteLine(report.at, report.note) for report in check_ins if report.note]
    return MemberFile(
        member=card,
        protocol=enrolment.protocol if enrolment else None,
        protocol_title=protocol.title if protocol else enrolment.protocol if enrolment else None,
        schedule=schedule_of(member, enrolment) if enrolment else None,
        paused=member.paused,
        inactive=member.inactive,
        set_up=member.onboarded_at is not None and enrolment is not None,
        pain=_pain_points(check_ins),
        sessions=[
            _session_line(
                services, row, [(s.step_index, s.outcome.value) for s in steps.get(row.id, [])]
            )
            for row in sessions
        ],
        notes=notes,
        thread=[thread_line(message) for message in thread],
        form_checks=[_form_check_item(check) for check in reversed(checks)],
        open_flags=[_open_flag(flag, member) for flag in flags],
    )


def _pain_points(check_ins: Iterable[SymptomReport]) -> list[PainPoint]:
    """Every scored check-in, oldest first, with its kind (before, after a session, next
    morning)."""
    return [PainPoint(r.at, r.pain, check_in_of(r).kind) for r in check_ins if r.pain is not None]


def _session_line(
    services: BotServices, row: WorkoutSession, answers: Sequence[tuple[int, str]]
) -> SessionLine:
    protocol = services.protocol(row.protocol)
    workout = _workout(protocol, row.workout_key)
    steps: list[Step] = expand_workout(workout) if workout else []
    outcomes = dict(answers)
    count = max(len(steps), max(outcomes, default=-1) + 1)
    return SessionLine(
        id=row.id,
        workout_title=workout.title if workout else row.workout_key,
        started_at=row.started_at,
        finished_at=row.finished_at,
        status=row.status.value,
        steps=[
            StepLine(
                index=index,
                exercise=steps[index].exercise.name if index < len(steps) else "",
                position=steps[index].position if index < len(steps) else "",
                outcome=outcomes.get(index),  # type: ignore[arg-type]
            )
            for index in range(count)
        ],
    )


def _workout(protocol: Protocol | None, key: str) -> Workout | None:
    if protocol is None:
        return None
    return next((workout for workout in protocol.workouts if workout.key == key), None)


def _form_check_item(check: FormCheck) -> FormCheckItem:
    return FormCheckItem(
        check.id, check.at, check.exercise_name, check.coach_reply, check.replied_at
    )


def _open_flag(flag: Flag, member: Member) -> OpenFlag:
    view = flag_view(flag)
    return OpenFlag(view, view.level, member_card(member))


async def open_flags(services: BotServices, access: CoachAccess) -> list[OpenFlag]:
    """The open flags of the members the coach sees, most severe first, then oldest first."""
    async with services.database.transaction() as session:
        rows = await repository.flags.unacknowledged_with_members(session)
    flags = [_open_flag(flag, member) for flag, member in rows if access.sees(member.id)]
    order = {level: rank for rank, level in enumerate(reversed(rules.FLAG_LEVELS))}
    return sorted(flags, key=lambda item: order[item.level])


async def message_target(
    services: BotServices, access: CoachAccess, member_id: int
) -> messages.ReplyTarget | None:
    """The member a coach writes to from the dashboard, as with /msg: a conversation the coach
    starts. None if the coach may not see them. The message is then stored in the thread with
    `messages.coach_wrote`, as a reply in a coach chat is."""
    if not access.sees(member_id):
        return None
    return await messages.member_target(services, access.viewer, member_id)


@dataclass(frozen=True)
class VideoSource:
    """Where a form-check video's bytes are: the archive's copy, else Telegram's file."""

    file_id: str
    archived_path: str | None


async def form_check_video(
    services: BotServices, access: CoachAccess, member_id: int, check_id: int
) -> VideoSource | None:
    if not access.sees(member_id):
        return None
    async with services.database.transaction() as session:
        check = await repository.form_checks.get(session, check_id)
    if check is None or check.member_id != member_id:
        return None
    return VideoSource(check.file_id, check.archived_path)


async def export_rows(services: BotServices, access: CoachAccess) -> list[export_service.Row]:
    """The export of `/export`, limited to the members the coach sees."""
    return await export_service.rows(services, access.viewer)


# --- changing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlagAcknowledged:
    """The flag is acknowledged; `coach_chats` hear about it (they had its alert)."""

    flag_id: int
    member_id: int
    member_name: str
    coach_chats: Sequence[int]


async def acknowledge(
    services: BotServices, access: CoachAccess, flag_id: int, now: datetime
) -> FlagAcknowledged | coach.AlreadyAcknowledged | coach.NoSuchFlag:
    """`/ack` from the dashboard: the same service, for a flag of a member the coach sees."""
    async with services.database.transaction() as session:
        flag = await repository.flags.get(session, flag_id)
    if flag is None or not access.sees(flag.member_id):
        return coach.NoSuchFlag(flag_id)
    result = await coach.acknowledge(services, access.viewer, flag_id, now)
    if not isinstance(result, coach.Acknowledged):
        return result
    chats = await coaches.chats_for_member(services, flag.member_id)
    return FlagAcknowledged(flag_id, flag.member_id, result.member_name, chats)


@dataclass(frozen=True)
class UnknownProtocol:
    name: str


async def assign(
    services: BotServices, access: CoachAccess, member_id: int, protocol_name: str, now: datetime
) -> (
    coach.Assigned | coach.NoSuchMember | coach.NotSetUp | coach.AlreadyOnProtocol | UnknownProtocol
):
    """`/assign` from the dashboard."""
    protocol = services.protocol(protocol_name)
    if protocol is None:
        return UnknownProtocol(protocol_name)
    if not access.sees(member_id):
        return coach.NoSuchMember()
    return await coach.assign(services, access.viewer, member_id, protocol, now)


async def set_paused(
    services: BotServices, access: CoachAccess, member_id: int, paused: bool
) -> coach.PauseChanged | coach.PauseUnchanged | coach.NoSuchMember | coach.NotSetUp:
    """Pause or resume a member's reminders, as the coach."""
    if not access.sees(member_id):
        return coach.NoSuchMember()
    return await coach.set_paused(services, access.viewer, member_id, paused)
