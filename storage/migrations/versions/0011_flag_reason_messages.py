"""A flag's reason, and a rule's piece of evidence, kept as words still to be said: the
message id and the values that fill it (JSON, `bot.rules.reasons`), so each coach reads it in
their own language. The English text stays beside it (`reason`, `text`); rows from before have
no message and are shown as their text.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-27 13:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("flags", "flag_evidence")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("reason_message", sa.JSON(), nullable=True))


def downgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("reason_message")
