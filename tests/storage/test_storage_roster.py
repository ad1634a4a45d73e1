"""The members view's set-based queries (`storage.repository.roster`), on both backends: every
member at once, counted in the windows of their own zone, limited to a coach's members."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from storage_support import NOW, PAIN_FLAG, RED_FLAG, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import CoachRole, FormCheckKind, MessageDirection, MessageKind

PROTOCOL = "lower-back-pain-relief-lvl1"
UTC_ZONE = ZoneInfo("UTC")
TOKYO = ZoneInfo("Asia/Tokyo")


def hours_ago(hours: float) -> datetime:
    return NOW - timedelta(hours=hours)


async def session_at(
    database: Database, member_id: int, finished: datetime | None, *, started: datetime
) -> None:
    """A session begun at `started`, finished at `finished` (None: abandoned at once)."""
    async with database.transaction() as session:
        row = await repo.sessions.start(
            session, member_id, protocol=PROTOCOL, workout_key="day-1", now=started
        )
        if finished is None:
            await repo.sessions.abandon(session, row.id, now=started)
        else:
            await repo.sessions.finish(session, row.id, now=finished)


async def finished_at(database: Database, member_id: int, *moments: datetime) -> None:
    for moment in moments:
        await session_at(database, member_id, moment, started=moment - timedelta(minutes=25))


async def test_sessions_are_counted_from_each_start_of_the_members_own_zone(
    database: Database,
) -> None:
    london = await new_member(database, 1, "Ann", zone="UTC")
    tokyo = await new_member(database, 2, "Kei", zone="Asia/Tokyo")
    for member in (london, tokyo):
        await finished_at(database, member, hours_ago(30), hours_ago(10), hours_ago(2))
    starts = {
        UTC_ZONE: (hours_ago(48), hours_ago(12)),
        TOKYO: (hours_ago(24), hours_ago(5)),
    }
    async with database.read() as session:
        counts = await repo.roster.session_counts(session, starts, NOW, None)
    assert counts[london].since == (3, 2)
    assert counts[tokyo].since == (2, 1)


async def test_a_session_finished_at_a_start_counts_from_it(database: Database) -> None:
    member = await new_member(database)
    await finished_at(database, member, hours_ago(5))
    async with database.read() as session:
        counts = await repo.roster.session_counts(session, {UTC_ZONE: (hours_ago(5),)}, NOW, None)
    assert counts[member].since == (1,)


async def test_abandoned_sessions_and_those_finished_after_until_are_not_counted(
    database: Database,
) -> None:
    member = await new_member(database)
    await finished_at(database, member, hours_ago(6))
    await session_at(database, member, None, started=hours_ago(4))
    await finished_at(database, member, NOW + timedelta(hours=1))
    async with database.read() as session:
        counts = await repo.roster.session_counts(session, {UTC_ZONE: (hours_ago(24),)}, NOW, None)
    assert counts[member].since == (1,)
    assert counts[member].last_finished == hours_ago(6)


async def test_the_last_session_begun_counts_any_status(database: Database) -> None:
    member = await new_member(database)
    await finished_at(database, member, hours_ago(6))
    await session_at(database, member, None, started=hours_ago(4))
    async with database.read() as session:
        counts = await repo.roster.session_counts(session, {UTC_ZONE: (hours_ago(24),)}, NOW, None)
    assert counts[member].last_started == hours_ago(4)


async def test_a_member_who_never_began_a_session_has_no_counts(database: Database) -> None:
    await new_member(database)
    async with database.read() as session:
        counts = await repo.roster.session_counts(session, {UTC_ZONE: (hours_ago(24),)}, NOW, None)
    assert counts == {}


async def test_recent_pain_is_the_latest_scores_oldest_first_with_the_last_ones_time(
    database: Database,
) -> None:
    member = await new_member(database)
    async with database.transaction() as session:
        for hours, pain in ((50, 1), (40, 2), (30, 3), (20, None), (10, 4)):
            await repo.check_ins.add(
                session, member, pain=pain, note=None, session_id=None, now=hours_ago(hours)
            )
    async with database.read() as session:
        pain = await repo.roster.recent_pain(session, 3, None)
    assert pain[member].scores == (2, 3, 4)
    assert pain[member].last_at == hours_ago(10)


async def test_a_member_is_last_heard_from_at_their_latest_check_in_video_or_message(
    database: Database,
) -> None:
    checked_in = await new_member(database, 1, "A")
    filmed = await new_member(database, 2, "B")
    wrote = await new_member(database, 3, "C")
    async with database.transaction() as session:
        for member in (checked_in, filmed, wrote):
            await repo.check_ins.add(
                session, member, pain=2, note=None, session_id=None, now=hours_ago(30)
            )
        await repo.check_ins.add(
            session, checked_in, pain=None, note="fine", session_id=None, now=hours_ago(3)
        )
        await repo.form_checks.add(
            session,
            filmed,
            file_id="f",
            file_unique_id="u",
            kind=FormCheckKind.VIDEO,
            now=hours_ago(4),
        )
        await repo.messages.add(
            session,
            wrote,
            direction=MessageDirection.FROM_MEMBER,
            kind=MessageKind.TEXT,
            text="Hi",
            now=hours_ago(5),
        )
    async with database.read() as session:
        heard = await repo.roster.last_heard_from(session, None)
    assert heard == {checked_in: hours_ago(3), filmed: hours_ago(4), wrote: hours_ago(5)}


async def test_the_coachs_own_messages_are_not_hearing_from_the_member(
    database: Database,
) -> None:
    member = await new_member(database)
    async with database.transaction() as session:
        await repo.messages.add(
            session,
            member,
            direction=MessageDirection.TO_MEMBER,
            kind=MessageKind.TEXT,
            text="How is it going?",
            now=hours_ago(1),
        )
    async with database.read() as session:
        assert await repo.roster.last_heard_from(session, None) == {}


async def test_open_flags_are_counted_by_level_and_acknowledged_ones_are_not(
    database: Database,
) -> None:
    member = await new_member(database)
    async with database.transaction() as session:
        pain = await repo.flags.add(session, member, *PAIN_FLAG, "Pain up.", now=hours_ago(9))
        await repo.flags.add(session, member, *RED_FLAG, "Numb legs.", now=hours_ago(2))
        await repo.flags.acknowledge(session, pain.id, coach_user_id=7, now=hours_ago(1))
    async with database.read() as session:
        assert await repo.roster.open_flag_counts(session, None) == {member: {"urgent": 1}}


async def test_every_query_is_limited_to_the_coachs_own_members(database: Database) -> None:
    mine = await new_member(database, 1, "Mine")
    theirs = await new_member(database, 2, "Theirs")
    async with database.transaction() as session:
        coach = await repo.coaches.add(session, 500, CoachRole.COACH, now=NOW)
        other = await repo.coaches.add(session, 501, CoachRole.COACH, now=NOW)
        assert coach is not None
        assert other is not None
        await repo.members.set_coach(session, mine, coach.id)
        await repo.members.set_coach(session, theirs, other.id)
        for member in (mine, theirs):
            await repo.check_ins.add(
                session, member, pain=3, note=None, session_id=None, now=hours_ago(2)
            )
            await repo.flags.add(session, member, *PAIN_FLAG, "Pain up.", now=hours_ago(2))
    for member in (mine, theirs):
        await finished_at(database, member, hours_ago(3))
    starts = {UTC_ZONE: (hours_ago(24),)}
    async with database.read() as session:
        seen = [
            {line.id for line in await repo.roster.members(session, coach.id)},
            set(await repo.roster.session_counts(session, starts, NOW, coach.id)),
            set(await repo.roster.last_heard_from(session, coach.id)),
            set(await repo.roster.open_flag_counts(session, coach.id)),
            set(await repo.roster.recent_pain(session, 8, coach.id)),
        ]
    assert seen == [{mine}] * 5
