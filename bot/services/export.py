"""The coach's export: every session (with its skipped and too-hard steps), check-in and
message of the coach's members (an owner's: every member's), as rows for a CSV file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.context import BotServices
from bot.services.coaches import Viewer
from bot.services.session_steps import by_session, session_steps
from storage import repository
from storage.models import Member

Row = Mapping[str, object]

STEP_SEPARATOR = "; "
"""Between the exercise names of a session's skipped (or too-hard) steps, one per set."""


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _owner(member: Member) -> dict[str, object]:
    return {"member_id": member.id, "member_name": member.name, "username": member.username}


async def rows(services: BotServices, viewer: Viewer) -> list[Row]:
    """Sessions, then check-ins, then messages, each ordered by member and time (four
    queries)."""
    only = viewer.coach_filter
    async with services.database.read() as session:
        sessions = await repository.sessions.all_with_members(session, only)
        session_ids = [row.id for row, _ in sessions] if only is not None else None
        not_done = by_session(await repository.sessions.steps_not_done(session, session_ids))
        check_ins = await repository.check_ins.all_with_members(session, only)
        messages = await repository.messages.all_with_members(session, only)
    exported: list[Row] = []
    for row, owner in sessions:
        steps = session_steps(services, row, not_done.get(row.id, []))
        exported.append(
            {
                **_owner(owner),
                "record": "session",
                "protocol": row.protocol,
                "workout": row.workout_key,
                "status": row.status.value,
                "started_at": _iso(row.started_at),
                "finished_at": _iso(row.finished_at),
                "skipped": STEP_SEPARATOR.join(steps.skipped),
                "too_hard": STEP_SEPARATOR.join(steps.too_hard),
                "at": _iso(row.started_at),
            }
        )
    exported += [
        {
            **_owner(owner),
            "record": "check_in",
            "pain": report.pain,
            "note": report.note,
            "at": _iso(report.at),
        }
        for report, owner in check_ins
    ]
    exported += [
        {
            **_owner(owner),
            "record": "message",
            "direction": message.direction.value,
            "kind": message.kind.value,
            "text": message.text,
            "coach": message.coach_name,
            "at": _iso(message.at),
        }
        for message, owner in messages
    ]
    return exported
