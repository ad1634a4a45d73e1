"""The coach's dashboard: a Telegram Mini App (aiohttp routes, authentication, the page)."""
