"""Conversation steps that several end-to-end tests share: the workout card, seeded sessions
and check-ins, stored members."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from fixtures_bot import RunningBot, has_button

from bot.jobs.digest import DigestScheduler
from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.awaiting import AwaitPain
from storage.models import Member

_HEADING = re.compile(r"^(Block|Superset|Circuit) \S+( · (set|round) \d+ of \d+)?$")


def is_step(message: ChatMessage) -> bool:
    """A card showing a step (or a "time's up" message carrying its buttons)."""
    return has_button(message, "Done")


def is_card(message: ChatMessage) -> bool:
    return is_step(message) and has_button(message, "How to")


def is_before_question(message: ChatMessage) -> bool:
    """The card's first screen: the plan, and how the back feels before the session."""
    return has_button(message, "Skip") and has_button(message, "10") and not is_step(message)


def is_summary(message: ChatMessage) -> bool:
    return "Session complete" in (message.text or "")


def position_and_exercise(message: ChatMessage) -> tuple[str, str]:
    """('Superset E · set 2 of 3', 'E1) Copenhagen Progression') of a card."""
    lines = (message.text or "").splitlines()
    index = next(i for i, line in enumerate(lines) if _HEADING.match(line))
    return lines[index], lines[index + 1]


def amount(message: ChatMessage) -> str:
    """What the card asks for this set: '10 reps (30 s for holds)'."""
    line = next(
        line
        for line in (message.text or "").splitlines()
        if line.startswith(("This set: ", "This round: ", "Do: "))
    )
    return line.split(": ", 1)[1]


def _card_or_first_screen(message: ChatMessage) -> bool:
    return is_card(message) or is_before_question(message)


async def _past_the_first_screen(
    member: SimulatedUser, card: ChatMessage, pain_before: str
) -> ChatMessage:
    if is_before_question(card):
        await member.press(pain_before, card)
        await member.wait_for_edit(card, is_card)
    return card


async def the_card(member: SimulatedUser, pain_before: str = "Skip") -> ChatMessage:
    """The member's live workout card: the one on screen, or the next one the bot sends; on
    its first screen, `pain_before` (a score, or Skip) is pressed to reach the first step."""
    shown = [m for m in member.chat.bot_messages if _card_or_first_screen(m)]
    card = shown[-1] if shown else await member.wait_for_message(_card_or_first_screen)
    return await _past_the_first_screen(member, card, pain_before)


async def start_today(member: SimulatedUser, pain_before: str = "Skip") -> ChatMessage:
    """/today and the card it sends (a new session's first screen answered with
    `pain_before`): the card at its step."""
    await member.send_command("/today")
    card = await member.wait_for_message(_card_or_first_screen)
    return await _past_the_first_screen(member, card, pain_before)


async def answer_every_step(member: SimulatedUser, answer: str = "Done") -> list[tuple[str, str]]:
    """Press `answer` on the card until it becomes the summary; the steps seen, in order."""
    card = await the_card(member)
    seen = []
    while not is_summary(card):
        seen.append(position_and_exercise(card))
        await member.press(answer, card)
        await member.wait_for_edit(card)
    return seen


async def check_in_on_card(member: SimulatedUser, pain: str, note: str = "") -> ChatMessage:
    """On the finished card: press the pain score, then type a note (or press No note);
    the bot's last reply."""
    card = member.chat.bot_messages[-1]
    if not has_button(card, "10"):
        card = await member.wait_for_message(lambda m: has_button(m, "10"))
    await member.press(pain, card)
    await member.wait_for_edit(card, lambda m: has_button(m, "No note") or not m.keyboard)
    if not has_button(card, "No note"):
        return await member.wait_for_message()
    if note:
        await member.send_text(note)
    else:
        await member.press("No note", card)
    return await member.wait_for_message()


async def finish_protocol_two_with_pain(member: SimulatedUser, pain: str, note: str = "") -> None:
    """/today, every step done, the pain score pressed, and a note (or No note)."""
    await member.send_command("/today")
    await answer_every_step(member)
    await check_in_on_card(member, pain, note)


async def stored_member(bot: RunningBot, user: SimulatedUser) -> Member:
    async with bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user.id)
    assert member is not None
    return member


async def seed_sessions(bot: RunningBot, user: SimulatedUser, pains: list[int]) -> None:
    """Finished sessions in the past days, each followed by a check-in with that pain."""
    member = await stored_member(bot, user)
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        for days_ago, pain in zip(range(len(pains) + 1, 1, -1), pains, strict=True):
            at = now - timedelta(days=days_ago)
            row = await repository.sessions.start(
                session,
                member.id,
                protocol="lower-back-pain-relief-lvl1",
                workout_key="day-1",
                now=at,
            )
            await repository.sessions.finish(session, row.id, now=at + timedelta(minutes=30))
            await repository.check_ins.add(
                session, member.id, pain=pain, session_id=row.id, now=at + timedelta(minutes=31)
            )


async def check_in(bot: RunningBot, user: SimulatedUser, pain: int) -> ChatMessage:
    """Finish a session now and answer the pain question by typing; the bot's answer."""
    member = await stored_member(bot, user)
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        row = await repository.sessions.start(
            session,
            member.id,
            protocol="lower-back-pain-relief-lvl1",
            workout_key="day-1",
            now=now - timedelta(minutes=30),
        )
        await repository.sessions.finish(session, row.id, now=now)
        await repository.members.set_awaiting(session, member.id, AwaitPain(row.id))
    await user.send_text(str(pain))
    return await user.wait_for_message()


async def until_recorded(bot: RunningBot, message: ChatMessage) -> ChatMessage:
    """Wait until the bot has remembered its message in a coach chat as being about a member
    (it does so right after sending it), so a reply to it finds its record."""
    for _ in range(250):
        async with bot.services.database.transaction() as session:
            record = await repository.messages.coach_message(
                session, message.chat_id, message.message_id
            )
        if record is not None:
            return message
        await asyncio.sleep(0.02)
    raise AssertionError(f"message {message.message_id} was never recorded")


async def send_the_digests(bot: RunningBot) -> int:
    """Every coach's digest time comes now (this second, UTC): the due digests are sent; how
    many went out."""
    now = bot.services.clock().astimezone(UTC).time().replace(microsecond=0)
    async with bot.services.database.transaction() as session:
        for coach in await repository.coaches.everyone(session):
            await repository.digests.set_time(session, coach.id, now, ZoneInfo("UTC"))
    return await DigestScheduler(bot.application, bot.services).send_due()


def is_digest(message: ChatMessage) -> bool:
    """The coach's daily digest: one photo, the list of members in its caption."""
    return message.file is not None and (message.caption or "").startswith("🗓 Your daily digest")


def is_digest_details(message: ChatMessage) -> bool:
    """The digest showing its details (the reasons in full) in its caption."""
    return ": the details" in (message.caption or "").split("\n", 1)[0]


async def digest_details(coach: SimulatedUser, digest: ChatMessage) -> list[str]:
    """Press Details on the digest; each member's part of it in full (one text each)."""
    await coach.press("Details", digest)
    await coach.wait_for_edit(digest, is_digest_details)
    return (digest.caption or "").split("\n\n")[1:]


async def digest_part(bot: RunningBot, coach: SimulatedUser, who: str) -> list[str]:
    """Send the digests; the lines of the member's part in the digest's details, after the
    line that names them (`who`, e.g. "Maya (@maya) #1")."""
    await send_the_digests(bot)
    digest = await coach.wait_for_message(is_digest)
    [part] = [part for part in await digest_details(coach, digest) if part.startswith(who)]
    return part.split("\n")[1:]
