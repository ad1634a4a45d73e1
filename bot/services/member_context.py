"""The context line that goes with everything a member sends their coach."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.services.session_steps import workout_title
from bot.services.views import member_card
from bot.services.workouts import current_step
from bot.views import LastSession, MemberContext, StepPlace
from storage import repository
from storage.models import Member


async def member_context(
    services: BotServices, session: AsyncSession, member: Member
) -> MemberContext:
    """Who, on which protocol, the step they are on (or else their last session), and their
    last pain score (inside the caller's unit of work)."""
    enrolment = await repository.enrolments.active(session, member.id)
    protocol = services.protocol(enrolment.protocol) if enrolment is not None else None
    protocol_title = protocol.title if protocol is not None else None
    if protocol_title is None and enrolment is not None:
        protocol_title = enrolment.protocol
    view = await current_step(services, session, member.id)
    step = None
    last_session = None
    if view is not None:
        step = StepPlace(
            view.workout.title, view.step.index + 1, view.step_count, view.step.exercise.name
        )
    else:
        row = await repository.sessions.last_finished(session, member.id)
        if row is not None and row.finished_at is not None:
            last_session = LastSession(workout_title(services, row), row.finished_at)
    pain = await repository.check_ins.latest_pain(session, member.id)
    return MemberContext(
        member=member_card(member),
        protocol_title=protocol_title,
        step=step,
        last_session=last_session,
        last_pain=pain.pain if pain is not None else None,
        last_pain_at=pain.at if pain is not None else None,
    )
