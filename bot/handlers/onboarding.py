"""/start: the disclaimer, the protocol, workout days, reminder time and time zone.

A new member goes through every question in that order; a member who is already set up gets a
menu and changes one thing. Everything chosen is written at once, so a member who stops half
way picks up at the same question with the next /start.
"""

from __future__ import annotations

from datetime import time

from bot.handlers.turn import AwaitedFunction, ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import keyboards, texts
from bot.rules.typed_input import parse_time_of_day, parse_time_zone
from storage import repository
from storage.models import Enrolment, Member

DEFAULT_DAYS = frozenset({0, 2, 4})
DEFAULT_TIME = time(18, 0)


async def start(turn: Turn, _args: list[str]) -> None:
    user = turn.update.effective_user
    assert user is not None
    async with turn.services.database.transaction() as session:
        member = await repository.members.upsert(
            session,
            telegram_user_id=turn.user_id,
            chat_id=turn.chat_id,
            name=user.full_name[:256],
            username=user.username,
            time_zone=turn.services.settings.tz,
            now=turn.now,
        )
        await repository.members.set_awaiting(session, member.id, None)
        enrolment = await repository.enrolments.active(session, member.id)
    if member.consent_at is None:
        await turn.say(texts.DISCLAIMER.format(name=user.first_name), keyboards.consent())
    elif member.onboarded_at is None or enrolment is None:
        await _ask_next(turn, member, enrolment)
    else:
        if turn.services.reminders is not None:
            # A member who had blocked the bot is reachable again: plan their reminders.
            await turn.services.reminders.reschedule_member(member.id)
        await turn.say(
            texts.WELCOME_BACK.format(
                name=user.first_name,
                protocol=_protocol_title(turn, enrolment.protocol),
                schedule=texts.schedule_phrase(
                    enrolment.workout_days, enrolment.reminder_time, member.time_zone
                ),
            ),
            keyboards.settings_menu(),
        )


async def _ask_next(turn: Turn, member: Member, enrolment: Enrolment | None) -> None:
    """Ask the first question a new member has not answered yet."""
    if enrolment is None:
        await turn.say(texts.CHOOSE_PROTOCOL, keyboards.protocols(turn.services.library.values()))
    else:
        await _ask_days(turn, enrolment)


async def _ask_days(turn: Turn, enrolment: Enrolment) -> None:
    await turn.say(_days_question(turn, enrolment.protocol), keyboards.days(enrolment.workout_days))


def _days_question(turn: Turn, protocol_name: str) -> str:
    protocol = turn.services.protocol(protocol_name)
    workouts = protocol.workouts if protocol is not None else []
    return texts.CHOOSE_DAYS.format(cap=max((w.weekly_cap for w in workouts), default=3))


def _protocol_title(turn: Turn, name: str) -> str:
    protocol = turn.services.protocol(name)
    return protocol.title if protocol is not None else name


async def _member_and_enrolment(turn: Turn) -> tuple[Member | None, Enrolment | None]:
    async with turn.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, turn.user_id)
        if member is None:
            return None, None
        return member, await repository.enrolments.active(session, member.id)


async def on_consent(turn: Turn, _data: cb.Consent) -> None:
    async with turn.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, turn.user_id)
        if member is None:
            await turn.toast(texts.NOT_ENROLLED)
            return
        if member.consent_at is None:
            await repository.members.set_consent(session, member.id, turn.now)
        enrolment = await repository.enrolments.active(session, member.id)
    await turn.toast()
    await turn.edit_pressed(texts.DISCLAIMER.format(name=member.name) + "\n\n✅ Accepted")
    await _ask_next(turn, member, enrolment)


async def on_protocol(turn: Turn, data: cb.ChooseProtocol) -> None:
    protocol = turn.services.protocol(data.name)
    member, enrolment = await _member_and_enrolment(turn)
    if protocol is None or member is None or member.consent_at is None:
        await turn.toast(texts.SESSION_OVER)
        return
    async with turn.services.database.transaction() as session:
        enrolment = await repository.enrolments.enrol(
            session,
            member.id,
            protocol=protocol.name,
            workout_days=enrolment.workout_days if enrolment else DEFAULT_DAYS,
            reminder_time=enrolment.reminder_time if enrolment else DEFAULT_TIME,
            start_date=turn.now.date(),
        )
    await turn.toast()
    await turn.edit_pressed(f"{texts.CHOOSE_PROTOCOL}\n\n✅ {protocol.title}")
    if member.onboarded_at is None:
        await _ask_days(turn, enrolment)
    else:
        await _settings_saved(turn)


async def on_toggle_day(turn: Turn, data: cb.ToggleDay) -> None:
    member, enrolment = await _member_and_enrolment(turn)
    if member is None or enrolment is None:
        await turn.toast(texts.SESSION_OVER)
        return
    days = enrolment.workout_days ^ {data.weekday}
    async with turn.services.database.transaction() as session:
        await repository.enrolments.set_schedule(session, enrolment.id, workout_days=days)
    await turn.toast()
    await turn.edit_pressed(
        _days_question(turn, enrolment.protocol), keyboards.days(frozenset(days))
    )


async def on_days_chosen(turn: Turn, _data: cb.DaysChosen) -> None:
    member, enrolment = await _member_and_enrolment(turn)
    if member is None or enrolment is None:
        await turn.toast(texts.SESSION_OVER)
        return
    if not enrolment.workout_days:
        await turn.toast(texts.NEED_A_DAY, alert=True)
        return
    await turn.toast()
    names = ", ".join(texts.WEEKDAY_NAMES[day] for day in sorted(enrolment.workout_days))
    await turn.edit_pressed(f"Reminder days: {names} ✅")
    async with turn.services.database.transaction() as session:
        await repository.members.set_awaiting(session, member.id, "time")
    await turn.say(texts.CHOOSE_TIME, keyboards.hours())


async def on_hour(turn: Turn, data: cb.ChooseHour) -> None:
    await turn.toast()
    if await _save_time(turn, time(data.hour, 0)):
        await turn.edit_pressed(f"Reminder time: {data.hour:02d}:00 ✅")


async def on_typed_time(turn: Turn, text: str, _argument: str) -> None:
    at = parse_time_of_day(text)
    if at is None:
        await turn.say(texts.BAD_TIME)
        return
    await _save_time(turn, at)


async def _save_time(turn: Turn, at: time) -> bool:
    member, enrolment = await _member_and_enrolment(turn)
    if member is None or enrolment is None:
        await turn.say(texts.NOT_ENROLLED)
        return False
    async with turn.services.database.transaction() as session:
        await repository.enrolments.set_schedule(session, enrolment.id, reminder_time=at)
        next_question = "zone" if member.onboarded_at is None else None
        await repository.members.set_awaiting(session, member.id, next_question)
    if member.onboarded_at is None:
        await turn.say(texts.CHOOSE_ZONE, keyboards.zones(turn.services.settings.tz))
    else:
        await _settings_saved(turn)
    return True


async def on_zone(turn: Turn, data: cb.ChooseZone) -> None:
    zone = parse_time_zone(data.zone)
    if zone is None:
        await turn.toast(texts.SESSION_OVER)
        return
    await turn.toast()
    await turn.edit_pressed(f"Time zone: {zone} ✅")
    await _save_zone(turn, zone)


async def on_typed_zone(turn: Turn, text: str, _argument: str) -> None:
    zone = parse_time_zone(text)
    if zone is None:
        await turn.say(texts.UNKNOWN_ZONE.format(text=text[:64]))
        return
    await _save_zone(turn, zone)


async def _save_zone(turn: Turn, zone: str) -> None:
    async with turn.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, turn.user_id)
        if member is None:
            return
        await repository.members.set_time_zone(session, member.id, zone)
        await repository.members.set_awaiting(session, member.id, None)
        if member.onboarded_at is None:
            await repository.members.set_onboarded(session, member.id, turn.now)
    await _settings_saved(turn)


async def _settings_saved(turn: Turn) -> None:
    """Confirm the member's settings and (re)plan their reminders."""
    member, enrolment = await _member_and_enrolment(turn)
    if member is None or enrolment is None:
        return
    protocol = turn.services.protocol(enrolment.protocol)
    if protocol is None:
        return
    if turn.services.reminders is not None:
        await turn.services.reminders.reschedule_member(member.id)
    schedule = texts.schedule_phrase(
        enrolment.workout_days, enrolment.reminder_time, member.time_zone
    )
    await turn.say(texts.all_set(protocol, schedule), keyboards.start_workout())


async def on_settings(turn: Turn, data: cb.Settings) -> None:
    member, enrolment = await _member_and_enrolment(turn)
    if member is None or enrolment is None:
        await turn.toast(texts.NOT_ENROLLED)
        return
    await turn.toast()
    if data.part == "keep":
        await turn.edit_pressed(texts.NOTHING_CHANGED)
    elif data.part == "protocol":
        await turn.say(texts.CHOOSE_PROTOCOL, keyboards.protocols(turn.services.library.values()))
    elif data.part == "days":
        await _ask_days(turn, enrolment)
    else:
        async with turn.services.database.transaction() as session:
            await repository.members.set_awaiting(session, member.id, "zone")
        await turn.say(texts.CHOOSE_ZONE, keyboards.zones(member.time_zone))


COMMANDS: dict[str, CommandFunction] = {"start": start}
BUTTONS: dict[type, ButtonFunction] = {
    cb.Consent: on_consent,
    cb.ChooseProtocol: on_protocol,
    cb.ToggleDay: on_toggle_day,
    cb.DaysChosen: on_days_chosen,
    cb.ChooseHour: on_hour,
    cb.ChooseZone: on_zone,
    cb.Settings: on_settings,
}
AWAITED: dict[str, AwaitedFunction] = {"time": on_typed_time, "zone": on_typed_zone}
