"""Flags with a level and their evidence; a programme held by a red flag; pain charts told
apart from alert texts in the coach chats.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 18:00:00.000000

Flags were "worsening" or "urgent". They become "pain" (the pain rules) or "red_flag" (words
that need a clinician), each with a level: a worsening flag is a high pain flag; an urgent one
is an urgent pain flag when its reason is a pain score ("Pain 9 ...") and an urgent red flag
otherwise. Each existing flag keeps its reason as its first piece of evidence.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS_BEFORE = ("worsening", "urgent")
_KINDS_AFTER = ("red_flag", "pain")
_LEVELS = ("low", "high", "critical", "urgent", "emergency")
_SOURCES = ("message", "edit", "note", "screening", "check_in")
_COACH_KINDS_BEFORE = ("relay", "copy", "form_check", "alert", "notice", "summary", "sent")
_COACH_KINDS_AFTER = (*_COACH_KINDS_BEFORE, "chart")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=16)


def upgrade() -> None:
    with op.batch_alter_table("flags") as batch:
        batch.drop_constraint(op.f("ck_flags_kind"), type_="check")
        batch.add_column(sa.Column("level", sa.String(16), nullable=True))
        batch.add_column(sa.Column("rule", sa.String(128), nullable=True))
        batch.add_column(sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    flags = sa.table(
        "flags",
        *(sa.column(name, sa.String()) for name in ("kind", "level", "rule", "reason")),
        sa.column("raised_at", sa.DateTime(timezone=True)),
        sa.column("updated_at", sa.DateTime(timezone=True)),
    )
    op.execute(
        flags.update()
        .where(flags.c.kind == "worsening")
        .values(kind="pain", level="high", rule="worsening")
    )
    op.execute(
        flags.update()
        .where(flags.c.kind == "urgent", flags.c.reason.like("Pain %"))
        .values(kind="pain", level="urgent", rule="urgent_pain")
    )
    op.execute(
        flags.update()
        .where(flags.c.kind == "urgent")
        .values(kind="red_flag", level="urgent", rule="red_flag")
    )
    op.execute(flags.update().values(updated_at=flags.c.raised_at))
    with op.batch_alter_table("flags") as batch:
        batch.alter_column("level", existing_type=sa.String(16), nullable=False)
        batch.alter_column("rule", existing_type=sa.String(128), nullable=False)
        batch.alter_column("updated_at", existing_type=sa.DateTime(timezone=True), nullable=False)
        batch.create_check_constraint("kind", _in("kind", _KINDS_AFTER))
        batch.create_check_constraint("level", _in("level", _LEVELS))
    op.create_table(
        "flag_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("flag_id", sa.Integer(), nullable=False),
        sa.Column("source", _enum("source", *_SOURCES), nullable=False),
        sa.Column("level", _enum("level", *_LEVELS), nullable=False),
        sa.Column("rule", sa.String(128), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["flag_id"],
            ["flags.id"],
            name=op.f("fk_flag_evidence_flag_id_flags"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flag_evidence")),
    )
    op.create_index(op.f("ix_flag_evidence_flag_id"), "flag_evidence", ["flag_id"])
    op.execute(
        sa.text(
            "INSERT INTO flag_evidence (flag_id, source, level, rule, text, at) "
            "SELECT id, CASE WHEN kind = 'pain' THEN 'check_in' ELSE 'note' END, "
            "level, rule, reason, raised_at FROM flags"
        )
    )
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("held_since", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("coach_messages") as batch:
        batch.drop_constraint(op.f("ck_coach_messages_kind"), type_="check")
        batch.create_check_constraint("kind", _in("kind", _COACH_KINDS_AFTER))


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM coach_messages WHERE kind = 'chart'"))
    with op.batch_alter_table("coach_messages") as batch:
        batch.drop_constraint(op.f("ck_coach_messages_kind"), type_="check")
        batch.create_check_constraint("kind", _in("kind", _COACH_KINDS_BEFORE))
    with op.batch_alter_table("members") as batch:
        batch.drop_column("held_since")
    op.drop_index(op.f("ix_flag_evidence_flag_id"), table_name="flag_evidence")
    op.drop_table("flag_evidence")
    with op.batch_alter_table("flags") as batch:
        batch.drop_constraint(op.f("ck_flags_level"), type_="check")
        batch.drop_constraint(op.f("ck_flags_kind"), type_="check")
    flags = sa.table("flags", sa.column("kind", sa.String()), sa.column("level", sa.String()))
    op.execute(
        flags.update()
        .where(flags.c.level.in_(("urgent", "emergency", "critical")))
        .values(kind="urgent")
    )
    op.execute(flags.update().where(flags.c.kind != "urgent").values(kind="worsening"))
    with op.batch_alter_table("flags") as batch:
        batch.drop_column("updated_at")
        batch.drop_column("rule")
        batch.drop_column("level")
        batch.create_check_constraint("kind", _in("kind", _KINDS_BEFORE))
