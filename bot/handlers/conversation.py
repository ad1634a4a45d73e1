"""The line between member and coach: whatever a member sends goes to their coach (bundled,
with their context, acknowledged); a coach's answer to any bot message about a member goes
back to that member, quoting what it answers.

The coach's commands and buttons for it (/msg, the quick answers) live with the other coach
commands in `bot.handlers.coach`, and call `pass_on` here.
"""

from __future__ import annotations

from telegram import Message

from bot import alerts, sender
from bot.handlers import form_check
from bot.handlers.turn import Turn
from bot.render import coach_texts, texts
from bot.render.safe_text import shown_name
from bot.services import members
from bot.services import messages as line
from bot.services.coaches import Viewer
from bot.views import AboutFormCheck, AboutMessage, Subject
from storage.models import CoachMessageKind, MessageKind

MAX_TEXT = 4096
"""Telegram's longest text; anything at least this long did not come from a Telegram app."""


def kind_of(message: Message) -> MessageKind | None:
    """What the message carries; None for a service message (nothing to pass on)."""
    if message.text is not None:
        return MessageKind.TEXT
    if message.animation is not None:  # before document: a GIF is sent as both
        return MessageKind.ANIMATION
    for attribute, kind in (
        ("voice", MessageKind.VOICE),
        ("audio", MessageKind.AUDIO),
        ("photo", MessageKind.PHOTO),
        ("video", MessageKind.VIDEO),
        ("video_note", MessageKind.VIDEO_NOTE),
        ("document", MessageKind.DOCUMENT),
        ("sticker", MessageKind.STICKER),
    ):
        if getattr(message, attribute):
            return kind
    return MessageKind.OTHER if message.effective_attachment is not None else None


async def from_member(
    turn: Turn, message: Message, *, edited: bool = False, acknowledge: bool = True
) -> None:
    """Anything a member sends that the bot did not ask for: a video is a form check, the
    rest goes to their coach in the current bundle, acknowledged (unless the member has just
    been answered otherwise)."""
    if not edited and form_check.video_of(message) is not None:
        await form_check.on_upload(turn, message)
        return
    await relay(turn, message, edited=edited, acknowledge=acknowledge)


async def relay(turn: Turn, message: Message, *, edited: bool, acknowledge: bool) -> bool:
    """Pass the member's message on to their coach; False when nothing was passed on.

    The first message of a bundle is acknowledged in words, the next ones of the same bundle
    with a reaction (the coach's message for them is edited, not sent again); edits are not
    acknowledged.
    """
    words = message.text if message.text is not None else message.caption
    kind = MessageKind.TEXT if edited else kind_of(message)
    if kind is None or (edited and not words):
        return False
    if words is not None and len(words) >= MAX_TEXT:
        await turn.say(texts.TEXT_TOO_LONG())
        return False
    incoming = line.Incoming(kind, words, message.message_id, edited)
    result = await line.relay(turn.services, turn.user_id, incoming, turn.now)
    match result:
        case line.NotAMember():
            if not edited:
                await turn.say(texts.NOT_ENROLLED())
            return False
        case line.NothingToPassOn():
            return False
        case line.Relayed():
            await alerts.relay_to_coaches(
                turn.bot, turn.services, result, turn.chat_id, message.message_id
            )
            if acknowledge and not edited:
                if result.opened:
                    await turn.say(texts.SENT_TO_COACH())
                else:
                    await sender.react(
                        turn.bot, turn.chat_id, message.message_id, texts.RECEIVED_REACTION
                    )
            return True


async def target_of(
    turn: Turn, viewer: Viewer, shown: Message
) -> line.ReplyTarget | line.MemberGone | line.NotYourMember | None:
    """The member a message in this coach chat is about (the bot's own messages only), if
    the coach may write to them."""
    from_bot = shown.from_user is not None and shown.from_user.id == turn.bot.id
    words = (shown.text if shown.text is not None else shown.caption) if from_bot else None
    return await line.reply_target(
        turn.services,
        viewer,
        turn.chat_id,
        shown.message_id,
        form_check_mark=coach_texts.form_check_id(words),
        member_mark=coach_texts.member_mark(words),
    )


def no_target_reason(target: line.MemberGone | line.NotYourMember | None) -> str:
    """Why a coach's answer cannot go to a member."""
    match target:
        case line.MemberGone():
            return coach_texts.COACH_REPLY_MEMBER_GONE()
        case line.NotYourMember(name):
            return coach_texts.COACH_REPLY_NOT_YOURS.format(name=shown_name(name))
    return coach_texts.COACH_REPLY_UNKNOWN()


async def coach_reply(turn: Turn, message: Message) -> bool:
    """A coach replied to a message: if it is about one of their members, pass the reply on.

    False when the sender is no coach here, or when the reply is about no member and the coach
    is also a member, so the message is handled as a member's (e.g. a typed pain score
    replying to the question).
    """
    replied_to = message.reply_to_message
    if replied_to is None:
        return False
    viewer = await turn.coach()
    if viewer is None:
        return False
    target = await target_of(turn, viewer, replied_to)
    match target:
        case None:
            if await members.is_member(turn.services, turn.user_id):
                return False
            await turn.say(coach_texts.COACH_REPLY_UNKNOWN())
        case line.MemberGone() | line.NotYourMember():
            await turn.say(no_target_reason(target))
        case line.ReplyTarget():
            words = message.text if message.text is not None else message.caption
            media = message if message.text is None else None
            name = shown_name(target.member_name)
            confirmation = coach_texts.COACH_REPLY_SENT.format(name=name)
            await pass_on(turn, target, words, message.message_id, confirmation, media=media)
    return True


def _quoted(subject: Subject) -> int | None:
    """The member's own message a coach's answer replies to in their chat, if any."""
    match subject:
        case AboutMessage(_, _, member_message_id) | AboutFormCheck(_, member_message_id):
            return member_message_id
    return None


async def pass_on(
    turn: Turn,
    target: line.ReplyTarget,
    words: str | None,
    coach_message_id: int,
    confirmation: str,
    *,
    media: Message | None = None,
) -> None:
    """Send the coach's words (or their voice, video, photo: `media`) to the member, under a
    line naming the coach and quoting what it answers; store it in the thread and confirm to
    the coach."""
    coach_name = turn.profile().first_name
    database = turn.services.database
    chat_id = target.member_chat_id
    async with turn.speaking_to(chat_id):
        header = texts.from_coach(shown_name(coach_name), target.subject)
    reply_to = _quoted(target.subject)
    delivered_id: int | None = None
    if media is None:
        body = coach_texts.fit(words or "", coach_texts.MESSAGE_LIMIT - len(header) - 1)
        delivered = await sender.send_text(
            turn.bot,
            database,
            chat_id,
            f"{header}\n{body}",
            reply_to=reply_to,
            on_blocked=turn.member_blocked,
        )
        delivered_id = delivered.message_id if delivered is not None else None
    else:
        heading = await sender.send_text(
            turn.bot, database, chat_id, header, reply_to=reply_to, on_blocked=turn.member_blocked
        )
        if heading is not None:
            delivered_id = await sender.copy_message(
                turn.bot, database, chat_id, turn.chat_id, media.message_id
            )
    if delivered_id is None:
        name = shown_name(target.member_name)
        await turn.say(coach_texts.COACH_REPLY_UNREACHABLE.format(name=name))
        return
    kind = kind_of(media) if media is not None else MessageKind.TEXT
    outgoing = line.Outgoing(
        kind=kind or MessageKind.OTHER,
        text=words,
        coach_chat_id=turn.chat_id,
        coach_message_id=coach_message_id,
        coach_name=coach_name,
        member_message_id=delivered_id,
    )
    thread_message_id = await line.coach_wrote(turn.services, target, outgoing, turn.now)
    confirmed = await turn.say(confirmation)
    if confirmed is not None:
        about = line.About(
            target.member_id, CoachMessageKind.SENT, thread_message_id=thread_message_id
        )
        await line.shown_to_coaches(
            turn.services, about, [(turn.chat_id, confirmed.message_id)], turn.now
        )
