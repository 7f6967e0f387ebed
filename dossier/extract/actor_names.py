"""Clean what the NER calls a person's name, and the key two names are matched on.

On real news the small model glues words onto names: agencies from photo captions
("Reuters Kim Jong-un", "Getty Images Bill Murray"), headline verbs and adjectives
("Hammering Hillary Clinton", "Donald Trump Rampages", "Overjoyed Cubs"), brackets
("Donald] Trump"), the same name twice ("Justin Timberlake Justin Timberlake"),
honorifics ("Mr. Trump"). And credit lines and bylines ("Editing by Peter Graff",
"Wang Jianmin/Xinhua/Alamy") are not actors at all. The rules below are shapes, not
strings: an edge word is dropped when the parse calls it a verb or an adjective, or
when the rest is a name the article writes on its own and the word is never part of
a name elsewhere in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rapidfuzz.distance import Indel

from dossier.extract.countries import demonym_country
from dossier.extract.parsed import ents_of, text_of
from dossier.lexicon.actors import is_title_word
from dossier.lexicon.names import (
    AGENCIES,
    CREDIT_CUES,
    CREDIT_RIGHT_AFTER,
    CREDIT_TAILS,
    HONORIFICS,
    NAME_LABELS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    SURNAME_HONORIFICS,
)

if TYPE_CHECKING:  # the store imports name_words for read commands: no spaCy there
    from nicknames import NickNamer
    from spacy.tokens import Doc, Span, Token

_CREDIT_BEFORE = re.compile(
    r"(?i:(?<!\w)(?:" + "|".join(CREDIT_CUES) + r"))\s*"
    r"(?:[A-Z][\w.'’-]*\s*(?:,|(?i:and)|&|/)?\s*)*$"
)
_BYLINE = re.compile(r"^\s*(?i:by)\s+$")
_CREDIT_RIGHT = re.compile("|".join(CREDIT_RIGHT_AFTER))
_FOLLOW_BEFORE = re.compile(r"^\s*(?i:follow)\s+$")
_ON_PLATFORM = re.compile(r"\s+(?i:on)\s+(?:Twitter|Facebook|Instagram|X|Threads|LinkedIn)\b")
_CREDIT_AFTER = re.compile(r"[^.!?\n]{0,160}?\b(?i:" + "|".join(CREDIT_TAILS) + ")")
_SLASH_AFTER = re.compile(r"\s?/\s?[A-Z]")
_POSSESSIVES = frozenset({"'s", "’s", "‘s", "'", "’", "s"})
_BRACKETS = frozenset({"[", "]", "(", ")", "{", "}", "<", ">"})
_STOPPERS = frozenset({":", ";", "‘", "’", "“", "”", '"', "|", "—", "–", "/", "…", "?", "!"})
# Tags of words that describe or act rather than name ("Hammering", "Overjoyed", "Certainly").
_GLUE_TAGS = frozenset({"VBD", "VBG", "VBN", "VBZ", "VBP", "JJ", "JJR", "JJS", "RB", "RBR",
                        "RBS", "MD", "IN", "DT", "PRP", "PRP$", "WDT", "WP", "CC", "TO"})
_NAME_CHAR = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class CleanName:
    """A person mention after cleaning: its evidence span and the name it gives."""

    span: Span  # the kept tokens' extent (evidence), inside the NER entity
    name: str  # the display name ("Donald Trump" from "Donald] Trump")
    surname_only: bool = False  # written after an honorific: "Mr. Kim" names a surname


class NameContext:
    """What one article says about names: every PERSON entity's words, and the language's
    common words (``dictionary``, lowercase) that tell a glued title from a given name."""

    def __init__(self, doc: Doc, dictionary: frozenset[str] = frozenset()) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.dictionary = dictionary
        self.person_texts: list[tuple[int, str]] = [
            (e.start, " ".join(t.lower_ for t in e)) for e in ents_of(doc) if e.label_ == "PERSON"
        ]

    def name_elsewhere(self, words: list[Token], start: int, own: str = "") -> bool:
        """Is this run of words written as (part of) another PERSON entity of the article,
        other than inside this very name again (``own``)?"""
        wanted = f" {' '.join(t.lower_ for t in words)} "
        return any(s != start and wanted in f" {text} " and not (own and f" {own} " in f" {text} ")
                   for s, text in self.person_texts)

    def word_in_other_name(self, tok: Token, start: int, own: str) -> bool:
        """Is this word part of another PERSON entity that is not this very name again?"""
        return any(s != start and text != own and tok.lower_ in text.split()
                   for s, text in self.person_texts)


def is_credit(ctx: NameContext, span: Span) -> bool:
    """A photo credit, an editor's line or a byline ("Editing by X", "X/Reuters", "By X")."""
    text = ctx.text
    line_start = max(text.rfind("\n", 0, span.start_char), text.rfind("(", 0, span.start_char),
                     text.rfind("|", 0, span.start_char)) + 1
    before = text[line_start:span.start_char]
    if _CREDIT_BEFORE.search(before) or _BYLINE.match(before):
        return True
    if _CREDIT_AFTER.match(text, span.end_char):
        return True
    if _CREDIT_RIGHT.match(text, span.end_char):
        return True
    if _FOLLOW_BEFORE.match(before) and _ON_PLATFORM.match(text, span.end_char):
        return True  # "Follow John Nolte on Twitter @NolteNC."
    return "/" in span.text or bool(_SLASH_AFTER.match(text, span.end_char))


def _strip_edges(tokens: list[Token]) -> tuple[list[Token], bool]:
    """Drop punctuation, possessives, agencies and honorifics at the edges."""
    surname_only = False
    changed = True
    while tokens and changed:
        changed = False
        first, last = tokens[0], tokens[-1]
        if first.is_punct or first.lower_ in _POSSESSIVES or first.lower_ in AGENCIES:
            tokens, changed = tokens[1:], True
        elif len(tokens) > 1 and f"{first.lower_} {tokens[1].lower_}" in AGENCIES:
            tokens, changed = tokens[2:], True
        elif first.lower_ in HONORIFICS:
            surname_only = surname_only or first.lower_ in SURNAME_HONORIFICS
            tokens, changed = tokens[1:], True
        elif (last.is_punct and last.text != ".") or last.lower_ in _POSSESSIVES or (
            last.lower_ in AGENCIES and len(tokens) > 1
        ) or (len(tokens) > 1 and last.is_lower and last.tag_ in _GLUE_TAGS):
            tokens, changed = tokens[:-1], True
    return tokens, surname_only


def _undouble(tokens: list[Token]) -> list[Token]:
    """"Justin Timberlake Justin Timberlake" → its first half."""
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half and [t.lower_ for t in tokens[:half]] == [
        t.lower_ for t in tokens[half:]
    ]:
        return tokens[:half]
    return tokens


def _glued(ctx: NameContext, tokens: list[Token], edge: int, start: int,
           ent: Span | None) -> bool:
    """Is the edge word (0 = first, -1 = last) glued onto the name rather than part of it?
    A given name the caller added from outside the entity ("General Abdou | Sidikou Issa")
    is judged by its tag only."""
    tok = tokens[edge]
    inside = ent is None or ent.start <= tok.i < ent.end
    rest = tokens[1:] if edge == 0 else tokens[:-1]
    if tok.lower_ in NAME_SUFFIXES:
        return False
    if tok.tag_ in _GLUE_TAGS and tok.text[:1].isupper() and len(tok.text) > 2:
        return True
    own = " ".join(t.lower_ for t in tokens)
    return (
        inside and len(rest) >= 2
        and ctx.name_elsewhere(rest, start, own)
        and not ctx.word_in_other_name(tok, start, own)
    )


def is_given_name(word: str) -> bool:
    """A given name or its short form the `nicknames` table knows ("Joe", "Hillary", "Mary")."""
    low = word.lower()
    table = _nicknames()
    return bool(table.nicknames_of(low) or table.canonicals_of(low))


def _is_label(tok: Token) -> bool:
    """A word written before a name to say what the person is, not who: a title or rank
    ("Sheriff", "Editor"), a party or side ("Republican", "Rival"), a demonym ("American"),
    a short acronym ("RNC", "VP", "MVP")."""
    text = tok.text.rstrip(".")
    return (is_title_word(text) or is_title_word(tok.lemma_) or tok.lower_ in NAME_LABELS
            or bool(demonym_country(tok.text))
            or (text.isupper() and text.isalpha() and 2 <= len(text) <= 4
                and not is_given_name(text)))


def _is_common_word(ctx: NameContext, tok: Token) -> bool:
    """A capitalised word that is the language's rather than a name's: in the dictionary
    (its text or lemma) and no given name ("Senate", "Intelligence", "Ranking")."""
    low = tok.lower_
    return ((low in ctx.dictionary or tok.lemma_.lower() in ctx.dictionary)
            and not is_given_name(low) and low not in NAME_PARTICLES)


def name_starts(tok: Token) -> bool:
    """Can a person's name start with this word: capitalised letters, no label?"""
    return tok.text[:1].isupper() and tok.text.replace("-", "").isalpha() and not _is_label(tok)


def _leading_glue(ctx: NameContext, tokens: list[Token]) -> int:
    """How many leading words are a title, a party or a headline label glued on a full
    name by the NER: "Sheriff Joe Arpaio", "Senate Intelligence Ranking Democrat Dianne
    Feinstein", "Series MVP Ben Zobrist", "Rival Hillary Clinton". A run of labels and
    common words with at least one label in it, then a word a name starts with, and a
    given name and a surname left. Common words alone are no glue: "Ruth Bader Ginsburg",
    "Moon Jae-in", "JuJu Smith-Schuster" keep their first word."""
    k, labelled = 0, False
    while k < len(tokens) - 2 and (_is_label(tokens[k]) or _is_common_word(ctx, tokens[k])):
        labelled = labelled or _is_label(tokens[k])
        k += 1
    return k if k and labelled and name_starts(tokens[k]) else 0


def starts_with_particle(tok: Token) -> bool:
    """"al-Qaida", "al-Assad": a lowercase particle hyphened to a capitalised name (the
    tokenizer splits "al", "-", "Qaida")."""
    doc = tok.doc
    return (tok.lower_ in NAME_PARTICLES and tok.i + 2 < len(doc) and not tok.whitespace_
            and doc[tok.i + 1].text == "-" and not doc[tok.i + 1].whitespace_
            and doc[tok.i + 2].text[:1].isupper())


def clean_person(ctx: NameContext, span: Span, ent: Span | None = None) -> CleanName | None:
    """The name a PERSON span gives once cleaned, or None when it is no actor's name.
    ``ent`` is the NER entity ``span`` was made from, when the caller widened it."""
    if is_credit(ctx, span):
        return None
    tokens: list[Token] = []
    for tok in span:
        if tok.text in _STOPPERS or tok.lower_ in {"'s", "’s", "‘s"} or (
            tok.i > span.start and "\n" in span.doc[tok.i - 1].whitespace_
        ) or (tok.text in {"-", "&"} and tok.whitespace_):
            break  # a name ends at a possessive, a quote mark, a colon or a line break
        if tok.text not in _BRACKETS:
            tokens.append(tok)
    stripped = len(tokens)
    tokens, surname_only = _strip_edges(tokens)
    stripped -= len(tokens)
    tokens = _undouble(tokens)
    if ctx.dictionary and (glue := _leading_glue(ctx, tokens)):
        tokens = tokens[glue:]
    while len(tokens) >= 2 and _glued(ctx, tokens, 0, span.start, ent):
        tokens, more = _strip_edges(tokens[1:])
        surname_only = surname_only or more
    while len(tokens) >= 2 and _glued(ctx, tokens, -1, span.start, ent):
        tokens, more = _strip_edges(tokens[:-1])
    if not tokens or not any(_NAME_CHAR.search(t.text) for t in tokens):
        return None
    if (len(tokens) == 3 and tokens[1].text == "-" and tokens[2].is_lower
            and len(tokens[2].text) > 2 and tokens[2].lower_ in ctx.dictionary):
        return None  # "Hillary-style healthcare", "Obama-levels of support": no mention
    if (tokens[0].text[:1].islower() and not starts_with_particle(tokens[0])) or (
            tokens[0].lower_ in {"st", "st."}):
        return None  # "pro-Clinton", "de facto"; "St Paul" is a church or a street
    if stripped and len(tokens) == 1 and not ctx.name_elsewhere(tokens, span.start):
        return None  # "EPA Despot": a caption's leftover word, named nowhere else
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start else ""
    if before == "." and span.start > 1:
        before = doc[span.start - 2].lower_ + "."
    surname_only = surname_only or before in SURNAME_HONORIFICS
    name = "".join(
        t.text + (" " if n + 1 < len(tokens) and (t.whitespace_ or tokens[n + 1].i != t.i + 1)
                  else "")
        for n, t in enumerate(tokens)
    )
    name = name.lstrip("-–—•*·~")  # "-Craig Fehrman": a list dash the tokenizer kept
    return CleanName(span.doc[tokens[0].i : tokens[-1].i + 1], name, surname_only)


_HYPHEN = re.compile(r"\s*-\s*")
_INITIAL = re.compile(r"^[a-z]$")
_POSSESSIVE_END = re.compile(r"'s?$")


def name_words(name: str) -> list[str]:
    """Match words of a person's name: lowercase, hyphens as spaces, no dots, honorifics or
    middle initials ("Donald J. Trump" → donald trump, "Kim Jong-un" → kim jong un). A
    suffix stays, last ("Donald Trump Jr." → donald trump jr): it names another person."""
    text = _HYPHEN.sub(" ", name.lower().replace("’", "'").replace("‘", "'"))
    words = [_POSSESSIVE_END.sub("", w).strip(".,'\"") for w in text.split()]
    words = [w for w in words if _NAME_CHAR.search(w)]
    while len(words) > 1 and (words[0] in HONORIFICS or f"{words[0]}." in HONORIFICS):
        words = words[1:]
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if not _INITIAL.match(w)], words[-1]]
    return words


def _is_suffix(word: str) -> bool:
    return word in NAME_SUFFIXES or f"{word}." in NAME_SUFFIXES


def surname_of(words: list[str]) -> str:
    """The family name a key is filed under: the last word that is no suffix."""
    core = [w for w in words if not _is_suffix(w)] or words
    return core[-1] if core else ""


def suffix_of(words: list[str]) -> str | None:
    return words[-1] if len(words) > 1 and _is_suffix(words[-1]) else None


def given_names(words: list[str]) -> list[str]:
    core = [w for w in words if not _is_suffix(w)]
    return core[:-1]


def first_names_compatible(a: list[str], b: list[str]) -> bool:
    """"Joe Biden" ~ "Joseph R. Biden"? By initial, nickname or a spelling slip: "Joe" ~ "J.",
    "Joe" ~ "Joseph" and "Hilary" ~ "Hillary" yes, "Joe" ~ "Hunter" no; a name without a
    given name ("Trump") is compatible with any."""
    ga, gb = given_names(a), given_names(b)
    if not ga or not gb:
        return True
    fa, fb = ga[0], gb[0]
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return is_spelling_slip(fa, fb) or is_nickname(fa, fb)


@cache
def _nicknames() -> NickNamer:
    """The table, loaded on the first pair of different given names (not at import: read
    commands import this module and never match names)."""
    from nicknames import NickNamer

    return NickNamer()


def is_nickname(a: str, b: str) -> bool:
    """"Joe" for "Joseph", "Bernie" for "Bernard", "Bill" for "William": one name a short
    form of the other in the `nicknames` package's hand-curated English table."""
    table = _nicknames()
    return b in table.nicknames_of(a) or a in table.nicknames_of(b)


def is_spelling_slip(a: str, b: str) -> bool:
    """"Hilary" for "Hillary", "Denis" for "Dennis": one letter doubled or dropped in a
    given name of five letters or more. A changed letter is no slip ("Maria" is not
    "Mario"), nor is a short name's ("Jon", "Joan")."""
    return min(len(a), len(b)) >= 5 and Indel.distance(a, b) <= 1


def same_person_name(a: list[str], b: list[str]) -> bool:
    """Could two full-name keys name one person? Same surname and suffix, first names
    compatible ("Hillary Clinton" ~ "Hillary Rodham Clinton"; not "Bill Clinton")."""
    return (
        bool(a) and bool(b) and surname_of(a) == surname_of(b)
        and suffix_of(a) == suffix_of(b) and first_names_compatible(a, b)
    )
