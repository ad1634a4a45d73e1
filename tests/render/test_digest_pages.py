"""The digest message's pages: at most twelve members each, a caption within Telegram's 1024
characters that lists every member of the page with their rule and level, and the reasons in
full in the same message behind Details."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.render import coach_texts, digest_pages
from bot.views import Digest, DigestFinding, DigestFlag, DigestNotice, MemberCard, MemberDigest

UNTIL = datetime(2026, 3, 10, 18, tzinfo=UTC)
LONG_NAME = "Maximiliana Wolfeschlegelsteinhausenbergerdorff-Smith"
HIGH = DigestFlag(
    UNTIL - timedelta(hours=5),
    "high",
    "not_settling",
    "Not settling: next-morning pain 6 after sessions on Mon 2 Mar and Wed 4 Mar; before "
    "the sessions it was 3.",
)
LOW = DigestFlag(UNTIL - timedelta(hours=3), "low", "above_acceptable", "Above the level.")
ABSENT = DigestFinding("no_recent_session", "No session for 9 days, since Sun 1 Mar.")


def member(number: int, name: str = "", flags: tuple[DigestFlag, ...] = ()) -> MemberDigest:
    card = MemberCard(number, name or f"Member {number}", None, ZoneInfo("UTC"))
    return MemberDigest(card, flags, [ABSENT], [])


def digest(*members: MemberDigest) -> Digest:
    return Digest(
        chat_id=1,
        day=date(2026, 3, 10),
        members=members,
        since=UNTIL - timedelta(days=1),
        until=UNTIL,
        chart_from=UNTIL - timedelta(days=35),
        zone=ZoneInfo("UTC"),
    )


FORTY_LONG_NAMES = digest(*(member(n, f"{LONG_NAME} {n}", (HIGH, LOW)) for n in range(1, 41)))


def test_a_member_line_names_them_their_rules_and_the_levels() -> None:
    line = coach_texts.digest_line(member(3, "Maya", (HIGH, LOW)))
    assert line == (
        "🔶 Maya #3: high: not settling by the morning; low: above the acceptable level; "
        "no session for a week"
    )


@pytest.mark.parametrize(
    ("part", "mark"),
    [
        (member(1, flags=(LOW,)), "🔸"),
        (member(1), "💤"),
        (
            MemberDigest(
                MemberCard(1, "Ben", None, ZoneInfo("UTC")), [], [], [DigestNotice(UNTIL, "paused")]
            ),
            "⏸",
        ),
    ],
    ids=["low flag", "finding", "notice"],
)
def test_a_member_line_starts_with_its_most_telling_mark(part: MemberDigest, mark: str) -> None:
    assert coach_texts.digest_line(part).startswith(f"{mark} ")


def test_a_small_digest_is_one_page_without_page_numbers() -> None:
    [page] = digest_pages.pages(digest(member(1), member(2)))
    caption = digest_pages.list_caption(digest(member(1), member(2)), page)
    assert caption.split("\n")[0] == "🗓 Your daily digest, Tue 10 Mar: 2 members"


def test_every_member_is_on_exactly_one_page_in_the_digests_order() -> None:
    pages = digest_pages.pages(FORTY_LONG_NAMES)
    on_pages = [part for page in pages for part in page.members]
    assert on_pages == list(FORTY_LONG_NAMES.members)


def test_a_page_holds_at_most_twelve_members() -> None:
    pages = digest_pages.pages(digest(*(member(n) for n in range(1, 41))))
    assert [len(page.members) for page in pages] == [12, 12, 12, 4]


def test_every_list_caption_fits_telegrams_1024_characters() -> None:
    for page in digest_pages.pages(FORTY_LONG_NAMES):
        assert len(digest_pages.list_caption(FORTY_LONG_NAMES, page)) <= 1024


def test_the_list_caption_has_a_line_per_member_of_the_page() -> None:
    [first, *_] = digest_pages.pages(FORTY_LONG_NAMES)
    lines = digest_pages.list_caption(FORTY_LONG_NAMES, first).split("\n")
    assert len(lines) == len(first.members) + 2  # the title and the hint around them
    assert lines[0].endswith(f"(page 1 of {first.count})")


def test_every_details_caption_fits_and_together_they_hold_every_reason() -> None:
    [first, *_] = digest_pages.pages(FORTY_LONG_NAMES)
    details = digest_pages.details_captions(FORTY_LONG_NAMES, first)
    assert all(len(caption) <= 1024 for caption in details)
    text = "\n".join(details)
    assert text.count(HIGH.reason) == len(first.members)


def test_a_view_past_the_last_details_shows_the_last() -> None:
    [first, *_] = digest_pages.pages(FORTY_LONG_NAMES)
    details = digest_pages.details_captions(FORTY_LONG_NAMES, first)
    assert digest_pages.caption(FORTY_LONG_NAMES, first, 99) == (details[-1], len(details))


def test_a_page_past_the_last_is_the_last() -> None:
    last = digest_pages.page_at(FORTY_LONG_NAMES, 99)
    assert last is not None
    assert last.number == last.count


def test_a_name_with_markup_and_mathtext_is_listed_as_typed() -> None:
    odd = digest(member(2, "$x^2$ <b>"))
    [page] = digest_pages.pages(odd)
    assert "💤 $x^2$ <b> #2: no session for a week" in digest_pages.list_caption(odd, page)


def test_a_panel_names_the_member_marks_their_flags_and_says_why() -> None:
    [page] = digest_pages.pages(digest(member(3, "Maya", (HIGH,))))
    [panel] = digest_pages.panels(page)
    assert (panel.title, panel.flagged) == ("Maya #3", [HIGH.at])
    assert panel.note == "high: not settling by the morning; no session for a week"


def test_the_buttons_carry_the_window_and_open_each_member() -> None:
    odd = digest(member(2, "Ben"), member(3, "Cleo"))
    [page] = digest_pages.pages(odd)
    _, markup = digest_pages.message(odd, page, 0, None)
    labels = [button.text for row in markup.inline_keyboard for button in row]
    assert labels == ["Ben #2", "Cleo #3", "Details"]


def test_the_dashboard_is_a_button_when_there_is_one() -> None:
    odd = digest(member(2, "Ben"))
    [page] = digest_pages.pages(odd)
    _, markup = digest_pages.message(odd, page, 0, "https://coach.example/dashboard")
    assert markup.inline_keyboard[-1][0].web_app is not None
