"""Everything the coach reads: command answers, flag alerts, form-check captions, members'
messages, notices.

Plain text (no parse_mode), so names and notes typed by members never become markup; names
and note previews pass through `safe_text` (no bidi overrides, invisible characters or line
breaks), and a member's own words in a bundle lose only their invisible characters.
Every message stays under Telegram's 4096 characters: lists are split with `pages`, single
reports are cut with `fit`.

Every message about one member has a first line that ends with `who(member)`, so it ends with
" #<member number>": a coach's reply to a message the bot did not record still finds the
member (`member_mark`). No other coach text may end its first line that way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.render.commands import coach_commands
from bot.render.safe_text import one_line, shown_name, without_invisibles
from bot.render.texts import HELP, MESSAGE_KIND_WORDS, schedule_phrase, week_counts
from bot.rules.symptoms import CheckIn, CheckInKind, trend_summary
from bot.views import (
    CoachCard,
    DigestSetting,
    FlagAlert,
    FlagView,
    InviteLine,
    JoinNotice,
    MemberCard,
    MemberContext,
    MemberDetail,
    MemberDigest,
    MemberNotice,
    MemberRow,
    MessageKindName,
    Notice,
    RelayView,
    SessionReport,
    SessionSteps,
    ThreadLine,
    TooHardNote,
)

MESSAGE_LIMIT = 4000
"""A little under Telegram's 4096, for the "…" and any line added after."""

CAPTION_LIMIT = 1024
"""Telegram's limit for a media caption."""

NOTE_PREVIEW = 200
"""Characters of a member's note shown in a list."""

RECENT_CHECK_INS = 5
"""Check-ins listed in a flag alert and in /member, newest last."""

NOT_A_COACH = "Sorry, that's only for the coach. /help lists what I can do for you."

USAGE_MEMBERS = "Usage: /members"
USAGE_MEMBER = "Usage: /member <member number or @username>, e.g. /member 3 or /member @maya"
USAGE_FLAGS = "Usage: /flags, or /flags <page> for more"
USAGE_ACK = "Usage: /ack <flag number>, e.g. /ack 12 (/flags lists the open ones)"
USAGE_EXPORT = "Usage: /export"
NO_SUCH_MEMBER = "I don't know a member {reference}. /members lists yours."
NO_MEMBERS = "No members yet."
PROGRAMME_HELD = (
    "Their programme is on hold (no workouts, no reminders) until you resume it: "
    "the Resume button below, or /resume_member and their number."
)
PROGRAMME_RESUMED = "{name}'s programme is running again. I've told them."
NOT_HELD = "{name}'s programme isn't on hold."
USAGE_RESUME_MEMBER = (
    "Usage: /resume_member <member number or @username>, e.g. /resume_member 3 (after a red "
    "flag, once you've checked in with them)"
)
NO_OPEN_FLAGS = "No open flags. 👍"
NO_SUCH_FLAG = "There's no flag #{flag_id}. /flags lists the open ones."
FLAGS_MORE = "{shown} of {total} open flags shown. /flags {page} for the next ones."
FLAG_ACKNOWLEDGED = "Flag #{flag_id} for {name} acknowledged. Thank you for following up."
ALREADY_ACKNOWLEDGED = "Flag #{flag_id} was already acknowledged {by} on {when}."
ALREADY_ACKNOWLEDGED_BY_YOU = "by you"
ALREADY_ACKNOWLEDGED_BY_OTHER = "by another coach (user {user_id})"
NOT_SET_UP = "{name} hasn't finished setting up yet, so there are no days and time to keep."
ALREADY_ON_PROTOCOL = (
    "{name} is already on {title}. It's your choice now, so they can't switch it themselves."
)
ASSIGNED = "{name} is now on {title}, same days and time: {schedule}. I've told them."
ASSIGNED_UNREACHABLE = (
    "{name} is now on {title}, same days and time: {schedule}. I couldn't tell them: "
    "they have blocked the bot."
)
EXPORT_CAPTION = "Sessions and check-ins of your members, as of {when} (UTC)."
EXPORT_EMPTY = "Nothing to export yet: no sessions or check-ins."

DASHBOARD_BUTTON = "Dashboard"
DASHBOARD_OPEN = "Your dashboard: members, flags and quick actions, right here in the chat."
DASHBOARD_OFF = "The dashboard isn't switched on for this bot yet."
DASHBOARD_PRIVATE_ONLY = (
    "Telegram opens the dashboard in a private chat with me: send /dashboard there."
)
USAGE_DASHBOARD = "Usage: /dashboard"
FLAG_ACKNOWLEDGED_IN_DASHBOARD = (
    "✅ Flag #{flag_id} for {name} acknowledged by {coach} in the dashboard."
)

COACH_REPLY_SENT = "Sent to {name}."
COACH_REPLY_UNKNOWN = (
    "I can't tell which member that is about. Reply to a message about them (their message, "
    "an alert, a notice), or send /msg <member number or @username> <your message>."
)
HOW_TO_WRITE = (
    "To write to a member, reply to a message about them, or send "
    "/msg <member number or @username> <your message>."
)
COACH_REPLY_MEMBER_GONE = "That member has left, so I couldn't pass your reply on."
COACH_REPLY_UNREACHABLE = "{name} has blocked the bot, so I couldn't pass your reply on."
USAGE_MSG = (
    "Usage: /msg <member number or @username> <your message>, e.g. /msg @maya How did today go?"
)
QUICK_ANSWER_SENT = 'Sent to {name}: "{answer}"'
QUICK_ANSWER_STALE = "That answer has changed since. Tap one on a newer message."
REPLY_HINT = "Reply to this message to answer {name}."
COACH_REPLY_NOT_YOURS = "{name} has moved to another coach, so I didn't pass your reply on."

USAGE_INVITE_EXAMPLE = "e.g. /invite {protocol} 1 14 (one use, valid 14 days)"
INVITE_FOR_MEMBER = (
    "Here's a link for a new member on {title}, good for {uses} and valid until {until}:\n"
    "{link}\n"
    "Send it to them. Opening it signs them up with you, on that protocol."
)
INVITE_FOR_COACH = (
    "Here's a link to join as {role}, good for {uses} and valid until {until}:\n{link}\n"
    "Send it to them. Opening it gives them the coach commands."
)
NO_INVITES = "No invite links yet. /invite makes one."
USAGE_INVITES = "Usage: /invites"
INVITES_FOOTER = "/revoke <code> ends a link."
USAGE_REVOKE = "Usage: /revoke <code> (/invites lists your links)"
REVOKED = "Link {code} is ended: nobody can use it any more."
NO_SUCH_INVITE = "I don't know a link {code}. /invites lists yours."

USAGE_COACH = (
    "Usage:\n"
    "/coach list: every coach and how many members they have\n"
    "/coach add: a one-use link that makes whoever opens it a coach\n"
    "/coach add <user id>: make that Telegram user a coach\n"
    "(add the word owner to either for an owner)\n"
    "/coach remove <user id>: their members become yours\n"
    "/coach notify all|mine: hear about every member, or only your own"
)
OWNERS_ONLY = "Only an owner can do that."
COACH_ADDED = (
    "Done: {coach} is now a coach. Once they've opened a chat with me, /help shows them the "
    "coach commands."
)
OWNER_ADDED = "Done: {coach} is now an owner, who can manage coaches and see every member."
ALREADY_A_COACH = "Nothing to do: {coach} is already {role}."
COACH_REMOVED = "{coach} is no longer a coach. Their links have ended, and {members} now yours."
NOT_A_KNOWN_COACH = "There's no coach with the user id {user_id}. /coach list shows them all."
CONFIGURED_OWNER = (
    "{coach} is an owner from COACH_CHAT_IDS, so they'd be back at the next start. Take them "
    "out of the configuration first."
)
NOT_YOURSELF = "You can't remove yourself. Another owner can."
HEARS_EVERYONE = "From now on you'll hear about every member: flags, videos and new members."
HEARS_OWN = "From now on you'll only hear about your own members."

USAGE_HAND_OVER = "or /assign <member> coach <@username or user id> to hand them to a coach"
NO_SUCH_COACH = "I don't know a coach {reference}. /coach list shows them (owners only)."
ALREADY_THEIRS = "{name} is already coached by {coach}."
HANDED_OVER = "{name} is now coached by {coach}. I've told them both."
HANDED_TO_YOU = "{member} is your member now. /member {id} shows how they're doing."

COACH_WELCOME = (
    "Hi {name}! You're {role} here. /help lists your commands, and /invite makes a link for "
    "a new member."
)
BECAME_COACH = (
    "Welcome aboard, {name}! {inviter} made you {role}. /help lists your commands; /invite "
    "makes a link for a new member."
)
NO_COACH_AT_START_UP = (
    "NO COACH IS SET UP: flags, form-check videos and new members will reach nobody, and "
    "members will be told so. Put the coach's Telegram user id in COACH_CHAT_IDS."
)
DEFAULT_COACH_UNKNOWN = (
    "DEFAULT_COACH_ID {user_id} is not a coach: people without an invite link will be asked "
    "for one. Add them with /coach add {user_id}, or fix the setting."
)
_FORM_CHECK_MARK = re.compile(r"^🎥 Form check #(\d+) ")
_MEMBER_MARK = re.compile(r" #(\d{1,12})$")
_KIND_ICONS: Mapping[MessageKindName, str] = {
    "text": "📝",
    "voice": "🎤",
    "audio": "🎵",
    "photo": "📷",
    "video": "🎥",
    "video_note": "🎥",
    "document": "📎",
    "sticker": "🙂",
    "animation": "🎞",
    "other": "📎",
}


def _protocol_list(protocols: Mapping[str, str]) -> str:
    return "\n".join(f"• {name} ({title})" for name, title in sorted(protocols.items()))


def usage_assign(protocols: Mapping[str, str]) -> str:
    """The /assign usage line, listing protocol names (and their titles) to choose from."""
    return (
        f"Usage: /assign <member number or @username> <protocol>,\n{USAGE_HAND_OVER}.\n"
        f"Protocols:\n{_protocol_list(protocols)}"
    )


def usage_invite(protocols: Mapping[str, str]) -> str:
    """The /invite usage line, with an example and the protocols to choose from."""
    example = USAGE_INVITE_EXAMPLE.format(protocol=min(protocols, default="<protocol>"))
    return (
        f"Usage: /invite <protocol> [uses] [days], {example}.\n"
        f"Protocols:\n{_protocol_list(protocols)}"
    )


def unknown_protocol(name: str, protocols: Mapping[str, str], usage: str | None = None) -> str:
    return f"I don't know a protocol {name!r}.\n{usage or usage_assign(protocols)}"


def who(member: MemberCard) -> str:
    """'Maya (@maya) #3'."""
    handle = f" (@{member.username})" if member.username else ""
    return f"{shown_name(member.name)}{handle} #{member.id}"


def coach_name(coach: CoachCard) -> str:
    """'Sam (@sam)', or 'user 123' before they have talked to the bot."""
    if coach.name is None:
        return f"@{coach.username}" if coach.username else f"user {coach.user_id}"
    return f"{coach.name} (@{coach.username})" if coach.username else coach.name


def role_name(owner: bool) -> str:
    return "an owner" if owner else "a coach"


def _when(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%a %d %b %H:%M")


def _day(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%a %d %b")


def _time(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def fit(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """The text cut to `limit` characters, marked with "…" when cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def pages(lines: Iterable[str], limit: int = MESSAGE_LIMIT) -> list[str]:
    """Lines packed into as few messages as fit under `limit` (a too-long line is cut)."""
    messages: list[str] = []
    current = ""
    for line in (fit(line, limit) for line in lines):
        if current and len(current) + 1 + len(line) > limit:
            messages.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        messages.append(current)
    return messages


def member_line(row: MemberRow) -> str:
    """'Maya (@maya) #3 · <protocol> · 2/6 this week · last pain 4 (Tue 05 Mar) · ⚠️ 1 open flag'."""
    member = row.member
    parts = [who(member)]
    if row.protocol_title is None:
        parts.append("not set up")
    else:
        parts += [row.protocol_title, f"{row.done_this_week}/{row.weekly_cap} this week"]
    if row.last_pain is not None and row.last_pain_at is not None:
        parts.append(f"last pain {row.last_pain} ({_day(row.last_pain_at, member.zone)})")
    else:
        parts.append("no pain scores yet")
    if row.open_flags:
        urgent = bool({"urgent", "emergency"} & set(row.open_flags))
        count = len(row.open_flags)
        parts.append(f"{'🚨' if urgent else '⚠️'} {count} open flag{'s' if count > 1 else ''}")
    if row.paused:
        parts.append("paused")
    if row.inactive:
        parts.append("blocked the bot")
    if row.coach is not None:
        parts.append(f"coach {coach_name(row.coach)}")
    return " · ".join(parts)


def members_overview(rows: Sequence[MemberRow]) -> list[str]:
    """/members as one or more messages."""
    if not rows:
        return [NO_MEMBERS]
    return pages([f"Members ({len(rows)}):", *(member_line(row) for row in rows)])


_CHECK_IN_WHEN = {"before": "before", "session": "after", "morning": "morning after"}
_CHECK_IN_UNNUMBERED = {"before": " before a session", "session": "", "morning": " next morning"}


def check_in_lines(check_ins: Sequence[CheckIn], zone: ZoneInfo) -> list[str]:
    """One '• Tue 05 Mar 18:40 after session 3 pain 6: "note"' line per check-in ("before
    session 3", "morning after session 3" for the other kinds)."""
    lines = []
    for check_in in check_ins:
        number = check_in.session_number
        when = _CHECK_IN_WHEN[check_in.kind]
        session = f" {when} session {number}" if number else _CHECK_IN_UNNUMBERED[check_in.kind]
        pain = f"pain {check_in.pain}" if check_in.pain is not None else "no score"
        note = f': "{fit(one_line(check_in.note), NOTE_PREVIEW)}"' if check_in.note else ""
        lines.append(f"• {_when(check_in.at, zone)}{session} {pain}{note}")
    return lines


_LEVEL_WORDS = {
    "emergency": "🚨 EMERGENCY",
    "urgent": "🚨 URGENT",
    "critical": "❗ Critical pain",
    "high": "⚠️ Worsening symptoms",
    "low": "⚠️ Worth a look",
}
_KIND_WORDS = {"red_flag": "red flag", "pain": "pain"}
_MEMBER_TOLD = {
    "emergency": "They were told to stop and go to an emergency department (or call) now.",
    "urgent": "They were told to stop and see a doctor today.",
}
_SOURCE_WORDS = {
    "message": "wrote",
    "edit": "edited a message to",
    "note": "noted",
    "screening": "answered yes",
    "check_in": "check-in",
}
MAX_EVIDENCE_LINES = 8
"""Pieces of evidence an alert lists, newest last (older ones are counted)."""


def flag_line(flag: FlagView, zone: ZoneInfo) -> str:
    """'#3 URGENT red flag, Tue 05 Mar 18:40: possible spinal fracture'."""
    level = flag.level.upper() if flag.level in ("emergency", "urgent") else flag.level
    kind = _KIND_WORDS[flag.kind]
    return f"#{flag.id} {level} {kind}, {_when(flag.raised_at, zone)}: {flag.reason}"


def evidence_lines(flag: FlagView, zone: ZoneInfo) -> list[str]:
    """'• Tue 05 Mar 18:40, wrote: "..."' per piece of evidence, newest last."""
    shown = flag.evidence[-MAX_EVIDENCE_LINES:]
    lines = []
    if len(flag.evidence) > len(shown):
        lines.append(f"({len(flag.evidence) - len(shown)} earlier)")
    for piece in shown:
        words = fit(one_line(piece.text), NOTE_PREVIEW)
        lines.append(f'• {_when(piece.at, zone)}, {_SOURCE_WORDS[piece.source]}: "{words}"')
    return lines


def flag_message(alert: FlagAlert) -> str:
    """The alert a coach reads when a flag is raised or grows: who, why, what the member said
    or scored, what they were told, and the recent history."""
    member, flag, check_ins = alert.member, alert.flag, alert.check_ins
    zone = member.zone
    lines = [f"{_LEVEL_WORDS[flag.level]}: {who(member)}", flag.reason]
    if flag.evidence:
        lines += ["", *evidence_lines(flag, zone)]
    told = _MEMBER_TOLD.get(flag.level) if flag.kind == "red_flag" else None
    if told is not None:
        lines += ["", told]
    if alert.held:
        lines.append(PROGRAMME_HELD)
    lines += [
        "",
        f"Pain trend: {trend_summary(check_ins)}",
        "Recent check-ins:",
        *check_in_lines(check_ins[-RECENT_CHECK_INS:], zone),
        f"Flag #{flag.id}: /ack {flag.id} when you've followed up.",
    ]
    return fit("\n".join(lines))


def flag_list_entry(flag: FlagView, member: MemberCard) -> str:
    """One open flag in /flags (its buttons go with it)."""
    return fit(f"{who(member)}\n{flag_line(flag, member.zone)}")


_SCORE_KINDS: dict[CheckInKind, tuple[str, str]] = {
    "session": ("after a session", "after sessions"),
    "morning": ("next morning", "next mornings"),
    "before": ("before a session", "before sessions"),
}


def chart_title(member: MemberCard) -> str:
    return f"{shown_name(member.name)}: pain scores"


def chart_caption(member: MemberCard, check_ins: Sequence[CheckIn]) -> str:
    """What the coach's pain chart shows, in words (its caption, and so its alt text in the
    demo): how many scores of each kind, and the latest of each."""
    counts = []
    for kind, (one, many) in _SCORE_KINDS.items():
        pains = [c.pain for c in sorted(check_ins, key=lambda c: c.at) if c.kind == kind]
        scored = [pain for pain in pains if pain is not None]
        if scored:
            counts.append(
                f"{len(scored)} {one if len(scored) == 1 else many} (the latest {scored[-1]})"
            )
    if not counts:
        return f"Chart: {chart_title(member)}, no check-ins yet."
    return f"Chart: {chart_title(member)} (0 to 10): {'; '.join(counts)}. A red line marks a flag."


def member_detail(detail: MemberDetail) -> str:
    """The /member report."""
    member = detail.member
    zone = member.zone
    status = "blocked the bot" if detail.inactive else "paused" if detail.paused else "active"
    lines = [who(member), f"Status: {status}"]
    if detail.schedule is None or detail.since is None:
        lines.append("Protocol: not set up yet")
    else:
        lines += [
            f"Protocol: {detail.protocol_title} (since {detail.since:%d %b %Y})",
            "Reminders: " + schedule_phrase(detail.schedule),
            f"This week: {week_counts(detail.week, detail.workout_titles) or 'nothing due'}",
        ]
    lines += ["", f"Pain trend: {trend_summary(detail.check_ins)}"]
    if detail.check_ins:
        recent = detail.check_ins[-RECENT_CHECK_INS:]
        lines += ["Recent check-ins:", *check_in_lines(recent, zone)]
    lines.append("")
    if detail.open_flags:
        lines += ["Open flags:", *(f"• {flag_line(f, zone)}" for f in detail.open_flags)]
    else:
        lines.append("No open flags.")
    if detail.sessions:
        lines += ["Recent sessions:", *session_lines(detail.sessions, zone)]
    if detail.form_checks:
        lines.append("Recent form checks:")
        for check in detail.form_checks:
            answered = "answered" if check.answered else "waiting for your reply"
            exercise = check.exercise or "general"
            lines.append(f"• {_when(check.at, zone)} {exercise}: {answered}")
    if detail.thread:
        lines += ["", "Last messages:", *thread_lines(detail.thread, member)]
    else:
        lines += ["", "No messages yet."]
    return fit("\n".join(lines))


def already_acknowledged(flag: FlagView, coach_user_id: int, zone: ZoneInfo) -> str:
    by = (
        ALREADY_ACKNOWLEDGED_BY_YOU
        if flag.acknowledged_by == coach_user_id
        else ALREADY_ACKNOWLEDGED_BY_OTHER.format(user_id=flag.acknowledged_by)
    )
    when = _when(flag.acknowledged_at, zone) if flag.acknowledged_at else "an unknown date"
    return ALREADY_ACKNOWLEDGED.format(flag_id=flag.id, by=by, when=when)


def form_check_caption(
    check_id: int, context: MemberContext, exercise: str | None, caption: str | None
) -> str:
    """The caption of a form-check copy: it starts with the mark `form_check_id` reads back,
    then the member's context and their own caption."""
    lines = [
        f"🎥 Form check #{check_id} from {who(context.member)}: {exercise or 'general form check'}",
        context_line(context),
        *([without_invisibles(caption)] if caption else []),
        "Reply to this message and I'll pass your answer on.",
    ]
    return fit("\n".join(lines), CAPTION_LIMIT)


def form_check_id(caption: str | None) -> int | None:
    """The form-check number in a caption written by `form_check_caption`, if any."""
    match = _FORM_CHECK_MARK.match(caption or "")
    return int(match.group(1)) if match else None


def member_mark(text: str | None) -> int | None:
    """The member number ending the first line of a coach text about one member, if any."""
    first_line = (text or "").split("\n", 1)[0]
    match = _MEMBER_MARK.search(first_line)
    return int(match.group(1)) if match else None


# --- members' messages -------------------------------------------------------------------------


def context_line(context: MemberContext) -> str:
    """'<protocol> · step 4 of 18 of Day 1 (Crawling) · last pain 6 (Tue 05 Mar)'."""
    zone = context.member.zone
    parts = [context.protocol_title or "not set up yet"]
    if context.step is not None:
        step = context.step
        parts.append(
            f"now on step {step.number} of {step.count} of {step.workout_title} ({step.exercise})"
        )
    elif context.last_session is not None:
        last = context.last_session
        parts.append(f"last session {_day(last.ended_at, zone)} ({last.workout_title})")
    else:
        parts.append("no session yet")
    if context.last_pain is not None and context.last_pain_at is not None:
        parts.append(f"last pain {context.last_pain} ({_day(context.last_pain_at, zone)})")
    else:
        parts.append("no pain score yet")
    return " · ".join(parts)


def _what_was_sent(line: ThreadLine, copied_below: bool) -> str:
    """The member's words as they are, or what their media message is (copied below)."""
    edited = "✏️ edited: " if line.edited else ""
    if not copied_below:
        return edited + without_invisibles(line.text or "")
    where = "below" if line.kind != "text" else "below, in full"
    caption = line.text and line.kind != "text"
    words = f": {fit(one_line(line.text or ''), NOTE_PREVIEW)}" if caption else ""
    return f"{edited}{_KIND_ICONS[line.kind]} {MESSAGE_KIND_WORDS[line.kind]} ({where}){words}"


def relay_message(view: RelayView) -> str:
    """The coach's message for a bundle of a member's messages (edited as more arrive)."""
    member = view.context.member
    lines = [f"💬 {who(member)}", context_line(view.context), ""]
    for line, copied_below in zip(view.lines, view.copied_below, strict=True):
        lines.append(f"{_time(line.at, member.zone)} {_what_was_sent(line, copied_below)}")
    lines += ["", REPLY_HINT.format(name=shown_name(member.name))]
    return fit("\n".join(lines))


def thread_lines(thread: Sequence[ThreadLine], member: MemberCard) -> list[str]:
    """/member's last messages, either way: '• Tue 05 Mar 18:42 Maya: <words>'."""
    lines = []
    for line in thread:
        coach = shown_name(line.coach_name) if line.coach_name else "Coach"
        author = shown_name(member.name) if line.from_member else f"{coach} (coach)"
        if line.kind == "text":
            words = fit(one_line(line.text or ""), NOTE_PREVIEW)
        else:
            caption = f": {fit(one_line(line.text), NOTE_PREVIEW)}" if line.text else ""
            words = f"{_KIND_ICONS[line.kind]} {MESSAGE_KIND_WORDS[line.kind]}{caption}"
        edited = "✏️ edited: " if line.edited else ""
        lines.append(f"• {_when(line.at, member.zone)} {author}: {edited}{words}")
    return lines


# --- sessions, skipped and too-hard steps -----------------------------------------------------


def exercise_list(names: Sequence[str]) -> str:
    """'Copenhagen Progression (2 sets), Crawling': each exercise once, in order."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{name} ({n} sets)" if n > 1 else name for name, n in counts.items())


def session_outcome(steps: SessionSteps) -> str:
    """'15 of 18 done · too hard: Copenhagen Progression (2 sets) · skipped: Crawling'."""
    if steps.finished:
        done = f"{steps.done} of {steps.step_count} done"
        if not steps.skipped and not steps.too_hard:
            done = f"all {steps.step_count} done"
    else:
        done = f"stopped after {steps.done + len(steps.skipped) + len(steps.too_hard)} of "
        done += f"{steps.step_count} steps"
    parts = [done]
    if steps.too_hard:
        parts.append(f"too hard: {exercise_list(steps.too_hard)}")
    if steps.skipped:
        parts.append(f"skipped: {exercise_list(steps.skipped)}")
    return " · ".join(parts)


def session_lines(sessions: Sequence[SessionSteps], zone: ZoneInfo) -> list[str]:
    return [
        f"• {_day(steps.started_at, zone)} {steps.workout_title}: {session_outcome(steps)}"
        for steps in sessions
    ]


# --- notices ----------------------------------------------------------------------------------

_NOTICE_HEADINGS = {
    "paused": "⏸ Reminders paused: {who}\nNo reminders until they send /resume.",
    "resumed": "▶️ Reminders back on: {who}",
    "deleted": (
        "🗑 Erased their data: {who}\nEverything about them is gone; /start brings them back "
        "as a new member."
    ),
    "blocked": (
        "🚫 Blocked the bot: {who}\nNo reminders or messages reach them until they write to "
        "me again."
    ),
}


def notice(told: Notice) -> str:
    """What the coach reads about something a member did."""
    match told:
        case JoinNotice():
            return join_notice(told)
        case MemberNotice(member, event):
            return _NOTICE_HEADINGS[event].format(who=who(member))
        case SessionReport(member, steps):
            lines = [
                f"📋 Steps not done: {who(member)}",
                f"{steps.workout_title}, {_when(steps.started_at, member.zone)}: "
                f"{session_outcome(steps)}",
                REPLY_HINT.format(name=shown_name(member.name)),
            ]
            return fit("\n".join(lines))


def uses(count: int) -> str:
    return "one use" if count == 1 else f"{count} uses"


def invite_created(
    link: str, kind: str, title: str | None, max_uses: int, until: datetime, zone: ZoneInfo
) -> str:
    """The answer to /invite and /coach add: the link, what it is for, how long it lasts."""
    when = _when(until, zone)
    if kind == "member":
        return INVITE_FOR_MEMBER.format(title=title, uses=uses(max_uses), until=when, link=link)
    role = role_name(kind == "owner")
    return INVITE_FOR_COACH.format(role=role, uses=uses(max_uses), until=when, link=link)


def invite_line(line: InviteLine, zone: ZoneInfo, with_coach: bool) -> str:
    """'• Ab3… · Lower Back Pain Relief · used 1 of 1 · until Tue 05 Mar 18:40 · used up'."""
    what = line.protocol_title if line.kind == "member" else f"join as {line.kind}"
    parts = [line.code, what or "?", f"used {line.uses} of {line.max_uses}"]
    parts.append(f"until {_when(line.expires_at, zone)}")
    if line.ended is not None:
        parts.append(line.ended)
    if with_coach:
        parts.append(f"by {coach_name(line.coach)}")
    return "• " + " · ".join(parts)


def invites_overview(lines: Sequence[InviteLine], zone: ZoneInfo, owner: bool) -> list[str]:
    """/invites as one or more messages."""
    if not lines:
        return [NO_INVITES]
    return pages(
        [
            f"Invite links ({len(lines)}):",
            *(invite_line(line, zone, owner) for line in lines),
            INVITES_FOOTER,
        ]
    )


def staff_line(coach: CoachCard, members: int, hears_everyone: bool, configured: bool) -> str:
    """'• Sam (@sam) · user id 900002 · coach · 3 members'."""
    count = "1 member" if members == 1 else f"{members} members"
    named = coach.name is not None or coach.username is not None
    parts = [coach_name(coach), *([f"user id {coach.user_id}"] if named else [])]
    parts += ["owner" if coach.owner else "coach", count]
    if hears_everyone:
        parts.append("hears about everyone")
    if configured:
        parts.append("from COACH_CHAT_IDS")
    return "• " + " · ".join(parts)


def coach_removed(coach: CoachCard, members: int) -> str:
    moved = (
        "no members are"
        if not members
        else "1 member is"
        if members == 1
        else f"{members} members are"
    )
    return COACH_REMOVED.format(coach=coach_name(coach), members=moved)


def join_notice(notice: JoinNotice) -> str:
    """What a coach reads when a member joins them."""
    member = notice.member
    lines = [
        f"👋 New member: {who(member)}",
        f"Protocol: {notice.settings.protocol_title}",
        f"Reminders: {schedule_phrase(notice.settings.schedule)}",
        f"Joined: {_when(notice.at, member.zone)} ({member.zone.key})",
        REPLY_HINT.format(name=shown_name(member.name)),
    ]
    return fit("\n".join(lines))


def coach_help(owner: bool, member: bool) -> str:
    """/help for a coach: the coach commands, and the member ones too when they train."""
    lines = ["Your coach commands:"]
    lines += [f"/{name}: {description}" for name, description in coach_commands(owner)]
    lines.append("Replying to a form-check video sends your answer to the member.")
    if member:
        lines += ["", "For your own training:", HELP.removeprefix("Here's what I can do:\n")]
    return "\n".join(lines)


def coach_welcome(first_name: str, owner: bool) -> str:
    return COACH_WELCOME.format(name=first_name, role=role_name(owner))


# --- the workout card: too hard, demo clips (issues 16 and 17) -------------------------------
USAGE_DEMO = (
    "Reply to a video with /demo <exercise> to make it that exercise's demo clip, "
    "e.g. /demo Jefferson Curls."
)
DEMO_KEPT = (
    "Saved as the demo clip for {exercise}. Members see it the first time {exercise} comes "
    "up in a session."
)
DEMO_FOR_COACH = "🎬 Demo clip: {exercise}"


def unknown_exercise(name: str, close: Sequence[str]) -> str:
    """/demo with a name no protocol has."""
    text = f'No exercise in the protocols is called "{name}".'
    if close:
        text += " Did you mean " + " or ".join(close) + "?"
    return text


def too_hard(note: TooHardNote) -> str:
    """A member found an exercise too hard: ask the coach for an easier version, or tell
    them what the member was offered."""
    where = f"{note.exercise} ({note.workout_title})"
    if note.switched_to is None:
        return (
            f"⚠️ {who(note.member)} found {where} too hard, and the protocol has no easier "
            "version of it. Could you suggest one for them?"
        )
    return (
        f"⚠️ {who(note.member)} found {where} too hard and was offered {note.switched_to} "
        "instead. You asked to hear about this one."
    )


# --- the daily digest (bot.jobs.digest, bot.render.digest_pages) -------------------------------

DIGEST_TITLE = "🗓 Your daily digest, {day}: {count}"
DIGEST_PAGE = " (page {page} of {pages})"
DIGEST_DETAILS_TITLE = "🗓 Your daily digest, {day}: the details"
DIGEST_DETAILS_PART = " ({part} of {parts})"
DIGEST_HINT = (
    "Details: the reasons in full. Tap a name to open the member; a reply there reaches them."
)
DIGEST_DETAILS_BUTTON = "Details"
DIGEST_MORE_BUTTON = "More details ▶"
DIGEST_LIST_BUTTON = "Back to the list"
DIGEST_PREVIOUS_BUTTON = "◀ Page {page}"
DIGEST_NEXT_BUTTON = "Page {page} ▶"
DIGEST_GONE = (
    "Nothing is left to show in that digest: its flags are acknowledged or its members gone."
)
DIGEST_NOW = (
    "Your daily digest comes at {at} ({zone}); the next one {next}. It lists the low and high "
    "pain flags, members not keeping up or ready to progress, and what members did, only when "
    "there is something to say.\nChange it with /digest HH:MM, e.g. /digest 18:00 (add a time "
    "zone for another clock: /digest 07:30 Lisbon)."
)
DIGEST_SET = "Done: your daily digest comes at {at} ({zone}) from now on; the next one {next}."
USAGE_DIGEST = "Usage: /digest HH:MM [time zone], e.g. /digest 18:00 or /digest 07:30 Lisbon"
DIGEST_UNKNOWN_ZONE = "I don't know the time zone {zone!r}. Try a city, e.g. Lisbon or New York."

DIGEST_NAME_MAX = 24
"""Characters of a member's name in the digest's list, panels and buttons."""

_DIGEST_LEVELS = {"low": "🔸 low", "high": "🔶 high"}
_LEVEL_MARKS = {"low": "🔸", "high": "🔶"}
_FINDING_MARKS = {
    "no_recent_session": "💤",
    "reminders_ignored": "🔕",
    "fortnight_drop": "📉",
    "ready_to_progress": "🌱",
}
_DIGEST_EVENTS = {
    "paused": "⏸ Paused their reminders",
    "resumed": "▶️ Turned their reminders back on",
    "blocked": "🚫 Blocked the bot: nothing reaches them until they write again",
}
_EVENT_MARKS = {"paused": "⏸", "resumed": "▶️", "blocked": "🚫", "session": "📋"}
_DIGEST_RULE_WORDS = {
    "above_acceptable": "above the acceptable level",
    "not_settling": "not settling by the morning",
    "rising": "rising week on week",
    "high_pain": "high pain",
    "severe_pain": "severe pain",
    "no_recent_session": "no session for a week",
    "reminders_ignored": "reminders ignored",
    "fortnight_drop": "fewer sessions than the fortnight before",
    "ready_to_progress": "ready to progress",
}
_EVENT_WORDS = {
    "paused": "paused reminders",
    "resumed": "reminders back on",
    "blocked": "blocked the bot",
    "session": "steps not done",
}


def digest_title(day: date, count: int, page: int, pages: int) -> str:
    """'🗓 Your daily digest, Tue 10 Mar: 14 members (page 1 of 2)'."""
    members = "one member" if count == 1 else f"{count} members"
    title = DIGEST_TITLE.format(day=f"{day:%a %d %b}", count=members)
    return title + (DIGEST_PAGE.format(page=page, pages=pages) if pages > 1 else "")


def digest_details_title(day: date, part: int, parts: int) -> str:
    title = DIGEST_DETAILS_TITLE.format(day=f"{day:%a %d %b}")
    return title + (DIGEST_DETAILS_PART.format(part=part, parts=parts) if parts > 1 else "")


def digest_name(member: MemberCard) -> str:
    """'Maya #3': a member as the digest's list, panels and buttons name them."""
    return f"{shown_name(member.name, DIGEST_NAME_MAX)} #{member.id}"


def digest_items(part: MemberDigest) -> list[str]:
    """What a member is in the digest for, a few words each, the pain flags first with their
    level: ['high: not settling by the morning', 'no session for a week']."""
    items = []
    for level in ("high", "low"):
        rules = [flag.rule for flag in part.flags if flag.level == level]
        if rules:
            words = ", ".join(dict.fromkeys(_rule_words(rule) for rule in rules))
            items.append(f"{level}: {words}")
    items += [_rule_words(finding.rule) for finding in part.findings]
    items += list(dict.fromkeys(_EVENT_WORDS[notice.event] for notice in part.notices))
    return items


def digest_line(part: MemberDigest) -> str:
    """One member's line in the digest's list: their most telling mark, who, and why."""
    return f"{_digest_mark(part)} {digest_name(part.member)}: {'; '.join(digest_items(part))}"


def _digest_mark(part: MemberDigest) -> str:
    levels = {flag.level for flag in part.flags}
    if levels:
        return _LEVEL_MARKS["high" if "high" in levels else "low"]
    if part.findings:
        return _FINDING_MARKS[part.findings[0].rule]
    return _EVENT_MARKS[part.notices[0].event]


def _rule_words(rule: str) -> str:
    return _DIGEST_RULE_WORDS.get(rule, rule.replace("_", " "))


def digest_member(part: MemberDigest) -> str:
    """One member's part of the digest's details: their pain flags (level and reason, which
    names the rule), the adherence findings, then what they did."""
    zone = part.member.zone
    lines = [who(part.member)]
    lines += [f"{_DIGEST_LEVELS[flag.level]}: {one_line(flag.reason)}" for flag in part.flags]
    lines += [f"{_FINDING_MARKS[f.rule]} {f.reason}" for f in part.findings]
    for notice in part.notices:
        if notice.session is not None:
            steps = notice.session
            when = _when(steps.started_at, zone)
            lines.append(f"📋 {steps.workout_title}, {when}: {session_outcome(steps)}")
        else:
            lines.append(f"{_DIGEST_EVENTS[notice.event]} ({_when(notice.at, zone)})")
    return fit("\n".join(lines))


def digest_setting(setting: DigestSetting, *, changed: bool) -> str:
    text = DIGEST_SET if changed else DIGEST_NOW
    return text.format(
        at=f"{setting.at:%H:%M}", zone=setting.zone.key, next=_when(setting.next_at, setting.zone)
    )
