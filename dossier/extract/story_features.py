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
from dossier.extract.text import is_truncated, name_key, quotes_balanced
from dossier.lexicon.numbers import COUNT_WORDS
from dossier.lexicon.speech import STANCE_SPEECH_VERBS
from dossier.registry import ArticleContext, Extractor, register_extractor

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
QUANTITY_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
# Acts done once, by someone, to someone: reports naming different doers disagree.
# Lemma → the act it is a way of telling ("held by", "stopped by", "detained by").
ACT_VERBS = {"detain": "detain", "hold": "detain", "stop": "detain", "arrest": "detain",
             "seize": "detain", "capture": "detain", "jail": "detain", "abduct": "detain",
             "kill": "kill", "shoot": "kill", "attack": "attack", "beat": "attack"}
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


def content_terms(tokens: Span | Doc) -> list[str]:
    """Lemmas of content words, lowercased: the vocabulary stories are compared on."""
    return [
        t.lemma_.casefold()
        for t in tokens
        if t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num)
        and len(t.text) > 1
    ]


def entity_keys(doc: Doc) -> Counter[str]:
    """Named entities as lowercase keys ("the United Nations" → "united nations")."""
    found: Counter[str] = Counter()
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            key = name_key(ent.text)
            if key:
                found[key] += 1
    return found


def _sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences, cut again at paragraph breaks the small model sometimes misses."""
    out: list[Span] = []
    for sent in doc.sents:
        start = sent.start
        for tok in sent[:-1]:
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                out.append(doc[start : tok.i + 1])
                start = tok.i + 1
        out.append(doc[start : sent.end])
    return [s for s in out if s.text.strip()]


def _trimmed(span: Span) -> tuple[int, int]:
    text = span.text
    lead = len(text) - len(text.lstrip())
    return span.start_char + lead, span.start_char + len(text.rstrip())


def _quote_only(span: Span) -> bool:
    """A sentence that is nothing but a quotation, with no speech verb of its own."""
    text = span.text.strip()
    return text.startswith(QUOTE_OPENERS) and not any(
        t.lemma_ in STANCE_SPEECH_VERBS for t in span
    )


def units_of(doc: Doc) -> list[tuple[int, int, list[Span]]]:
    """Group sentences into units: a quotation that runs on, or a quote-only follow-up
    ("All Nigeriens ... want this.") stays glued to the sentence naming its speaker."""
    groups: list[list[Span]] = []
    text = doc.text  # Doc.text is rebuilt on every access: read it once (was quadratic)
    for sent in _sentences(doc):
        if groups:
            prev_text = text[groups[-1][0].start_char : groups[-1][-1].end_char]
            same_paragraph = "\n" not in text[groups[-1][-1].end_char : sent.start_char]
            runs_on = not quotes_balanced(prev_text) and same_paragraph
            # '"We ask ...," he said. "Everything can ..."': the speaker carries over.
            last = groups[-1][-1]
            follows_quote = (_quote_only(sent) and stance_cues.has_speech([last])
                             and last.text.lstrip().startswith(QUOTE_OPENERS))
            if runs_on or follows_quote:
                groups[-1].append(sent)
                continue
        groups.append([sent])
    out = []
    for group in groups:
        start, _ = _trimmed(group[0])
        _, end = _trimmed(group[-1])
        out.append((start, end, group))
    return out


def _number_value(tok) -> float | None:
    text = tok.text.replace(",", "")
    try:
        value = float(text)
        return int(value) if value.is_integer() else value
    except ValueError:
        return COUNT_WORDS.get(tok.lower_)


def _numbers(sents: list[Span]) -> list[tuple[float, str, str]]:
    """(value, counted noun, governing verb): "killed at least 12 people" → (12, person, kill)."""
    found = []
    for sent in sents:
        for tok in sent:
            if tok.dep_ != "nummod" or tok.ent_type_ not in QUANTITY_LABELS | {""}:
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


def _negated(sents: list[Span]) -> list[tuple[str, str]]:
    """Negated claims with their subject: "the whole of the army was not involved"."""
    found = []
    for sent in sents:
        for tok in sent:
            if tok.dep_ != "neg" or tok.head.pos_ not in {"VERB", "AUX"}:
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
    orgs = [e for e in tok.doc.ents if e.label_ in SIDE_LABELS
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


def _acts(sents: list[Span]) -> list[tuple[str, str | None, str, str, str | None, bool]]:
    """(act, patient, doer, head, organisation, denied) for every act whose doer is named:
    "held by Zambian police" and "stopped by officers of the ZRA, not by the police"."""
    found = []
    for sent in sents:
        for verb in sent:
            act = ACT_VERBS.get(verb.lemma_.casefold())
            if act is None or verb.pos_ != "VERB":
                continue
            done_to = [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
            if not done_to or done_to[0].pos_ not in {"NOUN", "PROPN", "PRON"}:
                continue  # "customers had stopped ordering": no one was stopped
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
    units = []
    doc_text = doc.text  # Doc.text is rebuilt on every access: read it once
    for start, end, sents in units_of(doc):
        text = doc_text[start:end]
        terms = [t for s in sents for t in content_terms(s)]
        units.append(StoryUnit(
            start=start, end=end, truncated=is_truncated(text),
            is_quote=any(q in text for q in QUOTE_OPENERS[:3]), terms=terms,
            numbers=_numbers(sents), negated=_negated(sents), acts=_acts(sents),
        ))
    terms = Counter(content_terms(doc))
    return [StoryFeatures(
        terms=dict(terms), entities=dict(entity_keys(doc)),
        n_words=sum(1 for t in doc if t.is_alpha), units=units,
        stances=stance_cues.find(ctx),
    )]


register_extractor(Extractor(name="stories", run=extract, assigns=(StoryFeatures,),
                             requires=("actors",)))
