"""Training the learned red-flag classifier: what it reads and that it is reproducible."""

from __future__ import annotations

import json
from pathlib import Path

from bot.rules.red_flags.train import (
    default_messages,
    everyday_half,
    labelled_files,
    load_messages,
    train,
)

SETS_IN_REPO = (
    "dev",
    "final",
    "blind2",
    "blind3",
    "blind4",
    "blind5",
    "blind6",
    "train8a",
    "train8b",
    "train8c",
    "train9a",
    "train9b",
    "train10a",
    "train10b",
    "train11a",
    "train11b",
    "train12a",
    "train12b",
)

MESSAGES = [
    ("can't feel the toilet paper when I wipe", frozenset({"cauda_equina"})),
    ("crushing chest pain into my jaw", frozenset({"vascular"})),
    ("fell off a ladder onto my back", frozenset({"fracture"})),
    ("session done, back a bit stiff", frozenset()),
]


def test_yaml_and_json_lines_are_read_alike_and_each_message_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.yaml"
    corpus.write_text(
        '- {text: "Numb bum since Monday", level: emergency, families: [cauda_equina]}\n'
        '- {text: "session done", level: none, families: []}\n'
    )
    lines = tmp_path / "more.jsonl"
    records = [
        {"text": "numb  bum since monday", "level": "emergency", "families": ["cauda_equina"]},
        {"text": "temp 39 and shivery", "level": "urgent", "families": ["infection"]},
    ]
    lines.write_text("\n".join(json.dumps(record) for record in records) + "\n")

    assert load_messages([corpus, lines]) == [
        ("Numb bum since Monday", frozenset({"cauda_equina"})),
        ("session done", frozenset()),
        ("temp 39 and shivery", frozenset({"infection"})),
    ]


def test_the_same_messages_and_seed_train_the_same_model() -> None:
    first = train(MESSAGES, epochs=2, seed=3)
    second = train(MESSAGES, epochs=2, seed=3)
    text = "numb when I wipe and chest pain"

    assert first(text).cats == second(text).cats


def test_the_shipped_model_trains_on_the_repositorys_labelled_sets() -> None:
    names = {path.name for path in labelled_files()}

    assert {f"red_flags_{name}.jsonl" for name in SETS_IN_REPO} <= names
    assert "red_flag_corpus.yaml" in names
    assert all(path.exists() for path in labelled_files())


def test_the_sealed_evaluation_sets_are_never_trained_on() -> None:
    names = {path.name for path in labelled_files()}

    assert not names & {
        "red_flags_blind7.jsonl",
        "red_flags_blind8.jsonl",
        "red_flags_blind9.jsonl",
        "red_flags_blind10.jsonl",
        "red_flags_blind11.jsonl",
    }


def test_the_everyday_training_half_is_trained_on_and_the_held_out_half_is_not() -> None:
    trained = {text for text, _ in default_messages()}

    assert {text for text, _ in everyday_half(training=True)} <= trained
    assert not {text for text, _ in everyday_half(training=False)} & trained
