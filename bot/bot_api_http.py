"""The bot's HTTP client for the Bot API: python-telegram-bot's request interface over aiohttp.

python-telegram-bot's default `HTTPXRequest` spends about 1.0 ms of CPU on a Bot API call to
a local server (httpx, httpcore, h11 and anyio's layers), about a fifth of the CPU a card press
costs. aiohttp (already the dashboard's server) with a JSON body does the same call in about
0.2 ms: `bench/http_client.py` prints both. Everything above the transport stays
python-telegram-bot's own: `BaseRequest` turns status codes and Telegram's error replies into
`BadRequest`, `Forbidden`, `RetryAfter`..., and the rate limiter wraps every call as before.

- A call without files sends its parameters as a JSON body (which the Bot API accepts for
  every method); a call with files sends multipart form data, the other parameters as
  JSON-encoded fields, as python-telegram-bot's client does.
- Timeouts keep python-telegram-bot's meaning where aiohttp has one: `connect_timeout` for
  opening a connection, `pool_timeout` added to it for waiting for a free one, `read_timeout`
  between two reads of the answer (so a long file download is not cut short). aiohttp has no
  write timeout, so an upload (a chart, an export, a demo clip: small files) is capped as a
  whole at the sum of the four, `media_write_timeout` for the write. Any timeout is
  `TimedOut`; any other failure of the transport is `NetworkError`.
- Proxies come from the environment (`HTTPS_PROXY`...), as with httpx. Without any proxy
  variable set the session does not look for them on every call (aiohttp would, in a worker
  thread, along with ~/.netrc: two thread trips a call).
"""

from __future__ import annotations

import json
import urllib.request

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

_JSON_HEADERS = {"Content-Type": "application/json"}


class AiohttpRequest(BaseRequest):
    """A `BaseRequest` on one `aiohttp.ClientSession` of at most `connection_pool_size`
    connections, opened by `initialize()` (python-telegram-bot calls it) inside the loop."""

    __slots__ = (
        "_connect_timeout",
        "_media_write_timeout",
        "_pool_size",
        "_pool_timeout",
        "_read_timeout",
        "_session",
        "_write_timeout",
    )

    def __init__(
        self,
        connection_pool_size: int = 256,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
        media_write_timeout: float | None = 20.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._media_write_timeout = media_write_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size),
                headers={"User-Agent": self.USER_AGENT},
                trust_env=bool(urllib.request.getproxies()),
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized")
        uploads = request_data is not None and request_data.contains_files
        timeout = _timeout(
            _given(read_timeout, self._read_timeout),
            _given(write_timeout, self._media_write_timeout if uploads else self._write_timeout),
            _given(connect_timeout, self._connect_timeout),
            _given(pool_timeout, self._pool_timeout),
            whole_call=uploads,
        )
        try:
            if request_data is None:
                response = await session.request(method, url, timeout=timeout)
            elif uploads:
                response = await session.request(
                    method, url, data=_multipart(request_data), timeout=timeout
                )
            else:
                response = await session.request(
                    method,
                    url,
                    data=json.dumps(request_data.parameters),
                    headers=_JSON_HEADERS,
                    timeout=timeout,
                )
            async with response:
                return response.status, await response.read()
        except TimeoutError as error:  # aiohttp's timeouts are all asyncio's TimeoutError
            raise TimedOut from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error


def _timeout(
    read: float | None,
    write: float | None,
    connect: float | None,
    pool: float | None,
    *,
    whole_call: bool,
) -> aiohttp.ClientTimeout:
    """aiohttp's timeouts for python-telegram-bot's four; `whole_call` caps the call at their
    sum (uploads: aiohttp cannot time a write on its own)."""
    waiting = None if connect is None or pool is None else connect + pool
    total = None
    if whole_call and None not in (read, write, connect, pool):
        total = sum(part or 0.0 for part in (read, write, connect, pool))
    return aiohttp.ClientTimeout(total=total, connect=waiting, sock_connect=connect, sock_read=read)


def _given(value: ODVInput[float], default: float | None) -> float | None:
    """A timeout passed for this call, or this client's default for it."""
    return default if isinstance(value, DefaultValue) else value


def _multipart(request_data: RequestData) -> aiohttp.FormData:
    """The call's files as file parts and its other parameters as JSON-encoded fields."""
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form
