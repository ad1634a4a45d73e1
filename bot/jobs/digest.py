"""The coaches' daily digests on APScheduler, through python-telegram-bot's JobQueue.

One repeating job (`digests`) looks every `TICK` at every coach: a coach whose digest time has
come since their last digest gets it, built and claimed in one transaction
(`bot.services.digest.claim_and_build`), so it goes out once a day whatever restarts or second
processes do. Nothing is planned per coach, so a coach added, a /digest time changed or a
restart needs no re-planning: the next look finds what is due. A digest missed while the bot
was down is sent at start-up within `REMINDER_GRACE`; later than that, the next day's digest
covers the time since the last one.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot import alerts
from bot.context import BotServices
from bot.services import digest

log = logging.getLogger(__name__)

TICK = timedelta(minutes=1)
"""How often the coaches are looked at: a digest comes at most this late."""

JOB_NAME = "digests"


class DigestScheduler:
    """Sends each coach their daily digest, once a day, at their time."""

    def __init__(
        self, application: Application[Any, Any, Any, Any, Any, Any], services: BotServices
    ) -> None:
        job_queue = application.job_queue
        if job_queue is None:
            raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
        self._jobs: JobQueue[Any] = job_queue
        self._bot: ExtBot[Any] = application.bot
        self._services = services

    def start(self) -> None:
        """Look now (a digest missed while the bot was down), then every `TICK`."""
        self._jobs.run_repeating(
            self._run_job,
            interval=TICK,
            first=0,
            name=JOB_NAME,
            job_kwargs={
                "id": JOB_NAME,
                "replace_existing": True,
                "coalesce": True,  # after a long pause (or a moved clock), look once
                "misfire_grace_time": None,
                "max_instances": 1,
            },
        )

    async def _run_job(self, _context: CallbackContext[Any, Any, Any, Any]) -> None:
        await self.send_due()

    async def send_due(self) -> int:
        """Send every digest that is due now; how many went out."""
        sent = 0
        for coach_id in await digest.coach_ids(self._services):
            try:
                built = await digest.claim_and_build(
                    self._services, coach_id, self._services.clock()
                )
                if built is not None and await alerts.send_digest(self._bot, self._services, built):
                    sent += 1
            except Exception:  # one coach's failure must not cost the others their digest
                log.exception("digest for coach %s failed", coach_id)
        return sent
