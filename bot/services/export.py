"""The coach's export: every session and check-in of every member, as rows for a CSV file."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from bot.context import BotServices
from storage import repository
from storage.models import Member

Row = Mapping[str, object]


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _owner(member: Member) -> dict[str, object]:
    return {"member_id": member.id, "member_name": member.name, "username": member.username}


async def rows(services: BotServices) -> list[Row]:
    """Sessions, then check-ins, each ordered by member and time (two queries)."""
    async with services.database.read() as session:
        sessions = await repository.sessions.all_with_members(session)
        check_ins = await repository.check_ins.all_with_members(session)
    exported: list[Row] = [
        {
            **_owner(owner),
            "record": "session",
            "protocol": row.protocol,
            "workout": row.workout_key,
            "status": row.status.value,
            "started_at": _iso(row.started_at),
            "finished_at": _iso(row.finished_at),
            "at": _iso(row.started_at),
        }
        for row, owner in sessions
    ]
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
    return exported
