"""Forged requests to the demo's web chat: other sites' pages, DNS rebinding, hostile uploads.

Each forged request is refused and leaves the member's chat as it was; the same request sent
as the demo's page sends it goes through (tests/demo/test_demo_api.py).
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from bot.demo.server import MEMBER, Demo
from bot.demo.web_guard import TOKEN_HEADER

HELLO = json.dumps({"text": "hello"})


async def _member_messages(demo: Demo) -> list[Any]:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{demo.url}/api/chats/{MEMBER.user_id}") as chat,
    ):
        messages: list[Any] = (await chat.json())["messages"]
        return messages


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Type": "text/plain"}, 403),
        ({"Content-Type": "application/json"}, 403),
        ({"Content-Type": "application/json", TOKEN_HEADER: "guessed"}, 403),
        ({"Content-Type": "text/plain", TOKEN_HEADER: "<page token>"}, 415),
        (
            {
                "Content-Type": "application/json",
                TOKEN_HEADER: "<page token>",
                "Origin": "https://evil.example",
            },
            403,
        ),
        (
            {
                "Content-Type": "application/json",
                TOKEN_HEADER: "<page token>",
                "Sec-Fetch-Site": "cross-site",
            },
            403,
        ),
    ],
    ids=[
        "cross-site-text-plain-form",
        "json-without-token",
        "wrong-token",
        "text-plain-with-token",
        "foreign-origin",
        "cross-site-fetch",
    ],
)
async def test_a_forged_message_is_refused_and_sends_nothing(
    demo: Demo, headers: dict[str, str], status: int
) -> None:
    sent_headers = {
        name: demo.web_guard.token if value == "<page token>" else value
        for name, value in headers.items()
    }
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{demo.url}/api/chats/{MEMBER.user_id}/messages", data=HELLO, headers=sent_headers
        ) as response,
    ):
        assert response.status == status
    assert await _member_messages(demo) == []


@pytest.mark.parametrize("path", ["/", "/api/chats", "/api/events"], ids=["page", "api", "events"])
async def test_a_foreign_host_name_is_refused_against_dns_rebinding(demo: Demo, path: str) -> None:
    port = demo.url.rsplit(":", 1)[1]
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{demo.url}{path}", headers={"Host": f"rebind.evil.example:{port}"}) as response,
    ):
        assert response.status == 403


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
async def test_the_page_answers_to_loopback_names(demo: Demo, host: str) -> None:
    port = demo.url.rsplit(":", 1)[1]
    async with (
        aiohttp.ClientSession() as http,
        http.get(demo.url, headers={"Host": f"{host}:{port}"}) as response,
    ):
        assert response.status == 200


async def test_the_page_forbids_foreign_scripts_framing_and_sniffing(demo: Demo) -> None:
    async with aiohttp.ClientSession() as http, http.get(demo.url) as page:
        policy = page.headers["Content-Security-Policy"]
        assert page.headers["X-Content-Type-Options"] == "nosniff"
        assert page.headers["X-Frame-Options"] == "DENY"
    assert "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


async def test_an_uploaded_html_page_is_served_as_an_inert_attachment(
    demo: Demo, page_http: aiohttp.ClientSession
) -> None:
    form = aiohttp.FormData()
    page = b"<script>fetch('/api/chats').then(r => r.text()).then(steal)</script>"
    form.add_field("file", page, filename="notes.html", content_type="text/html")
    async with page_http.post(f"{demo.url}/api/chats/{MEMBER.user_id}/files", data=form) as sent:
        message = (await sent.json())["message"]
    async with page_http.get(f"{demo.url}{message['file']['url']}") as download:
        assert await download.read() == page
        assert download.content_type == "application/octet-stream"
        assert download.headers["Content-Disposition"] == "attachment"
        assert download.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in download.headers["Content-Security-Policy"]
