"""The member ↔ coach thread: messages either way, bundles of a member's messages, and every
bot message about a member in a coach chat (so a coach's reply to any of them finds the member).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 12:00:00.000000

Form checks kept the copy in a coach chat on their own row (`coach_chat_id`,
`coach_message_id`); those copies move to `coach_messages` (kind form_check), which holds the
copy in every coach chat, not only the last one. A downgrade keeps one copy per form check.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=16)


def _member_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["member_id"],
        ["members.id"],
        name=op.f(f"fk_{table}_member_id_members"),
        ondelete="CASCADE",
    )


def upgrade() -> None:
    # SQLite alters form_checks by copying it into a new table, so it is altered before any
    # table refers to it (dropping the old one would cascade), and its copies are read first.
    copies = _form_check_copies()
    op.drop_index("ix_form_checks_coach_message", table_name="form_checks")
    with op.batch_alter_table("form_checks") as batch:
        batch.drop_column("coach_message_id")
        batch.drop_column("coach_chat_id")
    op.create_table(
        "relays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        _member_fk("relays"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relays")),
    )
    op.create_index(op.f("ix_relays_member_id"), "relays", ["member_id"], unique=False)
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("direction", _enum("direction", "from_member", "to_member"), nullable=False),
        sa.Column(
            "kind",
            _enum(
                "kind",
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
            ),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("member_message_id", sa.BigInteger(), nullable=True),
        sa.Column("coach_chat_id", sa.BigInteger(), nullable=True),
        sa.Column("coach_message_id", sa.BigInteger(), nullable=True),
        sa.Column("coach_name", sa.String(length=256), nullable=True),
        sa.Column("relay_id", sa.Integer(), nullable=True),
        sa.Column("form_check_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["form_check_id"],
            ["form_checks.id"],
            name=op.f("fk_messages_form_check_id_form_checks"),
            ondelete="SET NULL",
        ),
        _member_fk("messages"),
        sa.ForeignKeyConstraint(
            ["relay_id"],
            ["relays.id"],
            name=op.f("fk_messages_relay_id_relays"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_messages")),
    )
    op.create_index(op.f("ix_messages_member_id"), "messages", ["member_id"], unique=False)
    op.create_index(op.f("ix_messages_relay_id"), "messages", ["relay_id"], unique=False)
    op.create_table(
        "coach_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("coach_chat_id", sa.BigInteger(), nullable=False),
        sa.Column("coach_message_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "kind",
            _enum("kind", "relay", "copy", "form_check", "alert", "notice", "summary", "sent"),
            nullable=False,
        ),
        sa.Column("relay_id", sa.Integer(), nullable=True),
        sa.Column("thread_message_id", sa.Integer(), nullable=True),
        sa.Column("form_check_id", sa.Integer(), nullable=True),
        sa.Column("flag_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["flag_id"],
            ["flags.id"],
            name=op.f("fk_coach_messages_flag_id_flags"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["form_check_id"],
            ["form_checks.id"],
            name=op.f("fk_coach_messages_form_check_id_form_checks"),
            ondelete="CASCADE",
        ),
        _member_fk("coach_messages"),
        sa.ForeignKeyConstraint(
            ["thread_message_id"],
            ["messages.id"],
            name=op.f("fk_coach_messages_thread_message_id_messages"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["relay_id"],
            ["relays.id"],
            name=op.f("fk_coach_messages_relay_id_relays"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["workout_sessions.id"],
            name=op.f("fk_coach_messages_session_id_workout_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_messages")),
        sa.UniqueConstraint(
            "coach_chat_id",
            "coach_message_id",
            name=op.f("uq_coach_messages_coach_chat_id_coach_message_id"),
        ),
    )
    op.create_index(
        op.f("ix_coach_messages_member_id"), "coach_messages", ["member_id"], unique=False
    )
    op.create_index(
        op.f("ix_coach_messages_relay_id"), "coach_messages", ["relay_id"], unique=False
    )
    if copies:
        op.bulk_insert(
            sa.table(
                "coach_messages",
                sa.column("member_id", sa.Integer()),
                sa.column("coach_chat_id", sa.BigInteger()),
                sa.column("coach_message_id", sa.BigInteger()),
                sa.column("kind", sa.String()),
                sa.column("form_check_id", sa.Integer()),
                sa.column("at"),  # as read: a string on SQLite, a datetime on PostgreSQL
            ),
            [{**copy, "kind": "form_check"} for copy in copies],
        )


def _form_check_copies() -> list[dict[str, object]]:
    rows = op.get_bind().execute(
        sa.text(
            "SELECT member_id, coach_chat_id, coach_message_id, id AS form_check_id, at"
            " FROM form_checks"
            " WHERE coach_chat_id IS NOT NULL AND coach_message_id IS NOT NULL"
        )
    )
    return [dict(row._mapping) for row in rows]


def downgrade() -> None:
    latest = op.get_bind().execute(
        sa.text(
            "SELECT form_check_id, coach_chat_id, coach_message_id FROM coach_messages"
            " WHERE form_check_id IS NOT NULL ORDER BY id"
        )
    )
    copies = {row.form_check_id: (row.coach_chat_id, row.coach_message_id) for row in latest}
    op.drop_index(op.f("ix_coach_messages_relay_id"), table_name="coach_messages")
    op.drop_index(op.f("ix_coach_messages_member_id"), table_name="coach_messages")
    op.drop_table("coach_messages")
    op.drop_index(op.f("ix_messages_relay_id"), table_name="messages")
    op.drop_index(op.f("ix_messages_member_id"), table_name="messages")
    op.drop_table("messages")
    op.drop_index(op.f("ix_relays_member_id"), table_name="relays")
    op.drop_table("relays")
    with op.batch_alter_table("form_checks") as batch:
        batch.add_column(sa.Column("coach_chat_id", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("coach_message_id", sa.BigInteger(), nullable=True))
    op.create_index(
        "ix_form_checks_coach_message",
        "form_checks",
        ["coach_chat_id", "coach_message_id"],
        unique=False,
    )
    for form_check_id, (chat_id, message_id) in copies.items():
        op.execute(
            sa.text(
                "UPDATE form_checks SET coach_chat_id = :chat, coach_message_id = :message"
                " WHERE id = :id"
            ).bindparams(chat=chat_id, message=message_id, id=form_check_id)
        )
