"""Article metadata from every place it can hide: reader fields, header lines, HTML, the text.

Each field has an order of trust, most explicit first (what the input file states,
then the page's markup, then what the text itself says). Publication dates are
never guessed: None when nothing states one, never today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import PurePath

from dossier.clean import patterns as p
from dossier.clean.outlets import resolve_outlet
from dossier.models import RawArticle, RemovedBlock

# "NIAMEY, Niger —", "KYIV (Reuters) -", "WASHINGTON —", "Kyiv, Ukraine (AP) —".
DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’/\- ]{1,40}?[A-Z.])(?:,\s*(?P<region>[A-Z][\w.'’\- ]{1,40}?))?"
    r"\s*(?:\((?P<agency>[A-Za-z][\w .&/-]{0,30})\))?\s*(?:—|–|--|-)\s+(?=\S)"
)
# Title-case cities are datelines only with an agency mark: "Niamey, Niger (AFP) –".
DATELINE_WITH_AGENCY = re.compile(
    r"^(?P<city>[A-Z][\w.'’\- ]{1,40}?)(?:,\s*(?P<region>[A-Z][\w.'’\- ]{1,40}?))?"
    r"\s*\((?P<agency>AP|AFP|Reuters|dpa|Xinhua|UPI|IANS|PTI|ANI|Bloomberg)\)\s*(?:—|–|--|-|:)\s+"
)
# A date written out inside a byline or date line: "Published July 28, 2023 at 5:02 PM".
DATE_IN_TEXT = re.compile(
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
# Where the reporters came from, dropped before the names are read: "reported from Niamey".
REPORTED_FROM = re.compile(
    r"\b(?:reported|contributed(?: reporting)?(?: to this (?:report|story|article))?|wrote this"
    r" (?:story|report|article))\b|\bfrom\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
)
EDITOR_CREDIT = re.compile(r"[;,]?\s*(?:Editing|Edited|Graphics|Research)\s+by\b.*$", re.I)
REPORTING_BY = re.compile(r"\b(?:Additional\s+)?(?:reporting|writing|compiled)\s+by\b", re.I)
NAME = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|del|al|el|bin|la|le))+")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
STATED_YEAR = re.compile(r"\b\d{4}\b")
INPUT_KIND_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".json": "jsonl",
    ".rss": "rss",
    ".atom": "rss",
    ".rdf": "rss",
    ".xml": "rss",
    ".warc": "warc",
    ".gz": "warc",
    ".html": "html-meta",
    ".htm": "html-meta",
}


@dataclass
class Dateline:
    """The place a story was filed from, as its opening words state it."""

    place: str
    agency: str | None = None


def first_block(removed: list[RemovedBlock], reason: str) -> str | None:
    """Text of the first removed block with this reason, if any."""
    return next((b.text for b in removed if b.reason == reason), None)


def header_values(raw: RawArticle, removed: list[RemovedBlock]) -> dict[str, str]:
    """Header fields: what the reader parsed, plus header lines the cleaner took off the text."""
    values = {k.lower(): v.strip() for k, v in raw.header.items() if v and v.strip()}
    for block in removed:
        if block.reason != "header":
            continue
        for line in block.text.splitlines():
            match = p.HEADER_LINE.match(line)
            if match:
                values.setdefault(match["key"], match["value"])
    return values


def find_title(raw: RawArticle, header: dict[str, str], html_title: str | None,
               removed: list[RemovedBlock]) -> str | None:
    """Title: the reader's field, a header line, the page title, or the first short line."""
    for candidate in (raw.title, header.get("title"), html_title, first_block(removed, "title")):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    return None


def find_outlet(raw: RawArticle, header: dict[str, str], sitename: str | None,
                url: str | None, removed: list[RemovedBlock]) -> str | None:
    """Outlet: stated outlet, header, site name, "originally belongs to X" footer, then URL.

    A "This story was provided by X" note names the agency, not the publisher, so
    only "originally ..." footers count.
    """
    footers = (footer_source(b.text) for b in removed if b.reason == "source-footer")
    footer_outlet = next((name for name in footers if name), None)
    for candidate in (raw.outlet, header.get("outlet"), header.get("source"), sitename,
                      footer_outlet, url):
        outlet = resolve_outlet(candidate, raw.content)
        if outlet:
            return outlet
    return None


def footer_source(footer: str) -> str | None:
    """The outlet a "Source: | This article originally belongs to Nbcnews.com" footer names."""
    match = re.search(r"originally (?:belongs? to|appeared (?:in|on|at)|published (?:in|on|by|at))"
                      r"\s+(?P<outlet>[^|.\n]+(?:\.[a-z]{2,})*)", footer, re.IGNORECASE)
    if match:
        return match["outlet"].strip()
    match = re.match(r"\s*(?:Source|Via)\s*:\s*\|?\s*(?P<outlet>[^|\n]{2,60})$", footer, re.I)
    return match["outlet"].strip() if match else None


def find_byline(raw: RawArticle, html_author: str | None,
                removed: list[RemovedBlock]) -> str | None:
    """Byline: stated, page author, a "By ..." line, else the reporters a reporter line names."""
    for candidate in (raw.byline, html_author):
        if candidate and candidate.strip():
            return " ".join(candidate.split())
    by_line = first_block(removed, "byline")
    if by_line:
        match = p.BYLINE.match(by_line.splitlines()[0])
        if match:
            return match["names"].strip()
    reporter_line = first_block(removed, "reporter-line")
    return join_names(reporter_names(reporter_line)) if reporter_line else None


def reporter_names(line: str) -> list[str]:
    """Reporters in "X and Y reported from Niamey, and Z from London." or "Reporting by X"."""
    text = EDITOR_CREDIT.sub("", line)
    text = REPORTING_BY.sub(",", text)
    text = REPORTED_FROM.sub(",", text)
    return NAME.findall(text)


def join_names(names: list[str]) -> str | None:
    """ "A", "A and B", "A, B and C"."""
    if not names:
        return None
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening the clean text, as a place: "NIAMEY, Niger —" → "Niamey, Niger"."""
    head = text[:200]
    match = DATELINE.match(head)
    if match and sum(ch.isupper() for ch in match["city"]) >= 3:
        city = smart_title(match["city"])
    else:
        match = DATELINE_WITH_AGENCY.match(head)
        if not match:
            return None
        city = match["city"].strip()
    region = match["region"].strip() if match["region"] else None
    place = f"{city}, {smart_title(region) if region and region.isupper() else region}" \
        if region else city
    return Dateline(place, match["agency"])


def smart_title(value: str) -> str:
    """ "NIAMEY" → "Niamey", "NEW YORK" → "New York", "LILONGWE/LUSAKA" → "Lilongwe/Lusaka"."""
    return re.sub(r"[^\W\d_][\w'’]*", lambda m: m.group().capitalize(), value.strip()) \
        if not re.search(r"\b[A-Z]\.", value) else value.strip()


def find_published(raw: RawArticle, header: dict[str, str], html_date: str | None,
                   removed: list[RemovedBlock]) -> tuple[str | None, str | None]:
    """(ISO date, where it came from), most explicit source first; (None, None) when unknown."""
    if raw.published:
        stated = normalize_date(raw.published)
        if stated:
            from_header = raw.published in (raw.header.get("date"), raw.header.get("published"))
            return stated, "header" if from_header else input_kind(raw)
    for key in ("date", "published"):
        if key in header:
            stated = normalize_date(header[key])
            if stated:
                return stated, "header"
    if html_date:
        stated = normalize_date(html_date)
        if stated:
            return stated, "html-meta"
    for block in removed:
        if block.reason in ("date-line", "byline"):
            match = DATE_IN_TEXT.search(block.text)
            stated = normalize_date(match.group()) if match else None
            if stated:
                return stated, "text"
    return None, None


def input_kind(raw: RawArticle) -> str:
    """What kind of input stated a date: "jsonl", "rss" (any feed), "warc", "html-meta", "input"."""
    suffixes = PurePath(raw.source_path).suffixes
    for suffix in reversed(suffixes):
        if suffix.lower() in INPUT_KIND_BY_SUFFIX:
            return INPUT_KIND_BY_SUFFIX[suffix.lower()]
    return "input"


@lru_cache(maxsize=4096)
def normalize_date(value: str) -> str | None:
    """ISO 8601 for a stated date; keeps a stated time, refuses anything without day/month/year."""
    value = value.strip()
    if ISO_DATE.match(value):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            parsed = None
        if parsed is not None:
            has_time = len(value) > 10
            return parsed.isoformat() if has_time else parsed.date().isoformat()
    if not STATED_YEAR.search(value):
        return None
    import dateparser  # slow to import; most inputs never need it

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            # Relative phrases ("yesterday") resolve against today: a guess, not a statement.
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )
    if parsed is None or parsed.date() > date.today():
        return None
    return parsed.date().isoformat()
