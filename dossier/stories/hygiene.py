"""Which sentence units may stand in a digest, or count as a statement, on their own.

A digest sentence is read without its article around it, so it must be news that
stands alone. What the cleaner left in (a caption, a photo credit, a "Reporting by"
line, a transcript or subscription notice, the headline repeated as the first line)
and what only makes sense beside its neighbour (a sentence whose subject is "He" or
"This") are kept out here. The cleaner's own patterns are reused, so a clutter kind
is recognised the same way in both places; this module adds what only shows once a
unit is cut out of its article.
"""

from __future__ import annotations

import re

from dossier.clean import patterns
from dossier.config import Settings
from dossier.extract.text import WORD, words
from dossier.lexicon.grammar import HEADLINE_SMALL_WORDS
from dossier.lexicon.wire import PHOTO_CREDITS, alternation

# Notices an outlet prints on every page of a kind: transcripts, corrections, rights.
NOTICE = re.compile(
    r"\b(?:rush transcript|this (?:is a |text is a )?transcript|transcripts? (?:is|are|was|were)"
    r" (?:created|produced|provided|edited)|may not be in (?:its|their) final form"
    r"|(?:authoritative|official) record of [\w '’]{0,30}programming is the audio"
    r"|visit our website terms of use|permissions pages at"
    r"|(?:this|the) (?:story|article|report|post|page) (?:has been|was) (?:updated|corrected)"
    r"|an earlier version of this (?:story|article|report)|correction appended"
    r"|contributed to this (?:report|story|article)|for more (?:stories|news|coverage) (?:like"
    r" this|on)|click here|follow (?:him|her|them|us|@\w+) on|you can (?:follow|reach|contact)"
    r"|can be reached at|e-?mail (?:him|her|them|us) at|is available (?:on|at) [\w.]+\.(?:com|org)"
    r"|verify (?:that )?you(?:'|’| a)re not a robot|are you a robot|not a robot by clicking"
    r"|the views expressed|(?:abstract|full text)\s*[.:]?\s*$|^\s*(?:abstract|full text)\b)",
    re.IGNORECASE,
)
# Subscription and app promotions, as whole requests to the reader (the cleaner's
# SUBSCRIBE_LINE is for short lines: "login" in a hacking story is news).
PROMOTION = re.compile(
    r"\b(?:subscribe (?:now|today|here|(?:to|for) (?:our|the) (?:\w+ )?(?:newsletter|podcast"
    r"|channel|magazine|print|digital|edition)s?)|sign up (?:for (?:our|the)|here|now)"
    r"|(?:our|the|daily|free) newsletter|already a (?:subscriber|member)"
    r"|support (?:our|independent) journalism|download (?:the|our) app|get the app"
    r"|unlimited (?:digital )?access|subscribers? only|select an? (?:newsletter|edition))\b",
    re.IGNORECASE,
)
# Opening words that stand for something said before: the unit hangs on its neighbour.
HANGING_OPENER = re.compile(
    r"^\W*(?:(?:but|and|so|yet|still|however|also|then|now|instead|meanwhile|yes|no|well"
    r"|indeed|\w+ly(?=,))\b[\s,]*)?"
    r"(?:he|she|they|it|this|that|these|those|his|her|their|its|him|them|which)\b(?!['’]s\b)",
    re.IGNORECASE,
)
# First person outside a quotation: someone speaks, and the unit does not say who.
FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s)\b")
QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
# A gallery or caption label: "Photos: ...", "An image from a video ... shows ..." (the
# agency caption's close, "... on Sunday, Dec. 31, 2017, in Seattle.", is the cleaner's
# patterns.AGENCY_CAPTION_END).
CAPTION_LABEL = re.compile(
    r"^\W*(?:photos?|pictures?|gallery|video|watch|listen|image)\s*:"
    r"|^\W*(?:an?|the|this) (?:image|photo|picture|photograph|video still|screenshot|screen grab)"
    r"\b[^.]{0,200}\b(?:shows?|showing|shown)\b",
    re.IGNORECASE,
)
# A picture described in the present passive: "A woman is moved outside the resort.",
# "The ship is seen in waters off Yeosu." ("is seen as" is how news says "is regarded").
CAPTION_PASSIVE = re.compile(
    r"\b(?:is|are) (?:seen|shown|pictured|moved|carried|helped|escorted|comforted|hugged"
    r"|embraced|photographed|silhouetted|reflected)\b(?! as\b| to\b| that\b| by (?:many|some))"
)
# ... unless what follows says who: "He said" with the speaker known is shown with the name.
SPEECH_AFTER_OPENER = re.compile(
    r"^\W*(?:(?:but|and|so|yet|still|however|also)\b[\s,]*)?(?:he|she|they)\s+"
    r"(?:\w+ly\s+)?(?:said|says|told|added|noted|argued|insisted|warned|explained|wrote)\b",
    re.IGNORECASE,
)
# A third-person pronoun anywhere: in a short sentence that names nobody, it is the subject.
PRONOUN = re.compile(r"\b(?:he|she|it|they|him|her|them|this|these|those)\b", re.IGNORECASE)
# A caption closed by its picture credit in brackets: "The Cubs celebrate their victory
# (Getty)", "... on Sunday (AP Photo/Jae C. Hong)".
CREDIT_IN_BRACKETS_END = re.compile(
    rf"\((?:{alternation(PHOTO_CREDITS)})(?:\s*(?:/|via|for)\s*[^)]{{1,60}})?\)\W*$")
# A related-link line: the whole unit in square brackets ("[Believe it: Cubs win ...]").
BRACKETED = re.compile(r"^\s*\[[^\]]+\]\W*$")
# A question the writer asks the reader, outside any quotation: a teaser, not a report.
QUESTION_END = re.compile(r"\?\W*$")
NAME_OR_NUMBER = re.compile(r"\d|\b[A-Z][\w'’-]*")
TITLE_WORD = re.compile(r"^[A-Z0-9‘'\"“]")


def _same_words(a: str, b: str, min_words: int) -> bool:
    wa, wb = words(a), words(b)
    return bool(wa) and bool(wb) and (wa == wb or (len(wb) >= min_words
                                                   and wa[: len(wb)] == wb))


def is_headline(text: str, title: str | None, settings: Settings) -> bool:
    """The article's headline (or its start) repeated as a line, or a line in headline
    case ("Trump Calls On Obama To Resign."): most words capitalised, small ones aside
    (``Settings.digest_headline_case_share`` of them, in at most
    ``Settings.digest_headline_max_words``)."""
    if title and _same_words(text, title, settings.digest_headline_min_words):
        return True
    tokens = [t for t in WORD.findall(text) if not t.isdigit()]
    content = [t for t in tokens if t.casefold() not in HEADLINE_SMALL_WORDS]
    if len(content) < settings.digest_headline_min_words:
        return False
    capitalised = sum(1 for t in content if TITLE_WORD.match(t))
    return (capitalised / len(content) >= settings.digest_headline_case_share
            and len(tokens) <= settings.digest_headline_max_words)


def is_clutter(text: str, settings: Settings) -> bool:
    """A caption, credit, byline, notice, teaser or promotion, not a report; a unit that
    runs over several lines is clutter when any of its lines is."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1:
        return any(_is_clutter_line(line, settings) for line in lines)
    return _is_clutter_line(text, settings)


def _is_clutter_line(text: str, settings: Settings) -> bool:
    stripped = text.strip()
    return bool(
        CAPTION_LABEL.match(stripped)
        or patterns.AGENCY_CAPTION_END.search(stripped)
        or (CAPTION_PASSIVE.search(stripped)
            and len(stripped.split()) <= settings.digest_caption_max_words)
        or patterns.CREDIT_GLUE.search(stripped)
        or patterns.PHOTO_DESCRIPTION.search(stripped)
        or patterns.PHOTO_CREDIT_LINE.match(stripped)
        or patterns.CAPTION_PLACE_DATE_END.search(stripped)
        or patterns.REPORTER_LINE.match(stripped)
        or patterns.SYNDICATION_NOTE.search(stripped)
        or PROMOTION.search(stripped)
        or patterns.COPYRIGHT_LINE.search(stripped)
        or patterns.TEASER_INLINE.match(stripped)
        or patterns.BYLINE.match(stripped)
        or patterns.DATE_LINE.match(stripped)
        or NOTICE.search(stripped)
        or CREDIT_IN_BRACKETS_END.search(stripped)
        or BRACKETED.match(stripped)
        or _asks_the_reader(stripped)
    )


def _asks_the_reader(text: str) -> bool:
    """It ends on a question mark of its own, not one inside a quotation ("How has nobody
    thought to put smarts in glasses before?"); a question someone is quoted asking is
    news ("“Who are you?” he asks.")."""
    outside = QUOTED.sub(" ", text).strip()
    return bool(outside) and bool(QUESTION_END.search(outside)) and not text.rstrip(
        " .").endswith(("”", '"'))


def names_nothing(text: str, short_words: int) -> bool:
    """A short sentence with a pronoun and no name or number ("Some believe it was a
    sparrow."): what it is about was said before it, wherever the pronoun stands."""
    tokens = text.split()
    if len(tokens) > short_words or not PRONOUN.search(text):
        return False
    return not any(NAME_OR_NUMBER.match(t.strip("\"“‘'(")) for t in tokens[1:])


# A unit opening on a comma, semicolon or closing bracket is the tail of a sentence the
# splitter cut (", McEntire announced in late December.").
CUT_OPENING = re.compile(r"^\s*[,;:)\]]")


def hangs_on_pronoun(text: str, speaker: str | None, short_words: int = 0) -> bool:
    """Its meaning hangs on a pronoun it does not resolve ("He said the talks failed."
    with no known speaker; "It was the worst attack in years."; a short sentence naming
    nothing, up to ``short_words`` words). A speech opener whose speaker the quotes
    extractor resolved is shown with the name, so it stands."""
    if names_nothing(text, short_words) or CUT_OPENING.match(text):
        return True
    if speaker:
        return bool(HANGING_OPENER.match(text)) and not SPEECH_AFTER_OPENER.match(text)
    if HANGING_OPENER.match(text):
        return True
    # A bare quotation, or "I"/"we" outside quotes, with nobody named as the speaker.
    outside = QUOTED.sub(" ", text)
    return bool(FIRST_PERSON.search(outside)) or _bare_quote(text)


def _bare_quote(text: str) -> bool:
    """Nothing but a quotation: who said it is not in the unit."""
    stripped = text.strip()
    return bool(stripped[:1] in "\"“" and not QUOTED.sub("", stripped).strip(" .,;:!?—–-"))


def stands_alone(text: str, title: str | None, settings: Settings, speaker: str | None = None,
                 short_words: int = 0) -> bool:
    """May this unit enter a digest (or count as a statement) on its own?"""
    return not (is_clutter(text, settings) or is_headline(text, title, settings)
                or hangs_on_pronoun(text, speaker, short_words))
