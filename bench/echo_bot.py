"""The baseline: a bare python-telegram-bot bot making the same Bot API calls as a workout card.

By default it calls the Bot API through python-telegram-bot's own client (httpx);
``--aiohttp`` gives it the bot's (`bot.bot_api_http`), to tell the transport's share from the
rest. A command is answered with one message carrying a Done button (the card); each press is
answered and the pressed message edited into the next "step", until ``STEPS`` presses turn it
into a last text without buttons. No database, and no rate limiter unless ``--rate-limiter``;
updates are handled concurrently, as the real bot handles them. Configured like the bot, from
``TELEGRAM_BOT_TOKEN`` and ``TELEGRAM_API_BASE_URL``; run as ``python -m bench.echo_bot``.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
)

from bot.bot_api_http import AiohttpRequest
from bot.rate_limit import PacedRateLimiter

STEPS = 21
"""Presses on a Day 1 card: its first screen (the pain question before) and its 20 steps."""
FINAL_TEXT = "Session complete (echo)"


def _done_button(step: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("Done", callback_data=f"done:{step}")]])


async def echo(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is not None:
        await message.reply_text(f"Step 1: {message.text}", reply_markup=_done_button(1))


async def pressed(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    if query is None or query.data is None:
        return
    step = int(query.data.removeprefix("done:"))
    await query.answer()
    if step < STEPS:
        await query.edit_message_text(f"Step {step + 1}", reply_markup=_done_button(step + 1))
    else:
        await query.edit_message_text(FINAL_TEXT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rate-limiter",
        action="store_true",
        help="add the bot's PacedRateLimiter",
    )
    parser.add_argument(
        "--aiohttp",
        action="store_true",
        help="call the Bot API through the bot's client (bot.bot_api_http) instead of httpx",
    )
    arguments = parser.parse_args()
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        ApplicationBuilder()
        .token(os.environ["TELEGRAM_BOT_TOKEN"])
        .base_url(os.environ["TELEGRAM_API_BASE_URL"])
        .concurrent_updates(True)
    )
    if arguments.rate_limiter:
        builder = builder.rate_limiter(PacedRateLimiter())
    if arguments.aiohttp:
        builder = builder.request(AiohttpRequest()).get_updates_request(
            AiohttpRequest(connection_pool_size=1)
        )
    application = builder.build()
    application.add_handler(MessageHandler(None, echo))
    application.add_handler(CallbackQueryHandler(pressed))
    application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    main()
