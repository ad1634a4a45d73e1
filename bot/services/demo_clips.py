"""Demo clips: which clip an exercise has, and keeping Telegram's file id once it is uploaded.

A clip comes from the protocol (`media:`, a file in the protocols folder or an https URL) or
from a coach, who replies to a video with `/demo <exercise>`. Either way it is uploaded once:
the file id Telegram answers with is kept (`demo_clips`) and sent again by id. A coach's clip
wins over the protocol's; a new `media:` value in the YAML is uploaded again.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.views import DemoClipRef
from protocols.loader import bundled_protocols_dir
from protocols.schema import Variant
from protocols.validate import media_path
from storage import repository
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


async def clip_for(
    services: BotServices, session: AsyncSession, variant: Variant
) -> DemoClipRef | None:
    """The clip to show for an exercise (as done at this variant), if it has one."""
    kept = await repository.demo_clips.for_exercise(session, variant.name)
    if kept is not None and kept.source in (COACH, variant.media):
        return DemoClipRef(variant.name, kept.file_id, None)
    if variant.media is not None:
        return DemoClipRef(variant.name, None, _media_source(services, variant.media))
    return None


async def uploaded(services: BotServices, clip: DemoClipRef, file_id: str, now: datetime) -> None:
    """The protocol's clip was uploaded: keep its file id for every later showing."""
    variant_media = _protocol_media(services, clip.exercise)
    if variant_media is None:
        return
    async with services.database.transaction() as session:
        await repository.demo_clips.keep(
            session, clip.exercise, file_id=file_id, source=variant_media, now=now
        )


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
    async with services.database.transaction() as session:
        await repository.demo_clips.keep(
            session, exercise, file_id=file_id, source=COACH, added_by=coach_user_id, now=now
        )
    return Attached(exercise)


async def file_for(services: BotServices, exercise: str) -> str | None:
    """The file id of an exercise's clip, if it was ever uploaded (for the coach's side of a
    form check)."""
    async with services.database.transaction() as session:
        kept = await repository.demo_clips.for_exercise(session, exercise)
    return kept.file_id if kept is not None else None
