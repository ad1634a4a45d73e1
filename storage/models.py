"""The database tables as SQLAlchemy 2 declarative models.

Every timestamp is an aware UTC `datetime` in Python (`UtcDateTime`), whatever the backend
stores. Every row that belongs to a member goes when the member goes (ON DELETE CASCADE in
the database, mirrored by the ORM relationships with `passive_deletes`).

The schema is created by the Alembic migrations in `storage/migrations`, never by
`create_all`; a change here needs a new migration (the tests compare the two).
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    UniqueConstraint,
    and_,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.awaiting import Awaiting, decode, encode

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp that is always an aware UTC `datetime` on the Python side.

    Naive datetimes are refused on the way in (their zone would be a guess). SQLite keeps no
    zone, so values are stored as naive UTC and given `UTC` back on the way out; PostgreSQL
    stores `timestamptz`.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r}: give it a time zone (UTC preferred)")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class WeekdaySet(TypeDecorator[frozenset[int]]):
    """A set of weekday numbers (0 = Monday .. 6 = Sunday), stored portably as "0,2,4"."""

    impl = String(13)
    cache_ok = True

    def process_bind_param(self, value: frozenset[int] | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if any(day not in range(7) for day in value):
            raise ValueError(f"weekdays must be 0..6 (Monday..Sunday), got {sorted(value)}")
        return ",".join(str(day) for day in sorted(value))

    def process_result_value(self, value: str | None, dialect: Dialect) -> frozenset[int] | None:
        if value is None:
            return None
        return frozenset(int(day) for day in value.split(",") if day)


class TimeZone(TypeDecorator[ZoneInfo]):
    """An IANA time zone, stored by its name ("Europe/Lisbon") and read back as a `ZoneInfo`."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: ZoneInfo | None, dialect: Dialect) -> str | None:
        return None if value is None else value.key

    def process_result_value(self, value: str | None, dialect: Dialect) -> ZoneInfo | None:
        return None if value is None else ZoneInfo(value)


class AwaitingColumn(TypeDecorator[Awaiting]):
    """What the bot waits for from a member (`storage.awaiting`), stored as a short string."""

    impl = String(64)
    cache_ok = True

    def process_bind_param(self, value: Awaiting | None, dialect: Dialect) -> str | None:
        return None if value is None else encode(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> Awaiting | None:
        return None if value is None else decode(value)


class SessionStatus(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"
    ABANDONED = "abandoned"


class StepOutcome(enum.StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    TOO_HARD = "too_hard"
    HURT = "hurt"
    """The member pressed "It hurts": the step was stopped and a pain score taken."""


class TimerKind(enum.StrEnum):
    HOLD = "hold"
    """A timed hold the member started: 3 s to get ready, then the hold."""
    REST = "rest"
    """Rest between rounds of a superset or circuit, started by the bot."""


class FlagKind(enum.StrEnum):
    """Where a flag comes from; at most one of each kind is open per member."""

    RED_FLAG = "red_flag"  # words that need a clinician: a message, a note, a screening answer
    PAIN = "pain"  # the pain-monitoring rules over the member's scores


class FlagLevel(enum.StrEnum):
    """How soon the coach must act, lowest first (`LEVEL_ORDER`)."""

    LOW = "low"  # the daily digest
    HIGH = "high"  # the daily digest
    CRITICAL = "critical"  # the coach at once
    URGENT = "urgent"  # the coach at once; the member sees a doctor today
    EMERGENCY = "emergency"  # the coach at once; the member goes to an emergency department now


LEVEL_ORDER = tuple(FlagLevel)


class EvidenceSource(enum.StrEnum):
    MESSAGE = "message"  # a message the member sent (text or caption)
    EDIT = "edit"  # a message the member edited
    NOTE = "note"  # the note of a check-in
    SCREENING = "screening"  # a "yes" to a question of the red-flag screen
    CHECK_IN = "check_in"  # a pain score


class FormCheckKind(enum.StrEnum):
    VIDEO = "video"
    VIDEO_NOTE = "video_note"
    DOCUMENT = "document"


class ReminderKind(enum.StrEnum):
    REMINDER = "reminder"
    NUDGE = "nudge"
    MORNING = "morning"  # the next-morning pain question after a session


class CheckInKind(enum.StrEnum):
    """When a pain score was given (the pain-monitoring rules read each kind apart)."""

    BEFORE = "before"  # before a session starts
    SESSION = "session"  # during or right after a session
    MORNING = "morning"  # the next morning


class NoticeEvent(enum.StrEnum):
    """Something a member did that waits for their coach's daily digest."""

    PAUSED = "paused"
    RESUMED = "resumed"
    BLOCKED = "blocked"
    SESSION = "session"  # a finished session with steps skipped or too hard


class MessageDirection(enum.StrEnum):
    FROM_MEMBER = "from_member"
    TO_MEMBER = "to_member"


class MessageKind(enum.StrEnum):
    """What a message of the thread carries (as Telegram names it)."""

    TEXT = "text"
    VOICE = "voice"
    AUDIO = "audio"
    PHOTO = "photo"
    VIDEO = "video"
    VIDEO_NOTE = "video_note"
    DOCUMENT = "document"
    STICKER = "sticker"
    ANIMATION = "animation"
    OTHER = "other"


class CoachMessageKind(enum.StrEnum):
    """What a bot message about a member in a coach chat is."""

    RELAY = "relay"  # the member's messages of one window, bundled
    COPY = "copy"  # a copy of one message of the member (media, a long text)
    FORM_CHECK = "form_check"
    ALERT = "alert"
    CHART = "chart"  # the pain chart under an alert (a photo: never edited)
    NOTICE = "notice"
    SUMMARY = "summary"  # a session with skipped or too-hard steps
    SENT = "sent"  # the bot's confirmation that a coach's message reached the member
    DIGEST = "digest"  # the member's part of the coach's daily digest


class CoachRole(enum.StrEnum):
    """An owner manages the coaches and sees every member; a coach sees their own members."""

    OWNER = "owner"
    COACH = "coach"


class InviteKind(enum.StrEnum):
    """What opening an invite link makes of the person: a member (with a protocol), or a
    coach or owner."""

    MEMBER = "member"
    COACH = "coach"
    OWNER = "owner"


def _string_enum(enum_class: type[enum.StrEnum], name: str) -> Enum:
    """A VARCHAR holding the enum's *values*, with a CHECK constraint on both backends."""
    return Enum(
        enum_class,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=16,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


LANGUAGE_LENGTH = 35
"""Characters of a language tag kept (BCP 47 tags in use are far shorter)."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime()}


def _member_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("members.id", ondelete="CASCADE"), index=True)


def _owned() -> Any:
    """The member side of a member-owned table: the database cascades the delete."""
    return relationship(
        back_populates="member", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class Coach(Base):
    """A coach or owner, known by their Telegram user id; the bot writes to them in their
    private chat with it, whose id is the same number."""

    __tablename__ = "coaches"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    # As Telegram names them; None until they first talk to the bot.
    name: Mapped[str | None] = mapped_column(String(256))
    username: Mapped[str | None] = mapped_column(String(64))
    # Telegram's language_code for them ("pt-br"), as of their last command; None: not known.
    language: Mapped[str | None] = mapped_column(String(LANGUAGE_LENGTH))
    role: Mapped[CoachRole] = mapped_column(_string_enum(CoachRole, "role"))
    # An owner who asked to hear about every member, not only their own.
    hears_everyone: Mapped[bool] = mapped_column(default=False)
    added_at: Mapped[datetime]
    # When the daily digest is sent, on the coach's clock; None: the configured default.
    digest_time: Mapped[time | None] = mapped_column(Time())
    digest_zone: Mapped[ZoneInfo | None] = mapped_column(TimeZone())
    # The due time of the latest digest claimed for this coach: the next one covers what
    # happened since (claiming it moves this forward, so a digest is never sent twice).
    digest_due_at: Mapped[datetime | None]


class Invite(Base):
    """A deep link `https://t.me/<bot>?start=<code>`: whoever opens it joins `coach_id`, as a
    member on `protocol`, or as a coach or owner. It expires, and may be used `max_uses`
    times."""

    __tablename__ = "invites"
    __table_args__ = (
        CheckConstraint("(kind = 'member') = (protocol IS NOT NULL)", name="protocol_for_members"),
        CheckConstraint("uses <= max_uses", name="uses_within_limit"),
    )

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    coach_id: Mapped[int] = mapped_column(ForeignKey("coaches.id", ondelete="CASCADE"), index=True)
    kind: Mapped[InviteKind] = mapped_column(_string_enum(InviteKind, "kind"))
    protocol: Mapped[str | None] = mapped_column(String(128))
    max_uses: Mapped[int]
    uses: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, index=True)
    name: Mapped[str] = mapped_column(String(256))
    username: Mapped[str | None] = mapped_column(String(64))
    # Telegram's language_code for them ("pt-br"), as of their last /start; None: not known.
    language: Mapped[str | None] = mapped_column(String(LANGUAGE_LENGTH))
    time_zone: Mapped[ZoneInfo] = mapped_column(TimeZone())
    consent_at: Mapped[datetime | None]
    # Set when the member has answered every set-up question; reminders start then.
    onboarded_at: Mapped[datetime | None]
    paused: Mapped[bool] = mapped_column(default=False)
    # Set by a red flag: no workouts and no reminders until a coach resumes the programme.
    held_since: Mapped[datetime | None]
    inactive: Mapped[bool] = mapped_column(default=False)
    # What the bot waits for the member to send next (see storage.awaiting).
    awaiting: Mapped[Awaiting | None] = mapped_column(AwaitingColumn())
    # The number of the member's current settings question: its buttons carry it, and a press
    # carrying another number is from an older question (see bot.services.members).
    settings_menu: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    # The coach who hears about this member; None only while no coach exists at all.
    coach_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaches.id", ondelete="SET NULL"), index=True
    )

    enrolments: Mapped[list[Enrolment]] = _owned()
    sessions: Mapped[list[WorkoutSession]] = _owned()
    symptom_reports: Mapped[list[SymptomReport]] = _owned()
    flags: Mapped[list[Flag]] = _owned()
    screening_answers: Mapped[list[ScreeningAnswer]] = _owned()
    form_checks: Mapped[list[FormCheck]] = _owned()
    reminders: Mapped[list[ReminderSent]] = _owned()
    relays: Mapped[list[Relay]] = _owned()
    thread: Mapped[list[ThreadMessage]] = _owned()
    coach_messages: Mapped[list[CoachMessage]] = _owned()
    exercise_levels: Mapped[list[ExerciseLevel]] = _owned()
    notices: Mapped[list[QueuedNotice]] = _owned()

    # Read-only views for overviews; load them with selectinload (see repository.list_members).
    active_enrolment: Mapped[Enrolment | None] = relationship(
        primaryjoin=lambda: and_(Member.id == Enrolment.member_id, Enrolment.active),
        viewonly=True,
        uselist=False,
        lazy="raise",
    )
    open_flags: Mapped[list[Flag]] = relationship(
        primaryjoin=lambda: and_(Member.id == Flag.member_id, Flag.acknowledged_at.is_(None)),
        viewonly=True,
        lazy="raise",
    )


class Enrolment(Base):
    __tablename__ = "enrolments"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    protocol: Mapped[str] = mapped_column(String(128))
    workout_days: Mapped[frozenset[int]] = mapped_column(WeekdaySet())
    reminder_time: Mapped[time] = mapped_column(Time())
    start_date: Mapped[date] = mapped_column(Date())
    active: Mapped[bool] = mapped_column(default=True)
    # Today's reminder moved by /snooze: planned at this instant instead of the regular time,
    # until it fires or the schedule changes (kept here so a restart does not lose it).
    snoozed_until: Mapped[datetime | None]
    # The coach chose this protocol (an invite or /assign): the member may not switch it.
    set_by_coach: Mapped[bool] = mapped_column(default=False)

    member: Mapped[Member] = relationship(back_populates="enrolments", lazy="raise")


# At most one active enrolment per member.
Index(
    "uq_enrolments_member_id_active",
    Enrolment.member_id,
    unique=True,
    sqlite_where=Enrolment.active,
    postgresql_where=Enrolment.active,
)


class WorkoutSession(Base):
    __tablename__ = "workout_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    protocol: Mapped[str] = mapped_column(String(128))
    workout_key: Mapped[str] = mapped_column(String(128))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[SessionStatus] = mapped_column(
        _string_enum(SessionStatus, "status"), default=SessionStatus.IN_PROGRESS
    )
    current_step: Mapped[int] = mapped_column(default=0)
    # Telegram message id of the workout's card (the one message edited step by step).
    step_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # The timer running on the card, if any: what it times, for which step, when the timed
    # part starts (after a hold's "get ready") and when it ends. Kept so a restart re-plans it.
    timer_kind: Mapped[TimerKind | None] = mapped_column(_string_enum(TimerKind, "timer_kind"))
    timer_step: Mapped[int | None]
    timer_starts_at: Mapped[datetime | None]
    timer_ends_at: Mapped[datetime | None]
    # The "time's up" message sent when a timer ended: deleted once its step is answered.
    alert_message_id: Mapped[int | None] = mapped_column(BigInteger)

    member: Mapped[Member] = relationship(back_populates="sessions", lazy="raise")
    step_results: Mapped[list[StepResult]] = relationship(
        back_populates="session", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class StepResult(Base):
    __tablename__ = "step_results"
    __table_args__ = (UniqueConstraint("session_id", "step_index"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed by the unique constraint, whose first column it is.
    session_id: Mapped[int] = mapped_column(ForeignKey("workout_sessions.id", ondelete="CASCADE"))
    step_index: Mapped[int]
    outcome: Mapped[StepOutcome] = mapped_column(_string_enum(StepOutcome, "outcome"))
    # The variant the set was done at: 0 as written, -1 one step easier, 1 one step harder.
    level: Mapped[int] = mapped_column(default=0, server_default="0")
    at: Mapped[datetime]

    session: Mapped[WorkoutSession] = relationship(back_populates="step_results", lazy="raise")


class ExerciseLevel(Base):
    """The variant a member does an exercise at (see `protocols.schema.Exercise.at_level`),
    chosen on the card; every later session starts from it."""

    __tablename__ = "exercise_levels"
    __table_args__ = (UniqueConstraint("member_id", "protocol", "exercise_label"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    protocol: Mapped[str] = mapped_column(String(128))
    exercise_label: Mapped[str] = mapped_column(String(16))
    level: Mapped[int]
    chosen_at: Mapped[datetime]

    member: Mapped[Member] = relationship(back_populates="exercise_levels", lazy="raise")


class DemoClip(Base):
    """Telegram's file id of an exercise's demo clip, uploaded once and sent again by id.

    `exercise` is the exercise's name as `storage.repository.demo_clips.clip_key` folds it.
    `source` says where the clip came from: the protocol's `media:` value (a new value in the
    YAML means a new upload), or "coach" for one a coach attached with /demo (it wins).
    """

    __tablename__ = "demo_clips"

    id: Mapped[int] = mapped_column(primary_key=True)
    exercise: Mapped[str] = mapped_column(String(256), unique=True)
    file_id: Mapped[str] = mapped_column(String(256))
    source: Mapped[str] = mapped_column(String(1024))
    added_by: Mapped[int | None] = mapped_column(BigInteger)
    added_at: Mapped[datetime]


class SymptomReport(Base):
    __tablename__ = "symptom_reports"
    __table_args__ = (CheckConstraint("pain BETWEEN 0 AND 10", name="pain_range"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("workout_sessions.id", ondelete="SET NULL"), index=True
    )
    pain: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)
    # Set when the pain was reported during the workout ("It hurts") on this step; None for
    # the check-in after it.
    step_index: Mapped[int | None]
    kind: Mapped[CheckInKind] = mapped_column(
        _string_enum(CheckInKind, "kind"), default=CheckInKind.SESSION, server_default="session"
    )
    at: Mapped[datetime]
    # The answer to the red-flag follow-up question asked after this check-in (its pain rose
    # by the minimal important change); None when it was not asked or not answered yet.
    follow_up_answer: Mapped[bool | None]

    member: Mapped[Member] = relationship(back_populates="symptom_reports", lazy="raise")


class Flag(Base):
    __tablename__ = "flags"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    kind: Mapped[FlagKind] = mapped_column(_string_enum(FlagKind, "kind"))
    level: Mapped[FlagLevel] = mapped_column(_string_enum(FlagLevel, "level"))
    # What raised it, for people and for filters: the red-flag families or the pain rule.
    rule: Mapped[str] = mapped_column(String(128))
    # The reason in English words, and (since 0011) as a message still to be said in the
    # reader's language: its message id and values (`bot.rules.reasons.to_json`); None for
    # older flags, shown as their English words.
    reason: Mapped[str] = mapped_column(Text)
    reason_message: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    raised_at: Mapped[datetime]
    # When the latest evidence was added (the flag is re-sent to the coach with it).
    updated_at: Mapped[datetime]
    acknowledged_by: Mapped[int | None] = mapped_column(BigInteger)
    acknowledged_at: Mapped[datetime | None]

    member: Mapped[Member] = relationship(back_populates="flags", lazy="raise")
    evidence: Mapped[list[FlagEvidence]] = relationship(
        back_populates="flag",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="FlagEvidence.id",
    )


class FlagEvidence(Base):
    """One thing that raised or added to a flag: the member's words or a rule's reason."""

    __tablename__ = "flag_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    flag_id: Mapped[int] = mapped_column(ForeignKey("flags.id", ondelete="CASCADE"), index=True)
    source: Mapped[EvidenceSource] = mapped_column(_string_enum(EvidenceSource, "source"))
    level: Mapped[FlagLevel] = mapped_column(_string_enum(FlagLevel, "level"))
    rule: Mapped[str] = mapped_column(String(128))
    # The member's words, or a rule's reason in English; a rule's reason also as a message
    # still to be said in the reader's language (as `Flag.reason_message`), None otherwise.
    text: Mapped[str] = mapped_column(Text)
    reason_message: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime]

    flag: Mapped[Flag] = relationship(back_populates="evidence", lazy="raise")


# At most one open (unacknowledged) flag per member and kind; the repository relies on it.
Index(
    "uq_flags_member_id_kind_open",
    Flag.member_id,
    Flag.kind,
    unique=True,
    sqlite_where=Flag.acknowledged_at.is_(None),
    postgresql_where=Flag.acknowledged_at.is_(None),
)


class ScreeningAnswer(Base):
    """A member's answer to one question of the red-flag screen (`bot.rules.screening`)."""

    __tablename__ = "screening_answers"
    __table_args__ = (UniqueConstraint("member_id", "question"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed by the unique constraint, whose first column it is.
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(32))
    answer: Mapped[bool]
    at: Mapped[datetime]

    member: Mapped[Member] = relationship(back_populates="screening_answers", lazy="raise")


class FormCheck(Base):
    __tablename__ = "form_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("workout_sessions.id", ondelete="SET NULL"), index=True
    )
    step_index: Mapped[int | None]
    exercise_name: Mapped[str | None] = mapped_column(String(256))
    file_id: Mapped[str] = mapped_column(String(256))
    file_unique_id: Mapped[str] = mapped_column(String(128))
    kind: Mapped[FormCheckKind] = mapped_column(_string_enum(FormCheckKind, "kind"))
    # Its copies in the coach chats are `CoachMessage` rows (kind form_check).
    coach_reply: Mapped[str | None] = mapped_column(Text)
    replied_at: Mapped[datetime | None]
    archived_path: Mapped[str | None] = mapped_column(String(1024))
    at: Mapped[datetime]

    member: Mapped[Member] = relationship(back_populates="form_checks", lazy="raise")


class ReminderSent(Base):
    """A reminder or nudge, in three steps: claimed (decided, waiting for a send slot),
    sending (`sending_at`: written just before the request to Telegram leaves) and sent.

    A claim without `sending_at` was certainly not sent, so a process that finds one left by
    another (dead) process may release it; one with `sending_at` but no `sent_at` may or may
    not have reached the member, and is never sent again.
    """

    __tablename__ = "reminders_sent"
    __table_args__ = (UniqueConstraint("member_id", "kind", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    workout_key: Mapped[str] = mapped_column(String(128))
    kind: Mapped[ReminderKind] = mapped_column(_string_enum(ReminderKind, "kind"))
    due_at: Mapped[datetime]
    claimed_at: Mapped[datetime]
    # The boot id of the process that claimed it (`ReminderScheduler.boot_id`).
    claimed_by: Mapped[str] = mapped_column(String(32))
    sending_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]

    member: Mapped[Member] = relationship(back_populates="reminders", lazy="raise")


class QueuedNotice(Base):
    """Something a member did, kept for their coach's daily digest (not sent at once)."""

    __tablename__ = "queued_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    event: Mapped[NoticeEvent] = mapped_column(_string_enum(NoticeEvent, "event"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("workout_sessions.id", ondelete="CASCADE")
    )
    at: Mapped[datetime] = mapped_column(index=True)

    member: Mapped[Member] = relationship(back_populates="notices", lazy="raise")


class Relay(Base):
    """A bundle: the member's messages of one window, shown to the coach as one message per
    coach chat (edited as messages arrive). Closed when a coach answers, or when full."""

    __tablename__ = "relays"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    opened_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]

    member: Mapped[Member] = relationship(back_populates="relays", lazy="raise")


class ThreadMessage(Base):
    """One message between a member and their coach, either way, in the member's words or the
    coach's (text, or a media message's caption)."""

    __tablename__ = "messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    direction: Mapped[MessageDirection] = mapped_column(_string_enum(MessageDirection, "direction"))
    kind: Mapped[MessageKind] = mapped_column(_string_enum(MessageKind, "kind"))
    text: Mapped[str | None] = mapped_column(Text)
    # A member's edit of an earlier message (stored as a message of its own).
    edited: Mapped[bool] = mapped_column(default=False)
    # The message in the member's chat: theirs (from_member), or the one they received.
    member_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # To the member: the coach's own message (or the message whose quick answer was pressed).
    coach_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    coach_message_id: Mapped[int | None] = mapped_column(BigInteger)
    coach_name: Mapped[str | None] = mapped_column(String(256))
    relay_id: Mapped[int | None] = mapped_column(
        ForeignKey("relays.id", ondelete="CASCADE"), index=True
    )
    form_check_id: Mapped[int | None] = mapped_column(
        ForeignKey("form_checks.id", ondelete="SET NULL")
    )
    at: Mapped[datetime]

    member: Mapped[Member] = relationship(back_populates="thread", lazy="raise")


class CoachMessage(Base):
    """A bot message about a member in a coach chat: a coach's reply to it reaches the member.

    The references say what it is about, so the reply can quote it to the member.
    """

    __tablename__ = "coach_messages"
    __table_args__ = (UniqueConstraint("coach_chat_id", "coach_message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = _member_fk()
    coach_chat_id: Mapped[int] = mapped_column(BigInteger)
    coach_message_id: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[CoachMessageKind] = mapped_column(_string_enum(CoachMessageKind, "kind"))
    relay_id: Mapped[int | None] = mapped_column(
        ForeignKey("relays.id", ondelete="CASCADE"), index=True
    )
    thread_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="CASCADE")
    )
    form_check_id: Mapped[int | None] = mapped_column(
        ForeignKey("form_checks.id", ondelete="CASCADE")
    )
    flag_id: Mapped[int | None] = mapped_column(ForeignKey("flags.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("workout_sessions.id", ondelete="SET NULL")
    )
    at: Mapped[datetime]

    member: Mapped[Member] = relationship(back_populates="coach_messages", lazy="raise")
