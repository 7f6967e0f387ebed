"""Stance cues read off the parse: who backs or opposes whom, as one sentence says it.

Events (issue 4) give SUPPORT/ASSAULT-style acts; statements carry stances events
miss: "voiced their support for", "demanded the immediate release of", "subscribe
to the declaration made by", "a show of support ... for the coup leaders". Names
go through the actor extractor's mentions when present (so "him" is Bazoum), else
through spaCy entities and noun phrases; an unresolved pronoun yields no cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.clean.metadata import find_dateline
from dossier.extract.parsed import entity_at, ents_within, text_of
from dossier.extract.text import is_actor_name
from dossier.lexicon.speech import STANCE_SPEECH_VERBS
from dossier.lexicon.stance import (
    ABSTRACT,
    OPPOSE_NOUNS,
    OPPOSE_VERBS,
    STANCE_TARGET_PREPS,
    SUPPORT_NOUNS,
    SUPPORT_VERBS,
)
from dossier.registry import ArticleContext

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
PRONOUNS = {"PRON"}


@dataclass(frozen=True)
class StanceCue:
    """``source`` supports (+1) or opposes (-1) ``target``; evidence is the sentence span."""

    start: int
    end: int
    source: str
    target: str
    polarity: int
    cue: str


def has_speech(sents: list[Span]) -> bool:
    return any(t.lemma_ in STANCE_SPEECH_VERBS for s in sents for t in s)


class _Names:
    """Turns a phrase head into actor names, through the actor extractor when it ran."""

    def __init__(self, doc: Doc, actors: list[Any], max_phrase_tokens: int) -> None:
        self.doc = doc
        self.max_phrase_tokens = max_phrase_tokens  # Settings.stance_max_phrase_tokens
        self.text = text_of(doc)
        # The dateline ("GABORONE, Botswana — ") says where, never who.
        dateline = find_dateline(self.text)
        self.after_dateline = dateline.end if dateline else 0
        names = {a.key: a.name for a in actors if hasattr(a, "key") and hasattr(a, "name")}
        self.mentions = [(m.start, m.end, names[m.actor_key]) for m in actors
                         if getattr(m, "actor_key", None) in names and hasattr(m, "start")]

    def actor_at(self, tok: Token) -> str | None:
        for start, end, name in self.mentions:
            if start <= tok.idx < end:
                return name
        return None

    def of(self, tok: Token) -> list[str]:
        """Names of the phrase headed by ``tok`` and of the phrases coordinated with it."""
        out = []
        conjs = [c for c in tok.subtree if c.dep_ == "conj" and c.head.i == tok.i]
        if conjs and _misparsed_subject(conjs[-1]):
            conjs = []
        for head in [tok, *conjs]:
            name = self.one(head)
            if name:
                out.append(name)
        return out

    def one(self, tok: Token) -> str | None:
        if tok.lemma_.casefold() in ABSTRACT:
            inner = self._behind(tok)
            return self.one(inner) if inner is not None else None
        named = self.actor_at(tok)
        if named and is_actor_name(named):  # a resolved name, unless it came out mangled
            return named
        if tok.pos_ in PRONOUNS:
            return None
        appos = _child(tok, "appos")
        if appos is not None and appos.ent_type_ in ACTOR_LABELS:
            return self.one(appos)  # "Niger's leader Mohamed Bazoum" → Mohamed Bazoum
        if tok.ent_type_ in ACTOR_LABELS:
            ent = entity_at(self.doc, tok.i)
            return ent.text.removeprefix("the ").removeprefix("The ")
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        span = [t for t in tok.subtree if t.dep_ not in {"conj", "cc"}
                and not any(a.dep_ == "conj" and a.head.i == tok.i for a in t.ancestors)]
        if len(span) > self.max_phrase_tokens or not span:
            span = [t for t in tok.doc[tok.left_edge.i : tok.i + 1]]
        while span and (span[0].pos_ in {"DET", "PUNCT"} or span[0].text in {",", "'s"}):
            span = span[1:]
        while span and span[-1].pos_ == "PUNCT":
            span = span[:-1]
        return self.doc[span[0].i : span[-1].i + 1].text if span else None

    def _behind(self, tok: Token) -> Token | None:
        """The actor behind "the declaration made by X" / "the release of X"."""
        for child in tok.subtree:
            if child.dep_ == "pobj" and child.head.lower_ in {"of", "by"} and child.i > tok.i:
                return child
        return None

    def left_of(self, tok: Token, sent: Span, exclude: set[str]) -> list[str]:
        """The nearest actor left of ``tok`` in the sentence, with what is coordinated
        right before it ("France and the United States")."""
        after = self.after_dateline
        ents = [e for e in ents_within(sent) if e.label_ in ACTOR_LABELS and e.end <= tok.i
                and e.start_char >= after]
        picked: list[Span] = []
        for ent in reversed(ents):
            text = self.actor_at(ent.root) or ent.text.removeprefix("the ")
            if text in exclude:
                continue
            if picked:
                gap = self.doc[ent.end : picked[-1].start]
                if len(gap) > 2 or any(t.lower_ not in {"and", ",", "the"} for t in gap):
                    break
            picked.append(ent)
        return [self.actor_at(e.root) or e.text.removeprefix("the ") for e in reversed(picked)]


def _misparsed_subject(tok: Token) -> bool:
    """A "conjunct" that is really the subject of the next verb ("condemned the takeover
    and allies France ... voiced their support"): a subjectless verb follows it."""
    nxt = tok.right_edge.i + 1
    if nxt >= len(tok.doc):
        return False
    verb = tok.doc[nxt]
    return verb.pos_ == "VERB" and _child(verb, "nsubj", "nsubjpass") is None


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _target(tok: Token) -> Token | None:
    if tok.pos_ == "VERB":
        passive = _child(tok, "nsubjpass")
        if passive is not None:
            return passive
        direct = _child(tok, "dobj")
        if direct is not None:
            return direct
    node = tok
    for _ in range(3):  # "a show of support in Niamey for the coup leaders"
        for prep in node.children:
            if prep.dep_ == "prep" and prep.lower_ in STANCE_TARGET_PREPS and prep.i > tok.i:
                pobj = _child(prep, "pobj")
                if pobj is not None:
                    return pobj
        if node.dep_ not in {"pobj", "prep", "dobj"}:
            break
        node = node.head
    return None


def _speech_subject(tok: Token) -> tuple[Token | None, Token | None]:
    """(subject, speech verb) when ``tok`` sits in a clause reported by a speech verb."""
    node = tok
    while node.head.i != node.i:
        if node.dep_ in {"ccomp", "parataxis"} and node.head.lemma_ in STANCE_SPEECH_VERBS:
            return _child(node.head, "nsubj"), node.head
        node = node.head
    root = tok.sent.root
    if root.lemma_ in STANCE_SPEECH_VERBS:
        return _child(root, "nsubj"), root
    return None, None


def _sources(tok: Token, names: _Names, sent: Span, target_names: set[str]) -> list[str]:
    if tok.pos_ == "VERB" and _child(tok, "nsubjpass") is not None:
        agent = _child(tok, "agent")
        pobj = _child(agent, "pobj") if agent is not None else None
        if pobj is not None:
            return names.of(pobj)
    node = tok
    for _ in range(5):
        subj = _child(node, "nsubj")
        if subj is not None:
            found = names.of(subj)
            if found:
                return found
            break
        if node.dep_ in {"ccomp", "ROOT", "parataxis"} or node.head.i == node.i:
            break
        node = node.head
    subj, verb = _speech_subject(tok)
    if subj is not None:
        found = names.of(subj)
        if found:
            return found
    anchor = verb if verb is not None else tok
    return names.left_of(anchor, sent, target_names)


def find(ctx: ArticleContext) -> list[StanceCue]:
    """Every stance cue of the article, one per (source, target, sentence)."""
    doc = ctx.doc
    names = _Names(doc, ctx.results.get("actors", []), ctx.settings.stance_max_phrase_tokens)
    cues: dict[tuple[str, str, int], StanceCue] = {}
    for sent in doc.sents:
        for tok in sent:
            lemma = tok.lemma_.casefold()
            if tok.dep_ == "amod":
                continue  # "43 detained drivers": a description, nobody's stance
            if tok.pos_ == "VERB" and lemma in SUPPORT_VERBS | OPPOSE_VERBS:
                polarity = 1 if lemma in SUPPORT_VERBS else -1
            elif tok.pos_ == "NOUN" and lemma in SUPPORT_NOUNS | OPPOSE_NOUNS:
                polarity = 1 if lemma in SUPPORT_NOUNS else -1
            else:
                continue
            if lemma == "release" and tok.pos_ == "VERB" and _child(tok, "nsubjpass") is None:
                continue  # "troops released a statement": not about freeing anyone
            target_tok = _target(tok)
            if target_tok is None:
                continue
            targets = names.of(target_tok)
            if not targets:
                continue
            sources = _sources(tok, names, sent, set(targets))
            text = sent.text
            start = sent.start_char + len(text) - len(text.lstrip())
            end = sent.start_char + len(text.rstrip())
            for source in sources:
                for target in targets:
                    if source.casefold() == target.casefold() or not (
                            is_actor_name(source) and is_actor_name(target)):
                        continue
                    cues.setdefault((source, target, start),
                                    StanceCue(start, end, source, target, polarity, lemma))
    return list(cues.values())
