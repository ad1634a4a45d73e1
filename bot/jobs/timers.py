"""Card timers on APScheduler, through python-telegram-bot's JobQueue.

Each running timer has one date job, `timer:<session id>`, at its next countdown redraw
(`bot.rules.timers.tick_times`) or at its end. A redraw edits the card and plans the next one;
the end clears the timer in the database, redraws the card and sends the one notifying message,
which carries the step's buttons (deleted once the step is answered). Planning a timer replaces
the session's earlier job, so a new timer cancels the old one; answering, stopping and the end
of the workout cancel it through `cancel`.

Redraws are cosmetic, so under load they give way: all countdowns together make at most
`COUNTDOWN_EDITS_PER_SECOND` edits a second (`aiolimiter`), and a redraw that finds the budget
spent is skipped (the next one shows the right time, as it is computed from the end time).
Ends are never skipped. Nothing lives only in memory: timers are kept on the session row and
`rebuild()` plans them again at start-up; one that ended while the bot was down ends at once,
with its notification only if it ended less than `ALERT_GRACE` ago.

Every job takes the member's lock (`MemberLocks`), as a button press does, and checks that its
timer is still the planned one, so a redraw never lands on a card a press has moved on.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.ext import Application, CallbackContext, ExtBot, JobQueue

from bot import sender
from bot.context import BotServices
from bot.render import card as card_render
from bot.render import keyboards
from bot.render.i18n import speaking
from bot.rules.timers import next_tick
from bot.services import card_timers, languages
from bot.services.card_timers import TimerTarget

log = logging.getLogger(__name__)

COUNTDOWN_EDITS_PER_SECOND = 20
"""Countdown redraws a second, all members together: two thirds of Telegram's 30 messages a
second, so members' presses (answered with edits too) and new messages keep room beside them."""

ALERT_GRACE = timedelta(minutes=10)
"""A timer that ended longer ago than this while the bot was down ends without a notification
(the member has moved on; the card is still redrawn)."""


def job_name(session_id: int) -> str:
    return f"timer:{session_id}"


class TimerScheduler:
    """Keeps one APScheduler job per running card timer."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        services: BotServices,
        *,
        edits_per_second: float = COUNTDOWN_EDITS_PER_SECOND,
    ) -> None:
        job_queue = application.job_queue
        if job_queue is None:
            raise RuntimeError("python-telegram-bot was installed without its job-queue extra")
        self._jobs: JobQueue[Any] = job_queue
        self._bot: ExtBot[Any] = application.bot
        self._services = services
        self._planned: dict[int, TimerTarget] = {}
        self._languages: dict[int, str | None] = {}
        """Each planned session's member's language, read once per timer."""
        self.budget = AsyncLimiter(edits_per_second, 1)
        self.skipped_redraws = 0
        """Redraws left out because the budget was spent (for the benchmark and tests)."""

    def plan(self, target: TimerTarget, drawn_at: datetime) -> None:
        """Run the card's timer, last drawn at `drawn_at`: its next redraw, or its end
        (replacing any earlier timer of the session)."""
        timer = target.card.timer
        if timer is None:
            self.cancel(target.card.session_id)
            return
        self._planned[target.card.session_id] = target
        self._schedule(target, next_tick(timer, drawn_at) or timer.ends_at)

    def cancel(self, session_id: int) -> None:
        """No more redraws or end for this session's timer."""
        self._languages.pop(session_id, None)
        if self._planned.pop(session_id, None) is None:
            return
        job = self._jobs.scheduler.get_job(job_name(session_id))
        if job is not None:
            job.remove()

    def next_run(self, session_id: int) -> datetime | None:
        """When the session's timer job runs next (tests), if one is planned."""
        job = self._jobs.scheduler.get_job(job_name(session_id))
        return job.next_run_time if job is not None else None

    async def rebuild(self) -> int:
        """Plan every timer kept in the database (at start-up); how many."""
        targets = await card_timers.running(self._services)
        now = self._services.clock()
        for target in targets:
            self.plan(target, now)
        log.info("card timers rebuilt: %d", len(targets))
        return len(targets)

    def _schedule(self, target: TimerTarget, at: datetime) -> None:
        name = job_name(target.card.session_id)
        self._jobs.run_once(
            self._run_job,
            at,
            data=target,
            name=name,
            # A running job plans its successor under the same id, which may fall due before
            # the running one has returned (a clock moved on, a slow edit).
            job_kwargs={
                "id": name,
                "replace_existing": True,
                "misfire_grace_time": None,
                "max_instances": 2,
            },
        )

    async def _run_job(self, context: CallbackContext[Any, Any, Any, Any]) -> None:
        job = context.job
        if job is not None and isinstance(job.data, TimerTarget):
            await self.run(job.data)

    async def run(self, target: TimerTarget) -> None:
        """A redraw or the end of `target`'s timer, whichever is due."""
        timer = target.card.timer
        assert timer is not None
        async with self._services.locks.hold(target.user_id):
            if self._planned.get(target.card.session_id) is not target:
                return  # answered, stopped or replaced while this job waited for the lock
            now = self._services.clock()
            session_id = target.card.session_id
            if session_id not in self._languages:
                self._languages[session_id] = await languages.of_chat(
                    self._services, target.chat_id
                )
            with speaking(self._languages[session_id]):
                if now >= timer.ends_at:
                    del self._planned[session_id]
                    del self._languages[session_id]
                    await self._end(target, now)
                    return
                await self._redraw(target, now)
            self._schedule(target, next_tick(timer, now) or timer.ends_at)

    async def _redraw(self, target: TimerTarget, now: datetime) -> None:
        if target.card_message_id is None:
            return
        if not self.budget.has_capacity():
            self.skipped_redraws += 1
            return
        await self.budget.acquire()
        await sender.edit_text(
            self._bot,
            target.chat_id,
            target.card_message_id,
            card_render.card_text(target.card, now),
            keyboards.card_keyboard(target.card),
            parse_mode=card_render.PARSE_MODE,
        )

    async def _end(self, target: TimerTarget, now: datetime) -> None:
        timer = target.card.timer
        assert timer is not None
        ended = await card_timers.ended(self._services, target.card.session_id, timer)
        if ended is None:
            return
        card = ended.target.card
        if ended.target.card_message_id is not None:
            await sender.edit_text(
                self._bot,
                ended.target.chat_id,
                ended.target.card_message_id,
                card_render.card_text(card, now),
                keyboards.card_keyboard(card),
                parse_mode=card_render.PARSE_MODE,
            )
        if now - timer.ends_at > ALERT_GRACE:
            return
        alert = await sender.send_text(
            self._bot,
            self._services.database,
            ended.target.chat_id,
            card_render.timer_alert_text(card, ended.kind),
            keyboards.timer_alert(card),
            parse_mode=card_render.PARSE_MODE,
        )
        if alert is not None:
            await card_timers.alert_sent(self._services, card.session_id, alert.message_id)
