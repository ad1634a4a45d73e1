"""The command menus (Telegram's "/" list) and the coach's /help, from one table each.

Members see the member commands in every private chat. A coach's own chat shows the coach
commands instead; a coach who is also a member sees both, the coach ones marked. A coach
group shows the coach commands.
"""

from __future__ import annotations

Command = tuple[str, str]
"""(name without "/", description)."""

MEMBER_COMMANDS: list[Command] = [
    ("today", "Start or continue today's session"),
    ("progress", "Your week, streak and pain scores"),
    ("snooze", "Move today's reminder by an hour"),
    ("pause", "Pause reminders"),
    ("resume", "Resume reminders"),
    ("start", "Set up or change your settings"),
    ("help", "What I can do"),
    ("delete", "Erase everything I have about you"),
]
COACH_COMMANDS: list[Command] = [
    ("members", "Your members at a glance"),
    ("member", "One member in detail"),
    ("flags", "Open flags, oldest first"),
    ("ack", "Acknowledge a flag"),
    ("digest", "When your daily digest comes"),
    ("resume_member", "Resume a programme a red flag put on hold"),
    ("assign", "Move a member to a protocol or to another coach"),
    ("msg", "Write to one of your members"),
    ("invite", "A link for a new member"),
    ("invites", "Your invite links and how often each was used"),
    ("revoke", "End an invite link"),
    ("export", "Your members' sessions, check-ins and messages as CSV"),
    ("dashboard", "Open the dashboard"),
]
OWNER_COMMANDS: list[Command] = [
    ("coach", "Add, remove or list coaches"),
]
COACH_HELP: Command = ("help", "Coach commands")
COACH_MARK = "Coach · "


def coach_commands(owner: bool) -> list[Command]:
    return COACH_COMMANDS + (OWNER_COMMANDS if owner else [])


def coach_menu(*, owner: bool, member: bool) -> list[Command]:
    """A coach's own chat: the coach commands, and when they train too, the member commands
    first with the coach ones marked."""
    if not member:
        return [*coach_commands(owner), COACH_HELP]
    return MEMBER_COMMANDS + [
        (name, COACH_MARK + description) for name, description in coach_commands(owner)
    ]


def group_menu() -> list[Command]:
    """A coach group: the coach commands (each answers according to who sends it)."""
    return [*COACH_COMMANDS, COACH_HELP]
