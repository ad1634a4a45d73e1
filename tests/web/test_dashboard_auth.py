"""Every dashboard endpoint, called as the coach (signed, fresh), with forged or expired launch
data, with none, and by a member instead of a coach: only the coach gets data or changes
anything; everyone else gets 401/403, an error and nothing else."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
from web_support import Practice, signed_for

from bot.web.api import DashboardApi
from emulator import BotApiEmulator
from emulator.web_apps import init_data as telegram_init_data
from storage import repository

OTHER_BOTS_TOKEN = "987654321:AAAnotherBotsTokenForTheTestsOnly_99"

Endpoint = tuple[str, str, dict[str, Any] | None]


def endpoints(practice: Practice) -> list[Endpoint]:
    maya, ben = practice.maya.member_id, practice.ben.member_id
    return [
        ("GET", "api/me", None),
        ("GET", "api/members", None),
        ("GET", f"api/members/{maya}", None),
        ("GET", f"api/members/{maya}/form-checks/{practice.form_check_id}/video", None),
        ("GET", "api/flags", None),
        ("GET", "api/export.csv", None),
        ("GET", "api/export.xlsx", None),
        ("POST", f"api/members/{ben}/message", {"text": "How did today go?"}),
        (
            "POST",
            f"api/members/{maya}/protocol",
            {"protocol": "7-exercise-protocol-lower-back-relief"},
        ),
        ("POST", f"api/members/{ben}/pause", {"paused": False}),
        ("POST", f"api/flags/{practice.maya.flag_id}/acknowledge", {}),
        ("POST", "api/export", {"format": "csv"}),
    ]


async def call(
    practice: Practice, endpoint: Endpoint, init_data: str | None
) -> tuple[int, bytes, str]:
    method, path, body = endpoint
    headers = {"Authorization": f"tma {init_data}"} if init_data is not None else {}
    async with (
        aiohttp.ClientSession() as http,
        http.request(method, practice.url + path, json=body, headers=headers) as response,
    ):
        return response.status, await response.read(), response.content_type


def forged(emulator: BotApiEmulator, practice: Practice) -> str:
    """The coach's launch data with the user swapped for another id: the hash no longer fits."""
    return signed_for(emulator, practice.coach).replace("900001", "900002")


async def assert_nothing_changed(practice: Practice) -> None:
    async with practice.bot.services.database.transaction() as session:
        flags = await repository.flags.unacknowledged(session, practice.maya.member_id)
        ben = await repository.members.get(session, practice.ben.member_id)
        maya_enrolment = await repository.enrolments.active(session, practice.maya.member_id)
    assert [flag.id for flag in flags] == [practice.maya.flag_id]
    assert ben is not None
    assert ben.paused
    assert maya_enrolment is not None
    assert maya_enrolment.protocol == "lower-back-pain-relief-lvl1"
    assert not [m for m in practice.ben.user.messages if m.from_bot]
    assert not [m for m in practice.coach.messages if m.file and m.file.kind == "document"]


@pytest.mark.parametrize(
    ("credentials", "status"),
    [
        pytest.param("none", 401, id="no-init-data"),
        pytest.param("forged", 401, id="forged"),
        pytest.param("other-bot", 401, id="signed-with-another-bots-token"),
        pytest.param("expired", 401, id="expired"),
        pytest.param("member", 403, id="a-member-not-a-coach"),
    ],
)
async def test_every_endpoint_refuses_anyone_but_a_coach_and_shows_no_data(
    practice: Practice, emulator: BotApiEmulator, credentials: str, status: int
) -> None:
    init_data = {
        "none": None,
        "forged": forged(emulator, practice),
        "other-bot": telegram_init_data(practice.coach.user, OTHER_BOTS_TOKEN),
        "expired": signed_for(emulator, practice.coach, age=timedelta(hours=1, minutes=1)),
        "member": signed_for(emulator, practice.maya.user),
    }[credentials]
    for endpoint in endpoints(practice):
        answer, body, content_type = await call(practice, endpoint, init_data)
        assert (answer, content_type) == (status, "application/json"), endpoint
        assert set(json.loads(body)) == {"error"}, endpoint
        assert b"Maya" not in body, endpoint
        assert b"Ben" not in body, endpoint
    await assert_nothing_changed(practice)


async def test_the_endpoints_checked_are_every_route_of_the_api(practice: Practice) -> None:
    """So a new route cannot be left out of the checks above."""
    api = DashboardApi(lambda: practice.bot.services, practice.bot.application.bot).app()
    routes = {
        (route.method, route.resource.canonical)
        for route in api.router.routes()
        if route.method != "HEAD" and route.resource is not None
    }
    checked = {
        (method, canonical)
        for method, path, _ in endpoints(practice)
        for route_method, canonical in routes
        if method == route_method
        and re.fullmatch(re.sub(r"\{[^}]+\}", "[^/]+", canonical), path.removeprefix("api"))
    }
    assert checked == routes


async def test_every_endpoint_answers_the_coach(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    for endpoint in endpoints(practice):
        answer, _, _ = await call(practice, endpoint, signed_for(emulator, practice.coach))
        assert answer == 200, endpoint


async def test_launch_data_just_inside_the_max_age_is_accepted(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    init_data = signed_for(emulator, practice.coach, age=timedelta(minutes=59))
    answer, _, _ = await call(practice, ("GET", "api/members", None), init_data)
    assert answer == 200


async def test_a_post_that_is_not_json_is_refused_before_anything_is_done(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    """What a form on another site could send (no custom header is possible there anyway)."""
    headers = {"Authorization": f"tma {signed_for(emulator, practice.coach)}"}
    path = f"{practice.url}api/members/{practice.ben.member_id}/pause"
    async with (
        aiohttp.ClientSession() as http,
        http.post(path, data={"paused": "false"}, headers=headers) as response,
    ):
        assert response.status == 415
    await assert_nothing_changed(practice)


async def test_no_cookie_is_ever_set(practice: Practice, emulator: BotApiEmulator) -> None:
    for endpoint in [("GET", "", None), *endpoints(practice)[:3]]:
        method, path, _ = endpoint
        headers = {"Authorization": f"tma {signed_for(emulator, practice.coach)}"}
        async with (
            aiohttp.ClientSession() as http,
            http.request(method, practice.url + path, headers=headers) as response,
        ):
            assert "Set-Cookie" not in response.headers, endpoint
