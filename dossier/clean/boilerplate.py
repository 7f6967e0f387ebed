"""Full-page rules: trim menus, link lists and footers around a flattened page's article."""

from __future__ import annotations

import re

from dossier.clean import patterns as p
from dossier.clean.lines import Line
from dossier.config import CleanSettings

# The weights and shares here are ``Settings.clean`` (CleanSettings), passed in as ``limits``;
# measured on scrapinghub-aeb with benchmarks/clean.py and the tuning halves of realnews.py.
SENTENCE_LIKE = re.compile(r"[.!?…:;。！？][\"”’')\]」』]*$")
# Scripts written without spaces: ``\w+`` sees a whole sentence as one "word".
UNSPACED_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def line_size(line: Line, limits: CleanSettings) -> float:
    """Length of a line in word units, fair to Chinese, Japanese, Korean and Thai."""
    unspaced = len(UNSPACED_CHAR.findall(line.text))
    return line.words + unspaced / limits.chars_per_unspaced_word


def line_weight(line: Line, limits: CleanSettings) -> float:
    """How much a line argues that it belongs to the article body (negative: against)."""
    if line.label is not None:
        return limits.clutter_weight
    size = line_size(line, limits)
    if SENTENCE_LIKE.search(line.text):
        return size - limits.prose_threshold
    return size - limits.non_sentence_threshold


def label_page_boilerplate(lines: list[Line], limits: CleanSettings) -> None:
    """Keep the runs of lines that are most article-like; label the rest "page-boilerplate".

    The main run is the maximum-sum contiguous stretch of line weights (Kadane): long
    sentences pull it wider, menus, link lists and short captions push it narrower,
    so a subheading between two paragraphs stays while the footer's link list goes.
    A second stretch of prose on either side (an article split by a gallery or an
    embedded box) stays too when its weight is at least ``limits.second_run_share`` of the
    main run's.
    """
    first, last, best_sum = best_run(lines, 0, len(lines), limits)
    if best_sum <= 0:
        keep: list[tuple[int, int]] = []
    else:
        first, last = cut_at_article_end(lines, first, last, limits)
        keep = [(first, last)]
        for lo, hi in ((0, first), (last + 1, len(lines))):
            start, end, weight = best_run(lines, lo, hi, limits)
            past_the_end = lo > first and any(  # comments after "10 Comments" are no article
                p.ARTICLE_END.match(line.text) for line in lines[last + 1 : start + 1]
            )
            if weight >= limits.second_run_share * best_sum and not past_the_end:
                keep.append(cut_at_article_end(lines, start, end, limits))
    for i, line in enumerate(lines):
        if line.label is None and not any(a <= i <= b for a, b in keep):
            line.label = "page-boilerplate"


def best_run(lines: list[Line], lo: int, hi: int, limits: CleanSettings) -> tuple[int, int, float]:
    """The maximum-weight stretch of ``lines[lo:hi]``: (first, last, weight); weight 0 if none."""
    best_sum = current = 0.0
    best = (lo, lo - 1)
    start = lo
    for i in range(lo, hi):
        if current <= 0:
            current, start = 0.0, i
        current += line_weight(lines[i], limits)
        if current > best_sum:
            best_sum, best = current, (start, i)
    return best[0], best[1], best_sum


def cut_at_article_end(lines: list[Line], first: int, last: int,
                       limits: CleanSettings) -> tuple[int, int]:
    """End the kept run at the first "comments"/"tags"/"more from" line after the article.

    Comment threads are prose too, so the weights alone would keep them.
    """
    words = 0.0
    for i in range(first, last + 1):
        line = lines[i]
        if words >= limits.min_words_before_end and p.ARTICLE_END.match(line.text):
            return first, i - 1
        if line.label is None:
            words += line_size(line, limits)
    return first, last
