"""What the bot says to members: plain, warm, short sentences, and never a Python error.

Step and protocol texts live in `bot.render.protocol_text`; this module holds the rest of the
conversation. Every function returns plain text (messages are sent without parse mode, so a
member's name or note can never break the formatting).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from bot.render.dates import weekday_name
from bot.render.i18n import N_, Text, _, ngettext
from bot.rules.emergency import EmergencyNumber
from bot.rules.pain_zone import PainZone
from bot.rules.places import zone_label
from bot.rules.weekly_cap import WorkoutChoice
from bot.views import (
    AboutCheckIn,
    AboutFormCheck,
    AboutMessage,
    AboutNothing,
    AboutSession,
    MemberSettings,
    MessageKindName,
    Schedule,
    Subject,
)

DISCLAIMER = N_(
    "Hi {name}! I'm your coach's check-in bot. I'll send you your back-care sessions one "
    "exercise at a time, remind you on the days you pick, and pass your notes and form videos "
    "to your coach.\n\n"
    "Before we start, please read this:\n"
    "• This is exercise coaching, not medical advice.\n"
    "• Some soreness after the first sessions is normal. Sharp, spreading or worsening pain "
    "is not: stop and tell your coach.\n"
    "• If you have serious pain, numbness, weakness, or trouble with bladder or bowel control, "
    "see a doctor or physiotherapist before you go on.\n\n"
    "Tap the button when you're ready."
)
CONSENT_BUTTON = N_("I understand, let's go")
CHOOSE_PROTOCOL = N_("Which protocol did your coach give you?")
CHOOSE_DAYS = N_(
    "On which days would you like a reminder? Tap to pick, then Done.\n"
    "(Each workout can be done up to {cap} times a week.)"
)
NEED_A_DAY = N_("Pick at least one day first.")
CHOOSE_TIME = N_("What time should I remind you? Tap an hour, or type a time like 06:30 or 7pm.")
BAD_TIME = N_("I couldn't read that as a time. Try something like 07:30, 18:00 or 6pm.")
MORNING_OR_EVENING = N_("In the morning or in the evening?")
CHOOSE_ZONE = N_(
    "Which time zone are you in? Tap one, or type your city (for example Porto or Seattle)."
)
SHARE_LOCATION_HINT = N_(
    "Or tap 📍 Share location below and I'll work out your time zone from where you are. "
    "I only keep the time zone, not the location."
)
SHARE_LOCATION_BUTTON = N_("📍 Share location")
WHICH_PLACE = N_("Which one do you mean?")
DID_YOU_MEAN = N_("I didn't find that name. Did you mean one of these?")
UNKNOWN_ZONE = N_(
    'I don\'t know the place "{text}". Try a town or city near you (like Madrid or Chicago), '
    "or share your location."
)
LOCATION_WITHOUT_ZONE = N_(
    "I couldn't find a time zone for that location. Please type your city instead."
)
MENU_OUT_OF_DATE = N_("That menu is out of date: send /start to change your settings.")
REMINDER_OUT_OF_DATE = N_(
    "That reminder is from another day, so nothing moved. /snooze moves today's."
)
WELCOME_BACK = N_(
    "Welcome back, {name}! You're on {protocol}, reminders {schedule}.\n"
    "What would you like to change?"
)
YOUR_COACHS_CHOICE = N_("{title} (your coach's choice)")
PROTOCOL_LOCKED = N_(
    "Your coach chose {title} for you, so it stays as it is. If you'd like a change, just ask them."
)
ASK_FOR_LINK = N_(
    "Hi! I'm the check-in bot your coach uses. To get started, open the invite link your "
    "coach sent you. No link yet? Ask your coach for one."
)
LINK_NOT_VALID = N_(
    "That invite link has expired or has already been used. Ask your coach for a fresh one, "
    "then open it again."
)
PRIVATE_ONLY = N_("Let's talk one to one: open a private chat with me and send /start there.")
NOTHING_CHANGED = N_("Great, everything stays as it is. Send /today when you're ready to train.")
DONE_BUTTON = N_("Done")
ALL_WEEK_DONE = N_(
    "You've done every session this week ({counts}). Rest, recover, and I'll see you next week!"
)
SESSION_OVER = N_("This session is already over, so that button does nothing now.")
NOT_THIS_STEP = N_("That answer is already saved. Here's where you are now.")
NOT_YOURS = N_("That button isn't for you.")
PAIN_QUESTION = N_(
    "How does your back feel right now? 0 = no pain, 10 = the worst pain imaginable."
)
PAIN_NOT_A_NUMBER = N_("Please send a whole number from 0 to 10, or tap one of the buttons.")
NOTE_QUESTION = N_(
    "Anything to add for your coach about how it felt? Type a short note, or tap No note."
)
NO_NOTE_BUTTON = N_("No note")
NOTE_SAVED = N_("Saved. Thank you! Rest well, and I'll remind you next time.")
NOTE_SENT = N_("Saved, and your coach will read it. Rest well, and I'll remind you next time.")
NOTE_TOO_LONG = N_(
    "That's a long note! I kept the first {limit} characters for your coach. "
    "Feel free to send more in a second message."
)
VIDEO_PROMPT = N_(
    'Send your clip now (a video or a video message). It goes to your coach with "{exercise}".'
)
VIDEO_SENT = N_("Got it, your video is on its way to your coach.")
VIDEO_KEPT_NO_COACH = N_(
    "Got your video and kept it. Your coach hasn't set up alerts yet, so they won't see it for now."
)
VIDEO_TOO_BIG = N_(
    "That video is too big for me to pass on ({size} MB, the limit is {limit} MB). "
    "Please trim it or send a shorter clip."
)
SENT_TO_COACH = N_("Sent to your coach ✉️ They'll answer you here.")
RECEIVED_REACTION = "👌"
"""Put on each further message of the same bundle: the first one was acknowledged in words."""
DAYS_CHOSEN = N_("Reminder days: {days} ✅")
TIME_CHOSEN = N_("Reminder time: {at} ✅")
ZONE_CHOSEN = N_("Time zone: {zone} ✅")
ZONE_CHOSEN_FROM_PLACE = N_("Time zone: {zone}, for {place} ✅")
CONSENT_GIVEN = N_("✅ Accepted")
PROTOCOL_CHOSEN = N_("✅ {title}")
PAIN_ANSWERED = N_("Your answer: {pain}")
PAIN_ALREADY_SAVED = N_("Your score for this session is already saved.")
MORNING_QUESTION = N_(
    "Good morning! How is your back this morning? 0 = no pain, 10 = the worst pain imaginable."
)
MORNING_THANKS = N_("Thanks, that helps your coach see how your back settles after a session.")
MORNING_PASSED = N_("That morning question has passed, so the button does nothing now.")
PAIN_THIS_STRONG = N_("pain of {pain} out of 10")
PROGRESS_CHART_TITLE = N_("Your pain after sessions")
NOT_ENROLLED = N_("You're not set up yet. Send /start and I'll walk you through it.")
UNKNOWN_COMMAND = N_("I don't know that command. /help lists what I can do.")
TEXT_TOO_LONG = N_("That message is very long, so I didn't keep it. Please send something shorter.")
SLOW_DOWN = N_("That's a lot at once! I'll skip messages for a few seconds, then I'm all yours.")
PAUSED = N_("Reminders paused. Send /resume whenever you want them back.")
RESUMED = N_("Reminders are back on. Next one: {when}.")
RESUMED_NO_NEXT = N_("Reminders are back on.")
PAUSED_BY_COACH = N_(
    "Your coach has paused your reminders for now. Send /resume whenever you want them back."
)
RESUMED_BY_COACH = N_("Your coach has turned your reminders back on. Next one: {when}.")
RESUMED_BY_COACH_NO_NEXT = N_("Your coach has turned your reminders back on.")
ALREADY_PAUSED = N_("Reminders are already paused. /resume turns them back on.")
ALREADY_RUNNING = N_("Reminders are already on.")
SNOOZED = N_("Okay, I'll remind you again at {when}.")
NOTHING_TO_SNOOZE = N_(
    "There's no reminder left today that I can move (I never remind you during quiet hours)."
)
DELETE_CONFIRM = N_(
    "This erases everything I have about you: settings, sessions, check-ins and videos sent "
    "through me. It can't be undone. Are you sure?"
)
DELETE_YES = N_("Yes, erase everything")
DELETE_NO = N_("No, keep it")
DELETED = N_("Done: everything about you is erased. Send /start if you ever want to come back.")
DELETE_CANCELLED = N_("Nothing was erased.")
SOMETHING_WENT_WRONG = N_(
    "Sorry, something went wrong on my side. Your answers so far are saved; please try "
    "again in a moment."
)
SCREENING_INTRO = N_(
    "Before your first session, a few quick safety questions. Answer for how you are now; "
    "if any answer is yes, I'll tell you what to do and let your coach know."
)
SCREENING_QUESTIONS: Mapping[str, Text] = {
    "saddle": N_(
        "Any numbness, tingling or odd feeling around your bottom, genitals or inner thighs, "
        "the area you'd sit on a saddle? For example, not feeling the paper when you wipe."
    ),
    "bladder_bowel": N_(
        "Any new trouble with your bladder or bowels? Finding it hard to start peeing, a weak "
        "flow, not feeling when you need to go, or leaking."
    ),
    "both_legs": N_(
        "Pain, numbness or weakness going down both legs, or a foot that drags or catches?"
    ),
    "chest": N_("Chest pain, or pain spreading to your chest, arm, jaw or tummy?"),
    "fever": N_(
        "A fever, or feeling hot and shivery, with your back pain? Or a weakened immune system "
        "(chemotherapy, a transplant, long-term steroid tablets)?"
    ),
    "history": N_(
        "Have you ever had cancer, lost weight lately without trying, or is your back pain "
        "there all the time and worse at night?"
    ),
    "fall": N_(
        "A recent fall, accident or knock to your back, or do you have osteoporosis (brittle "
        "bones)?"
    ),
    "follow_up": N_(
        "Quick safety check, as your pain has gone up: any new numbness between your legs, or "
        "new trouble with your bladder or bowels?"
    ),
}
SCREENING_HEADING = N_("Safety question {number} of {total}")
SCREENING_YES = N_("your yes to that safety question")
SCREENING_ANSWERED = N_("Your answer: {answer}")
SCREENING_ALREADY_ANSWERED = N_("You've answered that one already, thank you.")
YES = N_("Yes")
NO = N_("No")


def screening_question(key: str, number: int | None = None, total: int | None = None) -> str:
    """A question of the red-flag screen; the onboarding ones say where in the screen it is
    (the first one opens with why it is asked)."""
    question = SCREENING_QUESTIONS[key]()
    if number is None or total is None:
        return question
    heading = SCREENING_HEADING.format(number=number, total=total)
    asked = _("{heading}: {question}").format(heading=heading, question=question)
    return f"{SCREENING_INTRO()}\n\n{asked}" if number == 1 else asked


EMERGENCY_NOW = N_(
    "🚨 Please stop the exercises now. What you describe ({what}) needs a doctor straight "
    "away: go to an emergency department (A&E) now, or call {number}. Please don't wait to "
    "see if it settles."
)
URGENT_TODAY = N_(
    "⚠️ Please stop the exercises for now. What you describe ({what}) should be checked by a "
    "doctor today: call your doctor's surgery or an urgent care line and tell them about "
    "your back. If it gets worse, or you can't reach anyone, go to an emergency department or "
    "call {number}."
)
PROGRAMME_ON_HOLD = N_(
    "I've told your coach, and your programme is on hold (no workouts, no reminders) until "
    "they've checked in with you."
)
PROGRAMME_ON_HOLD_NO_COACH = N_(
    "Your programme is on hold (no workouts, no reminders). Your coach hasn't set up alerts "
    "yet, so please tell them yourself too."
)
LOCAL_EMERGENCY_NUMBER = N_(
    "your local emergency number (112 in Europe, 999 in the UK, 911 in the US)"
)
HELD = N_(
    "Your programme is on hold after what you told me, until your coach has checked in with "
    "you. If anything gets worse, please see a doctor or call {number}."
)
PROGRAMME_RESUMED = N_("Your coach has resumed your programme. Send /today whenever you're ready.")
HELP_HEADING = N_("Here's what I can do:")
HELP_COMMANDS = N_(
    "/today: start or continue today's session\n"
    "/progress: your week, streak and recent pain scores\n"
    "/snooze: move today's reminder by an hour\n"
    "/pause and /resume: stop or restart reminders\n"
    "/start: change your protocol, days, time or time zone\n"
    "/delete: erase everything I have about you\n\n"
    "Anything you write or send me here (a question, a voice note, a photo) goes to your "
    "coach, and their answers come back here. Send a video at any time and your coach will "
    "check your form."
)


def help_text() -> str:
    """/help for a member."""
    return f"{HELP_HEADING()}\n{HELP_COMMANDS()}"


MESSAGE_KIND_WORDS: Mapping[MessageKindName, Text] = {
    "text": N_("message"),
    "voice": N_("voice note"),
    "audio": N_("audio"),
    "photo": N_("photo"),
    "video": N_("video"),
    "video_note": N_("video message"),
    "document": N_("file"),
    "sticker": N_("sticker"),
    "animation": N_("GIF"),
    "other": N_("message"),
}
QUOTE_LENGTH = 60
"""Characters of the member's own words quoted above their coach's answer."""

_PAIN_WORDS: Mapping[PainZone, Text] = {
    "none": N_("0: no pain at all, lovely to hear."),
    "safe": N_("{pain} is low: a good sign."),
    "acceptable": N_("{pain} is moderate, within what's fine while your back gets used to this."),
    "above_acceptable": N_(
        "{pain} is above the comfortable range: thanks for telling me, your coach will see it."
    ),
    "critical": N_("{pain} is high: thanks for telling me, your coach will see it."),
    "urgent": N_("{pain} is very high: thanks for telling me, your coach will see it."),
}


def zone_chosen(label: str, place: str | None = None) -> str:
    """'Time zone: Lisbon (UTC+0), for Porto, Portugal ✅' (the place when one was named)."""
    if place is None:
        return ZONE_CHOSEN.format(zone=label)
    return ZONE_CHOSEN_FROM_PLACE.format(zone=label, place=place)


def day_names(days: Iterable[int]) -> str:
    """'Mon, Wed, Fri'."""
    return _(", ").join(weekday_name(day) for day in sorted(days))


def schedule_phrase(schedule: Schedule, now: datetime) -> str:
    """'Mon, Wed, Fri at 18:00 (London (UTC+1))': the zone as the set-up buttons show it,
    with the offset in force `now`."""
    return _("{days} at {time} ({zone})").format(
        days=day_names(schedule.days),
        time=f"{schedule.at:%H:%M}",
        zone=zone_label(schedule.zone.key, now),
    )


def all_set(settings: MemberSettings, now: datetime) -> str:
    """The message that closes onboarding (or a change of settings)."""
    return _(
        "All set! Protocol: {protocol}. Reminders: {schedule}.\n"
        "Send /today (or tap below) whenever you want to start a session."
    ).format(protocol=settings.protocol_title, schedule=schedule_phrase(settings.schedule, now))


def welcome_back(first_name: str, settings: MemberSettings, now: datetime) -> str:
    title = settings.protocol_title
    return WELCOME_BACK.format(
        name=first_name,
        protocol=YOUR_COACHS_CHOICE.format(title=title) if settings.chosen_by_coach else title,
        schedule=schedule_phrase(settings.schedule, now),
    )


def week_counts(counts: Mapping[str, tuple[int, int]], titles: Mapping[str, str]) -> str:
    """'Strengthening and Lengthening 3/3, Recovery and Movement 2/3'."""
    return _(", ").join(
        _("{workout} {done}/{cap}").format(workout=titles.get(key, key), done=done, cap=cap)
        for key, (done, cap) in counts.items()
    )


def progress(
    counts: Mapping[str, tuple[int, int]],
    titles: Mapping[str, str],
    streak_weeks: int,
    recent_pain: Sequence[int],
) -> str:
    """The /progress text (the pain chart goes with it as a photo)."""
    lines = [_("This week:")]
    lines += [
        _("• {workout}: {done} of {cap}").format(workout=titles.get(key, key), done=done, cap=cap)
        for key, (done, cap) in counts.items()
    ]
    if streak_weeks:
        lines.append(
            ngettext(
                "Streak: {count} week in a row with at least one session.",
                "Streak: {count} weeks in a row with at least one session.",
                streak_weeks,
            ).format(count=streak_weeks)
        )
    else:
        lines.append(_("No streak yet: one session this week starts it."))
    if recent_pain:
        scores = " → ".join(str(p) for p in recent_pain)
        lines.append(_("Recent pain scores: {scores}").format(scores=scores))
    else:
        lines.append(_("No pain scores yet: I'll ask after each session."))
    return "\n".join(lines)


def left_this_week(left: int) -> str:
    """Under the plan on the card: the sessions of this workout left after this one."""
    return ngettext(
        "After this one: {left} more this week.", "After this one: {left} more this week.", left
    ).format(left=left)


def progress_chart_caption(count: int, latest: int) -> str:
    """What the /progress chart shows, in words (its alt text in the demo)."""
    return ngettext(
        "Chart: your pain (0 to 10) after your last check-in, a {latest}.",
        "Chart: your pain (0 to 10) after your last {count} check-ins; the latest was {latest}.",
        count,
    ).format(count=count, latest=latest)


def pain_acknowledgement(pain: int, zone: PainZone) -> str:
    """What the member's pain score means, said back to them (never a bare "thanks")."""
    return _PAIN_WORDS[zone].format(pain=pain)


# --- coach → member (bot/handlers/coach.py, bot/handlers/messages.py) -------------------------
PROTOCOL_ASSIGNED = N_(
    "Your coach has moved you to {title}. Your days and time stay the same: {schedule}. "
    "Send /today when you're ready for your next session."
)


def _shorten(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def from_coach(coach_name: str, subject: Subject) -> str:
    """The line above a coach's message: who writes, and what they answer."""
    coach = coach_name
    match subject:
        case AboutMessage(_, text, _) if text:
            quoted = _shorten(text, QUOTE_LENGTH)
            return _('{coach} (your coach), answering "{quoted}":').format(
                coach=coach, quoted=quoted
            )
        case AboutMessage(kind, _, _):
            return _("{coach} (your coach), about your {kind}:").format(
                coach=coach, kind=MESSAGE_KIND_WORDS[kind]()
            )
        case AboutFormCheck(exercise, _) if exercise:
            return _("{coach} (your coach) on {exercise}:").format(coach=coach, exercise=exercise)
        case AboutFormCheck():
            return _("{coach} (your coach) on your form check:").format(coach=coach)
        case AboutCheckIn(pain) if pain is not None:
            return _("{coach} (your coach), about your check-in (pain {pain}):").format(
                coach=coach, pain=pain
            )
        case AboutCheckIn():
            return _("{coach} (your coach), about your check-in:").format(coach=coach)
        case AboutSession(workout_title):
            return _("{coach} (your coach), about your session ({workout}):").format(
                coach=coach, workout=workout_title
            )
        case AboutNothing():
            return _("{coach} (your coach):").format(coach=coach)


def emergency_number(number: EmergencyNumber) -> str:
    """The number to call: the member's country's, or the ones most members will know."""
    return number.number if number.country is not None else LOCAL_EMERGENCY_NUMBER()


def red_flag_answer(
    level: str, what: Sequence[str], number: EmergencyNumber, *, coach_told: bool | None
) -> str:
    """What someone is told at once when they report a red flag: where to go, how fast, and
    what they describe (`what`: the red-flag reader's labels of its findings); a member also
    hears that their programme is on hold, and whether their coach knows
    (`coach_told` None: not a member)."""
    template = EMERGENCY_NOW if level == "emergency" else URGENT_TODAY
    found = _(", ").join(_(label) for label in what)  # the reader's labels are message ids
    answer = template.format(what=found, number=emergency_number(number))
    if coach_told is None:
        return answer
    hold = PROGRAMME_ON_HOLD if coach_told else PROGRAMME_ON_HOLD_NO_COACH
    return f"{answer}\n\n{hold()}"


def held(number: EmergencyNumber) -> str:
    return HELD.format(number=emergency_number(number))


HANDED_OVER = N_("From now on {coach} is your coach.")
HANDED_OVER_UNNAMED = N_("From now on you have a new coach.")
NOTHING_ELSE_CHANGES = N_("Your protocol, days and time stay as they are.")


def handed_over(coach_name: str | None) -> str:
    """Told to a member whose coach handed them to another coach."""
    news = HANDED_OVER.format(coach=coach_name) if coach_name else HANDED_OVER_UNNAMED()
    return f"{news} {NOTHING_ELSE_CHANGES()}"


def reminder(title: str, choice: WorkoutChoice) -> str:
    """The reminder for the workout that is due."""
    left = choice.remaining_this_week
    return ngettext(
        "Time for your back session: {title}.\n"
        "{left} session of it left this week ({done} of {cap} done). "
        "Tap Start when you're ready.",
        "Time for your back session: {title}.\n"
        "{left} sessions of it left this week ({done} of {cap} done). "
        "Tap Start when you're ready.",
        left,
    ).format(title=title, left=left, done=choice.done_this_week, cap=choice.cap)


def nudge(title: str) -> str:
    """The one gentle nudge after an unanswered reminder."""
    return _("Just a gentle nudge: {title} is still waiting whenever you have 15 minutes.").format(
        title=title
    )
