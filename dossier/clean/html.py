"""HTML path: trafilatura for the article body and its metadata, our flattening as the fallback."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import htmldate
import lxml.html
import trafilatura
from lxml import etree

from dossier.clean.flatten import flatten_html
from dossier.clean.metadata import clean_byline, page_title
from dossier.clean.text_clutter import remove_clutter, split_lines
from dossier.config import CleanSettings
from dossier.lexicon.wire import NAME_PARTICLES, alternation
from dossier.models import RemovedBlock

# Dates only from the page's own markup (meta tags, JSON-LD, <time>): trafilatura's
# extensive search also guesses from copyright years ("© 2021" → 2021-01-01), and a
# guessed date is worse than none.
DATE_EXTRACTION_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura's precision/recall modes, the fallback to its default mode and the byline
# bounds are ``Settings.clean`` (CleanSettings: favor_precision, min_precise_share, ...).
# Where a page marks its byline, when its metadata names no author.
BYLINE_ELEMENTS = (
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'author-name')"
    " or contains(@class, 'byline') or contains(@class, 'author')]"
    "[not(self::script) and not(self::style) and not(self::meta) and not(self::link)]"
)
BYLINE_LABEL = r"(?:By|Written by|Posted by|Author|Article by|Words by)"
BY_LINE = re.compile(
    rf"^{BYLINE_LABEL}:?\s*"
    rf"(?P<names>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|{alternation(NAME_PARTICLES)}|and|&))"
    r"{0,6}),?(?:\s*(?:[|•·⋅∙–—-]|on\b|Updated\b|Published\b).*)?$"
)
# A byline label on a line of its own, the name on the next: "Written by" / "Jack Shepherd".
BYLINE_LABEL_LINE = re.compile(rf"^{BYLINE_LABEL}:?$")
# A role on the line under a name, in an author box: "Nawaz Dhandala" / "Author".
AUTHOR_ROLE_LINE = re.compile(r"^(?:Author|Writer|Staff Writer|Contributor)$")
# The page's author box: "Written by Jane Doe" names the writer wherever it stands (comment
# threads say "Posted by", teaser cards "By"; those two count near the top only).
AUTHOR_BOX_LINE = re.compile(r"^(?:Written by|Article by|Words by)\b")


@dataclass
class HtmlExtraction:
    """What the HTML path found: body text, page metadata, and what it left out."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    date_source: str = "html-meta"  # or "html-text": written in the page, found by htmldate
    sitename: str | None = None
    url: str | None = None
    language: str | None = None
    extractor: str = "trafilatura"  # or "flatten+clutter" when trafilatura found nothing
    removed: list[RemovedBlock] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None, limits: CleanSettings) -> HtmlExtraction:
    """Article body and metadata of one page; falls back to our plain-text cleaner.

    Truncated or odd HTML that trafilatura cannot read still goes through the
    flattened-page path, so an article is refused only when no text is left. The
    metadata is read either way.
    """
    page_text = flatten_html(html)
    doc = run_trafilatura(html, url, limits.favor_precision, limits.favor_recall)
    precise_words = len((getattr(doc, "text", None) or "").split())
    # Cheap necessary condition first: the default run can hold at most the page's words.
    if precise_words < limits.min_precise_share * len(page_text.split()):
        default = run_trafilatura(html, url, False, limits.favor_recall)
        default_words = len((getattr(default, "text", None) or "").split())
        if precise_words < limits.min_precise_share * default_words:
            doc = default
    sitename = getattr(doc, "sitename", None) or None
    page_url = getattr(doc, "url", None) or url
    date, date_source = page_date(html, getattr(doc, "date", None), page_url)
    root = parse_page(html)
    author = clean_byline(getattr(doc, "author", None), sitename, page_text)
    meta = dict(
        title=page_title(getattr(doc, "title", None), h1_texts(root), sitename, page_url,
                         limits.h1_title_min_overlap),
        author=author or page_byline(root, sitename, page_text, limits),
        date=date, date_source=date_source, sitename=sitename, url=page_url,
        language=getattr(doc, "language", None) or None,
    )
    body = (getattr(doc, "text", None) or "").strip()
    if not body:
        cleaned = remove_clutter(page_text, limits, page=True)
        return HtmlExtraction(
            cleaned.text, extractor="flatten+clutter", removed=cleaned.removed,
            warnings=cleaned.warnings, **meta,
        )
    # trafilatura keeps what sits inside <article>: the <h1>, captions, reporter credits,
    # "This story was provided by ..." lines. Our plain-text rules take those out too.
    # One block per line in trafilatura's text: make each a paragraph, as in plain text.
    cleaned = remove_clutter(
        "\n\n".join(line for line in body.splitlines() if line.strip()), limits, page=False
    )
    removed = dropped_blocks(page_text, body) + [
        RemovedBlock(b.text, b.reason, page_text.find(b.text)) for b in cleaned.removed
    ]
    return HtmlExtraction(
        text=cleaned.text,
        removed=sorted(removed, key=lambda block: block.position),
        warnings=cleaned.warnings,
        **meta,
    )


def run_trafilatura(html: str, url: str | None, favor_precision: bool, favor_recall: bool):
    """trafilatura's body and metadata of one page (None when it finds nothing)."""
    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=favor_precision,
        favor_recall=favor_recall,
        date_extraction_params=DATE_EXTRACTION_PARAMS,
    )


def parse_page(html: str) -> etree._Element | None:
    """The page as an lxml tree (None when lxml can make none of it)."""
    try:
        return lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None


def h1_texts(root: etree._Element | None) -> list[str]:
    """The page's <h1> texts, in order (the headline is usually one of them)."""
    if root is None:
        return []
    texts = (" ".join(h1.text_content().split()) for h1 in root.iter("h1"))
    return [text for text in texts if text]


def page_byline(root: etree._Element | None, sitename: str | None, page_text: str,
                limits: CleanSettings) -> str | None:
    """The byline the page shows when its metadata names nobody.

    First an element marked as the author (``rel="author"``, ``itemprop="author"``,
    a class with "author" or "byline" in it) holding a few words, then a "By …" line of
    the visible text.
    """
    if root is not None:
        for element in root.xpath(BYLINE_ELEMENTS):
            text = " ".join(element.text_content().split())
            if 0 < len(text.split()) <= limits.max_words_byline_element:
                byline = clean_byline(text, sitename, page_text)
                if byline:
                    return byline
    lines = [line.strip() for line in page_text.splitlines() if line.strip()]
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if i >= limits.max_lines_to_byline and not (
            AUTHOR_BOX_LINE.match(line) or AUTHOR_ROLE_LINE.match(following)
        ):
            continue  # far down the page, "By X" belongs to a teaser card or a comment
        if BYLINE_LABEL_LINE.match(line) and following:
            line = f"By {following}"  # the label on its own line, the name below it
        elif AUTHOR_ROLE_LINE.match(following):
            line = f"By {line}"  # the name, then its role below it: "Jane Doe" / "Author"
        match = BY_LINE.match(line)
        if match:
            byline = clean_byline(match["names"], sitename, page_text)
            if byline:
                return byline
    return None


def page_date(html: str, markup_date: str | None, url: str | None) -> tuple[str | None, str]:
    """The page's publication date: its markup's first, else htmldate's wider search.

    htmldate's extensive search reads dates written in the page text when the markup
    states none; a bare year it can only turn into "YYYY-01-01" (a copyright line),
    which is a guess, so that is refused. Measured on wcxb-dev's tuning half
    (benchmarks/realnews.py): markup only 0.788 of 306 dated pages, with the text
    search as fallback 0.827.
    """
    if markup_date:
        return markup_date, "html-meta"
    try:
        found = htmldate.find_date(html, url=url, extensive_search=True, original_date=True)
    except (ValueError, TypeError):  # htmldate raises on pages lxml cannot make a tree of
        found = None
    if found and not found.endswith("-01-01"):
        return found, "html-text"
    return None, "html-meta"


def dropped_blocks(page_text: str, kept_text: str) -> list[RemovedBlock]:
    """Runs of page blocks that are not in the extracted text, as "page-boilerplate".

    Positions are offsets into the flattened page text (what ``flatten_html``
    returns), since offsets into raw markup mean nothing to a reader; -1 when a
    block removed from trafilatura's text cannot be found there verbatim.
    """
    kept = " ".join(kept_text.split())
    removed: list[RemovedBlock] = []
    run_start: int | None = None
    run_end = 0
    for line in split_lines(page_text):
        if " ".join(line.text.split()) in kept:
            if run_start is not None:
                removed.append(
                    RemovedBlock(page_text[run_start:run_end], "page-boilerplate", run_start)
                )
                run_start = None
            continue
        if run_start is None:
            run_start = line.start
        run_end = line.start + len(line.text)
    if run_start is not None:
        removed.append(RemovedBlock(page_text[run_start:run_end], "page-boilerplate", run_start))
    return removed
