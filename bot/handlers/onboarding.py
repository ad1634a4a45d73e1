"""/start: the disclaimer, the protocol, workout days, reminder time and time zone.

A new member goes through every question in that order (the protocol only when no coach chose
it through an invite link); a member who is already set up gets a menu and changes one thing
(see `bot.services.members`, which keeps the order and the answers). Who may start at all,
and with which coach, is `bot.services.joining`. When a member joins, their coach is told.

The time can be tapped or typed ('7pm', '0630', 'noon'); one said without morning or evening
('7', 'half past six') is asked back with a button for each. The time zone can be tapped (the
buttons show 'Los Angeles (UTC-8)', never a zone id), typed (a city, country or zone; a name
with namesakes in other zones is asked back: 'Portland, Oregon' or 'Portland, Maine'), or
shared with the chat's "📍 Share location" button (the zone is found offline).

Every settings button carries the number of the settings question it belongs to; a press from
an older question is answered "out of date", loses its buttons and changes nothing.
"""

from __future__ import annotations

from datetime import time
from zoneinfo import ZoneInfo

from telegram import Location

from bot import alerts, menus
from bot.handlers.turn import (
    AwaitedFunction,
    ButtonFunction,
    CommandFunction,
    LocatedFunction,
    Turn,
)
from bot.render import callbacks as cb
from bot.render import coach_texts, keyboards, texts
from bot.rules.places import ZoneFound, ZoneOptions, find_time_zone, time_zone_at, zone_label
from bot.rules.typed_input import parse_time_zone, read_time_of_day
from bot.services import coaches, joining, members
from bot.views import JoinNotice
from storage.awaiting import AwaitTime, AwaitZone


async def show(
    turn: Turn, step: members.Step | members.ProtocolLocked | members.Stale | members.Unknown
) -> None:
    """Send the message for where the member is now in set-up (nothing for a stale answer:
    the question it answers is no longer asked)."""
    match step:
        case members.AskConsent(first_name, menu):
            await turn.say(texts.DISCLAIMER.format(name=first_name), keyboards.consent(menu))
        case members.AskScreening(question, number, total):
            text = texts.screening_question(question, number, total)
            await turn.say(text, keyboards.screening(question))
        case members.AskProtocol(protocols, menu):
            await turn.say(texts.CHOOSE_PROTOCOL(), keyboards.protocols(protocols, menu))
        case members.AskDays(chosen, cap, menu):
            await turn.say(texts.CHOOSE_DAYS.format(cap=cap), keyboards.days(chosen, menu))
        case members.AskTime(menu):
            await turn.say(texts.CHOOSE_TIME(), keyboards.hours(menu))
        case members.AskHalfOfDay(morning, evening, menu):
            await turn.say(
                texts.MORNING_OR_EVENING(), keyboards.half_of_day(morning, evening, menu)
            )
        case members.AskZone(suggested, menu):
            await turn.say(texts.CHOOSE_ZONE(), keyboards.zones(suggested.key, menu, turn.now))
            await turn.say(texts.SHARE_LOCATION_HINT(), keyboards.share_location())
        case members.AskPlace(options, guessed, menu):
            question = texts.DID_YOU_MEAN() if guessed else texts.WHICH_PLACE()
            await turn.say(question, keyboards.places(options, menu))
        case members.AllSet(settings, joined):
            await _tell_coach(turn, joined)
            await turn.say(texts.all_set(settings, turn.now), keyboards.start_workout())
        case members.WelcomeBack(first_name, settings, menu, joined):
            await _tell_coach(turn, joined)
            keyboard = keyboards.settings_menu(menu, protocol_locked=settings.chosen_by_coach)
            await turn.say(texts.welcome_back(first_name, settings, turn.now), keyboard)
        case members.ProtocolLocked(title):
            await turn.say(texts.PROTOCOL_LOCKED.format(title=title))
        case members.Unknown():
            await turn.say(texts.NOT_ENROLLED())
        case members.Stale():
            pass


async def _out_of_date(turn: Turn) -> None:
    """A settings button from an older question: say so, take its buttons away, change
    nothing."""
    await turn.toast(texts.MENU_OUT_OF_DATE())
    await turn.remove_pressed_buttons()


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
            await turn.say(texts.PRIVATE_ONLY())
        case joining.AskForLink():
            await turn.say(texts.ASK_FOR_LINK())
        case joining.LinkNotValid():
            await turn.say(texts.LINK_NOT_VALID())
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


async def on_consent(turn: Turn, data: cb.Consent) -> None:
    step = await members.consent(turn.services, turn.user_id, data.menu, turn.now)
    if isinstance(step, members.Unknown):
        await turn.toast(texts.NOT_ENROLLED())
        return
    if isinstance(step, members.Stale):
        await _out_of_date(turn)
        return
    await turn.toast()
    name = turn.profile().first_name
    await turn.edit_pressed(f"{texts.DISCLAIMER.format(name=name)}\n\n{texts.CONSENT_GIVEN()}")
    await show(turn, step)
    if (await coaches.roles(turn.services, turn.user_id)).coach is not None:
        await menus.publish_for(turn.bot, turn.services, turn.user_id)  # a coach who trains too


async def on_protocol(turn: Turn, data: cb.ChooseProtocol) -> None:
    step = await members.choose_protocol(
        turn.services, turn.user_id, data.name, data.menu, turn.now
    )
    protocol = turn.services.protocol(data.name)
    if isinstance(step, members.Stale):
        await _out_of_date(turn)
        return
    if isinstance(step, members.ProtocolLocked):
        await turn.toast(texts.PROTOCOL_LOCKED.format(title=step.protocol_title), alert=True)
        await turn.remove_pressed_buttons()
        return
    if isinstance(step, members.Unknown) or protocol is None:
        await turn.toast(texts.SESSION_OVER())
        return
    await turn.toast()
    chosen = texts.PROTOCOL_CHOSEN.format(title=protocol.title)
    await turn.edit_pressed(f"{texts.CHOOSE_PROTOCOL()}\n\n{chosen}")
    await show(turn, step)


async def on_toggle_day(turn: Turn, data: cb.ToggleDay) -> None:
    step = await members.toggle_day(turn.services, turn.user_id, data.weekday, data.menu)
    match step:
        case members.Unknown():
            await turn.toast(texts.SESSION_OVER())
        case members.Stale():
            await _out_of_date(turn)
        case members.AskDays(chosen, cap, menu):
            await turn.toast()
            await turn.edit_pressed(texts.CHOOSE_DAYS.format(cap=cap), keyboards.days(chosen, menu))


async def on_days_chosen(turn: Turn, data: cb.DaysChosen) -> None:
    result = await members.confirm_days(turn.services, turn.user_id, data.menu)
    match result:
        case members.Unknown():
            await turn.toast(texts.SESSION_OVER())
        case members.Stale():
            await _out_of_date(turn)
        case members.NeedADay():
            await turn.toast(texts.NEED_A_DAY(), alert=True)
        case (days, question):
            await turn.toast()
            await turn.edit_pressed(texts.DAYS_CHOSEN.format(days=texts.day_names(days)))
            await show(turn, question)


async def on_time(turn: Turn, data: cb.ChooseTime) -> None:
    """An hour button, or morning or evening for a time typed without saying which."""
    at = time(data.hour, data.minute)
    step = await members.set_reminder_time(turn.services, turn.user_id, at, data.menu)
    if isinstance(step, members.Stale):
        await _out_of_date(turn)
        return
    await turn.toast()
    if not isinstance(step, members.Unknown):
        await turn.edit_pressed(texts.TIME_CHOSEN.format(at=f"{at:%H:%M}"))
    await show(turn, step)


async def on_typed_time(turn: Turn, text: str, _state: AwaitTime) -> None:
    """'7pm', '0630', 'noon'; '7' alone is asked back: morning or evening?"""
    typed = read_time_of_day(text)
    if typed is None:
        await turn.say(texts.BAD_TIME())
        return
    await show(turn, await members.set_reminder_time(turn.services, turn.user_id, typed))


async def on_zone(turn: Turn, data: cb.ChooseZone) -> None:
    """A zone button, or one of the places a typed name may mean."""
    zone = parse_time_zone(data.zone)
    if zone is None:
        await turn.toast(texts.SESSION_OVER())
        return
    step = await members.set_time_zone(
        turn.services, turn.user_id, ZoneInfo(zone), turn.now, data.menu
    )
    if isinstance(step, members.Stale):
        await _out_of_date(turn)
        return
    await turn.toast()
    await turn.remove_pressed_buttons()
    await _zone_set(turn, step, zone)


async def on_typed_zone(turn: Turn, text: str, _state: AwaitZone) -> None:
    """A city ('Porto', 'Portland, Maine'), a country or a zone id; a name with namesakes in
    other zones is asked back with a button for each."""
    answer = find_time_zone(text)
    match answer:
        case None:
            await turn.say(texts.UNKNOWN_ZONE.format(text=text[:64]))
        case ZoneOptions():
            await show(turn, await members.places_to_choose(turn.services, turn.user_id, answer))
        case ZoneFound(zone, place):
            step = await members.set_time_zone(
                turn.services, turn.user_id, ZoneInfo(zone), turn.now
            )
            await _zone_set(turn, step, zone, place)


async def on_location(turn: Turn, location: Location, _state: AwaitZone) -> None:
    """The chat's "Share location" button: the zone of that point (found offline)."""
    zone = time_zone_at(location.latitude, location.longitude)
    if zone is None:
        await turn.say(texts.LOCATION_WITHOUT_ZONE())
        return
    step = await members.set_time_zone(turn.services, turn.user_id, ZoneInfo(zone), turn.now)
    await _zone_set(turn, step, zone)


async def _zone_set(
    turn: Turn,
    step: members.AllSet | members.Stale | members.Unknown,
    zone: str,
    place: str | None = None,
) -> None:
    """Confirm the zone (taking the "Share location" button away), then what comes next."""
    if isinstance(step, members.Stale):
        return
    if isinstance(step, members.AllSet):
        label = zone_label(zone, turn.now)
        await turn.say(texts.zone_chosen(label, place), keyboards.no_reply_keyboard())
    await show(turn, step)


async def on_settings(turn: Turn, data: cb.Settings) -> None:
    step = await members.change_setting(turn.services, turn.user_id, data.part, data.menu)
    match step:
        case members.Unknown():
            await turn.toast(texts.NOT_ENROLLED())
        case members.Stale():
            await _out_of_date(turn)
        case members.NothingChanged():
            await turn.toast()
            await turn.edit_pressed(texts.NOTHING_CHANGED())
        case _:
            await turn.toast()
            await show(turn, step)


COMMANDS: dict[str, CommandFunction] = {"start": start}
BUTTONS: dict[type, ButtonFunction] = {
    cb.Consent: on_consent,
    cb.ChooseProtocol: on_protocol,
    cb.ToggleDay: on_toggle_day,
    cb.DaysChosen: on_days_chosen,
    cb.ChooseTime: on_time,
    cb.ChooseZone: on_zone,
    cb.Settings: on_settings,
}
AWAITED: dict[type, AwaitedFunction] = {AwaitTime: on_typed_time, AwaitZone: on_typed_zone}
LOCATED: dict[type, LocatedFunction] = {AwaitZone: on_location}
