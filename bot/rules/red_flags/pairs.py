"""Concept pairs: a body area or function and a change in it, read together in a clause.

Target phrases (`targets`) list wordings; pairs list ideas. A `Pair` names the concept tags of a
body area or function (the saddle area, passing urine, sex, the chest, a landing...) and the
tags of a change in it (numb, "nothing there", can't start, a trickle, squeezed, a crack heard).
Within a clause each change is bound to the nearest body area or function word, whichever it
is: in "my legs go numb on the toilet" the numbness belongs to the legs, not the toilet, and so
it is not a saddle finding. When the area and the change make a pair, the words from one to the
other become a target of the pair's kind, which ConText then reads like any other target (denied,
someone else's, hypothetical, explained...).

A change is never bound across a negation word ("my bum isn't numb"), a contrast ("but",
"however", ";") or more than `Pair.window` words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Doc, Span

from bot.rules.red_flags.dsl import NEGATIONS


@dataclass(frozen=True)
class Pair:
    """A kind of finding made of a body area or function and a change in it.

    ``needs``: sets of tags, one tag of each of which must also be in the sentence (a tummy pain
    going through to the back is a vascular sign only when it came on suddenly or is severe).
    ``across_contrast``: an attempt and its failure joined by "but" still make the pair."""

    kind: str
    areas: frozenset[str]
    changes: frozenset[str]
    window: int = 8
    needs: tuple[frozenset[str], ...] = ()
    across_contrast: bool = False
    """The change may come after a contrast ("tried to go but nothing came"), never before."""


def _tags(names: str) -> frozenset[str]:
    return frozenset(names.split())


PAIRS: tuple[Pair, ...] = (
    # the saddle area: numb, altered, or "not there"; sitting on the toilet feels like nothing
    Pair("saddle_numbness", _tags("SADDLE WIPE"), _tags("NUMB ALTERED ABSENT")),
    Pair("saddle_numbness", _tags("TOILET TRY_GO"), _tags("NUMB ABSENT")),
    # passing urine: can't start or finish, a trickle, a weak stream, no feeling, not noticing
    Pair(
        "bladder",
        _tags("PEE BLADDER STREAM"),
        _tags("NUMB STUCK FINISH UNABLE FLOW WEAK FAILING UNAWARE ABSENT"),
    ),
    Pair("bladder", _tags("TOILET TRY_GO"), _tags("STUCK FINISH UNABLE FLOW UNAWARE")),
    # the toilet and nothing: "stood at the loo ten minutes and not a drop came out"
    Pair("bladder", _tags("TOILET"), _tags("NO_RESULT"), window=12),
    # the urge to go and only a drip: "need to go again and only a drip comes out"
    Pair("bladder", _tags("URGE"), _tags("FLOW STUCK NO_RESULT"), window=10),
    # trying to go and nothing comes: "tried to pee for ages and nothing", "desperate to go but
    # it won't come"; the "but" joins the try to its failure, so it does not part them
    Pair(
        "bladder",
        _tags("PEE BLADDER STREAM TRY_GO"),
        _tags("NO_RESULT"),
        window=12,
        across_contrast=True,
    ),
    # leaks and accidents, in the toilet's words or the clothes'
    Pair("incontinence", _tags("PEE BLADDER TOILET TRY_GO POO CLOTHES"), _tags("LEAK ACCIDENT")),
    Pair("incontinence", _tags("CLOTHES"), _tags("FLOW UNAWARE")),
    # the bowel: no feeling, not noticing
    Pair("bowel", _tags("POO"), _tags("NUMB UNAWARE ABSENT")),
    # the saddle area not felt when wiping: "I don't feel the paper"
    Pair("saddle_numbness", _tags("WIPE"), _tags("UNAWARE")),
    # sex: no or altered feeling, can't finish; "in bed" or a partner only with can't finish,
    # perform or keep it up
    Pair(
        "sexual",
        _tags("SEX"),
        _tags("NUMB ALTERED ABSENT STUCK NO_RESULT FINISH FAILING UNABLE UNAWARE"),
    ),
    Pair("sexual", _tags("BED"), _tags("STUCK FINISH FAILING")),
    Pair("sexual", _tags("PARTNER"), _tags("FINISH")),
    # "nothing's working down there": the saddle area that no longer works
    Pair("sexual", _tags("SADDLE"), _tags("FINISH FAILING")),
    # a leg or both legs weak, dragging, giving out, not working; like jelly only when worse
    Pair("leg_failing", _tags("LEG LEGS"), _tags("FAILING")),
    Pair("leg_failing", _tags("LEG LEGS"), _tags("JELLY"), needs=(_tags("WORSE"),)),
    # the chest or heart squeezed, pressed, gripped, heavy
    Pair("chest_pain", _tags("CHEST HEART"), _tags("SQUEEZE")),
    # a tummy pain going through to the back, sudden or severe
    Pair(
        "belly_back_pain",
        _tags("BELLY"),
        _tags("TO_BACK"),
        window=14,
        needs=(_tags("ABRUPT SEVERE TEARING INTENSE"),),
    ),
    # both legs: plural legs with numbness or nerve pain; "the other leg ... too"
    Pair("both_legs", _tags("LEGS"), _tags("NUMB SCIATICA")),
    Pair(
        "both_legs",
        _tags("LEG"),
        _tags("NUMB SCIATICA"),
        needs=(_tags("OTHER_SIDE"), _tags("ALSO")),
    ),
    # "both numb from the knee down", "no feeling in either leg"
    Pair("both_legs", _tags("LEG"), _tags("NUMB SCIATICA"), needs=(_tags("BOTH"),)),
    # a landing with a crack or something felt to go; a vehicle flipped, rolled, hit a tree
    Pair("trauma", _tags("LANDED"), _tags("CRACK_GO"), window=12),
    Pair("trauma", _tags("VEHICLE"), _tags("WRECK"), window=4),
    # a fall or jump from a height given in numbers ("jumped off a wall about 2 metres")
    Pair("trauma", _tags("LANDED"), _tags("HEIGHT"), window=12),
    # a blow to the back or spine ("took a helmet to the lower back", "kicked in the back")
    Pair("trauma", _tags("SPINE TO_BACK"), _tags("BLOW"), window=5),
    # pain spreading into the chest, or from the chest into the arm, jaw or shoulder
    Pair("radiating_pain", _tags("CHEST"), _tags("SPREADS"), window=6),
    Pair(
        "radiating_pain",
        _tags("SHOULDER_BLADES"),
        _tags("SPREADS"),
        window=4,
        needs=(_tags("CHEST"),),
    ),
    Pair(
        "radiating_pain", _tags("BODY_OTHER"), _tags("SPREADS"), window=4, needs=(_tags("CHEST"),)
    ),
    # a belly that throbs or pulses
    Pair("pulsating_lump", _tags("BELLY"), _tags("PULSE"), window=6),
    # pain at night or at rest: worse, not eased, waking
    Pair("night_rest_pain", _tags("NIGHT REST BED"), _tags("WORSE WAKES")),
)

TRUNK = _tags("SADDLE WIPE CHEST HEART BELLY")
LIMBS = _tags("LEG LEGS BODY_OTHER")
TIMING = _tags("WORSE WAKES")
CHANGES = frozenset().union(*(pair.changes for pair in PAIRS))
TAKES: dict[str, frozenset[str]] = {
    **{tag: CHANGES - TIMING for tag in LIMBS},
    **{tag: CHANGES - TIMING - {"CRACK_GO"} for tag in TRUNK},
    **{tag: TIMING for tag in _tags("MOVING DAYTIME EXERCISE")},
}
"""Which changes each area word can take. A part of the body takes any change in the body,
paired or not ("my hands go numb on the loo" is about the hands, "my legs went from under me on
the trampoline" is not a crash), except that the trunk is where one lands, not what cracked
("landed on my bum, felt something give" is about the landing). Activities and times of day
take only "worse" or "wakes me" ("worse in the morning than at night", "worse after sitting,
fine lying down"). Every other area (a function, a time, an event) takes only the changes it
pairs with ("couldn't climax last night, felt nothing": the feeling is not the night's)."""
for _pair in PAIRS:
    for _area in _pair.areas - TRUNK - LIMBS:
        TAKES[_area] = TAKES.get(_area, frozenset()) | _pair.changes
BARRIERS = frozenset(
    {"but", "however", "though", "tho", "although", "altho", "whereas", "except", "yet", ";"}
)
_BY_TAGS: dict[tuple[str, str], list[Pair]] = {}
for _pair in PAIRS:
    for _area in _pair.areas:
        for _change in _pair.changes:
            _BY_TAGS.setdefault((_area, _change), []).append(_pair)


class Concept(NamedTuple):
    """A run of tokens with one concept tag."""

    tag: str
    start: int
    end: int


def pair_targets(doc: Doc) -> list[Span]:
    """Targets for the pairs found in each clause of a tagged doc (see the module docstring)."""
    found: list[Span] = []
    for sentence in doc.sents:
        concepts = _concepts(sentence)
        tags_here = {concept.tag for concept in concepts}
        for change in concepts:
            if change.tag not in CHANGES:
                continue
            area = _nearest_area(doc, change, concepts)
            if area is None:
                continue
            for pair in _BY_TAGS.get((area.tag, change.tag), ()):
                if _distance(area, change) > pair.window:
                    continue
                if not all(need & tags_here for need in pair.needs):
                    continue
                start, end = min(area.start, change.start), max(area.end, change.end)
                found.append(Span(doc, start, end, label=pair.kind))
    return _tightest(found)


def _tightest(spans: list[Span]) -> list[Span]:
    """Of overlapping pairs of one kind, the shortest: the closest binding of a change to its
    area, which keeps a negation that is part of the change ("never finish") inside it."""
    kept: list[Span] = []
    for span in sorted(spans, key=len):
        if not any(
            other.label_ == span.label_ and other.start < span.end and span.start < other.end
            for other in kept
        ):
            kept.append(span)
    return sorted(kept, key=lambda span: span.start)


def _concepts(sentence: Span) -> list[Concept]:
    concepts: list[Concept] = []
    for token in sentence:
        tag = token.tag_
        if tag == "-":
            continue
        if concepts and concepts[-1].tag == tag and concepts[-1].end == token.i:
            concepts[-1] = concepts[-1]._replace(end=token.i + 1)
        else:
            concepts.append(Concept(tag, token.i, token.i + 1))
    return concepts


def _distance(one: Concept, other: Concept) -> int:
    """Words between two concepts."""
    return max(one.start, other.start) - min(one.end, other.end)


def _nearest_area(doc: Doc, change: Concept, concepts: list[Concept]) -> Concept | None:
    """The body area or function word nearest to a change, with no negation or contrast between
    them; on a tie the one before it."""
    best: Concept | None = None
    for concept in concepts:
        if concept is change or change.tag not in TAKES.get(concept.tag, ()):
            continue
        if best is not None and _distance(concept, change) >= _distance(best, change):
            continue
        if _separated(
            doc, concept, change, contrast_joins=_joined_past_a_contrast(concept, change)
        ):
            continue
        best = concept
    return best


NOT_A_DENIAL = frozenset({"just", "only"})
"""Words after a negation that make it no denial ("isn't just my foot")."""
CLAUSE_ENDS = frozenset({",", "and", "&", "then"})
"""Words after which a negation no longer reaches ("without straining and can't feel it")."""


def _joined_past_a_contrast(area: Concept, change: Concept) -> bool:
    """The area comes first and makes, with the change, a pair that a contrast does not part."""
    return area.end <= change.start and any(
        pair.across_contrast for pair in _BY_TAGS.get((area.tag, change.tag), ())
    )


def _separated(doc: Doc, one: Concept, other: Concept, *, contrast_joins: bool = False) -> bool:
    """A contrast (unless `contrast_joins`), or a negation still open, between two concepts (the
    concepts' own words do not count): "my bum isn't numb" is not a pair, "isn't just my foot,
    it's my privates too" and "go number 2 without straining and can't feel it" are."""
    start, end = min(one.end, other.end), max(one.start, other.start)
    if not contrast_joins and doc[end].lower_ in BARRIERS:
        return True  # the later concept opens with a contrast ("…but nothing")
    negated = False
    for i in range(start, end):
        token = doc[i]
        if token.tag_ != "-":
            continue
        word = token.lower_
        if word in BARRIERS:
            if not contrast_joins:
                return True
            negated = False
        if word in NEGATIONS:
            following = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            negated = following not in NOT_A_DENIAL
        elif word in CLAUSE_ENDS:
            negated = False
    return negated
