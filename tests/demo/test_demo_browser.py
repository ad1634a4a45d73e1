"""The demo page in headless Chromium: onboarding and the first two workout steps, by clicking.

Uses Debian's chromium (``CHROMIUM_PATH``, default /usr/bin/chromium) driven by Playwright;
skipped when it is missing, except in CI. Leaves screenshots in test-artifacts/.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from fixtures_bot import onboard as onboard_user
from playwright.async_api import Browser, Locator, Page, ViewportSize, async_playwright, expect
from tests_support import finish_protocol_two_with_pain

from bot.config import Settings
from bot.demo.server import COACH, MEMBER, Demo
from bot.render import texts
from bot.render.card import BEFORE_QUESTION
from bot.rules.screening import ONBOARDING

PROTOCOL_2 = "7 Exercise Protocol for Lower Back Relief"

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WAIT_MS = 5_000


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


async def click(pane: Locator, label: str) -> None:
    """Click the newest inline button with this label in the pane."""
    await pane.locator(".keyboard").get_by_role("button", name=label, exact=True).last.click()


def message_with(pane: Locator, text: str) -> Locator:
    return pane.locator(".message", has_text=text)


async def onboard(member: Locator) -> None:
    """/start typed in the box, then every onboarding question answered by a button."""
    await to_the_zone_question(member)
    await click(member, "UTC")
    await click(member, "Start today's session")


async def to_the_zone_question(member: Locator) -> None:
    """/start, and every question up to the time zone answered by a button."""
    await member.get_by_label("Message").fill("/start")
    await member.get_by_label("Message").press("Enter")
    await click(member, texts.CONSENT_BUTTON())
    for number in range(1, len(ONBOARDING) + 1):
        heading = texts.SCREENING_HEADING.format(number=number, total=len(ONBOARDING))
        await expect(message_with(member, heading)).to_be_visible(timeout=WAIT_MS)
        await click(member, texts.NO())
    await expect(message_with(member, texts.CHOOSE_PROTOCOL())).to_be_visible(timeout=WAIT_MS)
    await member.locator(".keyboard .key").first.click()  # the first protocol offered
    await expect(message_with(member, "On which days")).to_be_visible(timeout=WAIT_MS)
    await click(member, texts.DONE_BUTTON())
    await expect(message_with(member, texts.CHOOSE_TIME())).to_be_visible(timeout=WAIT_MS)
    await click(member, "18:00")
    await expect(message_with(member, texts.CHOOSE_ZONE())).to_be_visible(timeout=WAIT_MS)


async def open_demo(browser: Browser, demo: Demo) -> Page:
    page = await browser.new_page(viewport={"width": 1280, "height": 900})
    await page.goto(demo.url)
    await expect(page.locator("#connection")).to_have_text("connected", timeout=WAIT_MS)
    return page


async def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    await page.screenshot(path=str(ARTIFACTS / name))


async def first_step(member: Locator) -> Locator:
    """Past the card's first screen (the pain question before the session, skipped): the
    card at step 1."""
    await expect(message_with(member, BEFORE_QUESTION())).to_be_visible(timeout=WAIT_MS)
    await click(member, "Skip")
    card = at_step(member, 1)
    await expect(card).to_be_visible(timeout=WAIT_MS)
    return card


def at_step(member: Locator, number: int) -> Locator:
    """The card when its progress line says step `number` ("▰▱▱▱▱▱▱▱▱▱ 2/21")."""
    return member.locator(".message", has_text=re.compile(rf" {number}/\d+(?!\d)"))


async def test_onboarding_and_two_workout_steps_by_clicking(browser: Browser, demo: Demo) -> None:
    page = await open_demo(browser, demo)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    await onboard(member)
    await first_step(member)
    await click(member, "Done")
    await expect(at_step(member, 2)).to_be_visible(timeout=WAIT_MS)
    await click(member, "Done")
    await expect(at_step(member, 3)).to_be_visible(timeout=WAIT_MS)
    progress = member.locator(".message", has_text=re.compile(r" \d+/\d+(?!\d)"))
    await expect(progress).to_have_count(1)  # one card, edited in place
    await screenshot(page, "demo.png")


async def test_a_form_video_goes_to_the_coach_and_the_reply_comes_back(
    browser: Browser, demo: Demo
) -> None:
    page = await open_demo(browser, demo)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    coach = page.locator(f'[data-chat-id="{COACH.user_id}"]')
    await onboard(member)
    await first_step(member)

    await member.locator("input[type=file]").set_input_files(
        {"name": "squat.mp4", "mimeType": "video/mp4", "buffer": b"\x00\x00\x00\x18ftypmp42"}
    )
    await expect(member.locator(".message.from-user video")).to_have_count(1, timeout=WAIT_MS)
    await expect(message_with(member, texts.VIDEO_SENT())).to_be_visible(timeout=WAIT_MS)
    forwarded = coach.locator(".message:has(video)")
    await expect(forwarded).to_contain_text("Form check", timeout=WAIT_MS)

    await forwarded.get_by_role("button", name="Reply").click()
    await coach.get_by_label("Message").fill("Keep your ribs down.")
    await coach.get_by_label("Message").press("Enter")
    await expect(message_with(coach, "Sent to")).to_be_visible(timeout=WAIT_MS)
    await expect(message_with(member, "Keep your ribs down.")).to_be_visible(timeout=WAIT_MS)
    await screenshot(page, "demo-form-check.png")


async def test_the_coach_opens_the_dashboard_from_the_menu_button(
    browser: Browser, demo: Demo
) -> None:
    page = await open_demo(browser, demo)
    await page.route("https://telegram.org/**", lambda route: route.abort())
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    coach = page.locator(f'[data-chat-id="{COACH.user_id}"]')
    await onboard(member)
    await expect(member.locator(".menu-app")).to_be_hidden()
    await coach.get_by_role("button", name="Dashboard").click()
    dashboard = page.frame_locator("#mini-app-frame")
    await expect(dashboard.locator("#members-table tbody td:first-child a")).to_have_text(
        ["Maya"], timeout=WAIT_MS
    )
    await screenshot(page, "demo-dashboard.png")


# --- accessibility --------------------------------------------------------------------------

PHONE = {"width": 390, "height": 844}


@pytest.fixture
async def busy_demo(tmp_path: Path) -> AsyncIterator[Demo]:
    """The demo for a member who taps faster than anyone (no inbound rate limit to hit)."""
    settings = Settings(_env_file=None, tz="UTC", inbound_limit=1_000)
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}"
    async with Demo(settings, host="127.0.0.1", port=0, database_url=database_url) as running:
        yield running


async def member_with_history(demo: Demo) -> None:
    """Maya set up, one workout with a pain score and no note, then /progress (a chart): all
    through the emulator, so the page opens on a history."""
    maya = demo.users[MEMBER.user_id]
    await onboard_user(maya, protocol=PROTOCOL_2)
    await finish_protocol_two_with_pain(maya, "3")
    await maya.send_command("/progress")
    await maya.wait_for_message(lambda m: m.file is not None)


async def open_page(browser: Browser, demo: Demo, viewport: ViewportSize | None = None) -> Page:
    page = await browser.new_page(viewport=viewport or {"width": 1280, "height": 900})
    await page.goto(demo.url)
    await expect(page.locator("#connection")).to_have_text("connected", timeout=WAIT_MS)
    return page


async def test_the_page_with_a_history_has_no_accessibility_violations(
    browser: Browser, busy_demo: Demo
) -> None:
    await member_with_history(busy_demo)
    page = await open_page(browser, busy_demo)
    await expect(page.locator(".message img")).to_have_count(1)
    results = await Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


async def test_a_phone_sized_page_has_no_accessibility_violations(
    browser: Browser, busy_demo: Demo
) -> None:
    await member_with_history(busy_demo)
    page = await open_page(browser, busy_demo, PHONE)
    results = await Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


async def test_a_chart_is_described_by_its_caption(browser: Browser, busy_demo: Demo) -> None:
    await member_with_history(busy_demo)
    page = await open_page(browser, busy_demo)
    chart = page.locator(f'[data-chat-id="{MEMBER.user_id}"] .message img')
    await expect(chart).to_have_attribute(
        "alt", "Chart: your pain (0 to 10) after your last check-in, a 3."
    )


async def test_the_members_reply_button_is_reached_by_the_keyboard_and_shown(
    browser: Browser, demo: Demo
) -> None:
    page = await open_page(browser, demo)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    await member.get_by_label("Message").fill("/help")
    await member.get_by_label("Message").press("Enter")
    await expect(message_with(member, "Here's what I can do")).to_be_visible(timeout=WAIT_MS)
    await page.locator("body").focus()
    for _ in range(12):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.className") == "reply":
            break
    reply = member.locator(".reply:focus")
    await expect(reply).to_have_count(1)
    await expect(reply).to_have_css("opacity", "1")


async def test_only_new_messages_are_announced(browser: Browser, busy_demo: Demo) -> None:
    await member_with_history(busy_demo)
    page = await open_page(browser, busy_demo)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    assert await page.locator(".messages[aria-live], .messages [aria-live]").count() == 0
    announcer = member.locator("[aria-live]")
    await expect(announcer).to_have_text("")  # the history on load is not read out
    await member.get_by_label("Message").fill("/help")
    await member.get_by_label("Message").press("Enter")
    await expect(announcer).to_have_text(re.compile(r"^Bot: Here's what I can do"), timeout=WAIT_MS)


async def test_the_header_fits_a_phone_in_two_lines(browser: Browser, demo: Demo) -> None:
    page = await open_page(browser, demo, PHONE)
    header = await page.locator("header.top").bounding_box()
    title = await page.locator("header.top h1").bounding_box()
    assert header is not None
    assert title is not None
    assert header["height"] <= 2 * title["height"] + 24


async def test_after_a_reload_the_newest_message_is_in_view_on_a_phone(
    browser: Browser, busy_demo: Demo
) -> None:
    await member_with_history(busy_demo)
    page = await open_page(browser, busy_demo, PHONE)
    await page.reload()
    await expect(page.locator("#connection")).to_have_text("connected", timeout=WAIT_MS)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    await expect(member.locator(".message img")).to_have_count(1)
    await expect(member.locator(".message").last).to_be_in_viewport(timeout=WAIT_MS)
    await screenshot(page, "demo-phone.png")


LISBON = {"latitude": 38.7223, "longitude": -9.1393}


async def test_share_location_sends_where_the_browser_says_the_member_is(
    browser: Browser, demo: Demo
) -> None:
    context = await browser.new_context(geolocation=LISBON, permissions=["geolocation"])
    page = await context.new_page()
    await page.goto(demo.url)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    await to_the_zone_question(member)
    share = member.locator(".reply-keyboard").get_by_role(
        "button", name=texts.SHARE_LOCATION_BUTTON()
    )
    await share.click()
    await expect(message_with(member, "📍 Location 38.7223, -9.1393")).to_be_visible(
        timeout=WAIT_MS
    )
    await expect(message_with(member, "Time zone: Lisbon")).to_be_visible(timeout=WAIT_MS)
    await expect(message_with(member, "All set!")).to_be_visible(timeout=WAIT_MS)
    await expect(member.locator(".reply-keyboard")).to_be_hidden()
    await context.close()


async def test_without_the_browsers_location_the_member_picks_a_city(
    browser: Browser, demo: Demo
) -> None:
    context = await browser.new_context()  # no geolocation permission: the browser refuses
    page = await context.new_page()
    await page.goto(demo.url)
    member = page.locator(f'[data-chat-id="{MEMBER.user_id}"]')
    await to_the_zone_question(member)
    await (
        member.locator(".reply-keyboard")
        .get_by_role("button", name=texts.SHARE_LOCATION_BUTTON())
        .click()
    )
    picker = member.get_by_label("Where are you?")
    await expect(picker).to_be_focused(timeout=WAIT_MS)
    results = await Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    await picker.select_option(label="Sydney")
    await member.get_by_role("button", name="Send this location").click()
    await expect(message_with(member, "Time zone: Sydney")).to_be_visible(timeout=WAIT_MS)
    await expect(member.locator(".place-picker")).to_be_hidden()
    await context.close()
