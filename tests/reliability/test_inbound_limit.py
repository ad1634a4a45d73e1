"""The per-member inbound limit: its bookkeeping, with time passed in."""

from __future__ import annotations

from bot.inbound_limit import Admission, InboundLimiter


def admissions(limiter: InboundLimiter, user_id: int, times: list[float]) -> list[Admission]:
    return [limiter.admit(user_id, at) for at in times]


def test_a_member_gets_the_limit_then_one_warning_then_nothing() -> None:
    limiter = InboundLimiter(limit=3, window=10.0)
    assert admissions(limiter, 1, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5]) == [
        Admission.ADMIT,
        Admission.ADMIT,
        Admission.ADMIT,
        Admission.WARN,
        Admission.DROP,
        Admission.DROP,
    ]


def test_a_member_is_heard_again_once_the_window_has_room() -> None:
    limiter = InboundLimiter(limit=2, window=10.0)
    admissions(limiter, 1, [0.0, 1.0, 2.0])
    assert admissions(limiter, 1, [10.5, 10.6, 10.7]) == [
        Admission.ADMIT,  # the update at 0.0 has left the window
        Admission.WARN,  # a new burst gets a new warning
        Admission.DROP,
    ]


def test_one_members_flood_leaves_another_member_untouched() -> None:
    limiter = InboundLimiter(limit=2, window=10.0)
    admissions(limiter, 1, [0.0, 0.0, 0.0, 0.0])
    assert admissions(limiter, 2, [0.0, 0.0]) == [Admission.ADMIT, Admission.ADMIT]


def test_members_idle_for_a_window_are_forgotten() -> None:
    limiter = InboundLimiter(limit=5, window=10.0)
    for user_id in range(1_000):
        limiter.admit(user_id, 0.0)
    limiter.admit(5_000, 20.0)
    assert limiter.tracked() == 1
