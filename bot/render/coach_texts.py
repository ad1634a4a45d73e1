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
from bot.render.dates import date_and_time, long_date, short_date
from bot.render.i18n import N_, Text, _, ngettext
from bot.render.reasons import reason_text
from bot.render.safe_text import one_line, shown_name, without_invisibles
from bot.render.texts import HELP_COMMANDS, MESSAGE_KIND_WORDS, schedule_phrase, week_counts
from bot.rules.places import zone_label
from bot.rules.symptoms import (
    CheckIn,
    CheckInKind,
    PainDirection,
    pain_direction,
    recent_pains,
)
from bot.views import (
    CoachCard,
    DigestSetting,
    FlagAlert,
    FlagView,
    InviteEnd,
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

NOT_A_COACH = N_("Sorry, that's only for the coach. /help lists what I can do for you.")

USAGE_MEMBERS = N_("Usage: /members")
USAGE_MEMBER = N_("Usage: /member <member number or @username>, e.g. /member 3 or /member @maya")
USAGE_FLAGS = N_("Usage: /flags, or /flags <page> for more")
USAGE_ACK = N_("Usage: /ack <flag number>, e.g. /ack 12 (/flags lists the open ones)")
USAGE_EXPORT = N_("Usage: /export")
NO_SUCH_MEMBER = N_("I don't know a member {reference}. /members lists yours.")
NO_MEMBERS = N_("No members yet.")
PROGRAMME_HELD = N_(
    "Their programme is on hold (no workouts, no reminders) until you resume it: "
    "the Resume button below, or /resume_member and their number."
)
PROGRAMME_RESUMED = N_("{name}'s programme is running again. I've told them.")
NOT_HELD = N_("{name}'s programme isn't on hold.")
USAGE_RESUME_MEMBER = N_(
    "Usage: /resume_member <member number or @username>, e.g. /resume_member 3 (after a red "
    "flag, once you've checked in with them)"
)
NO_OPEN_FLAGS = N_("No open flags. 👍")
NO_SUCH_FLAG = N_("There's no flag #{flag_id}. /flags lists the open ones.")
FLAGS_MORE = N_("{shown} of {total} open flags shown. /flags {page} for the next ones.")
FLAG_ACKNOWLEDGED = N_("Flag #{flag_id} for {name} acknowledged. Thank you for following up.")
ALREADY_ACKNOWLEDGED = N_("Flag #{flag_id} was already acknowledged {by} on {when}.")
ALREADY_ACKNOWLEDGED_BY_YOU = N_("by you")
ALREADY_ACKNOWLEDGED_BY_OTHER = N_("by another coach (user {user_id})")
NOT_SET_UP = N_("{name} hasn't finished setting up yet, so there are no days and time to keep.")
ALREADY_ON_PROTOCOL = N_(
    "{name} is already on {title}. It's your choice now, so they can't switch it themselves."
)
ASSIGNED = N_("{name} is now on {title}, same days and time: {schedule}. I've told them.")
ASSIGNED_UNREACHABLE = N_(
    "{name} is now on {title}, same days and time: {schedule}. I couldn't tell them: "
    "they have blocked the bot."
)
EXPORT_CAPTION = N_("Sessions and check-ins of your members, as of {when} (UTC).")
EXPORT_EMPTY = N_("Nothing to export yet: no sessions or check-ins.")

DASHBOARD_BUTTON = N_("Dashboard")
DASHBOARD_OPEN = N_("Your dashboard: members, flags and quick actions, right here in the chat.")
DASHBOARD_OFF = N_("The dashboard isn't switched on for this bot yet.")
DASHBOARD_PRIVATE_ONLY = N_(
    "Telegram opens the dashboard in a private chat with me: send /dashboard there."
)
USAGE_DASHBOARD = N_("Usage: /dashboard")
FLAG_ACKNOWLEDGED_IN_DASHBOARD = N_(
    "✅ Flag #{flag_id} for {name} acknowledged by {coach} in the dashboard."
)

COACH_REPLY_SENT = N_("Sent to {name}.")
COACH_REPLY_UNKNOWN = N_(
    "I can't tell which member that is about. Reply to a message about them (their message, "
    "an alert, a notice), or send /msg <member number or @username> <your message>."
)
HOW_TO_WRITE = N_(
    "To write to a member, reply to a message about them, or send "
    "/msg <member number or @username> <your message>."
)
COACH_REPLY_MEMBER_GONE = N_("That member has left, so I couldn't pass your reply on.")
COACH_REPLY_UNREACHABLE = N_("{name} has blocked the bot, so I couldn't pass your reply on.")
USAGE_MSG = N_(
    "Usage: /msg <member number or @username> <your message>, e.g. /msg @maya How did today go?"
)
QUICK_ANSWER_SENT = N_('Sent to {name}: "{answer}"')
QUICK_ANSWER_STALE = N_("That answer has changed since. Tap one on a newer message.")
REPLY_HINT = N_("Reply to this message to answer {name}.")
COACH_REPLY_NOT_YOURS = N_("{name} has moved to another coach, so I didn't pass your reply on.")

USAGE_INVITE_EXAMPLE = N_("e.g. /invite {protocol} 1 14 (one use, valid 14 days)")
INVITE_FOR_MEMBER = N_(
    "Here's a link for a new member on {title}, good for {uses} and valid until {until}:\n"
    "{link}\n"
    "Send it to them. Opening it signs them up with you, on that protocol."
)
INVITE_FOR_COACH = N_(
    "Here's a link to join as {role}, good for {uses} and valid until {until}:\n{link}\n"
    "Send it to them. Opening it gives them the coach commands."
)
NO_INVITES = N_("No invite links yet. /invite makes one.")
USAGE_INVITES = N_("Usage: /invites")
INVITES_FOOTER = N_("/revoke <code> ends a link.")
USAGE_REVOKE = N_("Usage: /revoke <code> (/invites lists your links)")
REVOKED = N_("Link {code} is ended: nobody can use it any more.")
NO_SUCH_INVITE = N_("I don't know a link {code}. /invites lists yours.")

USAGE_COACH = N_(
    "Usage:\n"
    "/coach list: every coach and how many members they have\n"
    "/coach add: a one-use link that makes whoever opens it a coach\n"
    "/coach add <user id>: make that Telegram user a coach\n"
    "(add the word owner to either for an owner)\n"
    "/coach remove <user id>: their members become yours\n"
    "/coach notify all|mine: hear about every member, or only your own"
)
OWNERS_ONLY = N_("Only an owner can do that.")
COACH_ADDED = N_(
    "Done: {coach} is now a coach. Once they've opened a chat with me, /help shows them the "
    "coach commands."
)
OWNER_ADDED = N_("Done: {coach} is now an owner, who can manage coaches and see every member.")
ALREADY_A_COACH = N_("Nothing to do: {coach} is already {role}.")
COACH_REMOVED = N_("{coach} is no longer a coach. Their links have ended, and {members} now yours.")
NOT_A_KNOWN_COACH = N_("There's no coach with the user id {user_id}. /coach list shows them all.")
CONFIGURED_OWNER = N_(
    "{coach} is an owner from COACH_CHAT_IDS, so they'd be back at the next start. Take them "
    "out of the configuration first."
)
NOT_YOURSELF = N_("You can't remove yourself. Another owner can.")
HEARS_EVERYONE = N_("From now on you'll hear about every member: flags, videos and new members.")
HEARS_OWN = N_("From now on you'll only hear about your own members.")

USAGE_HAND_OVER = N_("or /assign <member> coach <@username or user id> to hand them to a coach")
NO_SUCH_COACH = N_("I don't know a coach {reference}. /coach list shows them (owners only).")
ALREADY_THEIRS = N_("{name} is already coached by {coach}.")
HANDED_OVER = N_("{name} is now coached by {coach}. I've told them both.")
HANDED_TO_YOU = N_("{member} is your member now. /member {id} shows how they're doing.")

COACH_WELCOME = N_(
    "Hi {name}! You're {role} here. /help lists your commands, and /invite makes a link for "
    "a new member."
)
BECAME_COACH = N_(
    "Welcome aboard, {name}! {inviter} made you {role}. /help lists your commands; /invite "
    "makes a link for a new member."
)
NO_COACH_AT_START_UP = N_(
    "NO COACH IS SET UP: flags, form-check videos and new members will reach nobody, and "
    "members will be told so. Put the coach's Telegram user id in COACH_CHAT_IDS."
)
DEFAULT_COACH_UNKNOWN = N_(
    "DEFAULT_COACH_ID {user_id} is not a coach: people without an invite link will be asked "
    "for one. Add them with /coach add {user_id}, or fix the setting."
)
_FORM_CHECK_MARK = re.compile(r"^🎥 [^#\n]*#(\d+)\b")
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
    return _(
        "Usage: /assign <member number or @username> <protocol>,\n{hand_over}.\n"
        "Protocols:\n{protocols}"
    ).format(hand_over=USAGE_HAND_OVER(), protocols=_protocol_list(protocols))


def usage_invite(protocols: Mapping[str, str]) -> str:
    """The /invite usage line, with an example and the protocols to choose from."""
    example = USAGE_INVITE_EXAMPLE.format(protocol=min(protocols, default=_("<protocol>")))
    return _("Usage: /invite <protocol> [uses] [days], {example}.\nProtocols:\n{protocols}").format(
        example=example, protocols=_protocol_list(protocols)
    )


def unknown_protocol(name: str, protocols: Mapping[str, str], usage: str | None = None) -> str:
    unknown = _("I don't know a protocol {name}.").format(name=repr(name))
    return f"{unknown}\n{usage or usage_assign(protocols)}"


def who(member: MemberCard) -> str:
    """'Maya (@maya) #3'."""
    handle = f" (@{member.username})" if member.username else ""
    return f"{shown_name(member.name)}{handle} #{member.id}"


def coach_name(coach: CoachCard) -> str:
    """'Sam (@sam)', or 'user 123' before they have talked to the bot."""
    if coach.name is None:
        if coach.username:
            return f"@{coach.username}"
        return _("user {user_id}").format(user_id=coach.user_id)
    return f"{coach.name} (@{coach.username})" if coach.username else coach.name


def role_name(owner: bool) -> str:
    return _("an owner") if owner else _("a coach")


def _when(moment: datetime, zone: ZoneInfo) -> str:
    return date_and_time(moment.astimezone(zone))


def _day(moment: datetime, zone: ZoneInfo) -> str:
    return short_date(moment.astimezone(zone).date())


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
        parts.append(_("not set up"))
    else:
        week = _("{done}/{cap} this week").format(done=row.done_this_week, cap=row.weekly_cap)
        parts += [row.protocol_title, week]
    if row.last_pain is not None and row.last_pain_at is not None:
        parts.append(
            _("last pain {pain} ({day})").format(
                pain=row.last_pain, day=_day(row.last_pain_at, member.zone)
            )
        )
    else:
        parts.append(_("no pain scores yet"))
    if row.open_flags:
        urgent = bool({"urgent", "emergency"} & set(row.open_flags))
        count = len(row.open_flags)
        flags = ngettext("{count} open flag", "{count} open flags", count).format(count=count)
        parts.append(f"{'🚨' if urgent else '⚠️'} {flags}")
    if row.paused:
        parts.append(_("paused"))
    if row.inactive:
        parts.append(_("blocked the bot"))
    if row.coach is not None:
        parts.append(_("coach {coach}").format(coach=coach_name(row.coach)))
    return " · ".join(parts)


def members_overview(rows: Sequence[MemberRow]) -> list[str]:
    """/members as one or more messages."""
    if not rows:
        return [NO_MEMBERS()]
    heading = _("Members ({count}):").format(count=len(rows))
    return pages([heading, *(member_line(row) for row in rows)])


def _check_in_session(kind: str, number: int | None) -> str:
    """'after session 3', 'morning after session 3', 'before a session'…"""
    if number:
        if kind == "before":
            return _("before session {number}").format(number=number)
        if kind == "morning":
            return _("morning after session {number}").format(number=number)
        return _("after session {number}").format(number=number)
    if kind == "before":
        return _("before a session")
    return _("next morning") if kind == "morning" else ""


def check_in_lines(check_ins: Sequence[CheckIn], zone: ZoneInfo) -> list[str]:
    """One '• Tue 05 Mar 18:40 after session 3 pain 6: "note"' line per check-in ("before
    session 3", "morning after session 3" for the other kinds)."""
    lines = []
    for check_in in check_ins:
        session = _check_in_session(check_in.kind, check_in.session_number)
        if check_in.pain is not None:
            pain = _("pain {pain}").format(pain=check_in.pain)
        else:
            pain = _("no score")
        note = f': "{fit(one_line(check_in.note), NOTE_PREVIEW)}"' if check_in.note else ""
        words = " ".join(part for part in (_when(check_in.at, zone), session, pain) if part)
        lines.append(f"• {words}{note}")
    return lines


_LEVEL_WORDS: Mapping[str, Text] = {
    "emergency": N_("🚨 EMERGENCY"),
    "urgent": N_("🚨 URGENT"),
    "critical": N_("❗ Critical pain"),
    "high": N_("⚠️ Worsening symptoms"),
    "low": N_("⚠️ Worth a look"),
}
_FLAG_LEVELS: Mapping[str, Text] = {
    "emergency": N_("EMERGENCY"),
    "urgent": N_("URGENT"),
    "critical": N_("critical"),
    "high": N_("high"),
    "low": N_("low"),
}
_KIND_WORDS: Mapping[str, Text] = {"red_flag": N_("red flag"), "pain": N_("pain")}
_MEMBER_TOLD: Mapping[str, Text] = {
    "emergency": N_("They were told to stop and go to an emergency department (or call) now."),
    "urgent": N_("They were told to stop and see a doctor today."),
}
_SOURCE_WORDS: Mapping[str, Text] = {
    "message": N_("wrote"),
    "edit": N_("edited a message to"),
    "note": N_("noted"),
    "screening": N_("answered yes"),
    "check_in": N_("check-in"),
}
MAX_EVIDENCE_LINES = 8
"""Pieces of evidence an alert lists, newest last (older ones are counted)."""


def flag_line(flag: FlagView, zone: ZoneInfo) -> str:
    """'#3 URGENT red flag, Tue 05 Mar 18:40: possible spinal fracture'."""
    return _("#{id} {level} {kind}, {when}: {reason}").format(
        id=flag.id,
        level=_FLAG_LEVELS[flag.level](),
        kind=_KIND_WORDS[flag.kind](),
        when=_when(flag.raised_at, zone),
        reason=reason_text(flag.reason),
    )


def evidence_lines(flag: FlagView, zone: ZoneInfo) -> list[str]:
    """'• Tue 05 Mar 18:40, wrote: "..."' per piece of evidence, newest last."""
    shown = flag.evidence[-MAX_EVIDENCE_LINES:]
    lines = []
    if len(flag.evidence) > len(shown):
        lines.append(_("({count} earlier)").format(count=len(flag.evidence) - len(shown)))
    for piece in shown:
        words = fit(one_line(reason_text(piece.text)), NOTE_PREVIEW)
        source = _SOURCE_WORDS[piece.source]()
        lines.append(f'• {_when(piece.at, zone)}, {source}: "{words}"')
    return lines


_DIRECTIONS: Mapping[PainDirection, Text] = {
    "rising": N_("rising"),
    "easing": N_("easing"),
    "steady": N_("steady"),
    "up_and_down": N_("up and down"),
}


def pain_trend(check_ins: Sequence[CheckIn]) -> str:
    """The last after-session scores and where they went: '4 → 6 → 7 (rising)'."""
    pains = recent_pains(check_ins)
    if not pains:
        return _("no pain scores yet")
    if len(pains) == 1:
        return str(pains[0])
    arrows = " → ".join(str(pain) for pain in pains)
    return f"{arrows} ({_DIRECTIONS[pain_direction(pains)]()})"


def flag_message(alert: FlagAlert) -> str:
    """The alert a coach reads when a flag is raised or grows: who, why, what the member said
    or scored, what they were told, and the recent history."""
    member, flag, check_ins = alert.member, alert.flag, alert.check_ins
    zone = member.zone
    # Translators: the line must end with {who} (a coach's reply finds the member by it).
    heading = _("{level}: {who}").format(level=_LEVEL_WORDS[flag.level](), who=who(member))
    lines = [heading, reason_text(flag.reason)]
    if flag.evidence:
        lines += ["", *evidence_lines(flag, zone)]
    told = _MEMBER_TOLD.get(flag.level) if flag.kind == "red_flag" else None
    if told is not None:
        lines += ["", told()]
    if alert.held:
        lines.append(PROGRAMME_HELD())
    lines += [
        "",
        _("Pain trend: {trend}").format(trend=pain_trend(check_ins)),
        _("Recent check-ins:"),
        *check_in_lines(check_ins[-RECENT_CHECK_INS:], zone),
        _("Flag #{id}: /ack {id} when you've followed up.").format(id=flag.id),
    ]
    return fit("\n".join(lines))


def flag_list_entry(flag: FlagView, member: MemberCard) -> str:
    """One open flag in /flags (its buttons go with it)."""
    return fit(f"{who(member)}\n{flag_line(flag, member.zone)}")


_SCORE_KINDS: tuple[CheckInKind, ...] = ("session", "morning", "before")


def _score_count(kind: CheckInKind, count: int, latest: int) -> str:
    """'3 after sessions (the latest 6)'."""
    if kind == "session":
        words = ngettext(
            "{count} after a session (the latest {latest})",
            "{count} after sessions (the latest {latest})",
            count,
        )
    elif kind == "morning":
        words = ngettext(
            "{count} next morning (the latest {latest})",
            "{count} next mornings (the latest {latest})",
            count,
        )
    else:
        words = ngettext(
            "{count} before a session (the latest {latest})",
            "{count} before sessions (the latest {latest})",
            count,
        )
    return words.format(count=count, latest=latest)


def chart_title(member: MemberCard) -> str:
    return _("{name}: pain scores").format(name=shown_name(member.name))


def chart_caption(member: MemberCard, check_ins: Sequence[CheckIn]) -> str:
    """What the coach's pain chart shows, in words (its caption, and so its alt text in the
    demo): how many scores of each kind, and the latest of each."""
    counts = []
    for kind in _SCORE_KINDS:
        pains = [c.pain for c in sorted(check_ins, key=lambda c: c.at) if c.kind == kind]
        scored = [pain for pain in pains if pain is not None]
        if scored:
            counts.append(_score_count(kind, len(scored), scored[-1]))
    if not counts:
        return _("Chart: {title}, no check-ins yet.").format(title=chart_title(member))
    return _("Chart: {title} (0 to 10): {counts}. A red line marks a flag.").format(
        title=chart_title(member), counts=_("; ").join(counts)
    )


def member_detail(detail: MemberDetail, now: datetime) -> str:
    """The /member report."""
    member = detail.member
    zone = member.zone
    if detail.inactive:
        status = _("blocked the bot")
    else:
        status = _("paused") if detail.paused else _("active")
    lines = [who(member), _("Status: {status}").format(status=status)]
    if detail.schedule is None or detail.since is None:
        lines.append(_("Protocol: not set up yet"))
    else:
        week = week_counts(detail.week, detail.workout_titles) or _("nothing due")
        lines += [
            _("Protocol: {title} (since {since})").format(
                title=detail.protocol_title, since=long_date(detail.since)
            ),
            _("Reminders: {schedule}").format(schedule=schedule_phrase(detail.schedule, now)),
            _("This week: {counts}").format(counts=week),
        ]
    lines += ["", _("Pain trend: {trend}").format(trend=pain_trend(detail.check_ins))]
    if detail.check_ins:
        recent = detail.check_ins[-RECENT_CHECK_INS:]
        lines += [_("Recent check-ins:"), *check_in_lines(recent, zone)]
    lines.append("")
    if detail.open_flags:
        lines += [_("Open flags:"), *(f"• {flag_line(f, zone)}" for f in detail.open_flags)]
    else:
        lines.append(_("No open flags."))
    if detail.sessions:
        lines += [_("Recent sessions:"), *session_lines(detail.sessions, zone)]
    if detail.form_checks:
        lines.append(_("Recent form checks:"))
        for check in detail.form_checks:
            answered = _("answered") if check.answered else _("waiting for your reply")
            exercise = check.exercise or _("general")
            lines.append(f"• {_when(check.at, zone)} {exercise}: {answered}")
    if detail.thread:
        lines += ["", _("Last messages:"), *thread_lines(detail.thread, member)]
    else:
        lines += ["", _("No messages yet.")]
    return fit("\n".join(lines))


def already_acknowledged(flag: FlagView, coach_user_id: int, zone: ZoneInfo) -> str:
    by = (
        ALREADY_ACKNOWLEDGED_BY_YOU()
        if flag.acknowledged_by == coach_user_id
        else ALREADY_ACKNOWLEDGED_BY_OTHER.format(user_id=flag.acknowledged_by)
    )
    when = _when(flag.acknowledged_at, zone) if flag.acknowledged_at else _("an unknown date")
    return ALREADY_ACKNOWLEDGED.format(flag_id=flag.id, by=by, when=when)


def form_check_caption(
    check_id: int, context: MemberContext, exercise: str | None, caption: str | None
) -> str:
    """The caption of a form-check copy: it starts with the mark `form_check_id` reads back,
    then the member's context and their own caption."""
    # Translators: keep 🎥 first and #{number} as the first "#" (replies are matched by it).
    heading = _("🎥 Form check #{number} from {who}: {exercise}").format(
        number=check_id, who=who(context.member), exercise=exercise or _("general form check")
    )
    lines = [
        heading,
        context_line(context),
        *([without_invisibles(caption)] if caption else []),
        _("Reply to this message and I'll pass your answer on."),
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
    parts = [context.protocol_title or _("not set up yet")]
    if context.step is not None:
        step = context.step
        parts.append(
            _("now on step {number} of {count} of {workout} ({exercise})").format(
                number=step.number,
                count=step.count,
                workout=step.workout_title,
                exercise=step.exercise,
            )
        )
    elif context.last_session is not None:
        last = context.last_session
        parts.append(
            _("last session {day} ({workout})").format(
                day=_day(last.ended_at, zone), workout=last.workout_title
            )
        )
    else:
        parts.append(_("no session yet"))
    if context.last_pain is not None and context.last_pain_at is not None:
        parts.append(
            _("last pain {pain} ({day})").format(
                pain=context.last_pain, day=_day(context.last_pain_at, zone)
            )
        )
    else:
        parts.append(_("no pain score yet"))
    return " · ".join(parts)


def _what_was_sent(line: ThreadLine, copied_below: bool) -> str:
    """The member's words as they are, or what their media message is (copied below)."""
    edited = _("✏️ edited: ") if line.edited else ""
    if not copied_below:
        return edited + without_invisibles(line.text or "")
    where = _("below") if line.kind != "text" else _("below, in full")
    caption = line.text and line.kind != "text"
    words = f": {fit(one_line(line.text or ''), NOTE_PREVIEW)}" if caption else ""
    kind = MESSAGE_KIND_WORDS[line.kind]()
    return f"{edited}{_KIND_ICONS[line.kind]} {kind} ({where}){words}"


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
        coach = shown_name(line.coach_name) if line.coach_name else _("Coach")
        if line.from_member:
            author = shown_name(member.name)
        else:
            author = _("{coach} (coach)").format(coach=coach)
        if line.kind == "text":
            words = fit(one_line(line.text or ""), NOTE_PREVIEW)
        else:
            caption = f": {fit(one_line(line.text), NOTE_PREVIEW)}" if line.text else ""
            words = f"{_KIND_ICONS[line.kind]} {MESSAGE_KIND_WORDS[line.kind]()}{caption}"
        edited = _("✏️ edited: ") if line.edited else ""
        lines.append(f"• {_when(line.at, member.zone)} {author}: {edited}{words}")
    return lines


# --- sessions, skipped and too-hard steps -----------------------------------------------------


def exercise_list(names: Sequence[str]) -> str:
    """'Copenhagen Progression (2 sets), Crawling': each exercise once, in order."""
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return _(", ").join(
        ngettext("{name} ({count} set)", "{name} ({count} sets)", n).format(name=name, count=n)
        if n > 1
        else name
        for name, n in counts.items()
    )


def session_outcome(steps: SessionSteps) -> str:
    """'15 of 18 done · too hard: Copenhagen Progression (2 sets) · skipped: Crawling'."""
    if steps.finished:
        done = _("{done} of {count} done").format(done=steps.done, count=steps.step_count)
        if not steps.skipped and not steps.too_hard:
            done = _("all {count} done").format(count=steps.step_count)
    else:
        answered = steps.done + len(steps.skipped) + len(steps.too_hard)
        done = ngettext(
            "stopped after {answered} of {count} step",
            "stopped after {answered} of {count} steps",
            steps.step_count,
        ).format(answered=answered, count=steps.step_count)
    parts = [done]
    if steps.too_hard:
        parts.append(_("too hard: {exercises}").format(exercises=exercise_list(steps.too_hard)))
    if steps.skipped:
        parts.append(_("skipped: {exercises}").format(exercises=exercise_list(steps.skipped)))
    return " · ".join(parts)


def session_lines(sessions: Sequence[SessionSteps], zone: ZoneInfo) -> list[str]:
    return [
        f"• {_day(steps.started_at, zone)} {steps.workout_title}: {session_outcome(steps)}"
        for steps in sessions
    ]


# --- notices ----------------------------------------------------------------------------------

# Translators: each first line must end with {who} (a coach's reply finds the member by it).
_NOTICE_HEADINGS: Mapping[str, Text] = {
    "paused": N_("⏸ Reminders paused: {who}\nNo reminders until they send /resume."),
    "resumed": N_("▶️ Reminders back on: {who}"),
    "deleted": N_(
        "🗑 Erased their data: {who}\nEverything about them is gone; /start brings them back "
        "as a new member."
    ),
    "blocked": N_(
        "🚫 Blocked the bot: {who}\nNo reminders or messages reach them until they write to "
        "me again."
    ),
}


def notice(told: Notice, now: datetime) -> str:
    """What the coach reads about something a member did."""
    match told:
        case JoinNotice():
            return join_notice(told, now)
        case MemberNotice(member, event):
            return _NOTICE_HEADINGS[event].format(who=who(member))
        case SessionReport(member, steps):
            lines = [
                _("📋 Steps not done: {who}").format(who=who(member)),
                _("{workout}, {when}: {outcome}").format(
                    workout=steps.workout_title,
                    when=_when(steps.started_at, member.zone),
                    outcome=session_outcome(steps),
                ),
                REPLY_HINT.format(name=shown_name(member.name)),
            ]
            return fit("\n".join(lines))


def uses(count: int) -> str:
    return ngettext("one use", "{count} uses", count).format(count=count)


def invite_created(
    link: str, kind: str, title: str | None, max_uses: int, until: datetime, zone: ZoneInfo
) -> str:
    """The answer to /invite and /coach add: the link, what it is for, how long it lasts."""
    when = _when(until, zone)
    if kind == "member":
        return INVITE_FOR_MEMBER.format(title=title, uses=uses(max_uses), until=when, link=link)
    role = role_name(kind == "owner")
    return INVITE_FOR_COACH.format(role=role, uses=uses(max_uses), until=when, link=link)


_INVITE_ENDED: Mapping[InviteEnd, Text] = {
    "revoked": N_("revoked"),
    "expired": N_("expired"),
    "used up": N_("used up"),
}


def invite_line(line: InviteLine, zone: ZoneInfo, with_coach: bool) -> str:
    """'• Ab3… · Lower Back Pain Relief · used 1 of 1 · until Tue 05 Mar 18:40 · used up'."""
    if line.kind == "member":
        what = line.protocol_title
    else:
        what = _("join as {role}").format(role=role_name(line.kind == "owner"))
    parts = [line.code, what or "?"]
    parts.append(_("used {uses} of {max_uses}").format(uses=line.uses, max_uses=line.max_uses))
    parts.append(_("until {when}").format(when=_when(line.expires_at, zone)))
    if line.ended is not None:
        parts.append(_INVITE_ENDED[line.ended]())
    if with_coach:
        parts.append(_("by {coach}").format(coach=coach_name(line.coach)))
    return "• " + " · ".join(parts)


def invites_overview(lines: Sequence[InviteLine], zone: ZoneInfo, owner: bool) -> list[str]:
    """/invites as one or more messages."""
    if not lines:
        return [NO_INVITES()]
    return pages(
        [
            _("Invite links ({count}):").format(count=len(lines)),
            *(invite_line(line, zone, owner) for line in lines),
            INVITES_FOOTER(),
        ]
    )


def staff_line(coach: CoachCard, members: int, hears_everyone: bool, configured: bool) -> str:
    """'• Sam (@sam) · user id 900002 · coach · 3 members'."""
    count = ngettext("{count} member", "{count} members", members).format(count=members)
    named = coach.name is not None or coach.username is not None
    user_id = _("user id {user_id}").format(user_id=coach.user_id)
    parts = [coach_name(coach), *([user_id] if named else [])]
    parts += [_("owner") if coach.owner else _("coach"), count]
    if hears_everyone:
        parts.append(_("hears about everyone"))
    if configured:
        parts.append(_("from COACH_CHAT_IDS"))
    return "• " + " · ".join(parts)


def coach_removed(coach: CoachCard, members: int) -> str:
    if not members:
        return _(
            "{coach} is no longer a coach. Their links have ended, and no members are now yours."
        ).format(coach=coach_name(coach))
    return ngettext(
        "{coach} is no longer a coach. Their links have ended, and {count} member is now yours.",
        "{coach} is no longer a coach. Their links have ended, and {count} members are now yours.",
        members,
    ).format(coach=coach_name(coach), count=members)


def join_notice(notice: JoinNotice, now: datetime) -> str:
    """What a coach reads when a member joins them."""
    member = notice.member
    lines = [
        _("👋 New member: {who}").format(who=who(member)),
        _("Protocol: {title}").format(title=notice.settings.protocol_title),
        _("Reminders: {schedule}").format(schedule=schedule_phrase(notice.settings.schedule, now)),
        _("Joined: {when} ({zone})").format(
            when=_when(notice.at, member.zone), zone=zone_label(member.zone.key, now)
        ),
        REPLY_HINT.format(name=shown_name(member.name)),
    ]
    return fit("\n".join(lines))


def coach_help(owner: bool, member: bool) -> str:
    """/help for a coach: the coach commands, and the member ones too when they train."""
    lines = [_("Your coach commands:")]
    lines += [f"/{name}: {description}" for name, description in coach_commands(owner)]
    lines.append(_("Replying to a form-check video sends your answer to the member."))
    if member:
        lines += ["", _("For your own training:"), HELP_COMMANDS()]
    return "\n".join(lines)


def coach_welcome(first_name: str, owner: bool) -> str:
    return COACH_WELCOME.format(name=first_name, role=role_name(owner))


# --- the workout card: too hard, demo clips (issues 16 and 17) -------------------------------
USAGE_DEMO = N_(
    "Reply to a video with /demo <exercise> to make it that exercise's demo clip, "
    "e.g. /demo Jefferson Curls."
)
DEMO_KEPT = N_(
    "Saved as the demo clip for {exercise}. Members see it the first time {exercise} comes "
    "up in a session."
)
DEMO_FOR_COACH = N_("🎬 Demo clip: {exercise}")


def unknown_exercise(name: str, close: Sequence[str]) -> str:
    """/demo with a name no protocol has."""
    text = _('No exercise in the protocols is called "{name}".').format(name=name)
    if close:
        options = _(" or ").join(close)
        text += " " + _("Did you mean {options}?").format(options=options)
    return text


def too_hard(note: TooHardNote) -> str:
    """A member found an exercise too hard: ask the coach for an easier version, or tell
    them what the member was offered."""
    where = f"{note.exercise} ({note.workout_title})"
    if note.switched_to is None:
        return _(
            "⚠️ {who} found {exercise} too hard, and the protocol has no easier "
            "version of it. Could you suggest one for them?"
        ).format(who=who(note.member), exercise=where)
    return _(
        "⚠️ {who} found {exercise} too hard and was offered {easier} "
        "instead. You asked to hear about this one."
    ).format(who=who(note.member), exercise=where, easier=note.switched_to)


# --- the daily digest (bot.jobs.digest, bot.render.digest_pages) -------------------------------

DIGEST_TITLE = N_("🗓 Your daily digest, {day}: {count}")
DIGEST_PAGE = N_("{title} (page {page} of {pages})")
DIGEST_DETAILS_TITLE = N_("🗓 Your daily digest, {day}: the details")
DIGEST_DETAILS_PART = N_("{title} ({part} of {parts})")
DIGEST_HINT = N_(
    "Details: the reasons in full. Tap a name to open the member; a reply there reaches them."
)
DIGEST_DETAILS_BUTTON = N_("Details")
DIGEST_MORE_BUTTON = N_("More details ▶")
DIGEST_LIST_BUTTON = N_("Back to the list")
DIGEST_PREVIOUS_BUTTON = N_("◀ Page {page}")
DIGEST_NEXT_BUTTON = N_("Page {page} ▶")
DIGEST_GONE = N_(
    "Nothing is left to show in that digest: its flags are acknowledged or its members gone."
)
DIGEST_NOW = N_(
    "Your daily digest comes at {at} ({zone}); the next one {next}. It lists the low and high "
    "pain flags, members not keeping up or ready to progress, and what members did, only when "
    "there is something to say.\nChange it with /digest HH:MM, e.g. /digest 18:00 (add a time "
    "zone for another clock: /digest 07:30 Lisbon)."
)
DIGEST_SET = N_("Done: your daily digest comes at {at} ({zone}) from now on; the next one {next}.")
USAGE_DIGEST = N_("Usage: /digest HH:MM [time zone], e.g. /digest 18:00 or /digest 07:30 Lisbon")
DIGEST_UNKNOWN_ZONE = N_(
    "I don't know the time zone {zone!r}. Try a city, e.g. Lisbon or New York."
)

DIGEST_NAME_MAX = 24
"""Characters of a member's name in the digest's list, panels and buttons."""

_DIGEST_LEVELS: Mapping[str, Text] = {"low": N_("🔸 low"), "high": N_("🔶 high")}
_LEVEL_MARKS = {"low": "🔸", "high": "🔶"}
_LEVEL_NAMES: Mapping[str, Text] = {"low": N_("low"), "high": N_("high")}
_FINDING_MARKS = {
    "no_recent_session": "💤",
    "reminders_ignored": "🔕",
    "fortnight_drop": "📉",
    "ready_to_progress": "🌱",
}
_DIGEST_EVENTS: Mapping[str, Text] = {
    "paused": N_("⏸ Paused their reminders"),
    "resumed": N_("▶️ Turned their reminders back on"),
    "blocked": N_("🚫 Blocked the bot: nothing reaches them until they write again"),
}
_EVENT_MARKS = {"paused": "⏸", "resumed": "▶️", "blocked": "🚫", "session": "📋"}
_DIGEST_RULE_WORDS: Mapping[str, Text] = {
    "above_acceptable": N_("above the acceptable level"),
    "not_settling": N_("not settling by the morning"),
    "rising": N_("rising week on week"),
    "high_pain": N_("high pain"),
    "severe_pain": N_("severe pain"),
    "no_recent_session": N_("no session for a week"),
    "reminders_ignored": N_("reminders ignored"),
    "fortnight_drop": N_("fewer sessions than the fortnight before"),
    "ready_to_progress": N_("ready to progress"),
}
_EVENT_WORDS: Mapping[str, Text] = {
    "paused": N_("paused reminders"),
    "resumed": N_("reminders back on"),
    "blocked": N_("blocked the bot"),
    "session": N_("steps not done"),
}


def digest_title(day: date, count: int, page: int, pages: int) -> str:
    """'🗓 Your daily digest, Tue 10 Mar: 14 members (page 1 of 2)'."""
    members = ngettext("one member", "{count} members", count).format(count=count)
    title = DIGEST_TITLE.format(day=short_date(day), count=members)
    return DIGEST_PAGE.format(title=title, page=page, pages=pages) if pages > 1 else title


def digest_details_title(day: date, part: int, parts: int) -> str:
    title = DIGEST_DETAILS_TITLE.format(day=short_date(day))
    return DIGEST_DETAILS_PART.format(title=title, part=part, parts=parts) if parts > 1 else title


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
            words = _(", ").join(dict.fromkeys(_rule_words(rule) for rule in rules))
            items.append(_("{level}: {reasons}").format(level=_LEVEL_NAMES[level](), reasons=words))
    items += [_rule_words(finding.rule) for finding in part.findings]
    items += list(dict.fromkeys(_EVENT_WORDS[notice.event]() for notice in part.notices))
    return items


def digest_line(part: MemberDigest) -> str:
    """One member's line in the digest's list: their most telling mark, who, and why."""
    reasons = _("; ").join(digest_items(part))
    return f"{_digest_mark(part)} {digest_name(part.member)}: {reasons}"


def _digest_mark(part: MemberDigest) -> str:
    levels = {flag.level for flag in part.flags}
    if levels:
        return _LEVEL_MARKS["high" if "high" in levels else "low"]
    if part.findings:
        return _FINDING_MARKS[part.findings[0].rule]
    return _EVENT_MARKS[part.notices[0].event]


def _rule_words(rule: str) -> str:
    words = _DIGEST_RULE_WORDS.get(rule)
    return words() if words is not None else rule.replace("_", " ")


def digest_member(part: MemberDigest) -> str:
    """One member's part of the digest's details: their pain flags (level and reason, which
    names the rule), the adherence findings, then what they did."""
    zone = part.member.zone
    lines = [who(part.member)]
    lines += [
        f"{_DIGEST_LEVELS[flag.level]()}: {one_line(reason_text(flag.reason))}"
        for flag in part.flags
    ]
    lines += [f"{_FINDING_MARKS[f.rule]} {reason_text(f.reason)}" for f in part.findings]
    for notice in part.notices:
        if notice.session is not None:
            steps = notice.session
            when = _when(steps.started_at, zone)
            lines.append(f"📋 {steps.workout_title}, {when}: {session_outcome(steps)}")
        else:
            lines.append(f"{_DIGEST_EVENTS[notice.event]()} ({_when(notice.at, zone)})")
    return fit("\n".join(lines))


def digest_setting(setting: DigestSetting, *, changed: bool) -> str:
    text = DIGEST_SET if changed else DIGEST_NOW
    return text.format(
        at=f"{setting.at:%H:%M}",
        zone=zone_label(setting.zone.key, setting.next_at),
        next=_when(setting.next_at, setting.zone),
    )
