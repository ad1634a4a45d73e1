"""Helpers for the dashboard tests: members seeded into the database, and signed launch data."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from fixtures_bot import RunningBot

from emulator import BotApiEmulator, SimulatedUser
from emulator.web_apps import init_data
from storage import repository
from storage.models import FlagKind, FlagLevel, StepOutcome

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
VIDEO = b"\x00\x00\x00\x18ftypmp42 a tiny stand-in for a phone video"
PROTOCOL = "lower-back-pain-relief-lvl1"
PROTOCOL_TITLE = "Lower Back Pain Relief, Level 1"


@dataclass(frozen=True)
class Seeded:
    member_id: int
    user: SimulatedUser
    flag_id: int | None


async def seed_member(
    bot: RunningBot,
    user: SimulatedUser,
    *,
    pains: Sequence[int] = (),
    note: str | None = None,
    flag: tuple[FlagKind, FlagLevel, str] | None = None,
    paused: bool = False,
    zone: str = "Europe/Lisbon",
) -> Seeded:
    """A set-up member with a finished session a day for each of `pains` (the last one
    yesterday), each with its check-in; the first session has a skipped and a too-hard step."""
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        owner = await repository.coaches.first_owner(session)  # the coach, from COACH_CHAT_IDS
        member = await repository.members.upsert(
            session,
            telegram_user_id=user.id,
            chat_id=user.id,
            name=user.user["first_name"],
            username=user.user.get("username"),
            time_zone=ZoneInfo(zone),
            now=now - timedelta(days=40),
            coach_id=owner.id if owner else None,
        )
        await repository.members.set_consent(session, member.id, now - timedelta(days=40))
        await repository.members.set_onboarded(session, member.id, now - timedelta(days=40))
        await repository.members.set_paused(session, member.id, paused)
        await repository.enrolments.enrol(
            session,
            member.id,
            protocol=PROTOCOL,
            workout_days={0, 2, 4},
            reminder_time=time(18, 0),
            start_date=(now - timedelta(days=40)).date(),
        )
        for number, pain in enumerate(pains):
            at = now - timedelta(days=len(pains) - number)
            row = await repository.sessions.start(
                session, member.id, protocol=PROTOCOL, workout_key="day-1", now=at
            )
            outcomes = [StepOutcome.DONE, StepOutcome.SKIPPED, StepOutcome.TOO_HARD]
            for index, outcome in enumerate(outcomes if number == 0 else outcomes[:1]):
                await repository.sessions.record_step(session, row.id, index, outcome, now=at)
            await repository.sessions.finish(session, row.id, now=at + timedelta(minutes=25))
            await repository.check_ins.add(
                session,
                member.id,
                pain=pain,
                note=note if number == len(pains) - 1 else None,
                session_id=row.id,
                now=at + timedelta(minutes=26),
            )
        raised = None
        if flag is not None:
            raised = await repository.flags.add(
                session, member.id, *flag, "Pain 8 after the last session.", now=now
            )
    return Seeded(member.id, user, raised.id if raised else None)


def signed_for(
    emulator: BotApiEmulator, user: SimulatedUser, *, age: timedelta = timedelta()
) -> str:
    """The initData Telegram gives `user`'s Mini App, signed `age` ago."""
    person = {key: value for key, value in user.user.items() if key != "is_bot"}
    auth_date = int(datetime.now(UTC).timestamp() - age.total_seconds())
    return init_data(person, emulator.bot_token, auth_date=auth_date)


@dataclass
class Practice:
    """The coach, their members, and the dashboard's address."""

    bot: RunningBot
    url: str
    coach: SimulatedUser
    maya: Seeded
    ben: Seeded
    hostile: Seeded
    form_check_id: int
