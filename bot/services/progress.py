"""/progress: the member's week against the cap, their streak and their pain scores."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.context import BotServices
from bot.rules.local_time import week_bounds
from bot.rules.symptoms import pain_points
from bot.rules.weekly_cap import streak_weeks, week_counts
from bot.services.history import history
from bot.services.workouts import done_sessions
from bot.views import Progress
from storage import repository
from storage.models import SessionStatus

RECENT_PAIN = 5
STREAK_LOOKBACK_WEEKS = 52


async def progress(services: BotServices, user_id: int, now: datetime) -> Progress | None:
    """The member's progress; None when they are not set up."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None or member.onboarded_at is None:
            return None
        enrolment = await repository.enrolments.active(session, member.id)
        protocol = services.protocol(enrolment.protocol) if enrolment else None
        if protocol is None:
            return None
        zone = member.time_zone
        done = await done_sessions(session, member.id, zone, now)
        start, _ = week_bounds(now - timedelta(weeks=STREAK_LOOKBACK_WEEKS), zone)
        year = await repository.sessions.started_between(session, member.id, start, now)
        check_ins = await history(session, member.id)
    finished = [row.finished_at for row in year if row.status == SessionStatus.FINISHED]
    points = pain_points(check_ins)
    return Progress(
        week=week_counts(protocol, done, now, zone),
        workout_titles={workout.key: workout.title for workout in protocol.workouts},
        streak_weeks=streak_weeks([at for at in finished if at is not None], now, zone),
        recent_pain=[pain for _, pain in points[-RECENT_PAIN:]],
        pain_points=points,
        zone=zone,
    )
