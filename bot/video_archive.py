"""Keeping form-check videos: a copy of each one in `FORM_VIDEO_ARCHIVE_DIR`, if set.

Telegram's file ids stop working after a while; the archive keeps the coach's videos.
The download runs as an application task, off the update's critical path: the member hears
"on its way" and the coach gets the video (copied in the chat, in every mode) without
waiting for it. A failed download is logged and leaves `archived_path` empty; it never
reaches the member.

With the cloud Bot API the file is downloaded over HTTP (up to 20 MB). With a self-hosted
server in `--local` mode (`TELEGRAM_LOCAL_MODE=true`) `getFile` answers with a path on the
server's disk, which must be visible to the bot at the same path; the file is copied from
there (up to 2000 MB).

The videos show members' bodies: each file is readable by the bot's user alone (0600, in a
folder the bot creates 0700), and `remove_member_videos` erases a member's files when the
member is erased.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from telegram import Bot
from telegram.ext import Application

from bot.context import BotServices
from storage import repository
from storage.database import PRIVATE_FILE, PRIVATE_FOLDER
from storage.models import FormCheck
from storage.video_files import archive_file_name

log = logging.getLogger(__name__)


def archive_form_video(
    application: Application[Any, Any, Any, Any, Any, Any],
    services: BotServices,
    check: FormCheck,
) -> None:
    """Start keeping a copy of the stored form check's video, when an archive folder is set."""
    directory = services.settings.form_video_archive_dir
    if directory is None:
        return
    application.create_task(
        _archive(application.bot, services, check, directory),
        name=f"archive form check {check.id}",
    )


async def _archive(bot: Bot, services: BotServices, check: FormCheck, directory: Path) -> None:
    target = directory / archive_file_name(check)
    try:
        await _download(bot, check.file_id, target, local=services.settings.telegram_local_mode)
        async with services.database.transaction() as session:
            await repository.form_checks.set_archived_path(session, check.id, str(target))
    except Exception:
        # The log names the form check, never a file URL: in cloud mode it holds the token.
        log.exception("could not archive the video of form check %s", check.id)
        return
    log.info("archived the video of form check %s as %s", check.id, target.name)


async def _download(bot: Bot, file_id: str, target: Path, *, local: bool) -> None:
    """Fetch the file into `target`, through a temporary name so the archive never holds a
    half-written video."""
    file = await bot.get_file(file_id)
    if file.file_path is None:
        raise RuntimeError("the Bot API server gave no file path")
    target.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    # Created private before a byte is written; the download and the copy keep its mode.
    os.close(os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, PRIVATE_FILE))
    try:
        if local:
            # A 2000 MB copy would stall every member's updates if done on the event loop.
            await asyncio.to_thread(_copy_local, file.file_path, partial)
        else:
            await file.download_to_drive(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _copy_local(server_path: str, partial: Path) -> None:
    source = Path(server_path)
    if not source.is_file():
        # No path in the message: PTB prefixes a path it cannot read with the file URL, which
        # holds the token.
        raise FileNotFoundError(
            "the server's file is not readable here: in local mode the Bot API server's "
            "working directory must be mounted at the same path for the bot"
        )
    shutil.copyfile(source, partial)
