"""The dashboard's JSON API: decode the request, call one service, render the answer.

Every route sits behind `auth.coach_only` (its sub-application's middleware). Member ids in
paths are checked against what the coach may see by the services; an id the coach may not
see and one that does not exist get the same 404. Messages to members and notices to coach
chats go out through `bot.sender`, as the bot's commands send theirs.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from aiohttp import web
from telegram.error import TelegramError

from bot import alerts, sender
from bot.context import BotServices
from bot.render import coach_texts, dashboard_json, texts
from bot.render.csv_export import export_csv
from bot.render.dates import date_and_time
from bot.render.i18n import _, speaking
from bot.render.safe_text import shown_name
from bot.render.xlsx_export import export_xlsx
from bot.sender import AnyBot
from bot.services import coach, dashboard, languages, messages
from bot.web.auth import ServicesOf, coach_only, error, viewer
from storage.models import MessageKind

log = logging.getLogger(__name__)

MAX_MESSAGE = 3500
"""Characters of a coach's message to a member (Telegram allows 4096 with our header)."""
MAX_BODY = 64 * 1024

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ROW_ID_MAX = 2**31 - 1


class DashboardApi:
    """The routes, over the bot's services and its Bot API client."""

    def __init__(self, services_of: ServicesOf, bot: AnyBot) -> None:
        self.services_of = services_of
        self.bot = bot

    def app(self) -> web.Application:
        api = web.Application(middlewares=[coach_only(self.services_of)], client_max_size=MAX_BODY)
        api.router.add_get("/me", self.me)
        api.router.add_get("/members", self.members)
        api.router.add_get("/members/{member_id}", self.member)
        api.router.add_get("/members/{member_id}/form-checks/{check_id}/video", self.video)
        api.router.add_post("/members/{member_id}/message", self.message)
        api.router.add_post("/members/{member_id}/protocol", self.assign)
        api.router.add_post("/members/{member_id}/pause", self.pause)
        api.router.add_get("/flags", self.flags)
        api.router.add_post("/flags/{flag_id}/acknowledge", self.acknowledge)
        api.router.add_get("/export.{format}", self.download)
        api.router.add_post("/export", self.send_export)
        return api

    @property
    def services(self) -> BotServices:
        return self.services_of()

    def _now(self) -> datetime:
        return self.services.clock()

    # reading

    async def me(self, request: web.Request) -> web.Response:
        who = viewer(request).user
        return _json(dashboard_json.me(who.first_name, self.services.library))

    async def members(self, request: web.Request) -> web.Response:
        now = self._now()
        rows = await dashboard.roster(self.services, viewer(request).access, now)
        return _json(dashboard_json.roster(rows, now))

    async def member(self, request: web.Request) -> web.Response:
        member_id = _id(request, "member_id")
        found = await dashboard.member_file(
            self.services, viewer(request).access, member_id, self._now()
        )
        if found is None:
            raise error(web.HTTPNotFound, _("No such member."))
        return _json(dashboard_json.member_file(found))

    async def flags(self, request: web.Request) -> web.Response:
        items = await dashboard.open_flags(self.services, viewer(request).access)
        return _json(dashboard_json.flags(items))

    async def video(self, request: web.Request) -> web.Response:
        source = await dashboard.form_check_video(
            self.services,
            viewer(request).access,
            _id(request, "member_id"),
            _id(request, "check_id"),
        )
        if source is None:
            raise error(web.HTTPNotFound, _("No such video."))
        data = await self._video_bytes(source)
        if data is None:
            raise error(web.HTTPBadGateway, _("Telegram could not hand over that video."))
        return web.Response(
            body=data,
            content_type="video/mp4",
            headers={"Cache-Control": "private, max-age=3600", "Content-Disposition": "inline"},
        )

    async def _video_bytes(self, source: dashboard.VideoSource) -> bytes | None:
        """The archive's copy when there is one, else the file from Telegram."""
        if source.archived_path is not None:
            path = Path(source.archived_path)
            if await asyncio.to_thread(path.is_file):
                return await asyncio.to_thread(path.read_bytes)
        try:
            telegram_file = await self.bot.get_file(source.file_id)
            return bytes(await telegram_file.download_as_bytearray())
        except TelegramError as problem:
            log.warning("a form-check video could not be fetched from Telegram: %s", problem)
            return None

    async def download(self, request: web.Request) -> web.Response:
        kind = request.match_info["format"]
        if kind not in ("csv", "xlsx"):
            raise error(web.HTTPNotFound, _("CSV or XLSX only."))
        rows = await dashboard.export_rows(self.services, viewer(request).access)
        now = self._now()
        name = f"coach-export-{now:%Y%m%d-%H%M}.{kind}"
        if kind == "csv":
            body, content_type = export_csv(rows), "text/csv"
        else:
            body, content_type = await asyncio.to_thread(export_xlsx, rows), _XLSX
        return web.Response(
            body=body,
            content_type=content_type,
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    # changing

    async def acknowledge(self, request: web.Request) -> web.Response:
        who = viewer(request)
        result = await dashboard.acknowledge(
            self.services, who.access, _id(request, "flag_id"), self._now()
        )
        match result:
            case coach.NoSuchFlag():
                raise error(web.HTTPNotFound, _("No such flag."))
            case coach.AlreadyAcknowledged(flag):
                return _json({"acknowledged": True, "already": True, "flag_id": flag.id})
            case dashboard.FlagAcknowledged():
                for chat_id in result.coach_chats:
                    with speaking(await languages.of_chat(self.services, chat_id)):
                        notice = coach_texts.FLAG_ACKNOWLEDGED_IN_DASHBOARD.format(
                            flag_id=result.flag_id,
                            name=result.member_name,
                            coach=who.user.first_name,
                        )
                    await self._tell_coach(chat_id, notice)
                return _json({"acknowledged": True, "already": False, "flag_id": result.flag_id})

    async def _tell_coach(self, chat_id: int, text: str) -> None:
        try:
            await sender.send_text(self.bot, self.services.database, chat_id, text)
        except TelegramError as problem:
            log.warning("coach chat %s not told about a dashboard action: %s", chat_id, problem)

    async def message(self, request: web.Request) -> web.Response:
        """The coach's words to the member, under the line a reply in a coach chat has, and in
        the member's thread (a conversation the coach starts, as /msg)."""
        body = await _body(request)
        text = body.get("text")
        if not isinstance(text, str) or not text.strip():
            raise error(web.HTTPBadRequest, _("Write something to send."))
        if len(text) > MAX_MESSAGE:
            raise error(
                web.HTTPBadRequest,
                _("Keep it under {count} characters.").format(count=MAX_MESSAGE),
            )
        who = viewer(request)
        target = await dashboard.message_target(
            self.services, who.access, _id(request, "member_id")
        )
        if target is None:
            raise error(web.HTTPNotFound, _("No such member."))
        words = text.strip()
        with speaking(await languages.of_chat(self.services, target.member_chat_id)):
            header = texts.from_coach(shown_name(who.user.first_name), target.subject)
        sent = await sender.send_text(
            self.bot,
            self.services.database,
            target.member_chat_id,
            f"{header}\n{words}",
            on_blocked=self._member_blocked,
        )
        if sent is not None:
            outgoing = messages.Outgoing(
                kind=MessageKind.TEXT,
                text=words,
                coach_chat_id=None,
                coach_message_id=None,
                coach_name=who.user.first_name,
                member_message_id=sent.message_id,
            )
            await messages.coach_wrote(self.services, target, outgoing, self._now())
        return _json({"delivered": sent is not None, "name": target.member_name})

    async def _member_blocked(self, member_id: int) -> None:
        """A member the coach wrote to has blocked the bot: their coach hears of it, as when a
        message from a coach chat does not reach them."""
        await alerts.member_blocked(self.bot, self.services, member_id)

    async def assign(self, request: web.Request) -> web.Response:
        body = await _body(request)
        name = body.get("protocol")
        if not isinstance(name, str) or not name:
            raise error(web.HTTPBadRequest, _("Choose a protocol."))
        result = await dashboard.assign(
            self.services, viewer(request).access, _id(request, "member_id"), name, self._now()
        )
        match result:
            case dashboard.UnknownProtocol():
                raise error(web.HTTPBadRequest, _("There's no such protocol."))
            case coach.NoSuchMember():
                raise error(web.HTTPNotFound, _("No such member."))
            case coach.NotSetUp(member_name):
                raise error(
                    web.HTTPConflict,
                    _("{name} hasn't finished setting up yet.").format(name=member_name),
                )
            case coach.AlreadyOnProtocol(member_name, title):
                return _json({"changed": False, "protocol_title": title, "name": member_name})
            case coach.Assigned(member_name, chat_id, title, schedule):
                with speaking(await languages.of_chat(self.services, chat_id)):
                    phrase = texts.schedule_phrase(schedule, self.services.clock())
                    news = texts.PROTOCOL_ASSIGNED.format(title=title, schedule=phrase)
                told = await sender.send_text(self.bot, self.services.database, chat_id, news)
                return _json(
                    {
                        "changed": True,
                        "protocol_title": title,
                        "name": member_name,
                        "told": told is not None,
                    }
                )

    async def pause(self, request: web.Request) -> web.Response:
        body = await _body(request)
        paused = body.get("paused")
        if not isinstance(paused, bool):
            raise error(web.HTTPBadRequest, _("Say whether to pause or resume."))
        result = await dashboard.set_paused(
            self.services, viewer(request).access, _id(request, "member_id"), paused
        )
        match result:
            case coach.NoSuchMember():
                raise error(web.HTTPNotFound, _("No such member."))
            case coach.NotSetUp(member_name):
                raise error(
                    web.HTTPConflict,
                    _("{name} hasn't finished setting up yet.").format(name=member_name),
                )
            case coach.PauseUnchanged(member_name, now_paused):
                return _json({"changed": False, "paused": now_paused, "name": member_name})
            case coach.PauseChanged(member_name, chat_id, now_paused, next_at, zone):
                with speaking(await languages.of_chat(self.services, chat_id)):
                    if now_paused:
                        notice = texts.PAUSED_BY_COACH()
                    elif next_at is None:
                        notice = texts.RESUMED_BY_COACH_NO_NEXT()
                    else:
                        local = next_at.astimezone(zone)
                        notice = texts.RESUMED_BY_COACH.format(when=date_and_time(local))
                told = await sender.send_text(self.bot, self.services.database, chat_id, notice)
                return _json(
                    {
                        "changed": True,
                        "paused": now_paused,
                        "name": member_name,
                        "told": told is not None,
                    }
                )

    async def send_export(self, request: web.Request) -> web.Response:
        """The export as a file in the coach's own chat: how a phone gets it from a Mini App."""
        body = await _body(request)
        kind = body.get("format")
        if kind not in ("csv", "xlsx"):
            raise error(web.HTTPBadRequest, _("CSV or XLSX only."))
        who = viewer(request)
        rows = await dashboard.export_rows(self.services, who.access)
        if not rows:
            return _json({"sent": False, "empty": True})
        now = self._now()
        data = export_csv(rows) if kind == "csv" else await asyncio.to_thread(export_xlsx, rows)
        with speaking(await languages.of_chat(self.services, who.user.id)):
            caption = coach_texts.EXPORT_CAPTION.format(when=now.strftime("%Y-%m-%d %H:%M"))
        sent = await sender.send_document(
            self.bot,
            self.services.database,
            who.user.id,
            data,
            filename=f"coach-export-{now:%Y%m%d-%H%M}.{kind}",
            caption=caption,
        )
        return _json({"sent": sent is not None, "empty": False})


def _json(data: Any) -> web.Response:
    return web.json_response(data, headers={"Cache-Control": "no-store"})


def _id(request: web.Request, name: str) -> int:
    """A row id from the path: digits within the database's integer range, else 404."""
    text = request.match_info[name]
    if not (text.isascii() and text.isdigit() and len(text) <= 10) or not (
        0 < int(text) <= _ROW_ID_MAX
    ):
        raise error(web.HTTPNotFound, _("Not found."))
    return int(text)


async def _body(request: web.Request) -> dict[str, Any]:
    """The JSON object a POST carries (only ``application/json``: a form another site posts is
    refused before anything is read)."""
    if request.content_type != "application/json":
        raise error(web.HTTPUnsupportedMediaType, _("Send JSON."))
    try:
        body = await request.json()
    except ValueError:
        raise error(web.HTTPBadRequest, _("Send a JSON object.")) from None
    if not isinstance(body, dict):
        raise error(web.HTTPBadRequest, _("Send a JSON object."))
    return body
