"""Coaches with roles, invite links, each member's coach, and protocols set by the coach.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 10:00:00.000000

Every member kept from before has no coach yet (`coach_id` NULL); the bot's start-up seeds the
owners from COACH_CHAT_IDS and gives such members to the first owner
(`bot.services.coaches.seed_owners`), so a member is never lost to an upgrade. Enrolments from
before were chosen by the member.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "coaches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("telegram_user_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=True),
        sa.Column("username", sa.String(length=64), nullable=True),
        sa.Column(
            "role",
            sa.Enum(
                "owner", "coach", name="role", native_enum=False, create_constraint=True, length=16
            ),
            nullable=False,
        ),
        sa.Column("hears_everyone", sa.Boolean(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaches")),
        sa.UniqueConstraint("telegram_user_id", name=op.f("uq_coaches_telegram_user_id")),
    )
    op.create_table(
        "invites",
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "member",
                "coach",
                "owner",
                name="kind",
                native_enum=False,
                create_constraint=True,
                length=16,
            ),
            nullable=False,
        ),
        sa.Column("protocol", sa.String(length=128), nullable=True),
        sa.Column("max_uses", sa.Integer(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "(kind = 'member') = (protocol IS NOT NULL)",
            name=op.f("ck_invites_protocol_for_members"),
        ),
        sa.CheckConstraint("uses <= max_uses", name=op.f("ck_invites_uses_within_limit")),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["coaches.id"],
            name=op.f("fk_invites_coach_id_coaches"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_invites")),
    )
    op.create_index(op.f("ix_invites_coach_id"), "invites", ["coach_id"], unique=False)
    with op.batch_alter_table("members") as batch:
        batch.add_column(sa.Column("coach_id", sa.Integer(), nullable=True))
        batch.create_index(batch.f("ix_members_coach_id"), ["coach_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_members_coach_id_coaches"),
            "coaches",
            ["coach_id"],
            ["id"],
            ondelete="SET NULL",
        )
    with op.batch_alter_table("enrolments") as batch:
        batch.add_column(
            sa.Column("set_by_coach", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("enrolments") as batch:
        batch.drop_column("set_by_coach")
    with op.batch_alter_table("members") as batch:
        batch.drop_constraint(batch.f("fk_members_coach_id_coaches"), type_="foreignkey")
        batch.drop_index(batch.f("ix_members_coach_id"))
        batch.drop_column("coach_id")
    op.drop_index(op.f("ix_invites_coach_id"), table_name="invites")
    op.drop_table("invites")
    op.drop_table("coaches")
