"""Plain values the services hand to the renderers: what a message shows, nothing more.

Services build these from database rows inside their unit of work; `bot.render` turns them into
text. Neither side needs the other's types: no ORM row reaches a renderer, and no renderer is
called by a service.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Literal
from zoneinfo import ZoneInfo

from bot.rules.reasons import Reason
from bot.rules.roster import FlagLevel
from bot.rules.symptoms import CheckIn, CheckInKind
from bot.rules.timers import Timer
from protocols.expand import Step
from protocols.schema import Variant, Workout

FlagKindName = Literal["red_flag", "pain"]
FlagLevelName = FlagLevel
EvidenceSourceName = Literal["message", "edit", "note", "screening", "check_in"]
StepOutcomeName = Literal["done", "skipped", "too_hard", "hurt"]
SessionStatusName = Literal["in_progress", "finished", "abandoned"]
MessageKindName = Literal[
    "text",
    "voice",
    "audio",
    "photo",
    "video",
    "video_note",
    "document",
    "sticker",
    "animation",
    "other",
]
NoticeEvent = Literal["paused", "resumed", "deleted", "blocked"]
InviteKindName = Literal["member", "coach", "owner"]
InviteEnd = Literal["revoked", "expired", "used up"]


@dataclass(frozen=True)
class MemberCard:
    """Who a member is, as a coach reads it: 'Maya (@maya) #3'."""

    id: int
    name: str
    username: str | None
    zone: ZoneInfo


@dataclass(frozen=True)
class CoachCard:
    """Who a coach is: their Telegram user id, and their name once they have talked to the
    bot."""

    user_id: int
    name: str | None
    username: str | None
    owner: bool


@dataclass(frozen=True)
class Schedule:
    """When a member is reminded: weekdays (0 = Monday), a local time, their zone."""

    days: frozenset[int]
    at: time
    zone: ZoneInfo


@dataclass(frozen=True)
class MemberSettings:
    """A member's protocol and reminders, as the closing line of set-up shows them."""

    protocol_title: str
    schedule: Schedule
    chosen_by_coach: bool = False
    """The coach set the protocol (an invite or /assign): the member may not switch it."""


@dataclass(frozen=True)
class JoinNotice:
    """A member has joined a coach: who, on what, reminded when, and when they joined."""

    member: MemberCard
    settings: MemberSettings
    at: datetime


Said = Reason | str
"""A rule's reason, to be said in the reader's language, or words shown as they were stored:
a member's own, or a reason stored before reasons were kept as messages (migration 0011)."""


@dataclass(frozen=True)
class Evidence:
    """One thing that raised or added to a flag: the member's words or a rule's reason."""

    at: datetime
    source: EvidenceSourceName
    level: FlagLevelName
    text: Said


@dataclass(frozen=True)
class FlagView:
    id: int
    kind: FlagKindName
    level: FlagLevelName
    rule: str
    reason: Said
    raised_at: datetime
    acknowledged_by: int | None = None
    acknowledged_at: datetime | None = None
    evidence: Sequence[Evidence] = ()


@dataclass(frozen=True)
class FlagAlert:
    """A new or grown flag and what the coach needs to judge it: who, why, the recent history.

    `update` names the alert messages already in the coach chats that this one brings up to
    date (sent within the bundling window); empty: send it as a new alert.
    """

    member: MemberCard
    flag: FlagView
    check_ins: Sequence[CheckIn]
    update: Sequence[tuple[int, int]] = ()
    held: bool = False
    """The member's programme is held until a coach resumes it."""


@dataclass(frozen=True)
class FormCheckLine:
    at: datetime
    exercise: str | None
    answered: bool


@dataclass(frozen=True)
class MemberRow:
    """One line of /members."""

    member: MemberCard
    protocol_title: str | None
    done_this_week: int
    weekly_cap: int
    last_pain: int | None
    last_pain_at: datetime | None
    open_flags: Sequence[FlagLevelName]
    paused: bool
    inactive: bool
    coach: CoachCard | None = None
    """The member's coach, shown to owners (who see everyone's members)."""


@dataclass(frozen=True)
class StepPlace:
    """The step a member is on, in the workout they are doing."""

    workout_title: str
    number: int
    count: int
    exercise: str


@dataclass(frozen=True)
class LastSession:
    workout_title: str
    ended_at: datetime


@dataclass(frozen=True)
class MemberContext:
    """The line that goes with everything a member sends the coach: who, on which protocol,
    where they are (the step they are on, or else their last session), and their last pain."""

    member: MemberCard
    protocol_title: str | None
    step: StepPlace | None
    last_session: LastSession | None
    last_pain: int | None
    last_pain_at: datetime | None


@dataclass(frozen=True)
class ThreadLine:
    """One message between member and coach, either way."""

    at: datetime
    from_member: bool
    kind: MessageKindName
    text: str | None
    edited: bool = False
    coach_name: str | None = None


@dataclass(frozen=True)
class RelayView:
    """A bundle of a member's messages, as the coach's message shows it; `copied_below` are
    the lines whose message is copied under it (media, a long text)."""

    context: MemberContext
    lines: Sequence[ThreadLine]
    copied_below: Sequence[bool]


@dataclass(frozen=True)
class SessionSteps:
    """A workout that is over, with the steps the member did not do as asked (exercise names,
    in step order, one per set)."""

    session_id: int
    workout_title: str
    started_at: datetime
    finished: bool
    done: int
    step_count: int
    skipped: Sequence[str]
    too_hard: Sequence[str]


@dataclass(frozen=True)
class MemberNotice:
    """Something a member did that their coach should know about."""

    member: MemberCard
    event: NoticeEvent


@dataclass(frozen=True)
class SessionReport:
    """A finished session with steps skipped or too hard, for the coach."""

    member: MemberCard
    session: SessionSteps


Notice = MemberNotice | SessionReport | JoinNotice
"""What `bot.alerts.send_notice` tells the coach (paused, resumed, blocked and session reports
wait for the daily digest; joining and erasing are told at once)."""


@dataclass(frozen=True)
class DigestFlag:
    """A low or high pain flag that waited for the digest: its level, rule and reason."""

    at: datetime
    level: FlagLevelName
    rule: str
    reason: Said


@dataclass(frozen=True)
class DigestFinding:
    """An adherence or progress finding (`bot.rules.adherence`): its rule and reason."""

    rule: str
    reason: Reason


@dataclass(frozen=True)
class DigestNotice:
    """Something the member did since the last digest; `session` for a session report."""

    at: datetime
    event: Literal["paused", "resumed", "blocked", "session"]
    session: SessionSteps | None = None


@dataclass(frozen=True)
class MemberDigest:
    """One member's part of a coach's digest (a panel of its image, lines of its caption), and
    their check-ins of the digest's chart span, for that panel."""

    member: MemberCard
    flags: Sequence[DigestFlag]
    findings: Sequence[DigestFinding]
    notices: Sequence[DigestNotice]
    check_ins: Sequence[CheckIn] = ()


@dataclass(frozen=True)
class Digest:
    """A coach's daily digest: for whom, the day it is for (on the coach's clock), the members
    with something to say, and what it covers: flags and notices after `since` up to `until`,
    findings as they stood at `until`, check-ins from `chart_from` (its pages are rebuilt from
    these on a press), on the clock of `zone`."""

    chat_id: int
    day: date
    members: Sequence[MemberDigest]
    since: datetime
    until: datetime
    chart_from: datetime
    zone: ZoneInfo


@dataclass(frozen=True)
class DigestSetting:
    """When a coach's digest comes: a local time on their clock, and the next one."""

    at: time
    zone: ZoneInfo
    next_at: datetime


@dataclass(frozen=True)
class AboutMessage:
    """A coach's answer to one of the member's messages (`member_message_id` in their chat)."""

    kind: MessageKindName
    text: str | None
    member_message_id: int | None


@dataclass(frozen=True)
class AboutFormCheck:
    exercise: str | None
    member_message_id: int | None


@dataclass(frozen=True)
class AboutCheckIn:
    pain: int | None


@dataclass(frozen=True)
class AboutSession:
    workout_title: str


@dataclass(frozen=True)
class AboutNothing:
    """A message that starts a conversation (/msg, or an answer to a notice)."""


Subject = AboutMessage | AboutFormCheck | AboutCheckIn | AboutSession | AboutNothing
"""What a coach's message to a member answers, so the member sees it quoted."""


@dataclass(frozen=True)
class MemberDetail:
    """Everything /member shows."""

    member: MemberCard
    paused: bool
    inactive: bool
    protocol_title: str | None
    since: date | None
    schedule: Schedule | None
    week: Mapping[str, tuple[int, int]]
    workout_titles: Mapping[str, str]
    check_ins: Sequence[CheckIn]
    open_flags: Sequence[FlagView]
    form_checks: Sequence[FormCheckLine]
    sessions: Sequence[SessionSteps]
    thread: Sequence[ThreadLine]


@dataclass(frozen=True)
class InviteLine:
    """One invite link in /invites."""

    code: str
    kind: InviteKindName
    protocol_title: str | None
    uses: int
    max_uses: int
    expires_at: datetime
    ended: InviteEnd | None
    coach: CoachCard


@dataclass(frozen=True)
class Progress:
    """Everything /progress shows (the chart is drawn from `pain_points`)."""

    week: Mapping[str, tuple[int, int]]
    workout_titles: Mapping[str, str]
    streak_weeks: int
    recent_pain: Sequence[int]
    pain_points: Sequence[tuple[datetime, int]]
    zone: ZoneInfo


# --- the coach's dashboard (bot.services.dashboard → bot.render.dashboard_json) --------------


@dataclass(frozen=True)
class RosterRow:
    """One member in the dashboard's members view."""

    member: MemberCard
    protocol: str | None
    protocol_title: str | None
    done_this_week: int
    weekly_cap: int
    adherence_percent: int | None
    recent_pain: Sequence[int]
    """The latest pain scores, oldest first: the last one and the sparkline."""
    last_pain_at: datetime | None
    open_flags: Mapping[FlagLevel, int]
    last_contact: datetime | None
    days_since_contact: int | None
    attention: Sequence[Reason]
    """Why the member needs the coach; empty when nothing does."""
    paused: bool
    inactive: bool
    set_up: bool


@dataclass(frozen=True)
class OpenFlag:
    """A flag in the dashboard's inbox."""

    flag: FlagView
    level: FlagLevel
    member: MemberCard


@dataclass(frozen=True)
class PainPoint:
    at: datetime
    pain: int
    kind: CheckInKind


@dataclass(frozen=True)
class StepLine:
    """One step of a session: what it was, and how the member answered (None: not reached)."""

    index: int
    exercise: str
    position: str
    outcome: StepOutcomeName | None


@dataclass(frozen=True)
class SessionLine:
    id: int
    workout_title: str
    started_at: datetime
    finished_at: datetime | None
    status: SessionStatusName
    steps: Sequence[StepLine]


@dataclass(frozen=True)
class NoteLine:
    """A note the member added to a check-in."""

    at: datetime
    text: str


@dataclass(frozen=True)
class FormCheckItem:
    id: int
    at: datetime
    exercise: str | None
    reply: str | None
    replied_at: datetime | None


@dataclass(frozen=True)
class MemberFile:
    """Everything the dashboard shows about one member."""

    member: MemberCard
    protocol: str | None
    protocol_title: str | None
    schedule: Schedule | None
    paused: bool
    inactive: bool
    set_up: bool
    pain: Sequence[PainPoint]
    sessions: Sequence[SessionLine]
    notes: Sequence[NoteLine]
    thread: Sequence[ThreadLine]
    """The latest messages either way, oldest first (`storage.repository.messages`)."""
    form_checks: Sequence[FormCheckItem]
    open_flags: Sequence[OpenFlag]


# --- the workout card (issue 17) ---------------------------------------------------------


@dataclass(frozen=True)
class CardStep:
    """The workout card at one step: what the member sees, and what its buttons answer."""

    session_id: int
    workout: Workout
    step: Step
    step_count: int
    level: int
    """The variant the member does this exercise at (0 as written, below 0 easier)."""
    timer: Timer | None = None
    """The timer running on this step, if any (a hold the member started, or rest)."""

    @property
    def variant(self) -> Variant:
        return self.step.exercise.at_level(self.level)

    @property
    def first_time(self) -> bool:
        """The first set of this exercise in the session (its demo clip is shown then)."""
        return (self.step.set_number == 1) and (self.step.round_number in (None, 1))


@dataclass(frozen=True)
class BlockResult:
    """How one block of a finished session went: sets answered each way, and the names of
    the exercises as they were done (an easier variant's name when one was used)."""

    label: str
    kind: str
    names: Sequence[str]
    sets: int
    done: int
    skipped: int
    too_hard: int
    hurt: int


@dataclass(frozen=True)
class SessionSummary:
    title: str
    blocks: Sequence[BlockResult]
    minutes: int
    stopped: bool = False
    """The session ended early (the member was told to stop)."""
    pain_before: int | None = None
    """How the back felt before the session (0-10), if the member said."""

    @property
    def too_hard(self) -> int:
        return sum(block.too_hard for block in self.blocks)


@dataclass(frozen=True)
class DemoClipRef:
    """An exercise's demo clip: Telegram's file id once uploaded, else where to upload from
    (the protocol's `media:` value, resolved to a file path or an https URL)."""

    exercise: str
    file_id: str | None
    media: str | None


@dataclass(frozen=True)
class TooHardNote:
    """What the coach hears when a member finds an exercise too hard."""

    member: MemberCard
    exercise: str
    workout_title: str
    session_id: int
    switched_to: str | None
    """The easier variant the member was offered, or None when there is none."""
