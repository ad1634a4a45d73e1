"""Red flags: reports that need a clinician now, not a coach later.

`find_red_flags` reads a member's free-text note and names the red-flag families it mentions;
`urgent_flag` adds a pain score at or above the urgent threshold and turns both into one urgent
`FlagDecision` for the coach.

How a note is read, in plain words:

1. Curly apostrophes become straight ones and hyphens become spaces, so a curly "can't" reads
   like a straight one and "pins-and-needles" like "pins and needles". Letter case never
   matters. Spellings are listed both ways where they differ ("anaesthesia"/"anesthesia",
   "agonising"/"agonizing").
2. The note is cut into clauses at punctuation (. , ; : ! ? brackets, dashes) and at words such
   as "but" and "though", so "no fever but my feet are numb" is two separate statements.
3. Each family below has a short table of patterns. A pattern matches within one clause, on
   whole words ("feverish" counts as fever; "fallout" and "fallen leaves" are not a fall).
4. A match is dropped when it is negated:
   - a negative word ("no", "not", "never", "without", "none", "nor", "don't", "haven't",
     "didn't", "can't", ...) stands at most five words before the symptom, with no new subject
     ("I", "my", "it", ...) in between: "no fever or chills", "I didn't fall over",
     "without any tingling in my feet";
   - or the symptom is followed by words saying it has gone: "the numbness in my legs is gone",
     "fever went away".
   Some patterns contain a negative word themselves ("no control of my bladder", "can't lift
   my foot"); only words before the whole pattern can negate those.

Known limits (precision was preferred over cleverness; the coach still sees every note):

- Numbness or tingling counts only with a place in the legs, feet or groin/saddle area; "my
  hands went numb" or a bare "some numbness" does not match.
- "Legs feel weak" or "like jelly" after a session is normal fatigue and does not match; only
  giving way, buckling, foot drop, dragging or catching a foot, or "weakness in my leg" do.
- A list after a comma needs its own negative word: "no fever, chills or sweats" is read as
  a report of chills. "No fever or chills" is fine.
- Past or hypothetical mentions still match ("I had a fever last year", "tell you if my legs
  go numb"), as do negations worded in ways not listed, such as "I haven't noticed my legs
  going numb" (the "my" ends the negative word's reach). These err towards raising a flag.
- "Pain at night" on its own is not severe night pain; it must wake the member, stop them
  sleeping, be worse at night or lying down, or be called severe, bad, terrible...
- A fall must be told as one ("I fell over", "had a fall", "slipped on..."): "since the fall"
  alone is not read, as it may mean autumn.
- "Wakes me up at night" is read as pain even without saying what wakes them (the baby...).
- "Had an accident" is read as an accident, even when it means a bladder accident; either way
  the member is told to see a doctor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.config import SymptomThresholds
from bot.rules.symptoms import FlagDecision


@dataclass(frozen=True)
class RedFlag:
    """One red flag found in a note: its family id, a label for people, and the words matched."""

    family: str
    label: str
    matched: str


@dataclass(frozen=True)
class Family:
    """A red-flag family: an id, a label a coach reads, and the patterns that recognise it.

    A pattern may name the symptom itself with a group called `sym`; negative words are looked
    for before that group. Without it, before the whole match.
    """

    family: str
    label: str
    patterns: tuple[re.Pattern[str], ...]


def _family(family: str, label: str, *patterns: str) -> Family:
    compiled = tuple(re.compile(pattern, re.IGNORECASE) for pattern in patterns)
    return Family(family, label, compiled)


# Building blocks shared by the patterns.
_GAP = r"(?:[\w']+\s+){0,%d}?"  # up to N words in between; use as _GAP % N
_MY = r"(?:(?:my|the|both|his|her|one)\s+)?(?:(?:left|right|lower|upper)\s+)?"
_CANT = r"(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|unable\s+to)"
_LEGS = r"(?:legs?|feet|foot|toes?|thighs?|calf|calves|shins?|ankles?|knees?)"
_SADDLE = (
    r"(?:groin|crotch|saddle(?:\s+area)?|genitals?|privates|private\s+parts|bum|butt|buttocks?"
    r"|backside|bottom|perineum|between\s+(?:my|the)\s+legs)"
)
_PLACE = rf"(?:{_LEGS}|{_SADDLE})"
_NUMB = (
    r"(?:numb(?:ness)?|tingl(?:e|es|ed|ing|y)|pins\s+(?:and|&|n)\s+needles"
    r"|loss\s+of\s+(?:feeling|sensation)|lost\s+(?:the\s+|all\s+)?(?:feeling|sensation))"
)
_PAIN_SUBJECT = r"(?:pain|it|back|ache|aching|sciatica|leg|hurting|hip)"
_NIGHT = r"(?:at|in\s+the|during\s+the|every|most|each)\s+night"
_SEVERE = (
    r"(?:severe|bad|terrible|awful|horrible|unbearable|excruciating|intense"
    r"|agonising|agonizing)"
)

FAMILIES: tuple[Family, ...] = (
    _family(
        "numbness",
        "numbness or tingling in the groin/saddle area or legs",
        # numbness in my groin, tingling down the back of my leg
        rf"\b(?P<sym>{_NUMB})\s+{_GAP % 4}{_MY}{_PLACE}\b",
        rf"\b{_PLACE}\s+{_GAP % 4}(?P<sym>{_NUMB})\b",  # my feet keep going numb
        r"\bsaddle\s+ana?esthesia\b",
        rf"\b{_CANT}\s+feel\s+{_MY}{_PLACE}\b",  # can't feel my feet
        r"\b(?:numb|can'?t\s+feel\s+(?:it|anything))\s+when\s+(?:i\s+)?wip(?:e|ing)\b",
    ),
    _family(
        "bladder_bowel",
        "loss of bladder or bowel control",
        r"\bincontinen(?:t|ce)\b",
        rf"\b(?:lost|losing|lose|loss\s+of|no|poor)\s+(?:\w+\s+)?control\s+(?:of|over)\s+{_MY}"
        r"(?:bladder|bowels?|pee|wee|urine|poo)\b",
        rf"\b{_CANT}\s+(?:hold|control)\s+(?:it\s+in|{_MY}(?:pee|wee|urine|bladder|bowels?|poo))\b",
        rf"\b{_CANT}\s+(?:pee|wee|urinate|pass\s+(?:urine|water)|empty\s+{_MY}bladder"
        r"|go\s+to\s+the\s+(?:toilet|loo|bathroom))\b",
        rf"\b(?:trouble|difficulty|struggling|problems?)\s+(?:with\s+)?(?:peeing|weeing|urinating"
        rf"|passing\s+(?:urine|water)|emptying\s+{_MY}bladder)\b",
        r"\b(?:wet|wetting|peed|pee'd|weed|wee'd|soiled|pooed|pooped|poo'd)\s+"
        r"(?:myself|my\s+(?:pants|trousers|knickers|underwear)|the\s+bed)\b",
        r"\b(?:leak(?:s|ed|ing)?|dribbl(?:e|es|ed|ing))\s+(?:urine|pee|wee"
        r"|(?:a\s+(?:bit|little)\s+)?when\s+i\s+(?:cough|sneeze|laugh|lift|jump))\b",
        r"\b(?:can'?t|cannot)\s+(?:feel|tell)\s+when\s+i\s+(?:need\s+to\s+)?(?:pee|wee|go|poo)\b",
    ),
    _family(
        "leg_weakness",
        "weakness in the legs",
        r"\b(?:legs?|knees?)\s+"
        + (_GAP % 3)
        + r"(?P<sym>(?:gave|give|gives|giving|gone|went|going|keeps?\s+giving)\s+"
        r"(?:way|out|from\s+under\s+me)|buckl(?:e|es|ed|ing)|collaps(?:e|es|ed|ing))\b",
        r"\b(?:foot\s+drop|drop(?:ped)?\s+foot)\b",
        rf"\b{_CANT}\s+(?:lift|raise|point|pull\s+up)\s+{_MY}(?:foot|feet|toes?|ankles?)\b",
        # only as the whole statement: "can't move my leg past 90 degrees" is about mobility
        rf"\b{_CANT}\s+move\s+{_MY}(?:legs?|foot|feet|toes)(?:\s+(?:at\s+all|properly))?\s*$",
        rf"\b{_CANT}\s+(?:stand|walk)\s+on\s+{_MY}(?:toes|heels?)\b",
        rf"\b(?:dragging|drags?|dragged)\s+{_MY}(?:foot|feet|legs?)\b",
        rf"\b(?:tripping|tripped|trip|catching|catch)\s+(?:over\s+|on\s+)?{_MY}(?:own\s+)?"
        r"(?:foot|feet|toes?)\b",
        rf"\bweakness\s+(?:in|of)\s+{_MY}{_LEGS}\b",
        r"\b(?:leg|foot|ankle)\s+weakness\b",
        rf"\b{_LEGS}\s+{_GAP % 2}(?P<sym>(?:went|gone|going|suddenly)\s+weak)\b",
    ),
    _family(
        "fever",
        "fever, chills or night sweats",
        r"\b(?P<sym>fevers?|feverish|febrile)\b",
        r"\b(?:a|high|running\s+a|ran\s+a|got\s+a|had\s+a)\s+temperature\b",
        r"\b(?:high|running\s+a|ran\s+a|got\s+a|had\s+a)\s+temp\b",
        r"\b(?P<sym>chills|rigors|(?:hot\s+and\s+cold|cold)\s+sweats)\b",
        r"\bnight\s+sweats?\b",
        rf"\b(?P<sym>sweat(?:s|ing|y)?)\s+{_GAP % 3}{_NIGHT}\b",
        r"\b(?:wak(?:e|es|ing)|woke)\s+up\s+(?:\w+\s+)?(?:drenched|soaked|in\s+a\s+sweat)\b",
    ),
    _family(
        "fall_or_accident",
        "pain after a fall or accident",
        r"\b(?P<sym>fell|fallen|falling|falls?)\s+(?:over|down|off|onto|backwards|forwards"
        r"|hard|badly|heavily|out\s+of\s+bed|on\s+(?:my|the|some|ice|a)|from|in\s+the\s+(?:shower"
        r"|bath))\b(?!\s+(?:the|a)\s+wagon)",
        r"\b(?:i|i've|ive|have|had|just|we)\s+(?P<sym>fell|fallen)\b"
        r"(?!\s+(?:asleep|behind|ill|sick|pregnant|in\s+love|for|short|apart|through|into"
        r"|out\s+of\s+(?:the\s+)?(?:habit|routine)|off\s+the\s+wagon))",
        r"\b(?:had|took|taken|suffered|after|since)\s+(?:a|an|my)\s+(?:\w+\s+)?"
        r"(?P<sym>fall|tumble|spill)\b",
        r"\b(?P<sym>slipped|slipping)\s+(?:and|on|over|down|off|in)\b",
        r"\b(?P<sym>tripped)\s+(?:and|over|on)\b",
        r"\b(?:car|road|traffic|bike|cycling|motorbike|motorcycle|skiing|ski|work|sports?"
        r"|riding)\s+(?:accident|crash|collision|smash)\b",
        r"\b(?:had|was\s+in|been\s+in|involved\s+in)\s+(?:a|an)\s+(?:\w+\s+)?"
        r"(?P<sym>accident|crash|collision|pile\s+up)\b",
        r"\b(?:hit|knocked\s+(?:off|down|over))\s+by\s+a\s+(?:car|bike|van|truck|lorry|bus)\b",
        r"\b(?:knocked|came)\s+off\s+my\s+(?:bike|motorbike|horse|scooter)\b",
        r"\b(?:crashed\s+(?:my|into)|rear\s+ended|whiplash)\b",
    ),
    _family(
        "night_pain",
        "severe pain at night",
        rf"\b{_PAIN_SUBJECT}\s+{_GAP % 2}(?P<sym>(?:wakes|woke|waking|wake|keeps|kept|keeping"
        r"|keep)\s+me\s+(?:up|awake))\b",
        rf"\b(?P<sym>wakes|woke|waking|wake)\s+me\s+(?:up\s+)?{_NIGHT}\b",
        r"\b(?P<sym>wake|wakes|waking|woke|woken)\s+(?:up\s+)?(?:by|from|because\s+of|due\s+to)\s+"
        r"(?:the\s+)?(?:pain|my\s+back|back\s+pain)\b",
        rf"\b{_CANT}\s+(?:get\s+to\s+)?sleep\s+{_GAP % 2}(?:for|because\s+of|with|from|due\s+to)"
        r"\s+(?:the\s+)?(?:pain|it|my\s+back)\b",
        r"\b(?P<sym>worse|worst)\s+(?:at\s+night|overnight|in\s+the\s+night|in\s+bed"
        r"|(?:(?:when|while)\s+(?:i'?m\s+|i\s+am\s+|i\s+)?)?(?:lying|lie)\s+down)\b",
        rf"\b{_SEVERE}\s+(?:\w+\s+)?(?:pain|ache)\s+{_NIGHT}\b",
        rf"\b{_SEVERE}\s+night\s+pain\b",
        r"\b(?:up|awake)\s+all\s+night\s+(?:with|from|because\s+of)\s+(?:the\s+)?"
        r"(?:pain|my\s+back)\b",
    ),
    _family(
        "weight_loss",
        "unexplained weight loss",
        r"\b(?P<sym>lost|losing|lose|dropped|dropping)\s+(?:a\s+lot\s+of\s+|lots\s+of\s+|so\s+much"
        r"\s+|some\s+|any\s+)?(?:weight|\d+(?:\.\d+)?\s*(?:kg|kgs|kilos?|lbs?|pounds|stone))\s+"
        + (_GAP % 3)
        + r"(?:without\s+(?:even\s+)?(?:trying|dieting|meaning\s+to)"
        r"|for\s+no\s+(?:apparent\s+|obvious\s+)?reason|(?:don'?t|do\s+not)\s+know\s+why"
        r"|not\s+sure\s+why|no\s+idea\s+why|not\s+(?:even\s+)?(?:trying|dieting))\b",
        r"\bunexplained\s+weight\s+loss\b",
        r"\bweight\s+loss\s+(?:without\s+trying|for\s+no\s+reason)\b",
    ),
)

# One character for one character, so positions in the cleaned text are positions in the note.
_CLEAN = str.maketrans(
    {
        "\u2019": "'",  # right single quote, the usual curly apostrophe
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2013": ",",  # en and em dashes separate clauses
        "\u2014": ",",
    }
)
_CLAUSE_BREAK = re.compile(
    r"\.(?!\d)|[,;:!?()\[\]\n]|\b(?:but|although|though|however|except|whereas)\b", re.IGNORECASE
)
_WORD = re.compile(r"[\w']+")
_NEGATIVE_WORDS = frozenset(
    {"no", "not", "never", "without", "none", "nor", "neither", "zero", "cannot", "ain't"}
    | {"can't", "cant", "couldn't", "couldnt", "won't", "wouldn't", "wouldnt", "shouldn't"}
    | {"don't", "dont", "doesn't", "doesnt", "didn't", "didnt"}
    | {"haven't", "havent", "hasn't", "hasnt", "hadn't", "hadnt"}
    | {"isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't", "werent"}
)
_NEW_SUBJECT = frozenset(
    {"i", "i'm", "im", "i've", "ive", "i'd", "my", "it", "it's", "its", "he", "she", "we", "they"}
    | {"you", "then", "now", "still", "also"}
)
_NEGATION_REACH = 5
_GONE_AFTER = re.compile(
    r"(?:'s|\s+(?:is|are|has|have|was|had))?(?:\s+(?:now|all|completely|totally|finally|fully"
    r"|long))*\s+(?:gone|went\s+away|gone\s+away|cleared|stopped|disappeared|resolved|passed"
    r"|eased|settled|broke)\b",
    re.IGNORECASE,
)


def find_red_flags(text: str) -> list[RedFlag]:
    """The red-flag families the note mentions, at most one per family, in table order.

    `matched` is the note's own wording of the first mention that is not negated.
    """
    cleaned = text.translate(_CLEAN)
    clauses = list(_clauses(cleaned))
    found: list[RedFlag] = []
    for family in FAMILIES:
        span = _first_mention(family, cleaned, clauses)
        if span is not None:
            found.append(RedFlag(family.family, family.label, text[span[0] : span[1]]))
    return found


def urgent_flag(
    pain: int | None, note: str | None, thresholds: SymptomThresholds
) -> FlagDecision | None:
    """An urgent flag when the pain is at or above `urgent_pain` or the note has a red flag.

    Both reasons are given when both apply. None when neither does.
    """
    reasons: list[str] = []
    if pain is not None and pain >= thresholds.urgent_pain:
        reasons.append(f"Pain {pain}/10, at or above the urgent level of {thresholds.urgent_pain}.")
    flags = find_red_flags(note) if note else []
    if flags:
        mentions = "; ".join(f'{flag.label} ("{flag.matched}")' for flag in flags)
        reasons.append(f"Their note mentions {mentions}.")
    return FlagDecision("urgent", " ".join(reasons)) if reasons else None


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of the text."""
    start = 0
    for brk in _CLAUSE_BREAK.finditer(text):
        yield start, brk.start()
        start = brk.end()
    yield start, len(text)


def _first_mention(
    family: Family, text: str, clauses: list[tuple[int, int]]
) -> tuple[int, int] | None:
    for start, end in clauses:
        for pattern in family.patterns:
            for match in pattern.finditer(text, start, end):
                symptom_start = match.start("sym") if "sym" in pattern.groupindex else match.start()
                if not _negated_before(text[start:symptom_start]) and not _gone_after(
                    text[match.end() : end]
                ):
                    return match.span()
    return None


def _negated_before(before: str) -> bool:
    """A negative word close before the symptom, with no new subject in between."""
    for word in reversed(_WORD.findall(before.lower())[-_NEGATION_REACH:]):
        if word in _NEGATIVE_WORDS:
            return True
        if word in _NEW_SUBJECT:
            return False
    return False


def _gone_after(after: str) -> bool:
    """Words right after the symptom saying it has gone, e.g. "is gone", "went away"."""
    return _GONE_AFTER.match(after) is not None
