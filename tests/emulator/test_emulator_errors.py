"""Bot mistakes and injected faults surface as the exceptions PTB raises against Telegram."""

from __future__ import annotations

import asyncio
import datetime as dtm
import re
import warnings
from typing import Any

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from emulator import BotApiEmulator, SimulatedUser


@pytest.fixture
def member(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(first_name="Member", known=True)


def keyboard(*callback_data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(d[:10], callback_data=d)] for d in callback_data]
    )


BUTTONS = [f"b{i}" for i in range(101)]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"text": "   "}, "Message text is empty"),
        ({"text": "x" * 4097}, "Message is too long"),
        ({"text": "<b>" + "x" * 4096 + "</b>", "parse_mode": "HTML"}, None),
        ({"text": "ok", "reply_markup": keyboard("x" * 65)}, "Button_data_invalid"),
        ({"text": "ok", "reply_markup": keyboard("é" * 33)}, "Button_data_invalid"),
        (
            {"text": "ok", "reply_markup": keyboard(*[f"b{i}" for i in range(101)])},
            "Reply_markup_too_long",
        ),
        ({"text": "ok", "reply_markup": keyboard(*[f"b{i}" for i in range(100)])}, None),
        ({"text": "a <foo> b", "parse_mode": "HTML"}, 'Unsupported start tag "foo"'),
        ({"text": "<b>open", "parse_mode": "HTML"}, "Can't find end tag"),
        ({"text": "Pain 3.5/10", "parse_mode": "MarkdownV2"}, "Character '.' is reserved"),
        ({"text": "*bold", "parse_mode": "MarkdownV2"}, "Can't find end of Bold entity"),
        ({"text": r"*Pain* 3\.5/10", "parse_mode": "MarkdownV2"}, None),
        ({"text": "hi", "parse_mode": "BBCode"}, "Unsupported parse_mode"),
        ({"text": "hi", "api_kwargs": {"colour": "red"}}, 'Unknown parameter "colour"'),
        ({"text": "hi", "api_kwargs": {"protect_content": "maybe"}}, "must be of type Boolean"),
        (
            {"text": "hi", "reply_parameters": {"message_id": 999}},
            "Message to be replied not found",
        ),
    ],
)
async def test_send_message_validation(
    emulator_bot: Bot, member: SimulatedUser, kwargs: dict[str, Any], error: str | None
) -> None:
    if error is None:
        await emulator_bot.send_message(member.id, **kwargs)
        return
    # PTB drops Telegram's "Bad Request: " prefix and capitalises the rest.
    with pytest.raises(BadRequest, match=f"(?i){re.escape(error)}"):
        await emulator_bot.send_message(member.id, **kwargs)


async def test_visible_text_is_stored_without_markup(
    emulator_bot: Bot, member: SimulatedUser
) -> None:
    sent = await emulator_bot.send_message(member.id, "<b>Squat</b> &amp; hinge", parse_mode="HTML")
    assert sent.text == "Squat & hinge"
    assert member.messages[-1].text == "Squat & hinge"


async def test_chat_not_found_until_the_user_writes(
    emulator: BotApiEmulator, emulator_bot: Bot
) -> None:
    stranger = emulator.user()
    with pytest.raises(BadRequest, match="Chat not found"):
        await emulator_bot.send_message(stranger.id, "hello")
    await stranger.send_text("hi")
    await emulator_bot.send_message(stranger.id, "hello")


async def test_lenient_chats_accept_any_private_chat() -> None:
    async with BotApiEmulator(strict_chats=False) as emulator:
        async with Bot(emulator.bot_token, base_url=emulator.base_url) as bot:
            await bot.send_message(4242, "hello")
        assert emulator.chat(4242).messages[0].text == "hello"


async def test_edits_report_missing_unchanged_and_foreign_messages(
    emulator_bot: Bot, member: SimulatedUser
) -> None:
    sent = await emulator_bot.send_message(
        member.id, "Rate your pain", reply_markup=keyboard("p:1")
    )
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await emulator_bot.edit_message_text("x", chat_id=member.id, message_id=999)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await sent.edit_text("Rate your pain", reply_markup=keyboard("p:1"))
    with pytest.raises(BadRequest, match="Message is not modified"):
        await sent.edit_reply_markup(keyboard("p:1"))
    own = await member.send_text("mine")
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await emulator_bot.edit_message_text("x", chat_id=member.id, message_id=own.message_id)
    edited = await sent.edit_reply_markup(None)
    assert edited.reply_markup is None
    assert member.messages[0].edit_history[0].reply_markup == keyboard("p:1").to_dict()


async def test_other_not_found_errors(emulator_bot: Bot, member: SimulatedUser) -> None:
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await emulator_bot.delete_message(member.id, 77)
    with pytest.raises(BadRequest, match="Query is too old"):
        await emulator_bot.answer_callback_query("123")
    with pytest.raises(BadRequest, match="Invalid file_id"):
        await emulator_bot.get_file("nope")
    with pytest.raises(BadRequest, match="Message to copy not found"):
        await emulator_bot.copy_message(member.id, member.id, 77)
    with pytest.raises(BadRequest, match="Wrong parameter action"):
        await emulator_bot.send_chat_action(member.id, "dancing")


async def test_deleted_messages_are_gone(
    emulator: BotApiEmulator, emulator_bot: Bot, member: SimulatedUser
) -> None:
    sent = await emulator_bot.send_message(member.id, "oops")
    assert await sent.delete()
    assert member.chat.bot_messages == []
    second = await emulator_bot.send_message(member.id, "again")
    emulator.faults.delete_message(member.id, second.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await second.edit_text("edited")


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_rate_limit_fault_raises_retry_after(
    emulator: BotApiEmulator, emulator_bot: Bot, member: SimulatedUser
) -> None:
    emulator.faults.rate_limit(calls=2, retry_after=3, method="sendMessage")
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await emulator_bot.send_message(member.id, "hi")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PTBDeprecationWarning)
            assert caught.value.retry_after in (3, dtm.timedelta(seconds=3))
    await emulator_bot.send_message(member.id, "hi")
    assert [r.status for r in emulator.calls("sendMessage")] == [429, 429, 200]


@pytest.mark.parametrize("code", [500, 502])
async def test_server_errors_raise_network_error(
    emulator: BotApiEmulator, emulator_bot: Bot, member: SimulatedUser, code: int
) -> None:
    emulator.faults.server_error(code=code, calls=1)
    with pytest.raises(NetworkError):
        await emulator_bot.send_message(member.id, "hi")
    await emulator_bot.send_message(member.id, "hi")


async def test_blocked_chat_raises_forbidden(
    emulator: BotApiEmulator, emulator_bot: Bot, member: SimulatedUser
) -> None:
    emulator.faults.block_chat(member.id)
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await emulator_bot.send_message(member.id, "Time to train!")
    with pytest.raises(Forbidden):
        await emulator_bot.send_chat_action(member.id, "typing")
    emulator.faults.unblock_chat(member.id)
    await emulator_bot.send_message(member.id, "Time to train!")


async def test_latency_delays_answers(emulator: BotApiEmulator, emulator_bot: Bot) -> None:
    emulator.faults.latency(0.2, method="getMe")
    loop = asyncio.get_running_loop()
    started = loop.time()
    await emulator_bot.get_me()
    assert loop.time() - started >= 0.2
    emulator.faults.latency(0, method="getMe")


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
async def test_enforced_flood_limit_answers_429(
    emulator: BotApiEmulator, emulator_bot: Bot, member: SimulatedUser
) -> None:
    limiter = emulator.enforce_rate_limit(per_second=30, per_chat_per_second=2)
    await emulator_bot.send_message(member.id, "1")
    await emulator_bot.send_message(member.id, "2")
    with pytest.raises(RetryAfter):
        await emulator_bot.send_message(member.id, "3")
    other = emulator.user(known=True)
    await emulator_bot.send_message(other.id, "elsewhere")
    assert limiter.rejected == 1
    emulator.lift_rate_limit()
    await emulator_bot.send_message(member.id, "3")
