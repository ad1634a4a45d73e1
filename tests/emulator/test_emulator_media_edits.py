"""Editing a photo the bot sent: its caption alone (editMessageCaption), or its image, caption
and buttons at once (editMessageMedia, the new image uploaded in the same request)."""

from __future__ import annotations

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, InputMediaPhoto
from telegram.error import BadRequest

from emulator import BotApiEmulator, SimulatedUser

FIRST = b"\x89PNG first"
SECOND = b"\x89PNG second"


@pytest.fixture
def coach(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(known=True)


def keyboard(data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("Next", callback_data=data)]])


async def test_a_caption_edit_changes_the_caption_and_buttons_and_keeps_the_image(
    emulator_bot: Bot, coach: SimulatedUser
) -> None:
    sent = await emulator_bot.send_photo(
        coach.id, FIRST, caption="page 1", reply_markup=keyboard("a")
    )
    await emulator_bot.edit_message_caption(
        coach.id, sent.message_id, caption="details", reply_markup=keyboard("b")
    )
    [photo] = coach.messages
    assert (photo.caption, photo.data, photo.buttons[0].callback_data) == ("details", FIRST, "b")
    assert [version.caption for version in photo.edit_history] == ["page 1"]


async def test_a_media_edit_replaces_the_image_caption_and_buttons(
    emulator_bot: Bot, coach: SimulatedUser
) -> None:
    sent = await emulator_bot.send_photo(
        coach.id, FIRST, caption="page 1", reply_markup=keyboard("a")
    )
    media = InputMediaPhoto(SECOND, caption="page 2", filename="chart.png")
    await emulator_bot.edit_message_media(
        media, coach.id, sent.message_id, reply_markup=keyboard("b")
    )
    [photo] = coach.messages
    assert (photo.caption, photo.data, photo.buttons[0].callback_data) == ("page 2", SECOND, "b")


async def test_a_caption_edit_that_changes_nothing_is_refused(
    emulator_bot: Bot, coach: SimulatedUser
) -> None:
    sent = await emulator_bot.send_photo(coach.id, FIRST, caption="page 1")
    with pytest.raises(BadRequest, match="Message is not modified"):
        await emulator_bot.edit_message_caption(coach.id, sent.message_id, caption="page 1")


async def test_a_text_message_has_no_caption_or_media_to_edit(
    emulator_bot: Bot, coach: SimulatedUser
) -> None:
    sent = await emulator_bot.send_message(coach.id, "plain")
    with pytest.raises(BadRequest, match="There is no caption in the message to edit"):
        await emulator_bot.edit_message_caption(coach.id, sent.message_id, caption="x")
    with pytest.raises(BadRequest, match="There is no media in the message to edit"):
        await emulator_bot.edit_message_media(InputMediaPhoto(SECOND), coach.id, sent.message_id)


async def test_a_caption_over_1024_characters_is_refused(
    emulator_bot: Bot, coach: SimulatedUser
) -> None:
    sent = await emulator_bot.send_photo(coach.id, FIRST, caption="page 1")
    with pytest.raises(BadRequest, match="Message caption is too long"):
        await emulator_bot.edit_message_caption(coach.id, sent.message_id, caption="x" * 1025)
