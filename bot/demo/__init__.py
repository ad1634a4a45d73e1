"""`python -m bot demo`: the real bot against the local Bot API emulator, with a web chat
in which one person plays a member and the coach (see `bot.demo.server`)."""
