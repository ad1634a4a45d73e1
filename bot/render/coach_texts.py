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
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.render.safe_text import one_line, shown_name, without_invisibles
from bot.render.texts import MESSAGE_KIND_WORDS, schedule_phrase, week_counts
from bot.rules.symptoms import CheckIn, trend_summary
from bot.views import (
    FlagAlert,
    FlagView,
    MemberCard,
    MemberContext,
    MemberDetail,
    MemberNotice,
    MemberRow,
    MessageKindName,
    Notice,
    RelayView,
    SessionReport,
    SessionSteps,
    ThreadLine,
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
NO_SUCH_MEMBER = "I don't know a member {reference}. /members lists everyone."
NO_MEMBERS = "No members yet."
NO_OPEN_FLAGS = "No open flags. 👍"
NO_SUCH_FLAG = "There's no flag #{flag_id}. /flags lists the open ones."
FLAGS_MORE = "{shown} of {total} open flags shown. /flags {page} for the next ones."
FLAG_ACKNOWLEDGED = "Flag #{flag_id} for {name} acknowledged. Thank you for following up."
ALREADY_ACKNOWLEDGED = "Flag #{flag_id} was already acknowledged {by} on {when}."
ALREADY_ACKNOWLEDGED_BY_YOU = "by you"
ALREADY_ACKNOWLEDGED_BY_OTHER = "by another coach (user {user_id})"
NOT_SET_UP = "{name} hasn't finished setting up yet, so there are no days and time to keep."
ALREADY_ON_PROTOCOL = "{name} is already on {title}."
ASSIGNED = "{name} is now on {title}, same days and time: {schedule}. I've told them."
ASSIGNED_UNREACHABLE = (
    "{name} is now on {title}, same days and time: {schedule}. I couldn't tell them: "
    "they have blocked the bot."
)
EXPORT_CAPTION = "Sessions and check-ins of every member, as of {when} (UTC)."
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


def usage_assign(protocols: Mapping[str, str]) -> str:
    """The /assign usage line, listing protocol names (and their titles) to choose from."""
    listed = "\n".join(f"• {name} ({title})" for name, title in sorted(protocols.items()))
    return f"Usage: /assign <member number or @username> <protocol>\nProtocols:\n{listed}"


def unknown_protocol(name: str, protocols: Mapping[str, str]) -> str:
    return f"I don't know a protocol {name!r}.\n{usage_assign(protocols)}"


def who(member: MemberCard) -> str:
    """'Maya (@maya) #3'."""
    handle = f" (@{member.username})" if member.username else ""
    return f"{shown_name(member.name)}{handle} #{member.id}"


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
        urgent = "urgent" in row.open_flags
        count = len(row.open_flags)
        parts.append(f"{'🚨' if urgent else '⚠️'} {count} open flag{'s' if count > 1 else ''}")
    if row.paused:
        parts.append("paused")
    if row.inactive:
        parts.append("blocked the bot")
    return " · ".join(parts)


def members_overview(rows: Sequence[MemberRow]) -> list[str]:
    """/members as one or more messages."""
    if not rows:
        return [NO_MEMBERS]
    return pages([f"Members ({len(rows)}):", *(member_line(row) for row in rows)])


def check_in_lines(check_ins: Sequence[CheckIn], zone: ZoneInfo) -> list[str]:
    """One '• Tue 05 Mar 18:40 after session 3 pain 6: "note"' line per check-in."""
    lines = []
    for check_in in check_ins:
        session = f" after session {check_in.session_number}" if check_in.session_number else ""
        pain = f"pain {check_in.pain}" if check_in.pain is not None else "no score"
        note = f': "{fit(one_line(check_in.note), NOTE_PREVIEW)}"' if check_in.note else ""
        lines.append(f"• {_when(check_in.at, zone)}{session} {pain}{note}")
    return lines


def flag_line(flag: FlagView, zone: ZoneInfo) -> str:
    kind = "URGENT" if flag.kind == "urgent" else "worsening"
    return f"#{flag.id} {kind}, {_when(flag.raised_at, zone)}: {flag.reason}"


def flag_message(alert: FlagAlert) -> str:
    """The alert a coach reads when a flag is raised: who, why, and the recent history."""
    member, flag, check_ins = alert.member, alert.flag, alert.check_ins
    heading = "🚨 URGENT" if flag.kind == "urgent" else "⚠️ Worsening symptoms"
    zone = member.zone
    lines = [
        f"{heading}: {who(member)}",
        flag.reason,
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


def chart_title(member: MemberCard) -> str:
    return f"{shown_name(member.name)}: pain after sessions"


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
