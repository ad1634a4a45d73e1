"""Work the bot does on its own clock (APScheduler through the JobQueue): reminders."""
