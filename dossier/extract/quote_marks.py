"""Direct-quote spans from quotation marks, straight or curly, including multi-paragraph quotes.

News style continues a long quote into the next paragraph by leaving the first
paragraph's quote open and opening the next one with a mark; a quote left open at
the end of the text (a cut-off digest) runs to the end of its paragraph. Archives and
wire feeds typed on ASCII keyboards write a quotation mark as two apostrophes (''…''):
that pair counts as one straight mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPENING = frozenset("“«„")
CLOSING = frozenset("”»")
STRAIGHT = '"'
DOUBLED_APOSTROPHE = "''"
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """Text between quotation marks: ``[start, end)`` excludes the marks themselves."""

    start: int
    end: int
    closed: bool  # False when the text ended (or the paragraph did) before a closing mark
    opens_paragraph: bool  # the paragraph starts with this quote


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def _opens_with_mark(text: str) -> bool:
    stripped = text.lstrip()
    return stripped[:1] in OPENING | {STRAIGHT} or stripped.startswith(DOUBLED_APOSTROPHE)


def _marks(text: str, start: int, end: int) -> list[tuple[int, bool, int]]:
    """(offset, is_opening, length) for each quotation mark in a paragraph, straight ones
    alternating."""
    marks: list[tuple[int, bool, int]] = []
    open_now = False
    i = start
    while i < end:
        ch = text[i]
        width = 1
        if ch in OPENING:
            marks.append((i, True, 1))
            open_now = True
        elif ch in CLOSING:
            marks.append((i, False, 1))
            open_now = False
        elif ch == STRAIGHT or text.startswith(DOUBLED_APOSTROPHE, i):
            width = 1 if ch == STRAIGHT else 2
            marks.append((i, not open_now, width))
            open_now = not open_now
        i += width
    return marks


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every direct quote in ``text``, in order; multi-paragraph quotes come back as one span."""
    quotes: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    carry: int | None = None  # start of a quote continuing from the previous paragraph
    carry_opens = False
    for index, (p_start, p_end) in enumerate(paragraphs):
        lead = p_start + len(text[p_start:p_end]) - len(text[p_start:p_end].lstrip())
        open_at: int | None = None
        opens_paragraph = False
        for offset, is_opening, width in _marks(text, p_start, p_end):
            if is_opening and open_at is None:
                if carry is not None and offset == lead:
                    open_at, opens_paragraph, carry = carry, carry_opens, None
                else:
                    open_at, opens_paragraph = offset + width, offset == lead
            elif not is_opening and open_at is not None:
                quotes.append(QuoteSpan(open_at, offset, True, opens_paragraph))
                open_at = None
        if carry is not None:  # the next paragraph did not reopen: the quote ended unclosed
            quotes.append(QuoteSpan(carry, _trim_end(text, paragraphs[index - 1][1]), False,
                                    carry_opens))
            carry = None
        if open_at is not None:
            nxt = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            reopens = nxt is not None and _opens_with_mark(text[nxt[0]:nxt[1]])
            if reopens:
                carry, carry_opens = open_at, opens_paragraph
            else:
                quotes.append(QuoteSpan(open_at, _trim_end(text, p_end), False, opens_paragraph))
    return quotes


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
