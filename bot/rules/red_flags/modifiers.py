"""ConText modifiers: the words that change what a finding means (Harkema et al. 2009).

Each rule has a category, a direction (which side of the cue its scope reaches) and sometimes
a maximum scope in tokens. A scope ends at the sentence end, at a TERMINATE cue ("but",
"however", a comma followed by a new subject...) and, for some categories, at other cues
(`terminated_by`). `reading.BLOCKED_BY` says which categories cancel which kinds of finding.

Categories:

- NEGATED: "no", "never", "without", "denies", "haven't noticed", "Fever? No". Noun-like
  negations ("no", "without", "none", "nor", "never") reach across a comma, so "no fever,
  chills or sweats" denies all three; verb negations ("not", "n't") stop at a comma, so
  "can't sit for long, numb bum" still reports the numbness.
- PSEUDO: look like a cue but are not one ("no wonder", "not only", "never had pain like
  this", "gone numb"); being longer, they win over the cue they contain.
- OTHER_PERSON: someone else has it ("my wife", "dad", "a guy at the gym", "he"); ended by the
  member speaking of themself again ("I", "my", "me"), and never about a finding that names them
  ("a car hit me"). GENERIC_YOU: "you", "your" ("what if your legs go numb?"), lifted when the
  member then claims it ("…? that's me right now").
- HYPOTHETICAL: "if", "what if", "in case", "should I worry about", "watch for", "signs of".
- HISTORICAL: years back ("years ago", "as a kid", "used to", "when I was pregnant", "in 2009").
- PAST_MONTH: weeks back ("last month", "a few weeks ago", "in March").
- CURRENT: "now", "again", "since", "still", "today"; ends HISTORICAL and PAST_MONTH scopes.
- LONGSTANDING: "for years", "always have", "since having my kids" (not new).
- RESOLVED: "gone", "went away", "cleared up", "no longer", "not anymore".
- TRANSIENT: numbness or a leg giving way that passed as soon as its cause did ("fine once I
  got up", "stops as soon as I come out of the stretch", "then fine"); for saddle and both-leg
  findings, and for a leg giving way only together with POSTURE (see `reading.ONLY_TOGETHER`).
- PERSISTING: "still", "hasn't gone", "not this time", "for two days": lifts RESOLVED and
  TRANSIENT, so a transient cue never hides numbness that stays.
- DEFINITION: a question about a word, not a report ("what does cauda equina mean?", "is chest
  pain ever normal?"); ended by the member speaking of themself ("what does it mean that I
  can't feel…").
- JOKING, EXERCISE, POSTURE: a joke ("could barely walk after leg day 😂"), an exercise as the
  subject ("these lunges are unbearable"), or a position ("from sitting cross-legged"). Three
  categories, because ConText lets cues of one category cut each other's scope.
- EXPLAINED_TEMP: heat or cold from outside ("39 degrees outside", "cold shower").
- RANGE: a range of movement, not a loss of it ("can't move my leg past 90 degrees").
- NOT_MEDICAL: a cancer word that is not a diagnosis ("cancer research", "I'm a Cancer", the
  star sign); DIAGNOSED ("survivor", "patient") lifts it.
- AFFIRMED: the member says a hypothetical is theirs ("the leaflet mentioned saddle numbness
  and I think I have it", "…? mine hasn't for two days"); it lifts HYPOTHETICAL and DEFINITION
  for what comes before it, in its sentence or an earlier one of the message.
- NOT_PAIN: "the heat is unbearable", "crippling anxiety", "my form keeps getting worse".
- FEAR_OF: "my fear of cancer" is not a history of it.
- STRAIN: an arm that aches from carrying or lifting is not pain spreading from the chest.
- IDIOM: "wet myself laughing", "fell over laughing", "couldn't move for laughing". PERIOD: pads
  for a period are not for leaks.
- ELSEWHERE_FINE: pain worse at night in one bed but fine in another ("fine in my own bed") is
  mechanical, not night pain.
- ANGLE: "degrees" of a joint ("hip flexion to 100 degrees"), near the number only.
- DOWN_NOW: a high score that has come down ("pain was 9 last week, now it's a 3").
- JUST_ASKING: "just curious", "asking for future reference", "haven't had any": in its sentence,
  or after a question in which the member does not speak of themself ("does foot drop always
  hurt? just reading up").
- EXTERNAL: chest pressure from a foam roller, a massage ball or the bar resting on it.
- NEAR_MISS: "nearly fell", "almost had an accident", "nearly had a heart attack".
- NOCTURIA: "my bladder wakes me once a night" is waking to pass water, not night pain (a cue
  before the waking only, so a bladder named after it explains nothing).
- BETTER_NOW: "feeling much better today", anywhere in the message: a severe pain told of is
  over (see `reading.PAST_PEAKS`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from medspacy.context import ConTextRule
from spacy.tokens import Span

from bot.rules.red_flags.dsl import Tokenize, forms

RELATIONS = (
    "wife|husband|hubby|partner|partners|boyfriend|girlfriend|bf|gf|fiance|fiancee|missus|mrs"
    "|spouse|mum|mom|mother|mam|mummy|mommy|dad|father|daddy|son|sons|daughter|daughters|kid|kids"
    "|child|children|baby|toddler|brother|bro|sister|sis|sibling|siblings|friend|friends|mate"
    "|mates|pal|colleague|colleagues|coworker|co-worker|boss|neighbour|neighbor|client|clients"
    "|nan|nana|nanna|gran|granny|grandma|grandmother|grandad|grandpa|granddad|grandfather|aunt"
    "|auntie|aunty|uncle|cousin|cousins|nephew|niece|flatmate|roommate|housemate|teammate"
    "|stepdad|stepmum|stepmom|family|guy|lady|bloke|fella|dog|cat|teacher|boy|girl|lad|lass"
    "|bairn|wean|youngest|eldest"
    "|twin|grandson|granddaughter|grandkids|inlaws|in-laws|fil|mil|kiddo|kiddos|lola|lolo|appa"
    "|amma|umma|abuela|abuelo|oma|opa"
)
VOCATIVES = "mate|pal|buddy|bro|bruv|dude|bud|chief|boss|coach|hun|fella|man|sir|fam"
"""Words for the person the member is talking to ("not today mate"), not someone else."""
PROFESSIONALS = "coach|trainer|instructor|physio|teacher|doctor|doc|gp|nurse|midwife"
SUBJECT = "i|my|im|i'm|ive|i've|the|this|there|now|then|also|he|she|we|me|both|well"
"""Words that start a new clause after "and" or a comma, ending every scope."""
PRONOUN_IT = "it|its|it's"
"""A clause that goes on about the same thing ("my colleague lost weight and it turned out to
be cancer"): it ends every scope but someone else's."""
KINDS_EXPLAINED = ("both_legs", "leg_weakness", "leg_failing", "severe_pain")
PASSED_NOW = (
    "gone|better|fine|stopped|cleared|eased|settled|resolved|disappeared|normal|ok|okay|away"
)
"""Words that say a change has ended, before "since" ("gone since yesterday")."""
PASSED = (
    "fine|normal|ok|okay|better|gone|alright|right|away|off|stops|stopped|stop|goes|went|eases"
    "|eased|passes|passed|wore|wears|disappears|disappeared|settles|settled"
)
"""Words that say a sensation ended, as in "fine once I got up" or "wore off in a minute"."""
QUICKLY = (
    "once|when|whenever|after|immediately|instantly|quickly",
    "in|within a|seconds|secs|minutes|mins|few|couple|moment|minute|second|sec|min",
    "in|within /\\d+/",
    "the moment|minute|second|instant",
    "as? soon as",
    "straight|right after|away",
)
"""What ties its end to a change of position or to a short time (one phrase each)."""
STILL_THERE = (
    "still",
    "not|n't|nt|never _{0,2} gone|fine|normal|ok|okay|right|better|stopped|stop|passed|eased|away"
    "|off|settled|go|wear|worn|cleared|improved",
    "not|n't|nt|never come|came|gone|got|went back to normal",
    "not this time",
    "this time it",
    "ever since|since then",
    "then|but|and|now came|come|comes|coming back",
    "came|comes|coming back again|today|this|now|yesterday|tonight|after|at|last|in|since",
    "'s|is|are|its|it's back now|again|today|tonight",
    "it|they|numbness|tingling 's|is|are back now|again|today|tonight|,|.|!|and|for",
    "back again",
    "returned|returning|recurring|recurred|recurs",
    "comes and goes",
    "on and off",
    "keeps|kept coming|comes back",
    "since the",
    "all day|night|morning|afternoon|evening|week",
)
"""What says numbness stayed; a leading "but" does not end its scope ("…fine once I'm off, but
not this time")."""
MONTHS: tuple[tuple[str, ...], ...] = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
"""The months in order, each in full and short."""
DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri"
"""The days of the week, in full and short."""
RECENTLY = (
    "since yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|last|this|lunch"
    "|breakfast|today|tues|thurs|weds|mon|fri|sat|sun",
    "since the weekend|morning|flare|fall|accident|crash|flareup",
    "for /\\d+|two|three|four|five|several|a|few|couple/ _{0,1} days|hours|hrs|weeks",
    f"started|starting|began|begun on? yesterday|today|tonight|this|last|at|overnight|{DAYS}",
    f"came|come|comes on yesterday|today|tonight|this|last|at|overnight|{DAYS}",
    "new|first time",
    "never|not|n't|nt|didnt used|use to",
    "never used to be|have|get like this|that",
    "never happened|had this|that|it before",
)
"""What says a change is new ("since Tuesday", "for two days", "started last night"): numbness
that stays, and a change that no "for years" elsewhere in the message can explain away."""
ELSEWHERE_WORDS = (
    "but|though|tho|and|,|;|-? fine|better|ok|okay|good|comfy|comfortable|normal|great|grand"
)
TRANSIENT_KINDS = ("saddle_numbness", "both_legs", "leg_weakness", "leg_failing")
KINDS_NOT_NEW = (
    "saddle_numbness",
    "bladder",
    "incontinence",
    "bowel",
    "sexual",
    "both_legs",
    "leg_weakness",
    "leg_failing",
)


DOCUMENTS = (
    "page|pages|site|website|leaflet|leaflets|article|articles|booklet|card|poster|video|videos"
    "|tiktok|tiktoks|instagram|insta|youtube|reddit|facebook|fb|reel|reels|podcast|tweet|twitter"
    "|thread|documentary"
    "|form|forms|questionnaire|guide|sheet|app|pdf|email|handout|list|forum|nhs|programme"
    "|program|checklist|questions|chart|post|blog|internet|google|faq|faqs|handbook"
)
"""Written sources whose wording a member may ask about ("the NHS page mentioned...")."""
SAY = (
    "mentions|mentioned|mention|says|said|lists|listed|talks|talked|warns|warned|asks|asked"
    "|describes|described|explains|explained|covers|covered|tells|told|writes|wrote|shows|about"
    "|saying|claiming|claims|claimed"
)
BENIGN_ILLS = (
    "cold|flu|virus|bug|anxiety|panic|indigestion|heartburn|reflux|wind|gas|muscle|muscular"
    "|strain|hangover|nothing|stress|covid|hayfever|allergies|asthma|cough|lurgy|sunburn|heat"
)
"""Everyday causes a member gives for a sensation ("turned out to be a cold")."""
BECAUSE = "cos|coz|cuz|because|cause|bc|due|thanks|owing"
"""Words that give a cause, a few words ahead of it ("cos I did the session in the garden")."""
FROM = "from|with|after|in|during|on|at|when|whenever"
"""Prepositions that give a cause right before it ("from the bleachers", "in the cold")."""
BENIGN_CAUSES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "duvet|duvets|tog|blanket|blankets|covers|quilt|heating|radiator|radiators|heater"
        "|weather|heat|heatwave|sun|rain|wind|snow|cold|chill|frost|aircon|fan|shorts|garden"
        "|outside|outdoors|lake|sea|river|pool|swim|swimming|shower|bath|sauna|flush|flushes"
        "|flushing|menopause|perimenopause|hormones|bedroom|room|office|gym|dog|cat|coffee"
        "|curry|spicy|wine|beer|booze|drink|drinking|hangover|workout|session|run|training"
        "|nightmare|nightmares|stress|nerves|degrees|humid|humidity|sweltering|boiling|roasting"
        "|warm|hot|aircon|air-con|ac",
        ("chills_sweats", "temp_reading"),
    ),
    (
        "baby|babies|dog|dogs|cat|cats|kids|kid|toddler|neighbours|neighbors|noise|alarm|heat"
        "|storm|thunder|snoring|partner|husband|wife|hubby|nightmare|nightmares|stress|coffee"
        "|mattress|pillow|pillows"
        "|caffeine|shift|shifts|toilet|loo|wee|pee",
        ("night_rest_pain",),
    ),
    (
        "asthma|asthmatic|inhaler|inhalers|ventolin|hay|hayfever|allergies|allergy|pollen|cough"
        "|coughing|phlegm|catarrh|flu|bronchitis|bench|pecs|antihistamine|antihistamines",
        ("chest_pain", "radiating_pain"),
    ),
    (
        "diabetes|diabetic|neuropathy|raynaud's|raynauds|raynaud|b12|circulation|cold|shoes|boots"
        "|socks|trainers|heels|stretch|stretches|stretching|pancake|straddle|frog|splits|yoga"
        "|pilates|cycling|spin|bike|kneeling|squatting",
        ("both_legs",),
    ),
    (
        "tired|tiredness|knackered|exhausted|exhaustion|shattered|sleepy|hungover|hangover|shift"
        "|shifts|nightshift|nights|jetlag|jetlagged|sleep|insomnia",
        ("leg_weakness", "leg_failing"),
    ),
)
"""Causes that explain a finding away, with the kinds each may explain: warmth or cold for
shivers and sweats, a waker for waking at night, asthma or a cold for a tight chest, a known
condition, the cold or a stretch for numb feet. Never a bladder, bowel, saddle or sexual change:
a new one needs a doctor whatever the member thinks caused it."""


def _causes_by_kinds(
    groups: tuple[tuple[str, tuple[str, ...]], ...],
) -> list[tuple[str, tuple[str, ...]]]:
    """The causes regrouped so that each word is in one group only, with every kind it may
    explain, as ConText keeps a single cue where two match the same words ("after the
    workout" explains both shivers and weak legs)."""
    kinds_of: dict[str, set[str]] = {}
    for causes, kinds in groups:
        for cause in causes.split("|"):
            kinds_of.setdefault(cause, set()).update(kinds)
    words_of: dict[tuple[str, ...], list[str]] = {}
    for cause, explains in kinds_of.items():
        words_of.setdefault(tuple(sorted(explains)), []).append(cause)
    return [("|".join(words), explains) for explains, words in words_of.items()]


def _explained_by(causes: str) -> tuple[str, ...]:
    """Cue phrases that give one of these causes: "cos the duvet's too thick", "from the
    bleachers", "was my asthma", "the inhaler sorted it"."""
    return (
        f"{BECAUSE} to|of? _{{0,6}} {causes}",
        f"{FROM} the|my|a|an|this|that|all|those|these|our|being|having? _{{0,2}} {causes}",
        f"was|is|'s|it's|its|just my? _{{0,1}} {causes}",
        f"{causes} sorted|sorts|sort|fixed|fixes|fix|helped|helps|help|cleared|clears|clear"
        "|settled|settles|settle",
        f"{causes} killed|killing|wrecked|wrecking|destroyed|did|done|finished me|in",
    )


@dataclass(frozen=True)
class Cue:
    """Phrases (in the `dsl` notation) that act as one kind of ConText cue."""

    category: str
    direction: str
    phrases: tuple[str, ...]
    max_scope: int | None = None
    allowed: tuple[str, ...] | None = None
    terminated_by: tuple[str, ...] = field(default_factory=tuple)


YEARS_BACK = (
    "years|yrs|year|decades|decade|months ago|back|earlier",
    "/(?:a|one|few|couple|many|two|three|four|five|several|\\d+)/ of? "
    "years|yrs|year|decades|months ago|back|earlier",
    "last|past|previous year",
    # "I had dengue before 2 years"
    "before /(?:[2-9]|\\d\\d)/ years|yrs",
    "that time",
    "back then",
    "back? in the /(?:19)?[5-9]0'?s/",
    "back? in the sixties|seventies|eighties|nineties",
    "back in the spring|summer|autumn|winter",
    "in|back in|since? /(?:19|20)\\d\\d/",
    "as a|an kid|child|teen|teenager|baby|toddler|student|youngster|boy|girl",
    "when|while i|we was|were /(?:[1-9]|[1-5]\\d)/",
    "at the? age of? /(?:[1-9]|[1-5]\\d)/",
    "as a /(?:[1-9]|[1-5]\\d)/ year old",
    "when|while i was|were _{0,2} younger|little|kid|child|teen|teenager|pregnant|small"
    "|young"
    "|school|uni|university|student|baby|girl|boy|20s|twenties|thirties|30s",
    "long|ages time? ago|back",
    "a long time ago",
    "in the past",
    "previously|childhood",
    "in my youth|20s|30s|twenties|thirties|teens",
    "in my early|mid|late 20s|30s|40s|twenties|thirties|forties|teens",
)
"""Years back: "years ago", "as a kid", "in 2009", "back in the 80s"."""

EARLIER_ON = (
    "when|before i started|starting|began",
    "at the start|beginning",
    "at first",
    "initially|originally",
    "on day|week 1|one",
    "the first day|week|session|days|weeks",
    "to begin with",
    "before starting|lockdown|covid|pregnancy",
    "^post",
    "post op|surgery|surgical|operative",
)
"""Before now in another way: "used to", "at first", "before lockdown", "post op"."""


FRONTED = "/[,:]/ i|we|my"
"""After a time said first, up to the subject ("Years ago, I…"): as one token pattern, not as a
list of every word sequence, which would cost about 1 kB of the reader's memory each."""
CLAUSE_END = "/[.,!;:\u2014-]/"
"""The punctuation that ends a clause (one token pattern, as `FRONTED`)."""

ME_TOO = (
    "me|mine too|2|aswell|also",
    "me|mine as well",
    "mine 's|is|has|does|did|was|keeps _{0,3} too|aswell",
    "mine 's|is|has|does|did|was|keeps _{0,3} as well",
    "so do|did|have|has|am|was|is|can|could i|mine",
    "neither can|could i",
    "same here",
    "same for|with me",
    "same thing here",
    "same thing for|with me",
    "i 'm|am the same",
    "im the same",
    "snap|ditto",
    f"i 've|have|do|am|did|get|got|had it|that|them|this? too|aswell {CLAUSE_END}",
    "happening|happened to me too|aswell|now",
    "happening|happened to me as well",
    "the same thing|one is|'s? happening|happened to me",
    "i 've|have|ve had that|it|this|them|those since",
    "i 've|have|ve got exactly|just that|this|it",
    "mine started|began|came|kicked",
    "mine has|does|is|did|'s|keeps",
    "that 's|is me too|aswell",
    "that 's|is me as well",
    "thats me too|aswell",
    "what 's|is happening|happened to me",
    "that|which|it 's|is what 's|is happening",
    "that|which|it 's|is what 's|is going on",
    "thats|whats what 's|is happening",
    "thats|whats what 's|is going on",
    "mine has|wo|does n't|nt|not gone|go|cleared|stopped|eased|settled",
    "mine hasnt|wont|doesnt gone|go|cleared|stopped|eased|settled",
    "mine are|is|'s going|gone|heading the same way",
    "same happened|happening to me",
    "i 've|have|ve got the exact|exactly same thing|one",
    "i 'm|am like that|this too|aswell|now",
    "i 'm|am on it|them|that too|aswell|now",
)
"""The member saying that what someone else has is theirs too ("my neighbour had a numb bum
once; mine's numb now too", "my husband couldn't feel himself wiping. So did I this
morning"): it lifts someone else's finding, and a hypothetical one, wherever it comes after it
(`reading.candidates`)."""


WEEKS_BACK = (
    "last|past|previous month",
    "/(?:a|one|few|couple|two|three|four|several|\\d+)/ of? weeks|week|month ago|back|earlier",
    "weeks ago",
    "in|during|over january|february|march|april|may|june|july|august|september|october"
    "|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec",
    "over|at christmas|easter|summer",
    # "at the start of the month": weeks back, not before the programme
    "at the start|beginning|end of the|this|last month|week",
)
"""Weeks back: "last month", "a few weeks ago", "in March" (each also fronted, up to its
subject: "In March, I had a fever")."""


IS_IT_BAD_IF = (
    "is|would it be? bad|normal|ok|okay|serious|worrying|dangerous|concerning|fine|alright"
    "|common if"
)
"""A worry about what happened or is happening to the member ("is it bad if I wet myself", "is
it ok if both legs are numb"), not a "what if"."""


CUES: tuple[Cue, ...] = (
    Cue(
        "NEGATED",
        "FORWARD",
        (
            "no|never|without|none|nor|neither|zero|nothing|nope|nah|nada|denies|deny|denied"
            "|denying|w/o",
            "no sign|signs|evidence|history|hint|trace|sign of?",
            "nae|nay|na|nowt|nothin",
            "negative on|for|re|regarding",
            "free of|from",
            "ruled|rule out",
            "none of",
            "not any|a",
        ),
        max_scope=8,
        terminated_by=("CONTRAST",),
    ),
    Cue(
        "NEGATED",
        "FORWARD",
        ("not|n't|nt|dont|didnt|havent|hasnt|isnt|wasnt|arent|doesnt|cant|wont",),
        max_scope=6,
        terminated_by=("COMMA", "CONTRAST"),
    ),
    Cue(
        "NEGATED",
        "BIDIRECTIONAL",
        ("?|:|-|=|— no|nope|nah|none|negative|nil|n/a", "? certainly|definitely|absolutely not"),
        max_scope=5,
    ),
    Cue(
        "NEGATED",
        "BACKWARD",
        (
            "not present|noticed|an issue|a problem",
            "is|are|was|were|'s n't|nt|not a? problem|issue|thing",
            "was|were|came|come|is|are back? negative|clear|fine|normal",
        ),
        max_scope=5,
    ),
    Cue("COMMA", "PSEUDO", (",|;|/|…|...|+|&",)),
    # What the member has after denying something else, which ends the denial (and only the
    # denial): "no fever, just a crushing pain in my chest", "no numbness just chest pain",
    # "no temp - can't feel my bits".
    Cue(
        "CONTRAST",
        "PSEUDO",
        (
            # one word, so that every longer cue with it wins ("just wondering", "not only")
            "just|only",
            ",|;|-|—|: merely|simply|still|struggling|struggle|keep|keeps",
            "-|—|: ca|can|could n't|nt|not",
            "-|—|: cant|cannot|couldnt",
        ),
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            "no wonder|joke|kidding|lie|lying|doubt|exaggeration|idea|matter|way|better|relief|end"
            "|clue|choice|option",
            "not only|just|sure|kidding|joking|exaggerating|improving|easing|settling|helping"
            "|better"
            "|great|ideal|normal|right|ok|okay|good|fun|nice|funny|sleeping|until|till|even",
            "not|n't|nt gonna|going lie",
            "not|n't|nt even when|at|with|in|while|lying|resting",
            "not|n't|nt getting|get|got better|any better|easier",
            "not|n't|nt going|go|gone away",
            "not|n't|nt|cannot|cant get|getting rid of",
            "not|n't|nt|cannot|cant shake|shift|budge|kick",
            "not|n't|nt stop|stopping|stopped",
            "n't|nt|not tell|know|say|sure if|whether|when",
            "never had|felt|experienced|known|been|seen _{0,2} like this|anything|so|this bad"
            "|before",
            "nothing helps|works|eases|relieves|touches|settles|shifts|helping|easing|working",
            "like nothing|never i|i've|ive|'ve|ever _{0,2} felt|had|known|experienced|seen",
            "not|n't|nt|never|isnt|wasnt from|after|during|by|with|due|because|cos the|my|a|an"
            "|this|that|to|of? /[a-z]+/",
            "nothing like it|this|that",
            "^not today|tonight|now|atm|yet|sure",
            f"^not today|tonight|now {VOCATIVES}",
            "^not this time",
            "^no|nah|nope ,|.|!|-|—|sorry|mate|coach",
            "not just|only",
            "isnt|wasnt|arent just|only",
            "nothing comes|came|coming out",
            # "…without any warning": a denial of something else, not of the finding
            "without any|much? trying|dieting|realising|realizing|noticing|warning|reason|meaning"
            "|thinking|exaggeration|exaggerating|doubt|question|lying",
            "n't|nt|not make|made it",
            "no urge|urges|sensation|feeling|control",
            "no feeling|sensation down|in|between|when",
            # "nothing when I wipe": a feeling that is missing, not a denial
            "feel|felt? nothing when|while|as i? wipe|wiping",
            # "neither of my legs feel right": both are wrong
            "neither|none of? my|the|them? @LEG|LEGS feel|feels|seem|seems|is|are|look|looks"
            " right|normal|ok|okay",
            # a worry about what happened, not a hypothetical: "is it bad if I wet myself"
            f"{IS_IT_BAD_IF} i 've|ve|have|had|keep|kept|am|'m|ca|cant|wet|peed|weed|leaked"
            "|pooed|soiled|lost|fell|felt|noticed|got",
            f"{IS_IT_BAD_IF} my|both|the",
            "is|would it be? a problem|worry|concern if i|my|both|the",
            "?|:|-|=|— no|nope|nah feeling|sensation|urge|control|idea|clue|warning|signal|strength"
            "|power|movement|change|sign|pain",
            "not|n't|nt right|normal",
            "ca|can|could n't|nt|not tell|stop|help|wait|believe|remember",
            "n't|nt|not|without even|really|actually? realise|realize|realised|realized|realising"
            "|realizing|knowing",
            # a new change, not a denial: "never had bladder trouble before this week"
            "never|not|n't|nt had|felt|noticed|got|experienced _{0,5} until|till|til|before today"
            "|tonight|yesterday|now|this|last|recently|monday|tuesday|wednesday|thursday|friday"
            "|saturday|sunday",
            # the feeling came too late: "I didn't feel anything till it was too late"
            "n't|nt|not|never feel|felt|notice|noticed|realise|realize|know|knew _{0,2} till|until"
            "|til it was|'s too late",
            # not a hypothetical: "just in case it matters: I had cancer 10 years ago"
            "in case it|this matters|helps",
            "in case it 's|is relevant|useful|important",
            # a question, not a claim: "how do I know if I have it?"
            "if|whether i have|'ve|got|get|do it|this|that|them",
            # a lost ability, not the past: "I used to be able to feel when I needed a wee"
            "used|use to be able",
            # dismay, not a denial: "oh no my bum is numb", "no no no"
            "oh|omg|ah|aw|uh|god no",
            "no no no",
            "on their|its own",
            "gave|give|gives|giving me the? chills|shivers|goosebumps",
            "n't|nt|not sure|know|remember",
            "like someone|somebody|some1 else's|elses|else",
            # a brand of pads, not someone else: "bought some tena lady pads, leaking a bit"
            "tena lady|men",
            "someone|somebody|some1 else's|elses",
            "to someone|somebody|some1 else",
            # a correction, not a denial: "ate out of ten no sorry nine out of ten"
            "no|nah|oops|oh sorry|wait|correction",
            "no|nah|oops|oh i|sorry mean|meant",
            "sorry i mean|meant",
            # politeness, not a hypothetical: "sorry if I look rough"
            "sorry|apologies|apologise|apologize if|for|about",
            # "mine's only ever the right side", "mine's fine": a denial, not a claim
            "mine|mines 's|is only|just|always|never|fine|ok|okay|normal",
            "mine's|mines only|just|always|never|fine|ok|okay|normal",
            # pain going somewhere has not gone: "it's gone down my left arm"
            "but|and|though|tho? it|that|this|they|its|it's 's|has|have|is|was|had? gone|went|going"
            "|moved|spread down|up|into|through|to|across|round|around|over|along",
            # "back's completely gone": the back gave out, it did not get better
            "back 's|is|has? completely|totally|just|really? gone",
            # "my mate ... and now has foot drop": the same subject goes on
            "and|, now|then? has|had|got|needs",
            # the member carried them: "I carried my grandson and felt a crack"
            "carried|carry|carrying|lifted|lift|lifting|picked|picking|pick|held|hold|holding"
            "|hugged|hugging|chasing|chased|bathing|bathed|pushing|pushed up? my|the|our _{0,1} "
            f"{RELATIONS}",
            # "my legs are going weak, both of them": the legs, not other people
            "@LEG|LEGS _{0,4} both|each|either|all of them",
            # "no longer confined to my right leg": it has spread, not gone
            "no longer confined|restricted|limited|isolated",
            "not|n't|nt just|only confined|restricted|limited|isolated",
            # "what began as sciatica in the left leg has ... extended": a story, not a question
            "what began|started|begun as",
            # "how would I know if it were happening to me?": a question, not a claim
            "if it were|was happening|happen|to happen to me",
            # "I didn't just nearly wet myself, I actually did": not a near miss
            "n't|nt|not just|only nearly|almost",
            # the coach addressed, not a generic "you"
            "for your records|record|information|info|interest|reference|notes|attention",
            "answering|answer|answers|re|to your questions|question|form|list|checklist",
            # the coach's own programme: "for your calf raises", "in your video"
            "for|in|from|with|on your exercises|exercise|programme|program|plan|session|sessions"
            "|calf|routine|video|videos|protocol|class|classes|leaflet|form|questions|advice",
            "your advice|help|opinion|thoughts|view|views|input|take|guidance",
            # "should I worry that I can't feel the toilet paper?": the member's own sign
            "should i|we be? worry|worried|concerned|worrying that|because|as i|my|i'm|im|i've|ive",
            "i hope|trust you are|'re|re|'ve|have|ve well|keeping|been",
            "hope|trust you are|'re|re well|keeping",
            "you may|might|will|'ll|can recall|remember|see|observe|notice|note",
            "as you know|will|can|may see|know|recall",
        ),
    ),
    Cue(
        "TERMINATE",
        "TERMINATE",
        (
            "but|however|though|although|tho|altho|except|whereas|yet|besides|otherwise|anyway"
            "|anyways|because|cause|cos|coz|so|also|plus|then|ps|btw"
            "|update|edit|apart|aside|meanwhile|whilst|while",
            f",|;|:|and|&|+|-|— {SUBJECT}",
            f"and {SUBJECT}",
            ", and|& " + SUBJECT,
            "on the other hand",
            "that said",
        ),
    ),
    Cue(
        "CLAUSE",
        "PSEUDO",
        (
            "which|who",
            f",|;|and|&|+|-|— {PRONOUN_IT}",
            f"and {PRONOUN_IT}",
            f", and|& {PRONOUN_IT}",
        ),
    ),
    Cue("SELF", "PSEUDO", ("i|me|my|myself|mine|meself|own|mines",)),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            f"^{VOCATIVES}",
            f"today|tonight|thanks|thank|cheers|ta|hi|hey|hiya|morning|evening|sorry|yes|no|nah"
            f"|yeah|yep|nope|ok|okay|sure|alright|dear|,|!|crook|rough|bit|done|tough {VOCATIVES}",
            "he|she|they said|says|say|thinks|think|thought|reckons|reckoned|told|tells|wants"
            "|asked|asks|mentioned|checked|examined|found|did|does|gave|prescribed|started|put",
            # "friends keep commenting on how thin I've got": others as onlookers
            f"my|our|the|a|his|her? {RELATIONS}|people|everyone|everybody|others|folk|folks keep"
            "|keeps|kept|always|are|have|has been? saying|commenting|telling|asking|noticing"
            "|remarking|mentioning",
            f"my|our|the|a|his|her? {RELATIONS}|people|everyone|everybody|others|folk|folks"
            " commented|remarked|noticed|comment|remark|notice",
            "not|n't|nt|dont|doesnt|didnt mind|care|matter|like|love|understand",
        ),
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            "my|our|the|her|his coach|trainer|instructor|teacher|student|students",
            "my|our|a|the|one patient|patients|pt|resident|residents|client|clients",
            "^pt|patient|patients",
            "family history",
            ",|;|:|-|and|& and? he|she|they 's|has|is|was|had|got|'d|been|have|are|were|came|comes"
            "|come|went|goes|gets|get|keeps|started|starts|feels|felt|woke|wakes|can|could|ca"
            "|cant|couldnt|does|did|do|doesnt|didnt|says|said|seems|looks|needs|needed|developed"
            "|ran|runs|caught",
        ),
        max_scope=8,
        terminated_by=("SELF",),
    ),
    Cue(
        "OTHER_PERSON",
        "BACKWARD",
        (f"was|were|meant|means|mean|is|'s my|her|his|our {RELATIONS} 's?",),
        max_scope=12,
    ),
    Cue(
        "BETTER_NOW",
        "BIDIRECTIONAL",
        (
            "feeling|feel|feels|felt _{0,1} much|loads|lots|heaps|way|so|miles better|fine|great"
            " today|now",
            "much|loads|lots|heaps|way|miles better|fine today|now",
        ),
        max_scope=1,
    ),
    Cue(
        "BACK_FINE",
        "BIDIRECTIONAL",
        (
            "back|it|spine _{0,1} is|'s|feels|felt|was|seems|seemed|has|been _{0,1} fine|ok|okay"
            "|good|great|quiet|normal|unchanged|grand|alright|sound|better|stronger|brilliant",
            "back|spine _{0,1} is|'s|feels|felt|was|seems|seemed|has|been _{0,1} the best",
            "back|spine getting|feeling|feels|felt|is|'s stronger|better",
            "same old stiffness|ache|aches|back",
            "back|spine is|'s|at|feels|feeling a? /[0-2](?:[.,]5)?(?:\\/10)?/",
            "back|it|spine _{0,1} is|'s|feels|felt|was|seems|seemed|has|been no different",
            "back|it|spine _{0,1} is|'s|feels|felt|was|seems|seemed|has|been the same",
            "back|spine fine|ok|okay|good|quiet|normal|unchanged|grand|alright",
            "no back|spine change|changes|pain|problems|issues|difference",
            "no change|changes|difference in|to|with my|the? back",
            "back no different|change",
            "back is|'s|feels|was no different",
            "only the back",
            "nothing new to report",
            "back|it|spine is|'s|was only|just the usual|normal|familiar|ordinary stiffness|stiff"
            "|ache|sort|kind",
        ),
        max_scope=1,
    ),
    Cue(
        # the back not injured: `reading` makes it a back said fine only in a message that does
        # not also say the back hurts ("the spine isn't affected … my back has started hurting")
        "BACK_UNHURT",
        "BIDIRECTIONAL",
        (
            "back|spine was|is|were n't|nt|not affected|injured|hurt|involved",
            "back|spine not|unaffected|uninjured|unhurt affected?",
            "no injury|damage|harm to the|my spine|back",
            "no spinal|back problems|issues|trouble _{0,2} since",
            "no problems|issues with my back|spine",
        ),
        max_scope=1,
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            # the member stopping, easing off or settling is not a finding that passed
            "i|we|so|then stopped|stop|quit|eased|settled|passed",
            "had|have|has|need|needed to stop|quit|ease",
            ",|;|-|— stopped|stop|quit",
            "^stopped|stop|quit",
            # "electric shocks down them": legs or feet, not people
            "down|into|through|along|across|up|inside|in both? of? them",
            # "it hasn't, I'm still shivery": a short denial of what came before, not what follows
            "it|that|they has|have|had|is|was|did|does n't|nt|not ,|.|-|—|!|;",
            "it|that|they hasnt|havent|hadnt|isnt|wasnt|didnt|doesnt ,|.|-|—|!|;",
            # "a patient on my ward": the member's place, not the member
            "on|in|at|from|with|to my|our ward|team|shift|unit|clinic|floor|street|course|class"
            "|gym|road|estate|work|office|block|caseload|list|rota|round|rounds|wing|bay|school"
            "|squad|club",
            # "the guy next to me": the member as a place, not as the subject
            "next to me",
            "beside|behind|near|opposite|nearby me",
            "in front of me",
            "across from me",
            # "my mum's incontinence pads": what someone else owns, not what they have
            f"my|our|the|his|her|their? {RELATIONS} 's|s incontinence|old|spare|new|bed? @CLOTHES",
            f"my|our|the|his|her|their? {RELATIONS} 's|s car|house|place|bed|sofa|chair|stairs"
            "|dog|cat|bike|garden|party|wedding|funeral|birthday|kitchen|bathroom|toilet|loo",
            # trying to go "for ages" is how long the try took, not how long a change has lasted
            "@PEE|TOILET|TRY_GO _{0,3} for ages|forever|hours|minutes|mins|ages",
            "@PEE|TOILET|TRY_GO _{0,3} for a while",
        ),
    ),
    Cue(
        "NOT_ME",
        "BIDIRECTIONAL",
        (",|;|-|—|( not|n't|nt me|mine|myself", "^not me|mine|myself"),
        max_scope=1,
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            "not|n't|nt me|mine|myself to? blame|being|complaining|moaning|whining|again",
            "not|n't|nt me|mine|myself but|though|tho",
        ),
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        ("past|post|through|after the|my? menopause|menopausal|meno|perimenopause",),
    ),
    Cue(
        "PROXY",
        "BIDIRECTIONAL",
        (
            "typing|writing|messaging|texting|replying|answering|sending this? for my|her|him|his"
            "|them",
            "typing|writing|messaging|texting|replying|answering|sending this? on behalf of my|her"
            "|him|his|them",
            "on her|his|their behalf",
            f"{RELATIONS} here",
            # "hubby typing for me: she can't feel…" (the member is "me", then "she")
            f"{RELATIONS} typing|writing|texting|messaging for me",
        ),
    ),
    Cue(
        "DEICTIC",
        "PSEUDO",
        ("this|that|these|those|it|its|wrong|up|happening|happened|causing|caused|about|a|an",),
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            f"my|our|the|a|his|her|their|one|an|some? {RELATIONS} 's? {RELATIONS}?",
            f"{RELATIONS} 's",
            # after a dash or a comma, which would otherwise end the scope it starts ("— my dad")
            f",|;|:|-|— my|our {RELATIONS}",
            "my|our /\\d+/ year|yr|month old|olds",
            "he|she|they|hers|herself|himself|themselves|he's|she's|theyre",
            "someone|somebody|anyone|anybody|people|everyone|everybody|others|patients|nobody",
        ),
        terminated_by=("SELF",),
    ),
    Cue(
        "OTHER_PERSON",
        "FORWARD",
        (
            "the|a|an|this|that|some|one|another|other|old|young|older|elderly woman|man|women|men"
            "|person|chap|lady|ladies|bloke|gentleman|dude|runner|runners|lifter|member|members|girl"
            "|boy|lad|fella|guy|guys|people|folk|folks|woman's|man's|person's",
        ),
        terminated_by=("SELF",),
    ),
    Cue("GENERIC_YOU", "FORWARD", ("you|your|yourself|u",), terminated_by=("SELF",)),
    Cue(
        "OTHER_NEAR",
        "BIDIRECTIONAL",
        ("his|her|their|him|them",),
        max_scope=3,
        terminated_by=("SELF",),
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            "thank|thanks you|u",
            "did|do|have|can|could|will you",
            "you know",
            "you said|mentioned|asked",
            # not a claim: "mine has been stable", "mine is, if anything, better at night"
            "mine has|is|'s|was been? ,? if? anything? ,? stable|fine|normal|ok|okay|better|good"
            "|unchanged|steady|same|improving|great|alright",
            # for someone else too: "physio booked for me too"; nothing new: "same here as usual"
            "for|with|to me too|aswell",
            "same here as usual|always|ever",
            # not eased: "couldn't get back to sleep"
            "n't|nt|not|never|cannot|cant|couldnt get|got|go|went|drift|drifted back to sleep",
            # a feeling that is missing, not the usual pain: "no longer get the usual sense that
            # my bladder is full"
            "the|my usual|normal sense|feeling|sensation|urge|signal",
            # a request already met: "since your form asked me to report such things, …"
            "asked|told|instructed|advised|reminded|asks|tells us|me|you? to report|mention|flag"
            " such|these|those|any|all such? things|changes|symptoms|matters",
        ),
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            "if|whether|incase|unless",
            "what if|happens|should|do|would|are|is|to do",
            "in case",
            "in the event|future",
            "should i|we be? worry|worried|concerned|looking|watching|worrying about|if|for"
            "|whether|when",
            "should i|we worry|worrying",
            "need|have to worry|panic about",
            "need|have to be worried|concerned about",
            "nightmare|nightmares|dream|dreams|dreamt|dreamed|dreaming that|about|of|i",
            "had a nightmare|dream",
            f"saw|seen|watched|read|reading|watching a|an|this|some|the {DOCUMENTS}",
            "checked|tested|screened|scanned|investigated|examined me|us? for",
            "said|asked|told|instructed|advised|reminded|asks|says|tells|tell us|me|you? to report"
            "|mention|flag any",
            "following|followed|follow|read|reading _{0,3} advice|information|guidance|guidelines"
            " regarding|about|on|concerning",
            "it|they mentions|mention|lists|list",
            # "the nurse asked me all those questions, was I numb down below, …"
            "asked|asking|asks me|us all? the|those|these|some|her|his|their questions",
            "how would|will|do|can|could|should|might i|one|you recognise|recognize|spot|tell|know",
            "how i|one|you would|will|could|can|should|might recognise|recognize|spot|tell|know",
            "how one|you tells|tell|knows|know|recognises|recognizes|distinguishes",
            "how|what's|whats _{0,3} difference between",
            "what is _{0,2} difference between",
            "test|tests|testing|check|checks|screen|screening|scan for",
            "^would|might",
            "tell|let|warn|remind me|you|us know? if|when|whether|about",
            "watch|look|keep an? eye? out? for",
            "signs|sign|symptoms|symptom|warning|warnings of",
            "what|which signs|symptoms",
            # a plan, not a medicine taken: "my rheumatologist may start me on prednisolone"
            "may|might|will|could|would|wants|want|planning|going to? start|put me on",
            "warning signs|symptoms|sign",
            "red flags|flag",
            "worried|scared|afraid|frightened|terrified|paranoid|fear|fearful|worry of"
            "|about getting"
            "|developing|catching|having",
            "worried|scared|afraid|frightened|terrified|worry it|that 's|is|could|might|may",
            "could|might|can|may it|this|that be",
            "is it|this|that a|the? sign|signs|symptom",
            "can|could|does|do|will|would _{0,4} cause|causes|lead",
            "what|which counts|count as",
            "how do|would|can|will|should i know",
            "read|heard|hearing|googled|googling|learned|learnt about|that|online",
            # "reading about" is JUST_ASKING's (see below), which ties it to a question
            "reading that|online",
            "leaflet|leaflets|website|article|booklet|card|video|nhs says|said|mentions|mentioned",
            "told|advised|warned me|us? to",
            # "an episode of incontinence" is an event; a programme's episode is not
            "film|movie|show|documentary|programme|book|story|news|podcast about|of",
            "episode about",
            "risk|risks|chance|chances of",
            "when should|do|would|to",
            "prevent|avoid|reduce",
        ),
    ),
    Cue(
        "DEFINITION",
        "FORWARD",
        ("^what|whats",),
        max_scope=5,
        terminated_by=("SELF", "DEICTIC", "COMMA"),
    ),
    Cue(
        "DEFINITION",
        "BACKWARD",
        (
            "ever normal|ok|okay|common|serious|dangerous|bad|fine|safe|harmless|expected",
            "ever a|an",
            "ever something to worry about",
            # "is unexplained weight loss one of the warning signs?"
            "one of the warning|red? signs|flags|symptoms",
            "considered a|an concern|worry|problem|warning|red|serious",
        ),
        max_scope=10,
        terminated_by=("SELF",),
    ),
    Cue(
        "DEFINITION",
        "FORWARD",
        ("ever normal|ok|okay|common|fine|safe|expected to|for",),
        max_scope=10,
        terminated_by=("SELF",),
    ),
    Cue(
        "HYPOTHETICAL",
        "BACKWARD",
        ("test|tests|exam|examination|assessment|screening|screen",),
        max_scope=3,
    ),
    Cue(
        "HYPOTHETICAL",
        "BACKWARD",
        (
            "as|is|are something|things|signs|symptoms to look|watch|check out? for",
            "something|things|signs|symptoms to look|watch|check out? for",
        ),
        max_scope=8,
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        ("know|knows|knew|understand what", "know|knows|knew how _{0,2} feels"),
        max_scope=5,
    ),
    Cue("HISTORICAL", "FORWARD", ("post",), max_scope=2, allowed=("cauda_equina_named",)),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            "i|i've|ive|'ve? said|wrote|typed|put|meant _{0,4} by mistake|accident",
            "i|i've|ive|'ve? said|wrote|typed|put _{0,4} wrongly|instead|earlier",
        ),
    ),
    Cue(
        "EXPLAINED",
        "BACKWARD",
        (
            f"turned|turns out to be just|only? a|an|my? {BENIGN_ILLS}",
            f"was|is|it's|its|'s just|only|actually|probably|prob a|an|my? {BENIGN_ILLS}",
            # "doctor check ECG and heart is ok"
            "heart|ecg|ekg|bloods|tests is|was|were|came back? ok|okay|fine|normal|clear|healthy",
        ),
        max_scope=12,
        allowed=(
            "fever",
            "temp_reading",
            "chills_sweats",
            "chest_pain",
            "radiating_pain",
            "night_rest_pain",
            "tearing_pain",
        ),
    ),
    # either side: "hypothetically I fall off my bike", "…if I fell, hypothetically"
    Cue("HYPOTHETICAL", "BIDIRECTIONAL", ("hypothetically|theoretically",)),
    Cue(
        "HYPOTHETICAL",
        "BACKWARD",
        (
            "mean|means|indicate something|anything|cancer|serious",
            "mean|means|signify|indicate ?",
        ),
        max_scope=8,
    ),
    Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        (*YEARS_BACK, *EARLIER_ON),
        max_scope=10,
        terminated_by=("CURRENT",),
    ),
    # fronted, up to the subject: "Years ago, I came off my motorbike" (", I" would end the
    # scope; the longer cue wins over it and over the same words without the comma)
    Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        tuple(f"{phrase} {FRONTED}" for phrase in YEARS_BACK),
        max_scope=10,
        terminated_by=("CURRENT",),
    ),
    Cue(
        "PAST_MONTH",
        "BIDIRECTIONAL",
        (*WEEKS_BACK, *(f"{phrase} {FRONTED}" for phrase in WEEKS_BACK)),
        max_scope=10,
        terminated_by=("CURRENT",),
    ),
    Cue(
        "ONGOING",
        "BIDIRECTIONAL",
        (
            "started|put|starting|putting me|us on",
            "been|still|currently on",
            "'ve|have|has|ve been|be on",
            "on them|it since",
        ),
        max_scope=10,
        allowed=("steroids", "immunosuppression", "immune_condition"),
    ),
    Cue(
        "CURRENT",
        "PSEUDO",
        (
            "now|today|tonight|currently|still|again|since|yesterday|lately|recently|atm|nowadays",
            "this week|morning|evening|afternoon|weekend",
            "last night",
            "at the moment",
            "right now",
            "over|in|during|across|for|throughout the last|past|previous /\\d+|few|couple|two|three"
            "|four|six/? of? month|months|week|weeks|fortnight|days",
            # up to now, not "last year": "I have injected on and off over the past year"
            "over|across|throughout the last|past|previous year",
            # an age now, not a time back: "I'm in my early forties"
            "'m|am|im|now in my early|mid|late? 20s|30s|40s|50s|60s|twenties|thirties|forties"
            "|fifties|sixties|seventies|teens",
            "these days",
        ),
    ),
    Cue(
        "LONGSTANDING",
        "BIDIRECTIONAL",
        (
            "for years|ages|decades|donkeys",
            "for a long time",
            "for as long as",
            "always have|had|been|do|did|has|does",
            "all my life",
            "my whole life",
            "since|after i? was|had|having|giving|gave? birth? to? my|the|our? first|second|third"
            "|last|1st|2nd|3rd|youngest|eldest? birth|kids|kid|baby|babies|children|child|pregnancy"
            "|pregnant|son|daughter|twins|labour|labor|delivery|section|c-section|csection",
            "for a? /\\d+|two|three|four|five|six|seven|eight|nine|ten|many|several|few/ "
            "years|yrs|decades",
            "since having|giving|childbirth|birth|pregnancy",
            "years now",
            "long standing|-standing",
            "longstanding|chronic|lifelong",
            "after having|giving my|the? kids|baby|children|birth",
            "since|after my|the|our first|second|third|last|youngest|eldest|1st|2nd|3rd was|were"
            " born",
            "since having|after having them|him|her",
            "since my op|operation|surgery|fusion|diagnosis|accident|injury|teens|teenage|twenties"
            "|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s",
            "since i was _{0,2} teen|teenager|kid|child|young|little|small|born|pregnant",
            "unchanged|same|different for|in|over the? past|last? /\\d+|two|three|four|five|ten"
            "|twenty|thirty|forty|many|several/ years|decades",
            "after|since /two|three|four|five|\\d|my/ children|kids|babies|births|pregnancies",
            "permanent and|but? stable|unchanged",
            "n't|nt|not changed|altered|worsened in|for many|years|decades",
        ),
        max_scope=8,
        allowed=(*KINDS_NOT_NEW, "chills_sweats"),
    ),
    Cue(
        "LONGSTANDING",
        "BACKWARD",
        (
            "forever|for ever|since forever",
            "not|nothing|never n't? new",
            "not|nothing|n't a new thing",
            "same as ever|always|usual",
            "as always|usual",
            "always happens|happened|does|do|did|leak|leaks|leaked|get|gets",
            "normal|usual|standard|typical for me|long|cyclists|riders|runners|bikers|cycling",
            "my normal",
            "been like that|this for|since ever|forever|ages|years|decades|donkeys",
        ),
        allowed=(*KINDS_NOT_NEW, "chills_sweats"),
    ),
    Cue(
        "LONGSTANDING",
        "BACKWARD",
        (
            # "I leak when I sneeze, I have done since my third baby": the same thing, long since
            ",|;|-|— i|i've|ive have|'ve|ve|had? done|had|been it|that|so|like? this|that? ever",
            ",|;|-|— i|i've|ive have|'ve|ve|had? done|had|been it|that|so|like? this|that? since"
            "|for my|the|i|years|decades|ages|donkeys|forever|childhood|school|birth|baby|babies"
            "|kids|pregnancy|menopause",
        ),
        max_scope=12,
        allowed=(*KINDS_NOT_NEW, "chills_sweats"),
    ),
    Cue(
        "LONGSTANDING",
        "BIDIRECTIONAL",
        (
            # a known aneurysm or angina under watch, not a new sign
            "scan|scanned|scans|check|checked|checks|monitor|monitored|watch|watched _{0,2} every"
            "|each|once|yearly|annually|regularly _{0,1} year|years|months?",
            "yearly|annual|regular|routine scan|scans|check|checks|checkup|checkups|surveillance",
            "under surveillance|observation",
            "but|and|though|which it|its? is|'s|was|has|been stable|controlled",
            "but|though stable|controlled",
        ),
        max_scope=10,
        allowed=("pulsating_lump", "chest_pain"),
    ),
    Cue(
        "LONGSTANDING",
        "FORWARD",
        ("stable|controlled",),
        max_scope=1,
        allowed=("pulsating_lump", "chest_pain"),
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            "gone|disappeared|vanished|resolved|subsided|passed|stopped|faded|cleared|settled|eased"
            "|improved|healed|recovered",
            "went|gone|go|goes away",
            "cleared|clearing|clears up",
            "settled|settling|settles down",
            "fine|ok|okay|good|better|normal now",
            "all fine|ok|okay|good|better|sorted",
            "back to normal",
            "came|come|comes back straight|quickly|right|soon|within|fine|normally|normal",
            "the? feeling|sensation came|comes|returned|returns back?",
            "the? feeling|sensation has|had come|returned back?",
            "not|n't|nt anymore",
            "not|n't|nt any more",
            "fully|completely healed|recovered|better|fine",
            "right as rain",
            "shook|shaken|shake|shaking it|that? off",
        ),
        max_scope=8,
    ),
    Cue("RESOLVED", "FORWARD", ("no longer", "no more"), max_scope=6),
    Cue("RESOLVED", "FORWARD", ("got|get|getting|gotten over|rid of",), max_scope=4),
    Cue(
        "RESOLVED",
        "BIDIRECTIONAL",
        (
            # a short course of steroids, or one that is over, is not long-term steroids
            "for|of /(?:a|one|two|three|four|five|six|seven|ten|few|couple|\\d+)/ day|days|week",
            "/(?:a|one|two|three|four|five|six|seven|ten|few|couple|\\d+)/ day|days|week of",
            "short|quick course|burst",
            "finished|stopped|done|completed|came off them|it|the course|those",
        ),
        max_scope=8,
        allowed=("steroids",),
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            f"{PASSED_NOW} since|for yesterday|monday|tuesday|wednesday|thursday|friday|saturday"
            "|sunday|lunch|breakfast|today|tues|thurs|weds|mon|fri|sat|sun|then",
            f"{PASSED_NOW} since|for last|this|the weekend|morning|night|week|evening",
            "'s|is|are|it's|its|all|everything back to normal|usual|myself|fine|ok|okay",
        ),
        max_scope=10,
    ),
    Cue(
        "USUAL",
        "FORWARD",
        ("the|my|our usual|normal|regular|typical|standard", "same old", "my old"),
        max_scope=6,
        allowed=(*KINDS_NOT_NEW, "chills_sweats"),
    ),
    Cue(
        "LONGSTANDING",
        "BACKWARD",
        (
            "exactly|just|pretty|basically|much|been|was|is|'s the same since|for|as",
            "since she|he|they|the|my|our baby|kids|kid|twins was|were born",
            "since she|he|they was|were born",
        ),
        max_scope=15,
        allowed=(*KINDS_NOT_NEW, "chills_sweats"),
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            "but|and|though|tho it|that|this|they|its|it's|all 's|has|have|is|was|were|had? long"
            "? gone|passed|settled|stopped|cleared|eased|went|disappeared|resolved|faded|subsided",
            "but|and|though|tho|;|, it|that|this|they|its|it's|all 's|has|have|is|was|were|had?"
            " wore|worn|wears off",
            "but|and|;|, that|it|this|they 's|is|are|was|were long|well|now|all? behind me|us",
            # "numb on the bus ride but the feeling came back after I got off"
            "but|and|though|tho|,|; the? feeling|sensation came|comes|returned|returns back?",
        ),
        max_scope=15,
    ),
    Cue(
        "TRANSIENT",
        "BACKWARD",
        (
            *(f"but|and|though|tho|then|,|;|-|— _{{0,3}} {PASSED} {quick}" for quick in QUICKLY),
            *(f"{PASSED} {quick}" for quick in QUICKLY),
            *(f"back to normal|myself|fine {quick}" for quick in QUICKLY),
            ",|;|-|and|but? then fine|normal|ok|okay|gone|better|alright|good",
            "fine|normal|ok|okay|gone|better|alright|good after|within /\\d+|a|few|couple|ten|five"
            "|two|twenty/ mins|minutes|min|seconds|secs",
            f"{PASSED} /\\d+|few|couple|ten|five|two|a/ _{{0,1}} minutes|mins|min|seconds|secs"
            " later|after",
        ),
        max_scope=20,
        allowed=TRANSIENT_KINDS,
    ),
    Cue(
        "PERSISTING",
        "BIDIRECTIONAL",
        (*STILL_THERE, *(f"but|and|though|tho|,|;|- _{{0,3}} {still}" for still in STILL_THERE)),
        allowed=KINDS_NOT_NEW,
    ),
    Cue(
        "PROGRESSING",
        "BIDIRECTIONAL",
        (
            "getting|gets|got|get|going|gone _{0,1} worse|weaker|harder",
            "worse|weaker|harder every|each day|week|morning",
            "worse|weaker|harder by the day|week",
            "more and more",
            "day by|after day",
            "even when|if i|im|i'm|it's|its 'm|am|'s|is? not",
            "now even",
        ),
        allowed=KINDS_NOT_NEW,
    ),
    Cue(
        "RECENT",
        "BIDIRECTIONAL",
        (*RECENTLY, *(f"but|and|though|tho|,|;|- {new}" for new in RECENTLY)),
        allowed=KINDS_NOT_NEW,
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            "control|feeling|sensation|strength|power has|'s|is|have? gone|went|disappeared",
            "gone|went|going|go|goes numb|dead|weak|to|stiff|tingly|funny|weird|wobbly|out|from"
            "|down|sore|bad|worse|hot|cold|red|tight|swollen|achy|painful|really|very|so|all|up"
            "|into|through|up|in|under",
            "stopped|stop|stops me|working|breathing|and",
            "passed out|water|urine|blood",
            "lower|upper back|spine|body|leg|legs|abdomen|belly|tummy",
            "for ages|ever before|until|till|to",
            "cleared by",
            "came back",
        ),
    ),
    Cue(
        "JOKING",
        "BIDIRECTIONAL",
        ("@HUMOUR",),
        allowed=(*KINDS_EXPLAINED, "chills_sweats", "progressive_pain"),
    ),
    Cue("EXERCISE", "FORWARD", ("@EXERCISE",), max_scope=3, allowed=KINDS_EXPLAINED),
    # a movement done on purpose: "dragging the foot along the floor for the slider exercise"
    Cue(
        "EXERCISE",
        "BACKWARD",
        ("for|during|in|on the|this|that|each|my slider|sliders|sliding _{0,1} @EXERCISE?",),
        max_scope=8,
        allowed=("leg_weakness", "leg_failing"),
    ),
    Cue(
        "EXERCISE",
        "BIDIRECTIONAL",
        (
            # legs that tire at the end of a hard set: "on the last set of lunges", "RPE 9"
            "on|in|during|at|by the|my|that? last|final|top|heavy|hard|third|fourth|fifth rep|reps"
            "|set|sets|round|rounds",
            "rpe|rir _{0,1} /\\d+(?:[.,]5)?/",
            "to|at failure",
        ),
        max_scope=8,
        allowed=("both_legs", "leg_weakness", "leg_failing"),
    ),
    Cue(
        "POSTURE",
        "BIDIRECTIONAL",
        (
            "from|after|while|when sitting|kneeling|crossing|squatting|lying|sleeping|leaning"
            "|driving|cycling|riding",
            "cross legged|-legged",
            "cross-legged|crosslegged",
            "on|with my? phone|laptop",
            "too long",
            "after|from|on the|a|my? long? flight|drive|journey|ride|trip|flights|drives",
            "in the|a|my? warm|hot? bath|shower|sauna|jacuzzi",
            "hot tub",
            "slept|sleeping|lying|lay|laid|sat|sitting on it|them|my",
        ),
        max_scope=8,
        allowed=("both_legs", "leg_weakness", "leg_failing"),
    ),
    Cue(
        "EXERTION",
        "BIDIRECTIONAL",
        (
            "after|from|during|in|post the|my|a|that|this|today's? _{0,2} class|gym|workout"
            "|workouts|session|sessions|run|hike|training|walk|squats|lunges|ride|swim|game|match|exercises"
            "|deadlifts|bridges|jumps|plyos|sprints|burpees|hills|skipping",
            "after|from|during|post running|cycling|exercise|exercising|training|walking|squatting"
            "|hiking|swimming|lifting|kneeling|crouching",
            "post workout|-workout|session|run|gym",
            "after|from|during|post|on the|my|a|that|this|today's? leg|arm|back|chest|push|pull"
            " day",
        ),
        max_scope=8,
        allowed=("temp_reading", "chills_sweats", "both_legs", "leg_failing"),
    ),
    Cue(
        "EXPLAINED_TEMP",
        "BIDIRECTIONAL",
        (
            "outside|outdoors|weather|heat|heatwave|sun|sunny|beach|holiday|abroad|sauna|bath"
            "|shower|pool|oven|room|house|office|freezing|cold|jacuzzi|spain|greece|dubai|india"
            "|summer|aircon|car",
            "ice bath|water",
            "hot tub",
            "heat wave",
            "menopause|menopausal|perimenopause|perimenopausal|hrt",
        ),
        allowed=("temp_reading", "chills_sweats"),
    ),
    Cue(
        "EXPLAINED_TEMP",
        "BIDIRECTIONAL",
        ("roasting|scorching|sweltering|baking|tropical|humid|sunshine|shade|🌞|☀️|☀",),
        max_scope=6,
        allowed=("temp_reading", "chills_sweats"),
    ),
    Cue(
        "ANGLE",
        "BIDIRECTIONAL",
        ("flexion|extension|angle|bend|bent|rotation|rotate|stretch|hip|knee|abduction|tilt",),
        max_scope=3,
        allowed=("temp_reading",),
    ),
    Cue(
        "RANGE",
        "BACKWARD",
        (
            "past|beyond|further|farther|into|through|higher|lower|fully",
            "as far|much|high|low|easily",
            "very far|much",
            "that far|much",
            "more than",
            "like i used to",
            "on my|the|both? heels|heel|toes|tiptoes|tiptoe",
        ),
        max_scope=3,
        allowed=("leg_weakness", "leg_failing", "severe_pain"),
    ),
    Cue(
        "AFFIRMED",
        "BACKWARD",
        (
            "i think|reckon|believe|suspect|fear|guess i|i've|ive have|'ve|got|get it|that|this"
            "|them|those|some",
            "i have|'ve|do|get got? it|that|this|them|those|both",
            "sounds|sound like me|mine",
            "sounds|sound like what i have|'ve|get|got",
            "that|which|it 's|is me|mine",
            "thats me|mine",
            "because|cos|coz|cuz i ca|can|do|does|have|am|'m n't|nt|not",
            "because|cos|coz|cuz i cant|cannot|dont|do|have|am|'m",
            # the answer to someone's question ("the nurse asked if my bum was numb. It is.")
            "i said|say|told _{0,2} yes|yeah|yep",
            "i said|say|told _{0,2} i have|do|am|had|did|'ve",
            # "…if I had a fever, I checked and it's 38.7"
            "checked|measured _{0,2} and|, it 's|is|was",
            "yes|yeah|yep ,? i do|have|am|did|had|'ve",
            "^it|they is|are|does|do|has|have|'s|'re .|!|,",
            "that|which|it 's|is what i|i've|ive|'ve have|has|got|get|feel",
            "thats|whats what? i|i've|ive|'ve have|has|got|get|feel",
            # "the nurse asked if I had numbness down there and I do."
            f"and|but i do|did|have {CLAUSE_END}",
            "and|but|, yes|yeah|yep it|they|i|my",
            f",|-|— i did|do|have|had {CLAUSE_END}",
            f"and|but it|they is|are|was|were {CLAUSE_END}",
            "i 'm|am|m getting|having|experiencing it|that|this|them",
            "happening to me",
            # "is it ever normal not to feel when your bladder is full? mine hasn't for two days"
            # (someone else's "mine hasn't" is as likely a relief: "glad mine hasn't")
            "mine hasnt|doesnt|isnt|didnt|wont|hasn't|doesn't|isn't",
            "mine has|does|is|did|wo n't|nt|not",
            # "the saddle numbness you asked about is still there"
            "is|are|'s still there|present|here|happening",
            "and|but it|they|that has|have|did|does",
            "i|i've|ive|'ve have|had|has|'ve? had|got|get exactly|precisely|just|literally that"
            "|this|it",
            "like|as today|now|tonight",
            "like|as right now|this morning",
            "it's|its|it|has|'s been _{0,1} a|two|three|few|couple|several _{0,1} days|weeks|months"
            "|week|month|fortnight",
            "it's|its|it|has|'s been _{0,1} /\\d+/ days|weeks|months",
            "i can|could see|feel|watch it|them _{0,1} pulse|pulsing|throb|throbbing|beat|beating"
            "|move|moving",
        ),
    ),
    Cue("ME_TOO", "PSEUDO", ME_TOO),
    Cue(
        "NOT_PAIN",
        "BIDIRECTIONAL",
        (
            "traffic|commute|boredom|anxiety|stress|queue|work|job|boss|neighbours|neighbors|kids"
            "|form|technique|balance|flexibility|hangover|admin|paperwork|music|film|movie|show"
            "|watching|football|match|game|telly|tv",
        ),
        max_scope=3,
        allowed=("severe_pain", "progressive_pain"),
    ),
    # the worst pain, named as something else: "worst pain of my life was childbirth, this is
    # nowhere near", "worst pain of my life is watching my team lose"
    Cue(
        "COMPARED",
        "BACKWARD",
        (
            "was|were childbirth|labour|labor|birth|kidney",
            "was|were giving|having|passing birth|labour|labor|my|a|kidney",
            "? childbirth|labour|labor|kidney",
            "is|was|'s my ex|boss|commute|job",
            "is|was|'s watching|listening|reading|paying|seeing",
        ),
        max_scope=5,
        allowed=("severe_pain",),
    ),
    Cue(
        "FEAR_OF",
        "FORWARD",
        (
            "fear|fears|afraid|scared|terrified|worried|worry|worries|anxious|paranoid|phobia|fearful"
            " of|about",
            "convinced|paranoid|scared|worried|terrified|afraid|sure|think|thinking|reckon that? i"
            " 've|have|'m|am|ve|m|might|may|could? got|have|get|getting|developing|be",
            "made me paranoid|worried|scared",
        ),
        max_scope=4,
        allowed=("cancer_history", "cauda_equina_named"),
    ),
    Cue(
        "STRAIN",
        "BIDIRECTIONAL",
        (
            "from|after carrying|lifting|holding|hauling|gardening|typing|gaming",
            "from|after the|my|all|those? gym|shopping|bags|weights|planks|computer|phone|laptop"
            "|pushups|kettlebell|dumbbells",
            "from|after the|my|all|those? push|press ups",
        ),
        max_scope=8,
        allowed=("radiating_pain",),
    ),
    Cue(
        "PERIOD",
        "BIDIRECTIONAL",
        (
            "period|periods|menstrual|sanitary|menstruation|tampons|cramps",
            "time of the month",
            "because|cos|cause|for|during|with|on of? my|the|a? period|periods",
        ),
        max_scope=8,
        allowed=("incontinence",),
    ),
    Cue(
        "EXPLAINED",
        "BIDIRECTIONAL",
        (
            "knee|elbow|shin|gel|heat|heating|foam|mouse|yoga|kneeling|exercise|shoulder|brake"
            "|note|cotton|makeup|breast|nursing|hip pad|pads",
            "for|on my|the|your? knees|knee|elbows|elbow|kneeling|shins|hands|hips",
        ),
        max_scope=6,
        allowed=("incontinence",),
    ),
    Cue(
        "EASES",
        "BIDIRECTIONAL",
        (
            "eases|eased|easier|better|settles|settled|improves|improved|fine|ok|okay|goes|stops"
            " when|if|once|after|with i? walk|walking|move|moving|stretch|stretching|stand"
            "|standing|get|rest|lie|lying|sit|sitting|painkillers|heat|ice|warm|up",
            # "woke me once, moved about and went back to sleep"
            "went|got|drifted|dropped off? back to sleep",
            "moved|moving|walked|walking about|around and|then? went|got|drifted back to sleep",
        ),
        max_scope=12,
        allowed=("progressive_pain", "night_rest_pain", *TRANSIENT_KINDS),
    ),
    Cue("MILDER", "BACKWARD", ("ish", "-ish"), max_scope=1, allowed=("progressive_pain",)),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            "happens|happen|happening|comes|come|coming|wait|waiting|waited|sit|sat|sitting|stand"
            "|stood|standing|takes|took|taking|strain|straining|push|pushing for ages|forever|hours"
            "|minutes|mins",
        ),
    ),
    Cue("PSEUDO", "PSEUDO", ("mine|mines 's|is|was|at a|an|at? /[0-8](?:[.,]5)?/",)),
    Cue(
        "NOT_MEDICAL",
        "BIDIRECTIONAL",
        (
            "research|charity|awareness|screening|screen|scare|fundraiser|fundraising|relay"
            "|macmillan"
            "|zodiac|horoscope|benign|nurse|ward|ribbon|donate|donation|sponsor|sponsored|biopsy",
            "star sign",
            "crab|crabs|cancerian|season|moody|horoscopes",
            "race for life",
            "non cancerous|-cancerous",
            "non-cancerous|noncancerous",
            "fun run",
        ),
        max_scope=6,
        allowed=("cancer_history",),
    ),
    Cue(
        "NOT_MEDICAL",
        "FORWARD",
        ("'m|m|am|as|such|typical|classic|total a|an", "typical|classic|such"),
        max_scope=1,
        allowed=("cancer_history",),
    ),
    Cue(
        "DIAGNOSED",
        "BACKWARD",
        ("survivor|survivors|patient|sufferer|diagnosis|diagnosed|treatment|free|clear|journey",),
        max_scope=2,
        allowed=("cancer_history",),
    ),
    Cue(
        "IDIOM",
        "BIDIRECTIONAL",
        ("laughing|laughed|laugh|laughter|giggling|giggled|giggle",),
        max_scope=3,
        allowed=("incontinence", "bowel", "trauma"),
    ),
    Cue(
        "IDIOM",
        "BIDIRECTIONAL",
        ("for|from|with|of laughing|laughter|laughin", "in stitches"),
        max_scope=4,
        allowed=("severe_pain", "incontinence", "bowel", "trauma"),
    ),
    Cue(
        "IDIOM",
        "FORWARD",
        # "walking like I've shat meself": how one walks, not an accident
        (
            "walking|walk|walks|waddling|waddle|waddles|hobbling|hobble like",
            "walking|walk|walks|waddling|waddle|waddles|hobbling|hobble as if",
        ),
        max_scope=4,
        allowed=("incontinence", "bowel"),
    ),
    Cue(
        "IDIOM",
        "BIDIRECTIONAL",
        (
            # "legs went weak when my crush said hi"
            "when|as my|the|a? gym? crush|bae|date smiled|winked|looked|texted|waved|kissed|said"
            " hi|hello|hey",
            "when|as my|the|a? gym? crush|bae|date smiled|winked|looked|texted|waved|kissed",
            "weak at|in the knees",
        ),
        max_scope=8,
        allowed=("leg_weakness", "leg_failing"),
    ),
    Cue(
        "JUST_ASKING",
        "BIDIRECTIONAL",
        (
            "just|only asking|wondering|curious|checking|reading|interested",
            "asking for a friend",
            "asking for future? reference",
            "for future reference",
            "asking before|beforehand|ahead",
            "out of curiosity",
            "reading up|about",
            "in general",
            "generally|general speaking|question|q|curiosity|interest",
            "asking|question|wondering|curious|q in general",
            "asking|wondering generally",
            "asking for general",
        ),
        max_scope=8,
    ),
    Cue(
        "EXTERNAL",
        "BIDIRECTIONAL",
        (
            "from|with|by|on|under the|my|a? foam? roller|rolling|theragun|ball|bar|barbell",
            "from|with|by the|my|a? massage|lacrosse|tennis gun|ball",
        ),
        max_scope=6,
        allowed=("chest_pain",),
    ),
    Cue(
        "DOWN_NOW",
        "BACKWARD",
        (
            "now|today|currently|at _{0,3} a? /[0-7](?:[.,]5)?/",
            "down|back to _{0,2} a? /[0-7](?:[.,]5)?/",
        ),
        max_scope=12,
        allowed=("pain_score",),
    ),
    Cue(
        "NOCTURIA",
        "FORWARD",
        # "my bladder wakes me once a night": waking to pass water is not night pain
        ("bladder|prostate|nocturia",),
        max_scope=3,
        allowed=("night_rest_pain",),
    ),
    Cue(
        "ELSEWHERE_FINE",
        "BACKWARD",
        (
            f"{ELSEWHERE_WORDS} in|on my|the own|normal|usual|regular bed|mattress",
            f"{ELSEWHERE_WORDS} at|back home",
            f"{ELSEWHERE_WORDS} on|lying|sleeping on? my|the side|back|front|left|right|tummy",
        ),
        max_scope=15,
        allowed=("night_rest_pain",),
    ),
    Cue(
        "NEAR_MISS",
        "FORWARD",
        (
            "nearly|almost|practically|virtually",
            "close to",
            "nearly|almost|practically|virtually gave|give|giving|had|having me",
            # "these stretches are going to give me a heart attack"
            "gonna|going|will|'ll|would|to give|gave|giving|gives me",
        ),
        max_scope=3,
        allowed=(
            "trauma",
            "incontinence",
            "bowel",
            "leg_weakness",
            "leg_failing",
            "sudden_onset",
            "chest_pain",
        ),
    ),
    *(
        Cue("EXPLAINED", "BIDIRECTIONAL", _explained_by(causes), max_scope=12, allowed=kinds)
        for causes, kinds in _causes_by_kinds(BENIGN_CAUSES)
    ),
    Cue(
        "EXPLAINED",
        "BIDIRECTIONAL",
        (
            "when|whenever|if i|it|im|i'm|it's|its 'm|am|'s|is|gets|get|got? cold|freezing|chilly",
            "with my raynaud's|raynauds|raynaud|diabetes|neuropathy",
        ),
        max_scope=8,
        allowed=("both_legs",),
    ),
    Cue(
        "EXPLAINED",
        "BIDIRECTIONAL",
        (
            f"{BECAUSE}|{FROM} of? a|this|my|the chesty|head|stinking|bad? cold|virus|bug|lurgy",
            "got|have|with|had a|this|my chesty|head|stinking|bad? cold|virus|bug|lurgy",
        ),
        max_scope=12,
        allowed=("chest_pain", "radiating_pain"),
    ),
    Cue(
        "SPILL",
        "BIDIRECTIONAL",
        (
            "spilled|spilt|spilling|spill|spills|splashed|splashing|dribbled|dropped|knocked|tipped"
            " my|the|a|some|it|over|all",
            "knocked|tipped over",
        ),
        max_scope=8,
        allowed=("incontinence", "bladder", "trauma"),
    ),
    Cue(
        "SPILL",
        "BIDIRECTIONAL",
        (
            "coffee|tea|milk|juice|wine|beer|shake|smoothie|soup|sauce|paint|drink|drinks|yoghurt"
            "|yogurt|gravy|ketchup|oil|bottle|bowl|cup|mug|glass|kettle|latte|cola|coke|tap|taps"
            "|pipe|pipes|boiler|radiator|cistern|plumber",
        ),
        max_scope=2,
        allowed=("incontinence", "bladder"),
    ),
    Cue(
        "NO_HARM",
        "BIDIRECTIONAL",
        (
            "no harm|damage|injury|injuries|drama|bother",
            "no harm done",
            "no bones broken",
            "unhurt|unscathed|uninjured",
            "caught|steadied|saved|stopped|righted|braced myself|meself",
            "grabbed|caught|held the|a|onto _{0,2} counter|rail|railing|bannister|banister|wall"
            "|table|door|handrail|worktop|side",
            "stayed|kept|landed on my feet",
            "stayed upright",
            "only|just hurt|bruised|dented my pride",
            "only|just my pride",
            "no fall|falls|injury|injuries|damage",
            "it|that|which was|'s|is nothing|minor",
            "it|that|which was|'s|is nothing serious",
            "did|didnt n't|nt? actually|even? fall|land",
            "did|didnt n't|nt? actually|even? go down",
            "did|didnt n't|nt? actually|even? hit the ground|floor",
            "nothing happened|broken|hurt",
            "nothing was|is|'s|were broken|fractured|cracked",
            "no fracture|fractures|break|breaks|broken bones",
            "no bruise|bruises|marks",
            "soft|safe|gentle|lucky landing",
            "landed on the|a|my sofa|bed|couch|cushion|cushions|mattress|beanbag|settee",
            "back|i|it|everything felt|feel|feels|was|is|seemed fine|ok|okay|good afterwards"
            "|after|since",
            "no pain at all|whatsoever",
            "i feel|felt|am|'m perfectly|entirely|completely|absolutely well|fine",
            "just|only|apart from wounded|hurt|bruised pride|ego",
        ),
        max_scope=12,
        allowed=("trauma", "sudden_onset"),
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        (
            "^say|suppose|supposing|imagine i|my|we|you|that|there|someone",
            "^suppose|supposing",
            # "coach, suppose my legs…" (never "I suppose", a hedge)
            ",|so|and|but|well|ok|okay|coach|hmm suppose|supposing",
            "let's|lets say",
            f"{DOCUMENTS} _{{0,2}} {SAY}",
            "a|some bit|section|page|paragraph|part|info|stuff on|about",
            "should|do|would|must|can|could|will i|we _{0,5} when|whenever",
        ),
    ),
    Cue(
        "HYPOTHETICAL",
        "BACKWARD",
        (
            "you|u mean|meant|mentioned|listed|list",
            "you|u asked|ask|talked|talk about",
            "you|u 're|are asking|talking about",
            "do|does|would|will that|this|it|they count",
        ),
        max_scope=12,
    ),
    Cue(
        "RESOLVED",
        "BACKWARD",
        (
            ",|;|-|— fine|ok|okay|better|normal|gone|alright|sorted now|again|today",
            ",|;|-|— stopped|eased|settled now|since|today|again",
        ),
    ),
    Cue(
        "TRANSIENT",
        "BACKWARD",
        (
            "came|comes|come|coming|went|goes|go back|round|away|off after|when|once|as|with i|a?"
            " 'd|d|had? walked|walking|walk|moved|moving|move|stood|standing|stand|got|getting|get"
            "|shook|shaking|shake|wiggled|wiggle|wiggling|stretched|stretch|stretching|shifted|shift",
            "sorted|fine|better|ok|okay|gone|normal after|once|when|with a|i? walk|walked|walking"
            "|wiggle|shake|stretch|stood|moved|got",
            # "gone after a 10 min walk"
            "sorted|fine|better|ok|okay|gone|normal after|once|with a /\\d+/ min|minute|mins"
            "|minutes walk|stroll",
        ),
        max_scope=20,
        allowed=TRANSIENT_KINDS,
    ),
    Cue(
        "TRANSIENT",
        "BACKWARD",
        (
            "stood|got|get|getting|stand|standing|moved|moving|walked|walking|shook|shaking|shifted"
            f"|shifting|wiggled up|about|around|it|off|out? and|then it|they? _{{0,2}} {PASSED}"
            "|woke|wakes",
        ),
        max_scope=20,
        allowed=TRANSIENT_KINDS,
    ),
    Cue(
        "EXPLAINED",
        "BIDIRECTIONAL",
        (
            "hamstring|hamstrings|calf|calves|thigh|quad|quads|groin|muscle|muscles|shoulder"
            "|bicep|biceps|tricep|pec|pecs|knee|ankle|achilles|tendon|strain|strained|pulled|pull"
            "|glute|glutes|adductor|adductors|flexor|flexors",
        ),
        max_scope=10,
        allowed=("tearing_pain",),
    ),
    Cue(
        "LOCAL",
        "BIDIRECTIONAL",
        (
            "inhaler|inhalers|puffer|nasal|spray|sprays|cream|creams|ointment|drops|injection"
            "|injections|jab|jabs|epidural|gel",
        ),
        max_scope=6,
        allowed=("steroids",),
    ),
    Cue(
        "CALLED_SERIOUS",
        "BACKWARD",
        (
            # "my neighbour tells me numbness in both legs can be a serious sign": `reading`
            # decides what it reaches
            "can|could|may|might be a|an? serious|worrying|warning|red|important? sign|symptom"
            "|flag",
        ),
        max_scope=8,
        allowed=("called_serious_only",),
    ),
    Cue(
        "EASES",
        "BIDIRECTIONAL",
        # woken, but asleep again at once: not night pain
        (
            "fall|go|get|drop|drift straight|right back to|off to? sleep",
            "settle again at once|immediately|quickly",
            "settle again straight away",
            "drop off again at once|immediately|quickly",
        ),
        max_scope=12,
        allowed=("night_rest_pain",),
    ),
    Cue(
        "PSEUDO",
        "PSEUDO",
        (
            # "I don't fall straight back to sleep": not eased
            "n't|nt|not|never|cannot|cant fall|go|get|drop|drift straight|right back to|off to?"
            " sleep",
            "hardly|rarely|seldom|barely|never|struggle|struggling|unable|impossible|ages|used"
            "|fight|hard|difficult|longer _{0,3} fall|go|get|drop|drift straight|right back to|off"
            " to? sleep",
            "n't|nt|not|never|cannot|cant|unable|struggle|hardly|rarely to? settle|drop off again",
            # "the feeling came back in my legs" says nothing of the saddle
            "feeling|sensation came|comes|returned back? in|to|into my|the",
            # "the feeling comes back for a few minutes then goes", "has come back a tiny bit"
            "feeling|sensation came|comes|returned|returns back? only? partly|partially|slightly"
            "|somewhat|some|briefly|temporarily",
            "feeling|sensation came|comes|returned|returns back? for a|few _{0,1} minutes|mins"
            "|seconds|secs|moment|moments|while|bit",
            "feeling|sensation came|comes|returned|returns back? a tiny|little? bit",
            "feeling|sensation has|had come|returned back? only? partly|partially|slightly|somewhat"
            "|some|briefly|temporarily",
            "feeling|sensation has|had come|returned back? a tiny|little? bit",
            # "the pins and needles feeling came back": the numbness, not the feeling returning
            "numb|tingly|tingling|needles|dead|weird|funny|strange|buzzing|buzzy|fuzzy feeling"
            "|sensation came|comes|returned|returns back?",
            # "tried to come off them but couldn't": not stopped
            "tried|trying|try|attempted|attempt|failed|wanted|want to come|get off it|them"
            "|steroids",
            "never|n't|nt|not been? taken|come|came off it|them|steroids",
        ),
    ),
    Cue(
        "HYPOTHETICAL",
        "FORWARD",
        # "does that count as the long-term steroids on the form?": a question about a risk
        ("does|do|would|will that|this count|counts as",),
        max_scope=8,
        allowed=("steroids", "immunosuppression", "immune_condition"),
    ),
    Cue(
        "CLARIFIED",
        "BACKWARD",
        # "I meant I have no enthusiasm for them": a clarification of a word, not numbness
        (
            "meant that? i|i've|ive? have|had|'ve? no|little|zero enthusiasm|interest|motivation"
            "|energy|desire|appetite|inclination",
            "meant no|little|zero enthusiasm|interest|motivation|energy|desire|appetite",
        ),
        max_scope=25,
        allowed=("both_legs", "saddle_numbness", "leg_weakness", "leg_failing"),
    ),
    Cue(
        "IDIOM",
        "BACKWARD",
        # Irish English: "my hamstrings are giving out to me" (complaining), not giving way
        ("to me|him|her|us|them",),
        max_scope=1,
        allowed=("leg_weakness", "leg_failing"),
    ),
    Cue(
        "OTHER_PERSON",
        "BACKWARD",
        # "the worst pain he has ever had"
        (
            "he|she|they 's|has|had|have ever had|felt|known|experienced",
            "he|she|they ever had|felt|knew",
        ),
        max_scope=4,
    ),
    Cue(
        "CURRENT",
        "PSEUDO",
        # "the same chest pain that preceded my heart attack in 2021": the pain is today's
        ("that|which preceded|heralded", "that|which came before"),
    ),
    # forward only: "sciatica now both legs, used to be just the right" is about now
    Cue("HISTORICAL", "FORWARD", ("used|use to",), max_scope=10, terminated_by=("CURRENT",)),
    # "Before my op I had weakness in both legs but that's 5 years ago"
    Cue(
        "HISTORICAL",
        "BACKWARD",
        (
            "but|though|tho|and|, that|this|it|which 's|is|was _{0,5} /\\d+|a|two|three|four|five"
            "|six|ten|few|many|several/ years|yrs|decades ago",
        ),
        max_scope=15,
    ),
    Cue(
        "HISTORICAL",
        "FORWARD",
        ("last summer|spring|winter|autumn", f"last summer|spring|winter|autumn {FRONTED}"),
        max_scope=16,
        terminated_by=("CURRENT",),
    ),
    Cue(
        "DENIED_LATER",
        "FORWARD",
        # a formal denial of what was just mentioned ("…can be a serious sign. I have had no
        # such thing"): `reading` decides what it reaches, so on its own it touches nothing
        (
            "neither|none of? which|these|them|those|this|it? applies|apply to me",
            "no such thing|symptom|symptoms|problem|problems|experience|trouble",
            "nothing of the|that kind|sort",
            # the answer to what someone asked: "I said no", "I don't have any", "none thankfully";
            # each ends its clause, so that it never stands for the denial of what follows it
            # ("I don't have any chest pain" is NEGATED's)
            f"i said|say|told _{{0,2}} no|nope {CLAUSE_END}",
            f"and|but no|nope|nah|none {CLAUSE_END}",
            f"not at all {CLAUSE_END}",
            f"and|but it|they 's|is|are|was|were fine|ok|okay|normal|good {CLAUSE_END}",
            f"i do|did|does n't|nt|not have|get? any|one|it|that|them|those? {CLAUSE_END}",
            f"i dont|didnt have|get? any|one|it|that|them|those? {CLAUSE_END}",
            "none thankfully|luckily|fortunately|whatsoever",
            "none at all",
            "i|ive 've|have|had? got|had? none of that|those|these|them|it",
            "there 's|is|was|s nothing like that|this",
            f"never had|felt|experienced|noticed anything like that|it|this {CLAUSE_END}",
            "theres nothing like that|this",
            "n't|nt|not experienced|had|noticed any myself|personally",
            "no change|changes whatsoever? in either|them|those|these|both",
            "quite|perfectly|entirely|completely well in that|this respect|regard",
        ),
        max_scope=1,
        allowed=("denied_later_only",),
    ),
    Cue(
        "SCANNED_CLEAR",
        "FORWARD",
        (
            "ultrasound|scan|scanned|ct|mri _{0,4} showed|found|was|were no|normal|clear|nothing"
            "|fine",
            "ultrasound|scan|scanned|ct|mri _{0,4} came back no|normal|clear|nothing|fine",
        ),
        max_scope=1,
        allowed=("pulsating_lump",),
    ),
    Cue(
        "STOPPED",
        "BIDIRECTIONAL",
        # steroids or immunosuppressants the member no longer takes
        (
            "weaned|came|come|taken off it|them|steroids",
            "not|n't|nt|never taken|had it|them|any since",
            "no immunosuppressive|immunosuppressant|steroid treatment|treatments|medication|tablets"
            " since",
        ),
        max_scope=12,
        allowed=("steroids", "immunosuppression"),
    ),
)


DATED_HISTORY_MONTHS = 3
"""How many months back a date with its year must be to be history."""


def dated_history(today: date) -> Cue:
    """A month with its year at least `DATED_HISTORY_MONTHS` before `today` is history ("in
    February 2022", "on 3 March 2023"); a nearer one is not: "both legs went numb on 24 November"
    with this year's number tells of this week. The reader is built with the day it is built on,
    so a reader left running for months errs towards now, never towards history."""
    last = today.year * 12 + today.month - 1 - DATED_HISTORY_MONTHS
    year, month = divmod(last, 12)
    day = "/\\d{1,2}(?:st|nd|rd|th)?/?"
    every_month = "|".join(name for names in MONTHS for name in names)
    months_then = "|".join(name for names in MONTHS[: month + 1] for name in names)
    years_before = "|".join(str(earlier) for earlier in range(1900, year))
    return Cue(
        "HISTORICAL",
        "BIDIRECTIONAL",
        (
            f"in|on {day} {every_month} ,? /(?:{years_before})/",
            f"in|on {day} {months_then} ,? /{year}/",
        ),
        max_scope=10,
        terminated_by=("CURRENT",),
    )


def context_rules(tokenizer: Tokenize, today: date) -> list[ConTextRule]:
    """The ConTextRules for every cue phrase (one per pattern it expands into), with dates read
    as of `today` (see `dated_history`)."""
    rules: list[ConTextRule] = []
    for cue in (*CUES, dated_history(today)):
        boundary = cue.direction in ("TERMINATE", "PSEUDO")
        for phrase in cue.phrases:
            for literal, pattern in forms(phrase, tokenizer):
                rules.append(
                    ConTextRule(
                        literal=literal,
                        category=cue.category,
                        pattern=pattern,
                        direction=cue.direction,
                        # medspaCy 1.3 only lets a cue end another's scope when their scopes
                        # overlap by its test, which misses one scope inside the other; a
                        # one-token scope around a boundary cue always passes it.
                        max_scope=1 if boundary else cue.max_scope,
                        allowed_types=set(cue.allowed) if cue.allowed else None,
                        terminated_by=_terminated_by(cue),
                        on_modifies=_modifies(cue.category),
                    )
                )
    return rules


def _terminated_by(cue: Cue) -> set[str] | None:
    """What ends a cue's scope besides TERMINATE cues: its own `terminated_by`, and a clause
    going on with "it" or "which" for every cue but someone else's."""
    ends = set(cue.terminated_by)
    if cue.category not in OTHER_PEOPLE:
        ends.add("CLAUSE")
    return ends or None


def outside_target(target: Span, modifier: Span, _between: Span) -> bool:
    """A cue never modifies a finding it is part of: the "n't" of "can't feel my bum" does not
    deny it. (medspaCy's own overlap test misses a cue that lies wholly inside the target.)"""
    return modifier.end <= target.start or modifier.start >= target.end


def _modifies(category: str) -> Callable[[Span, Span, Span], bool]:
    """Which targets a cue of this category may modify (on top of medspaCy's scope test)."""
    if category == "NEGATED":
        return denies
    if category in OTHER_PEOPLE:
        return someone_else_s
    if category in ("AFFIRMED", "USUAL"):
        return claims
    return outside_target


NEGATING_CONCEPTS = frozenset(
    {"WAKES", "WORSE", "UNEXPLAINED", "STUCK", "NO_RESULT", "FINISH", "FAILING"}
)
"""Concept tags whose words carry their own negation ("can't sleep", "doesn't help", "not
trying", "won't start"): the negation is part of the finding they describe, not a denial of the
findings around them."""
SCORE_NEGATION_REACH = 3


CLAUSE_STARTS = frozenset(
    [
        "i",
        "i'm",
        "im",
        "i've",
        "ive",
        "my",
        "it",
        "it's",
        "its",
        "now",
        "still",
        "ca",
        "can",
        "cant",
        "cannot",
        "could",
        "couldnt",
        "do",
        "dont",
        "does",
        "doesnt",
        "did",
        "didnt",
        "have",
        "has",
        "had",
        "havent",
        "hasnt",
        "is",
        "was",
        "am",
        "keep",
        "keeps",
        "feel",
        "feels",
        "felt",
    ]
)
"""Words that start a new clause after "and" ("… and I don't even feel the need", "… and
can't feel when it's coming")."""


def denies(target: Span, modifier: Span, between: Span) -> bool:
    """A negation denies a finding outside it, unless the negation is part of a concept that
    carries its own ("I cannot sleep, also lying still does not help"); not a finding that goes
    on past a clause break after it ("haven't had a poo in days and don't feel the need to go":
    the pair runs from "poo" to "don't feel"); nor past a "but", nor forward past a colon ("no
    stretches today: peeing myself every time I stand"); a pain score only from close by ("no
    10/10 pain", not "I no fit move at all, pain is 10/10")."""
    if not outside_target(target, modifier, between):
        return False
    if any(token.tag_ in NEGATING_CONCEPTS for token in modifier):
        return False
    if modifier.end <= target.start and _new_clause_inside(target):
        return False
    ends = TURNS | {":"} if modifier.end <= target.start else TURNS
    if any(token.lower_ in ends for token in between):
        return False
    return target.label_ != "pain_score" or len(between) <= SCORE_NEGATION_REACH


def _new_clause_inside(target: Span) -> bool:
    """The finding runs on into a new clause ("poo in 4 days and I don't even feel")."""
    return any(
        token.lower_ in CLAUSE_JOINS and token.nbor().lower_ in CLAUSE_STARTS
        for token in target[:-1]
    )


TURNS = frozenset({"but", "however", "though", "although", "yet"})
"""Words after which a denial is over, even where a longer cue holds them and so overrides
their own TERMINATE cue ("I said no but since yesterday I'm numb": "but since yesterday")."""


CLAUSE_JOINS = frozenset({"and", "&", "because", "cos", "coz", "cause", "bc", "as", "so"})
"""Words that join a new clause ("can't do a number two because I don't feel the need")."""


def claims(_target: Span, _modifier: Span, _between: Span) -> bool:
    """A claim reaches a finding it lies inside: "tell you if my bladder changed and it has, I
    can't go properly" is the member's; so does "the usual" in "my left leg had the usual bit
    of sciatica"."""
    return True


OTHER_PEOPLE = frozenset({"OTHER_PERSON", "OTHER_NEAR", "GENERIC_YOU"})
SELF_WORDS = frozenset({"i", "me", "my", "myself", "mine", "meself"})


NAMED_BY_THE_BLOW = frozenset({"trauma", "sudden_onset", "pulsating_lump"})
"""Kinds that are the member's when the finding names them, whoever acts: a blow ("a car hit
me") or a lump someone else felt ("my husband felt a pulsing lump in my stomach")."""


def someone_else_s(target: Span, modifier: Span, between: Span) -> bool:
    """Someone else is the subject, unless the finding names the member (`NAMED_BY_THE_BLOW`):
    "someone barged into me … something cracked", "a car hit me", "my wife felt something
    throbbing in my belly" are the member's ("the baby woke me" is not night pain)."""
    return outside_target(target, modifier, between) and not (
        target.label_ in NAMED_BY_THE_BLOW and any(token.lower_ in SELF_WORDS for token in target)
    )
