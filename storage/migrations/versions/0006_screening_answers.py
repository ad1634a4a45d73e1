"""The red-flag screen's answers: one per member and onboarding question, and the answer to
the follow-up question on the check-in it followed.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27 20:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "screening_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(32), nullable=False),
        sa.Column("answer", sa.Boolean(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_screening_answers_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_answers")),
        sa.UniqueConstraint(
            "member_id", "question", name=op.f("uq_screening_answers_member_id_question")
        ),
    )
    with op.batch_alter_table("symptom_reports") as batch:
        batch.add_column(sa.Column("follow_up_answer", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("symptom_reports") as batch:
        batch.drop_column("follow_up_answer")
    op.drop_table("screening_answers")
