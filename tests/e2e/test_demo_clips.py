"""Demo clips: named in the protocol (a file next to it, or an https URL) or attached by a coach
with /demo; uploaded once and sent by file id after that; shown the first time an exercise
comes up in a session; and beside a member's form video on the coach's side."""

from __future__ import annotations

from collections.abc import AsyncIterator
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from fixtures_bot import RunningBot, bot_running, has_button, make_settings, onboard
from tests_support import the_card

from emulator import BotApiEmulator, ChatMessage, SimulatedUser

CLIP_URL = "https://videos.example.org/bird-dog.mp4"
MOVES = f"""\
name: demo-moves
title: Demo Moves
summary: Three exercises, two of them with a demo clip.
workouts:
  - key: moves
    title: Moves
    intent: Move well.
    weekly_cap: 7
    blocks:
      - label: A
        exercises:
          - label: A
            name: Wall Sit
            dosage: {{sets: 2, hold_seconds: 20}}
            media: clips/wall-sit.mp4
      - label: B
        exercises:
          - label: B
            name: Bird Dog
            dosage: {{reps: 5}}
            media: {CLIP_URL}
      - label: C
        exercises:
          - label: C
            name: Dead Bug
            dosage: {{reps: 5}}
"""


def make_clip(path: Path, frames: int = 6) -> bytes:
    """A tiny MP4 (32x32, a grey square fading in), made here: no third-party video is used."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("mpeg4", rate=Fraction(6, 1))
        stream.width, stream.height, stream.pix_fmt = 32, 32, "yuv420p"
        for index in range(frames):
            image = np.full((32, 32, 3), 30 * index, dtype=np.uint8)
            frame = av.VideoFrame.from_ndarray(image, format="rgb24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return path.read_bytes()


@pytest.fixture
async def clips_bot(
    emulator: BotApiEmulator, tmp_path: Path
) -> AsyncIterator[tuple[RunningBot, bytes, bytes]]:
    protocols = tmp_path / "protocols"
    protocols.mkdir()
    (protocols / "demo-moves.yaml").write_text(MOVES)
    wall_sit = make_clip(protocols / "clips" / "wall-sit.mp4")
    bird_dog = make_clip(tmp_path / "bird-dog.mp4", frames=8)
    emulator.serve_url(CLIP_URL, bird_dog)
    settings = make_settings(emulator, tmp_path, protocols_dir=protocols)
    async with bot_running(settings, emulator) as bot:
        yield bot, wall_sit, bird_dog


@pytest.fixture
def coach(coach: SimulatedUser) -> SimulatedUser:
    coach.chat.known = True
    return coach


def videos(user: SimulatedUser) -> list[ChatMessage]:
    return [m for m in user.chat.bot_messages if m.file is not None and m.file.kind == "video"]


def sent_videos(bot: RunningBot) -> list[object]:
    """The `video` parameter of each successful sendVideo: an upload or a file id."""
    return [r.params["video"] for r in bot.emulator.calls("sendVideo") if r.status == 200]


async def through_the_session(member: SimulatedUser) -> ChatMessage:
    await member.send_command("/today")
    card = await the_card(member)
    while has_button(card, "Done"):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    return card


async def test_the_protocols_clip_comes_with_the_exercise_the_first_time_only(
    clips_bot: tuple[RunningBot, bytes, bytes], member: SimulatedUser
) -> None:
    _, wall_sit, bird_dog = clips_bot
    await onboard(member, protocol="Demo Moves")
    await through_the_session(member)
    clips = videos(member)
    assert [clip.caption for clip in clips] == [
        "🎬 How Wall Sit looks",
        "🎬 How Bird Dog looks",
    ]  # Wall Sit has two sets, its clip comes once; Dead Bug has none
    assert [clip.data for clip in clips] == [wall_sit, bird_dog]


async def test_a_clip_is_uploaded_once_and_sent_by_file_id_after_that(
    clips_bot: tuple[RunningBot, bytes, bytes], member: SimulatedUser
) -> None:
    bot, wall_sit, _ = clips_bot
    await onboard(member, protocol="Demo Moves")
    await through_the_session(member)
    await through_the_session(member)
    first, second = (clip for clip in videos(member) if clip.data == wall_sit)
    assert first.file is not None
    assert second.file is not None
    assert second.file.file_id == first.file.file_id
    sent = sent_videos(bot)
    assert sent[2:] == [first.file.file_id, sent[2 + 1]]  # by id: no second upload
    assert all(isinstance(video, str) and not video.startswith("https") for video in sent[2:])


async def test_a_coach_attaches_a_clip_by_replying_to_a_video_with_demo(
    clips_bot: tuple[RunningBot, bytes, bytes], member: SimulatedUser, coach: SimulatedUser
) -> None:
    bot, _, _ = clips_bot
    own_clip = make_clip(Path(bot.settings.protocols_dir or ".") / "dead-bug-coach.mp4", frames=4)
    video = await coach.send_video(own_clip, file_name="dead-bug.mp4")
    hint = await coach.wait_for_message()
    assert (hint.text or "").startswith("Reply to a video with /demo <exercise>")
    await coach.send_command("/demo", "dead bug", reply_to=video)
    saved = await coach.wait_for_message()
    assert saved.text == (
        "Saved as the demo clip for Dead Bug. Members see it the first time Dead Bug comes up "
        "in a session."
    )
    await onboard(member, protocol="Demo Moves")
    await through_the_session(member)
    assert [clip.caption for clip in videos(member)][-1] == "🎬 How Dead Bug looks"
    assert videos(member)[-1].data == own_clip


async def test_a_clip_attached_mid_session_comes_with_its_exercise(
    clips_bot: tuple[RunningBot, bytes, bytes], member: SimulatedUser, coach: SimulatedUser
) -> None:
    """The clips kept are read once and remembered: a coach's /demo must make the bot read
    them again, or Dead Bug, which had no clip when the session began, would show none."""
    bot, _, _ = clips_bot
    await onboard(member, protocol="Demo Moves")
    await through_the_session(member)  # both protocol clips uploaded: sent by id from now on
    await member.send_command("/today")
    card = await the_card(member)  # Wall Sit: the clips kept were read for its clip
    own_clip = make_clip(Path(bot.settings.protocols_dir or ".") / "dead-bug-coach.mp4", frames=5)
    video = await coach.send_video(own_clip, file_name="dead-bug.mp4")
    await coach.wait_for_message()
    await coach.send_command("/demo", "Dead Bug", reply_to=video)
    await coach.wait_for_message(lambda m: (m.text or "").startswith("Saved as the demo clip"))
    while has_button(card, "Done"):
        await member.press("Done", card)
        await member.wait_for_edit(card)
    second_session = [clip.caption for clip in videos(member)][2:]
    assert second_session == [
        "🎬 How Wall Sit looks",
        "🎬 How Bird Dog looks",
        "🎬 How Dead Bug looks",
    ]
    assert videos(member)[-1].data == own_clip


@pytest.mark.parametrize(
    ("reply", "text", "expected"),
    [
        pytest.param(
            True,
            "wal sit",
            'No exercise in the protocols is called "wal sit". Did you mean Wall Sit?',
            id="typo",
        ),
        pytest.param(True, "", "Reply to a video with /demo <exercise>", id="no-name"),
        pytest.param(False, "Wall Sit", "Reply to a video with /demo <exercise>", id="no-video"),
    ],
)
async def test_demo_explains_itself_when_the_name_or_the_video_is_missing(
    clips_bot: tuple[RunningBot, bytes, bytes],
    coach: SimulatedUser,
    reply: bool,
    text: str,
    expected: str,
) -> None:
    video = await coach.send_video(b"\x00\x00\x00\x18ftypmp42", file_name="x.mp4")
    await coach.wait_for_message()  # the bot's answer to a video from a non-member
    await coach.send_command("/demo", text, reply_to=video if reply else None)
    answer = await coach.wait_for_message()
    assert (answer.text or "").startswith(expected)


async def test_demo_is_only_for_coaches(
    clips_bot: tuple[RunningBot, bytes, bytes], member: SimulatedUser
) -> None:
    await onboard(member, protocol="Demo Moves")
    video = await member.send_video(b"\x00\x00\x00\x18ftypmp42")
    await member.wait_for_message()
    await member.send_command("/demo", "Wall Sit", reply_to=video)
    refusal = await member.wait_for_message()
    assert (refusal.text or "").startswith("Sorry, that's only for the coach.")


async def test_the_coach_sees_the_demo_clip_beside_a_members_form_video(
    clips_bot: tuple[RunningBot, bytes, bytes], member: SimulatedUser, coach: SimulatedUser
) -> None:
    _, wall_sit, _ = clips_bot
    await onboard(member, protocol="Demo Moves")
    await member.send_command("/today")
    card = await the_card(member)
    await member.press("Send form video", card)
    await member.send_video(b"member-form-video", file_name="me.mp4")
    copy = await coach.wait_for_message(lambda m: (m.caption or "").startswith("🎥 Form check"))
    demo = await coach.wait_for_message(lambda m: m.file is not None)
    assert demo.caption == "🎬 Demo clip: Wall Sit"
    assert demo.data == wall_sit
    assert demo.reply_to is copy
