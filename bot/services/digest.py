"""The coach's daily digest: when it comes (/digest), claiming it once a day, and what is in it.

A digest covers what happened since the coach's previous one: the low and high pain flags that
waited for it, the notices queued for it (paused, resumed, blocked the bot, a session with
steps not done), and, as they stand now, the adherence findings and the members ready to
progress (`bot.rules.adherence`), with each member's check-ins of the last `LOOK_BACK` for
their chart. It is claimed before it is built (`claim_and_build`, one transaction), so it is
sent at most once a day, whatever restarts or second processes do; a crash between the claim
and the send loses that day's digest rather than repeating it. A press on its buttons builds
it again from its window (`rebuild`), read-only, for the coach who pressed.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.adherence import MemberActivity, ReminderSent, digest_findings
from bot.rules.digest_time import latest_digest_at, next_digest_at
from bot.rules.local_time import local_day
from bot.rules.symptoms import CheckIn
from bot.services.coaches import Viewer
from bot.services.history import check_in_of
from bot.services.session_steps import by_session, session_steps
from bot.services.views import member_card, said
from bot.views import (
    Digest,
    DigestFinding,
    DigestFlag,
    DigestNotice,
    DigestSetting,
    MemberDigest,
)
from storage import repository
from storage.models import Coach, CoachRole, Member, NoticeEvent

LOOK_BACK = timedelta(days=35)
"""Sessions, reminders and check-ins read for the adherence rules (two fortnights compared,
three weeks of progress, and a week's margin)."""
BUTTON_ROUNDING = timedelta(seconds=1)
"""A digest's buttons carry its end rounded up to the second, so a press within that second
names an end just after `now`."""


# --- when -------------------------------------------------------------------------------------


def _setting(services: BotServices, coach: Coach) -> tuple[time, ZoneInfo]:
    return (
        coach.digest_time or services.settings.digest_time,
        coach.digest_zone or services.settings.tz,
    )


async def setting(services: BotServices, viewer: Viewer, now: datetime) -> DigestSetting | None:
    """When the viewer's digest comes; None if they are no longer a coach."""
    async with services.database.read() as session:
        coach = await repository.coaches.get(session, viewer.coach_id)
    if coach is None:
        return None
    at, zone = _setting(services, coach)
    return DigestSetting(at, zone, next_digest_at(at, zone, now))


async def set_time(
    services: BotServices, viewer: Viewer, at: time, zone: ZoneInfo | None, now: datetime
) -> DigestSetting | None:
    """Send the viewer's digest at `at` from now on (on `zone`'s clock, when given)."""
    async with services.database.transaction() as session:
        await repository.digests.set_time(session, viewer.coach_id, at, zone)
    return await setting(services, viewer, now)


# --- claiming and building ---------------------------------------------------------------------


async def coach_ids(services: BotServices) -> list[int]:
    async with services.database.read() as session:
        return [coach.id for coach in await repository.coaches.everyone(session)]


async def claim_and_build(services: BotServices, coach_id: int, now: datetime) -> Digest | None:
    """The coach's digest if one is due now, claimed for this caller; None when it is not due
    (sent already, not yet, or more than `REMINDER_GRACE` late) or has nothing to say."""
    async with services.database.transaction() as session:
        coach = await repository.coaches.get(session, coach_id)
        if coach is None:
            return None
        at, zone = _setting(services, coach)
        due = latest_digest_at(at, zone, now)
        previous = coach.digest_due_at
        if previous is not None and previous >= due:
            return None
        if now - due > services.settings.reminder_grace:
            return None
        if not await repository.digests.claim(session, coach.id, due):
            return None
        since = previous if previous is not None else due - timedelta(days=1)
        digest = await _build(services, session, coach, since, now, local_day(due, zone))
    return digest if digest.members else None


async def rebuild(
    services: BotServices, viewer: Viewer, since: datetime, until: datetime, now: datetime
) -> Digest | None:
    """The viewer's digest of `since` to `until` again (to show another page of it): the same
    flags, notices and findings as the data stands now, so a flag acknowledged since, or a
    member erased since, has left it. None for a window no digest had (empty, or ending after
    `now`), for a viewer who is no longer a coach, and when nothing is left to say."""
    if not since < until <= now + BUTTON_ROUNDING:
        return None
    async with services.database.read() as session:
        coach = await repository.coaches.get(session, viewer.coach_id)
        if coach is None:
            return None
        _, zone = _setting(services, coach)
        digest = await _build(services, session, coach, since, until, local_day(until, zone))
    return digest if digest.members else None


async def _build(
    services: BotServices,
    session: AsyncSession,
    coach: Coach,
    since: datetime,
    until: datetime,
    day: date,
) -> Digest:
    _, zone = _setting(services, coach)
    chart_from = until - LOOK_BACK
    members = await _members(session, coach)
    parts = await _parts(services, session, members, since, until)
    return Digest(coach.telegram_user_id, day, parts, since, until, chart_from, zone)


async def _members(session: AsyncSession, coach: Coach) -> list[Member]:
    """The members the coach hears about (`bot.services.coaches.chats_for_member`'s rule: their
    own, and everyone's for an owner who hears about everyone)."""
    everyone = coach.role is CoachRole.OWNER and coach.hears_everyone
    return await repository.members.everyone(session, None if everyone else coach.id)


async def _parts(
    services: BotServices,
    session: AsyncSession,
    members: Sequence[Member],
    since: datetime,
    until: datetime,
) -> list[MemberDigest]:
    """Each member's part, for those with something to say: pain flags first, the higher
    level first."""
    ids = [member.id for member in members]
    if not ids:
        return []
    flags: defaultdict[int, list[DigestFlag]] = defaultdict(list)
    for flag, evidence in await repository.digests.pain_evidence(session, ids, since, until):
        flags[flag.member_id].append(
            DigestFlag(
                evidence.at,
                evidence.level.value,
                evidence.rule,
                said(evidence.text, evidence.reason_message),
            )
        )
    check_ins: defaultdict[int, list[CheckIn]] = defaultdict(list)
    for report in await repository.digests.check_ins(session, ids, until - LOOK_BACK):
        if report.at <= until:
            check_ins[report.member_id].append(check_in_of(report))
    notices = await _notices(services, session, ids, since, until)
    findings = await _findings(services, session, members, check_ins, until)
    parts = [
        MemberDigest(
            member_card(member),
            flags[member.id],
            findings[member.id],
            notices[member.id],
            check_ins[member.id],
        )
        for member in members
        if flags[member.id] or findings[member.id] or notices[member.id]
    ]
    return sorted(parts, key=_urgency)


def _urgency(part: MemberDigest) -> int:
    """High flags first, then low ones, then the rest (the sort keeps the roster's order
    within each)."""
    levels = {flag.level for flag in part.flags}
    return 0 if "high" in levels else 1 if levels else 2


async def _notices(
    services: BotServices, session: AsyncSession, ids: list[int], since: datetime, until: datetime
) -> defaultdict[int, list[DigestNotice]]:
    queued = await repository.digests.notices(session, ids, since, until)
    session_ids = [row.session_id for row in queued if row.session_id is not None]
    rows = await repository.digests.sessions_by_id(session, session_ids)
    not_done = by_session(await repository.sessions.steps_not_done(session, session_ids))
    found: defaultdict[int, list[DigestNotice]] = defaultdict(list)
    for row in queued:
        workout = rows.get(row.session_id) if row.session_id is not None else None
        steps = (
            session_steps(services, workout, not_done.get(workout.id, []))
            if workout is not None
            else None
        )
        if row.event is NoticeEvent.SESSION and steps is None:
            continue  # the session is gone
        found[row.member_id].append(DigestNotice(row.at, row.event.value, steps))
    return found


async def _findings(
    services: BotServices,
    session: AsyncSession,
    members: Sequence[Member],
    check_ins: Mapping[int, Sequence[CheckIn]],
    until: datetime,
) -> defaultdict[int, list[DigestFinding]]:
    """The adherence and progress findings at `until` of the members who are training now
    (not paused, held by a red flag, gone from Telegram or still setting up), from what had
    happened by then."""
    training = [
        member
        for member in members
        if member.onboarded_at is not None
        and not (member.paused or member.inactive or member.held_since is not None)
    ]
    found: defaultdict[int, list[DigestFinding]] = defaultdict(list)
    if not training:
        return found
    ids = [member.id for member in training]
    since = until - LOOK_BACK
    sessions = [
        row
        for row in await repository.digests.sessions(session, ids, since)
        if row.started_at <= until
    ]
    reminders = [
        row
        for row in await repository.digests.reminders(session, ids, since)
        if row.due_at <= until
    ]
    last = await repository.digests.last_finished(session, ids)
    started: defaultdict[int, list[datetime]] = defaultdict(list)
    finished: defaultdict[int, list[datetime]] = defaultdict(list)
    for row in sessions:
        started[row.member_id].append(row.started_at)
        if row.finished_at is not None and row.finished_at <= until:
            finished[row.member_id].append(row.finished_at)
    sent: defaultdict[int, list[datetime]] = defaultdict(list)
    for reminder in reminders:
        sent[reminder.member_id].append(reminder.due_at)
    for member in training:
        assert member.onboarded_at is not None
        before = [last[member.id]] if member.id in last and last[member.id] <= until else []
        activity = MemberActivity(
            zone=member.time_zone,
            joined_at=member.onboarded_at,
            sessions=sorted({*finished[member.id], *before}),
            reminders=_followed(sent[member.id], started[member.id], until),
            check_ins=check_ins.get(member.id, []),
        )
        found[member.id] = [
            DigestFinding(finding.rule, finding.reason)
            for finding in digest_findings(
                activity, until, services.settings.adherence, services.settings.pain
            )
        ]
    return found


def _followed(
    reminders: Sequence[datetime], started: Sequence[datetime], now: datetime
) -> list[ReminderSent]:
    """Each reminder, followed when a session started after it and before the next one."""
    return [
        ReminderSent(at, any(at <= start < end for start in started))
        for at, end in itertools.pairwise([*reminders, now])
    ]
