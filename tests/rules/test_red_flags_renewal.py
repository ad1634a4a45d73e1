"""Building the red-flag reader afresh (its vocabulary grew too big) frees the old pipeline
first, so the new one reuses that memory instead of adding its own next to it."""

from __future__ import annotations

import weakref

import pytest
from spacy.language import Language

from bot.rules.red_flags import load, pipeline, triage


def test_the_old_pipeline_is_freed_before_the_new_one_is_built(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = [weakref.ref(load())]
    any_old_alive_while_building: list[bool] = []
    build = pipeline._build

    def watched_build() -> Language:
        any_old_alive_while_building.append(any(old() is not None for old in built))
        nlp = build()
        built.append(weakref.ref(nlp))
        return nlp

    monkeypatch.setattr(pipeline, "_build", watched_build)
    monkeypatch.setattr(pipeline, "RENEW_AFTER_NEW_STRINGS", 5)

    triage("zqxv wvqz numb bum qqzx vvqx xzqq")  # new strings: the next use renews
    load()

    assert any_old_alive_while_building
    assert not any(any_old_alive_while_building)
