"""What the coach is told about a member without asking: a session with steps skipped or too
hard, and a member who blocked the bot. (Pausing, resuming and erasing come back from
`bot.services.members`; flags from `bot.services.checkins`.) All but joining and erasing wait
for the coach's daily digest (`queue_for_digest`, read by `bot.services.digest`)."""

from __future__ import annotations

from bot.context import BotServices
from bot.services.session_steps import session_steps
from bot.services.views import member_card
from bot.views import MemberNotice, Notice, SessionReport
from storage import repository
from storage.models import NoticeEvent


async def session_report(services: BotServices, session_id: int) -> SessionReport | None:
    """The finished session with what was skipped or too hard; None when every step was done
    (a clean session is in /member and the export, and is not worth a message)."""
    async with services.database.read() as session:
        row = await repository.sessions.get(session, session_id)
        if row is None:
            return None
        member = await repository.members.get(session, row.member_id)
        not_done = await repository.sessions.steps_not_done(session, [session_id])
    if member is None or not not_done:
        return None
    return SessionReport(member_card(member), session_steps(services, row, not_done))


async def member_blocked(services: BotServices, member_id: int) -> MemberNotice | None:
    async with services.database.read() as session:
        member = await repository.members.get(session, member_id)
    return MemberNotice(member_card(member), "blocked") if member is not None else None


async def queue_for_digest(services: BotServices, told: Notice) -> bool:
    """Keep the notice for the coach's daily digest; False for one told at once (joining,
    erasing: the member's data is gone by the digest)."""
    session_id: int | None
    match told:
        case SessionReport(member, steps):
            event, session_id = NoticeEvent.SESSION, steps.session_id
        case MemberNotice(member, "paused" | "resumed" | "blocked" as what):
            event, session_id = NoticeEvent(what), None
        case _:
            return False
    async with services.database.transaction() as session:
        await repository.digests.queue_notice(
            session, member.id, event, session_id=session_id, now=services.clock()
        )
    return True
