"""The one adapter between events and the actor/quote extractors: who a token names, what is quoted.

When ``ctx.results["actors"]`` holds the actor extractor's mentions, an event's
source or target is the actor whose mention covers the argument's head token (so
"he" and "Niger's President" come back as "Mohamed Bazoum"). Without them we fall
back to the entity or noun phrase on the parse. Quoted spans come from
``ctx.results["quotes"]`` when present, else from quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.extract.actor_records import ActorMention, ArticleActor
from dossier.extract.gazetteer import alpha3, country_of_word
from dossier.extract.parsed import entity_at, text_of, with_dep
from dossier.extract.quotes import Quote
from dossier.extract.span_index import SpanIndex
from dossier.lexicon.actors import PLACE_WORDS, is_agent_noun, nominal_kind, organisation_kind
from dossier.lexicon.genre import POLITICAL_KINDS, POLITICAL_ROLES
from dossier.lexicon.plover import FOLLOWER_NOUNS, NAMING_VERBS, PARTITIVES
from dossier.lexicon.speech import TURN_VERBS

QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{3,}?)[\"\u201d]")
ACTOR_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# Entity types that may be a name the small model mislabels ("Kilindini Port Board" as
# FAC): judged by their head word like a proper noun. Counts, money, dates never act.
STRUCTURE_WORDS = PLACE_WORDS - {"county", "province", "district", "region"}
NAME_ENTS = {"FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}
MODIFIER_DEPS = {"compound", "amod", "det", "poss", "nmod", "nummod", "quantmod", "case",
                 "cc", "conj"}


@dataclass(frozen=True)
class ActorRef:
    """An event argument: the actor's best name, its ISO alpha-3 country, its span."""

    name: str
    country: str | None
    start: int
    end: int
    # Is it a state, a government, an armed force or group, an international body, or a
    # person holding a public office (lexicon.genre.POLITICAL_KINDS / POLITICAL_ROLES)?
    political: bool = False


def _political_actor(mention: ActorMention, actor: ArticleActor | None) -> bool:
    """A state, government, force, armed group or international body, or a person the
    article gives a public office ("President X", "the senator")."""
    kind = actor.kind if actor is not None else mention.kind
    if kind in POLITICAL_KINDS:
        return True
    # "the president" carries its office in its own words, "President X" in its role.
    roles = [mention.role or "", mention.text] + ([r.title for r in actor.roles] if actor else [])
    return any(word in POLITICAL_ROLES for role in roles for word in role.lower().split())


class ActorResolver:
    """Maps argument tokens to actors for one article."""

    def __init__(self, doc: Doc, results: dict[str, list[Any]]) -> None:
        self.doc = doc
        self.text = text_of(doc)
        records = results.get("actors") or []
        self.mentions = [r for r in records if isinstance(r, ActorMention)]
        # Lookups by character and by head token, not a scan of every mention per argument.
        self.by_span = SpanIndex(self.mentions)
        self.rank = {id(m): i for i, m in enumerate(self.mentions)}
        self.by_head: dict[int, list[Any]] = {}
        for mention in self.mentions:
            self.by_head.setdefault(mention.head, []).append(mention)
        self.actors = {r.key: r for r in records if isinstance(r, ArticleActor)}
        self.quotes = [q for q in results.get("quotes") or [] if isinstance(q, Quote)]

    def resolve(self, token: Token, agent_only: bool = True) -> ActorRef | None:
        """The actor ``token`` names. A source must be able to act (``agent_only``); a
        target may be the thing acted on ("closed the borders", "backed the declaration")."""
        token = _named_as(self._through_partitive(token))
        # "Niger's leader Mohamed Bazoum", "the president of Benin, Patrice Talon": the name wins.
        if token.pos_ == "NOUN":
            token = _appositive_name(token) or token
        followed = self._followed(token)
        if followed is not None:
            return ActorRef(f"{token.text} of {followed.name}", followed.country,
                            token.idx, followed.end)
        found = {id(m): m for m in self.by_span.covering(token.idx)}
        found.update((id(m), m) for m in self.by_head.get(token.i, ()))
        for mention in sorted(found.values(), key=lambda m: self.rank[id(m)]):
            if mention.start <= token.idx < mention.end or mention.head == token.i:
                actor = self.actors.get(mention.actor_key) if mention.actor_key else None
                if mention.is_pronoun and (actor is None or self._nearer_antecedent(token)):
                    return None
                name = actor.name if actor else mention.text
                country = (mention.country or (actor.country if actor else None))
                return ActorRef(name, country, mention.start, mention.end,
                                _political_actor(mention, actor))
        return self._from_parse(token, agent_only)

    def can_act(self, token: Token) -> bool:
        """Does this argument name (or stand for) a person, group, body or country?"""
        if token.pos_ == "PRON":
            return True
        ent = entity_at(self.doc, token.i)
        return _denotes_agent(token, ent) and self.resolve(token) is not None

    def quote_speaker(self, char: int) -> ActorRef | None:
        """The speaker of the quotation around ``char``: 'I'/'we' inside it means them."""
        for quote in self.quotes:
            if getattr(quote, "content_start", -1) <= char < getattr(quote, "content_end", -1):
                name = getattr(quote, "speaker", None) or getattr(quote, "speaker_name", None)
                if name:
                    start = getattr(quote, "speaker_start", quote.content_start)
                    end = getattr(quote, "speaker_end", quote.content_end)
                    return ActorRef(str(name), getattr(quote, "speaker_country", None), start, end)
        return self._speaker_after(char)

    def _speaker_after(self, char: int) -> ActorRef | None:
        """Without quote records: the subject of the first 'said' after the quote closes."""
        token = next((t for t in self.doc if t.idx >= char), None)
        if token is None:
            return None
        sents = [token.sent]
        while len(sents) < 3 and sents[-1].end < len(self.doc):
            sents.append(self.doc[sents[-1].end].sent)
        for sent in sents:
            for word in sent:
                if word.idx > char and word.lemma_ in TURN_VERBS:
                    subject = next((c for c in word.children if c.dep_ == "nsubj"), None)
                    if subject is not None and subject.pos_ != "PRON":
                        return self.resolve(subject)
        return None

    def _nearer_antecedent(self, token: Token) -> bool:
        """'A gunman opened fire before officers shot *him*': a person noun earlier in the
        pronoun's own sentence, other than its clause's subject, is the likelier antecedent
        than a name from an earlier sentence; the event then leaves the pronoun unresolved."""
        if token.lower_ not in ("him", "her", "he", "she"):
            return False
        clause_subjects = {c.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")}
        return any(t.tag_ == "NN" and is_agent_noun(t.lemma_) and t.i not in clause_subjects
                   and t.ent_type_ != "PERSON" for t in token.sent if t.i < token.i)

    def _through_partitive(self, token: Token) -> Token:
        """'members of his presidential guard' → guard; 'some of the protesters' → protesters."""
        while token.lemma_.lower() in PARTITIVES:
            pobj = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
            if not pobj:
                break
            token = pobj[0]
        return token

    def _from_parse(self, token: Token, agent_only: bool = True) -> ActorRef | None:
        if token.pos_ == "PRON" or token.like_num:
            # A pronoun is an actor only through the actor extractor's mention chains
            # (above); guessing "the last person named" made "officers shot him" an
            # attack on a president two sentences back.
            return None
        ent = entity_at(self.doc, token.i)
        if agent_only and not _denotes_agent(token, ent):
            # "SADC's role", "air force helicopters": the thing stands for its owner.
            owner = next((c for c in token.children if c.dep_ == "poss" or c.dep_ == "compound"
                          and c.pos_ == "NOUN" and is_agent_noun(c.lemma_)), None)
            return self.resolve(owner) if owner is not None else None
        if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            words = [t for t in ent if t.lower_ not in ("the",)]
            start, end = words[0].idx, words[-1].idx + len(words[-1])
        else:
            words = [t for t in token.subtree
                     if t.i <= token.i and (t is token or t.dep_ in MODIFIER_DEPS)
                     and t.pos_ not in ("DET", "PRON") and t.dep_ != "case"]
            words = [t for t in words if t.i >= _contiguous_start(words, token, self.doc)]
            words = words or [token]
            start, end = words[0].idx, token.idx + len(token)
        conj_end = max((c.idx + len(c) for c in token.conjuncts
                        if c.i > token.i and c.pos_ == "PROPN" == token.pos_), default=end)
        text = self.text[start:max(end, conj_end)]
        kind = nominal_kind(token.lemma_, token.text)
        if ent is not None and ent.label_ == "ORG":
            kind = organisation_kind(ent.text)
        political = (ent is not None and ent.label_ in ("GPE", "NORP")) or kind in POLITICAL_KINDS \
            or token.lemma_.lower() in POLITICAL_ROLES
        return ActorRef(text, _country(token), start, max(end, conj_end), political)

    def _followed(self, token: Token) -> ActorRef | None:
        """'supporters of Niger's security forces' → the forces (whose supporters they are)."""
        if token.lemma_.lower() not in FOLLOWER_NOUNS:
            return None
        pobj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), None)
        return self.resolve(pobj) if pobj is not None else None


def _denotes_agent(token: Token, ent: Span | None) -> bool:
    """Can this argument act or be acted on as an actor? A person, group, organisation or
    country by its entity type, a proper name NER missed, or a head noun that denotes
    people or a body of them. "the deaths", "the stoppage", "the automation plan" and
    "500 million shillings" are things: an event about them has no actor there."""
    if ent is not None and ent.label_ in ACTOR_ENTS:
        # "the Mwangaza Dam" tagged ORG is a structure, but a county has a government.
        return ent[-1].lower_ not in STRUCTURE_WORDS
    if ent is not None and ent.label_ not in NAME_ENTS:
        return is_agent_noun(ent.root.lemma_) or is_agent_noun(ent.root.text)
    if token.pos_ == "PROPN":
        return token.lower_ not in PLACE_WORDS
    return is_agent_noun(token.lemma_) or is_agent_noun(token.text)


def _appositive_name(token: Token) -> Token | None:
    """The person a title names: 'Niger's leader Mohamed Bazoum', 'the president of Benin,
    Patrice Talon' (the parser often hangs the name on the country)."""
    named = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if named is not None:
        return named
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                named = next((c for c in pobj.children if c.dep_ == "appos"
                              and c.pos_ == "PROPN"), None)
                if named is not None:
                    return named
    return None


def _named_as(token: Token) -> Token:
    """'their leaders, calling themselves the Defence and Security Forces' → the Forces."""
    if token.dep_ == "nsubj" and token.head.lemma_ in NAMING_VERBS:
        name = next((c for c in token.head.children if c.dep_ in ("oprd", "attr")), None)
        if name is not None:
            return name
    return token


def _contiguous_start(words: list[Token], head: Token, doc: Doc) -> int:
    """The first index of the unbroken run of modifier tokens ending at the head."""
    indices = {t.i for t in words} | {i for i in with_dep(doc, "case") if i < head.i}
    start = head.i
    while start - 1 in indices:
        start -= 1
    return start


def _country(token: Token) -> str | None:
    """ISO alpha-3 of the country a head noun or its modifiers name ('U.S. forces' → USA)."""
    candidates = [token, *(c for c in token.conjuncts if c.pos_ == "PROPN")]
    candidates += [t for c in list(candidates) for t in c.children if t.dep_ in MODIFIER_DEPS]
    candidates += [g for t in list(candidates) for g in t.children
                   if g.dep_ in ("compound", "nmod", "poss", "amod")]
    for t in candidates:
        if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.text[:1].isupper():
            iso2 = country_of_word(t.text)
            if iso2:
                return alpha3(iso2)
    ent = entity_at(token.doc, token.i)
    if ent is not None:
        iso2 = country_of_word(ent.text)
        return alpha3(iso2) if iso2 else None
    return None


def quoted_spans(doc: Doc, results: dict[str, list[Any]]) -> list[tuple[int, int]]:
    """Char spans of quoted content: the quote extractor's, else what quotation marks enclose."""
    spans = []
    for quote in results.get("quotes") or []:
        if getattr(quote, "kind", "direct") == "indirect":
            continue  # reported speech without quotation marks is the speaker's claim, not a quote
        start = getattr(quote, "content_start", None)
        end = getattr(quote, "content_end", None)
        if start is not None and end is not None:
            spans.append((start, end))
    if spans:
        return spans
    return [m.span(1) for m in QUOTED.finditer(text_of(doc))]
