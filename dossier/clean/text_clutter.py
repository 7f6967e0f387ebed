"""Our clutter remover for scraped plain text: teasers, captions, credits, footers, share lines.

trafilatura needs HTML; scraped text arrives flattened, with the page's clutter
glued into it. This module labels each line (or the caption/credit halves of a
line) with a reason, drops the labelled ones, and returns every dropped piece as
a RemovedBlock so a user can see and override what was dropped. Metadata
(byline, reporters, source outlet) is read later from those labelled blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.clean import patterns as p
from dossier.clean.boilerplate import label_page_boilerplate
from dossier.clean.lines import Line
from dossier.config import CleanSettings
from dossier.lexicon.wire import DATELINE_AGENCIES, alternation
from dossier.models import RemovedBlock

# The bounds of every rule here (line lengths, block reach, the prose guard, the full-page
# test) are ``Settings.clean`` (dossier/config.py CleanSettings), passed in as ``limits``.
SENTENCE_END_MARK = re.compile(r"[.!?:;][\"”’')\]]*$")
# A dash or an agency slug ("(AP)"): the line opens with a dateline, so it is no headline.
DATELINE_MARK = re.compile(rf"\s(?:—|–|--)\s|\({alternation(DATELINE_AGENCIES)}\)")
# Reasons stated by the line itself, never undone by the prose guard: metadata lines.
LINE_STATED_REASONS = frozenset({"header"})


@dataclass
class CleanedText:
    """The clean text and everything taken out of it, in original order."""

    text: str
    removed: list[RemovedBlock]
    warnings: list[str] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets; a blank line starts a new paragraph."""
    lines: list[Line] = []
    para = 0
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(Line(offset + len(raw) - len(raw.lstrip()), stripped, para))
        elif lines and lines[-1].para == para:
            para += 1
        offset += len(raw) + 1
    return lines


def remove_clutter(text: str, limits: CleanSettings, *, page: bool | None = None,
                   title: str | None = None) -> CleanedText:
    """Label clutter line by line, then drop it; ``page`` adds the full-web-page rules.

    ``page`` is for text flattened from a whole HTML page (menus, link lists,
    footers): it also trims short non-sentence lines around the article body.
    None (the plain-text path) decides from the text itself (``looks_like_full_page``):
    users save whole pages as .txt as often as articles. ``title`` is the headline the
    reader already knows (a JSONL field); a "title" header line states one too.
    """
    lines = split_date_stamps(split_captions_from_credits(split_lines(text), limits), limits)
    title = title or label_header(lines)
    for i, line in enumerate(lines):
        if line.label is None and not opens_wrapped_sentence(lines, i):
            line.label = line_clutter_reason(line, limits)
    if page is None:
        page = looks_like_full_page(lines, limits)
    if not page:
        label_title(lines, limits, title)
    label_teaser_blocks(lines, limits)
    label_caption_context(lines, limits)
    warnings = keep_prose_if_gutted(lines, limits)
    if page:
        label_page_boilerplate(lines, limits)
    cleaned = assemble(text, lines)
    cleaned.warnings.extend(warnings)
    return cleaned


def opens_wrapped_sentence(lines: list[Line], i: int) -> bool:
    """Does line ``i`` break off a sentence that the next line of its paragraph goes on with?

    A page wrapped with ``<br>`` splits "Photos which were released online ..." after
    "Photos"; the line rules judge whole lines, so a fragment is not theirs to judge.
    """
    line = lines[i]
    following = lines[i + 1] if i + 1 < len(lines) else None
    return (
        following is not None and following.para == line.para
        and following.text[:1].islower() and not SENTENCE_END_MARK.search(line.text)
    )


def looks_like_full_page(lines: list[Line], limits: CleanSettings) -> bool:
    """Is this a whole web page flattened to text (menus, link lists), not an article?

    Menu entries are short lines that end no sentence. Chosen on the tuning halves of
    benchmarks/realnews.py: at least 20 such lines making at least a quarter of the
    unlabelled lines marks 90 of 91 scrapinghub-aeb and 141 of 150 wcxb-dev flattened
    pages, and none of 140 giveme5w1h or 150 PolNeAR article texts.
    """
    free = [line for line in lines if line.label is None]
    menu_like = sum(
        1 for line in free
        if line.words <= limits.max_words_menu_entry and not SENTENCE_END_MARK.search(line.text)
    )
    return (menu_like >= limits.min_menu_lines_of_page
            and menu_like >= limits.min_menu_share_of_page * len(free))


def is_prose_like(line: Line, limits: CleanSettings) -> bool:
    """A line that reads like news prose: long enough, and a sentence ends in it."""
    return line.words >= limits.min_words_prose_line and bool(
        p.SENTENCE_END.search(line.text) or re.search(r"[.!?][\"”’)]*\s+[A-Z“\"]", line.text)
    )


def keep_prose_if_gutted(lines: list[Line], limits: CleanSettings) -> list[str]:
    """Undo the rules on prose-like lines when they would remove most of the prose.

    The rules are written against captions, teasers and credits; when they take most
    of an article's sentences, the article is not the shape they expect, and keeping
    clutter is the smaller harm. Returns the warning to record (or none).
    """
    prose = [line for line in lines if is_prose_like(line, limits)]
    total = sum(line.words for line in prose)
    removed = [line for line in prose if line.label and line.label not in LINE_STATED_REASONS]
    lost = sum(line.words for line in removed)
    if not total or lost <= limits.max_prose_removed_share * total:
        return []
    reasons = sorted({line.label for line in removed if line.label})
    for line in removed:
        line.label = None
    return [
        f"kept {len(removed)} prose lines ({lost} of {total} prose words) that the rules "
        f"({', '.join(reasons)}) would have removed: too much of the article to drop"
    ]


def label_header(lines: list[Line]) -> str | None:
    """Leading "date 2023-07-28" / "title ..." lines are metadata, not body text.

    Returns the title a header line states, if one does.
    """
    title = None
    for line in lines:
        match = p.HEADER_LINE.match(line.text)
        if not match:
            break
        line.label = "header"
        if match["key"] == "title":
            title = match["value"]
    return title


def label_title(lines: list[Line], limits: CleanSettings, known: str | None = None) -> None:
    """The first kept line, if short, alone and not ending like a sentence, is the headline.

    When the headline is ``known`` (a reader field, a header line), the first line is
    the title only when it repeats it: otherwise it is the lead, however short.
    """
    body = [line for line in lines if line.label is None]
    if len(body) < 2:
        return
    first = body[0]
    if known:
        if p.WORD.findall(first.text.casefold()) == p.WORD.findall(known.casefold()):
            first.label = "title"
        return
    # Alone in its paragraph, or (scraped text without blank lines) followed by prose.
    alone = body[1].para != first.para or is_prose_like(body[1], limits)
    if (
        alone
        and first.words <= limits.max_words_title
        and not re.search(r"[,;:]$", first.text)
        and (not first.text.endswith(".") or is_headline_with_stop(first, body[1], limits))
        and not p.TEASER_HEADING.match(first.text)  # teaser blocks are labelled later
    ):
        first.label = "title"


def is_headline_with_stop(first: Line, second: Line, limits: CleanSettings) -> bool:
    """ "Carson on defense, attacking critics." over a long lead: a headline with a full stop.

    Some archives end every headline with one. It is a headline only when it is short,
    one sentence, no dateline, alone above a paragraph of prose; a one-sentence lead
    paragraph is longer and opens with its dateline.
    """
    return (
        first.words <= limits.max_words_title_with_stop
        and second.para != first.para
        and is_prose_like(second, limits)
        and not re.search(r"[.!?]\s+\S", first.text)
        and not DATELINE_MARK.search(first.text)
    )


def line_clutter_reason(line: Line, limits: CleanSettings) -> str | None:
    """The reason a single line is clutter, judged on that line alone; None keeps it."""
    text, words = line.text, line.words
    if p.ADVERTISEMENT_LINE.match(text):
        return "advertisement"
    if words <= limits.max_words_share and p.SHARE_LINE.search(text):
        return "share"
    if words <= limits.max_words_subscribe and p.SUBSCRIBE_LINE.search(text) and (
        words <= limits.max_words_share or p.ADDRESSES_READER.search(text)
    ):
        return "subscribe"
    if words <= limits.max_words_share and p.INTEREST_PROMPT.match(text):
        return "subscribe"
    if words <= limits.max_words_notice and p.TEXT_NOTICE.search(text):
        return "text-notice"
    if words <= limits.max_words_cookie and p.COOKIE_LINE.search(text):
        return "cookie-notice"
    if words <= limits.max_words_copyright and p.COPYRIGHT_LINE.search(text):
        return "copyright"
    if p.SOURCE_FOOTER.search(text) and not p.SENTENCE_END.search(text):
        return "source-footer"
    if words <= limits.max_words_syndication and p.SYNDICATION_NOTE.search(text):
        return "source-footer"
    if p.REPORTER_LINE.match(text):
        return "reporter-line"
    if p.BYLINE.match(text):
        return "byline"
    if p.DATE_LINE.match(text) or p.AGENCY_DATE_STAMP.match(text):
        return "date-line"
    if p.TEASER_INLINE.match(text) and words <= limits.max_words_teaser_item:
        return "teaser"
    if p.MEDIA_MARKER.match(text):
        return "media-marker"
    if p.PHOTO_CREDIT_LINE.match(text) and words <= limits.max_words_share:
        return "photo-credit"
    if words <= limits.max_words_caption and is_photo_description(text):
        return "photo-caption"
    return None


def is_photo_description(text: str) -> bool:
    """Does this line describe a picture ("X attends a meeting ... (not seen)")?"""
    if p.PHOTO_DESCRIPTION.search(text):
        return True
    first_sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text, maxsplit=1)[0]
    return bool(
        p.CAPTION_PRESENT_TENSE_OPENING.match(first_sentence)
        and p.CAPTION_PLACE_DATE_END.search(first_sentence)
    )


def split_inline_credits(lines: list[Line], limits: CleanSettings) -> list[Line]:
    """Split "FILE - In this ... photo, X speaks. (AP Photo/Y) WASHINGTON (AP) — ..." in three.

    Scrapers glue a wire caption and its credit to the paragraph after it; only a part
    before the credit that describes a picture (and is caption-sized) is taken.
    """
    out: list[Line] = []
    for line in lines:
        match = p.PHOTO_CREDIT_INLINE.search(line.text)
        rest = line.text[match.end():].strip() if match else ""
        caption = line.text[: match.start()].rstrip() if match else ""
        if (
            not match or not rest or not caption
            or len(p.WORD.findall(caption)) > limits.max_words_caption
            or not is_photo_description(caption)
        ):
            out.append(line)
            continue
        out.append(Line(line.start, caption, line.para, "photo-caption"))
        out.append(Line(line.start + match.start(), match.group(), line.para, "photo-credit"))
        out.append(Line(line.start + line.text.index(rest, match.end()), rest, line.para))
    return out


def split_captions_from_credits(lines: list[Line], limits: CleanSettings) -> list[Line]:
    """Split "caption text. AFP – Getty Images" into a caption line and a credit line."""
    out: list[Line] = []
    for line in split_inline_credits(lines, limits):
        match = p.PHOTO_CREDIT_AT_END.search(line.text)
        before = line.text[: match.start("credit")] if match else ""
        if not match or p.NEWS_ATTRIBUTION_BEFORE_CREDIT.search(before):
            out.append(line)
            continue
        caption = before.rstrip()
        credit_start = line.start + match.start("credit")
        if caption:
            if len(p.WORD.findall(caption)) > limits.max_words_caption:
                out.append(line)  # a long paragraph that merely ends in a name: prose
                continue
            # "... the price, Bloomberg" is no credit: a bare outlet name credits a picture
            # only after a finished sentence ("Smoke rises over the port. Reuters").
            ends_sentence = re.search(r"[.!?\"”’)\]]$", caption)
            if not ends_sentence and not p.PHOTO_CREDIT_WORD.search(match.group("credit")):
                out.append(line)
                continue
            out.append(Line(line.start, caption, line.para, "photo-caption"))
        out.append(Line(credit_start, match.group("credit").strip(), line.para, "photo-credit"))
    return out


def split_date_stamps(lines: list[Line], limits: CleanSettings) -> list[Line]:
    """Split "Headline Updated: 2016-07-15 13:14" into the line and a date-line."""
    out: list[Line] = []
    for line in lines:
        short = line.words <= limits.max_words_title
        match = p.DATE_STAMP_AT_END.search(line.text) if short else None
        if not match or p.BYLINE.match(line.text):
            out.append(line)
            continue
        out.append(Line(line.start, line.text[: match.start()].rstrip(), line.para))
        out.append(Line(line.start + match.start("stamp"), match["stamp"], line.para, "date-line"))
    return out


def label_caption_context(lines: list[Line], limits: CleanSettings) -> None:
    """The caption a credit line belongs to: a line or two just above it, bounded.

    Within its paragraph a credit takes at most ``limits.max_caption_lines`` lines above
    it, each at most ``limits.max_words_caption_above`` words, and only when the
    paragraph is caption-sized or the line describes a picture. A credit alone in
    its paragraph takes the (short) paragraph above only when every line of it
    describes a photo. Prose above a credit always stays; media markers ("Photo",
    "Video") take nothing.
    """
    para_lines: dict[int, int] = {}
    for line in lines:
        para_lines[line.para] = para_lines.get(line.para, 0) + 1
    for i, line in enumerate(lines):
        if line.label != "photo-credit":
            continue
        small_paragraph = para_lines[line.para] <= limits.max_lines_caption_paragraph
        j = i - 1
        while (
            j >= 0 and i - j <= limits.max_caption_lines and lines[j].para == line.para
            and lines[j].label in (None, "photo-caption")
            and is_caption_above_credit(lines[j], small_paragraph, limits)
        ):
            lines[j].label = "photo-caption"
            j -= 1
        if j >= 0 and j == i - 1 and lines[j].para != line.para:
            above = [x for x in lines if x.para == lines[j].para]
            if len(above) <= limits.max_caption_lines and all(
                x.label is None and x.words <= limits.max_words_caption
                and is_photo_description(x.text)
                for x in above
            ):
                for x in above:
                    x.label = "photo-caption"


def is_caption_above_credit(line: Line, small_paragraph: bool, limits: CleanSettings) -> bool:
    """Short, in a caption-sized paragraph; or a line that describes a picture."""
    if small_paragraph and line.words <= limits.max_words_caption_above:
        return True
    return line.words <= limits.max_words_caption and is_photo_description(line.text)


def label_teaser_blocks(lines: list[Line], limits: CleanSettings) -> None:
    """A teaser heading takes the items after it, to the end of the teaser block.

    The block ends at the first full news sentence (long, ending in a full stop,
    not cut with "…"), because teaser items are headlines and cut snippets, and
    after ``limits.max_teaser_block_lines`` items at most.
    """
    i = 0
    while i < len(lines):
        if lines[i].label is None and p.TEASER_HEADING.match(lines[i].text):
            lines[i].label = "teaser"
            i += 1
            end = i + limits.max_teaser_block_lines
            while i < min(end, len(lines)) and is_teaser_item(lines[i], limits):
                if lines[i].label is None:
                    lines[i].label = "teaser"
                i += 1
            continue
        i += 1


def is_teaser_item(line: Line, limits: CleanSettings) -> bool:
    """Headline-like or cut-short: what follows a "You May Also Like" heading."""
    if line.label not in (None, "teaser"):
        return True  # other clutter (credits, share lines) inside the block
    if p.TRUNCATED_SNIPPET_END.search(line.text):
        return line.words <= limits.max_words_truncated_snippet
    if line.words >= limits.min_words_news_sentence and p.SENTENCE_END.search(line.text):
        return False
    return line.words <= limits.max_words_teaser_item


def assemble(original: str, lines: list[Line]) -> CleanedText:
    """Join kept lines (paragraphs by a blank line) and merge removed runs into blocks."""
    kept: list[str] = []
    removed: list[RemovedBlock] = []
    last_para: int | None = None
    run: list[Line] = []

    def flush() -> None:
        if run:
            end = run[-1].start + len(run[-1].text)
            removed.append(RemovedBlock(original[run[0].start : end], run[0].label, run[0].start))
            run.clear()

    for line in lines:
        if line.label is None:
            flush()
            if last_para is not None:
                kept.append("\n\n" if line.para != last_para else "\n")
            kept.append(line.text)
            last_para = line.para
            continue
        if run and (run[-1].label != line.label or run[-1].para != line.para):
            flush()
        run.append(line)
    flush()
    return CleanedText("".join(kept), removed)
