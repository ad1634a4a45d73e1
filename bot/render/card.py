"""The workout card: one message per session, edited step by step into the summary.

Telegram HTML: headings and the amount to do in bold, cues in italics. Everything from a
protocol file (exercise names, cues, notes) is escaped, since a coach writes it. Exercise
names, sets and reps are the coach's; every other sentence here is ours.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from bot.render.i18n import N_, _, ngettext
from bot.render.protocol_text import block_summary, set_amount, workout_minutes
from bot.rules.timers import Phase, TimerKindName, phase
from bot.views import BlockResult, CardStep, SessionSummary
from protocols.expand import Step
from protocols.schema import Variant, Workout

PARSE_MODE = "HTML"
BAR_CELLS = 10

BEFORE_QUESTION = N_(
    "Before you start: how does your back feel right now? 0 = no pain, 10 = the worst pain "
    "imaginable."
)
BEFORE_NOTED = N_("Back before you started: {pain}/10. Off you go!")
RESUMED_NOTICE = N_("Picking up where you left off.")
CHOSEN_EASIER = N_("Switched to the easier version. It stays that way next time too.")
CHOSEN_HARDER = N_("Switched to the harder version. It stays that way next time too.")
CHOSEN_STANDARD = N_("Back to the version in your plan.")
NO_EASIER_VERSION = N_(
    "⚠️ Noted. There's no easier version of {exercise} in your plan yet, so I've asked your "
    "coach to suggest one."
)
TOO_HARD_NOTED = N_("⚠️ {exercise}: noted as too hard.")
HURT_STOPPED = N_(
    "🩹 {exercise} stopped for today (pain {pain}/10). If it keeps hurting, leave it out "
    "until your coach has had a look."
)
HURT_FLAGGED = N_("Your coach has been told.")
STOPPED_ON_HOLD = N_(
    "⏸ This session has stopped here, and your programme is on hold until your coach has "
    "checked in with you."
)


def progress_bar(done: int, total: int) -> str:
    """'▰▰▰▱▱▱▱▱▱▱' for `done` steps out of `total`."""
    filled = round(BAR_CELLS * done / total) if total else BAR_CELLS
    return "▰" * filled + "▱" * (BAR_CELLS - filled)


def heading(step: Step) -> str:
    """'Superset E · set 2 of 3', 'Circuit 1 · round 2 of 3', 'Block C'."""
    block = step.block
    if block.kind == "circuit":
        where = _("Circuit {label}").format(label=block.label)
        if step.round_count is not None and step.round_count > 1:
            return _("{where} · round {number} of {count}").format(
                where=where, number=step.round_number, count=step.round_count
            )
        return where
    if block.kind == "superset":
        where = _("Superset {label}").format(label=block.label)
    else:
        where = _("Block {label}").format(label=block.label)
    if step.set_count > 1:
        return _("{where} · set {number} of {count}").format(
            where=where, number=step.set_number, count=step.set_count
        )
    return where


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def timer_line(kind: TimerKindName, now_phase: Phase) -> str:
    """The countdown on the card."""
    if kind == "rest":
        if now_phase.name == "over":
            return _("😮‍💨 Rest's over: go when you're ready.")
        return _("😮‍💨 <b>Rest {clock}</b>, then this set.").format(
            clock=_clock(now_phase.seconds_left)
        )
    if now_phase.name == "ready":
        return _("⏱ <b>Get ready… {seconds}</b>").format(seconds=now_phase.seconds_left)
    if now_phase.name == "running":
        return _("⏱ <b>Hold: {clock} left</b>").format(clock=_clock(now_phase.seconds_left))
    return _("⏰ <b>Time's up!</b>")


def _amount_label(step: Step) -> str:
    if step.block.kind == "circuit":
        return _("This round")
    return _("This set") if step.set_count > 1 else _("Do")


def exercise_lines(card: CardStep) -> list[str]:
    """The exercise as done at the member's level: name, amount, cue (and caution)."""
    step = card.step
    variant = card.variant
    lines = [f"<b>{escape(step.exercise.label)}) {escape(variant.name)}</b>"]
    if card.level != 0:
        name = escape(step.exercise.name)
        if card.level < 0:
            lines.append(_("<i>easier version of {exercise}</i>").format(exercise=name))
        else:
            lines.append(_("<i>harder version of {exercise}</i>").format(exercise=name))
    amount = set_amount(variant.dosage)
    lines.append(f"{_amount_label(step)}: <b>{escape(amount)}</b>")
    if variant.cue is not None:
        lines.append(f"<i>{escape(variant.cue)}</i>")
    if card.level == 0 and step.exercise.caution is not None:
        lines.append(f"⚠️ {escape(step.exercise.caution)}")
    return lines


def overview(workout: Workout) -> str:
    """The top of the first card: title, intent, the blocks, and how long it takes."""
    lines = [f"<b>{escape(workout.title)}</b>", escape(workout.intent), ""]
    lines += [f"• {escape(block_summary(block))}" for block in workout.blocks]
    minutes = workout_minutes(workout)
    if minutes is not None:
        lines += ["", _("About {minutes}.").format(minutes=escape(minutes))]
    return "\n".join(lines)


def before_text(card: CardStep, notice: str) -> str:
    """The card's first screen: the plan (`notice`, already HTML, under it) and the question
    about the back before the session; the first step comes after the tap."""
    return "\n\n".join([overview(card.workout), notice, f"<b>{escape(BEFORE_QUESTION())}</b>"])


def before_notice(pain: int | None) -> str | None:
    """Above the first step: the score just tapped (nothing when skipped)."""
    return None if pain is None else BEFORE_NOTED.format(pain=pain)


def card_text(card: CardStep, now: datetime, *, notice: str | None = None) -> str:
    """The card at its step; `notice` (already HTML) says what just happened."""
    parts = []
    if notice:
        parts.append(notice)
    lines = [f"<b>{escape(heading(card.step))}</b>", *exercise_lines(card)]
    if card.timer is not None:
        lines.append(timer_line(card.timer.kind, phase(card.timer, now)))
    index = card.step.index
    lines.append(f"{progress_bar(index, card.step_count)} {index + 1}/{card.step_count}")
    parts.append("\n".join(lines))
    return "\n\n".join(parts)


def how_to_text(card: CardStep) -> str:
    """Behind "How to": the longer note (or the cue), and the other versions there are."""
    variant = card.variant
    lines = [f"<b>{escape(heading(card.step))}</b>", *exercise_lines(card)[:1], ""]
    lines.append(escape(variant.how_to or variant.cue or _("No extra notes for this one.")))
    exercise = card.step.exercise
    others = [level for level in (card.level - 1, card.level + 1) if level in exercise.levels]
    if others:
        lines += ["", _("Other versions you can switch to:")]
        for level in others:
            other = exercise.at_level(level)
            label = _("Easier") if level < card.level else _("Harder")
            lines.append(
                f"• {label}: <b>{escape(other.name)}</b>, {escape(set_amount(other.dosage))}"
            )
    return "\n".join(lines)


def level_notice(old: int, new: int) -> str:
    if new == 0:
        return CHOSEN_STANDARD()
    return CHOSEN_EASIER() if new < old else CHOSEN_HARDER()


def too_hard_offer_text(card: CardStep, easier: Variant) -> str:
    """ "Too hard": the easier version, offered on the spot."""
    lines = [
        f"<b>{escape(heading(card.step))}</b>",
        _("⚠️ {exercise} feels too hard? Try this instead:").format(
            exercise=escape(card.variant.name)
        ),
        "",
        f"<b>{escape(easier.name)}</b>",
        f"{_amount_label(card.step)}: <b>{escape(set_amount(easier.dosage))}</b>",
    ]
    if easier.cue is not None:
        lines.append(f"<i>{escape(easier.cue)}</i>")
    lines += ["", _("If you switch, I'll keep it for your next sessions too.")]
    return "\n".join(lines)


def hurt_question_text(card: CardStep) -> str:
    return "\n".join(
        [
            f"<b>{escape(heading(card.step))}</b>",
            _("🩹 Stop {exercise} for now.").format(exercise=escape(card.variant.name)),
            _("How much does it hurt right now? 0 = no pain, 10 = the worst imaginable."),
        ]
    )


def too_hard_notice(exercise: str, asked_coach: bool) -> str:
    if asked_coach:
        return NO_EASIER_VERSION.format(exercise=escape(exercise))
    return TOO_HARD_NOTED.format(exercise=escape(exercise))


def hurt_notice(exercise: str, pain: int, flagged: bool) -> str:
    notice = HURT_STOPPED.format(exercise=escape(exercise), pain=pain)
    return f"{notice} {HURT_FLAGGED()}" if flagged else notice


def _block_mark(block: BlockResult) -> str:
    if block.hurt:
        return "🩹"
    if block.too_hard:
        return "⚠️"
    if block.done == 0:
        return "⏭"
    return "✅"


def _block_line(block: BlockResult) -> str:
    names = " + ".join(escape(name) for name in block.names)
    counts = _("{done}/{sets} done").format(done=block.done, sets=block.sets)
    extra = [
        words.format(count=count)
        for count, words in (
            (block.skipped, ngettext("{count} skipped", "{count} skipped", block.skipped)),
            (block.too_hard, ngettext("{count} too hard", "{count} too hard", block.too_hard)),
            (block.hurt, ngettext("{count} hurt", "{count} hurt", block.hurt)),
        )
        if count
    ]
    tail = _(", ").join([counts, *extra])
    return f"{_block_mark(block)} {escape(block.label)} · {names} ({tail})"


def summary_text(summary: SessionSummary) -> str:
    """The finished card: a line per block, the time taken."""
    title = escape(summary.title)
    if summary.stopped:
        head = _("<b>Stopped: {title}</b>").format(title=title)
    else:
        head = _("<b>Session complete: {title}!</b> 🎉").format(title=title)
    lines = [head, "", *(_block_line(block) for block in summary.blocks), ""]
    minutes = summary.minutes
    if minutes >= 1:
        lines.append(
            ngettext("⏱ {minutes} min", "⏱ {minutes} min", minutes).format(minutes=minutes)
        )
    else:
        lines.append(_("⏱ under a minute"))
    if summary.pain_before is not None:
        lines.append(_("Back before: {pain}/10").format(pain=summary.pain_before))
    if summary.too_hard:
        lines.append(_("Your coach will see which ones felt too hard."))
    return "\n".join(lines)


def stopped_text(summary: SessionSummary | None) -> str:
    """The card of a session a red flag stopped: why, then what was done (when known)."""
    if summary is None:
        return STOPPED_ON_HOLD()
    return f"{STOPPED_ON_HOLD()}\n\n{summary_text(summary)}"


def timer_alert_text(card: CardStep, kind: TimerKindName) -> str:
    """The one notifying message at a timer's end (it carries the step's buttons)."""
    where = escape(heading(card.step))
    name = escape(card.variant.name)
    if kind == "rest":
        return _("⏰ <b>Rest's over.</b> Next: {exercise} ({where}).").format(
            exercise=name, where=where
        )
    return _("⏰ <b>Time's up</b> for {exercise} ({where}).").format(exercise=name, where=where)


def demo_caption(exercise: str) -> str:
    return _("🎬 How {exercise} looks").format(exercise=escape(exercise))
