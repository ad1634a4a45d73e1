"""/invite, /invites and /revoke: the links that sign members up with a coach."""

from __future__ import annotations

from bot.handlers.coach_access import coach_command, id_argument
from bot.handlers.turn import CommandFunction, Turn
from bot.render import coach_texts
from bot.services import invites
from bot.services.coaches import Viewer
from bot.services.joining import CODE_PATTERN


def invite_link(turn: Turn, code: str) -> str:
    """The deep link that opens the bot with /start <code>."""
    return f"https://t.me/{turn.bot.username}?start={code}"


async def say_created(turn: Turn, created: invites.Created) -> None:
    link = invite_link(turn, created.code)
    zone = turn.services.settings.tz
    await turn.say(
        coach_texts.invite_created(
            link,
            created.kind,
            created.protocol_title,
            created.max_uses,
            created.expires_at,
            zone,
        )
    )


@coach_command
async def invite(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    """/invite <protocol> [uses] [days]"""
    titles = {name: protocol.title for name, protocol in turn.services.library.items()}
    usage = coach_texts.usage_invite(titles)
    numbers = [id_argument(arg) for arg in args[1:]]
    if not 1 <= len(args) <= 3 or None in numbers:
        await turn.say(usage)
        return
    protocol = turn.services.protocol(args[0].lower())
    if protocol is None:
        await turn.say(coach_texts.unknown_protocol(args[0][:64], titles, usage))
        return
    limits = dict(zip(("uses", "days"), (n for n in numbers if n is not None), strict=False))
    created = await invites.for_member(turn.services, viewer, protocol, turn.now, **limits)
    await say_created(turn, created)


@coach_command
async def list_invites(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    """/invites"""
    if args:
        await turn.say(coach_texts.USAGE_INVITES())
        return
    lines = await invites.listing(turn.services, viewer, turn.now)
    zone = turn.services.settings.tz
    for message in coach_texts.invites_overview(lines, zone, viewer.owner):
        await turn.say(message)


@coach_command
async def revoke(turn: Turn, viewer: Viewer, args: list[str]) -> None:
    """/revoke <code>"""
    if len(args) != 1 or not CODE_PATTERN.fullmatch(args[0]):
        await turn.say(coach_texts.USAGE_REVOKE())
        return
    match await invites.revoke(turn.services, viewer, args[0], turn.now):
        case invites.Revoked(code):
            await turn.say(coach_texts.REVOKED.format(code=code))
        case invites.NoSuchInvite(code):
            await turn.say(coach_texts.NO_SUCH_INVITE.format(code=code))


COMMANDS: dict[str, CommandFunction] = {
    "invite": invite,
    "invites": list_invites,
    "revoke": revoke,
}
