"""Two-phase reminder claims (who claimed, when sending began) and a persisted snooze.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:00:00.000000

Rows claimed before this revision cannot tell "waiting to send" from "sent, not yet marked",
so an unsent one is marked as sending since its claim: it stays ambiguous, and is never sent
again (the behaviour it was claimed under).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BEFORE_0002 = "before-0002"
"""The `claimed_by` of rows claimed before this revision (no process has this boot id)."""


def upgrade() -> None:
    with op.batch_alter_table("reminders_sent") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("sending_at", sa.DateTime(timezone=True), nullable=True))
    reminders_sent = sa.table(
        "reminders_sent",
        sa.column("claimed_by", sa.String()),
        sa.column("claimed_at", sa.DateTime(timezone=True)),
        sa.column("sending_at", sa.DateTime(timezone=True)),
        sa.column("sent_at", sa.DateTime(timezone=True)),
    )
    op.execute(reminders_sent.update().values(claimed_by=_BEFORE_0002))
    op.execute(
        reminders_sent.update()
        .where(reminders_sent.c.sent_at.is_(None))
        .values(sending_at=reminders_sent.c.claimed_at)
    )
    with op.batch_alter_table("reminders_sent") as batch:
        batch.alter_column("claimed_by", existing_type=sa.String(length=32), nullable=False)
    with op.batch_alter_table("enrolments") as batch:
        batch.add_column(sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("enrolments") as batch:
        batch.drop_column("snoozed_until")
    with op.batch_alter_table("reminders_sent") as batch:
        batch.drop_column("sending_at")
        batch.drop_column("claimed_by")
