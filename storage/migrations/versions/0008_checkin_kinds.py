"""Check-in kinds, the next-morning check and the coach's daily digest.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 10:00:00.000000

- `symptom_reports.kind`: when the score was given, "before" a session, "session" (during or
  after it) or "morning" (the next morning). Every existing check-in followed a session, so
  each becomes "session".
- `reminders_sent.kind` may be "morning": the next-morning question is claimed, marked sending
  and sent like a reminder, so it is never asked twice.
- `coaches.digest_time`, `digest_zone` (None: the configured default) and `digest_due_at`
  (the latest digest claimed; the next one covers what happened since).
- `queued_notices`: what a member did (paused, resumed, blocked the bot, a session with steps
  not done) kept for the coach's digest.
- `coach_messages.kind` may be "digest": a member's part of a digest, so a reply reaches them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CHECK_IN_KINDS = ("before", "session", "morning")
_REMINDER_KINDS_BEFORE = ("reminder", "nudge")
_REMINDER_KINDS_AFTER = (*_REMINDER_KINDS_BEFORE, "morning")
_COACH_KINDS_BEFORE = (
    "relay",
    "copy",
    "form_check",
    "alert",
    "chart",
    "notice",
    "summary",
    "sent",
)
_COACH_KINDS_AFTER = (*_COACH_KINDS_BEFORE, "digest")
_NOTICE_EVENTS = ("paused", "resumed", "blocked", "session")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _replace_check(table: str, column: str, values: Sequence[str]) -> None:
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(op.f(f"ck_{table}_{column}"), type_="check")
        batch.create_check_constraint(column, _in(column, values))


def upgrade() -> None:
    with op.batch_alter_table("symptom_reports") as batch:
        batch.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default="session"))
        batch.create_check_constraint("kind", _in("kind", _CHECK_IN_KINDS))
    _replace_check("reminders_sent", "kind", _REMINDER_KINDS_AFTER)
    _replace_check("coach_messages", "kind", _COACH_KINDS_AFTER)
    with op.batch_alter_table("coaches") as batch:
        batch.add_column(sa.Column("digest_time", sa.Time(), nullable=True))
        batch.add_column(sa.Column("digest_zone", sa.String(64), nullable=True))
        batch.add_column(sa.Column("digest_due_at", sa.DateTime(timezone=True), nullable=True))
    op.create_table(
        "queued_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column(
            "event",
            sa.Enum(
                *_NOTICE_EVENTS, name="event", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_queued_notices_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["workout_sessions.id"],
            name=op.f("fk_queued_notices_session_id_workout_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_queued_notices")),
    )
    op.create_index(op.f("ix_queued_notices_member_id"), "queued_notices", ["member_id"])
    op.create_index(op.f("ix_queued_notices_at"), "queued_notices", ["at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_queued_notices_at"), table_name="queued_notices")
    op.drop_index(op.f("ix_queued_notices_member_id"), table_name="queued_notices")
    op.drop_table("queued_notices")
    with op.batch_alter_table("coaches") as batch:
        batch.drop_column("digest_due_at")
        batch.drop_column("digest_zone")
        batch.drop_column("digest_time")
    op.execute(sa.text("DELETE FROM coach_messages WHERE kind = 'digest'"))
    _replace_check("coach_messages", "kind", _COACH_KINDS_BEFORE)
    op.execute(sa.text("DELETE FROM reminders_sent WHERE kind = 'morning'"))
    _replace_check("reminders_sent", "kind", _REMINDER_KINDS_BEFORE)
    # Without their kind, before-session and morning scores would read as after-session ones.
    op.execute(sa.text("DELETE FROM symptom_reports WHERE kind <> 'session'"))
    with op.batch_alter_table("symptom_reports") as batch:
        batch.drop_constraint(op.f("ck_symptom_reports_kind"), type_="check")
        batch.drop_column("kind")
