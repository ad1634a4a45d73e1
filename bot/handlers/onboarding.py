"""/start: the disclaimer, the protocol, workout days, reminder time and time zone.

A new member goes through every question in that order (the protocol only when no coach chose
it through an invite link); a member who is already set up gets a menu and changes one thing
(see `bot.services.members`, which keeps the order and the answers). Who may start at all,
and with which coach, is `bot.services.joining`. When a member joins, their coach is told.
"""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

from bot import alerts, menus
from bot.handlers.turn import AwaitedFunction, ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import coach_texts, keyboards, texts
from bot.rules.typed_input import parse_time_of_day, parse_time_zone
from bot.services import coaches, joining, members
from bot.views import JoinNotice
from storage.awaiting import AwaitTime, AwaitZone


async def show(turn: Turn, step: members.Step | members.ProtocolLocked | members.Unknown) -> None:
    """Send the message for where the member is now in set-up."""
    match step:
        case members.AskConsent(first_name):
            await turn.say(texts.DISCLAIMER.format(name=first_name), keyboards.consent())
        case members.AskScreening(question, number, total):
            text = texts.screening_question(question, number, total)
            await turn.say(text, keyboards.screening(question))
        case members.AskProtocol(protocols):
            await turn.say(texts.CHOOSE_PROTOCOL, keyboards.protocols(protocols))
        case members.AskDays(chosen, cap):
            await turn.say(texts.CHOOSE_DAYS.format(cap=cap), keyboards.days(chosen))
        case members.AskTime():
            await turn.say(texts.CHOOSE_TIME, keyboards.hours())
        case members.AskZone(suggested):
            await turn.say(texts.CHOOSE_ZONE, keyboards.zones(suggested.key))
        case members.AllSet(settings, joined):
            await _tell_coach(turn, joined)
            await turn.say(texts.all_set(settings), keyboards.start_workout())
        case members.WelcomeBack(first_name, settings, joined):
            await _tell_coach(turn, joined)
            menu = keyboards.settings_menu(protocol_locked=settings.chosen_by_coach)
            await turn.say(texts.welcome_back(first_name, settings), menu)
        case members.ProtocolLocked(title):
            await turn.say(texts.PROTOCOL_LOCKED.format(title=title))
        case members.Unknown():
            await turn.say(texts.NOT_ENROLLED)


async def _tell_coach(turn: Turn, joined: JoinNotice | None) -> None:
    """A member joined: their coach hears it (before the member's own answer, so the member
    seeing "All set" means the coach was told)."""
    if joined is not None:
        await alerts.send_notice(turn.bot, turn.services, joined)


async def start(turn: Turn, args: list[str]) -> None:
    """/start, or /start <code> from an invite link (Telegram sends the link's code)."""
    code = args[0] if args else None
    arrival = await joining.start(turn.services, turn.profile(), turn.now, code)
    match arrival:
        case joining.NotPrivate():
            await turn.say(texts.PRIVATE_ONLY)
        case joining.AskForLink():
            await turn.say(texts.ASK_FOR_LINK)
        case joining.LinkNotValid():
            await turn.say(texts.LINK_NOT_VALID)
        case joining.CoachWelcome(first_name, owner):
            await menus.publish_for(turn.bot, turn.services, turn.user_id)
            await turn.say(coach_texts.coach_welcome(first_name, owner))
        case joining.BecameCoach(first_name, owner, inviter):
            await menus.publish_for(turn.bot, turn.services, turn.user_id)
            await turn.say(
                coach_texts.BECAME_COACH.format(
                    name=first_name,
                    inviter=coach_texts.coach_name(inviter),
                    role=coach_texts.role_name(owner),
                )
            )
        case _:
            await show(turn, arrival)


async def on_consent(turn: Turn, _data: cb.Consent) -> None:
    step = await members.consent(turn.services, turn.user_id, turn.now)
    if isinstance(step, members.Unknown):
        await turn.toast(texts.NOT_ENROLLED)
        return
    await turn.toast()
    name = turn.profile().first_name
    await turn.edit_pressed(f"{texts.DISCLAIMER.format(name=name)}\n\n{texts.CONSENT_GIVEN}")
    await show(turn, step)
    if (await coaches.roles(turn.services, turn.user_id)).coach is not None:
        await menus.publish_for(turn.bot, turn.services, turn.user_id)  # a coach who trains too


async def on_protocol(turn: Turn, data: cb.ChooseProtocol) -> None:
    step = await members.choose_protocol(turn.services, turn.user_id, data.name, turn.now)
    protocol = turn.services.protocol(data.name)
    if isinstance(step, members.ProtocolLocked):
        await turn.toast(texts.PROTOCOL_LOCKED.format(title=step.protocol_title), alert=True)
        await turn.remove_pressed_buttons()
        return
    if isinstance(step, members.Unknown) or protocol is None:
        await turn.toast(texts.SESSION_OVER)
        return
    await turn.toast()
    chosen = texts.PROTOCOL_CHOSEN.format(title=protocol.title)
    await turn.edit_pressed(f"{texts.CHOOSE_PROTOCOL}\n\n{chosen}")
    await show(turn, step)


async def on_toggle_day(turn: Turn, data: cb.ToggleDay) -> None:
    step = await members.toggle_day(turn.services, turn.user_id, data.weekday)
    if isinstance(step, members.Unknown):
        await turn.toast(texts.SESSION_OVER)
        return
    await turn.toast()
    await turn.edit_pressed(texts.CHOOSE_DAYS.format(cap=step.cap), keyboards.days(step.chosen))


async def on_days_chosen(turn: Turn, _data: cb.DaysChosen) -> None:
    result = await members.confirm_days(turn.services, turn.user_id)
    match result:
        case members.Unknown():
            await turn.toast(texts.SESSION_OVER)
        case members.NeedADay():
            await turn.toast(texts.NEED_A_DAY, alert=True)
        case (days, question):
            await turn.toast()
            await turn.edit_pressed(texts.DAYS_CHOSEN.format(days=texts.day_names(days)))
            await show(turn, question)


async def on_hour(turn: Turn, data: cb.ChooseHour) -> None:
    at = time(data.hour, 0)
    step = await members.set_reminder_time(turn.services, turn.user_id, at)
    await turn.toast()
    if not isinstance(step, members.Unknown):
        await turn.edit_pressed(texts.TIME_CHOSEN.format(at=f"{at:%H:%M}"))
    await show(turn, step)


async def on_typed_time(turn: Turn, text: str, _state: AwaitTime) -> None:
    at = parse_time_of_day(text)
    if at is None:
        await turn.say(texts.BAD_TIME)
        return
    await show(turn, await members.set_reminder_time(turn.services, turn.user_id, at))


async def on_zone(turn: Turn, data: cb.ChooseZone) -> None:
    zone = parse_time_zone(data.zone)
    if zone is None:
        await turn.toast(texts.SESSION_OVER)
        return
    await turn.toast()
    await turn.edit_pressed(texts.ZONE_CHOSEN.format(zone=zone))
    await show(
        turn, await members.set_time_zone(turn.services, turn.user_id, ZoneInfo(zone), turn.now)
    )


async def on_typed_zone(turn: Turn, text: str, _state: AwaitZone) -> None:
    zone = parse_time_zone(text)
    if zone is None:
        await turn.say(texts.UNKNOWN_ZONE.format(text=text[:64]))
        return
    await show(
        turn, await members.set_time_zone(turn.services, turn.user_id, ZoneInfo(zone), turn.now)
    )


async def on_settings(turn: Turn, data: cb.Settings) -> None:
    if data.part == "keep":
        known = await members.is_member(turn.services, turn.user_id)
        await turn.toast(None if known else texts.NOT_ENROLLED)
        if known:
            await turn.edit_pressed(texts.NOTHING_CHANGED)
        return
    step = await members.change_setting(turn.services, turn.user_id, data.part)
    if isinstance(step, members.Unknown):
        await turn.toast(texts.NOT_ENROLLED)
        return
    await turn.toast()
    await show(turn, step)


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
AWAITED: dict[type, AwaitedFunction] = {AwaitTime: on_typed_time, AwaitZone: on_typed_zone}
