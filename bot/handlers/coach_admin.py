"""/coach: owners list, add and remove coaches, and choose whether they hear about everyone."""

from __future__ import annotations

from bot import menus
from bot.handlers.coach_access import coach_command, user_id_argument
from bot.handlers.invites import say_created
from bot.handlers.turn import CommandFunction, Turn
from bot.render import coach_texts
from bot.services import coaches, invites
from bot.services.coaches import Viewer


@coach_command
async def coach(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    """/coach list | add [<user id>] [owner] | remove <user id> | notify all|mine"""
    if not viewer.owner:
        await turn.say(coach_texts.OWNERS_ONLY())
        return
    words = [arg.lower() for arg in args]
    owner = words[-1:] == ["owner"]
    match words[:-1] if owner else words:
        case ["list"] if not owner:
            await _list(turn, viewer)
        case ["add"]:
            created = await invites.for_coach(turn.services, viewer, owner, turn.now)
            if isinstance(created, invites.Created):
                await say_created(turn, created)
        case ["add", user_id] if user_id_argument(user_id):
            await _add(turn, viewer, int(user_id), owner)
        case ["remove", user_id] if user_id_argument(user_id) and not owner:
            await _remove(turn, viewer, int(user_id))
        case ["notify", ("all" | "mine") as which] if not owner:
            await coaches.hear_everyone(turn.services, viewer, which == "all")
            await turn.say(
                coach_texts.HEARS_EVERYONE() if which == "all" else coach_texts.HEARS_OWN()
            )
        case _:
            await turn.say(coach_texts.USAGE_COACH())


async def _list(turn: Turn, viewer: Viewer) -> None:
    lines = await coaches.staff(turn.services, viewer)
    if isinstance(lines, coaches.OwnersOnly):
        await turn.say(coach_texts.OWNERS_ONLY())
        return
    staff = [
        coach_texts.staff_line(line.coach, line.members, line.hears_everyone, line.configured)
        for line in lines
    ]
    for message in coach_texts.pages([f"Coaches ({len(lines)}):", *staff]):
        await turn.say(message)


async def _add(turn: Turn, viewer: Viewer, user_id: int, owner: bool) -> None:
    match await coaches.add_coach(turn.services, viewer, user_id, owner, turn.now):
        case coaches.CoachAdded(added):
            await menus.publish_for(turn.bot, turn.services, user_id)
            answer = coach_texts.OWNER_ADDED() if owner else coach_texts.COACH_ADDED()
            await turn.say(answer.format(coach=coach_texts.coach_name(added)))
        case coaches.AlreadyACoach(existing):
            await turn.say(
                coach_texts.ALREADY_A_COACH.format(
                    coach=coach_texts.coach_name(existing),
                    role=coach_texts.role_name(existing.owner),
                )
            )
        case coaches.OwnersOnly():
            await turn.say(coach_texts.OWNERS_ONLY())


async def _remove(turn: Turn, viewer: Viewer, user_id: int) -> None:
    match await coaches.remove_coach(turn.services, viewer, user_id):
        case coaches.CoachRemoved(removed, moved):
            await menus.publish_for(turn.bot, turn.services, user_id)
            await turn.say(coach_texts.coach_removed(removed, moved))
        case coaches.NotACoach(unknown):
            await turn.say(coach_texts.NOT_A_KNOWN_COACH.format(user_id=unknown))
        case coaches.ConfiguredOwner(configured):
            await turn.say(
                coach_texts.CONFIGURED_OWNER.format(coach=coach_texts.coach_name(configured))
            )
        case coaches.NotYourself():
            await turn.say(coach_texts.NOT_YOURSELF())
        case coaches.OwnersOnly():
            await turn.say(coach_texts.OWNERS_ONLY())


COMMANDS: dict[str, CommandFunction] = {"coach": coach}
