"""A member's set-up and settings: consent, protocol, reminder days, time and time zone;
pausing, snoozing and erasing.

Set-up asks one question at a time, in a fixed order, and writes every answer at once, so a
member who stops half way picks up at the same question with the next /start. Each public
function is one unit of work and answers with the `Step` the member is at now, which the
onboarding handler turns into the next message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules import screening
from bot.rules.places import PlaceOption, ZoneOptions
from bot.rules.typed_input import Ambiguous
from bot.services import safety
from bot.services.coaches import chats_for_member
from bot.services.views import member_card
from bot.views import JoinNotice, MemberCard, MemberSettings, Schedule
from protocols.schema import Protocol
from storage import repository
from storage.awaiting import Awaiting, AwaitTime, AwaitZone
from storage.models import Enrolment, EvidenceSource, Member
from storage.video_files import remove_member_videos

DEFAULT_DAYS = frozenset({0, 2, 4})
DEFAULT_TIME = time(18, 0)


# --- where a member is in set-up ---------------------------------------------------------------
#
# Every settings question (set-up, /start's menu, /delete's confirmation) gets a new number,
# `menu`, kept on the member; its buttons carry it. A press is applied only while its number is
# the member's current one, and applying an answer uses the number up, so a button left on an
# older message (a "07:00" from set-up, pressed mid-workout) changes nothing: it is `Stale`.
# Typed answers need no number: they count only while the bot awaits them (`storage.awaiting`).


@dataclass(frozen=True)
class AskConsent:
    first_name: str
    menu: int


@dataclass(frozen=True)
class AskScreening:
    """A question of the red-flag screen (`bot.rules.screening`), before the first workout.
    Its buttons name the question, and an answered question is not answered again, so it
    needs no settings question number."""

    question: str
    number: int
    total: int


@dataclass(frozen=True)
class AskProtocol:
    protocols: Sequence[Protocol]
    menu: int


@dataclass(frozen=True)
class AskDays:
    chosen: frozenset[int]
    cap: int
    """The most sessions a week any workout of the protocol allows."""
    menu: int


@dataclass(frozen=True)
class AskTime:
    menu: int


@dataclass(frozen=True)
class AskHalfOfDay:
    """A time was typed without morning or evening ('7', 'half past six'): which one?"""

    morning: time
    evening: time
    menu: int


@dataclass(frozen=True)
class AskZone:
    suggested: ZoneInfo
    menu: int


@dataclass(frozen=True)
class AskPlace:
    """The typed place has namesakes in different zones ('Portland'): which one?
    `guessed` when the name was misspelt and these are the nearest."""

    options: Sequence[PlaceOption]
    guessed: bool
    menu: int


@dataclass(frozen=True)
class AllSet:
    """Set-up is complete (or a setting was changed): reminders are planned."""

    settings: MemberSettings
    joined: JoinNotice | None = None
    """Set when this answer completed set-up: the coach hears about the new member."""


@dataclass(frozen=True)
class WelcomeBack:
    """/start from a member who is set up: what would they like to change?"""

    first_name: str
    settings: MemberSettings
    menu: int
    joined: JoinNotice | None = None
    """Set when they came back through a coach's invite link: that coach hears about it."""


@dataclass(frozen=True)
class NothingChanged:
    """The member chose to keep their settings as they are."""


@dataclass(frozen=True)
class ProtocolLocked:
    """The coach chose the member's protocol: only the coach changes it."""

    protocol_title: str


@dataclass(frozen=True)
class NeedADay:
    """The member pressed Done with no day picked."""


@dataclass(frozen=True)
class Unknown:
    """No member (or no set-up) behind this update: the button or answer is stale."""


@dataclass(frozen=True)
class Stale:
    """The button belongs to a settings question that was answered or replaced since."""


Step = (
    AskConsent
    | AskScreening
    | AskProtocol
    | AskDays
    | AskTime
    | AskHalfOfDay
    | AskZone
    | AskPlace
    | AllSet
    | WelcomeBack
)
SettingsPart = Literal["protocol", "days", "zone", "keep"]


def schedule_of(member: Member, enrolment: Enrolment) -> Schedule:
    return Schedule(enrolment.workout_days, enrolment.reminder_time, member.time_zone)


def _title(services: BotServices, enrolment: Enrolment) -> str:
    protocol = services.protocol(enrolment.protocol)
    return protocol.title if protocol is not None else enrolment.protocol


def settings_of(services: BotServices, member: Member, enrolment: Enrolment) -> MemberSettings:
    return MemberSettings(
        _title(services, enrolment), schedule_of(member, enrolment), enrolment.set_by_coach
    )


def _cap(services: BotServices, enrolment: Enrolment) -> int:
    protocol = services.protocol(enrolment.protocol)
    workouts = protocol.workouts if protocol is not None else []
    return max((w.weekly_cap for w in workouts), default=3)


def _ask_days(services: BotServices, enrolment: Enrolment, menu: int) -> AskDays:
    return AskDays(enrolment.workout_days, _cap(services, enrolment), menu)


async def _next_question(
    services: BotServices, member: Member, enrolment: Enrolment | None, menu: int
) -> AskScreening | AskProtocol | AskDays:
    """The first set-up question a new member has not answered yet: the red-flag screen
    first, then the protocol (unless their coach chose it) and the days."""
    async with services.database.read() as session:
        answered = await repository.screening.answered(session, member.id)
    question = screening.next_question(answered)
    if question is not None:
        number = screening.ONBOARDING.index(question) + 1
        return AskScreening(question.key, number, len(screening.ONBOARDING))
    if enrolment is None:
        return AskProtocol(list(services.library.values()), menu)
    return _ask_days(services, enrolment, menu)


async def _member_and_enrolment(
    session: AsyncSession, user_id: int
) -> tuple[Member | None, Enrolment | None]:
    member = await repository.members.by_user_id(session, user_id)
    if member is None:
        return None, None
    return member, await repository.enrolments.active(session, member.id)


def _pressed_stale(member: Member, menu: int | None) -> bool:
    """A button (`menu` set) from a question other than the member's current one."""
    return menu is not None and menu != member.settings_menu


async def _replan(services: BotServices, member_id: int) -> datetime | None:
    """Plan the member's reminders again after a change; their next reminder time."""
    if services.reminders is None:
        return None
    return await services.reminders.reschedule_member(member_id)


# --- set-up ------------------------------------------------------------------------------------


async def where_is(
    services: BotServices,
    member: Member,
    enrolment: Enrolment | None,
    first_name: str,
    joined_at: datetime | None = None,
) -> Step:
    """Where a member who just sent /start is in set-up: the next question, or, when set up,
    what they would like to change (`joined_at`: they came through a coach's invite link
    then, so that coach hears about them). Earlier settings questions go out of date."""
    async with services.database.transaction() as session:
        menu = await repository.members.next_settings_menu(session, member.id)
        if isinstance(member.awaiting, AwaitTime | AwaitZone):
            await repository.members.set_awaiting(session, member.id, None)  # asked anew
    if member.consent_at is None:
        return AskConsent(first_name, menu)
    if member.onboarded_at is None or enrolment is None:
        return await _next_question(services, member, enrolment, menu)
    # A member who had blocked the bot is reachable again: plan their reminders.
    await _replan(services, member.id)
    settings = settings_of(services, member, enrolment)
    joined = JoinNotice(member_card(member), settings, joined_at) if joined_at else None
    return WelcomeBack(first_name, settings, menu, joined)


async def consent(
    services: BotServices, user_id: int, menu: int, now: datetime
) -> Step | Stale | Unknown:
    """The member accepted the disclaimer: the first question follows."""
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if member is None:
            return Unknown()
        if _pressed_stale(member, menu) or member.consent_at is not None:
            return Stale()
        await repository.members.set_consent(session, member.id, now)
        menu = await repository.members.next_settings_menu(session, member.id)
    return await _next_question(services, member, enrolment, menu)


async def choose_protocol(
    services: BotServices, user_id: int, name: str, menu: int, now: datetime
) -> Step | ProtocolLocked | Stale | Unknown:
    """Enrol the member in the protocol they picked (keeping their days and time), unless
    their coach chose it."""
    protocol = services.protocol(name)
    async with services.database.transaction() as session:
        member, current = await _member_and_enrolment(session, user_id)
        if protocol is None or member is None or member.consent_at is None:
            return Unknown()
        if _pressed_stale(member, menu):
            return Stale()
        if current is not None and current.set_by_coach:
            return ProtocolLocked(_title(services, current))
        enrolment = await repository.enrolments.enrol(
            session,
            member.id,
            protocol=protocol.name,
            workout_days=current.workout_days if current else DEFAULT_DAYS,
            reminder_time=current.reminder_time if current else DEFAULT_TIME,
            start_date=now.astimezone(member.time_zone).date(),
        )
        menu = await repository.members.next_settings_menu(session, member.id)
    if member.onboarded_at is None:
        return _ask_days(services, enrolment, menu)
    await _replan(services, member.id)
    return AllSet(MemberSettings(protocol.title, schedule_of(member, enrolment)))


async def toggle_day(
    services: BotServices, user_id: int, weekday: int, menu: int
) -> AskDays | Stale | Unknown:
    """Pick or unpick a day in the day picker (the same question: its number stays)."""
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if member is None or enrolment is None:
            return Unknown()
        if _pressed_stale(member, menu):
            return Stale()
        days = enrolment.workout_days ^ {weekday}
        await repository.enrolments.set_schedule(session, enrolment.id, workout_days=days)
    return AskDays(frozenset(days), _cap(services, enrolment), menu)


async def confirm_days(
    services: BotServices, user_id: int, menu: int
) -> tuple[frozenset[int], AskTime] | NeedADay | Stale | Unknown:
    """Done with the day picker: the chosen days, and the time question next."""
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if member is None or enrolment is None:
            return Unknown()
        if _pressed_stale(member, menu):
            return Stale()
        if not enrolment.workout_days:
            return NeedADay()
        await repository.members.set_awaiting(session, member.id, AwaitTime())
        menu = await repository.members.next_settings_menu(session, member.id)
    return enrolment.workout_days, AskTime(menu)


async def set_reminder_time(
    services: BotServices, user_id: int, at: time | Ambiguous, menu: int | None = None
) -> Step | Stale | Unknown:
    """Save the reminder time (`menu`: the question of the pressed button; None when typed);
    a new member is asked their time zone next. A time that could be morning or evening is
    asked about first."""
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if member is None or enrolment is None:
            return Unknown()
        if _pressed_stale(member, menu) or not isinstance(member.awaiting, AwaitTime):
            return Stale()
        if isinstance(at, Ambiguous):
            return AskHalfOfDay(at.morning, at.evening, member.settings_menu)
        await repository.enrolments.set_schedule(session, enrolment.id, reminder_time=at)
        next_menu = await repository.members.next_settings_menu(session, member.id)
        if member.onboarded_at is None:
            await repository.members.set_awaiting(session, member.id, AwaitZone())
            return AskZone(services.settings.tz, next_menu)
        await repository.members.set_awaiting(session, member.id, None)
    await _replan(services, member.id)
    schedule = Schedule(enrolment.workout_days, at, member.time_zone)
    return AllSet(MemberSettings(_title(services, enrolment), schedule, enrolment.set_by_coach))


async def places_to_choose(
    services: BotServices, user_id: int, places: ZoneOptions
) -> AskPlace | Stale | Unknown:
    """A typed place has namesakes in different zones: ask which one (part of the time-zone
    question, so its buttons and the zone buttons are both current)."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
    if member is None:
        return Unknown()
    if not isinstance(member.awaiting, AwaitZone):
        return Stale()
    return AskPlace(places.options, places.guessed, member.settings_menu)


async def set_time_zone(
    services: BotServices, user_id: int, zone: ZoneInfo, now: datetime, menu: int | None = None
) -> AllSet | Stale | Unknown:
    """Save the time zone (`menu`: the question of the pressed button; None when typed or
    shared); for a new member that completes set-up."""
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if member is None or enrolment is None:
            return Unknown()
        if _pressed_stale(member, menu) or not isinstance(member.awaiting, AwaitZone):
            return Stale()
        await repository.members.set_time_zone(session, member.id, zone)
        await repository.members.set_awaiting(session, member.id, None)
        await repository.members.next_settings_menu(session, member.id)
        joining = member.onboarded_at is None
        if joining:
            await repository.members.set_onboarded(session, member.id, now)
    await _replan(services, member.id)
    settings = MemberSettings(
        _title(services, enrolment),
        Schedule(enrolment.workout_days, enrolment.reminder_time, zone),
        enrolment.set_by_coach,
    )
    card = member_card(member)
    joined = JoinNotice(replace(card, zone=zone), settings, now) if joining else None
    return AllSet(settings, joined)


async def change_setting(
    services: BotServices, user_id: int, part: SettingsPart, menu: int
) -> AskProtocol | AskDays | AskZone | NothingChanged | ProtocolLocked | Stale | Unknown:
    """A set-up member wants to change one thing (or nothing): the question for it (the
    protocol only if they chose it themselves)."""
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if member is None or enrolment is None:
            return Unknown()
        if _pressed_stale(member, menu):
            return Stale()
        if part == "protocol" and enrolment.set_by_coach:
            return ProtocolLocked(_title(services, enrolment))
        menu = await repository.members.next_settings_menu(session, member.id)
        if part == "zone":
            await repository.members.set_awaiting(session, member.id, AwaitZone())
            return AskZone(member.time_zone, menu)
    if part == "keep":
        return NothingChanged()
    if part == "protocol":
        return AskProtocol(list(services.library.values()), menu)
    return _ask_days(services, enrolment, menu)


# --- pausing, snoozing, erasing ----------------------------------------------------------------


@dataclass(frozen=True)
class PauseChanged:
    paused: bool
    next_reminder: datetime | None
    zone: ZoneInfo
    member: MemberCard


@dataclass(frozen=True)
class PauseUnchanged:
    paused: bool


@dataclass(frozen=True)
class HeldByRedFlag:
    """The programme is held until the coach resumes it: the member cannot resume it alone."""

    zone: ZoneInfo


async def set_paused(
    services: BotServices, user_id: int, paused: bool
) -> PauseChanged | PauseUnchanged | HeldByRedFlag | Unknown:
    """/pause and /resume: stop or restart the member's reminders."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None or member.onboarded_at is None:
            return Unknown()
        if not paused and member.held_since is not None:
            return HeldByRedFlag(member.time_zone)
        if member.paused == paused:
            return PauseUnchanged(paused)
        await repository.members.set_paused(session, member.id, paused)
    next_at = await _replan(services, member.id)
    return PauseChanged(paused, next_at, member.time_zone, member_card(member))


@dataclass(frozen=True)
class Snoozed:
    until: datetime
    zone: ZoneInfo


@dataclass(frozen=True)
class NothingToSnooze:
    paused: bool


async def snooze(
    services: BotServices, user_id: int, now: datetime, day: date | None = None
) -> Snoozed | NothingToSnooze | Stale | Unknown:
    """Move today's reminder by an hour (`day`: the date of the reminder whose button was
    pressed; a reminder of another day is Stale)."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
    if member is None or member.onboarded_at is None or services.reminders is None:
        return Unknown()
    if day is not None and day != now.astimezone(member.time_zone).date():
        return Stale()
    if member.paused:
        return NothingToSnooze(paused=True)
    moved_to = await services.reminders.snooze(member.id, now)
    if moved_to is None:
        return NothingToSnooze(paused=False)
    return Snoozed(moved_to, member.time_zone)


async def is_member(services: BotServices, user_id: int) -> bool:
    async with services.database.read() as session:
        return await repository.members.by_user_id(session, user_id) is not None


@dataclass(frozen=True)
class Erased:
    """Who was erased, and the coach chats that heard about them (asked before the erasure,
    while the member still had a coach)."""

    member: MemberCard
    coach_chats: Sequence[int]


@dataclass(frozen=True)
class AskErase:
    """/delete: are you sure? (a settings question: its buttons carry `menu`)."""

    menu: int


async def ask_erase(services: BotServices, user_id: int) -> AskErase | Unknown:
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return Unknown()
        return AskErase(await repository.members.next_settings_menu(session, member.id))


async def erase(services: BotServices, user_id: int, menu: int) -> Erased | Stale | None:
    """Erase the member and everything of theirs (`menu`: the confirmation they pressed);
    None if there was no such member, Stale if the confirmation is not their current
    question."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
    if member is None:
        return None
    if _pressed_stale(member, menu):
        return Stale()
    coach_chats = await chats_for_member(services, member.id)
    async with services.database.transaction() as session:
        if not await repository.members.delete(session, member.id):
            return None
    await services.database.checkpoint()  # the erased rows leave the WAL file too
    remove_member_videos(services.settings.form_video_archive_dir, member.id)
    if services.reminders is not None:
        services.reminders.forget_member(member.id)
    return Erased(member_card(member), coach_chats)


async def awaited(services: BotServices, user_id: int) -> Awaiting | Unknown | None:
    """What the bot waits for this member to type, if anything; Unknown for a stranger."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
    return Unknown() if member is None else member.awaiting


@dataclass(frozen=True)
class ScreeningAnswered:
    """The answer is kept: a "yes" is a red flag (`reported`, the programme is held); `next`
    is the set-up question that follows (None when set-up is over)."""

    reported: safety.Reported | None
    next: Step | None


async def answer_screening(
    services: BotServices, user_id: int, key: str, yes: bool, asked: str, now: datetime
) -> ScreeningAnswered | Unknown:
    """Keep a member's answer to an onboarding screen question (`asked`: its words, for the
    coach)."""
    question = screening.QUESTIONS.get(key)
    reported = None
    async with services.database.transaction() as session:
        member, enrolment = await _member_and_enrolment(session, user_id)
        if question is None or member is None:
            return Unknown()
        if not await repository.screening.record(session, member.id, key, yes, now=now):
            return Unknown()  # answered before: a second tap or an old button
        if yes:
            found = safety.Report(
                question.level, (question.family,), asked, EvidenceSource.SCREENING
            )
            reported = await safety.report_for(services, session, member, found, now)
        menu = await repository.members.next_settings_menu(session, member.id)
    if member.onboarded_at is not None:
        return ScreeningAnswered(reported, None)
    return ScreeningAnswered(reported, await _next_question(services, member, enrolment, menu))
