"""The learned classifier that reads beside the rules: spaCy's ``textcat_multilabel``, trained
on our labelled messages (`train`), saved in ``model/`` and added to the shared pipeline, so a
message is cut into words once for both. It scores each red-flag family between 0 and 1; `combine`
says when a score may add a family the rules did not find."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from bot.rules.red_flags.families import FAMILIES

MODEL_DIR = Path(__file__).parent / "model"
"""The trained model (`python -m bot.rules.red_flags.train` writes it)."""

TEXTCAT = "rf_learned"
"""The classifier's name in the pipeline."""


def add_to(nlp: Language) -> None:
    """Add the trained classifier, read from `MODEL_DIR`, at the end of a pipeline."""
    nlp.add_pipe(TEXTCAT, source=spacy.load(MODEL_DIR))


def scores(docs: Iterable[Doc]) -> dict[str, float]:
    """Each family's score for a message read in pieces: its highest score in any piece."""
    result = {family.family: 0.0 for family in FAMILIES}
    for doc in docs:
        for family, score in doc.cats.items():
            result[family] = max(result[family], score)
    return result
