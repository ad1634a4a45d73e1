"""What the dashboard's API shows the coach and what its actions do, through the real bot."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime
from typing import Any

import aiohttp
import pytest
from fixtures_bot import bot_running, make_settings
from openpyxl import load_workbook
from tests_support import digest_part
from web_support import HOSTILE_NAME, PROTOCOL_TITLE, VIDEO, Practice, signed_for

from bot.render import coach_texts, texts
from bot.services import dashboard
from emulator import BotApiEmulator
from storage import repository
from storage.models import CoachRole


class Coach:
    """The coach's side of the API: signed requests, JSON answers."""

    def __init__(self, practice: Practice, emulator: BotApiEmulator) -> None:
        self.practice = practice
        self.headers = {"Authorization": f"tma {signed_for(emulator, practice.coach)}"}

    async def get(self, path: str) -> Any:
        async with (
            aiohttp.ClientSession() as http,
            http.get(self.practice.url + path, headers=self.headers) as response,
        ):
            assert response.status == 200, await response.text()
            return await response.json()

    async def raw(self, path: str) -> tuple[bytes, aiohttp.ClientResponse]:
        async with (
            aiohttp.ClientSession() as http,
            http.get(self.practice.url + path, headers=self.headers) as response,
        ):
            return await response.read(), response

    async def post(self, path: str, body: dict[str, Any], status: int = 200) -> Any:
        async with (
            aiohttp.ClientSession() as http,
            http.post(self.practice.url + path, json=body, headers=self.headers) as response,
        ):
            assert response.status == status, await response.text()
            return await response.json()


@pytest.fixture
def coach_api(practice: Practice, emulator: BotApiEmulator) -> Coach:
    return Coach(practice, emulator)


def row_of(roster: dict[str, Any], name: str) -> dict[str, Any]:
    return next(row for row in roster["members"] if row["name"] == name)


async def test_the_members_view_lists_every_member_by_name(coach_api: Coach) -> None:
    roster = await coach_api.get("api/members")
    assert [row["name"] for row in roster["members"]] == [HOSTILE_NAME, "Ben", "Maya"]


async def test_a_members_row_has_protocol_week_adherence_pain_flags_and_contact(
    coach_api: Coach,
) -> None:
    maya = row_of(await coach_api.get("api/members"), "Maya")
    assert maya["protocol_title"] == PROTOCOL_TITLE
    assert maya["week"]["cap"] == 6
    assert 0 <= maya["week"]["done"] <= 4
    assert maya["adherence"] == round(4 / (3 * 28 / 7) * 100)
    assert maya["pain"]["last"] == 8
    assert maya["pain"]["recent"] == [3, 4, 6, 8]
    assert maya["flags"] == {"low": 0, "high": 1, "critical": 0, "urgent": 0, "emergency": 0}
    assert maya["days_since_contact"] == 0  # the form-check video, today
    assert maya["zone"] == "Europe/Lisbon"


async def test_a_flagged_member_needs_attention_and_a_quiet_one_does_not(
    coach_api: Coach,
) -> None:
    roster = await coach_api.get("api/members")
    assert row_of(roster, "Maya")["attention"] == ["1 open flag, the worst high."]
    assert row_of(roster, "Ben")["attention"] == []


async def test_the_member_view_has_pain_sessions_steps_notes_thread_and_videos(
    coach_api: Coach, practice: Practice
) -> None:
    maya = await coach_api.get(f"api/members/{practice.maya.member_id}")
    assert [(point["pain"], point["kind"]) for point in maya["pain"]] == [
        (3, "session"),
        (4, "session"),
        (6, "session"),
        (8, "session"),
    ]
    first = maya["sessions"][0]
    assert first["workout"] == "Strengthening and Lengthening"
    assert [step["outcome"] for step in first["steps"][:4]] == ["done", "skipped", "too_hard", None]
    assert first["steps"][0]["exercise"]
    assert [note["text"] for note in maya["notes"]] == ["Sharp on the left side."]
    assert [(e["from"], e["kind"], e["text"]) for e in maya["thread"]] == [
        ("member", "video", "my squat")
    ]
    [video] = maya["form_checks"]
    assert video["id"] == practice.form_check_id
    assert [flag["level"] for flag in maya["flags"]] == ["high"]


async def test_a_form_check_video_plays_from_telegrams_copy(
    coach_api: Coach, practice: Practice
) -> None:
    path = f"api/members/{practice.maya.member_id}/form-checks/{practice.form_check_id}/video"
    body, response = await coach_api.raw(path)
    assert response.status == 200
    assert response.content_type == "video/mp4"
    assert body == VIDEO


async def test_a_video_is_not_found_under_another_member(
    coach_api: Coach, practice: Practice
) -> None:
    path = f"api/members/{practice.ben.member_id}/form-checks/{practice.form_check_id}/video"
    _, response = await coach_api.raw(path)
    assert response.status == 404


@pytest.mark.parametrize("member_id", ["999", "0", "99999999999", "1e3", "-1"])
async def test_an_unknown_or_malformed_member_id_is_not_found(
    coach_api: Coach, member_id: str
) -> None:
    _, response = await coach_api.raw(f"api/members/{member_id}")
    assert response.status == 404


async def test_the_flags_inbox_lists_open_flags_with_their_member(
    coach_api: Coach, practice: Practice
) -> None:
    inbox = await coach_api.get("api/flags")
    [flag] = inbox["flags"]
    assert flag["id"] == practice.maya.flag_id
    assert flag["member"]["name"] == "Maya"
    assert flag["level"] == "high"


async def test_acknowledging_closes_the_flag_and_tells_the_coach_chat(
    coach_api: Coach, practice: Practice
) -> None:
    answer = await coach_api.post(f"api/flags/{practice.maya.flag_id}/acknowledge", {})
    assert answer == {"acknowledged": True, "already": False, "flag_id": practice.maya.flag_id}
    notice = await practice.coach.wait_for_message(lambda m: "acknowledged" in (m.text or ""))
    assert notice.text == coach_texts.FLAG_ACKNOWLEDGED_IN_DASHBOARD.format(
        flag_id=practice.maya.flag_id, name="Maya", coach="Coach"
    )
    assert (await coach_api.get("api/flags"))["flags"] == []
    again = await coach_api.post(f"api/flags/{practice.maya.flag_id}/acknowledge", {})
    assert again["already"] is True


async def test_a_message_reaches_the_member_in_telegram(
    coach_api: Coach, practice: Practice
) -> None:
    answer = await coach_api.post(
        f"api/members/{practice.ben.member_id}/message", {"text": "Lovely week, Ben!"}
    )
    assert answer == {"delivered": True, "name": "Ben"}
    message = await practice.ben.user.wait_for_message()
    assert message.text == "Coach (your coach):\nLovely week, Ben!"  # as /msg writes it


async def test_a_message_from_the_dashboard_is_in_the_members_thread_as_the_coachs(
    coach_api: Coach, practice: Practice
) -> None:
    path = f"api/members/{practice.ben.member_id}"
    await coach_api.post(f"{path}/message", {"text": "Lovely week, Ben!"})
    delivered = await practice.ben.user.wait_for_message()
    [entry] = (await coach_api.get(path))["thread"]
    assert (entry["from"], entry["coach"], entry["kind"], entry["text"]) == (
        "coach",
        "Coach",
        "text",
        "Lovely week, Ben!",
    )
    async with practice.bot.services.database.read() as session:
        [stored] = await repository.messages.recent(session, practice.ben.member_id, 5)
    assert stored.member_message_id == delivered.message_id


async def test_a_members_message_in_telegram_is_in_the_thread_the_dashboard_shows(
    coach_api: Coach, practice: Practice
) -> None:
    await practice.ben.user.send_text("Can I swap Tuesday for Wednesday?")
    await practice.coach.wait_for_message(lambda m: "Tuesday" in (m.text or ""))
    thread = (await coach_api.get(f"api/members/{practice.ben.member_id}"))["thread"]
    assert [(e["from"], e["text"]) for e in thread] == [
        ("member", "Can I swap Tuesday for Wednesday?")
    ]


async def test_a_message_to_a_member_who_blocked_the_bot_is_not_stored_and_the_coach_hears(
    coach_api: Coach, practice: Practice, emulator: BotApiEmulator
) -> None:
    emulator.faults.block_chat(practice.ben.user.id)
    path = f"api/members/{practice.ben.member_id}"
    answer = await coach_api.post(f"{path}/message", {"text": "Still there?"})
    assert answer == {"delivered": False, "name": "Ben"}
    assert (await coach_api.get(path))["thread"] == []
    # a blocked member is in the coach's daily digest
    part = await digest_part(practice.bot, practice.coach, "Ben (@ben)")
    assert "🚫 Blocked the bot" in "\n".join(part)


@pytest.mark.parametrize("text", ["", "   ", None, 12, "x" * 3501])
async def test_an_empty_or_overlong_message_is_refused(
    coach_api: Coach, practice: Practice, text: object
) -> None:
    await coach_api.post(f"api/members/{practice.ben.member_id}/message", {"text": text}, 400)


async def test_assigning_a_protocol_moves_the_member_and_tells_them(
    coach_api: Coach, practice: Practice
) -> None:
    answer = await coach_api.post(
        f"api/members/{practice.maya.member_id}/protocol",
        {"protocol": "7-exercise-protocol-lower-back-relief"},
    )
    assert answer["changed"] is True
    assert answer["told"] is True
    told = await practice.maya.user.wait_for_message(lambda m: "7 Exercise" in (m.text or ""))
    assert told.text is not None
    row = row_of(await coach_api.get("api/members"), "Maya")
    assert row["protocol"] == "7-exercise-protocol-lower-back-relief"


async def test_an_unknown_protocol_is_refused(coach_api: Coach, practice: Practice) -> None:
    await coach_api.post(
        f"api/members/{practice.maya.member_id}/protocol", {"protocol": "nope"}, 400
    )


async def test_resuming_and_pausing_a_member_tells_them(
    coach_api: Coach, practice: Practice
) -> None:
    resumed = await coach_api.post(f"api/members/{practice.ben.member_id}/pause", {"paused": False})
    assert resumed == {"changed": True, "paused": False, "name": "Ben", "told": True}
    told = await practice.ben.user.wait_for_message()
    assert (told.text or "").startswith("Your coach has turned your reminders back on")
    paused = await coach_api.post(f"api/members/{practice.ben.member_id}/pause", {"paused": True})
    assert paused["paused"] is True
    assert (await practice.ben.user.wait_for_message()).text == texts.PAUSED_BY_COACH()
    again = await coach_api.post(f"api/members/{practice.ben.member_id}/pause", {"paused": True})
    assert again["changed"] is False


async def test_the_csv_download_holds_every_members_sessions_and_check_ins(
    coach_api: Coach,
) -> None:
    body, response = await coach_api.raw("api/export.csv")
    assert response.content_type == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("record,member_id,member_name")
    assert sum(line.startswith("session,") for line in lines) == 8
    assert sum(line.startswith("check_in,") for line in lines) == 8


async def test_the_xlsx_download_keeps_a_hostile_name_as_text(coach_api: Coach) -> None:
    body, _ = await coach_api.raw("api/export.xlsx")
    sheet = load_workbook(io.BytesIO(body)).active
    assert sheet is not None
    names = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert names == {"Maya", "Ben", HOSTILE_NAME}


async def test_an_export_sent_to_the_chat_arrives_as_a_file(
    coach_api: Coach, practice: Practice
) -> None:
    assert await coach_api.post("api/export", {"format": "xlsx"}) == {"sent": True, "empty": False}
    document = await practice.coach.wait_for_message(lambda m: m.file is not None)
    assert document.file is not None
    assert (document.file.file_name or "").endswith(".xlsx")


async def test_a_coach_who_may_see_some_members_sees_only_them(
    practice: Practice,
) -> None:
    services = practice.bot.services
    now = datetime.now(UTC)
    async with services.database.transaction() as session:
        sam = await repository.coaches.add(session, 900_002, CoachRole.COACH, now=now)
        assert sam is not None
        await repository.members.set_coach(session, practice.ben.member_id, sam.id)
    access = await dashboard.coach_access(services, 900_002)
    assert access is not None
    assert [row.member.name for row in await dashboard.roster(services, access, now)] == ["Ben"]
    assert await dashboard.member_file(services, access, practice.maya.member_id, now) is None
    assert await dashboard.open_flags(services, access) == []
    assert isinstance(
        await dashboard.acknowledge(services, access, practice.maya.flag_id or 0, now),
        dashboard.coach.NoSuchFlag,
    )


async def test_the_page_is_served_with_a_strict_content_security_policy(
    practice: Practice,
) -> None:
    async with aiohttp.ClientSession() as http, http.get(practice.url) as response:
        assert response.status == 200
        policy = response.headers["Content-Security-Policy"]
        assert "script-src 'self' https://telegram.org" in policy
        assert "'unsafe-inline'" not in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"


async def test_the_coach_chat_gets_a_dashboard_menu_button(
    practice: Practice, emulator: BotApiEmulator
) -> None:
    assert emulator.menu_button(practice.coach.id) == {
        "type": "web_app",
        "text": coach_texts.DASHBOARD_BUTTON(),
        "web_app": {"url": practice.url},
    }


async def test_dashboard_answers_with_a_button_that_opens_the_mini_app(practice: Practice) -> None:
    await practice.coach.send_command("/dashboard")
    answer = await practice.coach.wait_for_message(lambda m: m.text == coach_texts.DASHBOARD_OPEN())
    [button] = answer.buttons
    assert button.web_app_url == practice.url


async def test_without_a_public_url_the_bot_runs_without_a_dashboard_and_says_so(
    emulator: BotApiEmulator, tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    coach = emulator.user(user_id=900_001, first_name="Coach", known=True)
    caplog.set_level(logging.INFO, logger="bot.app")
    async with bot_running(make_settings(emulator, tmp_path), emulator):
        await coach.send_command("/dashboard")
        answer = await coach.wait_for_message()
    assert answer.text == coach_texts.DASHBOARD_OFF()
    assert [r.message for r in caplog.records if "dashboard" in r.message] == [
        "dashboard off: WEB_PUBLIC_URL is not set"
    ]
    assert emulator.menu_button(coach.id) == {"type": "commands"}
