"""Demo clips: which clip an exercise has, and keeping Telegram's file id once it is uploaded.

A clip comes from the protocol (`media:`, a file in the protocols folder or an https URL) or
from a coach, who replies to a video with `/demo <exercise>`. Either way it is uploaded once:
the file id Telegram answers with is kept (`demo_clips`) and sent again by id. A coach's clip
wins over the protocol's; a new `media:` value in the YAML is uploaded again.

Which clips are kept is asked at every exercise's first set, so the table is read once per
database and kept in memory; the units of work here are the only writers, and each forgets
the copy once its change is committed (the bot is one process per database).
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime
from weakref import WeakKeyDictionary

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.views import DemoClipRef
from protocols.loader import bundled_protocols_dir
from protocols.schema import Variant
from protocols.validate import media_path
from storage import repository
from storage.database import Database
from storage.repository.demo_clips import COACH, clip_key


@dataclass(frozen=True)
class Attached:
    """The coach's clip is kept for this exercise (its name as the protocol writes it)."""

    exercise: str


@dataclass(frozen=True)
class UnknownExercise:
    """No exercise of any protocol has that name; the closest names, if any."""

    close: list[str]


def _media_source(services: BotServices, media: str) -> str:
    """Where to upload a `media:` value from: its file's path, or the URL itself."""
    folder = services.settings.protocols_dir or bundled_protocols_dir()
    path = media_path(folder, media)
    return media if path is None else str(path)


@dataclass
class _KeptClips:
    """One database's kept clips (key → (file id, source)), or None until read again.

    `changes` counts the changes committed here: a read that began before one may hold the
    old clips, so it is used but not kept.
    """

    clips: dict[str, tuple[str, str]] | None = None
    changes: int = 0


_KEPT: WeakKeyDictionary[Database, _KeptClips] = WeakKeyDictionary()


async def _kept_clips(services: BotServices, session: AsyncSession) -> dict[str, tuple[str, str]]:
    kept = _KEPT.setdefault(services.database, _KeptClips())
    if kept.clips is not None:
        return kept.clips
    changes = kept.changes
    clips = await repository.demo_clips.kept(session)
    if kept.changes == changes:
        kept.clips = clips
    return clips


def _forget_kept_clips(services: BotServices) -> None:
    """A change to the kept clips was committed: read them again next time."""
    kept = _KEPT.setdefault(services.database, _KeptClips())
    kept.changes += 1
    kept.clips = None


async def clip_for(
    services: BotServices, session: AsyncSession, variant: Variant
) -> DemoClipRef | None:
    """The clip to show for an exercise (as done at this variant), if it has one."""
    kept = (await _kept_clips(services, session)).get(clip_key(variant.name))
    if kept is not None:
        file_id, source = kept
        if source in (COACH, variant.media):
            return DemoClipRef(variant.name, file_id, None)
    if variant.media is not None:
        return DemoClipRef(variant.name, None, _media_source(services, variant.media))
    return None


async def uploaded(services: BotServices, clip: DemoClipRef, file_id: str, now: datetime) -> None:
    """The protocol's clip was uploaded: keep its file id for every later showing."""
    variant_media = _protocol_media(services, clip.exercise)
    if variant_media is None:
        return
    try:
        async with services.database.transaction() as session:
            await repository.demo_clips.keep(
                session, clip.exercise, file_id=file_id, source=variant_media, now=now
            )
    finally:  # forgetting what did not change costs one read
        _forget_kept_clips(services)


def _exercise_names(services: BotServices) -> dict[str, tuple[str, str | None]]:
    """Every exercise and variant name of the library by its key: (name, media)."""
    names: dict[str, tuple[str, str | None]] = {}
    for protocol in services.library.values():
        for workout in protocol.workouts:
            for block in workout.blocks:
                for exercise in block.exercises:
                    for level in exercise.levels:
                        variant = exercise.at_level(level)
                        names.setdefault(clip_key(variant.name), (variant.name, variant.media))
    return names


def _protocol_media(services: BotServices, exercise: str) -> str | None:
    known = _exercise_names(services).get(clip_key(exercise))
    return known[1] if known is not None else None


def exercise_named(services: BotServices, query: str) -> str | UnknownExercise:
    """The exercise a coach named (case, spaces and apostrophes do not matter)."""
    names = _exercise_names(services)
    known = names.get(clip_key(query))
    if known is not None:
        return known[0]
    close = difflib.get_close_matches(clip_key(query), list(names), n=3, cutoff=0.6)
    return UnknownExercise([names[key][0] for key in close])


async def attach_from_coach(
    services: BotServices, query: str, file_id: str, coach_user_id: int, now: datetime
) -> Attached | UnknownExercise:
    """A coach's clip for the exercise they named: members see it from now on."""
    exercise = exercise_named(services, query)
    if isinstance(exercise, UnknownExercise):
        return exercise
    try:
        async with services.database.transaction() as session:
            await repository.demo_clips.keep(
                session, exercise, file_id=file_id, source=COACH, added_by=coach_user_id, now=now
            )
    finally:
        _forget_kept_clips(services)
    return Attached(exercise)


async def file_for(services: BotServices, exercise: str) -> str | None:
    """The file id of an exercise's clip, if it was ever uploaded (for the coach's side of a
    form check)."""
    async with services.database.transaction() as session:
        kept = await repository.demo_clips.for_exercise(session, exercise)
    return kept.file_id if kept is not None else None
