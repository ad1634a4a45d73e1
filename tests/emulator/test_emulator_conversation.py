"""What a two-way conversation needs from the emulator: voice notes, media replies, a user's
edits and the bot's reactions."""

from __future__ import annotations

from fixtures_emulator import RunBot
from telegram import ReactionTypeEmoji, Update
from telegram.ext import ContextTypes, MessageHandler, filters

from emulator import BotApiEmulator

Context = ContextTypes.DEFAULT_TYPE


async def test_a_voice_note_reaches_the_bot_with_its_duration_and_bytes(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    voice_bytes = b"OggS" + bytes(200)
    received: list[tuple[int, str | None, bytes]] = []

    async def on_voice(update: Update, context: Context) -> None:
        message = update.message
        assert message is not None
        assert message.voice is not None
        file = await message.voice.get_file()
        data = bytes(await file.download_as_bytearray())
        duration = update.to_dict()["message"]["voice"]["duration"]
        received.append((duration, message.voice.mime_type, data))
        await message.reply_text("heard")

    user = emulator.user()
    async with run_bot([MessageHandler(filters.VOICE, on_voice)]):
        await user.send_voice(voice_bytes, duration=12)
        await user.wait_for_message()
    assert received == [(12, "audio/ogg", voice_bytes)]


async def test_a_photo_can_reply_to_a_message(emulator: BotApiEmulator, run_bot: RunBot) -> None:
    replied_to: list[int] = []

    async def on_photo(update: Update, context: Context) -> None:
        message = update.message
        assert message is not None
        assert message.reply_to_message is not None
        replied_to.append(message.reply_to_message.message_id)

    user = emulator.user(known=True)
    async with run_bot([MessageHandler(filters.PHOTO, on_photo)]) as app:
        sent = await app.bot.send_message(user.id, "Show me your setup")
        await user.send_photo(b"\xff\xd8\xff photo", reply_to=user.messages[-1])
        await emulator.wait_until(lambda: bool(replied_to))
    assert replied_to == [sent.message_id]


async def test_a_users_edit_arrives_as_an_edited_message(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    edits: list[tuple[int, str | None, bool]] = []

    async def on_edit(update: Update, context: Context) -> None:
        message = update.edited_message
        assert message is not None
        edits.append((message.message_id, message.text, message.edit_date is not None))

    user = emulator.user()
    handler = MessageHandler(filters.UpdateType.EDITED_MESSAGE, on_edit)
    async with run_bot([handler]):
        original = await user.send_text("my back is sore")
        await user.edit(original, "my back is very sore")
        await emulator.wait_until(lambda: bool(edits))
    assert edits == [(original.message_id, "my back is very sore", True)]
    assert [version.text for version in original.edit_history] == ["my back is sore"]


async def test_editing_a_media_message_changes_its_caption(emulator: BotApiEmulator) -> None:
    user = emulator.user()
    photo = await user.send_photo(b"\xff\xd8\xff", caption="before")
    await user.edit(photo, "after")
    assert (photo.caption, photo.text) == ("after", None)


async def test_the_bot_can_react_to_a_users_message(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    user = emulator.user()
    message = await user.send_text("thanks!")
    async with run_bot() as app:
        await app.bot.set_message_reaction(user.id, message.message_id, ReactionTypeEmoji("👌"))
    assert message.reactions == ["👌"]
