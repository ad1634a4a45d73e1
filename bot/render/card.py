"""The workout card: one message per session, edited step by step into the summary.

Telegram HTML: headings and the amount to do in bold, cues in italics. Everything from a
protocol file (exercise names, cues, notes) is escaped, since a coach writes it. Exercise
names, sets and reps are the coach's; every other sentence here is ours.
"""

from __future__ import annotations

from datetime import datetime
from html import escape

from bot.render.protocol_text import block_summary, workout_minutes
from bot.rules.timers import Phase, TimerKindName, phase
from bot.views import BlockResult, CardStep, SessionSummary
from protocols.expand import Step
from protocols.schema import Variant, Workout

PARSE_MODE = "HTML"
BAR_CELLS = 10

BEFORE_QUESTION = (
    "Before you start: how does your back feel right now? 0 = no pain, 10 = the worst pain "
    "imaginable."
)
BEFORE_NOTED = "Back before you started: {pain}/10. Off you go!"
RESUMED_NOTICE = "Picking up where you left off."
CHOSEN_EASIER = "Switched to the easier version. It stays that way next time too."
CHOSEN_HARDER = "Switched to the harder version. It stays that way next time too."
CHOSEN_STANDARD = "Back to the version in your plan."
NO_EASIER_VERSION = (
    "⚠️ Noted. There's no easier version of {exercise} in your plan yet, so I've asked your "
    "coach to suggest one."
)
TOO_HARD_NOTED = "⚠️ {exercise}: noted as too hard."
HURT_STOPPED = (
    "🩹 {exercise} stopped for today (pain {pain}/10). If it keeps hurting, leave it out "
    "until your coach has had a look."
)
HURT_FLAGGED = " Your coach has been told."
STOPPED_ON_HOLD = (
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
        where = f"Circuit {block.label}"
        if step.round_count is not None and step.round_count > 1:
            return f"{where} · round {step.round_number} of {step.round_count}"
        return where
    where = f"Superset {block.label}" if block.kind == "superset" else f"Block {block.label}"
    if step.set_count > 1:
        return f"{where} · set {step.set_number} of {step.set_count}"
    return where


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def timer_line(kind: TimerKindName, now_phase: Phase) -> str:
    """The countdown on the card."""
    if kind == "rest":
        if now_phase.name == "over":
            return "😮‍💨 Rest's over: go when you're ready."
        return f"😮‍💨 <b>Rest {_clock(now_phase.seconds_left)}</b>, then this set."
    if now_phase.name == "ready":
        return f"⏱ <b>Get ready… {now_phase.seconds_left}</b>"
    if now_phase.name == "running":
        return f"⏱ <b>Hold: {_clock(now_phase.seconds_left)} left</b>"
    return "⏰ <b>Time's up!</b>"


def _amount_label(step: Step) -> str:
    if step.block.kind == "circuit":
        return "This round"
    return "This set" if step.set_count > 1 else "Do"


def exercise_lines(card: CardStep) -> list[str]:
    """The exercise as done at the member's level: name, amount, cue (and caution)."""
    step = card.step
    variant = card.variant
    lines = [f"<b>{escape(step.exercise.label)}) {escape(variant.name)}</b>"]
    if card.level != 0:
        direction = "easier" if card.level < 0 else "harder"
        lines.append(f"<i>{direction} version of {escape(step.exercise.name)}</i>")
    amount = variant.dosage.describe_set()
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
        lines += ["", f"About {escape(minutes)}."]
    return "\n".join(lines)


def before_text(card: CardStep, notice: str) -> str:
    """The card's first screen: the plan (`notice`, already HTML, under it) and the question
    about the back before the session; the first step comes after the tap."""
    return "\n\n".join([overview(card.workout), notice, f"<b>{escape(BEFORE_QUESTION)}</b>"])


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
    lines.append(escape(variant.how_to or variant.cue or "No extra notes for this one."))
    exercise = card.step.exercise
    others = [level for level in (card.level - 1, card.level + 1) if level in exercise.levels]
    if others:
        lines += ["", "Other versions you can switch to:"]
        for level in others:
            other = exercise.at_level(level)
            label = "Easier" if level < card.level else "Harder"
            lines.append(
                f"• {label}: <b>{escape(other.name)}</b>, {escape(other.dosage.describe_set())}"
            )
    return "\n".join(lines)


def level_notice(old: int, new: int) -> str:
    if new == 0:
        return CHOSEN_STANDARD
    return CHOSEN_EASIER if new < old else CHOSEN_HARDER


def too_hard_offer_text(card: CardStep, easier: Variant) -> str:
    """ "Too hard": the easier version, offered on the spot."""
    lines = [
        f"<b>{escape(heading(card.step))}</b>",
        f"⚠️ {escape(card.variant.name)} feels too hard? Try this instead:",
        "",
        f"<b>{escape(easier.name)}</b>",
        f"{_amount_label(card.step)}: <b>{escape(easier.dosage.describe_set())}</b>",
    ]
    if easier.cue is not None:
        lines.append(f"<i>{escape(easier.cue)}</i>")
    lines += ["", "If you switch, I'll keep it for your next sessions too."]
    return "\n".join(lines)


def hurt_question_text(card: CardStep) -> str:
    return "\n".join(
        [
            f"<b>{escape(heading(card.step))}</b>",
            f"🩹 Stop {escape(card.variant.name)} for now.",
            "How much does it hurt right now? 0 = no pain, 10 = the worst imaginable.",
        ]
    )


def too_hard_notice(exercise: str, asked_coach: bool) -> str:
    if asked_coach:
        return NO_EASIER_VERSION.format(exercise=escape(exercise))
    return TOO_HARD_NOTED.format(exercise=escape(exercise))


def hurt_notice(exercise: str, pain: int, flagged: bool) -> str:
    notice = HURT_STOPPED.format(exercise=escape(exercise), pain=pain)
    return notice + (HURT_FLAGGED if flagged else "")


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
    counts = f"{block.done}/{block.sets} done"
    extra = [
        f"{count} {word}"
        for count, word in (
            (block.skipped, "skipped"),
            (block.too_hard, "too hard"),
            (block.hurt, "hurt"),
        )
        if count
    ]
    tail = ", ".join([counts, *extra])
    return f"{_block_mark(block)} {escape(block.label)} · {names} ({tail})"


def summary_text(summary: SessionSummary) -> str:
    """The finished card: a line per block, the time taken."""
    title = escape(summary.title)
    head = (
        f"<b>Stopped: {title}</b>" if summary.stopped else f"<b>Session complete: {title}!</b> 🎉"
    )
    lines = [head, "", *(_block_line(block) for block in summary.blocks), ""]
    minutes = summary.minutes
    lines.append(f"⏱ {minutes} min" if minutes >= 1 else "⏱ under a minute")
    if summary.pain_before is not None:
        lines.append(f"Back before: {summary.pain_before}/10")
    if summary.too_hard:
        lines.append("Your coach will see which ones felt too hard.")
    return "\n".join(lines)


def stopped_text(summary: SessionSummary | None) -> str:
    """The card of a session a red flag stopped: why, then what was done (when known)."""
    if summary is None:
        return STOPPED_ON_HOLD
    return f"{STOPPED_ON_HOLD}\n\n{summary_text(summary)}"


def timer_alert_text(card: CardStep, kind: TimerKindName) -> str:
    """The one notifying message at a timer's end (it carries the step's buttons)."""
    where = escape(heading(card.step))
    name = escape(card.variant.name)
    if kind == "rest":
        return f"⏰ <b>Rest's over.</b> Next: {name} ({where})."
    return f"⏰ <b>Time's up</b> for {name} ({where})."


def demo_caption(exercise: str) -> str:
    return f"🎬 How {escape(exercise)} looks"
