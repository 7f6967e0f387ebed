"""PLOVER events from the dependency parse: one per trigger verb, with who did what to whom.

Verb-centred: every verb the lexicon knows (given its object: "impose a curfew",
"close the borders") is an event; its subject is the source, its object the
target, a passive's agent the source. Several triggers in one sentence give several
events. A statement *about* an act is kept apart from the act: "Blinken called for
the release" is a REQUEST by Blinken whose target is whoever the article says holds
the prisoner; the detention itself is its own COERCE event with its own date.
Negated triggers ("would offer no resistance") give no event; "will"/"would" mark
future ("announced" when the source declares it: its promise or threat), "may"/"must"
hypothetical; acts reported inside quotes carry ``in_quote``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from dossier.config import Settings
from dossier.extract.event_actors import ActorResolver, quoted_spans
from dossier.extract.event_clauses import (
    OBJECT_DEPS,
    clause_arguments,
    clause_modality,
    clause_speaker,
    clause_subject,
    is_negated,
    nearest_verb,
    wanted_by,
)
from dossier.extract.event_confidence import probability
from dossier.extract.parsed import ents_within
from dossier.lexicon.actors import MILITARY_WORDS, PLACE_WORDS, is_agent_noun
from dossier.lexicon.genre import OFFTOPIC_NOUNS, POLITICAL_NOUNS
from dossier.lexicon.grammar import (
    EVENT_OBJECT_PRONOUNS,
    LOCATIVE,
    MEANS_PREPS,
    NOT_INHERITED,
    SPEAKER_PRONOUNS,
)
from dossier.lexicon.plover import (
    ACCEPTING,
    ACCIDENT_NOUNS,
    ARMED_MODIFIERS,
    CONSEQUENCE_WORDS,
    EVENT_FRAMES,
    HEDGE_VERBS,
    HELD_PEOPLE,
    HOSTILE,
    LIGHT_VERBS,
    NAMING_VERBS,
    NOUN_CLASSES,
    NOUNS,
    QUESTION_WORDS,
    SENSES,
    SUBJECT_HOSTS,
    TOPIC_PREPS,
    VERBS,
    WARNING_VERBS,
    WEAPON_NOUNS,
    Trigger,
    future_type,
    trigger_for,
)
from dossier.lexicon.speech import REPORTING_VERBS
from dossier.registry import ArticleContext, Extractor, register_extractor

NOUN_HOSTS = LIGHT_VERBS | {"expect", "plan", "attend", "participate", "prepare", "schedule"}
# Acts that are put on a calendar rather than promised or threatened.
SCHEDULED_TYPES = {"CONSULT", "PROTEST"}


@dataclass
class Event:
    """One PLOVER event with its evidence (the sentence) and trigger inside it."""

    start: int
    end: int
    trigger_start: int
    trigger_end: int
    trigger: str
    type: str
    mode: str | None
    modality: str  # asserted | announced | future | hypothetical (lexicon.modality)
    in_quote: bool
    source_actor: str | None
    source_country: str | None
    target_actor: str | None
    target_country: str | None
    place: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    date_text: str | None = None
    confidence: float = 0.5
    method: str = "rules"
    depth: int = 0  # distance of the trigger from its sentence root: 0 = the main event
    # What the confidence was computed from (event_confidence.FEATURES); not stored.
    features: dict[str, float] = field(default_factory=dict, repr=False, compare=False)


# Heads whose must-clause is a demand by their subject: "said Sudan must return", "issued a
# reminder that Iraq must cooperate", "concluded that rich nations must allocate".
DEMANDING = REPORTING_VERBS | {"conclude", "remind", "stress", "reiterate", "argue", "maintain",
                               "insist", "urge", "reminder", "statement", "message", "warning",
                               "letter", "resolution", "communique", "declaration", "note",
                               "call", "demand", "view", "position"}


def _demanded(verb: Token) -> Token | None:
    """The clause that demands ``verb`` ("X must be released, the UN said"), else None."""
    if verb.dep_ in ("ccomp", "acl") and verb.head.lemma_.lower() in DEMANDING and any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children):
        return verb.head
    return None


def _must_clause(token: Token) -> tuple[Trigger, Token] | None:
    """'Sudan must return the helicopter, Russia said': any reported must-clause is a demand."""
    if token.pos_ == "VERB" and _demanded(token) is not None and not _hedge(token):
        return Trigger("REQUEST", "demand", 0.6), token
    return None


def _hedge(verb: Token) -> bool:
    """'I must say', 'I must admit', 'I have to tell you': a speaker's turn of phrase,
    no demand on anyone."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() in REPORTING_VERBS | HEDGE_VERBS or (
        subject is not None and subject.lower_ == "i")


def _lemmas(token: Token) -> tuple[str, ...]:
    found = []
    for child in token.children:
        if child.dep_ in OBJECT_DEPS or child.dep_ == "prep":
            found.append(child.lemma_.lower())
            if child.dep_ == "prep":
                found.extend(g.lemma_.lower() for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "dobj":
            found.extend(g.lemma_.lower() for g in child.children if g.dep_ == "compound")
            # "released 500 million shillings in emergency aid": the object's own phrase.
            found.extend(p.lemma_.lower() for g in child.children if g.dep_ == "prep"
                         for p in g.children if p.dep_ == "pobj")
    return tuple(found)


def _trigger(token: Token) -> tuple[Trigger, Token] | None:
    """(trigger, the token that carries it) for a verb or a hosted noun, else None."""
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        if token.lemma_.lower() in REPORTING_VERBS or token.dep_ in ("amod", "compound"):
            return None
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_ in NAMING_VERBS:
            return None  # "a group called the National Council for ..." names, it does not call
        lemma = token.lemma_.lower()
        found = trigger_for(lemma, _lemmas(token))
        if found is not None and found is VERBS.get(lemma) and lemma in SENSES:
            found = sense_fits(token, found)
        if found is None and _held_person(token):
            found = Trigger("COERCE", "detain", 0.6)
        if found is not None and lemma in WARNING_VERBS and not _consequence_stated(token):
            return None
        if found:
            if token.lemma_ == "back" and not any(c.dep_ == "dobj" for c in token.children):
                return None
            return found, token
        return None
    if token.pos_ == "NOUN" and token.lemma_.lower() in NOUNS and (
            token.dep_ != "compound" or token.head.lemma_.lower() in EVENT_FRAMES):
        # A compound names another thing ("war games" are no war) unless that thing is
        # the act's own frame ("mediation efforts", "protest campaign").
        head = token.head
        if token.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in SUBJECT_HOSTS \
                and _trigger(head) is None:
            return NOUNS[token.lemma_.lower()], head
        host = token
        while host.dep_ in ("pobj", "prep", "compound", "dobj") and host.head.i != host.i:
            host = host.head
            if host.pos_ == "VERB":
                break
        if host.pos_ == "VERB" and _base_forms(host) & NOUN_HOSTS and _trigger(host) is None \
                and not _judged(host):
            return _noun_sense(token, host), host
    return None


def _noun_sense(noun: Token, host: Token) -> Trigger:
    """The event noun's trigger, read in its frame: a strike by aircraft or troops, or an
    "air"/"drone" strike, is an attack; a strike by workers a walkout."""
    found = NOUNS[noun.lemma_.lower()]
    if (found.type, found.mode) != ("PROTEST", "strike"):
        return found
    modifiers = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
    subject = next((c for c in host.children if c.dep_ in ("nsubj", "agent")), None)
    if subject is not None and subject.dep_ == "agent":
        subject = next((g for g in subject.children if g.dep_ == "pobj"), None)
    armed = subject is not None and (subject.lemma_.lower() in WEAPON_NOUNS
                                     or subject.lower_ in MILITARY_WORDS)
    if modifiers & ARMED_MODIFIERS or armed:
        return Trigger("ASSAULT", "aerial", found.weight)
    return found


def _consequence_stated(verb: Token) -> bool:
    """Does a warning threaten? 'warned that it would retaliate', 'warned Iran not to',
    'warned there will be no solution until ...' do; 'warned of an upcoming attack' and
    'analysts warn that Beijing is unlikely to push' warn of a danger, threatening nothing."""
    if any(c.dep_ == "xcomp" for c in verb.children):
        return True  # "warned Iran not to cross the line"
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return not any(c.dep_ == "prep" and c.lower_ in ("of", "about")
                       for c in verb.children)
    return any(t.lower_ in CONSEQUENCE_WORDS for c in clauses for t in c.subtree)


def _judged(verb: Token) -> bool:
    """'called the investigation "hardly convincing"', 'made the talks possible': the verb
    names or judges its object (a predicate complement follows), it does not hold it."""
    return any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") for c in verb.children)


def _base_forms(verb: Token) -> set[str]:
    """The lemma and the base forms its spelling allows: the small model lemmatizes
    "staged" as "stag" and "mounted" as "mount" alike, so a light verb is also looked for
    under the surface form less its "-d", "-ed", "-s" or "-ing"."""
    low = verb.lower_
    forms = {verb.lemma_.lower()}
    for ending, base in (("ed", ""), ("d", ""), ("s", ""), ("ing", ""), ("ing", "e")):
        if low.endswith(ending) and len(low) > len(ending) + 2:
            forms.add(low[:-len(ending)] + base)
    return forms


PERSON_ENTS = {"PERSON", "NORP", "ORG", "GPE"}
PLACE_ENTS = {"GPE", "LOC", "FAC"}
# Subjects that address the reader ("Sign up. You agree to receive updates"): no news act.
READER_SUBJECTS = {"you", "your"}


def sense_fits(verb: Token, trigger: Trigger) -> Trigger | None:
    """The trigger if ``verb``'s frame means the act (plover.SENSES), the act it is instead
    (a spoken protest), or None: 'recalled how', 'released a statement', 'captured on
    video', 'sign up'. A refused acceptance ('will not allow') is left to the caller."""
    sense = SENSES[verb.lemma_.lower()]
    if verb.lemma_.lower() in ACCEPTING and is_negated(verb):
        return trigger
    children = list(verb.children)
    if any(c.dep_ == "prt" and c.lower_ in sense.not_particles for c in children):
        return None
    if sense.not_means and any(
        c.dep_ == "prep" and c.lower_ in MEANS_PREPS and g.dep_ == "pobj"
        and _of_class(g, sense.not_means) for c in children for g in c.children
    ):
        return None
    # "declined to comment", and the parser's purpose reading of "fought to gain access".
    to_do = [c for c in children if c.dep_ == "xcomp" or (
        c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))]
    if sense.not_xcomp and to_do and ("*" in sense.not_xcomp or any(
            _of_class(c, sense.not_xcomp) for c in to_do)):
        done_to = [o for c in to_do for o in _sense_objects(c)]
        return trigger if any(_of_class(o, sense.xcomp_needs) for o in done_to) else None
    if to_do:
        return trigger  # "declined to attend", "agreed to withdraw": the act is the refusal
    if sense.not_question and _asks_a_question(verb):
        return None
    clause = any(c.dep_ == "ccomp" for c in children) or any(
        c.dep_ == "advcl" and any(g.lower_ in ("how", "that") for g in c.children)
        for c in children)
    if sense.not_clause and clause:
        return sense.spoken
    objects = _sense_objects(verb)
    if sense.not_objects and any(_of_class(o, sense.not_objects) for o in objects):
        return None
    if not objects:
        return trigger if sense.bare_ok else None
    if not sense.needs:
        return trigger
    return trigger if any(_of_class(o, sense.needs) for o in objects) else None


def _asks_a_question(verb: Token) -> bool:
    """'asked whether China would act', 'Asked how she felt, she said', 'asked about the
    talks': a question put, not someone asked to do something."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "advcl", "xcomp") and any(
                t.lower_ in QUESTION_WORDS and t.i < child.i for t in child.subtree):
            return True
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPS and not any(
                c.dep_ in ("dobj", "dative") for c in verb.children):
            return True
    return False


def _sense_objects(verb: Token) -> list[Token]:
    """What the act is done to, as the parse gives it: the object, a passive's subject, a
    participle's noun ('the town captured by rebels'), through partitives ('part of')."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "dative")]
    found += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "against")
              for g in c.children if g.dep_ == "pobj"]
    if verb.dep_ in ("acl", "relcl") and (verb.tag_ == "VBN" or any(
            c.dep_ == "nsubjpass" and c.lower_ in ("who", "that", "which") for c in found)):
        found = [verb.head, *(c for c in found if c.lower_ not in ("who", "that", "which"))]
    out = []
    for token in found:
        out.append(token)
        for _ in range(3):  # "part of the stronghold", "the return of U.N. inspectors"
            pobj = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), None)
            if pobj is None:
                break
            token = pobj
            out.append(token)
    return out


def _of_class(token: Token, classes: frozenset[str]) -> bool:
    lemma = token.lemma_.lower()
    if any(lemma in NOUN_CLASSES.get(c, ()) or token.lower_ in NOUN_CLASSES.get(c, ())
           for c in classes):
        return True
    if "person" in classes and (
        token.ent_type_ in PERSON_ENTS or token.lower_ in EVENT_OBJECT_PRONOUNS
        or is_agent_noun(lemma) or is_agent_noun(token.text) or lemma in HELD_PEOPLE
        or (token.pos_ == "PROPN" and lemma not in PLACE_WORDS and not token.ent_type_)
    ):
        return True
    return "place" in classes and (token.ent_type_ in PLACE_ENTS or lemma in PLACE_WORDS)


def _held_person(verb: Token) -> bool:
    """'drivers held by police', 'the journalist is being held': a person held is detained."""
    if verb.lemma_ != "hold" or verb.tag_ != "VBN":
        return False
    if verb.dep_ == "acl":
        held = verb.head
    else:
        held = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if held is not None and held.lower_ in ("who", "that") and verb.dep_ == "relcl":
            held = verb.head
    return held is not None and (held.ent_type_ in ("PERSON", "NORP")
                                 or held.lemma_.lower() in HELD_PEOPLE)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _climb(trigger: Token, host: Token) -> int | None:
    """How many clauses up from ``trigger`` its date may come from ``host`` (an ancestor),
    or None when a clause boundary in between stops the date ('after ...', a relative clause)."""
    node, steps = trigger, 0
    while node.i != host.i and node.head.i != node.i:
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in NOT_INHERITED
                                        for c in node.children):
            return None
        if node.dep_ == "relcl":
            return None
        node, steps = node.head, steps + 1
    return steps if node.i == host.i else None


def _date_for(trigger: Token, sent: Span, timexes: list[Any],
              modality: str) -> tuple[str | None, str | None]:
    """The day the trigger's own clause gives, else the nearest enclosing clause's.

    "said on Tuesday that they will meet on Wednesday": the meeting is Wednesday (its
    own date wins over the reporting verb's). A future act never borrows the date of
    the statement announcing it: "said on Friday it would deploy" is not a Friday act.
    """
    doc = sent.doc
    best: tuple[int, Any] | None = None
    statement_dates: set[int] = set()
    for timex in timexes:
        if not (sent.start_char <= timex.start < sent.end_char) or not timex.day:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None:
            continue
        host = span.root
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        if host.dep_ == "aux":
            host = host.head
        steps = _climb(trigger, host)
        if steps and modality == "future" and host.lemma_.lower() in REPORTING_VERBS:
            statement_dates.add(timex.start)
            continue
        if steps is None:
            continue
        if best is None or steps < best[0]:
            best = (steps, timex)
    if best is not None:
        return best[1].day, best[1].text
    # The small parser often hangs a date on the wrong clause ("Hours later, ... closed"):
    # one date in the sentence and no "after ..." between it and the trigger → that date.
    days = [t for t in timexes if sent.start_char <= t.start < sent.end_char and t.day]
    if len(days) == 1 and _climb(trigger, sent.root) is not None \
            and days[0].start not in statement_dates:
        return days[0].day, days[0].text
    return None, None


def _place_for(trigger: Token, sent: Span, places: list[Any], triggers: set[int]) -> Any | None:
    """A toponym the text places the act at: 'in Niamey' in the trigger's own clause, or in
    an enclosing clause that is no event of its own (the parser often hangs 'in X' high)."""
    doc = sent.doc
    fallback = None
    for place in places:
        if not sent.start_char <= place.start < sent.end_char:
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        while root.dep_ in ("compound", "amod", "poss", "appos", "pobj") and root.head.i != root.i:
            if root.dep_ == "pobj" and root.head.lower_ in LOCATIVE:
                break
            root = root.head
        if not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE):
            continue
        clause = nearest_verb(root.head)
        if clause.i == trigger.i:
            return place
        if fallback is None and clause.i not in triggers and clause.is_ancestor(trigger):
            fallback = place
    return fallback


def extract_events(doc: Doc, results: dict[str, list[Any]],
                   settings: Settings) -> list[Event]:
    """Every PLOVER event in a parsed article, in text order, with arguments resolved,
    each with its calibrated confidence (``Settings.event_calibration``)."""
    weights = settings.event_calibration
    sents = list(doc.sents)
    # How much the article is about states and peoples at all: a film review's "fought"
    # and a wire story's are not equally likely to be PLOVER acts.
    political_share = sum(any(e.label_ in ("GPE", "NORP") for e in ents_within(s))
                          for s in sents) / max(len(sents), 1)
    offtopic = offtopic_share(doc)
    resolver = ActorResolver(doc, results)
    quotes = quoted_spans(doc, results)
    timexes = results.get("timex") or []
    places = results.get("places") or []
    events: list[Event] = []
    for sent in sents:
        found: dict[int, tuple[Token, Trigger]] = {}
        for token in sent:
            hit = _trigger(token) or _must_clause(token)
            if hit is None or hit[1].i in found:
                continue
            if is_negated(hit[1]):
                if hit[1].lemma_.lower() not in ACCEPTING:
                    continue
                hit = (Trigger("REJECT", None, hit[0].weight), hit[1])  # "will not accept"
            found[hit[1].i] = (token, hit[0])
        for verb_i, (token, trigger) in found.items():
            if _addresses_reader(doc[verb_i]):
                continue
            if trigger.type == "ASSAULT" and not _has_agent(doc[verb_i], resolver):
                continue  # "the dam wall gave way, killing seven": a disaster, not an attack
            event = _build(token, doc[verb_i], trigger, sent, resolver, quotes, timexes,
                           places, set(found))
            event.features["article_political"] = round(political_share, 3)
            event.features["article_offtopic"] = offtopic
            event.confidence = round(probability(event.features, weights), 3)
            events.append(event)
    _resolve_requests(events, doc)
    return events


def offtopic_share(doc: Doc) -> float:
    """Of the article's nouns that tell its beat (lexicon.genre), the share that is not
    statecraft or conflict: near 1 for a film review or a match report, 0 for a wire
    story on a coup. A sentence alone (the PLOVER records) usually scores 0."""
    political = offtopic = 0
    for token in doc:
        if token.pos_ in ("NOUN", "PROPN"):
            lemma = token.lemma_.lower()
            political += lemma in POLITICAL_NOUNS
            offtopic += lemma in OFFTOPIC_NOUNS
    return round(offtopic / (offtopic + political + 1), 3)


def _has_agent(verb: Token, resolver: ActorResolver) -> bool:
    """Could someone have done this violence? Not when its subject, or the cause a
    passive gives ("were killed when the dam collapsed"), is a thing that is neither an
    actor nor a weapon: a dam wall or a flood kills, but PLOVER codes attacks. A weapon
    ("a car bomb killed") implies an attacker the text does not name."""
    subject, _ = clause_subject(verb)
    relative = next((c for c in verb.children
                     if c.dep_ == "nsubj" and c.lower_ in ("which", "that")), None)
    if subject is None and relative is not None:
        # "the dam, which officials say killed 14": the relative stands for its noun.
        clause = next((a for a in (verb, *verb.ancestors) if a.dep_ == "relcl"), None)
        subject = clause.head if clause is not None else None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive and not any(c.dep_ == "agent" for c in verb.children):
        subject = None  # climbing to "..., the office said" finds the teller, not the hand
    # "were killed in a rail crash (, when a driver ...)": the crash is the cause, whatever
    # the when-clause's subject did.
    if passive and subject is None and any(
            c.dep_ == "prep" and c.lower_ in ("in", "by", "during", "after") and g.dep_ == "pobj"
            and g.lemma_.lower() in ACCIDENT_NOUNS for c in verb.children for g in c.children):
        return False
    if subject is None and passive:
        subject = next((g for c in verb.children if c.dep_ == "advcl"
                        for g in c.children if g.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON" or subject.lemma_.lower() in WEAPON_NOUNS:
        return True
    return resolver.can_act(subject)


def _addresses_reader(verb: Token) -> bool:
    """'You agree to receive updates', 'you can re-subscribe', 'Subscribe to our
    newsletter', 'Sign up and help us': page furniture, not news."""
    node = verb
    while True:
        infinitive = node.dep_ in ("relcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
        subject = None if infinitive else clause_subject(node)[0]
        if subject is not None or node.head.i == node.i or not (
                infinitive or node.dep_ in ("xcomp", "advcl", "conj", "acl")):
            break
        # "You must select a newsletter to subscribe to": the clause it hangs on, through
        # the noun it qualifies, is the reader's.
        node = node.head
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
    return (subject is not None and subject.lower_ in READER_SUBJECTS) or _imperative(verb)


def _imperative(verb: Token) -> bool:
    """A sentence that opens on a bare verb with no subject ('Subscribe ...', 'Click ...',
    and its 'and'-joined verbs) tells the reader what to do; an imperative someone says
    is a quote's clause under its 'said', never a sentence root. A clause with no subject
    of its own ('... by donating') is the root's."""
    while verb.head.i != verb.i and not any(c.dep_ in ("nsubj", "nsubjpass", "expl")
                                            for c in verb.children):
        verb = verb.head
    if verb.dep_ != "ROOT" or verb.tag_ != "VB" or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in verb.children):
        return False
    return all(t.is_punct or t.pos_ == "INTJ" or t.lower_ == "please"
               for t in verb.sent[:verb.i - verb.sent.start])


def _declared(verb: Token) -> bool:
    """A future act its own source announces ('X will support', 'X said it would meet'),
    not one others expect ('Talon was expected ...'). A purpose or coordinated clause is
    announced with the clause it hangs on: 'is willing to send material to help defend'."""
    if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "wo", "would")
           for c in verb.children) or verb.head.lemma_ in ("willing", "prepared", "ready"):
        return True
    return verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i != verb.i \
        and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "mark" for c in verb.children) \
        and _declared(verb.head)


def _build(token: Token, verb: Token, trigger: Trigger, sent: Span, resolver: ActorResolver,
           quotes: list[tuple[int, int]], timexes: list[Any], places: list[Any],
           triggers: set[int]) -> Event:
    source_tok, target_tok, releasing = clause_arguments(verb, trigger)
    if token.i != verb.i:
        # A noun event carried by its host ("Talon was expected ... for mediation"): whoever
        # the host is about, active or passive, is the one doing it.
        source_tok = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                           and c.i != token.i), None)
        target_tok, releasing = None, False
    if trigger.type != "ASSAULT" and wanted_by(verb) is None and (
            source_tok is None or source_tok.lower_ in SPEAKER_PRONOUNS):
        # Acts announced without an agent ("institutions were suspended") and "they"
        # in reported speech belong to whoever announces them — but an act condemned or
        # urged ("I condemn any effort to seize power, Guterres said") is not the speaker's.
        source_tok = clause_speaker(verb, sent) or source_tok
    modality = clause_modality(verb)
    type_, mode = trigger.type, trigger.mode
    # "Bazoum must be released, the UN said": a demand by the speaker, not a release.
    demanding = _demanded(verb)
    if demanding is not None:
        while demanding.pos_ == "NOUN" and demanding.head.i != demanding.i:
            demanding = demanding.head  # "issued a reminder that ...": the issuer demands
        speaker = next((c for c in demanding.children if c.dep_ == "nsubj"), None)
        if speaker is None and demanding.dep_ in ("advcl", "conj"):
            # "staged rallies ..., saying he must resign": who says it is the clause's subject.
            speaker, _ = clause_subject(demanding)
        if speaker is not None:
            type_, mode, modality = "REQUEST", "demand", "asserted"
            releasing = releasing or trigger.mode == "release"
            source_tok = speaker
    source = resolver.resolve(source_tok) if source_tok is not None else None
    target = resolver.resolve(target_tok, agent_only=False) if target_tok is not None else None
    date, date_text = _date_for(verb, sent, timexes, modality)
    # A declared future act is PLOVER's promise or threat of it ("X will send troops" →
    # THREATEN) — except a dated meeting or strike: "will meet on Monday" is a scheduled
    # CONSULT (modality future), which an analyst counts with the meetings.
    scheduled = date is not None and type_ in SCHEDULED_TYPES
    if modality == "future" and token.i == verb.i and _declared(verb) and not scheduled:
        mode = mode or type_.lower()
        type_ = future_type(type_)
        modality = "announced"  # the promise or threat is made: a stated act
    place = _place_for(verb, sent, places, triggers)
    in_quote = any(s <= token.idx < e for s, e in quotes)
    if in_quote and source_tok is not None and source_tok.lower_ in ("i", "we"):
        source = resolver.quote_speaker(token.idx) or source
    features = {
        "prior": trigger.weight,
        "framed": float(trigger is not VERBS.get(verb.lemma_.lower())
                        or verb.lemma_.lower() in SENSES),
        "noun": float(token.i != verb.i), "source": float(source is not None),
        "named_source": float(source is not None and (
            source.country is not None or _named(source_tok))),
        "target": float(target is not None), "asserted": float(modality == "asserted"),
        "quoted": float(in_quote), "main": float(_depth(verb) == 0),
        "political": float(any(e.label_ in ("GPE", "NORP") for e in ents_within(sent))
                           or bool(source and source.country) or bool(target and target.country)),
        "hostile": float(type_ in HOSTILE),
        "political_source": float(source is not None and (source.political
                                                          or source.country is not None)),
        "political_target": float(target is not None and (target.political
                                                          or target.country is not None)),
    }
    target_name = target.name if target else None
    if target_name and releasing:
        target_name = f"release:{target_name}"  # _resolve_requests swaps in the holder
    return Event(
        start=sent.start_char, end=sent.end_char, trigger_start=token.idx,
        trigger_end=token.idx + len(token), trigger=token.text, type=type_, mode=mode,
        modality=modality, in_quote=in_quote,
        source_actor=source.name if source else None,
        source_country=source.country if source else None,
        target_actor=target_name, target_country=target.country if target else None,
        place=place.name if place else None, country=place.country if place else None,
        lat=place.lat if place else None, lon=place.lon if place else None,
        date=date, date_text=date_text, depth=_depth(verb), features=features,
    )


def _named(token: Token | None) -> bool:
    """Is the argument a named person, body or country (not 'the driver', 'fans')?"""
    return token is not None and token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _resolve_requests(events: list[Event], doc: Doc) -> None:
    """A call to free someone is addressed to whoever holds them, when the article says who."""
    holders = [e for e in events if e.type == "COERCE" and e.mode in ("detain", "arrest")
               and e.source_actor and e.target_actor]
    for i, event in enumerate(events):
        if not (event.target_actor or "").startswith("release:"):
            continue
        person = event.target_actor.split(":", 1)[1]
        holder = next((h for h in holders if _same_actor(h.target_actor, person)), None)
        if holder is not None:
            events[i] = replace(event, target_actor=holder.source_actor,
                                target_country=holder.source_country)
        else:
            events[i] = replace(event, target_actor=None, target_country=None)


def _same_actor(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    a_words, b_words = set(a.lower().split()), set(b.lower().split())
    return bool(a_words & b_words) and not {"the", "of"} >= (a_words & b_words)


def _run(ctx: ArticleContext) -> list[Event]:
    return extract_events(ctx.doc, ctx.results, ctx.settings)


register_extractor(Extractor(name="events", run=_run, assigns=(Event,),
                             requires=("timex", "places")))

__all__ = ["Event", "extract_events"]
