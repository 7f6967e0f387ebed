"""Full-page rules: trim menus, link lists and footers around a flattened page's article."""

from __future__ import annotations

import re

from dossier.clean import patterns as p
from dossier.clean.lines import Line

# Tunables, measured on scrapinghub-aeb with benchmarks/clean.py.
PROSE_THRESHOLD = 6  # words a sentence-like line needs before it argues for being article
NON_SENTENCE_THRESHOLD = 12  # ... and a line that does not end like a sentence
CLUTTER_WEIGHT = -8  # an already-labelled clutter line inside a region
# Article words needed before an end marker ("10 Comments", "Tags:") may close the article:
# a marker at the very top is a menu entry, not the end.
MIN_WORDS_BEFORE_END = 40
SENTENCE_LIKE = re.compile(r"[.!?…:;。！？][\"”’')\]」』]*$")
# Scripts written without spaces: ``\w+`` sees a whole sentence as one "word".
UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
CHARS_PER_UNSPACED_WORD = 2


def line_size(line: Line) -> float:
    """Length of a line in word units, fair to Chinese, Japanese, Korean and Thai."""
    unspaced = len(UNSPACED_CHAR.findall(line.text))
    return line.words + unspaced / CHARS_PER_UNSPACED_WORD


def line_weight(line: Line) -> float:
    """How much a line argues that it belongs to the article body (negative: against)."""
    if line.label is not None:
        return CLUTTER_WEIGHT
    size = line_size(line)
    if SENTENCE_LIKE.search(line.text):
        return size - PROSE_THRESHOLD
    return size - NON_SENTENCE_THRESHOLD


def label_page_boilerplate(lines: list[Line]) -> None:
    """Keep the one run of lines that is most article-like; label the rest "page-boilerplate".

    The run is the maximum-sum contiguous stretch of line weights (Kadane): long
    sentences pull it wider, menus, link lists and short captions push it narrower,
    so a subheading between two paragraphs stays while the footer's link list goes.
    """
    best_sum = current = 0.0
    best = (0, -1)
    start = 0
    for i, line in enumerate(lines):
        if current <= 0:
            current, start = 0.0, i
        current += line_weight(line)
        if current > best_sum:
            best_sum, best = current, (start, i)
    first, last = cut_at_article_end(lines, *best)
    for i, line in enumerate(lines):
        if (i < first or i > last) and line.label is None:
            line.label = "page-boilerplate"

def cut_at_article_end(lines: list[Line], first: int, last: int) -> tuple[int, int]:
    """End the kept run at the first "comments"/"tags"/"more from" line after the article.

    Comment threads are prose too, so the weights alone would keep them.
    """
    words = 0.0
    for i in range(first, last + 1):
        line = lines[i]
        if words >= MIN_WORDS_BEFORE_END and p.ARTICLE_END.match(line.text):
            return first, i - 1
        if line.label is None:
            words += line_size(line)
    return first, last
