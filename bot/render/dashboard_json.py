"""The dashboard's JSON: the plain values of `bot.views` as the page reads them.

Times are ISO 8601 in UTC; the page shows them in the member's own zone (`zone`). Everything
a member or coach typed (names, notes, messages, replies, reasons) is a JSON string, and the
page writes it with `textContent`, never as HTML. Words of the bot (a flag's reason, why a
member needs attention, the page's own words) are said in the language being spoken: the
coach's, which the API sets for each request. Optional values are null and lists may be
empty: the fields that arrive with later work (check-in kinds) already have their place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from bot.render.dashboard_page import page_words
from bot.render.i18n import _, locale, ngettext
from bot.render.reasons import reason_text, reason_texts
from bot.views import (
    FormCheckItem,
    MemberCard,
    MemberFile,
    NoteLine,
    OpenFlag,
    RosterRow,
    Schedule,
    SessionLine,
    ThreadLine,
)
from protocols.schema import Protocol

JSON = dict[str, Any]


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat().replace("+00:00", "Z")


def member_card(card: MemberCard) -> JSON:
    return {"id": card.id, "name": card.name, "username": card.username, "zone": card.zone.key}


def roster(rows: Sequence[RosterRow], now: datetime) -> JSON:
    """The members view."""
    return {"now": _time(now), "members": [roster_row(row) for row in rows]}


def roster_row(row: RosterRow) -> JSON:
    return {
        **member_card(row.member),
        "protocol": row.protocol,
        "protocol_title": row.protocol_title,
        "week": {"done": row.done_this_week, "cap": row.weekly_cap},
        "adherence": row.adherence_percent,
        "pain": {
            "last": row.recent_pain[-1] if row.recent_pain else None,
            "last_at": _time(row.last_pain_at),
            "recent": list(row.recent_pain),
        },
        "flags": dict(row.open_flags),
        "last_contact": _time(row.last_contact),
        "days_since_contact": row.days_since_contact,
        "contact_words": contact_words(row.days_since_contact),
        "attention": reason_texts(row.attention),
        "paused": row.paused,
        "blocked": row.inactive,
        "set_up": row.set_up,
    }


def contact_words(days: int | None) -> str:
    """When the member was last in touch: 'today', '3 days ago', 'never'."""
    if days is None:
        return _("never")
    if days == 0:
        return _("today")
    if days == 1:
        return _("yesterday")
    return ngettext("{count} day ago", "{count} days ago", days).format(count=days)


def open_flag(item: OpenFlag) -> JSON:
    flag = item.flag
    return {
        "id": flag.id,
        "kind": flag.kind,
        "level": item.level,
        "reason": reason_text(flag.reason),
        "raised_at": _time(flag.raised_at),
        "acknowledged_at": _time(flag.acknowledged_at),
        "member": member_card(item.member),
    }


def flags(items: Sequence[OpenFlag]) -> JSON:
    """The flags inbox."""
    return {"flags": [open_flag(item) for item in items]}


def _schedule(schedule: Schedule | None) -> JSON | None:
    if schedule is None:
        return None
    count, at = len(schedule.days), schedule.at.strftime("%H:%M")
    words = ngettext("{count} day a week at {time}", "{count} days a week at {time}", count)
    return {"days": sorted(schedule.days), "at": at, "words": words.format(count=count, time=at)}


def _session(line: SessionLine) -> JSON:
    return {
        "id": line.id,
        "workout": line.workout_title,
        "started_at": _time(line.started_at),
        "finished_at": _time(line.finished_at),
        "status": line.status,
        "steps": [
            {
                "index": step.index,
                "exercise": step.exercise,
                "position": step.position,
                "outcome": step.outcome,
            }
            for step in line.steps
        ],
    }


def _note(note: NoteLine) -> JSON:
    return {"at": _time(note.at), "from": "member", "kind": "note", "text": note.text}


def _thread_line(line: ThreadLine) -> JSON:
    """A message either way: `kind` as Telegram names it ("text", "voice", "video", ...),
    `text` its words or caption (null for a media message without one), `coach` the name of
    the coach who wrote it."""
    return {
        "at": _time(line.at),
        "from": "member" if line.from_member else "coach",
        "kind": line.kind,
        "text": line.text,
        "edited": line.edited,
        "coach": line.coach_name,
    }


def _form_check(item: FormCheckItem, member_id: int) -> JSON:
    return {
        "id": item.id,
        "at": _time(item.at),
        "exercise": item.exercise,
        "reply": item.reply,
        "replied_at": _time(item.replied_at),
        "video": f"api/members/{member_id}/form-checks/{item.id}/video",
    }


def member_file(file: MemberFile) -> JSON:
    """The member view."""
    member_id = file.member.id
    return {
        **member_card(file.member),
        "protocol": file.protocol,
        "protocol_title": file.protocol_title,
        "schedule": _schedule(file.schedule),
        "paused": file.paused,
        "blocked": file.inactive,
        "set_up": file.set_up,
        "pain": [{"at": _time(p.at), "pain": p.pain, "kind": p.kind} for p in file.pain],
        "pain_scores": ngettext("{count} score", "{count} scores", len(file.pain)).format(
            count=len(file.pain)
        ),
        "sessions": [_session(line) for line in file.sessions],
        "notes": [_note(note) for note in file.notes],
        "thread": [_thread_line(line) for line in file.thread],
        "form_checks": [_form_check(item, member_id) for item in file.form_checks],
        "flags": [open_flag(item) for item in file.open_flags],
    }


def me(coach_name: str, protocols: Mapping[str, Protocol]) -> JSON:
    """Who is looking, the choices the actions offer, the page's words in the coach's
    language (`bot.render.dashboard_page`) and the locale its script writes dates in ("de",
    "pt-BR")."""
    return {
        "coach": {"name": coach_name},
        "words": page_words(),
        "locale": str(locale()).replace("_", "-"),
        "protocols": [
            {"name": name, "title": protocol.title} for name, protocol in sorted(protocols.items())
        ],
    }
