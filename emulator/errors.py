"""Bot API errors with Telegram's own HTTP codes and description texts."""

from __future__ import annotations


class ApiError(Exception):
    """An error answer of the Bot API: ``{"ok": false, "error_code": ..., "description": ...}``."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.retry_after = retry_after


def bad_request(detail: str) -> ApiError:
    """A 400 answer; ``detail`` is the text after Telegram's ``Bad Request:`` prefix."""
    return ApiError(400, f"Bad Request: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)


def not_found() -> ApiError:
    return ApiError(404, "Not Found")


def unauthorized() -> ApiError:
    return ApiError(401, "Unauthorized")


def blocked() -> ApiError:
    return ApiError(403, "Forbidden: bot was blocked by the user")


def server_error(code: int) -> ApiError:
    return ApiError(code, "Internal Server Error" if code == 500 else "Bad Gateway")


NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
