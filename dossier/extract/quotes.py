"""Quote extractor: who said what, with which cue verb, on which channel — all as char spans.

Statements are found from their cues (speech verbs outside quotation marks, and
"according to"): the cue's subject is the speaker, its clause or object (merged with
adjacent quoted text) is the content. Quoted paragraphs with no cue take the speaker
of the quote they continue or of the sentence that introduces them, or stay with
the speaker unknown rather than guessed. Speakers resolve to the article's actors
(``ctx.results["actors"]``), pronouns included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from dossier.clean.metadata import find_dateline
from dossier.extract.actor_records import ActorMention, ArticleActor
from dossier.extract.channels import find_channel, find_setting
from dossier.extract.labelled import find_labelled
from dossier.extract.parsed import noun_chunks_of, text_of
from dossier.extract.quote_marks import DOUBLED_APOSTROPHE, QuoteSpan, find_quotes
from dossier.extract.speakers import SpeakerResolver
from dossier.extract.speech_cues import (
    OPENING_MARKS,
    cue_lemma,
    for_clause,
    is_cue,
    quote_paragraph_after_colon,
    raised_passive,
)
from dossier.lexicon.actors import SPOKESPERSON_WORDS
from dossier.lexicon.grammar import THING_PRONOUNS
from dossier.lexicon.speech import (
    ATTITUDE_LEMMAS,
    ATTITUDE_PREPOSITIONS,
    NO_TOPIC_LEMMAS,
    NOUN_CUE_PREPOSITIONS,
    NOUN_CUES,
    OBJECT_CONTENT_LEMMAS,
    PREPOSITION_CONTENT,
    REPORTING_VERBS,
    SEEMING_LEMMAS,
    SPEECH_LEMMAS,
)
from dossier.registry import ArticleContext, Extractor, register_extractor

_TRIM = " \t\n,;:—–-"
CONNECTIVE = re.compile(
    r"(?:Meanwhile|Besides|Furthermore|Moreover|However|In addition|Also|Additionally),\s*"
)


@dataclass(frozen=True)
class Quote:
    """One statement: speaker, cue and content, each with its ``[start, end)`` char span.

    ``speaker_key`` is the article actor key (see actor_records) the speaker resolved
    to, or None. ``on_behalf_of`` names the organisation a spokesperson speaks for.
    ``kind`` is "direct" (all quoted), "mixed" (partly quoted), "indirect", or "attitude"
    (a stance or intention, recorded only with ``Settings.quote_attitudes``).
    """

    content: str
    content_start: int
    content_end: int
    kind: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_key: str | None = None
    on_behalf_of: str | None = None
    on_behalf_key: str | None = None
    channel: str | None = None
    channel_start: int | None = None
    channel_end: int | None = None
    setting: str | None = None  # "on a visit to New Zealand"
    setting_start: int | None = None
    setting_end: int | None = None


def _inside(quotes: list[QuoteSpan], char: int) -> QuoteSpan | None:
    return next((q for q in quotes if q.start <= char < q.end), None)


def _paragraph_bounds(text: str, char: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return start, len(text) if end < 0 else end


def _subtree_span(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


class _Finder:
    def __init__(self, ctx: ArticleContext) -> None:
        self.doc: Doc = ctx.doc
        self.text = text_of(ctx.doc)
        self.quotes = find_quotes(self.text)
        records = ctx.results.get("actors", [])
        self.speakers = SpeakerResolver(
            ctx.doc,
            [r for r in records if isinstance(r, ActorMention)],
            [r for r in records if isinstance(r, ArticleActor)],
        )
        self.min_words = ctx.settings.quote_min_words
        self.attitudes = ctx.settings.quote_attitudes
        self.label_max_tokens = ctx.settings.quote_label_max_tokens
        self.claimed: set[QuoteSpan] = set()
        self.found: list[Quote] = []

    # -- statements introduced by a cue -------------------------------------------------
    def from_cues(self) -> None:
        for tok in self.doc:
            if _inside(self.quotes, tok.idx):
                continue
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                self._according_to(tok)
            elif is_cue(tok):
                before = len(self.found)
                self._cue(tok)
                if len(self.found) == before and self._topic_reading(tok):
                    self._attitude(tok)  # "mentions her granddaughter", "reported by MSNBC"
            elif self._topic_reading(tok) or (self.attitudes and tok.pos_ == "VERB"
                                              and cue_lemma(tok) in ATTITUDE_LEMMAS):
                self._attitude(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() in NOUN_CUES:
                self._noun_cue(tok)
            elif self._frames_quote(tok):
                self._cue(tok)

    def _topic_reading(self, verb: Token) -> bool:
        """With attitudes on, a speech verb that states nothing still says what its subject
        spoke about ("often mentions her granddaughter", "was first reported by MSNBC")."""
        return (self.attitudes and verb.pos_ == "VERB" and cue_lemma(verb) in SPEECH_LEMMAS
                and cue_lemma(verb) not in NO_TOPIC_LEMMAS)

    def _frames_quote(self, verb: Token) -> bool:
        """'"…," scoffed Arianna Gil.', '"…," an angry Hollande retaliated.', 'he leaned in
        and boomed: "…"': a verb that closes a quoted sentence with only its subject
        between, or opens a quotation with a colon, introduces it whatever the verb is;
        the typography says so. Its subject must name someone (a name, a pronoun, an
        actor), so "the list includes: …" is no statement."""
        if verb.pos_ != "VERB":
            return False
        after = verb.i + 1 < len(self.doc) and self.doc[verb.i + 1]
        if after and after.text == ":":
            opening = self.text[after.idx + 1 : after.idx + 4].lstrip()
            subj = self._subject(verb) if opening.startswith(OPENING_MARKS) else None
            return subj is not None and subj.i < verb.i and self._names_someone(subj)
        if any(c.dep_ in {"dobj", "ccomp"} and c.idx > verb.idx for c in verb.children):
            return False  # "…," she wrote a letter: the verb has its own object
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        closed = next((q for q in self.quotes if q.closed
                       and verb.sent.start_char <= q.end < verb.idx
                       and self.text[q.end - 1 : q.end] in {",", "!", "?"}
                       and _starts_sentence(self.text, q.start)), None)
        if closed is None or _inside(self.quotes, verb.idx):
            return False
        between = [t for t in self.doc[verb.sent.start : verb.i] if t.idx > closed.end
                   and not t.is_punct]
        if between and self.text[closed.end + 1 : between[0].idx].strip(" \u00a0\"”'’"):
            return False  # the subject must follow the closing mark
        if subj is None or subj.i > verb.i:  # '"…," scoffed Arianna Gil': name after verb
            subj = subj or self._inverted_subject(verb)
            return not between and subj is not None and self._names_someone(subj)
        in_subject = {t.i for t in subj.subtree}
        return (bool(between) and all(t.i in in_subject for t in between)
                and self._names_someone(subj))

    def _names_someone(self, subj: Token) -> bool:
        return (subj.pos_ in {"PRON", "PROPN"} and subj.lower_ not in THING_PRONOUNS
                ) or self.speakers.mention_at(subj) is not None

    def _inverted_subject(self, verb: Token) -> Token | None:
        """'"…," said Ms. Smith' / 'recalled Mr. Rhodes': the parser may make the name after
        the verb its object; right after a closing quote, that name is who spoke."""
        before = self.doc[verb.i - 1] if verb.i > 0 else None
        if before is None or not (before.is_punct or before.is_quote):
            return None
        return next((c for c in verb.rights if c.dep_ in {"dobj", "nsubj", "attr", "npadvmod"}
                     and c.pos_ in {"PROPN", "NOUN"} and c.i - verb.i <= 3), None)

    def _noun_cue(self, cue: Token) -> None:
        """"Trump's call for a ban", "his promise to build a wall", "a warning from the
        ministry that ...": the noun's possessor (or "from"/"by" X) said it, its that- or
        to-clause (or what "for" asks) is what was said. No holder, no statement."""
        holder = next((c for c in cue.children if c.dep_ == "poss"), None)
        if holder is None:
            holder = next((g for c in cue.children if c.dep_ == "prep"
                           and c.lower_ in {"from", "by"} for g in c.children
                           if g.dep_ == "pobj"), None)
        if holder is None:
            return
        content = [c for c in cue.children if c.dep_ in {"acl", "ccomp"} and c.i > cue.i]
        if not content:
            content = [g for c in cue.children if c.dep_ == "prep" and c.i > cue.i
                       and c.lower_ in NOUN_CUE_PREPOSITIONS
                       for g in c.children if g.dep_ in {"pobj", "pcomp"}][:1]
        if not content:
            return
        p_start, p_end = _paragraph_bounds(self.text, cue.idx)
        start, end = _subtree_span(content[0])
        self._emit(max(start, p_start), min(end, p_end), cue, holder)

    def _attitude(self, cue: Token) -> None:
        """"Christie endorsed Trump", "a group backing Bush", "talked about the wall": the
        stance verb's subject holds it, its object, clause or prepositional object is what
        it is held about. Kept apart from statements as kind "attitude"."""
        subj = cue.head if cue.dep_ == "acl" and cue.head.pos_ in {"NOUN", "PROPN"} else None
        subj = subj or self._subject(cue)
        if subj is None:
            return
        content = [c for c in cue.children
                   if c.dep_ in {"dobj", "ccomp", "xcomp", "attr", "oprd", "parataxis"}]
        content += [g for c in cue.children if c.dep_ in {"prep", "prt"}
                    and c.lower_ in ATTITUDE_PREPOSITIONS for g in c.children if g.dep_ == "pobj"
                    and g.ent_type_ not in {"DATE", "TIME"}]  # "spoke on Tuesday about ..."
        if subj.head.dep_ == "agent" and subj.head.head == cue:  # "was reported by MSNBC"
            content += [c for c in cue.children if c.dep_ == "nsubjpass"]
        p_start, p_end = _paragraph_bounds(self.text, cue.idx)
        if cue_lemma(cue) in SEEMING_LEMMAS:
            if content and subj.i < cue.i:
                start = _subtree_span(subj)[0]
                end = max(_subtree_span(c)[1] for c in content)
                self._emit(max(start, p_start), min(end, p_end), cue, None, attitude=True)
            return
        pieces = [(max(a, p_start), min(b, p_end)) for a, b in map(_subtree_span, content)
                  if b <= cue.idx or a > cue.idx]
        if pieces:
            self._emit(min(a for a, _ in pieces), max(b for _, b in pieces), cue, subj,
                       attitude=True)

    def _subject(self, cue: Token) -> Token | None:
        verb = cue
        for _ in range(3):
            # Two subjects ("contender and former surgeon Ben Carlton responded"): a parse
            # of one coordinated phrase; the one next to the verb carries the name.
            subj = min((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}),
                       key=lambda c: abs(verb.i - c.i), default=None)
            agent = next((g for c in verb.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"), None)
            if subj is not None and subj.dep_ == "nsubjpass" and agent is not None:
                return agent  # "it was announced by the ministry that ..."
            if subj is not None and subj.dep_ == "nsubj":
                if subj.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                    return verb.head  # "members of his guard, who announced that ..."
                return _titled_name(self._aside_speaker(cue, self._past_dateline(subj, cue)))
            if subj is None and verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and (
                    verb == cue and is_cue(verb.head.head)):
                # "He says the response was X and says he ...": the parser hangs the second
                # cue on the first one's content; both cues share the first one's subject
                verb = verb.head.head
                continue
            if subj is None and verb.dep_ in {"conj", "xcomp", "advcl", "dep", "acomp"} and (
                    verb.head != verb):  # "acomp": "are more likely to say that ..."
                verb = verb.head
                continue
            if subj is None and verb.dep_ == "pcomp" and verb.head.head != verb.head:
                verb = verb.head.head  # "ended his speech by saying ..."
                continue
            if subj is None and verb.dep_ == "acl" and verb.head.dep_ in {"nsubj", "ROOT", "appos"}:
                return verb.head  # "Erin Brockovich, the activist, ..., saying she ..."
            break
        return self._inverted_subject(cue) or self._mention_before(cue)

    def _aside_speaker(self, cue: Token, subj: Token) -> Token:
        """"The source of the attraction, union members say, is manifold": in a cue set off
        by commas, the speaker is the noun phrase between the first comma and the cue, even
        when the parser makes the sentence's subject the cue's."""
        left = next((t for t in reversed(self.doc[cue.sent.start : cue.i]) if t.text == ","),
                    None)
        if left is None or subj.i > left.i or not self._parenthetical(cue):
            return subj
        chunks = [c for c in noun_chunks_of(self.doc) if left.i < c.start and c.end <= cue.i]
        return chunks[0].root if chunks else subj

    def _past_dateline(self, subj: Token, cue: Token) -> Token:
        """"NIAMEY, Niger — The army ... said": the parser may make the dateline the subject."""
        dash = next((t for t in self.doc[subj.i : cue.i] if t.text in {"—", "–", "--"}), None)
        if dash is None:
            return subj
        after = [c for c in noun_chunks_of(self.doc) if dash.i < c.root.i < cue.i]
        return after[0].root if after else subj

    def _mention_before(self, cue: Token) -> Token | None:
        """No parsed subject ("In a statement on Facebook, the Military Command ... said"):
        the nearest apposed or subject noun to the left, with no verb in between."""
        for tok in reversed(self.doc[cue.sent.start : cue.i]):
            if tok.pos_ in {"VERB", "AUX"} or tok.text in {'"', "“", "”", ";"}:
                return None
            if (tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"appos", "nsubj", "npadvmod"}
                    and tok.ent_type_ not in {"DATE", "TIME"}):  # "endorsed him Saturday, saying"
                return tok
        return None

    def _content_tokens(self, cue: Token) -> list[Token]:
        lemma = cue_lemma(cue)
        content = [c for c in cue.children if c.dep_ in {"ccomp", "parataxis"}]
        if not content and lemma in PREPOSITION_CONTENT:  # "pointed to", "called on X to"
            preps = [c for c in cue.children if c.dep_ in {"prep", "prt"}
                     and c.lower_ in PREPOSITION_CONTENT[lemma]]
            content = [g for c in preps for g in c.children if g.dep_ == "pobj"]
            if content and lemma == "call":
                content += [c for c in cue.children if c.dep_ == "xcomp"]
        if not content and lemma == "call":  # "calling for the US to step up": a clause
            content = [c for c in cue.children if for_clause(c)]
            if preps and not content:  # "pointed out the flaw": the particle's verb's object
                content = [c for c in cue.children if c.dep_ in {"dobj", "ccomp"}]
        if not content and lemma in {"show", "find"}:  # "a poll shows Sanders leading"
            content = [c for c in cue.children if c.dep_ == "dobj"]
        if not content:  # "said in a statement that ...": the clause hangs on "statement"
            content = [g for c in cue.children if c.dep_ == "prep"
                       for n in c.children if n.dep_ == "pobj"
                       for g in n.children if g.dep_ in {"acl", "ccomp", "relcl"}
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)]
        if not content and (lemma in OBJECT_CONTENT_LEMMAS or lemma == "mock"):
            content = [c for c in cue.children if c.dep_ in {"dobj", "xcomp", "attr", "oprd"}]
            if lemma == "appeal":
                content += [g for c in cue.children if c.dep_ == "prep" and c.lower_ == "for"
                            for g in c.children if g.dep_ == "pobj"]
        return content

    def _cue(self, cue: Token) -> None:
        if _passive_participle(cue):  # "Asked whether ..., Mr. Daley said": not Daley's question
            self._sourceless(cue)
            return
        subj = self._subject(cue)
        if subj is None:
            self._sourceless(cue)
            return
        p_start, p_end = _paragraph_bounds(self.text, cue.idx)
        pieces: list[tuple[int, int]] = []
        around: tuple[int, int] | None = None  # content the cue sits inside
        for tok in self._content_tokens(cue):
            start, end = _subtree_span(tok)
            end = _before_second_cue(tok, cue, start, end)
            if for_clause(tok):  # "for" marks the clause; it is not what was called for
                start = next(m for m in tok.children if m.dep_ == "mark").idx + 4
            if end <= cue.idx or start >= cue.idx:  # content lies on one side of the cue
                pieces.append((max(start, p_start), min(end, p_end)))
            elif tok.left_edge.tag_ in {"WDT", "WP"}:  # "which he said will ...", "what she said"
                around = (max(start, p_start), min(end, p_end))
        if (not pieces and around is None and cue.dep_ in {"parataxis", "ccomp"}
                and cue.head.i < cue.i and not is_cue(cue.head)):
            # "..., a source close to Bazoum said, although ...": the clause the cue is on
            head_start = cue.head.left_edge.idx
            pieces.append((max(head_start, p_start), subj.left_edge.idx))
        if not pieces and around is None and _as_clause(cue):
            # "As the Post reported today, the inspector issued subpoenas": the clause the
            # "as" clause hangs on is what was reported
            c_start, c_end = _subtree_span(cue)
            h_start, h_end = _subtree_span(cue.head)
            side = (c_end, h_end) if c_end <= cue.head.idx else (h_start, c_start)
            pieces.append((max(side[0], p_start), min(side[1], p_end)))
        if not pieces and around is None and self._parenthetical(cue):
            # "The bigger risk, he said, is a clash": the cue interrupts its content
            around = self._interrupted_sentence(cue, p_start, p_end)
        if around is not None:
            self._emit(*around, cue, subj)
            return
        pieces += self._adjacent_quotes(cue, subj, p_start, p_end, pieces)
        if not pieces:
            after = self._quote_after_colon(cue)
            if after is None:
                return
            pieces.append((after.start, after.end))
        # "…," he said. "…": one statement on each side of the cue.
        for side in ([p for p in pieces if p[1] <= cue.idx], [p for p in pieces if p[0] > cue.idx]):
            if side:
                self._emit(min(s for s, _ in side), max(e for _, e in side), cue, subj)

    def _sourceless(self, cue: Token) -> None:
        """"It was announced that ...": a passive cue with a clause and no agent attributes
        the clause to no one named; the statement is kept, its speaker left unknown."""
        if not any(c.dep_ == "auxpass" for c in cue.children) and not _passive_participle(cue):
            return
        p_start, p_end = _paragraph_bounds(self.text, cue.idx)
        if raised_passive(cue):  # "Trump is expected to deliver a speech": all of it
            subj = next(c for c in cue.children if c.dep_ == "nsubjpass")
            infinitive = next(c for c in cue.children if c.dep_ == "xcomp")
            start, end = _subtree_span(subj)[0], _subtree_span(infinitive)[1]
            self._emit(max(start, p_start), min(end, p_end), cue, None)
            return
        clauses = [c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i]
        if not clauses:
            return
        start, end = _subtree_span(clauses[0])
        self._emit(max(start, p_start), min(end, p_end), cue, None)

    def _parenthetical(self, cue: Token) -> bool:
        """A cue clause set off by commas inside its sentence: "X, she said, is Y",
        "Rather than ..., said Ms. Smith, the firm wants ...". Only the speaker and the
        cue sit between the commas ("who said nothing" is a relative clause, not a cue)."""
        sent = cue.sent
        marks = {",", "—", "–"}
        left = next((t for t in reversed(sent[: cue.i - sent.start]) if t.text in marks), None)
        right = next((t for t in sent[cue.i - sent.start + 1 :] if t.text in marks), None)
        if left is None or right is None or left.i - sent.start < 1:
            return False
        if sent.end - right.i < 3 or any(c.dep_ in {"dobj", "ccomp", "xcomp"}
                                         for c in cue.children):
            return False
        chunk = self.doc[left.i + 1 : right.i]
        return all(t.i == cue.i or (t.pos_ not in {"VERB", "AUX"} and t.tag_ not in {"WP", "WDT"})
                   for t in chunk)

    def _interrupted_sentence(self, cue: Token, p_start: int, p_end: int) -> tuple[int, int]:
        """The sentence the cue interrupts, from its first word to its last (stop left out)."""
        sent = cue.sent
        last = sent[-1]
        while last.i > cue.i and last.is_punct and last.text not in {'"', "”", "''"}:
            last = self.doc[last.i - 1]
        return max(sent.start_char, p_start), min(last.idx + len(last), p_end)

    def _quote_after_colon(self, cue: Token) -> QuoteSpan | None:
        """'Cruz continued:' then a paragraph that opens a quotation: that quotation."""
        colon = quote_paragraph_after_colon(cue)
        if colon is None:
            return None
        return next((q for q in self.quotes if q.start > colon.idx and q.opens_paragraph
                     and q not in self.claimed and not self.text[colon.idx + 1 : q.start]
                     .strip(" \t\n\u00a0\"“'")), None)

    def _adjacent_quotes(self, cue: Token, subj: Token, p_start: int, p_end: int,
                         pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Quoted text right before the cue clause, or opened right after it (":", ",")."""
        # The parser may hang the quote itself on the subject ('"…," councilmember Mark
        # Levine said'): the clause starts after any quote that ends before the subject.
        subject_start = max([subj.left_edge.idx] + [q.end for q in self.quotes
                                                     if q.end <= subj.idx])
        clause_start = min(subject_start, cue.idx)
        clause_end = cue.idx + len(cue)
        found = []
        for q in self.quotes:
            if q in self.claimed or q.end + 1 < p_start or q.start > p_end + 1:
                continue
            if any(s <= q.start and q.end <= e for s, e in pieces):
                continue
            if q.end <= clause_start:
                between = self.text[q.end:clause_start]
                if not between.strip(" \t\u00a0\"”’',.!?—–-"):
                    found.append((q.start, q.end))
            elif q.start >= clause_end:
                between = self.text[clause_end:q.start]
                sentence_end = any(ch in between for ch in ".!?")
                if not sentence_end and q.start - clause_end < 120:
                    found.append((q.start, q.end))
        return found

    def _according_to(self, according: Token) -> None:
        to = next(c for c in according.children if c.lower_ == "to")
        source = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source is None:
            return
        head = according.head
        a_start, a_end = _subtree_span(according)
        h_start, h_end = _subtree_span(head)
        left, right = (h_start, a_start), (a_end, h_end)
        start, end = left if left[1] - left[0] >= right[1] - right[0] else right
        cue_span = self.doc[according.i : to.i + 1]
        self._emit(start, end, cue_span, source)

    # -- building records ---------------------------------------------------------------
    def _emit(self, start: int, end: int, cue: Token | Span, subj: Token | None,
              attitude: bool = False) -> None:
        start, end = self._trim(start, end)
        if end <= start:
            return
        covered = [q for q in self.quotes if start <= q.end and q.start <= end]
        for q in covered:
            self.claimed.add(q)
            start, end = min(start, q.start), max(end, q.end)
            start, end = self._trim(start, end)
        kind = "attitude" if attitude else "indirect"
        if covered:
            whole = len(covered) == 1 and covered[0].start <= start and end <= covered[0].end
            kind = "direct" if whole else "mixed"
        speaker = (None if subj is None
                   else self.speakers.speaker_span(subj, limit=cue_start_of(cue)))
        cue_text = cue.text if isinstance(cue, Token) else cue.text
        cue_start = cue.idx if isinstance(cue, Token) else cue.start_char
        cue_end = cue_start + len(cue_text)
        words = PREPOSITION_CONTENT.get(cue_lemma(cue), ()) if isinstance(cue, Token) else ()
        prep = next((c for c in cue.children if c.dep_ in {"prep", "prt"} and c.lower_ in words
                     and c.i > cue.i), None) if words else None
        if prep is not None and prep.idx < start:  # the cue is "called for", "pointed to"
            cue_end = prep.idx + len(prep)
            cue_text = self.text[cue_start:cue_end]
        self._record(start, end, kind, cue_text, cue_start, cue_end, speaker, cue)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        while start < end and (self.text[start] in _TRIM + "\"“”"
                               or self.text.startswith(DOUBLED_APOSTROPHE, start)):
            start += 2 if self.text.startswith(DOUBLED_APOSTROPHE, start) else 1
        connective = CONNECTIVE.match(self.text, start, end)
        if connective:  # "Furthermore, ..." joins reports; it is not what anyone said
            start = connective.end()
        dateline = find_dateline(self.text[start:end])
        if dateline:  # "WASHINGTON (AP) — Trump has invested ..., according to": not said
            start += dateline.end
        while end > start and (self.text[end - 1] in _TRIM + "\"“”"
                               or self.text.startswith(DOUBLED_APOSTROPHE, end - 2)):
            end -= 2 if self.text.startswith(DOUBLED_APOSTROPHE, end - 2) else 1
        return start, max(end, start)

    def _frame(self, cue: Token | Span, start: int, end: int) -> tuple[str, int]:
        """The cue's sentence with the content and every quote blanked out."""
        sent = cue.sent
        s_start, s_end = sent.start_char, sent.end_char
        chars = list(self.text[s_start:s_end])
        for a, b in [(start, end), *((q.start, q.end) for q in self.quotes)]:
            for i in range(max(a, s_start), min(b, s_end)):
                chars[i - s_start] = " "
        return "".join(chars), s_start

    def _record(self, start: int, end: int, kind: str, cue_text: str | None,
                cue_start: int | None, cue_end: int | None,
                speaker: tuple[str, int, int, str | None] | None,
                cue: Token | Span | None) -> None:
        channel = setting = None
        if cue is not None:
            frame, offset = self._frame(cue, start, end)
            channel = find_channel(frame, offset)
            setting = find_setting(frame, offset)
        name, s_start, s_end, key = speaker if speaker else (None, None, None, None)
        behalf_name, behalf_key = self._on_behalf_of(key, name, start)
        self.found.append(Quote(
            content=self.text[start:end], content_start=start, content_end=end, kind=kind,
            cue=cue_text, cue_start=cue_start, cue_end=cue_end,
            speaker=name, speaker_start=s_start, speaker_end=s_end, speaker_key=key,
            on_behalf_of=behalf_name, on_behalf_key=behalf_key,
            channel=channel.label if channel else None,
            channel_start=channel.start if channel else None,
            channel_end=channel.end if channel else None,
            setting=setting.label if setting else None,
            setting_start=setting.start if setting else None,
            setting_end=setting.end if setting else None,
        ))

    def _on_behalf_of(self, key: str | None, name: str | None,
                      before: int) -> tuple[str | None, str | None]:
        """A spokesperson speaks for an organisation: the role's, else the latest one quoted."""
        if key is None and name is None:
            return None, None
        roles = self.speakers.roles_of(key)
        words = {w.lower() for r in roles for w in r.title.split()}
        words |= {w.lower() for w in (name or "").split()}
        if not words & SPOKESPERSON_WORDS:
            return None, None
        for role in roles:
            if role.organisation:
                return role.organisation, self.speakers.key_for_name(role.organisation)
        earlier = [q for q in reversed(self.found) if q.content_start < before]
        for civil in (True, False):  # an institution before troops or a country
            for quote in earlier:
                if self.speakers.is_organisation(quote.speaker_key, civil_only=civil):
                    return self.speakers.name_of(quote.speaker_key), quote.speaker_key
        return None, None

    def labelled(self) -> None:
        """Headlines and transcript lines: "Bernie Sanders: 'Of Course' she is qualified"."""
        for item in find_labelled(self.doc, self.speakers.mentions, self.label_max_tokens):
            if any(f.content_start < item.content_end and item.content_start < f.content_end
                   for f in self.found):
                continue
            self._emit(item.content_start, item.content_end, item.colon, item.speaker)

    def drop_inner_thoughts(self) -> None:
        """Inside someone's statement, a cue is that speaker's account, not a statement of
        its own, unless another speaker is reported as saying something: in "Farage said the
        President did not know what he was talking about" the President said nothing, and in
        "McConnell says he asked Trump to condemn violence" McConnell said it once."""
        def inner(quote: Quote, outer: Quote) -> bool:
            return (outer is not quote and outer.cue_start is not None
                    and quote.cue_start is not None
                    and outer.content_start <= quote.content_start
                    and quote.content_end <= outer.content_end
                    and (outer.content_start, outer.content_end)
                    != (quote.content_start, quote.content_end)
                    and outer.content_start <= quote.cue_start < outer.content_end)

        def own_statement(quote: Quote) -> bool:
            outers = [o for o in self.found if inner(quote, o)]
            if not outers:
                return True
            lemma = cue_lemma(self.doc.char_span(quote.cue_start, quote.cue_end,
                                                 alignment_mode="expand")[0])
            return lemma in REPORTING_VERBS and all(
                quote.speaker_key is None or o.speaker_key != quote.speaker_key
                for o in outers)

        self.found = [q for q in self.found if own_statement(q)]

    # -- quoted paragraphs with no cue ---------------------------------------------------
    def unattached(self) -> None:
        for q in self.quotes:
            if q in self.claimed:
                continue
            labelled = self._named_before_colon(q)
            if labelled is not None:
                self._emit(q.start, q.end, *labelled)
                continue
            continued = self._continued(q)
            speaker = continued and (continued.speaker, continued.speaker_start,
                                     continued.speaker_end, continued.speaker_key)
            words = self.text[q.start : q.end].split()
            if continued is None and (_is_title(words)
                                      or (not q.opens_paragraph and len(words) < self.min_words)):
                continue
            start, end = self._trim(q.start, q.end)
            if end <= start:
                continue
            self._record(start, end, "direct", None, None, None, speaker or None, None)
            if continued is not None and continued.channel:  # the same statement goes on
                self.found[-1] = replace(
                    self.found[-1], channel=continued.channel,
                    channel_start=continued.channel_start, channel_end=continued.channel_end)
        self.found.sort(key=lambda r: r.content_start)

    def _named_before_colon(self, q: QuoteSpan) -> tuple[Token, Token] | None:
        """'Here's Clinton in December 1992: "…"', '- Philip Bump: "…"': a quotation opened
        right after a colon, with a name before the colon and no verb in between, is that
        person's words; the colon is the cue ("followed swiftly by: …" names no one)."""
        before = self.text[: q.start].rstrip(" \t\u00a0\"“'‘")
        if not before.endswith(":"):
            return None
        colon = self.doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
        if colon is None:
            return None
        colon_tok = colon[0]
        for tok in reversed(self.doc[max(colon_tok.sent.start, colon_tok.i - 8) : colon_tok.i]):
            if tok.pos_ in {"VERB", "AUX"} or tok.is_quote:
                return None
            full_name = not tok.ent_type_ and any(c.dep_ == "compound" and c.pos_ == "PROPN"
                                                  for c in tok.children)
            if tok.pos_ == "PROPN" and (tok.ent_type_ in {"PERSON", "ORG"} or full_name
                                        or self.speakers.mention_at(tok) is not None):
                return colon_tok, tok
        return None

    def _continued(self, q: QuoteSpan) -> Quote | None:
        """The statement this quote continues: earlier in its paragraph ('"…," he said.
        "…"'), or the quote paragraph right before it. None when the speaker is unknown."""
        p_start, _ = _paragraph_bounds(self.text, q.start)
        before = self.text[p_start : q.start].rstrip(" \u00a0'\"“")
        if before and before[-1] in ".!?\"”":
            same = [f for f in self.found if p_start <= f.content_start < q.start and f.speaker]
            if same:
                return same[-1]
        if not q.opens_paragraph:
            return None
        prev_end = p_start - 1
        while prev_end > 0 and self.text[prev_end - 1].isspace():
            prev_end -= 1
        prev_start, _ = _paragraph_bounds(self.text, max(prev_end - 1, 0))
        if self.text[prev_start:prev_end].lstrip()[:1] not in {'"', "“"}:
            return None
        for quote in reversed(self.found):
            if prev_start <= quote.content_start < prev_end and quote.speaker:
                return quote
        return None


def _before_second_cue(content: Token, cue: Token, start: int, end: int) -> int:
    """"He says the response was X and says he ...": the parser hangs the second cue on the
    first one's content; that content ends where the second cue's clause begins."""
    for tok in content.children:  # on the content's own verb, as _subject reads it
        if tok.dep_ != "conj" or tok.i == cue.i or not is_cue(tok) or any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            continue
        cc = next((c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i), None)
        cut = (cc or tok).idx
        if start < cut:
            end = min(end, cut)
    return end


def _as_clause(cue: Token) -> bool:
    """A cue in an "as" clause with nothing of its own said: "As the Post reported, ..."."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as"
                                       for c in cue.children) and not any(
        c.dep_ in {"ccomp", "dobj", "xcomp"} for c in cue.children)


def _passive_participle(cue: Token) -> bool:
    """"Asked whether ..., he said": a participle clause in the passive with no agent; the
    question is put by someone unnamed, never by the sentence's subject."""
    return cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux", "agent"} for c in cue.children)


def _titled_name(subj: Token) -> Token:
    """"GOP presidential contender and former neurosurgeon Ben Carson responded": a bare
    title (no article) coordinated with a person's name is that person."""
    if subj.tag_ != "NN" or any(c.dep_ == "det" for c in subj.children):
        return subj
    return next((c for c in subj.children if c.dep_ == "conj" and c.pos_ == "PROPN"
                 and c.ent_type_ == "PERSON"), subj)


def _starts_sentence(text: str, quote_start: int) -> bool:
    """Whether a quotation opens its sentence: only its mark after a paragraph break or a
    sentence's end ('Trump called it "a disaster," and voters agreed' is a phrase)."""
    line_start = text.rfind("\n", 0, quote_start) + 1
    before = text[line_start:quote_start].rstrip("\"“'‘ \t\u00a0")
    return not before or before[-1] in ".!?:\"”"


def _is_title(words: list[str]) -> bool:
    """Quoted words in title case ("The Nightly Show", "Make America Great Again") name
    a show, a book or a slogan; with no one saying them they are not a statement."""
    lettered = [w for w in words if w[:1].isalpha()]
    capitalised = sum(w[0].isupper() for w in lettered)
    return len(lettered) >= 2 and capitalised >= 0.6 * len(lettered) and len(lettered) <= 12


def cue_start_of(cue: Token | Span) -> int:
    return cue.idx if isinstance(cue, Token) else cue.start_char


def extract_quotes(ctx: ArticleContext) -> list[Quote]:
    """Every statement in the article, in text order."""
    finder = _Finder(ctx)
    finder.from_cues()
    finder.labelled()
    finder.drop_inner_thoughts()
    finder.found.sort(key=lambda r: r.content_start)
    finder.unattached()
    return finder.found


register_extractor(Extractor(name="quotes", run=extract_quotes, assigns=(Quote,),
                             requires=("actors",)))
