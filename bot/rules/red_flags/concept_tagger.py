"""The concept tagger: the lexicon's tags on the tokens of its phrases (see `lexicon`).

It tags as medspaCy's ConceptTagger does (of overlapping matches the longest wins, by
medspaCy's own pruning, and each token of a match gets its tag in ``token._.<attr_name>``) but
files the phrases under their tag. ConceptTagger gives each of its 19,000 phrases a matcher key
of its own, and spaCy keeps a lexeme, strings and a set for every key: about 15 MB of the
reader's memory. Here they share one key per tag (about a hundred).

Words listed under two tags ("bending" is both SUDDEN and MOVING; 133 such today) get one of
them by spaCy's order for two keys matching one span: not chosen by meaning, but the same on every
run and whatever other rules are added. (With one key per phrase the order followed the hashes of
medspaCy's rule ids, which moved whenever a rule was added before them. Ordering by the lexicon,
first or last listed, each lost a corpus message's finding; spaCy's order loses none.)
"""

# No `from __future__ import annotations`: spaCy reads the factory's annotations to check its
# config, and cannot resolve them as strings.
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from bot.rules.red_flags.dsl import Token as TokenPattern
from bot.rules.red_flags.dsl import Tokenize
from bot.rules.red_flags.medspacy_parts import prune_overlapping_matches

FACTORY = "rf_concept_tagger"


class ConceptTagger:
    """A pipeline component: `add` phrases (word sequences or token patterns) under tags."""

    def __init__(self, nlp: Language, attr_name: str) -> None:
        self._tokenize: Tokenize = nlp.tokenizer
        self._strings = nlp.vocab.strings
        self._attr_name = attr_name
        self._phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._patterns = Matcher(nlp.vocab)
        if not Token.has_extension(attr_name):
            Token.set_extension(attr_name, default="")

    def add(self, tag: str, literal: str, pattern: list[TokenPattern] | None) -> None:
        """Tag the word sequence `literal` (any case), or what `pattern` matches when given."""
        if pattern is None:
            self._phrases.add(tag, [self._tokenize(literal.lower())])
        else:
            self._patterns.add(tag, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        # Each matcher only if it has rules: spaCy warns on every call of an empty one.
        matches = self._patterns(doc) if len(self._patterns) else []
        if len(self._phrases):
            matches += self._phrases(doc)
        for key, start, end in prune_overlapping_matches(matches):
            tag = self._strings[key]
            for token in doc[start:end]:
                setattr(token._, self._attr_name, tag)
        return doc


@Language.factory(FACTORY, default_config={"attr_name": "concept_tag"})
def make_concept_tagger(nlp: Language, name: str, attr_name: str) -> ConceptTagger:
    """spaCy's factory for `ConceptTagger` (``nlp.add_pipe(FACTORY, config=...)``)."""
    return ConceptTagger(nlp, attr_name)
