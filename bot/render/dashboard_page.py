"""The dashboard page's own words (headings, column heads, buttons, empty states, labels for
screen readers), in the coach's language.

The page is static (``bot/web/static/``) and learns who is looking only from Telegram's
launch data, so its words come with the first answer of the API (`/api/me`, under "words"):
a key for each, the English message translated, `{placeholders}` left for the page's script
to fill. The static HTML holds the English, shown until they arrive; an element names its
word by ``data-text`` (its text), ``data-label`` (``aria-label``), ``data-placeholder`` or
``data-abbr``. Weekday and month names (the calendar's heads, the pain chart's axis) are
Babel's, for the coach's locale.
"""

from __future__ import annotations

from collections.abc import Mapping

from babel.dates import get_day_names, get_month_names

from bot.render.dates import month_name, weekday_name
from bot.render.i18n import N_, Text, locale
from bot.render.texts import MESSAGE_KIND_WORDS

PAGE_WORDS: Mapping[str, Text] = {
    "title": N_("Coach dashboard"),
    "views": N_("Views"),
    "members": N_("Members"),
    "flags": N_("Flags"),
    "export": N_("Export"),
    "find": N_("Find"),
    "find_hint": N_("Name, @username or protocol"),
    "needs_attention": N_("Needs attention"),
    "members_table": N_("Members table, scrolls sideways"),
    "column_name": N_("Name"),
    "column_flags": N_("Open flags"),
    "column_pain": N_("Last pain"),
    "column_week": N_("This week"),
    "column_adherence": N_("4-week adherence"),
    "column_contact": N_("Last contact"),
    "column_protocol": N_("Protocol"),
    "shown": N_("{shown} of {total}"),
    "paused": N_("paused"),
    "percent": N_("{value} %"),
    "not_set_up": N_("not set up"),
    "back": N_("← Members"),
    "pain": N_("Pain"),
    "actions": N_("Actions"),
    "message_label": N_("Message to the member (sent in Telegram)"),
    "send_message": N_("Send message"),
    "assign": N_("Assign"),
    "sessions_title": N_("Sessions, last 8 weeks"),
    "calendar_caption": N_("Sessions by day, Monday to Sunday"),
    "notes": N_("Notes"),
    "messages": N_("Messages"),
    "form_checks": N_("Form checks"),
    "open_flags": N_("Open flags"),
    "export_hint": N_("Every session and check-in of your members."),
    "send_csv": N_("Send CSV to my chat"),
    "send_xlsx": N_("Send Excel file to my chat"),
    "download_csv": N_("Download CSV"),
    "acknowledge": N_("Acknowledge"),
    "acknowledged": N_("Acknowledged"),
    "open_member": N_("Open member"),
    "reply": N_("Reply"),
    "reply_label": N_("Reply (sent in Telegram)"),
    "send_reply": N_("Send reply"),
    "time": N_("Time"),
    "series_session": N_("After session"),
    "series_before": N_("Before session"),
    "series_morning": N_("Next morning"),
    "step_done": N_("done"),
    "step_skipped": N_("skipped"),
    "step_too_hard": N_("too hard"),
    "step_not_reached": N_("not reached"),
    "step_number": N_("Step {number}"),
    "went_wrong": N_("Something went wrong ({status})."),
    "reminders_paused": N_("reminders paused"),
    "blocked": N_("has blocked the bot"),
    "pause": N_("Pause reminders"),
    "resume": N_("Resume reminders"),
    "no_notes": N_("No notes yet."),
    "no_messages": N_("No messages yet."),
    "no_pain": N_("No pain scores yet."),
    "pain_caption": N_("{scores} from {first} to {last}; the latest {pain} of 10."),
    "day_sessions": N_("{finished} finished, {other} not finished"),
    "no_session": N_("no session"),
    "finished": N_("finished"),
    "not_finished": N_("not finished"),
    "in_progress": N_("in progress"),
    "skipped_or_too_hard": N_("{count} skipped or too hard"),
    "no_sessions": N_("No sessions in the last 8 weeks."),
    "edited": N_("{text} (edited)"),
    "coach": N_("Coach"),
    "member": N_("Member"),
    "form_check": N_("Form check"),
    "your_reply": N_("Your reply: {reply}"),
    "play_video": N_("Play video"),
    "video": N_("Form-check video"),
    "no_form_checks": N_("No form checks yet."),
    "no_flags": N_("No open flags. 👍"),
    "already_acknowledged": N_("Flag #{id} was already acknowledged."),
    "flag_acknowledged": N_("Flag #{id} acknowledged."),
    "sent_to": N_("Sent to {name}."),
    "not_sent": N_("{name} has blocked the bot: not sent."),
    "now_on": N_("{name} is now on {title}."),
    "already_on": N_("{name} is already on {title}."),
    "now_paused": N_("{name}'s reminders are paused."),
    "back_on": N_("{name}'s reminders are back on."),
    "nothing_to_export": N_("Nothing to export yet."),
    "sent_to_chat": N_("Sent to your chat."),
    "chat_not_reached": N_("I couldn't reach your chat."),
    "level_low": N_("low"),
    "level_high": N_("high"),
    "level_critical": N_("critical"),
    "level_urgent": N_("urgent"),
    "level_emergency": N_("emergency"),
    "flag_count": N_("{count} {level}"),
}
"""Every word of the page, by the key its HTML and script use."""


def page_words() -> dict[str, str]:
    """The page's words in the language being spoken, with the kinds of message (as the
    thread names them), the weekdays (`weekday_0` is Monday) and the months (`month_0` is
    January), short and in full."""
    words = {key: text() for key, text in PAGE_WORDS.items()}
    words |= {f"kind_{kind}": text() for kind, text in MESSAGE_KIND_WORDS.items()}
    full_days = get_day_names("wide", locale=locale())
    for day in range(7):
        words[f"weekday_{day}"] = weekday_name(day)
        words[f"weekday_full_{day}"] = str(full_days[day])
    full_months = get_month_names("wide", locale=locale())
    for month in range(12):
        words[f"month_{month}"] = month_name(month + 1)
        words[f"month_full_{month}"] = str(full_months[month + 1])
    return words
