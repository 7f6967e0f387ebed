"""Group an article's actor mentions: names by surname, nominals by role/name, pronouns by salience.

Deliberately a few transparent rules rather than a coreference model (none ships on
PyPI without a download): "Bazoum" joins "Mohamed Bazoum"; "the military command"
joins "the Military Command of the Niger Armed Forces"; "Niger's leader" joins the
person the article titles President/leader of Niger; "he" and "the 63-year-old" go to
the most recent person who was a grammatical subject (the centre of attention), and
stay unresolved rather than guessed when there is none nearby.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from dossier.extract import countries
from dossier.extract.actor_names import name_words, same_person_name, surname_of
from dossier.extract.actor_records import (
    ActorKind,
    ActorMention,
    ActorRole,
    ArticleActor,
    MentionType,
)
from dossier.extract.parsed import text_of
from dossier.lexicon.actors import canonical_alias, normalize_name
from dossier.lexicon.grammar import POSSESSOR_PRONOUNS

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# The text naming a group after a description of it: "their leaders, calling themselves
# the Defence and Security Forces", "the rebels, known as M23".
SELF_NAMING = re.compile(
    r"(?:call(?:ing|s|ed)?\s+(?:themselves|itself)|(?:also\s+|better\s+|now\s+)?known\s+as"
    r"|dubbed|styling\s+(?:themselves|itself)|(?:who|which)\s+calls?\s+(?:themselves|itself))"
    r"\s*,?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
COLLECTIVE_KINDS = frozenset({"military", "armed group", "group", "government", "organisation"})


@dataclass
class Candidate:
    """A mention found by the collector, before grouping."""

    span: Span
    kind: ActorKind
    mention_type: MentionType
    roles: list[ActorRole] = field(default_factory=list)
    country: str | None = None
    acronym: str | None = None
    nominal_name: str | None = None
    key: str | None = None
    name: str | None = None  # a person's cleaned name ("Donald Trump" of "Donald] Trump")
    surname_only: bool = False  # written after an honorific ("Mr. Kim"): a family name


def person_name(cand: Candidate) -> str:
    """The match key of a person candidate's name ("donald trump" of "Mr. Donald J. Trump")."""
    return " ".join(name_words(cand.name or cand.span.text))


def _is_subject(span: Span) -> bool:
    root = span.root
    if root.dep_ in _SUBJECT_DEPS:
        return True
    return root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS


def _person_keys(cands: list[Candidate]) -> dict[str, list[str]]:
    """Person name key → candidate actor keys (the longest compatible full names).

    A lone word joins the full names whose surname it is ("Trump" → Donald Trump, never
    "Trump Tower"); failing that, the full names it begins: after an honorific or for a
    three-word name ("Mr. Kim" → Kim Jong Un: the family name is written first), or the
    one full name it begins ("Hillary" → Hillary Clinton).
    """
    person_names = [c for c in cands if c.kind == "person" and c.mention_type == "name"]
    names = sorted({person_name(c) for c in person_names} - {""},
                   key=lambda n: (-len(n.split()), n))
    after_honorific = {person_name(c) for c in person_names if c.surname_only}
    keys: dict[str, list[str]] = {}
    full: list[list[str]] = []
    for name in names:
        words = name.split()
        if len(words) == 1:
            starting = [f for f in full if f[0] == words[0]]
            matches = [f for f in full if surname_of(f) == words[0]] or [
                f for f in starting
                if name in after_honorific or len(f) >= 3 or len(starting) == 1
            ]
        else:
            matches = [f for f in full if same_person_name(words, f)
                       and (set(words) <= set(f) or len(words) == len(f))]
        if matches:
            keys[name] = list(dict.fromkeys(keys[" ".join(m)][0] for m in matches))
        else:
            keys[name] = [f"person:{name}"]
            full.append(words)
    return keys


class _Grouper:
    def __init__(self, doc: Doc, cands: list[Candidate], subject_window: int,
                 any_person_window: int) -> None:
        self.doc = doc
        # How far back (sentences) a pronoun looks for a subject, and for any person:
        # Settings.pronoun_subject_window and pronoun_any_person_window.
        self.subject_window = subject_window
        self.any_person_window = any_person_window
        self.cands = cands
        self.sent_starts = [s.start for s in doc.sents]
        self.person_keys = _person_keys(cands)
        self.history: list[tuple[Candidate, int]] = []  # (resolved candidate, sentence index)
        self.org_names: dict[str, tuple[set[str], str | None]] = {}
        self.acronyms: dict[str, str] = {}
        self.role_spans: list[tuple[int, int, str, ActorRole]] = []

    def sentence_of(self, span: Span) -> int:
        return bisect.bisect_right(self.sent_starts, span.start) - 1

    def prepare(self) -> None:
        """Keys for names first, so nominals and pronouns can point at them anywhere."""
        for cand in self.cands:
            if cand.mention_type != "name":
                continue
            if cand.kind == "person":
                continue  # resolved in order (an ambiguous surname takes the latest holder)
            if cand.kind == "country":
                cand.key = f"country:{cand.country}"
            elif cand.kind == "group":
                cand.key = f"group:{normalize_name(cand.span.text)}"
            else:
                name = normalize_name(canonical_alias(cand.span.text) or cand.span.text)
                cand.key = self.acronyms.get(name, f"org:{name}")
                self.org_names[cand.key] = (set(name.split()), cand.country)
                if cand.acronym:
                    self.acronyms[normalize_name(cand.acronym)] = cand.key
        for cand in self.cands:  # an acronym seen before its expansion
            if cand.key and cand.key.startswith("org:"):
                cand.key = self.acronyms.get(cand.key[4:], cand.key)

    def resolve(self) -> None:
        for cand in self.cands:
            if cand.key is None:
                cand.key = self._resolve_one(cand)
            if cand.kind == "person" and cand.mention_type == "name":
                for role in cand.roles:
                    self.role_spans.append((role.start, role.end, cand.key, role))
            if cand.key is not None:
                self.history.append((cand, self.sentence_of(cand.span)))

    def _resolve_one(self, cand: Candidate) -> str | None:
        if cand.mention_type == "name" and cand.kind == "person":
            options = self.person_keys.get(person_name(cand), [])
            if len(options) > 1:
                recent = [c.key for c, _ in reversed(self.history) if c.key in options]
                return recent[0] if recent else options[0]
            return options[0] if options else f"person:{person_name(cand)}"
        if cand.mention_type == "pronoun" or (cand.kind == "person" and cand.nominal_name is None):
            return self._salient(cand)
        if cand.mention_type == "role":
            return self._role_holder(cand)
        return self._nominal(cand)

    def link_collectives(self) -> None:
        """One group actor where the text says a description and a name are one group:
        "soldiers ..., calling themselves the CNSP", "the junta, the CNSP," (apposition)."""
        text = text_of(self.doc)
        remap: dict[str, str] = {}
        for cand in self.cands:
            if cand.mention_type != "name" or cand.kind not in COLLECTIVE_KINDS or not cand.key:
                continue
            sent_start = cand.span.sent.start_char
            described = None
            if SELF_NAMING.search(text[max(sent_start, cand.span.start_char - 80):
                                       cand.span.start_char]):
                described = next((c for c in reversed(self.cands)
                                  if sent_start <= c.span.start_char
                                  and c.span.end_char <= cand.span.start_char
                                  and c.kind in COLLECTIVE_KINDS and c.key
                                  and c.mention_type in {"nominal", "name"}), None)
            elif cand.span.root.dep_ == "appos":
                head = cand.span.root.head.i
                described = next((c for c in self.cands if c.span.root.i == head
                                  and c.kind in COLLECTIVE_KINDS and c.key), None)
            if described is not None and described.key != cand.key:
                remap[described.key] = cand.key
        for cand in self.cands:
            seen = set()
            while cand.key in remap and cand.key not in seen:
                seen.add(cand.key)
                cand.key = remap[cand.key]

    def _salient(self, cand: Candidate) -> str | None:
        here = self.sentence_of(cand.span)
        want_person = cand.kind == "person"
        # History is in text order (candidates are sorted by position), so walking it
        # backwards can stop at the farthest window: nothing before it is ever chosen.
        # Scanning all of it per pronoun made long articles quadratic.
        reach = max(self.any_person_window, self.subject_window)
        pool = []
        for c, s in reversed(self.history):
            if here - s > reach:
                break
            if ((c.kind == "person") == want_person and c.kind != "country"
                    and c.span.start < cand.span.start):
                pool.append((c, s))
        if cand.span.root.lower_ in POSSESSOR_PRONOUNS:
            # "release of Niger's leader Mohamed Bazoum and his family": an object or
            # possessive pronoun mostly points at the latest person, not the subject.
            for c, s in pool:
                if here - s <= self.any_person_window:
                    return c.key
            return None
        for c, s in pool:
            if here - s <= self.subject_window and _is_subject(c.span):
                return c.key
        for c, s in pool:
            if here - s <= self.any_person_window:
                return c.key
        return None

    def _role_holder(self, cand: Candidate) -> str | None:
        start, end = cand.span.start_char, cand.span.end_char
        for r_start, r_end, key, _ in self.role_spans:
            if r_start < end and start < r_end:
                return key
        head = cand.span.root.lower_
        holders = []
        for other in self.cands:
            if other.kind != "person" or other.mention_type != "name":
                continue
            for role in other.roles:
                # "the US leader" never joins a leader whose role names no country:
                # a nominal's country must be stated by the holder's role.
                if head in role.title.lower() and cand.country in (None, role.country):
                    holders.append(other)
        if not holders:
            suffix = f":{cand.country}" if cand.country else ""
            return f"person:role:{cand.nominal_name}{suffix}"
        before = [h for h in holders if h.span.start < cand.span.start]
        chosen = before[-1] if before else holders[0]
        return chosen.key or self._resolve_one(chosen)

    def _nominal(self, cand: Candidate) -> str:
        words = set((cand.nominal_name or "").split())
        for key, (org_words, org_country) in self.org_names.items():
            if words and words <= org_words and cand.country in (None, org_country):
                return key
        return f"{cand.kind}:{cand.nominal_name}:{cand.country or ''}"


def _display(cand: Candidate) -> str:
    return cand.name or cand.span.text


def _actor_name(cands: list[Candidate]) -> str:
    names = [c for c in cands if c.mention_type == "name"]
    if names:
        first = names[0]
        if first.kind == "country":
            return countries.country_name(first.country) or first.span.text
        alias = canonical_alias(first.span.text)
        if alias:
            return alias
        if first.kind == "person":
            # The full name the article writes most, the longer on a tie.
            counts: dict[str, int] = {}
            for c in names:
                counts[_display(c)] = counts.get(_display(c), 0) + 1
            return max(counts, key=lambda n: (len(n.split()) > 1, counts[n], len(n)))
        best = max(names, key=lambda c: len(c.span.text))
        return best.span.text.removeprefix("the ").removeprefix("The ")
    nominal = next((c for c in cands if c.nominal_name), cands[0])
    return nominal.nominal_name or nominal.span.text


def _kind(typed: list[Candidate]) -> ActorKind:
    """The kind most of an actor's names give it (a label seen once does not decide)."""
    names = [c.kind for c in typed if c.mention_type == "name"]
    if not names:
        return typed[0].kind
    return max(dict.fromkeys(names), key=names.count)


def group_mentions(
    doc: Doc, cands: list[Candidate], subject_window: int, any_person_window: int
) -> tuple[list[ActorMention], list[ArticleActor]]:
    """Resolve every candidate to an actor key; build the article's actors."""
    grouper = _Grouper(doc, cands, subject_window, any_person_window)
    grouper.prepare()
    grouper.resolve()
    grouper.link_collectives()
    by_key: dict[str, list[Candidate]] = {}
    for cand in cands:
        if cand.key:
            by_key.setdefault(cand.key, []).append(cand)
    actors: dict[str, ArticleActor] = {}
    for key, group in by_key.items():
        typed = [c for c in group if c.mention_type != "pronoun"] or group
        kind = _kind(typed)
        roles = list({(r.title, r.start): r for c in group for r in c.roles}.values())
        country = next((r.country for r in roles if r.country), None) or next(
            (c.country for c in typed if c.country), None
        )
        aliases = list(dict.fromkeys(
            _display(c) for c in group if c.mention_type == "name"
        )) + [c.acronym for c in group if c.acronym]
        first = group[0].span
        actors[key] = ArticleActor(
            key=key, name=_actor_name(typed), kind=kind, country=country, roles=roles,
            aliases=list(dict.fromkeys(aliases)), mentions=len(group),
            first_start=first.start_char, first_end=first.end_char,
        )
    mentions = []
    for cand in cands:
        actor = actors.get(cand.key) if cand.key else None
        mentions.append(ActorMention(
            start=cand.span.start_char, end=cand.span.end_char, text=cand.span.text,
            actor_key=cand.key, kind=actor.kind if actor else cand.kind,
            mention_type=cand.mention_type,
            country=actor.country if actor else cand.country,
            role=cand.roles[0].title if cand.roles else None,
            is_pronoun=cand.mention_type == "pronoun", head=cand.span.root.i,
        ))
    return mentions, list(actors.values())
