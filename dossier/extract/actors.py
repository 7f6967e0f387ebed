"""Actor extractor: named, nominal and pronoun mentions grouped into the article's actors.

Reads the one parsed Doc. Named mentions come from ``doc.ents`` corrected by a
gazetteer (the small model calls "Niger" a PERSON); nominal mentions ("the army",
"Niger's leader", "the 63-year-old") from noun chunks; "he"/"she" from pronouns.
:mod:`dossier.extract.coref` groups them. The corpus step that merges actors across
articles is in :mod:`dossier.stories.actor_merge`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from dossier.extract import countries
from dossier.extract.actor_names import NameContext, clean_person, name_words, surname_of
from dossier.extract.actor_records import ActorMention, ActorRole, ArticleActor
from dossier.extract.coref import Candidate, group_mentions
from dossier.extract.parsed import ents_of, ents_within, text_of
from dossier.extract.roles import appositive_roles, title_before
from dossier.lexicon.actors import (
    PLACE_WORDS,
    PLATFORMS,
    canonical_alias,
    is_known_organisation,
    is_title_word,
    nominal_kind,
    normalize_name,
    organisation_kind,
)
from dossier.registry import ArticleContext, Extractor, register_extractor

AGE_NOMINAL = re.compile(r"\b[Tt]he (?:\d{1,3})-year-old\b")
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)")
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
GROUP_PRONOUNS = frozenset({"they", "it"})
_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_COUNTRY_REACH = 9  # tokens after a nominal's head searched for its country


def _is_title(word: str) -> bool:
    """A title or rank, singular or plural ("Senators Rubio and Cruz", "First Lady")."""
    return is_title_word(word) or (word.endswith("s") and is_title_word(word[:-1])) or (
        word.lower() in {"first", "lady"})


def _person_span(doc: Doc, ent: Span) -> Span | None:
    """The name part of a PERSON entity: titles inside it dropped, missed first names added."""
    start, end = ent.start, ent.end
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    while start < end and (_is_title(doc[start].text) or doc[start].is_punct):
        start += 1
    # "General Abdou Sidikou Issa" tagged "Sidikou Issa": take capitalised name words
    # to the left that are no title and no other entity.
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and doc[start - 1].text[:1].isupper()
        and doc[start - 1].ent_iob_ == "O"
        and not _is_title(doc[start - 1].text)
        and not countries.place_country(doc[start - 1].text)
    ):
        start -= 1
    return doc[start:end] if end > start else None


def _country_in(span: Span) -> str | None:
    """First country named inside a span (by name, alias or demonym)."""
    for ent in ents_within(span):
        code = countries.country_code(ent.text) or countries.demonym_country(ent.text)
        if code:
            return code
    for tok in span:
        if tok.text[:1].isupper():
            code = countries.country_code(tok.text) or countries.demonym_country(tok.text)
            if code:
                return code
    return None


def _nominal_country(chunk: Span) -> tuple[str | None, set[int]]:
    """Country of "Niger's army", "Nigerien soldiers", "the army in ... Niger"; and its tokens."""
    tokens: set[int] = set()
    for tok in chunk:
        if tok.i == chunk.root.i or not tok.text[:1].isupper():
            continue
        code = countries.country_code(tok.text) or countries.demonym_country(tok.text)
        if code:
            tokens.add(tok.i)
            return code, tokens
    for child in chunk.root.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
            # Near the noun only: "the army in the west African nation of Niger".
            end = min(child.right_edge.i + 1, chunk.root.i + _COUNTRY_REACH)
            code = _country_in(chunk.doc[child.i : end])
            if code:
                return code, tokens
    return None, tokens


def _after_last_newline(span: Span) -> Span:
    """The part of a span after any line break: a mention never crosses paragraphs."""
    cut = span.start
    for tok in span[:-1]:
        if "\n" in tok.whitespace_ or tok.is_space:
            cut = tok.i + 1
    return span.doc[cut : span.end]


def _spaced_words(words: list) -> str:
    """Kept tokens joined as the text spaces them, with a space wherever dropped tokens
    stood: "the dockworkers' union" loses its "'" and must not become "dockworkersunion"."""
    parts: list[str] = []
    for n, tok in enumerate(words):
        prev = words[n - 1] if n else None
        if prev is not None and (tok.i != prev.i + 1 or prev.whitespace_):
            parts.append(" ")
        parts.append(tok.text)
    return "".join(parts)


class _Collector:
    """Gathers candidate mentions from one Doc in text order."""

    def __init__(self, doc: Doc, date: str | None) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.date = date
        self.candidates: list[Candidate] = []
        self.taken: set[int] = set()  # token indices already inside a mention or a title
        self.names = NameContext(doc)
        labels: dict[str, list[str]] = {}
        for ent in ents_of(doc):
            labels.setdefault(normalize_name(ent.text), []).append(ent.label_)
        # A surface form the model labels ORG/GPE/PRODUCT more often than PERSON in this
        # article is not a person here ("Equifax", "SpaceX", "Tesla").
        self.not_person = {
            text for text, seen in labels.items()
            if seen.count("PERSON") * 2 <= len(seen) and seen.count("PERSON") < len(seen)
        }

    def add(self, cand: Candidate) -> None:
        self.candidates.append(cand)
        self.taken.update(range(cand.span.start, cand.span.end))

    def persons(self) -> None:
        city_named: list[Candidate] = []
        for ent in ents_of(self.doc):
            if ent.label_ != "PERSON":
                continue
            span = _person_span(self.doc, ent)
            if span is None or not normalize_name(span.text):
                continue
            clean = clean_person(self.names, span, ent)
            if clean is None:  # a credit line or byline: no actor, and no organisation either
                self.taken.update(range(ent.start, ent.end))
                continue
            span = clean.span
            if self._not_an_actor(span, city=False) or is_known_organisation(ent.text):
                continue  # a known body mislabelled PERSON is taken by entities()
            if normalize_name(ent.text) in self.not_person:
                continue
            if span[-1].lower_ in PLACE_WORDS or (
                len(span) == 1 and span.root.dep_ == "pobj"
                and span.root.head.lower_ in {"in", "at", "near", "from", "to", "around"}
            ):
                continue  # "Kilindini Harbour", "in Garsen": a place the model took for a name
            if (countries.country_code(span.text) or countries.demonym_country(span.text)
                    or countries.is_region(span.text)):
                continue
            roles, title_start = title_before(self.doc, span.start, self.date)
            roles += appositive_roles(span, self.date)
            cand = Candidate(span, "person", "name", roles=roles, name=clean.name,
                             surname_only=clean.surname_only)
            if countries.city_country(span.text) and not (roles or clean.surname_only):
                city_named.append(cand)  # "Clinton", "Warren": a person only if named so
                continue
            self.taken.update(range(title_start, span.start))
            self.add(cand)
        surnames = {surname_of(w) for c in self.candidates
                    if len(w := name_words(c.name or c.span.text)) > 1}
        for cand in city_named:
            if normalize_name(cand.span.text) in surnames:
                self.add(cand)

    def entities(self, surnames: set[str]) -> None:
        for ent in ents_of(self.doc):
            if ent.label_ not in _ENT_LABELS or self.taken & set(range(ent.start, ent.end)):
                continue
            span = self._org_extent(_after_last_newline(ent), ent.label_)
            if span is None or not normalize_name(span.text):
                continue
            text = span.text
            if self._not_an_actor(span):
                continue
            code = countries.country_code(text)
            if normalize_name(text) in surnames and not code:
                self.add(Candidate(span, "person", "name"))
            elif code:
                self.add(Candidate(span, "country", "name", country=code))
            elif countries.demonym_country(text):
                # "Nigeriens" as a people; "Nigerien soldiers" is a nominal handled below.
                if span.root.pos_ in {"NOUN", "PROPN"} and span.root.tag_ in {"NNS", "NNPS"}:
                    self.add(Candidate(span, "group", "name",
                                       country=countries.demonym_country(text)))
            elif ent.label_ == "ORG" or is_known_organisation(text):
                self.add(Candidate(span, organisation_kind(text), "name",
                                   country=None if organisation_kind(text) == "international body"
                                   else countries.state_body_country(text) or _country_in(span),
                                   acronym=self._acronym_after(span)))

    def missed_surnames(self) -> None:
        """Surnames of people already named that NER missed later on ('..." Kasonde said.')."""
        surnames = set()
        for c in self.candidates:
            words = name_words(c.name or c.span.text)
            if c.kind == "person" and c.mention_type == "name" and len(words) > 1:
                surnames.add(surname_of(words))
        for tok in self.doc:
            if (
                tok.i not in self.taken and tok.pos_ == "PROPN" and tok.ent_iob_ == "O"
                and normalize_name(tok.text) in surnames
            ):
                self.add(Candidate(self.doc[tok.i : tok.i + 1], "person", "name"))

    def _org_extent(self, ent: Span, label: str) -> Span | None:
        """Trim "Facebook, the Military Command" and a trailing "'s"; join "... of <ORG>"."""
        doc = self.doc
        start, end = ent.start, ent.end
        commas = [t.i for t in ent if t.text == ","]
        if commas:
            start = commas[-1] + 1
            while start < end and doc[start].pos_ == "DET":
                start += 1
        while end > start and doc[end - 1].text in {"'s", "’s"}:
            end -= 1
        if end <= start:
            return None
        if label == "ORG" and end + 1 < len(doc) and doc[end].lower_ == "of":
            nxt = next((e for e in ents_of(doc) if e.start in (end + 1, end + 2)), None)
            if nxt is not None and nxt.label_ == "ORG":
                self.taken.update(range(nxt.start, nxt.end))
                end = nxt.end
        return doc[start:end]

    def _acronym_after(self, span: Span) -> str | None:
        match = ACRONYM_AFTER.match(self.text, span.end_char)
        return match.group(1) if match else None

    def _not_an_actor(self, span: Span, city: bool = True) -> bool:
        low = normalize_name(span.text)
        return (
            low in PLATFORMS
            or countries.is_region(span.text)
            or (city and countries.city_country(span.text) is not None
                and not countries.country_code(span.text)
                and canonical_alias(span.text) is None)
        )

    def nominals(self) -> None:
        for chunk in self.doc.noun_chunks:
            chunk = _after_last_newline(chunk)
            root = chunk.root
            if root.i in self.taken or root.ent_type_ in _ENT_LABELS:
                continue
            kind = nominal_kind(root.lemma_, root.text)
            if kind is None:
                continue
            if kind == "person" and root.tag_ in {"NNS", "NNPS"}:
                kind = "group"
            has_determiner = any(t.i < root.i for t in chunk) or root.tag_ in {"NNS", "NNPS"}
            if not has_determiner:
                continue
            country, country_tokens = _nominal_country(chunk)
            words = [t for t in chunk if t.pos_ not in {"DET", "PRON", "PART", "NUM", "ADV"}
                     and t.i not in country_tokens and t.text not in {"'s", "’s"}]
            name = _spaced_words(words).lower()
            self.add(Candidate(chunk, kind, "role" if kind == "person" else "nominal",
                               country=country, nominal_name=name))
        for match in AGE_NOMINAL.finditer(self.text):
            span = self.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None and not self.taken & set(range(span.start, span.end)):
                self.add(Candidate(span, "person", "nominal"))

    def pronouns(self) -> None:
        from dossier.extract.speech_cues import is_cue

        for tok in self.doc:
            if tok.pos_ != "PRON" or tok.i in self.taken:
                continue
            low = tok.lower_
            if low in PERSON_PRONOUNS:
                self.add(Candidate(self.doc[tok.i : tok.i + 1], "person", "pronoun"))
            elif low in GROUP_PRONOUNS and tok.dep_ == "nsubj" and is_cue(tok.head):
                self.add(Candidate(self.doc[tok.i : tok.i + 1], "group", "pronoun"))


def extract_actors(ctx: ArticleContext) -> list[ActorMention | ArticleActor]:
    """Mentions in text order, then one ArticleActor per group (see actor_records)."""
    collector = _Collector(ctx.doc, ctx.article.published)
    collector.persons()
    surnames = {w for c in collector.candidates for w in name_words(c.name or c.span.text)}
    collector.entities(surnames)
    collector.missed_surnames()
    collector.nominals()
    collector.pronouns()
    cands = sorted(collector.candidates, key=lambda c: c.span.start)
    mentions, actors = group_mentions(ctx.doc, cands, ctx.settings.pronoun_subject_window)
    return [*mentions, *actors]


def mentions_of(records: list) -> list[ActorMention]:
    """The ActorMention records of an actors result list."""
    return [r for r in records if isinstance(r, ActorMention)]


def actors_of(records: list) -> list[ArticleActor]:
    """The ArticleActor records of an actors result list."""
    return [r for r in records if isinstance(r, ArticleActor)]


__all__ = ["ActorRole", "extract_actors", "mentions_of", "actors_of"]

register_extractor(Extractor(name="actors", run=extract_actors))
