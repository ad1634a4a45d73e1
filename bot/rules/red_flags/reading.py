"""From a parsed message to findings: which candidate targets count, and the few rules that
combine them (numbers, thin bones or steroids with a sudden onset, "can't get out of bed")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span

from bot.rules.red_flags.dsl import NEGATIONS
from bot.rules.red_flags.families import QUALIFIERS
from bot.rules.red_flags.modifiers import KINDS_NOT_NEW, TRANSIENT_KINDS, TURNS
from bot.rules.red_flags.pipeline import TARGETS


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


EVERY_BLOCKER = frozenset(
    {
        "NEGATED",
        "OTHER_PERSON",
        "OTHER_NEAR",
        "GENERIC_YOU",
        "DOWN_NOW",
        "HYPOTHETICAL",
        "HISTORICAL",
        "PAST_MONTH",
        "RESOLVED",
        "TRANSIENT",
        "DEFINITION",
        "JUST_ASKING",
        "EXTERNAL",
        "ELSEWHERE_FINE",
        "ANGLE",
        "LONGSTANDING",
        "JOKING",
        "EXERCISE",
        "POSTURE",
        "EXPLAINED_TEMP",
        "RANGE",
        "NOT_MEDICAL",
        "IDIOM",
        "NEAR_MISS",
        "MILDER",
        "PERIOD",
        "STRAIN",
        "NOT_PAIN",
        "COMPARED",
        "FEAR_OF",
        "EXPLAINED",
        "SPILL",
        "NO_HARM",
        "LOCAL",
        "BACK_FINE",
        "BETTER_NOW",
        "NOCTURIA",
        "EXERTION",
        "USUAL",
        "EASES",
        "DENIED_LATER",
        "CALLED_SERIOUS",
        "SAID_SETTLED",
        "CLARIFIED",
        "SCANNED_CLEAR",
        "STOPPED",
    }
)
"""ConText categories that cancel a finding. (Each cue's `allowed` kinds already limit which
findings it can touch, e.g. JOKING never touches saddle numbness.)"""

STILL_COUNTS_WHEN: dict[str, frozenset[str]] = {
    # a history of cancer is the red flag, however long ago and whether or not it is "gone"
    "cancer_history": frozenset({"HISTORICAL", "PAST_MONTH", "RESOLVED", "LONGSTANDING"}),
    # thin bones, a transplant or HIV do not go away
    "osteoporosis": frozenset({"HISTORICAL", "PAST_MONTH", "RESOLVED", "LONGSTANDING"}),
    "old_age": frozenset({"HISTORICAL", "PAST_MONTH", "RESOLVED", "LONGSTANDING"}),
    "immune_condition": frozenset({"HISTORICAL", "PAST_MONTH", "LONGSTANDING"}),
    # a fall, crash or infection in the last weeks still matters today
    "trauma": frozenset({"PAST_MONTH"}),
    "recent_infection": frozenset({"PAST_MONTH"}),
    "drug_injection": frozenset({"PAST_MONTH"}),
    "sudden_onset": frozenset({"PAST_MONTH"}),
}

ME_TOO_THEN = frozenset(
    {"OTHER_PERSON", "OTHER_NEAR", "HYPOTHETICAL", "DEFINITION", "GENERIC_YOU", "JUST_ASKING"}
)
LIFTED_BY: dict[str, frozenset[str]] = {
    # "…and I think I have it": a hypothetical the member claims
    "AFFIRMED": frozenset({"HYPOTHETICAL", "DEFINITION", "GENERIC_YOU", "JUST_ASKING"}),
    # "my husband couldn't feel himself wiping. So did I": someone else's, and the member's too
    # (with a time or a denial of its own, which then holds: "so did I, years ago")
    "ME_TOO_THEN": ME_TOO_THEN,
    # …and said to be now, however long ago the other person had it ("my friend's bowels went
    # last month, same happened to me this morning")
    "ME_TOO_NOW": ME_TOO_THEN | {"HISTORICAL", "PAST_MONTH", "LONGSTANDING"},
    # "still numb", "hasn't gone", "not this time": a transient cue never hides what stays
    "PERSISTING": frozenset({"RESOLVED", "TRANSIENT", "EASES", "SAID_SETTLED"}),
    # "since Tuesday", "started last night": new, whatever else has been there for years, and
    # real, however the question is put ("should I still do bridges if ...? since Thursday")
    "RECENT": frozenset(
        {
            "RESOLVED",
            "TRANSIENT",
            "EASES",
            "LONGSTANDING",
            "USUAL",
            "HYPOTHETICAL",
            "SAID_SETTLED",
        }
    ),
    # "drag my foot when tired, and now even when not, getting worse": a change that grows is
    # not explained by what once seemed to bring it on
    "PROGRESSING": frozenset(
        {
            "EXPLAINED",
            "EXERTION",
            "POSTURE",
            "TRANSIENT",
            "EASES",
            "LONGSTANDING",
            "USUAL",
            "EXERCISE",
        }
    ),
    # "started me on steroids six months ago": still on them
    "ONGOING": frozenset({"HISTORICAL", "PAST_MONTH"}),
    # "husband here typing for my wife, she can't feel...": the member, in someone else's words
    "PROXY": frozenset({"OTHER_PERSON", "OTHER_NEAR"}),
    # "I'm a cancer survivor" is a diagnosis, not a star sign
    "DIAGNOSED": frozenset({"NOT_MEDICAL"}),
}
"""Categories that cancel the cancelling categories they name."""

ONLY_TOGETHER: dict[str, frozenset[str]] = {
    # a leg that gave way is explained only by a position that it passed with ("leg gave way
    # when I stood up after sitting on it, then fine"), not by either alone
    "leg_weakness": frozenset({"POSTURE", "TRANSIENT"}),
}
"""Categories that cancel a kind of finding only when all of them modify it."""

PAIN_ANCHORS = _words(
    "pain pains painful hurts hurt hurting sore soreness ache aches aching achy agony back "
    "sciatica spine leg legs hip hips bum neck stiffness stiff nrs nprs vas"
)
OTHER_ANCHORS = _words(
    "effort rpe energy sleep slept mood motivation session sessions workout workouts class "
    "form difficulty difficult hard harder hardest tough tougher toughest fun recommend "
    "recommended stars done exercise exercises plank hold set sets rep reps day days week "
    "weeks happiness confidence progress stretch stretches stretching help helps "
    "helped helpful useful works video videos programme program routine bridges squats lunges"
    " enjoyment enjoyed fun mood stress stressed fatigue tiredness focus pump vibe vibes"
    " satisfaction intensity challenge quality happy happiness coach instructor playlist"
    " appt appointment appointments booked booking scan scans mri date dated due deadline app apps"
    " quiz quizzes exam exams test tests confident sure certain"
)
TIME_WORDS = _words("day days week weeks")
TIME_PRECEDERS = _words("last this next past previous that all same other")
"""A time ("last week", "this week") says when, not what was scored."""
HAPPY_WORDS = _words(
    "love loved great amazing awesome brilliant fantastic enjoyed enjoy fab perfect 💪 🔥 🙌 👍 😊 "
    "🙂 😄 ❤️"
)
TIRED_WORDS = _words(
    "tired knackered exhausted lazy early sleepy hungover hangover motivation bothered alarm "
    "shift late cosy cozy cold dark"
)
BED_PAIN_WORDS = _words(
    "pain painful hurts hurt hurting agony back sciatica spine sore seized locked spasm spasms"
    " grabs grabbed seizes locks"
)
RISE_WORDS = _words(
    "shot jumped spiked rocketed soared climbed rose risen flared ramped peaked peaking shooting"
)
"""A score that shot up or spiked is a symptom's, not an effort's ("then it shot up to a 9")."""
_SCORE_NEIGHBOURHOOD = 6
_SCORE_FOLLOWERS = 2
"""A word after a score says what was scored only from close by ("10/10 effort", "9/10 for
sleep", "10/10 would recommend"); further on it starts a new thought ("9/10 cant do the
session"). Filler words (`SCORE_FILLERS`) do not count in the distance."""
SCORE_FILLERS = _words("for on the my this that today's todays with")
UNITS = _words(
    "min mins minute minutes sec secs second seconds hour hours hr hrs day days week weeks "
    "month months year years yr yrs am pm kg kgs kilo kilos lb lbs pounds stone reps rep sets "
    "set times x % percent km k miles mile metres meters m steps yo o'clock oclock"
)


@dataclass(frozen=True)
class Candidate:
    """A target span with the ConText categories that modify it."""

    kind: str
    span: Span
    modifiers: frozenset[str]

    @property
    def counts(self) -> bool:
        """Not cancelled by any modifier that applies to this kind."""
        return self.counts_despite(frozenset())

    def counts_despite(self, ignored: frozenset[str]) -> bool:
        """Not cancelled by any modifier that applies to this kind, but for the ignored."""
        blockers = EVERY_BLOCKER - STILL_COUNTS_WHEN.get(self.kind, frozenset()) - ignored
        for lifter, lifted in LIFTED_BY.items():
            if lifter in self.modifiers:
                blockers = blockers - lifted
        together = ONLY_TOGETHER.get(self.kind, frozenset())
        if not together <= self.modifiers:
            blockers = blockers - together
        return not (self.modifiers & blockers)


@dataclass(frozen=True)
class Hit:
    """A finding before it is turned into a `Finding`: the kind and the member's words."""

    kind: str
    matched: str


RISKS_ONLY = frozenset(
    {
        "trauma",
        "sudden_onset",
        "cancer_history",
        "immune_condition",
        "immunosuppression",
        "steroids",
        "osteoporosis",
        "old_age",
        "recent_infection",
        "drug_injection",
    }
)
"""Kinds that are red flags because of what they may have done to the back (a fall, a risk
factor), which a message that says the back is fine or unchanged cancels ("tripped on the path,
back felt fine afterwards", "antibiotics for a chest infection, back no different")."""


def candidates(docs: Iterable[Doc]) -> list[Candidate]:
    """Every target span of the message's pieces, in text order, with its modifier categories,
    and two that reach across sentences: AFFIRMED when a later sentence claims the finding ("is
    that ever normal? mine is like that"), JUST_ASKING when it sits in a question about no one
    in particular and a later sentence says the member is only asking ("does foot drop always
    hurt? just reading up")."""
    result = []
    for doc in docs:
        later = {"AFFIRMED": [], "JUST_ASKING": []}  # type: dict[str, list[int]]
        me_too: list[tuple[int, set[str]]] = []
        everywhere: set[str] = set()
        for modifier in doc._.context_graph.modifiers:
            if modifier.category in later:
                later[modifier.category].append(modifier.modifier_span[0])
            if modifier.category == "ME_TOO":
                me_too.append((modifier.modifier_span[0], _said_with(doc, modifier.modifier_span)))
            if modifier.category in DOC_WIDE:
                everywhere.add(modifier.category)
        carried = _carried_back(doc)
        for span in sorted(doc.spans[TARGETS], key=lambda span: (span.start, span.end)):
            categories = {modifier.category for modifier in span._.modifiers}
            sentence = span.sent
            if any(start >= sentence.end for start in later["AFFIRMED"]):
                categories.add("AFFIRMED")
            for start, said_with in me_too:
                if start >= span.end:
                    categories |= _me_too(said_with)
            if any(
                start >= sentence.end for start in later["JUST_ASKING"]
            ) and _impersonal_question(sentence):
                categories.add("JUST_ASKING")
            categories |= _after_an_ellipsis(doc, span)
            categories |= carried.get(sentence.start, set())
            if _said_not_mine(doc, sentence):
                categories.add("OTHER_PERSON")
            categories |= {"PROXY"} & everywhere
            if span.label_ in RISKS_ONLY and (
                "BACK_FINE" in everywhere
                or ("BACK_UNHURT" in everywhere and not _tells_of_hurt(doc))
            ):
                categories.add("BACK_FINE")
            if span.label_ in PAST_PEAKS and _better_since(doc, span):
                categories.add("BETTER_NOW")
            categories |= _passed_next(doc, span)
            if "NOCTURIA" in categories and _tells_of_pain(doc, span):
                categories.discard("NOCTURIA")
            categories |= _explained_past_a_but(doc, span)
            categories |= _denied_later(doc, span, categories)
            categories |= _called_serious(doc, span)
            categories |= _mentioned_then_settled(doc, span, categories)
            categories |= _no_harm_next(doc, span)
            categories |= _clarified(doc, span)
            categories |= _recurs_after(doc, span)
            categories |= _passed_after_a_position(doc, span)
            if span.label_ == "pulsating_lump" and _scanned_clear_after(doc, span):
                categories.add("SCANNED_CLEAR")
            categories -= _not_so(doc, span, categories)
            result.append(Candidate(span.label_, span, frozenset(categories)))
    return result


SAID_WITH_ME_TOO = frozenset({"NEGATED", "HISTORICAL", "PAST_MONTH", "RESOLVED", "USUAL"})
"""Categories that, said after "me too" in its sentence, hold for the finding it makes the
member's: "I had mine too, no fever though" is a denial, "so did I, years ago as a kid" history
(and "my sister had breast cancer and so did I, 10 years ago" a history of cancer), "same here
as usual" nothing new."""
NOW_WITH_ME_TOO = frozenset({"CURRENT", "RECENT"})
"""Categories that, said after "me too" in its sentence, make it the member's now ("mine's numb
now too", "same happened to me this morning")."""


WHEN_WITH_ME_TOO = SAID_WITH_ME_TOO | NOW_WITH_ME_TOO


def _said_with(doc: Doc, cue: tuple[int, int]) -> set[str]:
    """The categories of the cues after a ME_TOO cue in its sentence that say when or whether
    (`SAID_WITH_ME_TOO`, `NOW_WITH_ME_TOO`)."""
    start, end = cue
    return _categories_from(doc, end, doc[start].sent.end) & WHEN_WITH_ME_TOO


def _categories_from(doc: Doc, start: int, end: int) -> set[str]:
    """The categories of the ConText cues that begin at a token from `start` up to `end`."""
    return {
        modifier.category
        for modifier in doc._.context_graph.modifiers
        if start <= modifier.modifier_span[0] < end
    }


def _me_too(said_with: set[str]) -> set[str]:
    """What a "me too" after a finding adds to it: what is said with it, if anything denies or
    dates it; else ME_TOO_NOW when it is said to be now, ME_TOO_THEN when it is not ("my mum
    had a fever in 2020. same here" stays in 2020)."""
    told = said_with & SAID_WITH_ME_TOO
    if told:
        return {"ME_TOO_THEN", *told}
    return {"ME_TOO_NOW"} if said_with & NOW_WITH_ME_TOO else {"ME_TOO_THEN"}


DOC_WIDE = frozenset({"PROXY", "BACK_FINE", "BACK_UNHURT"})
"""Categories that hold for the whole message wherever they are said."""
PAST_PEAKS = frozenset({"severe_pain", "bed_bound"})
"""Kinds that feeling much better, said AFTER them, cancels ("could barely move on Sunday, ha!
Feeling much better today": the worst is over); said before them it does not ("feeling much
better now, but I can't move my back at all" tells of now)."""
CARRY_BACK = frozenset({"RECENT", "LONGSTANDING"})
"""Categories that a short follow-up sentence with no finding of its own gives the sentence
before it ("…both legs now? It started Thursday.", "…goes numb. Been like that for years")."""
REACH_PAST_A_BUT = frozenset({"NO_HARM", "EXPLAINED", "EXPLAINED_TEMP", "EASES", "STOPPED"})
_BUT_REACH = 15


def _carried_back(doc: Doc) -> dict[int, set[str]]:
    """For each sentence, the `CARRY_BACK` categories of the next one when it has no target."""
    sentences = list(doc.sents)
    with_targets = {span.sent.start for span in doc.spans[TARGETS]}
    result: dict[int, set[str]] = {}
    for before, after in pairwise(sentences):
        if after.start in with_targets:
            continue
        found = _categories_from(doc, after.start, after.end) & CARRY_BACK
        if found:
            result[before.start] = found
    return result


NOCTURIA_PAIN_WORDS = _words("pain pains painful hurts hurting ache aching agony throbbing")


def _tells_of_pain(doc: Doc, span: Span) -> bool:
    """Whether pain is told with a finding a bladder waking the member would explain ("my
    bladder wakes me up with pain in my back every night" is night pain; "my bladder wakes me
    once a night" is not)."""
    sentence = span.sent
    return any(token.lower_ in NOCTURIA_PAIN_WORDS for token in doc[sentence.start : sentence.end])


def _better_since(doc: Doc, span: Span) -> bool:
    """Whether the message says the member feels much better after telling of the finding."""
    return "BETTER_NOW" in _categories_from(doc, span.end, len(doc))


RECURRENCE_WORDS = _words("again keeps keep kept every returns returned returning recurring")
"""Words that say a passing numbness came back ("went off but it keeps happening every ride")."""
COMING_BACK = _words("came come comes coming")
"""Verbs that, before "back", say it returned ("went away when I moved but came back")."""


RETURNING_SENSES = _words("feeling sensation")
"""What came back when numbness passed ("the feeling came back after ten minutes")."""
ODD_SENSES = _words("numb tingly tingling needles dead weird funny strange buzzing buzzy fuzzy")
"""Words that make "feeling" the change itself ("the pins and needles feeling came back")."""


def _comes_back(tokens: Span) -> bool:
    """Whether the words say that what passed returns (not "my back", which is the body, nor
    "the feeling came back", which is the numbness passing)."""
    return any(
        token.lower_ in RECURRENCE_WORDS
        or (
            token.lower_ == "back"
            and token.i > 1
            and token.nbor(-1).lower_ in COMING_BACK
            and not (
                token.nbor(-2).lower_ in RETURNING_SENSES
                and (token.i < 3 or token.nbor(-3).lower_ not in ODD_SENSES)
            )
        )
        for token in tokens
    )


def _passed_next(doc: Doc, span: Span) -> set[str]:
    """Numbness or weak legs that the next sentence, with no finding of its own, says passed:
    as soon as the cause did ("my bottom's numb from the hard seat! Went off once I'd walked
    about"), or at all when a position or journey explains it ("numb bum from sitting on the
    loo too long. gone now")."""
    if span.label_ not in TRANSIENT_KINDS:
        return set()
    sentence = span.sent
    if sentence.end >= len(doc):
        return set()
    after = doc[sentence.end].sent
    if any(after.start <= target.start < after.end for target in doc.spans[TARGETS]):
        return set()
    if _comes_back(doc[span.end :]):
        return set()
    found = _categories_from(doc, after.start, after.end)
    posed = "POSTURE" in _categories_from(doc, sentence.start, sentence.end)
    passed = found & {"TRANSIENT"}
    if posed and "RESOLVED" in found:
        passed.add("RESOLVED")
    return passed


def _said_not_mine(doc: Doc, sentence: Span) -> bool:
    """The sentence says what it tells of is not the member's ("…has numb legs, she is 90,
    not me :)"), wherever in the sentence it says so."""
    return "NOT_ME" in _categories_from(doc, sentence.start, sentence.end)


def _explained_past_a_but(doc: Doc, span: Span) -> set[str]:
    """The categories of cues that explain a finding or say no harm was done, a little after
    it in its sentence, past a "but" that ends their ConText scope ("slipped in the shower but
    grabbed the rail, no fall", "sweating at night but it's cos the heating is on full")."""
    return {
        modifier.category
        for modifier in doc._.context_graph.modifiers
        if modifier.category in REACH_PAST_A_BUT
        and span.end <= modifier.modifier_span[0] < min(span.end + _BUT_REACH, span.sent.end)
        and modifier.allows(span.label_.upper())
    }


NOW_WORDS = _words("now today tonight since yesterday currently still again this")
"""Words that tie a finding to the present ("since this morning", "now", "still")."""
NOT_NEW_WORDS = _words("before previously until till ever life past used")
"""Words that make a denial about the past ("I have had no such thing before")."""
MENTION_WORDS = _words(
    "tells told says said mentions mentioned read heard warns warned instructions advice leaflet"
    " website page article asked asks asking faq faqs handbook booklet questionnaire"
)
"""Words that say a finding is someone's or something's mention, not the member's report."""
_DENIAL_REACH = 15


def _denied_later(doc: Doc, span: Span, categories: set[str]) -> set[str]:
    """A formal denial after a finding the member only mentioned, in a question or in what
    someone or something says: in its sentence ("the leaflet mentions a history of cancer and
    weight loss; neither applies to me") or the next ("is chest pain in the plank something to
    worry about? I have not experienced any myself"). Never a finding tied to now ("since this
    morning", "still") or claimed, nor by a denial of the past or of now ("no such thing before",
    "nothing of the kind until today")."""
    if categories & {"RECENT", "PERSISTING", "PROGRESSING", "AFFIRMED"}:
        return set()
    sentence = span.sent
    if {token.lower_ for token in sentence} & NOW_WORDS or not _a_mention(sentence):
        return set()
    for modifier in doc._.context_graph.modifiers:
        if modifier.category != "DENIED_LATER":
            continue
        start = modifier.modifier_span[0]
        if start < span.end:
            continue
        denial = doc[start].sent
        if {token.lower_ for token in denial} & (NOT_NEW_WORDS | NOW_WORDS):
            continue
        elsewhere = denial.start != sentence.start
        if not _bare(doc, modifier.modifier_span, denial, from_start=elsewhere):
            continue
        if denial.start == sentence.start:
            if start - span.end <= _DENIAL_REACH:
                return {"DENIED_LATER"}
        elif denial.start == sentence.end:
            return {"DENIED_LATER"}
    return set()


_CALLED_REACH = 6


def _called_serious(doc: Doc, span: Span) -> set[str]:
    """A sign that someone or something says "can be a serious sign" ("my neighbour tells me
    numbness in both legs can be a serious sign"), a few words after it, in a sentence that
    tells what is said and ties nothing to now ("numb legs, can be serious I know" and "…since
    Monday, and I know it can be a serious sign" stay reports)."""
    sentence = span.sent
    words = {token.lower_ for token in sentence}
    if words & NOW_WORDS or not words & MENTION_WORDS:
        return set()
    if not {token.lower_ for token in doc[sentence.start : span.start]} & MENTION_WORDS:
        return set()
    found = any(
        modifier.category == "CALLED_SERIOUS"
        and 0 <= modifier.modifier_span[0] - span.end <= _CALLED_REACH
        and modifier.modifier_span[0] < sentence.end
        and not any(
            token.lower_ in POINTERS or token.is_punct
            for token in doc[span.end : modifier.modifier_span[0]]
        )
        for modifier in doc._.context_graph.modifiers
    )
    return {"CALLED_SERIOUS"} if found else set()


POINTERS = _words("which that this it they these those what")
"""Words that point back to a finding the member told of ("my bum has gone numb, which I read
can be a warning sign"): what is called serious then is the member's own finding."""


BARE_WORDS = _words(
    "i i've ive have has had 've 'd am 'm was been ever any myself personally me to at all"
    " whatsoever thankfully fortunately luckily happily so far as yet really honestly"
)
"""What a bare denial may hold besides its cue ("I have had no such thing", "thankfully none
of these apply to me"): nothing that names what it denies ("no such trouble with my bowels",
"nothing of the sort when I'm awake", "otherwise perfectly well in that respect")."""


CLAUSE_ENDS = frozenset({";", ":", ",", "\u2014", "\u2013", "-"})


def _bare(doc: Doc, cue: tuple[int, int], sentence: Span, from_start: bool) -> bool:
    """Whether a denial's clause, from its start (or from the cue when the denial shares the
    finding's sentence) to its end, holds nothing but its cue and `BARE_WORDS` ("I have not
    experienced any myself; I have simply read…" is bare, "no such trouble with my bowels" is
    not)."""
    first = sentence.start if from_start else cue[0]
    for token in doc[first : cue[0]]:
        if token.text in CLAUSE_ENDS:
            first = token.i + 1
    last = next(
        (token.i for token in doc[cue[1] : sentence.end] if token.text in CLAUSE_ENDS),
        sentence.end,
    )
    return all(
        cue[0] <= token.i < cue[1] or token.is_punct or token.lower_ in BARE_WORDS
        for token in doc[first:last]
    )


def _a_mention(sentence: Span) -> bool:
    """A question, or a sentence that tells what someone or something says."""
    return "?" in sentence.text or bool({token.lower_ for token in sentence} & MENTION_WORDS)


MENTIONED_BEFORE = _words("mentioned described reported noted told")
SETTLED = frozenset({"RESOLVED"})
STILL_GOING = _words(
    "again returned worse spread spreading still now today tonight unchanged same persists"
    " persisting"
)
_MENTION_REACH = 5


def _mentioned_then_settled(doc: Doc, span: Span, categories: set[str]) -> set[str]:
    """A finding the member says they told of before ("the numbness I mentioned on 2 May", "the
    night sweats I described") that the message then says has settled or gone, however many
    words later ("…has entirely resolved", "…It has completely gone"). Not when anything says
    it is back, still there, new or spreading."""
    if categories & {"RECENT", "PERSISTING", "PROGRESSING"}:
        return set()
    window = doc[max(span.start - _MENTION_REACH, 0) : span.end + _MENTION_REACH]
    if not any(
        token.lower_ in MENTIONED_BEFORE and token.i > 0 and token.nbor(-1).lower_ in ("i", "you")
        for token in window
    ):
        return set()
    sentence = span.sent
    for modifier in doc._.context_graph.modifiers:
        start = modifier.modifier_span[0]
        if (
            modifier.category not in SETTLED
            or start < span.end
            or not modifier.allows(span.label_.upper())
        ):
            continue
        before = doc[max(start - 3, 0) : start]
        if any(token.lower_ in ("not", "n't", "nt", "never") for token in before):
            continue
        between = doc[span.end : start]
        if any(token.lower_ in STILL_GOING | CONTRAST_WORDS for token in between):
            continue
        settling = doc[start].sent
        if {token.lower_ for token in doc[start : settling.end]} & (
            STILL_GOING | CONTRAST_WORDS | NOW_WORDS | AGAIN_WORDS
        ):
            continue
        if start < sentence.end or _goes_on_about_it(doc, settling, sentence):
            return {"SAID_SETTLED"}
    return set()


AGAIN_WORDS = _words("back more restarted happening happens every twice")
"""Words after a settling that say it did not stay settled ("…was back by lunchtime", "once
more this morning", "restarted on Wednesday")."""
IT_WORDS = _words("it they this that these those")


def _goes_on_about_it(doc: Doc, later: Span, sentence: Span) -> bool:
    """The sentence right after the finding's, opening with "it" or "they" and telling of no
    finding of its own ("…purely muscular. It has completely gone.")."""
    return (
        later.start == sentence.end
        and doc[later.start].lower_ in IT_WORDS
        and not any(later.start <= target.start < later.end for target in doc.spans[TARGETS])
    )


RECURRING_KINDS = frozenset({*KINDS_NOT_NEW, "chest_pain", "radiating_pain", "tearing_pain"})


def _recurs_after(doc: Doc, span: Span) -> set[str]:
    """A change that the rest of its sentence or the next one says came back ("…the feeling came
    back, then it went numb again this morning", "went away but it is back again"): whatever
    said it passed, it is still there (see `LIFTED_BY`)."""
    if span.label_ not in RECURRING_KINDS:
        return set()
    sentence = span.sent
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    return {"PERSISTING"} if _recurs(doc[span.end : end]) else set()


RECURS_WORDS = _words("again keeps keep kept returns returned returning recurring recurred")
BEING = _words("is 's are it's its")
NOW_OR_WORSE = _words("worse stronger today tonight now this yesterday")


def _recurs(tokens: Span) -> bool:
    """Whether the words say it returned ("again", "keeps", "it's back", "came back worse");
    not "came back after I walked", which may be the feeling returning, nor "it's back to
    normal"."""
    return any(
        token.lower_ in RECURS_WORDS
        or (
            token.lower_ == "back"
            and token.i > 0
            and token.nbor(-1).lower_ in BEING
            and (token.i == len(token.doc) - 1 or token.nbor(1).lower_ != "to")
        )
        or (
            token.lower_ == "back"
            and 0 < token.i < len(token.doc) - 1
            and token.nbor(-1).lower_ in COMING_BACK
            and token.nbor(1).lower_ in NOW_OR_WORSE
        )
        or (
            token.lower_ == "back"
            and token.i > 1
            and token.nbor(-1).lower_ in COMING_BACK | _words("was were")
            and (
                token.nbor(-2).lower_ in IT_WORDS
                or (token.i > 2 and token.nbor(-3).lower_ in ODD_SENSES)
            )
            and (token.i == len(token.doc) - 1 or token.nbor(1).lower_ != "to")
        )
        for token in tokens
    )


def _clarified(doc: Doc, span: Span) -> set[str]:
    """A word the member explains later in the sentence ("when I wrote 'no feeling in my legs
    for these exercises', I meant that I have no enthusiasm for them"), past the commas and
    clauses that end ConText scopes. Not in a sentence that ties anything to now."""
    sentence = span.sent
    if {token.lower_ for token in sentence} & NOW_WORDS:
        return set()
    if not _quoted(doc, span):
        return set()
    found = any(
        modifier.category == "CLARIFIED"
        and span.end <= modifier.modifier_span[0] < sentence.end
        and modifier.allows(span.label_.upper())
        for modifier in doc._.context_graph.modifiers
    )
    return {"CLARIFIED"} if found else set()


SAYING = _words("said say wrote write written typed mentioned meant mean by clarify '")
"""Words before a finding that make it words the member quotes ("when I said no feeling in my
legs …, I meant …"), not a finding told before the clarification of something else."""


NO_HARM_KINDS = frozenset({"trauma", "sudden_onset"})
CONTRAST_WORDS = TURNS | {"except"}


def _no_harm_next(doc: Doc, span: Span) -> set[str]:
    """A fall or slip that the next sentence, with no finding of its own and no "but", says did
    no harm ("Slipped on the kitchen floor. Got straight up, no pain at all")."""
    if span.label_ not in NO_HARM_KINDS or span.sent.end >= len(doc):
        return set()
    after = doc[span.sent.end].sent
    if any(after.start <= target.start < after.end for target in doc.spans[TARGETS]):
        return set()
    if {token.lower_ for token in after} & (CONTRAST_WORDS | NOW_WORDS | LATER_WORDS):
        return set()
    if _tells_of_hurt(after):
        return set()
    return _categories_from(doc, after.start, after.end) & {"NO_HARM"}


LATER_WORDS = _words("later next first start initially time until till evening night morning")
"""Words that make "no pain" a first moment only ("no pain at all to start, now throbbing")."""
HURT_WORDS = _words(
    "pain painful hurt hurts hurting ache aches aching achy sore agony killing tender throbbing"
    " awful swollen lump excruciating"
)
UNSAID = _words("no not n't nt without never")


USUAL_WORDS = _words("usual familiar normal same muscular ordinary stiffness")


def _tells_of_hurt(tokens: Span | Doc) -> bool:
    """Whether the words tell of pain not denied and not the usual ("hurts like hell", "very
    tender over the spine"; not "no pain at all", "the back pain I have now … is the usual
    stiffness")."""
    return any(
        token.lower_ in HURT_WORDS
        and not any(word.lower_ in UNSAID for word in token.doc[max(token.i - 3, 0) : token.i])
        and not {word.lower_ for word in token.sent} & USUAL_WORDS
        for token in tokens
    )


def _passed_after_a_position(doc: Doc, span: Span) -> set[str]:
    """Numbness in both feet or the saddle that the rest of its sentence, past a "but", puts down
    to a position and says passed at once ("…, but it was after sitting on the floor with my
    legs folded, and it passed within a minute of standing"). Both are needed, and nothing may
    say it came back."""
    if span.label_ not in TRANSIENT_KINDS:
        return set()
    rest = doc[span.end : span.sent.end]
    if _comes_back(rest):
        return set()
    found = {
        modifier.category
        for modifier in doc._.context_graph.modifiers
        if span.end <= modifier.modifier_span[0] < span.sent.end
        and modifier.allows(span.label_.upper())
    }
    return {"TRANSIENT"} if {"POSTURE", "TRANSIENT"} <= found else set()


def _scanned_clear_after(doc: Doc, span: Span) -> bool:
    """A pulsing the member feels, and a scan that later in the sentence or the next one showed
    no aneurysm ("…after a large meal, but the ultrasound showed no aneurysm")."""
    sentence = span.sent
    end = doc[sentence.end].sent.end if sentence.end < len(doc) else sentence.end
    for modifier in doc._.context_graph.modifiers:
        start = modifier.modifier_span[0]
        if modifier.category == "SCANNED_CLEAR" and span.end <= start < end:
            after = {token.lower_ for token in doc[modifier.modifier_span[1] : end]}
            return not after & (CONTRAST_WORDS | NOW_WORDS | CHANGING)
    return False


CHANGING = _words("new bigger growing larger worse changed changing")


ELLIPSES = frozenset({"...", "…", "..", "....", "-", "—"})
REACH_BACK_OVER_ELLIPSIS = frozenset({"SPILL", "NO_HARM", "EXPLAINED"})
_ELLIPSIS_REACH = 8


def _after_an_ellipsis(doc: Doc, span: Span) -> set[str]:
    """The categories of the cues that explain a finding from just after an ellipsis ending its
    sentence: "I had a wee accident... spilled my protein shake", "tripped on the kerb... no
    harm done"."""
    sentence = span.sent
    if sentence.end >= len(doc) or not _pause(doc[sentence.end - 1].text):
        return set()
    return {
        modifier.category
        for modifier in doc._.context_graph.modifiers
        if modifier.category in REACH_BACK_OVER_ELLIPSIS
        and sentence.end <= modifier.modifier_span[0] < sentence.end + _ELLIPSIS_REACH
        and modifier.allows(span.label_.upper())
    }


SELF_WORDS = _words("i me my myself mine meself im i'm")


def _pause(text: str) -> bool:
    """An ellipsis, a dash or an emoji ending a sentence: what follows goes on about it."""
    return text in ELLIPSES or all(
        unicodedata.category(char) == "So" or char in "\ufe0f\u200d" for char in text
    )


def _impersonal_question(sentence: Span) -> bool:
    """A question in which the member does not speak of themself."""
    words = {token.lower_ for token in sentence}
    return "?" in sentence.text and not words & SELF_WORDS


CHEST_KINDS = frozenset({"chest_pain", "radiating_pain"})
EFFORT_WORDS = _words(
    "stairs steps hill hills uphill climb climbing climbed walking walk walked running run ran jog"
    " jogging bike cycling cycled lifting lifted carrying carried exercise exercising workout"
    " session plank planks bridges squats lunges gym training effort exertion"
)
EASED_BY_REST = frozenset({"RESOLVED", "TRANSIENT"})


def _on_effort(span: Span) -> bool:
    """The sentence ties the finding to an effort (stairs, a plank, a walk)."""
    return any(token.lower_ in EFFORT_WORDS or token.tag_ == "EXERCISE" for token in span.sent)


def _counts(candidate: Candidate) -> bool:
    """Whether a candidate counts. Chest pain that came with an effort and passed with rest is
    angina's pattern, not a finding that went away ("a squeezing in my chest in the plank,
    went away with rest")."""
    if candidate.kind in CHEST_KINDS and _on_effort(candidate.span):
        return candidate.counts_despite(EASED_BY_REST)
    return candidate.counts


def hits(every: Sequence[Candidate]) -> list[Hit]:
    """The findings that count among a message's `candidates`, in text order, at most one per
    kind."""
    found = [candidate for candidate in every if _counts(candidate)]
    found = [candidate for candidate in found if _checks_out(candidate, found)]
    onsets = [
        candidate
        for candidate in every
        if candidate.kind in ONSETS and candidate.counts_despite(HARMLESS_FOR_HEALTHY_BONES)
    ]
    result: dict[str, Hit] = {}
    for candidate in found:
        for kind in _kinds_of(candidate, onsets):
            result.setdefault(kind, Hit(kind, candidate.span.text))
    return list(result.values())


SEASONS = _words("summer spring winter autumn fall")
ONGOING_WORDS = _words("now today tonight still currently again this far restarted ongoing")
BACK_ON = _words("still restarted again currently")
GIVING = _words("giving give gives")


def _not_so(doc: Doc, span: Span, categories: set[str]) -> set[str]:
    """Round 9 set-asides that the rest of the sentence takes back: a season gone by when the
    sentence goes on to now ("Last winter I started losing weight …, down 2 stone so far"); a
    medicine stopped that the member is still or again taking ("tried to come off them …, still
    on 10mg"); an Irish "giving out to me" that is anything else ("my leg keeps giving way to
    me")."""
    gone: set[str] = set()
    sentence = span.sent
    words = {token.lower_ for token in sentence}
    mods = span._.modifiers
    if "HISTORICAL" in categories and _until_a_but(doc, span) & ONGOING_WORDS:
        historical = [m for m in mods if m.category == "HISTORICAL"]
        if historical and all(_season_gone(doc, m.modifier_span) for m in historical):
            gone.add("HISTORICAL")
    if "STOPPED" in categories and (words & BACK_ON or "back on" in sentence.text.lower()):
        gone.add("STOPPED")
    if span.label_ in TAKEN_NOW and words & BACK_ON:
        gone |= {"HISTORICAL", "STOPPED"} & categories
    if "CLARIFIED" in categories and not _quoted(doc, span):
        gone.add("CLARIFIED")
    if "HYPOTHETICAL" in categories and _claimed_after_report_any(doc, span):
        gone.add("HYPOTHETICAL")
    if "IDIOM" in categories:
        idioms = [m for m in mods if m.category == "IDIOM"]
        if idioms and all(_to_me_not_giving_out(doc, m.modifier_span) for m in idioms):
            gone.add("IDIOM")
    return gone


TAKEN_NOW = frozenset({"steroids", "immunosuppression"})
REPORT_ANY = _words("report mention flag")
CLAIMS = _words("i i've ive i'm im my me")


def _quoted(doc: Doc, span: Span) -> bool:
    """Whether a word the member clarifies follows a word of saying in its sentence ("when I said
    no feeling in my legs, I meant …"), not a finding told before it ("I can't feel my bum, and
    when I said I'm tired I meant I have no energy")."""
    return bool({token.lower_ for token in doc[span.sent.start : span.start]} & SAYING)


def _claimed_after_report_any(doc: Doc, span: Span) -> bool:
    """A finding that runs on from "told to report any weight loss" into the member's own claim
    ("…, I've lost a stone without trying")."""
    before = {token.lower_ for token in doc[max(span.start - 4, 0) : span.start]}
    return bool(before & REPORT_ANY or {token.lower_ for token in span[:2]} & _words("any")) and (
        any(token.lower_ in CLAIMS for token in span)
    )


def _until_a_but(doc: Doc, span: Span) -> set[str]:
    """The words of a finding's sentence up to the first contrast after the finding ("Last
    summer … a high temperature, but I have been entirely well since" stops at "but")."""
    end = next(
        (t.i for t in doc[span.end : span.sent.end] if t.lower_ in CONTRAST_WORDS), span.sent.end
    )
    return {token.lower_ for token in doc[span.sent.start : end]}


def _season_gone(doc: Doc, cue: tuple[int, int]) -> bool:
    """Whether a HISTORICAL cue is "last summer" and the like."""
    return (
        cue[1] - cue[0] == 2 and doc[cue[0]].lower_ == "last" and doc[cue[0] + 1].lower_ in SEASONS
    )


def _to_me_not_giving_out(doc: Doc, cue: tuple[int, int]) -> bool:
    """Whether an IDIOM cue is "to me" and the words before it are not "giving out"."""
    if doc[cue[0]].lower_ != "to" or cue[0] < 2:
        return False
    return not (doc[cue[0] - 1].lower_ == "out" and doc[cue[0] - 2].lower_ in GIVING)


def _checks_out(candidate: Candidate, found: list[Candidate]) -> bool:
    if candidate.kind == "pain_score":
        span = candidate.span
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        return after not in UNITS and _about_pain(span)
    if candidate.kind == "fever":
        return not any(
            other.kind == "temp_normal" and other.span.sent == candidate.span.sent
            for other in found
        )
    if candidate.kind == "bed_bound":
        words = {token.lower_ for token in candidate.span.sent}
        return bool(words & BED_PAIN_WORDS) and not words & TIRED_WORDS
    return not explained_by_its_words(candidate)


def explained_by_its_words(candidate: Candidate) -> bool:
    """A finding whose own words say it is harmless: a thing moved ("can't move my Tuesday
    slot"), weight lost on purpose, "both" hands rather than legs. The classifier may not add
    its family back either."""
    if candidate.kind == "severe_pain":
        return _moves_a_thing(candidate.span)
    if candidate.kind == "weight_loss":
        return _on_purpose(candidate.span)
    if candidate.kind == "both_legs":
        return _of_the_arms(candidate.span)
    return False


ARMS = _words(
    "hands hand arms arm wrists wrist thumbs fingers elbows shoulders palms forearms biceps ears"
)
"""What "both" names when it is not the legs: "tingling in both hands after the carries"."""


def _of_the_arms(span: Span) -> bool:
    """The finding ends on "both" and goes on to name the hands or arms."""
    after = span.doc[span.end : span.end + 2]
    return span[-1].lower_ == "both" and any(token.lower_ in ARMS for token in after)


ON_PURPOSE = _words("purpose deliberately intentionally intentional deliberate")
NOT_MEANT = frozenset(NEGATIONS) | _words("wish wished wishing if")
"""Words before "on purpose" that take it back: a denial ("not intentional", "nothing
deliberate") or a wish ("I wish it was on purpose", "as if it was deliberate")."""


def _on_purpose(span: Span) -> bool:
    """Weight lost on purpose ("lost a stone on purpose for the wedding", "deliberately"), said in
    the finding or just after it, unless the words take it back ("not on purpose", "nothing
    deliberate", "wish it was deliberate") or the finding goes
    on past a "but" ("lost weight on purpose last year, but now I'm losing more without trying")."""
    sentence = span.sent
    for token in span.doc[span.start : min(span.end + 3, sentence.end)]:
        if token.lower_ in ON_PURPOSE:
            before = span.doc[max(token.i - 4, sentence.start) : token.i]
            rest = span.doc[token.i : span.end]
            return not any(word.lower_ in NOT_MEANT for word in before) and not any(
                word.lower_ in CONTRAST_WORDS for word in rest
            )
    return False


MOVABLE = _words(
    "slot slots session sessions appointment appointments appt booking bookings class classes "
    "meeting meetings shift shifts plans plan date time car sofa couch settee furniture box boxes"
    " wardrobe table piano fridge bed bin bins schedule schedules call calls diary house"
)
"""Things one moves or reschedules: "can't move my Tuesday slot" is not pain."""
OBJECT_OPENERS = _words(
    "my the our this that a an your his her their next tomorrow's today's monday's tuesday's "
    "wednesday's thursday's friday's saturday's sunday's monday tuesday wednesday thursday "
    "friday saturday sunday"
)


def _moves_a_thing(span: Span) -> bool:
    """The finding ends on "move" and goes on with what is moved, a thing or an appointment
    ("can't move my Tuesday slot", "can't move the sofa on my own")."""
    if span[-1].lower_ != "move":
        return False
    after = span.doc[span.end : span.end + 3]
    if not len(after) or after[0].lower_ not in OBJECT_OPENERS | MOVABLE:
        return False
    return any(token.lower_ in MOVABLE for token in after)


ONSETS = frozenset({"sudden_onset", "trauma"})
HARMLESS_FOR_HEALTHY_BONES = frozenset({"NO_HARM", "BACK_FINE"})
"""A fall that did no harm, or after which the back felt fine, still counts with thin bones or
long-term steroids ("I'm 82 with osteoporosis, had a fall, nothing broken I don't think")."""


def _kinds_of(candidate: Candidate, onsets: list[Candidate]) -> Iterator[str]:
    """The finding kinds a counted candidate stands for (none for a lone qualifier); `onsets`
    are the falls, strains and sudden pains that count with thin bones or steroids (in old age
    only those that did harm: "I'm 75, sat down hard on the sofa, no harm done" is not one)."""
    kind = candidate.kind
    if kind not in QUALIFIERS:
        yield kind
        return
    if kind == "bed_bound":
        yield "severe_pain"
    elif kind == "steroids":
        yield "immunosuppression"
        if onsets:
            yield "steroid_sudden_pain"
    elif (kind == "osteoporosis" and onsets) or (
        kind == "old_age" and any(onset.counts for onset in onsets)
    ):
        yield "fragile_bone_injury"


LIST_BREAKS = frozenset({",", ";", "/", "|"})


def _list_break(between: Span) -> bool:
    """A comma or the like between a score and a word after it: the word starts the next item
    ("session: 9/10, pain 2/10")."""
    return any(token.text in LIST_BREAKS for token in between)


def _about_pain(span: Span) -> bool:
    """A score out of ten is about pain unless the nearest word saying what is scored is about
    something else ("effort 9/10", "10/10 would recommend"); with no such word at all, unless
    the sentence sounds happy ("session 10/10 loved it"). A word across a list break belongs
    to another item ("pain 2/10, enjoyment 9/10"); a word after the score only from close by."""
    sentence = span.sent
    if any(token.lower_ in PAIN_ANCHORS or token.lower_ in RISE_WORDS for token in span):
        return True
    nearest: tuple[int, bool] | None = None
    for token in sentence:
        if span.start <= token.i < span.end:
            continue
        word = token.lower_
        if word not in PAIN_ANCHORS and word not in OTHER_ANCHORS:
            continue
        if word in TIME_WORDS and token.i > 0 and token.nbor(-1).lower_ in TIME_PRECEDERS:
            continue
        if word in PAIN_ANCHORS and token.i + 1 < len(token.doc) and token.nbor().lower_ == "day":
            continue  # "leg day", "back day": a training day, not a body part
        if token.i >= span.end and _list_break(span.doc[span.end : token.i]):
            continue
        if token.i < span.start and _list_break(span.doc[token.i + 1 : span.start]):
            continue
        if token.i < span.start:
            distance = span.start - token.i
        else:
            between = span.doc[span.end : token.i]
            distance = 1 + sum(1 for word in between if word.lower_ not in SCORE_FILLERS)
            if distance > _SCORE_FOLLOWERS:
                continue
        if distance > _SCORE_NEIGHBOURHOOD:
            continue
        about_pain = word in PAIN_ANCHORS
        if nearest is None or distance < nearest[0] or (distance == nearest[0] and about_pain):
            nearest = (distance, about_pain)
    if nearest is not None:
        return nearest[1]
    return not any(token.lower_ in HAPPY_WORDS for token in sentence)
