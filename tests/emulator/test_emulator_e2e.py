"""A real python-telegram-bot Application against the emulator."""

from __future__ import annotations

import asyncio

from fixtures_emulator import RunBot
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from emulator import BotApiEmulator

Context = ContextTypes.DEFAULT_TYPE
KEYBOARD = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Done", callback_data="v1:done"),
            InlineKeyboardButton("Skip", callback_data="v1:skip"),
        ]
    ]
)


async def start(update: Update, context: Context) -> None:
    assert update.effective_message is not None
    await update.effective_message.reply_text(
        f"Hi <b>{update.effective_user.first_name if update.effective_user else ''}</b>!",
        parse_mode="HTML",
        reply_markup=KEYBOARD,
    )


async def pressed(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer("Saved")
    await query.edit_message_text(f"You chose {query.data}")


async def test_start_reaches_the_handler_and_the_reply_arrives(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    user = emulator.user(first_name="Dana", username="dana")
    async with run_bot([CommandHandler("start", start)]):
        await user.send_command("/start")
        reply = await user.wait_for_message()
    assert reply.text == "Hi Dana!"
    assert reply.parse_mode == "HTML"
    assert [b.text for b in reply.buttons] == ["Done", "Skip"]
    assert reply.sender["id"] == emulator.bot_id
    assert [r.method for r in emulator.calls("sendMessage")] == ["sendMessage"]
    assert emulator.calls("sendMessage")[0].params["chat_id"] == user.id


async def test_button_press_is_answered_and_the_message_edited(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    user = emulator.user()
    handlers = [CommandHandler("start", start), CallbackQueryHandler(pressed)]
    async with run_bot(handlers):
        await user.send_command("start")
        message = await user.wait_for_message()
        query = await user.press("Skip")
        await emulator.wait_until(lambda: query.answered and message.text == "You chose v1:skip")
    assert query.answer_text == "Saved"
    assert query.data == "v1:skip"
    assert message.buttons == []  # editing the text without reply_markup drops the keyboard
    assert [v.text for v in message.edit_history] == ["Hi Alex!"]
    assert message.edit_date is not None
    assert [r.method for r in emulator.requests if r.method != "getUpdates"][-2:] == [
        "answerCallbackQuery",
        "editMessageText",
    ]


async def test_callback_query_carries_from_message_and_chat_instance(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    user = emulator.user()
    seen: list[Update] = []

    async def record(update: Update, context: Context) -> None:
        seen.append(update)
        assert update.callback_query is not None
        await update.callback_query.answer()

    async with run_bot([CommandHandler("start", start), CallbackQueryHandler(record)]):
        await user.send_command("/start")
        message = await user.wait_for_message()
        query = await user.press("v1:done", message=message)
        await emulator.wait_until(lambda: query.answered)
    callback = seen[0].callback_query
    assert callback is not None
    assert callback.message is not None
    assert callback.from_user.id == user.id
    assert callback.message.message_id == message.message_id
    assert callback.chat_instance
    assert callback.id == query.id


async def test_users_video_reaches_the_bot_and_downloads_byte_for_byte(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    video = bytes(range(256)) * 64
    downloaded: list[bytes] = []

    async def on_video(update: Update, context: Context) -> None:
        assert update.message is not None
        assert update.message.video is not None
        assert update.to_dict()["message"]["video"]["duration"] == 7
        file = await update.message.video.get_file()
        downloaded.append(bytes(await file.download_as_bytearray()))
        await update.message.reply_text("Got it")

    user = emulator.user()
    async with run_bot([MessageHandler(filters.VIDEO, on_video)]):
        await user.send_video(video, file_name="squat.mp4", duration=7)
        await user.wait_for_message()
    assert downloaded == [video]


async def test_photo_upload_stores_the_real_bytes(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    user = emulator.user(known=True)
    png = b"\x89PNG\r\n\x1a\n" + b"chart" * 100
    async with run_bot() as app:
        sent = await app.bot.send_photo(user.id, png, caption="Your week", filename="week.png")
    stored = emulator.chat(user.id).messages[-1]
    assert stored.data == png
    assert stored.caption == "Your week"
    assert stored.file is not None
    assert stored.file.file_name == "week.png"
    assert sent.photo[-1].file_id == stored.file.file_id


async def test_forward_to_coach_and_coach_reply_reaches_the_bot(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    member = emulator.user(first_name="Member")
    coach = emulator.user(first_name="Coach", known=True)
    replies: list[tuple[int, str]] = []

    async def on_video(update: Update, context: Context) -> None:
        assert update.message is not None
        await update.message.forward(coach.id)
        await context.bot.copy_message(coach.id, update.message.chat_id, update.message.message_id)

    async def on_text(update: Update, context: Context) -> None:
        message = update.message
        assert message is not None
        assert message.reply_to_message is not None
        replies.append((message.reply_to_message.message_id, message.text or ""))

    handlers = [
        MessageHandler(filters.VIDEO, on_video),
        MessageHandler(filters.TEXT & filters.REPLY, on_text),
    ]
    async with run_bot(handlers):
        original = await member.send_video(b"form check", caption="Deadlift")
        forwarded = await coach.wait_for_message()
        copied = await coach.wait_for_message()
        await coach.reply_to(forwarded, "Brace harder")
        await emulator.wait_until(lambda: bool(replies))
    assert forwarded.forward_origin == {
        "type": "user",
        "sender_user": member.user,
        "date": original.date,
    }
    assert forwarded.data == copied.data == b"form check"
    assert copied.forward_origin is None
    assert copied.caption == "Deadlift"
    assert replies == [(forwarded.message_id, "Brace harder")]


async def test_duplicated_update_is_delivered_twice(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    seen: list[int] = []

    async def count(update: Update, context: Context) -> None:
        seen.append(update.update_id)

    user = emulator.user()
    emulator.faults.duplicate_next_update()
    async with run_bot([MessageHandler(filters.TEXT, count)]):
        await user.send_text("4")
        await emulator.wait_until(lambda: len(seen) == 2)
        await user.send_text("5")
        await emulator.wait_until(lambda: len(seen) == 3)
    assert seen[0] == seen[1] != seen[2]


async def test_message_ids_grow_per_chat_and_messages_keep_order(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    async def echo(update: Update, context: Context) -> None:
        assert update.message is not None
        await update.message.reply_text(update.message.text or "", do_quote=True)

    first, second = emulator.user(), emulator.user()
    async with run_bot([MessageHandler(filters.TEXT, echo)]):
        for text in ("a", "b"):
            await first.send_text(text)
            await first.wait_for_message()
        await second.send_text("c")
        await second.wait_for_message()
    assert [m.message_id for m in first.messages] == [1, 2, 3, 4]
    assert [m.text for m in first.messages] == ["a", "a", "b", "b"]
    assert [m.message_id for m in second.messages] == [1, 2]
    assert all(m.reply_to is not None for m in first.messages if m.from_bot)


async def test_long_poll_returns_promptly_when_an_update_arrives(
    emulator: BotApiEmulator, run_bot: RunBot
) -> None:
    user = emulator.user()
    answered = asyncio.Event()

    async def reply(update: Update, context: Context) -> None:
        answered.set()

    async with run_bot([MessageHandler(filters.TEXT, reply)], poll_timeout=30):
        await asyncio.sleep(0.1)  # let the bot settle into its long poll
        loop = asyncio.get_running_loop()
        started = loop.time()
        await user.send_text("hello")
        await asyncio.wait_for(answered.wait(), 2)
        assert loop.time() - started < 1.0
