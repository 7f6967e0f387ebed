"""Where a statement was made: its channel (Twitter/X, Facebook, a TV outlet, a statement), setting.

Patterns run over the frame of a statement (its sentence with the quoted content
blanked out), so "a statement" inside a quote is never taken for the channel.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PLATFORM = (
    r"(?:Twitter|X|Facebook|Telegram|Instagram|YouTube|TikTok|Truth Social|WhatsApp|LinkedIn)"
)
OUTLET_WORDS = r"(?:television|TV|radio|newspaper|news agency|channel|broadcaster)"

# (pattern, channel or None to take the named group "name"), most specific first.
CHANNEL_PATTERNS: tuple[tuple[re.Pattern[str], str | None], ...] = (
    (re.compile(r"\bon (?:X|Twitter),? (?:the|a) social (?:network|media platform|media site)"
                r" (?:formerly|previously) (?:known as|called) Twitter\b"), "Twitter/X"),
    (re.compile(r"\bon Twitter,? which (?:is being|has been|was) "
                r"(?:rebranded|renamed) (?:as )?X\b"), "Twitter/X"),
    (re.compile(r"\b(?:post|message|video|statement|publication)s? on "
                rf"(?P<name>{PLATFORM})\b"), None),
    (re.compile(rf"\b(?:on|via) (?P<name>{PLATFORM})\b"), None),
    (re.compile(r"\b(?:in a |a )?tweet(?:ed|s)?\b"), "Twitter/X"),
    (re.compile(r"\b(?:in|during|at) an? (?:televised|television|TV|broadcast|radio) "
                r"(?:address|speech|statement|broadcast|interview|message)\b"),
     "televised address"),
    (re.compile(r"\bon (?:state |national |public )?(?:television|TV)\b"), "television"),
    (re.compile(r"\bon (?:state |national |public )?radio\b"), "radio"),
    (re.compile(rf"\b(?:told|in an interview with|speaking to|interviewed by) (?:the )?"
                rf"(?P<name>[A-Z][\w.&'-]*(?: [A-Z0-9][\w.&'-]*)*(?: {OUTLET_WORDS})?)"), None),
    (re.compile(r"\btold (?:reporters|journalists|the press|a news conference)\b"), "press"),
    (re.compile(r"\b(?:at|during|in) an? (?:press|news) (?:conference|briefing)\b"),
     "press conference"),
    (re.compile(r"\b(?:in|at) an? (?:press |news )?briefing\b"), "briefing"),
    (re.compile(r"\b(?:in|with) an? (?:written |joint |separate |brief )?"
                r"(?:statement|communiqu[eé]|declaration)\b|\b[Aa] statement\b"), "statement"),
    (re.compile(r"\bin an (?:exclusive )?interview\b"), "interview"),
)
SETTING = re.compile(
    r"\b(?:on|during) (?:a|an|his|her|their|the) (?:\w+ )?(?:visit|trip|tour|stop) (?:to|in) "
    r"(?:the )?[A-Z][\w'-]*(?: [A-Z][\w'-]*)*"
)


@dataclass(frozen=True)
class Found:
    """A matched channel or setting: its normalized label and the evidence span."""

    label: str
    start: int
    end: int


def _normalize(name: str) -> str:
    return "Twitter/X" if name in {"X", "Twitter"} else name


def find_channel(frame: str, offset: int) -> Found | None:
    """The most specific channel named in ``frame`` (text starting at char ``offset``)."""
    for pattern, label in CHANNEL_PATTERNS:
        match = pattern.search(frame)
        if match:
            name = label or _normalize(match.group("name"))
            return Found(name, offset + match.start(), offset + match.end())
    return None


def find_setting(frame: str, offset: int) -> Found | None:
    """Where the speaker was when speaking ("on a visit to New Zealand")."""
    match = SETTING.search(frame)
    if not match:
        return None
    return Found(match.group(), offset + match.start(), offset + match.end())
