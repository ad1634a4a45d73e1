"""Archived form-check videos on disk (`FORM_VIDEO_ARCHIVE_DIR`): their names, and erasing a
member's. The download itself is the bot's (`bot.video_archive`)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from storage.models import FormCheck

_SLUG_MAX = 60


def slug(text: str | None) -> str:
    """Lower-case ASCII words joined by "-" ("D) Lower Back CAR's" → "d-lower-back-car-s");
    "general" for no exercise. Never contains a path separator or "..".
    """
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:_SLUG_MAX].rstrip("-") or "general"


def archive_file_name(check: FormCheck) -> str:
    """`<member id>-<exercise slug>-<YYYYmmdd-HHMMSS, UTC>-<form check id>.mp4`.

    The form check id keeps two clips of one exercise sent in the same second apart.
    """
    stamp = check.at.strftime("%Y%m%d-%H%M%S")
    return f"{check.member_id}-{slug(check.exercise_name)}-{stamp}-{check.id}.mp4"


def remove_member_videos(directory: Path | None, member_id: int) -> int:
    """Delete every archived video of the member (and any half-written one) from
    `directory` (`FORM_VIDEO_ARCHIVE_DIR`; None: no archive); the number of files removed.

    Files are found by name (`archive_file_name` starts with the member id and a dash), so a
    video whose path never reached the database is erased too.
    """
    if directory is None or not directory.is_dir():
        return 0
    removed = 0
    for path in directory.glob(f"{member_id}-*"):
        if path.is_file() and path.name.endswith((".mp4", ".mp4.part")):
            path.unlink(missing_ok=True)
            removed += 1
    return removed
