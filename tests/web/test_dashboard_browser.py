"""The dashboard in headless Chromium, opened as Telegram opens a Mini App: the launch URL with
the coach's signed initData and the client's theme in its fragment, on a 390 px phone screen.

Uses Debian's chromium (``CHROMIUM_PATH``, default /usr/bin/chromium) driven by Playwright;
skipped when it is missing, except in CI. Telegram's own script is not fetched (no network in
tests): the page reads the launch data from the address, as it does wherever the script is
missing. Leaves screenshots in test-artifacts/.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page, Route, async_playwright, expect
from pseudo_locale import LANGUAGE, NOT_THE_BOTS, installed, untranslated
from web_support import HOSTILE_NAME, PROTOCOL_TITLE, Practice

from emulator import BotApiEmulator
from emulator.web_apps import DARK_THEME, LIGHT_THEME

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
WAIT_MS = 5_000
HOSTILE_MESSAGE = "<b>hi</b><script>alert(2)</script><img src=y onerror=alert(3)>"


@pytest.fixture
def chromium() -> Path:
    """Debian's Chromium; a skip when it is missing, but a failure in CI."""
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture
async def browser(chromium: Path) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS
        )
        yield browser
        await browser.close()


@pytest.fixture
async def page(browser: Browser, practice: Practice, emulator: BotApiEmulator) -> Page:
    """The coach's dashboard in Telegram's light theme, opened from the chat's menu button; a
    script error fails the test."""
    async for opened in dashboard_page(browser, practice, emulator, LIGHT_THEME):
        yield opened  # type: ignore[misc]


@pytest.fixture
async def dark_page(browser: Browser, practice: Practice, emulator: BotApiEmulator) -> Page:
    """The same, in Telegram's dark theme."""
    async for opened in dashboard_page(browser, practice, emulator, DARK_THEME):
        yield opened  # type: ignore[misc]


async def dashboard_page(
    browser: Browser, practice: Practice, emulator: BotApiEmulator, theme: Mapping[str, str]
) -> AsyncIterator[Page]:
    page = await browser.new_page(viewport=PHONE, device_scale_factor=2)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error"
            and "telegram.org" not in message.text
            and "ERR_FAILED" not in message.text
            else None
        ),
    )
    await page.route("https://telegram.org/**", _offline)
    menu_button = emulator.menu_button(practice.coach.id)
    url = emulator.open_web_app(practice.coach, menu_button["web_app"]["url"], theme=theme)
    await page.goto(url)
    await expect(page.locator("#members-table tbody tr")).to_have_count(3, timeout=WAIT_MS)
    yield page
    assert errors == []


async def _offline(route: Route) -> None:
    await route.abort()


async def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / name))


async def test_the_members_table_shows_the_seeded_members(page: Page) -> None:
    rows = page.locator("#members-table tbody tr")
    await expect(rows.locator("td:first-child a")).to_have_text([HOSTILE_NAME, "Ben", "Maya"])
    maya = rows.filter(has_text="Maya")
    await expect(maya).to_contain_text("1 high")
    await expect(maya).to_contain_text("1 open flag, the worst high.")
    await expect(page.locator("#members-shown")).to_have_text("3 of 3")
    await screenshot(page, "dashboard-members.png")


async def test_the_needs_attention_filter_keeps_the_flagged_member(page: Page) -> None:
    await page.get_by_label("Needs attention").check()
    await expect(page.locator("#members-table tbody td:first-child a")).to_have_text(["Maya"])


async def test_typing_a_name_keeps_the_members_it_matches(page: Page) -> None:
    await page.get_by_label("Find").fill("ma")
    await expect(page.locator("#members-table tbody td:first-child a")).to_have_text(["Maya"])
    await expect(page.locator("#members-shown")).to_have_text("1 of 3")


async def test_sorting_by_last_pain_puts_the_highest_first(page: Page) -> None:
    await page.get_by_role("button", name="Last pain").click()
    await expect(page.locator("#members-table tbody td:first-child a")).to_have_text(
        ["Maya", HOSTILE_NAME, "Ben"]
    )
    await expect(page.locator("th[data-sort=pain]")).to_have_attribute("aria-sort", "descending")


async def test_opening_a_member_shows_the_pain_chart_and_the_sessions(page: Page) -> None:
    await page.get_by_role("link", name="Maya").click()
    await expect(page.locator("#member-name")).to_have_text("Maya")
    chart = page.locator("#pain-chart")
    await expect(chart.locator("canvas")).to_have_count(1, timeout=WAIT_MS)
    await expect(chart.locator(".u-legend")).to_contain_text("After session")
    await expect(page.locator("#pain-caption")).to_contain_text("4 scores")
    await expect(page.locator("#pain-caption")).to_contain_text("the latest 8 of 10")
    first_session = page.locator("#sessions > li").last
    await first_session.locator("summary").click()
    await expect(first_session.locator(".step-skipped")).to_have_count(1)
    await expect(first_session.locator(".step-too_hard")).to_have_count(1)
    await expect(page.locator("#notes")).to_contain_text("Sharp on the left side.")
    await page.locator("#pain-title").scroll_into_view_if_needed()
    await screenshot(page, "dashboard-member.png")


async def test_acknowledging_a_flag_shows_as_acknowledged_in_telegram(
    page: Page, practice: Practice
) -> None:
    await page.locator("#tab-flags").click()
    flag = page.locator(f'#flags [data-flag-id="{practice.maya.flag_id}"]')
    await expect(flag).to_contain_text("Pain 8 after the last session.")
    await flag.get_by_role("button", name="Acknowledge").click()
    await expect(flag.get_by_role("button", name="Acknowledged")).to_be_disabled()
    notice = await practice.coach.wait_for_message(lambda m: "acknowledged" in (m.text or ""))
    assert notice.text is not None
    assert notice.text.startswith(f"✅ Flag #{practice.maya.flag_id} for Maya acknowledged")
    await screenshot(page, "dashboard-flags.png")


async def test_the_calendar_marks_the_days_with_a_finished_session(page: Page) -> None:
    await page.get_by_role("link", name="Maya").click()
    await expect(page.locator("#calendar td.finished")).to_have_count(4)
    await expect(page.locator("#calendar td.finished").first).to_contain_text("1 finished")


async def test_a_form_check_video_plays_in_the_page(page: Page) -> None:
    await page.get_by_role("link", name="Maya").click()
    await page.locator("#form-checks").get_by_role("button", name="Play video").click()
    video = page.get_by_label("Form-check video")
    await expect(video).to_be_focused()
    assert (await video.get_attribute("src") or "").startswith("blob:")


async def test_a_flag_in_the_inbox_opens_its_member(page: Page) -> None:
    await page.locator("#tab-flags").click()
    await page.locator("#flags").get_by_role("button", name="Open member").click()
    await expect(page.locator("#member-name")).to_have_text("Maya")


async def test_a_reply_from_the_flags_inbox_arrives_in_the_members_chat(
    page: Page, practice: Practice
) -> None:
    await page.locator("#tab-flags").click()
    flag = page.locator(f'#flags [data-flag-id="{practice.maya.flag_id}"]')
    await flag.get_by_role("button", name="Reply", exact=True).click()
    await flag.get_by_label("Reply (sent in Telegram)").fill("Let's ease off: skip the bridges.")
    await flag.get_by_role("button", name="Send reply").click()
    await expect(page.locator("#status")).to_have_text("Sent to Maya.")
    message = await practice.maya.user.wait_for_message(lambda m: "bridges" in (m.text or ""))
    assert message.text == "Coach (your coach):\nLet's ease off: skip the bridges."


async def test_a_hostile_member_name_renders_as_text(page: Page, practice: Practice) -> None:
    cell = page.locator(f'tr[data-member-id="{practice.hostile.member_id}"] td:first-child a')
    await expect(cell).to_have_text(HOSTILE_NAME)
    assert await page.locator("#members-table img").count() == 0
    await cell.click()
    await expect(page.locator("#member-name")).to_have_text(HOSTILE_NAME)
    assert await page.locator("main img").count() == 0


async def show(page: Page, view: str) -> None:
    """Open one of the dashboard's views and wait until it has drawn its data."""
    match view:
        case "member":
            await page.get_by_role("link", name="Maya").click()
            await expect(page.locator("#pain-chart canvas")).to_have_count(1, timeout=WAIT_MS)
        case "flags":
            await page.locator("#tab-flags").click()
            await expect(page.locator("#flags li")).to_have_count(1)
        case "export":
            await page.locator("#tab-export").click()
            await expect(page.locator("#export-view")).to_be_visible()


VIEWS = ["members", "member", "flags", "export"]


@pytest.mark.parametrize("view", VIEWS)
async def test_the_views_have_no_accessibility_violations(page: Page, view: str) -> None:
    await show(page, view)
    results = await Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("view", VIEWS)
async def test_the_views_have_no_accessibility_violations_in_the_dark_theme(
    dark_page: Page, view: str
) -> None:
    await show(dark_page, view)
    background = await dark_page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(33, 33, 33)"  # the theme's bg_color, #212121
    results = await Axe().run(dark_page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("view", VIEWS)
async def test_every_view_fits_a_390_px_phone_screen_without_scrolling_sideways(
    page: Page, view: str
) -> None:
    """Wide content (the members table) scrolls inside its own box, never the page."""
    await show(page, view)
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]


async def test_a_hostile_message_in_the_thread_renders_as_text(
    page: Page, practice: Practice
) -> None:
    await practice.hostile.user.send_text(HOSTILE_MESSAGE)
    await practice.coach.wait_for_message(lambda m: "onerror" in (m.text or ""))
    await page.locator(f'tr[data-member-id="{practice.hostile.member_id}"] a').click()
    await expect(page.locator("#thread li")).to_contain_text(HOSTILE_MESSAGE)
    assert await page.locator("main img, main script, main b").count() == 0


async def test_the_members_view_is_keyboard_reachable(page: Page) -> None:
    """Tab from the top reaches the tabs, the filters, the sort buttons and the first member."""
    await expect(page.locator("#tab-flags")).to_have_text("Flags (1)")
    reached = []
    for _ in range(16):
        await page.keyboard.press("Tab")
        reached.append(await page.evaluate("document.activeElement.textContent.trim()"))
    assert "Needs attention" not in reached  # a label's text: the checkbox itself has none
    assert reached[:3] == ["Members", "Flags (1)", "Export"]
    assert "Name" in reached
    assert "Ben" in reached


@pytest.mark.parametrize("view", ["members", "member", "flags", "export"])
async def test_every_view_speaks_the_coachs_language(
    browser: Browser, practice: Practice, emulator: BotApiEmulator, tmp_path: Path, view: str
) -> None:
    """In the pseudo-locale every word the page shows is pseudo-translated, but for what
    members typed, the protocols' texts, a time zone, the flag stored before reasons were
    messages, and Babel's month names."""
    coach = emulator.user(
        user_id=practice.coach.id, first_name="Coach", username="coach", language_code=LANGUAGE
    )
    with installed(tmp_path / "locales"):
        page = await browser.new_page(viewport=PHONE)
        await page.route("https://telegram.org/**", _offline)
        menu_button = emulator.menu_button(coach.id)
        await page.goto(emulator.open_web_app(coach, menu_button["web_app"]["url"]))
        await expect(page.locator("#members-table tbody tr")).to_have_count(3, timeout=WAIT_MS)
        if view == "member":
            await page.get_by_role("link", name="Maya").click()
        else:
            await page.locator(f"#tab-{view}").click()
        await expect(page.locator(f"#{view}-view")).to_be_visible()
        shown = await page.locator("body").inner_text()
    members_words = {HOSTILE_NAME, "Maya", "Ben", "Sharp on the left side.", "my squat"}
    stored = "Pain 8 after the last session."  # a flag from before reasons were messages
    data = NOT_THE_BOTS | members_words | {"Europe/Lisbon", PROTOCOL_TITLE, stored}
    assert untranslated(shown, data) == []


async def test_the_page_declares_the_coachs_language(
    browser: Browser, practice: Practice, emulator: BotApiEmulator
) -> None:
    """Screen readers and the browser's hyphenation read the page in the coach's language."""
    coach = emulator.user(
        user_id=practice.coach.id, first_name="Coach", username="coach", language_code="de"
    )
    page = await browser.new_page(viewport=PHONE)
    await page.route("https://telegram.org/**", _offline)
    menu_button = emulator.menu_button(coach.id)
    await page.goto(emulator.open_web_app(coach, menu_button["web_app"]["url"]))
    await expect(page.locator("#members-table tbody tr")).to_have_count(3, timeout=WAIT_MS)
    assert await page.evaluate("document.documentElement.lang") == "de"
