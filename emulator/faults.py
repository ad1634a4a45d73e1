"""Fault injection and the optional enforced flood limits."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from emulator.errors import ApiError, blocked, server_error, too_many_requests

# Methods that put something into a chat: the ones Telegram's flood limits count.
SENDING_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "sendvideo",
        "senddocument",
        "copymessage",
        "forwardmessage",
        "editmessagetext",
        "editmessagereplymarkup",
    }
)


@dataclass
class _CountedFault:
    error: ApiError
    calls: int
    method: str | None  # lower-case method name; None: every method except getUpdates

    def matches(self, method: str) -> bool:
        if self.method is None:
            return method != "getupdates"
        return self.method == method


class Faults:
    """Faults armed by a test; the server consults them on every request.

    A fault without ``method`` hits every method except ``getUpdates``, so a test's next
    ``sendMessage`` fails rather than the bot's background long poll.
    """

    def __init__(self, delete_message: Callable[[int, int], None]) -> None:
        self._delete_message = delete_message
        self._counted: list[_CountedFault] = []
        self._latency: dict[str | None, float] = {}
        self.blocked_chats: set[int] = set()
        self.pending_duplicates = 0

    def rate_limit(self, calls: int = 1, retry_after: int = 1, method: str | None = None) -> None:
        """Answer the next ``calls`` matching requests with 429 and ``retry_after``."""
        self._arm(too_many_requests(retry_after), calls, method)

    def server_error(self, code: int = 500, calls: int = 1, method: str | None = None) -> None:
        """Answer the next ``calls`` matching requests with 500 or 502."""
        if code not in (500, 502):
            raise ValueError("server_error code must be 500 or 502")
        self._arm(server_error(code), calls, method)

    def block_chat(self, chat_id: int) -> None:
        """The user blocked the bot: every call aimed at the chat answers 403."""
        self.blocked_chats.add(chat_id)

    def unblock_chat(self, chat_id: int) -> None:
        self.blocked_chats.discard(chat_id)

    def delete_message(self, chat_id: int, message_id: int) -> None:
        """The user deleted a message: the bot's later edits of it fail as on Telegram."""
        self._delete_message(chat_id, message_id)

    def latency(self, seconds: float, method: str | None = None) -> None:
        """Delay every (matching) request by ``seconds``; 0 removes the delay."""
        key = method.lower() if method else None
        if seconds > 0:
            self._latency[key] = seconds
        else:
            self._latency.pop(key, None)

    def duplicate_next_update(self, count: int = 1) -> None:
        """Deliver each of the next ``count`` updates twice, with the same ``update_id``."""
        self.pending_duplicates += count

    def delay_for(self, method: str) -> float:
        return self._latency.get(method, self._latency.get(None, 0.0))

    def take_error(self, method: str) -> ApiError | None:
        """The armed error for this request, if any, using up one of its calls."""
        for fault in self._counted:
            if fault.matches(method):
                fault.calls -= 1
                if fault.calls <= 0:
                    self._counted.remove(fault)
                return ApiError(fault.error.code, fault.error.description, fault.error.retry_after)
        return None

    def check_chat(self, chat_id: int) -> None:
        if chat_id in self.blocked_chats:
            raise blocked()

    def take_duplicate(self) -> bool:
        if self.pending_duplicates <= 0:
            return False
        self.pending_duplicates -= 1
        return True

    def _arm(self, error: ApiError, calls: int, method: str | None) -> None:
        self._counted.append(_CountedFault(error, calls, method.lower() if method else None))


class FloodLimiter:
    """Telegram-like flood control: at most ``per_second`` sends overall and
    ``per_chat_per_second`` sends into one chat within any one-second window."""

    def __init__(self, per_second: int, per_chat_per_second: int) -> None:
        self.per_second = per_second
        self.per_chat_per_second = per_chat_per_second
        self._all: deque[float] = deque()
        self._per_chat: dict[int, deque[float]] = {}
        self.rejected = 0

    def admit(self, chat_id: int | None, now: float) -> None:
        """Record a send at ``now`` or raise 429 with the seconds until a slot frees up."""
        windows = [(self._all, self.per_second)]
        if chat_id is not None:
            windows.append((self._per_chat.setdefault(chat_id, deque()), self.per_chat_per_second))
        for window, limit in windows:
            while window and window[0] <= now - 1.0:
                window.popleft()
            if len(window) >= limit:
                self.rejected += 1
                raise too_many_requests(max(1, math.ceil(window[0] + 1.0 - now)))
        for window, _ in windows:
            window.append(now)
