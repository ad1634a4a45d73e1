"""The workout card: timers kept on the session, "It hurts" answers, chosen exercise variants,
pain reported during a step, and demo clips' Telegram file ids.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OUTCOMES_BEFORE = ("done", "skipped", "too_hard")
_OUTCOMES_AFTER = (*_OUTCOMES_BEFORE, "hurt")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    with op.batch_alter_table("workout_sessions") as batch:
        batch.add_column(
            sa.Column(
                "timer_kind",
                sa.Enum(
                    "hold",
                    "rest",
                    name="timer_kind",
                    native_enum=False,
                    create_constraint=True,
                    length=16,
                ),
                nullable=True,
            )
        )
        batch.add_column(sa.Column("timer_step", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("timer_starts_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("timer_ends_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("alert_message_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("step_results") as batch:
        batch.drop_constraint(op.f("ck_step_results_outcome"), type_="check")
        batch.create_check_constraint("outcome", _in("outcome", _OUTCOMES_AFTER))
        batch.add_column(sa.Column("level", sa.Integer(), server_default="0", nullable=False))
    with op.batch_alter_table("symptom_reports") as batch:
        batch.add_column(sa.Column("step_index", sa.Integer(), nullable=True))
    op.create_table(
        "exercise_levels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("protocol", sa.String(length=128), nullable=False),
        sa.Column("exercise_label", sa.String(length=16), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("chosen_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["members.id"],
            name=op.f("fk_exercise_levels_member_id_members"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exercise_levels")),
        sa.UniqueConstraint(
            "member_id",
            "protocol",
            "exercise_label",
            name=op.f("uq_exercise_levels_member_id_protocol_exercise_label"),
        ),
    )
    op.create_table(
        "demo_clips",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exercise", sa.String(length=256), nullable=False),
        sa.Column("file_id", sa.String(length=256), nullable=False),
        sa.Column("source", sa.String(length=1024), nullable=False),
        sa.Column("added_by", sa.BigInteger(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_demo_clips")),
        sa.UniqueConstraint("exercise", name=op.f("uq_demo_clips_exercise")),
    )


def downgrade() -> None:
    op.drop_table("demo_clips")
    op.drop_table("exercise_levels")
    with op.batch_alter_table("symptom_reports") as batch:
        batch.drop_column("step_index")
    op.execute(sa.text("UPDATE step_results SET outcome = 'skipped' WHERE outcome = 'hurt'"))
    with op.batch_alter_table("step_results") as batch:
        batch.drop_column("level")
        batch.drop_constraint(op.f("ck_step_results_outcome"), type_="check")
        batch.create_check_constraint("outcome", _in("outcome", _OUTCOMES_BEFORE))
    with op.batch_alter_table("workout_sessions") as batch:
        batch.drop_column("alert_message_id")
        batch.drop_column("timer_ends_at")
        batch.drop_column("timer_starts_at")
        batch.drop_column("timer_step")
        batch.drop_constraint(op.f("ck_workout_sessions_timer_kind"), type_="check")
        batch.drop_column("timer_kind")
