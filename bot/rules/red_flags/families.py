"""The red-flag families, how urgent each is, and the kinds of finding that belong to each.

From the clinical reference (shared/clinical/README.md, after NICE NG59 and CKS): cauda equina
signs and chest or aortic signs need an emergency department now; a possible fracture, cancer,
infection or severe pain needs a doctor the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.rules.reasons import N_

Level = Literal["emergency", "urgent", "none"]

LEVEL_ORDER: dict[Level, int] = {"none": 0, "urgent": 1, "emergency": 2}


@dataclass(frozen=True)
class Family:
    """A red-flag family: its id, a label for people (an English message id, said in the
    reader's language where it is shown), and how urgent it is."""

    family: str
    label: str
    level: Level


FAMILIES: tuple[Family, ...] = (
    Family("cauda_equina", N_("possible cauda equina syndrome"), "emergency"),
    Family("vascular", N_("chest or aortic warning signs"), "emergency"),
    Family("fracture", N_("possible spinal fracture"), "urgent"),
    Family("cancer", N_("possible cancer warning signs"), "urgent"),
    Family("infection", N_("possible spinal infection"), "urgent"),
    Family("severe_pain", N_("severe pain"), "urgent"),
)
FAMILY_BY_ID = {family.family: family for family in FAMILIES}


@dataclass(frozen=True)
class Kind:
    """One kind of finding (what the target rules recognise), the family it belongs to, and
    the words a coach or member reads for it (an English message id, said in their language
    where it is shown; the reader itself reads English)."""

    kind: str
    family: str
    label: str


KINDS: tuple[Kind, ...] = (
    Kind(
        "saddle_numbness",
        "cauda_equina",
        N_("numbness or tingling in the saddle area (groin, bottom or genitals)"),
    ),
    Kind("bladder", "cauda_equina", N_("new trouble passing urine or feeling the bladder")),
    Kind("incontinence", "cauda_equina", N_("loss of bladder or bowel control")),
    Kind("bowel", "cauda_equina", N_("new loss of bowel control or feeling")),
    Kind("sexual", "cauda_equina", N_("new loss of feeling or function during sex")),
    Kind("both_legs", "cauda_equina", N_("sciatica, numbness or tingling in both legs")),
    Kind("leg_weakness", "cauda_equina", N_("weakness in the legs, legs giving way or foot drop")),
    Kind("leg_failing", "cauda_equina", N_("a leg or both legs weak, dragging or not working")),
    Kind("cauda_equina_named", "cauda_equina", N_("possible cauda equina syndrome")),
    Kind("chest_pain", "vascular", N_("chest pain or tightness")),
    Kind("radiating_pain", "vascular", N_("pain spreading to the chest, jaw or arm")),
    Kind("tearing_pain", "vascular", N_("sudden tearing or ripping pain")),
    Kind("pulsating_lump", "vascular", N_("a pulsing lump in the tummy")),
    Kind(
        "belly_back_pain", "vascular", N_("sudden or severe tummy pain going through to the back")
    ),
    Kind("trauma", "fracture", N_("a fall, crash or other injury")),
    Kind(
        "fragile_bone_injury",
        "fracture",
        N_("a fall, strain or sudden pain with thin bones (osteoporosis) or in old age"),
    ),
    Kind("steroid_sudden_pain", "fracture", N_("sudden pain while on long-term steroids")),
    Kind("cancer_history", "cancer", N_("a history of cancer")),
    Kind("weight_loss", "cancer", N_("unexplained weight loss")),
    Kind("night_rest_pain", "cancer", N_("pain at night or at rest that does not settle")),
    Kind("progressive_pain", "cancer", N_("pain that keeps getting worse")),
    Kind("fever", "infection", N_("fever or a temperature of 38 °C (100.4 °F) or more")),
    Kind("temp_reading", "infection", N_("a temperature of 38 °C (100.4 °F) or more")),
    Kind("chills_sweats", "infection", N_("chills, shivers or night sweats")),
    Kind("drug_injection", "infection", N_("injecting drugs")),
    Kind(
        "immunosuppression",
        "infection",
        N_("a weakened immune system (transplant, chemotherapy, HIV, steroids or biologics)"),
    ),
    Kind(
        "immune_condition",
        "infection",
        N_("a weakened immune system (transplant, HIV or another immune condition)"),
    ),
    Kind("recent_infection", "infection", N_("a recent infection")),
    Kind("pain_score", "severe_pain", N_("pain of 9 or 10 out of 10")),
    Kind("severe_pain", "severe_pain", N_("severe pain (unbearable, cannot move)")),
)
KIND_BY_ID = {kind.kind: kind for kind in KINDS}

QUALIFIERS = frozenset(
    {"osteoporosis", "old_age", "steroids", "sudden_onset", "temp_normal", "bed_bound"}
)
"""Target kinds that are not red flags by themselves but change how others are read:
thin bones or steroids with a sudden onset suggest a fracture; a normal temperature reading
cancels "a temperature"; "can't get out of bed" is severe pain only when pain is the reason;
old age (70 or more) with a knock that did harm suggests a fracture as thin bones do.
Long-term steroids also count as a weakened immune system."""
