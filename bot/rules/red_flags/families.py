"""The red-flag families, how urgent each is, and the kinds of finding that belong to each.

From the clinical reference (shared/clinical/README.md, after NICE NG59 and CKS): cauda equina
signs and chest or aortic signs need an emergency department now; a possible fracture, cancer,
infection or severe pain needs a doctor the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["emergency", "urgent", "none"]

LEVEL_ORDER: dict[Level, int] = {"none": 0, "urgent": 1, "emergency": 2}


@dataclass(frozen=True)
class Family:
    """A red-flag family: its id, a label for people, and how urgent it is."""

    family: str
    label: str
    level: Level


FAMILIES: tuple[Family, ...] = (
    Family("cauda_equina", "possible cauda equina syndrome", "emergency"),
    Family("vascular", "chest or aortic warning signs", "emergency"),
    Family("fracture", "possible spinal fracture", "urgent"),
    Family("cancer", "possible cancer warning signs", "urgent"),
    Family("infection", "possible spinal infection", "urgent"),
    Family("severe_pain", "severe pain", "urgent"),
)
FAMILY_BY_ID = {family.family: family for family in FAMILIES}


@dataclass(frozen=True)
class Kind:
    """One kind of finding (what the target rules recognise), the family it belongs to, and
    the words a coach or member reads for it."""

    kind: str
    family: str
    label: str


KINDS: tuple[Kind, ...] = (
    Kind(
        "saddle_numbness",
        "cauda_equina",
        "numbness or tingling in the saddle area (groin, bottom or genitals)",
    ),
    Kind("bladder", "cauda_equina", "new trouble passing urine or feeling the bladder"),
    Kind("incontinence", "cauda_equina", "loss of bladder or bowel control"),
    Kind("bowel", "cauda_equina", "new loss of bowel control or feeling"),
    Kind("sexual", "cauda_equina", "new loss of feeling or function during sex"),
    Kind("both_legs", "cauda_equina", "sciatica, numbness or tingling in both legs"),
    Kind("leg_weakness", "cauda_equina", "weakness in the legs, legs giving way or foot drop"),
    Kind("leg_failing", "cauda_equina", "a leg or both legs weak, dragging or not working"),
    Kind("cauda_equina_named", "cauda_equina", "possible cauda equina syndrome"),
    Kind("chest_pain", "vascular", "chest pain or tightness"),
    Kind("radiating_pain", "vascular", "pain spreading to the chest, jaw or arm"),
    Kind("tearing_pain", "vascular", "sudden tearing or ripping pain"),
    Kind("pulsating_lump", "vascular", "a pulsing lump in the tummy"),
    Kind("belly_back_pain", "vascular", "sudden or severe tummy pain going through to the back"),
    Kind("trauma", "fracture", "a fall, crash or other injury"),
    Kind(
        "fragile_bone_injury",
        "fracture",
        "a fall, strain or sudden pain with thin bones (osteoporosis) or in old age",
    ),
    Kind("steroid_sudden_pain", "fracture", "sudden pain while on long-term steroids"),
    Kind("cancer_history", "cancer", "a history of cancer"),
    Kind("weight_loss", "cancer", "unexplained weight loss"),
    Kind("night_rest_pain", "cancer", "pain at night or at rest that does not settle"),
    Kind("progressive_pain", "cancer", "pain that keeps getting worse"),
    Kind("fever", "infection", "fever or a temperature of 38 °C (100.4 °F) or more"),
    Kind("temp_reading", "infection", "a temperature of 38 °C (100.4 °F) or more"),
    Kind("chills_sweats", "infection", "chills, shivers or night sweats"),
    Kind("drug_injection", "infection", "injecting drugs"),
    Kind(
        "immunosuppression",
        "infection",
        "a weakened immune system (transplant, chemotherapy, HIV, steroids or biologics)",
    ),
    Kind(
        "immune_condition",
        "infection",
        "a weakened immune system (transplant, HIV or another immune condition)",
    ),
    Kind("recent_infection", "infection", "a recent infection"),
    Kind("pain_score", "severe_pain", "pain of 9 or 10 out of 10"),
    Kind("severe_pain", "severe_pain", "severe pain (unbearable, cannot move)"),
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
