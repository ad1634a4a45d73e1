"""Train the learned red-flag classifier (see `learned`) and save it into the package.

The model is spaCy's ``textcat_multilabel`` with the ensemble architecture: a bag of words and
word pairs next to a small convolutional network over hashed word forms, prefixes, suffixes and
shapes, trained from scratch (no pretrained vectors, nothing to download). Its labels are the
six red-flag families. It reads the text as the rules do (`text.clean`, `text.ended`), split
into words by spaCy's English tokenizer. The weights saved are those averaged over training
(Adam with parameter averaging, as `spacy train` saves them), which vary far less with the order
and the last few messages seen than the final weights do.

Run (deterministic for a given seed and data; about a minute and a half on one core)::

    python -m bot.rules.red_flags.train

trains on the repository's labelled data (`default_messages`): the YAML corpora and JSON-lines
sets under tests/rules and the training half of its everyday chat. Name files to train on those
instead: each is a YAML corpus (see tests/rules/red_flag_corpus.yaml) or JSON lines with the
same ``text``, ``level`` and ``families`` fields. A message that appears twice (case and spacing
aside) is learned once.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import spacy
from spacy.language import Language
from spacy.pipeline import MultiLabel_TextCategorizer
from spacy.training import Example
from thinc.api import Adam, fix_random_seed

from bot.rules.red_flags.families import FAMILIES
from bot.rules.red_flags.learned import MODEL_DIR, TEXTCAT
from bot.rules.red_flags.scoring import load_corpus
from bot.rules.red_flags.text import clean, ended

EPOCHS = 10
BATCH_SIZE = 16
DROPOUT = 0.2
SEED = 0
LEARN_RATE = 0.001

MODEL: dict[str, Any] = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "linear_model": {
        "@architectures": "spacy.TextCatBOW.v3",
        "exclusive_classes": False,
        "ngram_size": 2,
        "no_output_layer": False,
        "length": 2**17,
    },
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {
            "@architectures": "spacy.MultiHashEmbed.v2",
            "width": 64,
            "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
            "rows": [5000, 2500, 2500, 1000],
            "include_static_vectors": False,
        },
        "encode": {
            "@architectures": "spacy.MaxoutWindowEncoder.v2",
            "width": 64,
            "window_size": 1,
            "maxout_pieces": 3,
            "depth": 2,
        },
    },
}
"""The architecture (spaCy's registered layers); the sizes keep the model near 4 MB."""


Labelled = tuple[str, frozenset[str]]
"""A message and the red-flag families it should raise."""

DATA = Path(__file__).resolve().parents[3] / "tests" / "rules"
"""Where the labelled data lives: the corpora, the JSON-lines sets and the everyday chat."""

EVERYDAY = DATA / "everyday_chat.yaml"
"""Ordinary chat (all harmless), split in two halves by `in_training_half`."""


def labelled_files() -> list[Path]:
    """The labelled sets the classifier trains on: every YAML corpus and JSON-lines set under
    `DATA` (the sealed evaluation sets are kept outside the repository)."""
    return [*sorted(DATA.glob("red_flag_corpus*.yaml")), *sorted(DATA.glob("red_flags_*.jsonl"))]


def in_training_half(text: str) -> bool:
    """Whether an everyday message trains the classifier (else it is held out to test it): a
    fixed hash of the text, so the halves do not depend on the order of the file."""
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0


def everyday_half(*, training: bool) -> list[Labelled]:
    """One half of the everyday chat: the training half, or the held-out one."""
    return [
        (example.text, example.families)
        for example in load_corpus(EVERYDAY)
        if in_training_half(example.text) == training
    ]


def default_messages() -> list[Labelled]:
    """What the shipped model is trained on: the labelled sets and the everyday training half,
    without any message of the held-out half (a set may hold the same short reply, "no")."""
    held_out = {_key(text) for text, _ in everyday_half(training=False)}
    messages = each_once([*load_messages(labelled_files()), *everyday_half(training=True)])
    return [(text, families) for text, families in messages if _key(text) not in held_out]


def load_messages(paths: Iterable[Path]) -> list[Labelled]:
    """The labelled messages of YAML corpora and JSON-lines files, each message once."""
    found: list[Labelled] = []
    for path in paths:
        if path.suffix == ".jsonl":
            records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
            found += [(str(r["text"]), frozenset(r.get("families") or ())) for r in records]
        else:
            found += [(example.text, example.families) for example in load_corpus(path)]
    return each_once(found)


def each_once(messages: Iterable[Labelled]) -> list[Labelled]:
    """The messages in order, each once (case and spacing aside): the first one stands."""
    result: dict[str, Labelled] = {}
    for text, families in messages:
        result.setdefault(_key(text), (text, families))
    return list(result.values())


def _key(text: str) -> str:
    """A message as `each_once` compares it: case and spacing aside."""
    return " ".join(text.lower().split())


def blank() -> Language:
    """An untrained pipeline: the rules' tokenizer and the classifier, labels set."""
    nlp = spacy.blank("en")
    textcat = cast(
        MultiLabel_TextCategorizer,
        nlp.add_pipe("textcat_multilabel", name=TEXTCAT, config={"model": MODEL}),
    )
    for family in FAMILIES:
        textcat.add_label(family.family)
    return nlp


def train(messages: Sequence[Labelled], *, epochs: int = EPOCHS, seed: int = SEED) -> Language:
    """A classifier trained on the messages; the same messages and seed give the same model."""
    fix_random_seed(seed)
    nlp = blank()
    examples = []
    for text, families in messages:
        doc = nlp.make_doc(ended(clean(text)))
        if len(doc):
            cats = {family.family: float(family.family in families) for family in FAMILIES}
            examples.append(Example.from_dict(doc, {"cats": cats}))
    optimizer = nlp.initialize(lambda: examples, sgd=Adam(LEARN_RATE, use_averages=True))
    order = random.Random(seed)
    for _ in range(epochs):
        order.shuffle(examples)
        for start in range(0, len(examples), BATCH_SIZE):
            nlp.update(examples[start : start + BATCH_SIZE], sgd=optimizer, drop=DROPOUT)
    # The weights averaged over training (as `spacy train` saves them): the last update's
    # weights depend much more on which messages came last.
    with nlp.use_params(optimizer.averages):
        averaged = nlp.to_bytes()
    return nlp.from_bytes(averaged)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="YAML corpora or JSONL files (default: the repo's)"
    )
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to save the model")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    messages = load_messages(args.files) if args.files else default_messages()
    nlp = train(messages, seed=args.seed)
    nlp.to_disk(args.out)
    print(f"trained on {len(messages)} messages -> {args.out}")


if __name__ == "__main__":
    main()
