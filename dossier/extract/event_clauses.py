"""Reading one trigger's clause on the parse: its source and target, negation, modality, speaker.

Kept apart from events.py so the event builder reads as "find trigger → read clause →
date, place" while the dependency-grammar details live here.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from dossier.lexicon.actors import EVENT_ACTOR_NOUNS
from dossier.lexicon.grammar import EVENT_TARGET_PREPS, RECIPIENT_PREPS, RELATIVES
from dossier.lexicon.modality import (
    FUTURE_AUX,
    FUTURE_HEADS,
    HYPOTHETICAL_AUX,
    LIGHT_OBJECTS,
    NON_FACTIVE,
    OBJECT_CONTROL,
    WILLING,
)
from dossier.lexicon.plover import (
    NAMING_VERBS,
    RELEASE_NOUNS,
    VERB_OBJECT,
    Trigger,
)
from dossier.lexicon.speech import REPORTING_VERBS

OBJECT_DEPS = {"dobj", "prt", "attr", "nsubjpass", "nsubj", "dative", "acomp"}
TEMPORAL_ENTS = {"DATE", "TIME"}
PLACE_OR_TIME_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME"}
ACTOR_ENTS = {"GPE", "ORG", "NORP", "PERSON"}


def is_negated(token: Token) -> bool:
    """'did not attack', 'would offer no resistance', 'never signed', 'refused to sign'."""
    for node in (token, *(c for c in token.children if c.dep_ in ("aux", "auxpass"))):
        if any(c.dep_ == "neg" for c in node.children):
            return True
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and any(
            g.lower_ in ("no", "none") and g.dep_ == "det" for g in child.children
        ):
            return True
    if token.dep_ == "xcomp" and token.head.lemma_ in ("refuse", "fail", "decline"):
        return True
    # "were not authorized to speak": a negated governing verb negates its complement.
    return token.dep_ in ("xcomp", "ccomp") and token.head.i != token.i and any(
        c.dep_ == "neg" for c in token.head.children
    )


def wanted_by(token: Token) -> Token | None:
    """The non-factive verb or noun whose complement this act is ('urged Russia to
    *withdraw*', 'accused X of *shelling*', 'any effort to *seize*'), else None."""
    node = token
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in ("xcomp", "ccomp", "acl") and head.lemma_.lower() in NON_FACTIVE:
            return head
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in NON_FACTIVE:
            return head.head
        if node.dep_ == "conj":
            node = head
            continue
        return None
    return None


def clause_modality(token: Token) -> str:
    if token.sent[-1].text == "?" or (len(token.sent) > 1 and token.sent[-2].text == "?"):
        return "hypothetical"  # "Will Russia attack?" asks, it does not report
    if wanted_by(token) is not None:
        return "hypothetical"
    auxes = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return "future"
    if auxes & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                       for c in token.children):
        return "hypothetical"
    head = token.head
    if token.dep_ in ("xcomp", "ccomp") and head.lemma_ in FUTURE_HEADS | WILLING:
        return "future"
    if token.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                              for c in token.children):
        # "any effort to seize power", "operations to prevent attacks", "moved in to
        # seize the town": an aim, not an act done — unless announced with its clause
        # ("will send troops to attack": the attack is announced too).
        if token.dep_ == "advcl" and head.pos_ in ("VERB", "AUX") and head.i != token.i \
                and clause_modality(head) == "future":
            return "future"
        return "hypothetical"
    if token.lemma_ in FUTURE_HEADS and token.tag_ == "VBN" and any(
        c.dep_ == "auxpass" for c in token.children
    ):
        return "future"
    # "would meet to discuss", "will meet and sign": a purpose or coordinated clause
    # shares the future (or the hypothesis) of the clause it hangs on.
    if token.dep_ in ("advcl", "xcomp", "conj") and head.i != token.i and head.pos_ in (
        "VERB", "AUX"
    ) and not any(c.dep_ == "mark" for c in token.children):
        return clause_modality(head)
    return "asserted"


def is_dateline(token: Token) -> bool:
    """'LILONGWE, Malawi — Malawi summoned ...': the parser makes the dateline city a subject."""
    return token.idx < 40 and token.is_upper and len(token) > 2 and token.pos_ == "PROPN"


def past_dateline(token: Token | None) -> Token | None:
    """The real subject behind a dateline the parser took for one: 'NIAMEY, Niger —
    Soldiers ... detained' hangs 'Soldiers' on NIAMEY as an apposition."""
    if token is None or not is_dateline(token):
        return token
    return next((c for c in token.children if c.dep_ == "appos"), None)


def clause_subject(verb: Token) -> tuple[Token | None, Token | None]:
    """(source head, target head) from a verb's own dependents, inheriting a missing subject."""
    source = target = None
    for child in verb.children:
        if is_dateline(child):
            child = past_dateline(child)
            if child is None:
                continue
        if child.dep_ in ("nsubj", "csubj", "appos") and child.lower_ not in RELATIVES:
            source = child
        elif child.dep_ in ("nsubj",):
            source = verb.head if verb.dep_ == "relcl" else None
        elif child.dep_ == "nsubjpass":
            # "drivers who have been held": the relative pronoun stands for its noun.
            relative = child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl"
            target = verb.head if relative else child
        elif child.dep_ == "agent":
            source = next((g for g in child.children if g.dep_ == "pobj"), source)
    node = verb
    while source is None and node.dep_ in ("conj", "xcomp", "advcl", "ccomp", "relcl", "acl"):
        if node.dep_ == "relcl":
            source = node.head
            break
        if node.dep_ == "xcomp" and node.head.lemma_.lower() in OBJECT_CONTROL:
            # "urged Russia to withdraw": the object does the complement, not the urger.
            source = next((c for c in node.head.children if c.dep_ in ("dobj", "dative")), None)
            break
        if node.dep_ == "ccomp" and target is None:
            break  # an active reported clause has its own subject; don't borrow the speaker's
        node = node.head
        source = next((past_dateline(c) for c in node.children if c.dep_ in ("nsubj", "csubj")
                       and past_dateline(c) is not None), None)
        if source is not None and source.lower_ in ("who", "that", "which"):
            source = node.head if node.dep_ == "relcl" else None
    return source, target


def clause_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and child.ent_type_ not in TEMPORAL_ENTS:
            return child
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in EVENT_TARGET_PREPS | {"for"}:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and pobj.ent_type_ not in TEMPORAL_ENTS:
                return pobj
    return None


def actor_like(token: Token) -> bool:
    """Could this head noun be an actor (a recipient of the act) rather than a thing?"""
    return (token.ent_type_ in ACTOR_ENTS or token.pos_ == "PROPN"
            or token.lemma_.lower() in EVENT_ACTOR_NOUNS)


def recipient(verb: Token, obj: Token | None) -> Token | None:
    """PLOVER's target is who the act is done to: 'offered troops to Lebanon' → Lebanon,
    'lift the ban on the FIS' → FIS, 'demanded that the US cancel' → US."""
    if obj is not None and obj.dep_ in ("dobj", "dative") and actor_like(obj):
        return obj
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREPS:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and actor_like(pobj) and pobj.ent_type_ not in TEMPORAL_ENTS:
                return pobj
        if child.dep_ == "dative" and actor_like(child):
            return child
    if obj is not None:
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ in ("on", "against", "to", "by", "from", "of",
                                                         "with", "into"):
                pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if pobj is not None and actor_like(pobj):
                    return pobj
    for child in verb.children:
        if child.dep_ == "ccomp":
            subject = next((g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and actor_like(subject):
                return subject
    return None


def released_person(obj: Token | None) -> Token | None:
    """'the immediate release of Bazoum' → Bazoum (the person a REQUEST wants freed)."""
    if obj is None or obj.lemma_.lower() not in RELEASE_NOUNS:
        return None
    person = next((g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)
    return person or next((c for c in obj.children if c.dep_ == "poss"), None)


def light_object(verb: Token, obj: Token) -> Token | None:
    """'put an end to the regime' → regime; 'a show of support for the coup leaders' → leaders."""
    if obj.lemma_.lower() not in LIGHT_OBJECTS:
        return obj
    preps = [c for c in verb.subtree if c.dep_ == "prep" and c.lower_ in ("to", "for", "against")
             and nearest_verb(c).i == verb.i]
    pobjs = sorted((g for c in preps for g in c.children if g.dep_ == "pobj"
                    and g.lemma_.lower() not in LIGHT_OBJECTS | {"support"}), key=lambda t: t.i)
    return pobjs[0] if pobjs else None


def nearest_verb(token: Token) -> Token:
    """The clause head above a token; participles used as adjectives ('overthrown President')
    are not clauses."""
    node = token.head
    while (node.pos_ not in ("VERB", "AUX") or node.dep_ in ("amod", "compound")) and (
        node.head.i != node.i
    ):
        node = node.head
    return node


def clause_arguments(verb: Token, trigger: Trigger) -> tuple[Token | None, Token | None, bool]:
    """(source head, target head, target is a person to be released) of a trigger verb."""
    source_tok, target_tok = clause_subject(verb)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        source_tok = None  # a passive names its doer only in a by-phrase
    # "the borders closed", "a curfew imposed": an elided passive whose subject is the object.
    if source_tok is not None and source_tok.lemma_.lower() in object_keys(verb, trigger):
        source_tok, target_tok = None, source_tok
    if target_tok is None and verb.dep_ == "acl" and verb.tag_ == "VBN":
        target_tok = verb.head  # "drivers held by Zambian police": the participle's noun
    obj = clause_object(verb)
    released = released_person(obj)
    if target_tok is None and released is not None:
        target_tok = released
    elif target_tok is None and obj is not None and obj.lemma_.lower() in LIGHT_OBJECTS:
        target_tok = light_object(verb, obj)
    elif target_tok is None and trigger.type == "ASSAULT" and aimed_at(verb) is not None:
        target_tok = aimed_at(verb)  # "fired tear gas at striking dockworkers"
    elif target_tok is None:
        target_tok = recipient(verb, obj) or obj
    return source_tok, target_tok, released is not None


def aimed_at(verb: Token) -> Token | None:
    """Whom a shot or a blow is aimed at: 'at' + a noun that is no place or time."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "at":
            pobj = next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
            if pobj is not None and pobj.dep_ == "pcomp":  # "at striking dockworkers"
                pobj = next((g for g in pobj.children if g.dep_ == "dobj"), None)
            if pobj is not None and pobj.ent_type_ not in PLACE_OR_TIME_ENTS:
                return pobj
    return None


def object_keys(verb: Token, trigger: Trigger) -> set[str]:
    return {obj for (lemma, obj), found in VERB_OBJECT.items()
            if lemma == verb.lemma_.lower() and found == trigger}


def own_subject(verb: Token) -> Token | None:
    """A verb's subject, through coordination ('detained him and declared') and relative
    clauses ('members ..., who announced')."""
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            if subject.lower_ in ("who", "that", "which") and node.dep_ == "relcl":
                return node.head
            return subject
        if node.dep_ != "conj":
            return None
        node = node.head
    return None


def clause_speaker(verb: Token, sent: Span) -> Token | None:
    """Who speaks a clause: the subject of the reporting verb above it, or of the
    sentence's nearest reporting/naming clause before it (for parses that lose the link)."""
    node = verb
    while node.head.i != node.i:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            break  # "after troops detained him": the main clause's speaker is not theirs
        node = node.head
        if node.lemma_ in REPORTING_VERBS:
            subject = own_subject(node)
            if subject is not None:
                return subject
    before = [t for t in sent if t.i < verb.i and t.dep_ == "nsubj" and t.pos_ != "PRON"
              and (t.head.lemma_ in REPORTING_VERBS or t.head.lemma_ in NAMING_VERBS)]
    return before[-1] if before else None
