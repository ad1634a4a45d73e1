"""A small notation for spaCy token patterns, so the phrasings read like the words they match.

A phrase is tokens separated by spaces; each token is one of:

- ``word`` or ``a|b|c``: the token's lower-case text is that word, or one of them.
- ``~word``: the word or a misspelling of it (spaCy's FUZZY: one edit under eleven letters,
  two from eleven), never one of the real English words listed for it in `FUZZY_GUARDS`. A fuzzy
  word may stand among alternatives (``numb|~numbness``): the phrase is then expanded into one
  pattern per fuzzy alternative plus one for the exact words.
- ``@TAG`` or ``@TAG|TAG2``: one or more tokens the concept tagger gave that tag (see lexicon).
- ``_``: any one token; ``_{0,4}``: up to four tokens of any kind.
- ``/regex/``: the lower-case text matches the regular expression as a whole.
- ``^word``, ``^/regex/``: the word (or a match), first in its sentence ("Would a fall break
  your back?", "82 with thin bones").

A token may end in ``?`` (optional), ``*`` or ``+``. A phrase never spans two sentences, and a
gap never swallows a negation ("it doesn't wake me" is not "it ... wake me").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from bot.rules.red_flags.text import clean

TAG_ATTR = "rf_concept"
"""The token extension medspaCy's concept tagger writes; the pipeline copies it into spaCy's
native ``TAG`` attribute, which ``@TAG`` reads (the matcher compares native attributes in C,
extension attributes in Python)."""

Token = dict[str, Any]
Tokenize = Callable[[str], Doc]
"""The pipeline's tokenizer (spaCy's `Tokenizer` has no type stubs)."""

FUZZY_GUARDS: dict[str, tuple[str, ...]] = {
    # Every English word (from pyspellchecker's list, frequency 50 and up) within the fuzzy
    # distance of the word; tests/rules/test_red_flags_fuzzy.py keeps this table complete.
    "agonising": ("agonizing",),
    "agonizing": (),
    "bladder": ("ladder", "badder", "bladders", "gladder", "blander"),
    "buttocks": ("buttock",),
    "chemotherapy": ("thermotherapy", "hemotherapy", "crymotherapy"),
    "excruciating": ("excruciatingly", "excruciations", "excruciation"),
    "excrutiating": ("excruciating",),
    "feverish": (),
    "genitals": ("genital",),
    "immunocompromised": (),
    "immunosuppressed": ("immunosuppress",),
    "incontinence": ("incontinent", "continence"),
    "incontinent": ("continent", "incontinence", "incontinently"),
    "leukaemia": ("leukemia",),
    "leukemia": ("leukemic",),
    "lymphoma": ("lymphomas",),
    "melanoma": ("melanomas",),
    "needles": ("needle", "needless", "needled", "needler"),
    "numbness": ("dumbness",),
    "osteopenia": (),
    "osteoporosis": ("osteoporotic", "osteoporoses"),
    "perineum": (),
    "prednisolone": (),
    "prednisone": (),
    "pulsating": (),
    "radiotherapy": ("radiothermy",),
    "remission": ("emission", "remissions", "demission"),
    "retention": ("detention", "retentions"),
    "sciatica": ("sciatic",),
    "sensation": ("sensations",),
    "shivering": ("slivering",),
    "temperature": ("temperatures", "temperate"),
    "tingling": (
        "jingling",
        "mingling",
        "tinkling",
        "tangling",
        "singling",
        "ringling",
        "tinglings",
        "tinging",
        "tingeing",
    ),
    "unbearable": ("unbeatable", "unbearably", "unwearable"),
    "unexplained": ("explained", "unexploited", "reexplained"),
    "urinating": (),
}

NEGATIONS = ("no", "not", "n't", "nt", "never", "without", "nothing", "none", "nor", "cannot")
"""Words a gap (``_{0,4}``) never crosses."""

_TOKEN = re.compile(r"^(?P<body>.+?)(?P<op>[?*+]|\{\d*,\d*\})?$")


def patterns(phrase: str) -> list[list[Token]]:
    """The spaCy Matcher patterns a phrase in this notation stands for (one unless a token mixes
    fuzzy and exact alternatives)."""
    expanded: list[list[str]] = [[]]
    for part in phrase.split():
        expanded = [[*done, choice] for done in expanded for choice in _split_fuzzy(part)]
    result = []
    for parts in expanded:
        tokens = [_token(part) for part in parts]
        started = False
        for token in tokens:
            if started:
                token.setdefault("IS_SENT_START", False)
            started = started or token.get("OP") in (None, "+")
        result.append(tokens)
    return result


LITERAL_LIMIT = 200
"""At most this many word sequences are listed for a phrase; longer lists stay a pattern.

Each listed sequence costs about 1 kB in the built reader. At 500 the reader read all 4,718
labelled and lexicon texts exactly as at 1,000 and weighed 18 MB less; at 400 it read all
6,454 labelled and lexicon texts of round 8 exactly as at 500 and weighed 10 MB less; at 350
it reads all 6,199 labelled texts of round 9 exactly as at 400 and weighs 9 MB less (with
one phrase split in two, whose token pattern lost an overlap: "had a fall... of
motivation"); at 250 it reads all 6,799 labelled texts of round 11 exactly as at 350 and
weighs 6 MB less; at 200 it reads all 9,300 labelled and reviewer texts of round 12 exactly as
at 250 and weighs 8 MB less (at 150 one overlap flips back: "had a fall... of motivation").
Lower limits can change which of two overlapping matches wins."""


def literals(phrase: str) -> list[str] | None:
    """The word sequences a phrase of plain words stands for ("pins and|& needles" ->
    ["pins and needles", "pins & needles"]), or None when it uses tags, gaps, fuzzy words or
    regular expressions, or would list more than `LITERAL_LIMIT` sequences.

    spaCy's PhraseMatcher finds such lists by hash lookup, far faster than a token pattern
    whose every alternative list is tested token by token.
    """
    options: list[list[str]] = []
    count = 1
    for part in phrase.split():
        match = _TOKEN.match(part)
        body, op = (match["body"], match["op"]) if match else (part, None)
        if op not in (None, "?") or body.startswith(("@", "/", "^")) or "~" in body or body == "_":
            return None
        choices = _words(body) + ([""] if op == "?" else [])
        count *= len(choices)
        if count > LITERAL_LIMIT:
            return None
        options.append(choices)
    sequences = [""]
    for choices in options:
        sequences = [f"{done} {choice}".strip() for done in sequences for choice in choices]
    return [sequence for sequence in dict.fromkeys(sequences) if sequence]


def forms(phrase: str, tokenizer: Tokenize) -> list[tuple[str, list[Token] | None]]:
    """How a phrase is handed to medspaCy: ``(literal, None)`` for each word sequence the phrase
    matcher can find, ``(literal, pattern)`` for token patterns (see `exact`)."""
    words = literals(phrase)
    if words is None:
        return [(phrase, pattern) for pattern in patterns(phrase)]
    result: list[tuple[str, list[Token] | None]] = []
    for sequence in words:
        sequence = clean(sequence)
        cut = any(len(tokenizer(word)) > 1 for word in sequence.split() if word.startswith("'"))
        result.append((sequence, exact(sequence) if cut else None))
    return result


def exact(sequence: str) -> list[Token]:
    """A token pattern for a word sequence, word by word. For the sequences a phrase list cannot
    hold: spaCy's tokenizer cuts "'ve" and "'m" standing alone into two tokens, while in a message
    ("i've", "i'm") they are one, so the phrase "'ve got" would never match."""
    tokens: list[Token] = [{"LOWER": word} for word in sequence.split()]
    for token in tokens[1:]:
        token["IS_SENT_START"] = False
    return tokens


def _split_fuzzy(part: str) -> list[str]:
    """``a|~b|c?`` -> ``["a|c?", "~b?"]``; a part without a fuzzy alternative is left whole."""
    match = _TOKEN.match(part)
    body, op = (match["body"], match["op"] or "") if match else (part, "")
    if body.startswith(("@", "/", "^")) or "~" not in body:
        return [part]
    choices = body.split("|")
    exact = [choice for choice in choices if not choice.startswith("~")]
    fuzzy = [choice for choice in choices if choice.startswith("~")]
    return ([f"{'|'.join(exact)}{op}"] if exact else []) + [f"{choice}{op}" for choice in fuzzy]


def _token(part: str) -> Token:
    match = _TOKEN.match(part)
    if match is None:  # pragma: no cover - the regex matches any non-empty string
        raise ValueError(f"unreadable pattern token {part!r}")
    body, op = match["body"], match["op"]
    if body.startswith("/") and body.endswith("/") and len(body) > 2:
        token: Token = {"LOWER": {"REGEX": f"^(?:{body[1:-1]})$"}}
    elif body == "_":
        token = {"LOWER": {"NOT_IN": list(NEGATIONS)}} if op else {}
    elif body.startswith("@"):
        names = body[1:].split("|")
        if not all(_TAG_NAME.fullmatch(name) for name in names):
            raise ValueError(f"a tag token holds only tags: {part!r}")
        token = {"TAG": names[0] if len(names) == 1 else {"IN": names}}
        op = op or "+"
    elif body.startswith("~"):
        token = {"LOWER": _fuzzy(body[1:])}
    elif body.startswith("^/") and body.endswith("/") and len(body) > 3:
        token = {"LOWER": {"REGEX": f"^(?:{body[2:-1]})$"}, "IS_SENT_START": True}
    elif body.startswith("^"):
        words = body[1:].split("|")
        token = {"LOWER": {"IN": words}, "IS_SENT_START": True}
    else:
        words = _words(body)
        token = {"LOWER": words[0]} if len(words) == 1 else {"LOWER": {"IN": words}}
    if op:
        token["OP"] = op
    return token


_TAG_NAME = re.compile(r"[A-Z_]+")


def _words(body: str) -> list[str]:
    """The alternatives of a word token; a tag (``@X``) or a regex (``/x/``) cannot be one of
    them (write a second phrase instead)."""
    words = body.split("|")
    for word in words:
        if word.startswith("@") or (word.startswith("/") and len(word) > 1):
            raise ValueError(f"{word!r} cannot stand among plain words in {body!r}")
    return words


def _fuzzy(word: str) -> dict[str, Any]:
    if word not in FUZZY_GUARDS:
        raise ValueError(f"fuzzy word {word!r} needs an entry in FUZZY_GUARDS")
    edits = 1 if len(word) < 11 else 2
    predicate: dict[str, Any] = {f"FUZZY{edits}": word}
    if FUZZY_GUARDS[word]:
        predicate["NOT_IN"] = list(FUZZY_GUARDS[word])
    return predicate
