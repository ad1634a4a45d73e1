"""`sender.edit_text`: the edit reaches Telegram whole (text, parse mode, buttons), without a
library warning, and the harmless refusals (unchanged, already gone) stay quiet."""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.ext import ExtBot

from bot import sender
from emulator import BotApiEmulator, SimulatedUser


@pytest.fixture
def member(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(first_name="Member", known=True)


@pytest.fixture
async def bot(emulator: BotApiEmulator) -> AsyncIterator[sender.AnyBot]:
    async with ExtBot(emulator.bot_token, base_url=emulator.base_url) as extbot:
        yield extbot


def buttons(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=label.lower()) for label in labels]]
    )


async def test_an_edit_replaces_text_parse_mode_and_buttons_without_a_warning(
    bot: sender.AnyBot, member: SimulatedUser
) -> None:
    card = await bot.send_message(member.id, "Step 1", reply_markup=buttons("Done"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        await sender.edit_text(
            bot,
            member.id,
            card.message_id,
            "<b>Step 2</b> of 20",
            buttons("Done", "Skip"),
            parse_mode="HTML",
        )
    edited = member.messages[0]
    assert edited.text == "Step 2 of 20"
    assert edited.entities == [{"type": "bold", "offset": 0, "length": 6}]
    assert [button.text for button in edited.buttons] == ["Done", "Skip"]


async def test_an_edit_without_buttons_takes_them_off(
    bot: sender.AnyBot, member: SimulatedUser
) -> None:
    card = await bot.send_message(member.id, "Step 20", reply_markup=buttons("Done"))
    await sender.edit_text(bot, member.id, card.message_id, "Session complete")
    assert member.messages[0].text == "Session complete"
    assert member.messages[0].buttons == []


@pytest.mark.parametrize("gone", [False, True], ids=["unchanged", "message-deleted"])
async def test_harmless_refusals_are_not_errors(
    bot: sender.AnyBot, member: SimulatedUser, emulator: BotApiEmulator, gone: bool
) -> None:
    card = await bot.send_message(member.id, "Step 1", reply_markup=buttons("Done"))
    if gone:
        emulator.faults.delete_message(member.id, card.message_id)
    await sender.edit_text(bot, member.id, card.message_id, "Step 1", buttons("Done"))
    assert emulator.calls("editMessageText")[-1].status == 400
