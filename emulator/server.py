"""The HTTP side: aiohttp routes for ``/bot<token>/<method>`` and file downloads,
Telegram's JSON envelope, request parsing, faults and the request log."""

from __future__ import annotations

import asyncio

from aiohttp import web

from emulator.errors import ApiError, bad_request, not_found, unauthorized
from emulator.faults import SENDING_METHODS, FloodLimiter
from emulator.methods import METHODS
from emulator.model import ApiRequest, JSONDict
from emulator.params import Upload, check_params
from emulator.state import EmulatorState

MAX_UPLOAD = 50 * 1024 * 1024  # Telegram's upload limit for bots


def _envelope(result: object) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _error(error: ApiError) -> web.Response:
    body: JSONDict = {"ok": False, "error_code": error.code, "description": error.description}
    if error.retry_after is not None:
        body["parameters"] = {"retry_after": error.retry_after}
    return web.json_response(body, status=error.code)


async def _read_params(request: web.Request) -> tuple[dict[str, object], dict[str, Upload]]:
    """Parameters from the query string and a JSON, url-encoded or multipart body."""
    raw: dict[str, object] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON object") from None
        if not isinstance(body, dict):
            raise bad_request("JSON object expected")
        raw.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                uploads[name] = Upload(value.file.read(), value.filename, value.content_type)
            elif isinstance(value, str):
                raw[name] = value
            else:
                raw[name] = bytes(value).decode()
    return raw, uploads


def _loggable(values: dict[str, object]) -> JSONDict:
    """Parameters as logged, uploads summarised."""
    return {
        name: f"<upload {value.filename or name}: {len(value.data)} bytes>"
        if isinstance(value, Upload)
        else value
        for name, value in values.items()
    }


class ApiServer:
    """Answers Bot API requests for one bot token against the shared state."""

    def __init__(self, state: EmulatorState, token: str) -> None:
        self.state = state
        self.token = token
        self.flood_limiter: FloodLimiter | None = None

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_UPLOAD)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_method)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        return app

    async def _handle_method(self, request: web.Request) -> web.Response:
        name = request.match_info["method"]
        started = asyncio.get_running_loop().time()
        logged: JSONDict = {}
        try:
            if request.match_info["token"] != self.token:
                raise unauthorized()
            spec = METHODS.get(name.lower())
            if spec is None:
                raise not_found()
            name = spec.name
            raw, uploads = await _read_params(request)
            logged = _loggable({**raw, **uploads})
            await self._apply_faults(name.lower())
            params = check_params(name, raw, uploads, spec.params, spec.required)
            logged = _loggable(params.values)
            self._admit(name.lower(), params.values.get("chat_id"))
            result = await spec.handler(self.state, params)
        except ApiError as error:
            self._log(name, logged, started, error.code, error.description)
            return _error(error)
        self._log(name, logged, started, 200, None)
        return _envelope(result)

    async def _apply_faults(self, key: str) -> None:
        faults = self.state.faults
        delay = faults.delay_for(key)
        if delay > 0:
            await asyncio.sleep(delay)
        fault = faults.take_error(key)
        if fault is not None:
            raise fault

    def _admit(self, key: str, chat_id: object) -> None:
        """Apply the enforced flood limits, if any, to a sending method."""
        if self.flood_limiter is None or key not in SENDING_METHODS:
            return
        self.flood_limiter.admit(
            chat_id if isinstance(chat_id, int) else None, asyncio.get_running_loop().time()
        )

    def _log(
        self, method: str, params: JSONDict, started: float, status: int, description: str | None
    ) -> None:
        self.state.requests.append(ApiRequest(method, params, started, status, description))
        self.state.notify()

    async def _handle_file(self, request: web.Request) -> web.Response:
        stored = self.state.files_by_path.get(request.match_info["path"])
        if request.match_info["token"] != self.token or stored is None:
            return _error(not_found())
        return web.Response(body=stored.data, content_type="application/octet-stream")
