"""Every read and write the bot makes, as plain async functions taking an `AsyncSession` first,
one module per aggregate: `members`, `enrolments`, `sessions`, `check_ins`, `flags`,
`form_checks`, `reminders`, `messages` (the member ↔ coach thread), `roster` (read-only
overviews across members, for the coach's dashboard), `coaches`, `invites`, `screening` (the
red-flag screen's answers), `digests` (the coach's daily digest and its queued notices),
`exercise_levels` (the variant each member does of an exercise) and `demo_clips`.

The caller owns the transaction (`Database.transaction()`): these functions flush but never
commit. Times are passed in (`now=...`, from the bot's clock) and must be aware; they come
back as aware UTC. Writes that a double tap or a second scheduler could repeat are made
idempotent in the database (unique constraints with INSERT ... ON CONFLICT), not by
reading first.
"""

from storage.repository import (
    check_ins,
    coaches,
    demo_clips,
    digests,
    enrolments,
    exercise_levels,
    flags,
    form_checks,
    invites,
    members,
    messages,
    reminders,
    roster,
    screening,
    sessions,
)

__all__ = [
    "check_ins",
    "coaches",
    "demo_clips",
    "digests",
    "enrolments",
    "exercise_levels",
    "flags",
    "form_checks",
    "invites",
    "members",
    "messages",
    "reminders",
    "roster",
    "screening",
    "sessions",
]
