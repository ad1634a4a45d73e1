"""Who an update comes from, as Telegram names them (handlers make it, services read it)."""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import LANGUAGE_LENGTH


@dataclass(frozen=True)
class Profile:
    """Who an update comes from, as Telegram names them."""

    user_id: int
    chat_id: int
    full_name: str
    first_name: str
    username: str | None
    language: str | None = None
    """Telegram's `language_code` for them ("en", "pt-br"), when it sends one."""

    @property
    def language_kept(self) -> str | None:
        """The language as it is kept with the member or coach (cut to the column's size)."""
        return self.language[:LANGUAGE_LENGTH] if self.language else None
