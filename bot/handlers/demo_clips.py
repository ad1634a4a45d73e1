"""/demo <exercise>: a coach replies to a video to make it the exercise's demo clip."""

from __future__ import annotations

from telegram import Message

from bot.handlers.coach_access import coach_command
from bot.handlers.turn import CommandFunction, Turn
from bot.render import coach_texts
from bot.services import demo_clips
from bot.services.coaches import Viewer


def _video_file_id(message: Message) -> str | None:
    """The file id of the video a message carries (a video, or a video sent as a file)."""
    if message.video is not None:
        return message.video.file_id
    document = message.document
    if document is not None and (document.mime_type or "").startswith("video/"):
        return document.file_id
    return None


@coach_command
async def on_demo(turn: Turn, _viewer: Viewer, args: list[str]) -> None:
    message = turn.message
    replied = message.reply_to_message if message is not None else None
    file_id = _video_file_id(replied) if replied is not None else None
    if file_id is None or not args:
        await turn.say(coach_texts.USAGE_DEMO())
        return
    name = " ".join(args)
    result = await demo_clips.attach_from_coach(
        turn.services, name, file_id, turn.user_id, turn.now
    )
    match result:
        case demo_clips.Attached(exercise):
            await turn.say(coach_texts.DEMO_KEPT.format(exercise=exercise))
        case demo_clips.UnknownExercise(close):
            await turn.say(coach_texts.unknown_exercise(name, close))


COMMANDS: dict[str, CommandFunction] = {"demo": on_demo}
