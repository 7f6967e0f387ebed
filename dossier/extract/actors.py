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

from dossier import nlp
from dossier.extract import countries
from dossier.extract.actor_names import (
    NameContext,
    clean_person,
    is_given_name,
    name_starts,
    name_words,
    starts_with_particle,
    surname_of,
)
from dossier.extract.actor_records import ActorMention, ActorRole, ArticleActor
from dossier.extract.coref import Candidate, group_mentions
from dossier.extract.parsed import entity_at, ents_of, ents_within, text_of
from dossier.extract.roles import appositive_roles, title_before
from dossier.lexicon.actors import (
    DOCUMENT_NAME_WORDS,
    EVENT_NAME_WORDS,
    ORG_NAME_WORDS,
    PLACE_WORDS,
    PLATFORMS,
    STREET_WORDS,
    canonical_alias,
    is_agent_noun,
    is_known_organisation,
    is_person_shaped,
    is_title_word,
    nominal_kind,
    normalize_name,
    organisation_kind,
)
from dossier.lexicon.grammar import PERSON_PRONOUNS
from dossier.lexicon.names import HONORIFICS
from dossier.lexicon.timex import ZONES
from dossier.registry import ArticleContext, Extractor, register_extractor

AGE_NOMINAL = re.compile(r"\b[Tt]he (?:\d{1,3})-year-old\b")
ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.]{1,9})\)")
GROUP_PRONOUNS = frozenset({"they", "it"})
_ENT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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
    while (end < len(doc) and end > start and re.fullmatch(r"[A-Z]\.", doc[end - 1].text)
           and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
           and doc[end].ent_iob_ != "B"):
        end += 1  # "Ben S." | "Bernanke": the model cut the name after the initial
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower):
        end += 2  # "Moon Sang" | "-gyun": the model cut a hyphened given name
    return doc[start:end] if end > start else None


def _country_in(span: Span) -> str | None:
    """First country named inside a span (by name, alias or demonym)."""
    judged = set()  # words of places inside the span, judged whole ("New Jersey")
    for ent in ents_within(span):
        code = countries.country_code(ent.text) or countries.demonym_country(ent.text)
        if code:
            return code
        if len(ent) > 1 and ent.label_ in _PLACE_LABELS:
            judged.update(range(ent.start, ent.end))  # a body keeps "Russian" in its name
    for tok in span:
        if tok.text[:1].isupper() and tok.i not in judged:
            code = countries.country_code(tok.text) or countries.demonym_country(tok.text)
            if code:
                return code
    return None


def _nominal_country(chunk: Span, reach: int) -> tuple[str | None, set[int]]:
    """Country of "Niger's army", "Nigerien soldiers", "the army in ... Niger" (within
    ``reach`` tokens of the noun); and its tokens."""
    tokens: set[int] = set()
    for tok in chunk:
        if tok.i == chunk.root.i or not tok.text[:1].isupper():
            continue
        ent = entity_at(tok.doc, tok.i)
        if ent is not None and len(ent) > 1 and ent.label_ in _PLACE_LABELS and not (
                countries.country_code(ent.text) or countries.demonym_country(ent.text)):
            continue  # "many New Jersey voters": of no country Jersey
        code = countries.country_code(tok.text) or countries.demonym_country(tok.text)
        if code:
            tokens.add(tok.i)
            return code, tokens
    for child in chunk.root.rights:
        if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
            # Near the noun only: "the army in the west African nation of Niger".
            end = min(child.right_edge.i + 1, chunk.root.i + reach)
            code = _country_in(chunk.doc[child.i : end])
            if code:
                return code, tokens
    return None, tokens


_OPENERS = frozenset({'"', "'", "“", "‘", "(", "[", "—", "–", "-", "•", "*"})
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for",
                         "with", "by", "from", "de", "la", "le", "vs", "vs.", "&"})


# A code of letters and digits (a road, a flight, a page, a model), not an ordinal ("3rd").
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])(?!\d+(?:st|nd|rd|th)$)[\w-]+$")


def _not_a_name(span: Span) -> bool:
    """Shapes of entity text that name no actor: a slash ("Pause/Play", "Parental
    Controls/Family Management", "Wall Street Journal/"), a lowercase start ("iPhone",
    "anti-Latino"; not "al-Qaida", and "3rd Battalion" may start with a number), an event
    ("National League Championship Series"), a page on a platform ("CNN Health on
    Facebook"), countries joined by a hyphen ("U.S.-Mexico"), a code ("A42", "HA446"), a
    lone common noun capitalised in a headline ("Candidate")."""
    text = span.text
    words = normalize_name(text).split()
    first = next((t for t in span if t.pos_ != "DET"), span[0])
    parts = [p for p in re.split(r"[-–]", text) if p.strip()]
    lone_noun = len(span) == 1 and is_title_word(span[0].text)  # a headline's "Candidate"
    return (
        lone_noun or any(_CODE.match(t.text) for t in span)  # "A42", "HA446", "PF-9"
        or
        "/" in text or (first.text[:1].islower() and not starts_with_particle(first))
        or not words
        or words[-1] in EVENT_NAME_WORDS or " ".join(words[-2:]) in EVENT_NAME_WORDS
        or words[-1] in DOCUMENT_NAME_WORDS
        or (len(words) > 1 and bool(set(words) & PLATFORMS))  # "CNN Health on Facebook"
        or (len(parts) > 1 and all(countries.country_code(p.strip()) for p in parts))
    )


def _hyphenated(tok) -> str:
    """The whole hyphenated word a token is part of ("co" of "co-founder" → co-founder)."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_:
        end += 2
    return doc[start:end].text.lower()


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


def _starts_sentence(tok) -> bool:
    """Is the word first in its sentence, its line, or a quotation or bracket that opens
    one (where any word is capitalised)?"""
    doc, i = tok.doc, tok.i
    while i > 0 and doc[i - 1].is_punct and doc[i - 1].text in _OPENERS:
        i -= 1
    return i == 0 or doc[i].is_sent_start or "\n" in doc[i - 1].text_with_ws \
        or doc[i - 1].text in {".", "!", "?", ":"}


class _Collector:
    """Gathers candidate mentions from one Doc in text order."""

    def __init__(self, doc: Doc, date: str | None, country_reach: int,
                 title_tokens: int, dictionary: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.country_reach = country_reach
        self.title_tokens = title_tokens  # Settings.role_max_title_tokens
        self.text = text_of(doc)
        self.date = date
        self.candidates: list[Candidate] = []
        self.taken: set[int] = set()  # token indices already inside a mention or a title
        self.names = NameContext(doc, dictionary)
        self._caps_inside: set[str] | None = None  # see _sentence_case_word
        labels: dict[str, list[str]] = {}
        for ent in ents_of(doc):
            labels.setdefault(normalize_name(ent.text), []).append(ent.label_)
        self.titled = self._titled_forms()
        self.full_surnames = {text.split()[-1] for _, text in self.names.person_texts
                              if len(text.split()) > 1}
        self.full_name_words = {w for _, text in self.names.person_texts
                                for w in text.split() if len(text.split()) > 1}
        self.person_last_words = {
            words[-1] for _, text in self.names.person_texts
            if (words := [w for w in text.split() if w not in {"'s", "’s", "'", "’"}])
        }
        # A surface form the model labels ORG/GPE/PRODUCT more often than PERSON in this
        # article is not a person here ("Equifax", "SpaceX", "Tesla") -- unless the article
        # writes it after a person's title or honorific ("President Trump", "Mr. Trump"):
        # the small model tags a bare "Trump" ORG as often as PERSON.
        self.not_person = {
            text for text, seen in labels.items()
            if seen.count("PERSON") * 2 <= len(seen) and seen.count("PERSON") < len(seen)
            and text not in self.titled
        }

    def _titled_forms(self) -> set[str]:
        """Names the article writes after a person's title or an honorific, inside the
        entity or just before it ("President Trump", "Mr. Trump", "CEO Carly Fiorina")."""
        doc, forms = self.doc, set()
        for ent in ents_of(doc):
            if ent.label_ not in {"PERSON", "ORG"}:
                continue
            start = ent.start
            while start < ent.end and (_is_title(doc[start].text) or doc[start].is_punct
                                       or doc[start].lower_ in HONORIFICS):
                start += 1
            titled = start > ent.start
            if not titled and ent.start > 0:
                prev = doc[ent.start - 1]
                word = (doc[ent.start - 2].lower_ + "." if prev.text == "." and ent.start > 1
                        else prev.lower_)
                titled = _is_title(prev.text) or _is_title(word) or word in HONORIFICS
            if titled and start < ent.end:
                forms.add(normalize_name(doc[start:ent.end].text))
        return forms

    def _org_person(self, ent: Span) -> bool:
        """An ORG entity that names a person: the small model tags "Carly Fiorina" ORG on
        most 2016 campaign pages. A person-shaped name of two or three words that the article
        treats as a person's: written after a person's title or an honorific, in apposition
        to a title ("Fiorina, the former CEO"), with a surname the article also tags PERSON,
        or listed with PERSON entities ("Ben Carson and Carly Fiorina")."""
        if ent.label_ != "ORG":
            return False
        words = ent.text.removesuffix("'s").removesuffix("’s").split()
        while words and _is_title(words[0]):
            words = words[1:]  # "Actress Amandla Stenberg"
        name = " ".join(words)
        if not 2 <= len(words) <= 3 or not is_person_shaped(name):
            return False
        if normalize_name(name) in self.titled or len(words) < len(ent.text.split()):
            return True
        if words[-1].lower() in self.person_last_words:
            return True
        root = ent.root
        if any(c.dep_ == "appos" and is_title_word(_hyphenated(c)) for c in root.children):
            return True
        group = [root.head, *root.head.children] if root.dep_ == "conj" else list(root.children)
        return any(t.ent_type_ == "PERSON" and not ent.start <= t.i < ent.end
                   and (t.dep_ == "conj" or t.i == root.head.i) for t in group)

    def _lone_name_is_person(self, span: Span, after_honorific: bool) -> bool:
        """A one-word PERSON is a person only with a cue in the article: it is a word of a
        full name the article tags PERSON, follows a title or honorific ("Mr. Trump",
        "President Trump"), or is the subject of a verb ("Trump said", "Trump criticized").
        Without one the small model's lone PERSON is a verb ("Felt we should ..."), half a
        band ("Simon and Garfunkel"), a song, a place or an animal."""
        word = normalize_name(span.text)
        if after_honorific or word in self.titled or word in self.full_name_words:
            return True
        if span.start > 0 and self.doc[span.start - 1].text in {"#", "@"}:
            return False  # a hashtag or a handle
        root = span.root
        return root.dep_ in {"nsubj", "nsubjpass"} and root.head.pos_ in {"VERB", "AUX"}

    def add(self, cand: Candidate) -> None:
        self.candidates.append(cand)
        self.taken.update(range(cand.span.start, cand.span.end))

    def persons(self) -> None:
        city_named: list[Candidate] = []
        for ent in ents_of(self.doc):
            org_person = ent.label_ == "ORG" and self._org_person(ent)
            if ent.label_ != "PERSON" and not org_person:
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
            if normalize_name(ent.text) in self.not_person and not org_person:
                continue
            if span[-1].lower_ in PLACE_WORDS or (
                len(span) == 1 and span.root.dep_ == "pobj"
                and span.root.head.lower_ in {"in", "at", "near", "from", "to", "around"}
            ):
                continue  # "Kilindini Harbour", "in Garsen": a place the model took for a name
            if (countries.country_code(span.text) or countries.demonym_country(span.text)
                    or countries.is_region(span.text)):
                continue
            if any(t.lower_ in ORG_NAME_WORDS for t in span):
                continue  # "Trump Tower", "Clinton Foundation" tagged PERSON: not a person
            if len(span) == 1 and not self._lone_name_is_person(span, clean.surname_only):
                continue  # "Felt", "Simon" (and Garfunkel), "Berit" the rhino: no person cue
            if (len(span) == 1 and span.root.dep_ == "compound"
                    and is_title_word(_hyphenated(span.root.head))
                    and normalize_name(span.text) not in self.titled | self.full_surnames):
                continue  # "Asana co-founder X", "Apple spokesperson Y": a firm, not a person
            last = span[-1].lower_
            if span[-1].tag_ in {"NNS", "NNPS"} and last.endswith("s") and (
                    is_agent_noun(span[-1].lemma_) or is_agent_noun(last[:-1])):
                self.add(Candidate(span, "group", "name"))  # "Chibok Girls", "Cubs Fans"
                continue
            roles, title_start = title_before(self.doc, span.start, self.date,
                                              self.title_tokens)
            roles += appositive_roles(span, self.date, self.title_tokens)
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
            possessor = self.doc[ent.start:span.start] if span.start > ent.start else None
            text = span.text
            if self._not_an_actor(span):
                continue
            code = countries.country_code(text)
            if (possessor is not None and ent.label_ == "ORG" and 2 <= len(span) <= 3
                    and is_person_shaped(text)):
                # "Cleveland’s Rajai Davis", "Fox Business Network’s Maria Bartiromo"
                self.add(Candidate(span, "person", "name", name=text))
            elif normalize_name(text) in surnames and not code:
                self.add(Candidate(span, "person", "name"))
            elif code:
                self.add(Candidate(span, "country", "name", country=code))
            elif countries.demonym_country(text):
                # "Nigeriens" as a people; "Nigerien soldiers" is a nominal handled below.
                if span.root.pos_ in {"NOUN", "PROPN"} and span.root.tag_ in {"NNS", "NNPS"}:
                    self.add(Candidate(span, "group", "name",
                                       country=countries.demonym_country(text)))
            elif (ent.label_ == "ORG" and (person := self._person_after_body(span))):
                # "Fox News Sean Hannity", "Boko Haram Abubakar Shekau": the person
                self.add(Candidate(person, "person", "name", name=person.text))
            elif ent.label_ == "ORG" or is_known_organisation(text):
                self.add(Candidate(span, organisation_kind(text), "name",
                                   country=None if organisation_kind(text) == "international body"
                                   else countries.state_body_country(text) or _country_in(span)
                                   or (_country_in(possessor) if possessor else None),
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
        """Trim "Facebook, the Military Command", a possessor ("Clinton’s State Department")
        and a trailing "'s"; join "... of <ORG>"."""
        doc = self.doc
        start, end = ent.start, ent.end
        commas = [t.i for t in ent if t.text == ","]
        if commas:
            start = commas[-1] + 1
            while start < end and doc[start].pos_ == "DET":
                start += 1
        while start < end and doc[start].tag_ == "PRP$":
            start += 1  # "her State Department"
        inner = [t.i for t in doc[start:end - 1] if t.text in {"'s", "’s"}]
        if inner:
            tail = doc[inner[-1] + 1:end]
            if not any(ch.isalpha() for ch in tail.text):
                return None  # "Obama’s 2008" (campaign): no actor's name
            if self._possessor_is_apart(doc[start:inner[-1]], tail, doc[start:end].text):
                start = inner[-1] + 1  # "China’s Foreign Ministry": the ministry (of China)
        opened = [t.i for t in doc[start:end] if t.text == "("]
        if opened and not any(t.text == ")" for t in doc[opened[-1]:end]):
            end = opened[-1]  # "World Intellectual Property Organization (WIPO": cut bracket
        while end > start and (doc[end - 1].text in {"'s", "’s"} or doc[end - 1].is_space or (
                doc[end - 1].is_punct and doc[end - 1].text not in {".", ")", "!"})):
            end -= 1  # "Breitbart News’", "Bradley Manning -", a heading's line break
        if end <= start:
            return None
        if label == "ORG" and end + 1 < len(doc) and doc[end].lower_ == "of":
            nxt = next((e for e in ents_of(doc) if e.start in (end + 1, end + 2)), None)
            if nxt is not None and nxt.label_ == "ORG":
                self.taken.update(range(nxt.start, nxt.end))
                end = nxt.end
        return doc[start:end]

    def _person_after_body(self, span: Span) -> Span | None:
        """The person's name an ORG entity ends with, glued on their outlet or group ("Fox
        News Sean Hannity"): two or three name-shaped words whose surname the article
        tags PERSON elsewhere, after at least one word of the body, starting with a given
        name or a word the dictionary lacks ("Houston Astros", "Office of Immigrant Affairs
        Clinton" hold no person)."""
        for k in range(1, len(span) - 1):
            tail = span[k:]
            if (len(tail) <= 3 and is_person_shaped(tail.text)
                    and tail[-1].lower_ in self.person_last_words and name_starts(tail[0])
                    and (is_given_name(tail[0].text)
                         or tail[0].lower_ not in self.names.dictionary)):
                return tail
        return None

    def _possessor_is_apart(self, possessor: Span, tail: Span, whole: str) -> bool:
        """Is "X’s" glued on another name ("China’s Foreign Ministry", "Clinton’s State
        Department", "Cleveland’s Rajai Davis") rather than part of one ("the Korean
        People's Army", "Emily's List")? Apart when X is a place or a person the article
        names, or what follows is a person's name; never inside a body the lists know."""
        if is_known_organisation(whole) or countries.state_body_country(whole):
            return False
        text = possessor.text
        return bool(
            countries.country_code(text) or countries.city_country(text)
            or countries.is_region(text) or normalize_name(text) in self.person_last_words
            or normalize_name(text) in self.full_name_words
            or (2 <= len(tail) <= 3 and is_person_shaped(tail.text))
        )

    def _acronym_after(self, span: Span) -> str | None:
        match = ACRONYM_AFTER.match(self.text, span.end_char)
        return match.group(1) if match else None

    def _not_an_actor(self, span: Span, city: bool = True) -> bool:
        low = normalize_name(span.text)
        return (
            low in PLATFORMS
            or span.text in ZONES  # "0030 GMT"
            or (span[-1].lower_ in STREET_WORDS and len(span) > 1)
            or countries.is_region(span.text)
            or (city and countries.city_country(span.text) is not None
                and not countries.country_code(span.text)
                and canonical_alias(span.text) is None)
            or _not_a_name(span)
            or self._in_title_quote(span)
            or self._sentence_case_word(span)
        )

    def _sentence_case_word(self, span: Span) -> bool:
        """A one-word entity that is a common word capitalised only because a sentence, a
        line or a quotation starts with it ("Freezing allows you ...", "Aides said",
        "'Stupid.'"), and that the article never writes capitalised inside a sentence. A
        body the lists know ("Congress"), a country, a people ("Palestinians said ...")
        and a given name stay."""
        tok = span[0]
        if (len(span) != 1 or not tok.is_title or not _starts_sentence(tok)
                or not self.names.dictionary
                or (tok.lower_ not in self.names.dictionary
                    and tok.lemma_.lower() not in self.names.dictionary)
                or is_given_name(tok.text) or is_known_organisation(tok.text)
                or canonical_alias(tok.text) or countries.country_code(tok.text)
                or countries.demonym_country(tok.text) or countries.state_body_country(tok.text)
                or organisation_kind(tok.text) != "organisation"):
            return False
        if self._caps_inside is None:
            self._caps_inside = {t.lower_ for t in self.doc
                                 if t.text[:1].isupper() and not _starts_sentence(t)}
        return tok.lower_ not in self._caps_inside

    def _in_title_quote(self, span: Span) -> bool:
        """Inside a short quoted title ("Peter Pan," "Andrea Mitchell Reports," "The Hero
        Shifts Places"): a work's name, not an actor. A quotation is a title when every
        word but small ones is capitalised; "Lock him up!" is no title."""
        text = self.text
        line_start = text.rfind("\n", 0, span.start_char) + 1
        before = text[line_start:span.start_char]
        opening = max(before.rfind("“"), before.rfind('"'))
        if opening < 0 or "”" in before[opening:] or before.count('"') % 2 == 0 and (
                before[opening] == '"'):
            return False
        close = min((i for i in (text.find("”", span.end_char), text.find('"', span.end_char))
                     if i >= 0), default=-1)
        quoted = text[line_start + opening + 1:close] if close >= 0 else ""
        if not quoted or "\n" in quoted or len(quoted) > 60:
            return False
        words = [w.strip(",.:;!?'’") for w in quoted.split()]
        return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w for w in words)

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
            country, country_tokens = _nominal_country(chunk, self.country_reach)
            words = [t for t in chunk if t.pos_ not in {"DET", "PRON", "PART", "NUM", "ADV"}
                     and t.i not in country_tokens and t.text not in {"'s", "’s"}]
            while words and (words[0].is_punct or words[0].tag_ in {"VBN", "VBG", "VBD"}):
                words.pop(0)  # "US-led coalition" → coalition; "high-ranking official"
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
    collector = _Collector(ctx.doc, ctx.article.published, ctx.settings.actor_country_reach,
                           ctx.settings.role_max_title_tokens,
                           nlp.dictionary_words(ctx.settings.spacy_model))
    collector.persons()
    surnames = {w for c in collector.candidates for w in name_words(c.name or c.span.text)}
    collector.entities(surnames)
    collector.missed_surnames()
    collector.nominals()
    collector.pronouns()
    cands = sorted(collector.candidates, key=lambda c: c.span.start)
    mentions, actors = group_mentions(ctx.doc, cands, ctx.settings.pronoun_subject_window,
                                      ctx.settings.pronoun_any_person_window)
    return [*mentions, *actors]


def mentions_of(records: list) -> list[ActorMention]:
    """The ActorMention records of an actors result list."""
    return [r for r in records if isinstance(r, ActorMention)]


def actors_of(records: list) -> list[ArticleActor]:
    """The ArticleActor records of an actors result list."""
    return [r for r in records if isinstance(r, ArticleActor)]


__all__ = ["ActorRole", "extract_actors", "mentions_of", "actors_of"]

register_extractor(Extractor(name="actors", run=extract_actors,
                             assigns=(ActorMention, ArticleActor)))
