"""Full-page rules: trim menus, link lists and footers around a flattened page's article."""

from __future__ import annotations

import re

from dossier.clean import patterns as p
from dossier.clean.lines import Line
from dossier.clean.metadata import find_dateline
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


def wrapped_units(lines: list[Line], limits: CleanSettings) -> list[list[Line]]:
    """Lines grouped into the paragraphs' sentences a hard line wrap cut apart.

    A page that breaks its paragraphs with ``<br>`` at a fixed width gives short lines
    that end no sentence, each of which alone weighs like a menu entry. Within one
    paragraph, an unlabelled line that ends no sentence continues into the next when
    that one starts in lower case, or when both are longer than a menu entry.
    """
    units: list[list[Line]] = []
    for line in lines:
        if units and continues(units[-1][-1], line, limits):
            units[-1].append(line)
        else:
            units.append([line])
    return units


def continues(above: Line, line: Line, limits: CleanSettings) -> bool:
    """Is ``line`` the rest of the sentence ``above`` broke off (same paragraph, wrapped)?"""
    if above.para != line.para or above.label or line.label or SENTENCE_LIKE.search(above.text):
        return False
    if line.text[:1].islower():
        return True
    return above.words > limits.max_words_menu_entry and line.words > limits.max_words_menu_entry


def merged(unit: list[Line]) -> Line:
    """One wrapped unit as a single line, for weighing."""
    return Line(unit[0].start, " ".join(line.text for line in unit), unit[0].para, unit[0].label)


def label_page_boilerplate(lines: list[Line], limits: CleanSettings) -> None:
    """Keep the runs of lines that are most article-like; label the rest "page-boilerplate".

    The main run is the maximum-sum contiguous stretch of line weights (Kadane) over the
    page's lines, a hard-wrapped sentence counted as one: long sentences pull it wider,
    menus, link lists and short captions push it narrower, so a subheading between two
    paragraphs stays while the footer's link list goes. Runs of prose beside it (an
    article split by tables, a gallery or an embedded box) stay too when each weighs at
    least ``limits.second_run_share`` of the main run's, and a run that opens with a wire
    dateline ("ST. JOSEPH, Mich. (AP) —") stays whatever it weighs: that is a news lead.
    """
    units = wrapped_units(lines, limits)
    kept = {i for first, last in article_runs([merged(u) for u in units], limits)
            for i in range(first, last + 1)}
    for i, unit in enumerate(units):
        if i not in kept:
            for line in unit:
                if line.label is None:
                    line.label = "page-boilerplate"


def article_runs(lines: list[Line], limits: CleanSettings) -> list[tuple[int, int]]:
    """The (first, last) index ranges of ``lines`` that hold the article."""
    first, last, best_sum = best_run(lines, 0, len(lines), limits)
    if best_sum <= 0:
        return []
    main = cut_at_article_end(lines, first, last, limits)
    keep = [main]
    # The regions beside the kept runs, searched outwards: a run kept there splits its
    # region in two, each searched again.
    regions = [(0, main[0], False), (main[1] + 1, len(lines), True)]
    while regions:
        lo, hi, after = regions.pop()
        start, end, weight = best_run(lines, lo, hi, limits)
        if weight <= 0:
            continue
        # Comments after "10 Comments" are no article.
        past_the_end = after and any(p.ARTICLE_END.match(line.text)
                                     for line in lines[main[1] + 1 : start + 1])
        if weight >= limits.second_run_share * best_sum and not past_the_end:
            start, end = cut_at_article_end(lines, start, end, limits)
            keep.append((start, end))
            regions += [(lo, start, after), (end + 1, hi, after)]
    keep += lead_runs(lines, keep, limits)
    return keep


def lead_runs(lines: list[Line], keep: list[tuple[int, int]],
              limits: CleanSettings) -> list[tuple[int, int]]:
    """Runs outside ``keep`` that open with a wire dateline: each a news report's lead.

    A dateline is the strongest sign a paragraph starts a news report, stronger than
    weight: a short wire report beside a heavy block of teaser snippets is the article.
    The lead must be prose (``limits.min_words_prose_line`` words, a sentence end); the
    run goes on while its weight stays positive, to its heaviest point, and ends at an
    end marker ("Comments", "Tags:").
    """
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if (
            line.label is None and not any(a <= i <= b for a, b in keep + found)
            and line.words >= limits.min_words_prose_line and SENTENCE_LIKE.search(line.text)
            and find_dateline(line.text) is not None
        ):
            end = heaviest_end(lines, i, keep + found, limits)
            found.append(cut_at_article_end(lines, i, end, limits))
            i = end
        i += 1
    return found


def heaviest_end(lines: list[Line], first: int, keep: list[tuple[int, int]],
                 limits: CleanSettings) -> int:
    """Where a run opening at ``first`` is heaviest, before its weight turns negative."""
    total = best = 0.0
    end = first
    for i in range(first, len(lines)):
        if any(a <= i <= b for a, b in keep):
            break
        total += line_weight(lines[i], limits)
        if total <= 0:
            break
        if total > best:
            best, end = total, i
    return end


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
