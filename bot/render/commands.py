"""The command menus (Telegram's "/" list) and the coach's /help, from one table each.

Members see the member commands in every private chat. A coach's own chat shows the coach
commands instead; a coach who is also a member sees both, the coach ones marked. A coach
group shows the coach commands.
"""

from __future__ import annotations

from bot.render.i18n import N_, Text, _

Command = tuple[str, str]
"""(name without "/", description), the description in the language being spoken."""
_Entry = tuple[str, Text]

_MEMBER_COMMANDS: list[_Entry] = [
    ("today", N_("Start or continue today's session")),
    ("progress", N_("Your week, streak and pain scores")),
    ("snooze", N_("Move today's reminder by an hour")),
    ("pause", N_("Pause reminders")),
    ("resume", N_("Resume reminders")),
    ("start", N_("Set up or change your settings")),
    ("help", N_("What I can do")),
    ("delete", N_("Erase everything I have about you")),
]
_COACH_COMMANDS: list[_Entry] = [
    ("members", N_("Your members at a glance")),
    ("member", N_("One member in detail")),
    ("flags", N_("Open flags, oldest first")),
    ("ack", N_("Acknowledge a flag")),
    ("digest", N_("When your daily digest comes")),
    ("resume_member", N_("Resume a programme a red flag put on hold")),
    ("assign", N_("Move a member to a protocol or to another coach")),
    ("msg", N_("Write to one of your members")),
    ("invite", N_("A link for a new member")),
    ("invites", N_("Your invite links and how often each was used")),
    ("revoke", N_("End an invite link")),
    ("export", N_("Your members' sessions, check-ins and messages as CSV")),
    ("dashboard", N_("Open the dashboard")),
]
_OWNER_COMMANDS: list[_Entry] = [
    ("coach", N_("Add, remove or list coaches")),
]
_COACH_HELP: _Entry = ("help", N_("Coach commands"))


def _said(entries: list[_Entry]) -> list[Command]:
    return [(name, description()) for name, description in entries]


def member_commands() -> list[Command]:
    return _said(_MEMBER_COMMANDS)


def coach_commands(owner: bool) -> list[Command]:
    return _said(_COACH_COMMANDS + (_OWNER_COMMANDS if owner else []))


def coach_menu(*, owner: bool, member: bool) -> list[Command]:
    """A coach's own chat: the coach commands, and when they train too, the member commands
    first with the coach ones marked."""
    if not member:
        return [*coach_commands(owner), *_said([_COACH_HELP])]
    return member_commands() + [
        (name, _("Coach · {description}").format(description=description))
        for name, description in coach_commands(owner)
    ]


def group_menu() -> list[Command]:
    """A coach group: the coach commands (each answers according to who sends it)."""
    return _said([*_COACH_COMMANDS, _COACH_HELP])
