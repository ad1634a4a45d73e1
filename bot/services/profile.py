"""Who an update comes from, as Telegram names them (handlers make it, services read it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    """Who an update comes from, as Telegram names them."""

    user_id: int
    chat_id: int
    full_name: str
    first_name: str
    username: str | None
