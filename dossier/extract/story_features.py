"""Per-article story features read off the one parsed Doc: terms, entities, digest units.

The clustering and digest run later, over the store, without a Doc; this extractor
is where they get what the parse knows (lemmas, entities, sentence bounds, negated
claims, quantities), so no story code ever re-parses an article.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dossier.extract import stance_cues
from dossier.extract.parsed import ents_of, text_of
from dossier.extract.text import is_truncated, name_key, quotes_balanced
from dossier.lexicon.numbers import COUNT_WORDS
from dossier.lexicon.plover import DOER_ACTS, HELD_PEOPLE
from dossier.lexicon.speech import STANCE_SPEECH_VERBS
from dossier.registry import ArticleContext, Extractor, register_extractor

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
QUANTITY_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
SIDE_LABELS = {"ORG", "GPE", "NORP", "PERSON"}
QUOTE_OPENERS = ("\"", "“", "«", "'")


@dataclass
class StoryUnit:
    """A digest unit: one sentence, or the sentences a single quotation runs over."""

    start: int
    end: int
    truncated: bool
    is_quote: bool
    terms: list[str]
    numbers: list[tuple[float, str, str]] = field(default_factory=list)
    negated: list[tuple[str, str]] = field(default_factory=list)
    # (act, patient lemma, doer phrase, doer head lemma, doer organisation key, denied)
    acts: list[tuple[str, str | None, str, str, str | None, bool]] = field(default_factory=list)


@dataclass
class StoryFeatures:
    """Everything the story modules need from one article's parse."""

    terms: dict[str, int]
    entities: dict[str, int]
    n_words: int
    units: list[StoryUnit]
    stances: list[stance_cues.StanceCue]


@dataclass
class _Tokens:
    """What the story features read of every token, read in one pass over the Doc.

    Each ``doc[i]`` and each step of iterating a Span makes a new Token object, and every
    attribute read looks a string up again; the sentence grouping, the terms and the
    number, negation and act finders each walked every token. Now they index these lists.
    """

    terms: list[str | None]  # the token's content term (lemma, lowercased), else None
    lemmas: list[str]  # lowercased
    deps: list[str]
    speech: list[bool]  # a speech verb (STANCE_SPEECH_VERBS)
    breaks: list[bool]  # a line break follows the token
    n_words: int

    @classmethod
    def of(cls, doc: Doc) -> _Tokens:
        terms: list[str | None] = []
        lemmas, deps, speech, breaks = [], [], [], []
        n_words = 0
        for t in doc:
            lemma, text, alpha = t.lemma_, t.text, t.is_alpha
            folded = lemma.casefold()
            n_words += alpha
            lemmas.append(folded)
            deps.append(t.dep_)
            speech.append(lemma in STANCE_SPEECH_VERBS)
            breaks.append("\n" in t.whitespace_ or (t.is_space and "\n" in text))
            # Content words: the vocabulary stories are compared on.
            content = (t.pos_ in CONTENT_POS and not t.is_stop and (alpha or t.like_num)
                       and len(text) > 1)
            terms.append(folded if content else None)
        return cls(terms, lemmas, deps, speech, breaks, n_words)

    def terms_in(self, start: int, end: int) -> list[str]:
        return [t for t in self.terms[start:end] if t is not None]


def entity_keys(doc: Doc) -> Counter[str]:
    """Named entities as lowercase keys ("the United Nations" → "united nations")."""
    found: Counter[str] = Counter()
    for ent in ents_of(doc):
        if ent.label_ in ENTITY_LABELS:
            key = name_key(ent.text)
            if key:
                found[key] += 1
    return found


def _sentences(doc: Doc, tokens: _Tokens, text: str) -> list[Span]:
    """spaCy's sentences, cut again at paragraph breaks the small model sometimes misses."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end - 1):
            if tokens.breaks[i]:
                out.append(doc[start : i + 1])
                start = i + 1
        out.append(doc[start : sent.end])
    # A Span's text is the Doc's text between its character offsets: sliced, not rebuilt.
    return [s for s in out if text[s.start_char : s.end_char].strip()]


def _trimmed(span: Span, text: str) -> tuple[int, int]:
    own = text[span.start_char : span.end_char]
    lead = len(own) - len(own.lstrip())
    return span.start_char + lead, span.start_char + len(own.rstrip())


def _quote_only(span: Span, tokens: _Tokens, text: str) -> bool:
    """A sentence that is nothing but a quotation, with no speech verb of its own."""
    return text[span.start_char : span.end_char].strip().startswith(QUOTE_OPENERS) and not any(
        tokens.speech[span.start : span.end]
    )


def units_of(doc: Doc, tokens: _Tokens, text: str) -> list[tuple[int, int, list[Span]]]:
    """Group sentences into units: a quotation that runs on, or a quote-only follow-up
    ("All Nigeriens ... want this.") stays glued to the sentence naming its speaker."""
    groups: list[list[Span]] = []
    for sent in _sentences(doc, tokens, text):
        if groups:
            prev_text = text[groups[-1][0].start_char : groups[-1][-1].end_char]
            same_paragraph = "\n" not in text[groups[-1][-1].end_char : sent.start_char]
            runs_on = not quotes_balanced(prev_text) and same_paragraph
            # '"We ask ...," he said. "Everything can ..."': the speaker carries over.
            last = groups[-1][-1]
            follows_quote = (_quote_only(sent, tokens, text)
                             and any(tokens.speech[last.start : last.end])
                             and text[last.start_char : last.end_char].lstrip()
                             .startswith(QUOTE_OPENERS))
            if runs_on or follows_quote:
                groups[-1].append(sent)
                continue
        groups.append([sent])
    out = []
    for group in groups:
        start, _ = _trimmed(group[0], text)
        _, end = _trimmed(group[-1], text)
        out.append((start, end, group))
    return out


def _number_value(tok) -> float | None:
    text = tok.text.replace(",", "")
    try:
        value = float(text)
        return int(value) if value.is_integer() else value
    except ValueError:
        pass
    value = COUNT_WORDS.get(tok.lower_)
    if value is None or not 1 <= value <= 9:
        return value
    # "Twenty-one" is parsed as "Twenty" (compound) "-" "one" (nummod): 21, not 1, or a
    # toll of 21 would stand against one of 1.
    tens = [COUNT_WORDS.get(c.lower_) for c in tok.children if c.dep_ == "compound" and c.i < tok.i]
    return value + sum(t for t in tens if t and 20 <= t <= 90 and t % 10 == 0)


def _numbers(doc: Doc, sents: list[Span], tokens: _Tokens) -> list[tuple[float, str, str]]:
    """(value, counted noun, governing verb): "killed at least 12 people" → (12, person, kill)."""
    found = []
    for sent in sents:
        for i in range(sent.start, sent.end):
            if tokens.deps[i] != "nummod":
                continue
            tok = doc[i]
            if tok.ent_type_ not in QUANTITY_LABELS | {""}:
                continue
            value = _number_value(tok)
            if value is None or (1900 <= value <= 2100 and tok.shape_ == "dddd"):
                continue
            noun = tok.head
            verb = noun.head
            while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
                verb = verb.head
            found.append((value, noun.lemma_.casefold(), verb.lemma_.casefold()))
    return found


def _negated(doc: Doc, sents: list[Span], tokens: _Tokens) -> list[tuple[str, str]]:
    """Negated claims with their subject: "the whole of the army was not involved"."""
    found = []
    for sent in sents:
        for i in range(sent.start, sent.end):
            if tokens.deps[i] != "neg":
                continue
            tok = doc[i]
            if tok.head.pos_ not in {"VERB", "AUX"}:
                continue
            verb = tok.head
            subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is None or subj.pos_ == "PRON":
                continue
            subject = " ".join(t.text for t in subj.subtree)
            found.append((subject, verb.lemma_.casefold()))
    return found


def _phrase(tok) -> str:
    """The noun phrase a token heads, without the clauses hung on it ("officers of the
    Zambia Revenue Authority", not "... who found subsidised fertiliser")."""
    cut = {t.i for c in tok.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree}
    span = [t for t in tok.subtree if t.i not in cut]
    while span and span[0].pos_ in {"DET", "PUNCT"}:
        span = span[1:]
    while span and span[-1].pos_ == "PUNCT":
        span = span[:-1]
    return tok.doc[span[0].i : span[-1].i + 1].text if span else tok.text


def _side(tok) -> str | None:
    """The organisation a doer phrase names ("officers of the Zambia Revenue Authority" →
    zambia revenue authority; "Zambia" → zambia), else None: then its head noun says it."""
    orgs = [e for e in ents_of(tok.doc) if e.label_ in SIDE_LABELS
            and tok.left_edge.i <= e.start and e.end <= tok.right_edge.i + 1
            and e.root.pos_ == "PROPN"]
    return name_key(orgs[0].text) if orgs else None


def _patient(verb) -> str | None:
    """The one acted on; a relative pronoun stands for the noun it hangs on
    ("drivers who have been held") and another pronoun stays unknown (None)."""
    patient = next((c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}), None)
    if patient is None:
        return None
    if patient.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
        patient = verb.head
    return None if patient.pos_ == "PRON" else patient.lemma_.casefold()


def _acts(
    doc: Doc, sents: list[Span], tokens: _Tokens
) -> list[tuple[str, str | None, str, str, str | None, bool]]:
    """(act, patient, doer, head, organisation, denied) for every act whose doer is named:
    "held by Zambian police" and "stopped by officers of the ZRA, not by the police"."""
    found = []
    for sent in sents:
        for i in range(sent.start, sent.end):
            act = DOER_ACTS.get(tokens.lemmas[i])
            if act is None:
                continue
            verb = doc[i]
            if verb.pos_ != "VERB":
                continue
            done_to = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
            if not done_to or done_to[0].pos_ not in {"NOUN", "PROPN", "PRON"}:
                continue  # "customers had stopped ordering": no one was stopped
            if (tokens.lemmas[i] == "hold" and done_to[0].pos_ == "NOUN"
                    and done_to[0].lemma_.casefold() not in HELD_PEOPLE):
                continue  # a conference, a vote, a record is held; nobody is detained
            passive = done_to[0].dep_ == "nsubjpass"
            doers = []
            for child in verb.children:
                if passive and child.dep_ == "agent":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    denied = any(c.dep_ == "neg" for c in child.children)
                    if pobj is not None:
                        doers.append((pobj, denied))
                elif not passive and child.dep_ == "nsubj" and child.pos_ != "PRON":
                    doers.append((child, any(c.dep_ == "neg" for c in verb.children)))
            patient = _patient(verb)
            for doer, denied in doers:
                found.append((act, patient, _phrase(doer), doer.lemma_.casefold(),
                              _side(doer), denied))
    return found


def extract(ctx: ArticleContext) -> list[StoryFeatures]:
    """The story features of one article (a one-element list, as the registry wants)."""
    doc = ctx.doc
    tokens = _Tokens.of(doc)
    units = []
    doc_text = text_of(doc)
    for start, end, sents in units_of(doc, tokens, doc_text):
        text = doc_text[start:end]
        terms = [t for s in sents for t in tokens.terms_in(s.start, s.end)]
        units.append(StoryUnit(
            start=start, end=end, truncated=is_truncated(text),
            is_quote=any(q in text for q in QUOTE_OPENERS[:3]), terms=terms,
            numbers=_numbers(doc, sents, tokens), negated=_negated(doc, sents, tokens),
            acts=_acts(doc, sents, tokens),
        ))
    terms = Counter(tokens.terms_in(0, len(doc)))
    return [StoryFeatures(
        terms=dict(terms), entities=dict(entity_keys(doc)), n_words=tokens.n_words,
        units=units, stances=stance_cues.find(ctx),
    )]


register_extractor(Extractor(name="stories", run=extract, assigns=(StoryFeatures,),
                             requires=("actors",)))
