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
from dossier.config import CleanSettings
from dossier.lexicon.timex import MONTH_WORD
from dossier.lexicon.wire import NAME_PARTICLES, PHOTOGRAPHER_AGENCIES, alternation
from dossier.models import RawArticle, RemovedBlock

# A date written out inside a byline or date line: "Published July 28, 2023 at 5:02 PM".
DATE_IN_TEXT = re.compile(
    rf"(?:{MONTH_WORD}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{MONTH_WORD}\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|(?:1[3-9]|2\d|3[01])[./]\d{1,2}[./]\d{4}|\d{1,2}[./](?:1[3-9]|2\d|3[01])[./]\d{4})"
)
# Day-first numeric dates ("15.07.2016"): dateparser reads them month-first otherwise.
DAY_FIRST = re.compile(r"^(?P<d>1[3-9]|2\d|3[01])[./](?P<m>\d{1,2})[./](?P<y>\d{4})$")
MONTH_FIRST = re.compile(r"^(?P<m>\d{1,2})[./](?P<d>1[3-9]|2\d|3[01])[./](?P<y>\d{4})$")
# Where the reporters came from, dropped before the names are read: "reported from Niamey".
REPORTED_FROM = re.compile(
    r"\b(?:reported|contributed(?: reporting)?(?: to this (?:report|story|article))?|wrote this"
    r" (?:story|report|article))\b|\bfrom\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
)
EDITOR_CREDIT = re.compile(r"[;,]?\s*(?:Editing|Edited|Graphics|Research)\s+by\b.*$", re.I)
REPORTING_BY = re.compile(r"\b(?:Additional\s+)?(?:reporting|writing|compiled)\s+by\b", re.I)
NAME = re.compile(rf"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|{alternation(NAME_PARTICLES)}))+")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
STATED_YEAR = re.compile(r"\b\d{4}\b")
TOKEN = re.compile(r"\w+")
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
    """The place a story was filed from, as its opening words state it, with where its
    parts stand in the text: [start, end) of the city and of the region (None when there
    is none), and ``end``, where the story proper begins."""

    place: str
    agency: str | None = None
    city_span: tuple[int, int] = (0, 0)
    region_span: tuple[int, int] | None = None
    end: int = 0


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


# Separators between a page title and the site name: "Headline | Site", "Headline - Site".
TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
LETTERS = re.compile(r"[^\w]|_")


def glued(value: str | None) -> str:
    """Letters and digits only, lower case: "The Motley Fool" → "themotleyfool"."""
    return LETTERS.sub("", value or "").casefold()


def without_site_name(title: str | None, sitename: str | None, url: str | None) -> str | None:
    """ "Best Stocks of 2025 | The Motley Fool" → "Best Stocks of 2025" (site named by the page)."""
    if not title:
        return title
    site, host = glued(sitename), glued(url)
    while True:
        parts = list(TITLE_SEPARATOR.finditer(title))
        if not parts:
            return title.strip()
        last = parts[-1]
        tail = glued(title[last.end():])
        if not tail or not (tail in site or (site and site in tail) or tail in host):
            return title.strip()
        title = title[: last.start()]


def page_title(title: str | None, h1s: list[str], sitename: str | None,
               url: str | None, min_overlap: float) -> str | None:
    """A page's headline: the <h1> that matches its title best, else the title without site.

    The <title> and og:title carry the site's name and sometimes an SEO rewording;
    the <h1> is what the reader sees, but pages have stray ones ("Menu", a logo): an <h1>
    is the headline when its word Jaccard with the title reaches ``min_overlap``
    (``Settings.clean.h1_title_min_overlap``).
    """
    stripped = without_site_name(title, sitename, url)
    title_words = set(TOKEN.findall((stripped or "").casefold()))
    best, best_overlap = None, 0.0
    for h1 in dict.fromkeys(h1s):
        words = set(TOKEN.findall(h1.casefold()))
        if not words or not title_words:
            continue
        overlap = len(words & title_words) / len(words | title_words)
        if overlap > best_overlap:
            best, best_overlap = h1, overlap
    if best and best_overlap >= min_overlap:
        return without_site_name(best, sitename, url)
    return stripped or (h1s[0] if h1s else None)


def find_outlet(raw: RawArticle, header: dict[str, str], sitename: str | None,
                url: str | None, removed: list[RemovedBlock], limits: CleanSettings) -> str | None:
    """Outlet: stated outlet, header, site name, "originally belongs to X" footer, then URL.

    A "This story was provided by X" note names the agency, not the publisher, so
    only "originally ..." footers count.
    """
    footers = (footer_source(b.text) for b in removed if b.reason == "source-footer")
    footer_outlet = next((name for name in footers if name), None)
    for candidate in (raw.outlet, header.get("outlet"), header.get("source"), sitename,
                      footer_outlet, url):
        outlet = resolve_outlet(candidate, limits, raw.content)
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


# Words before the name in a shown byline: "By", "Written by", "This post was written by".
BYLINE_PREFIX = re.compile(
    r"^\s*(?:(?:this (?:post|article|story) (?:was )?)?(?:written|posted|reported|edited)\s+by"
    r"|article by|words by|author:?|by)\s+",
    re.IGNORECASE,
)
BYLINE_SPLIT = re.compile(r"\s*(?:;|\||&|,|\band\b)\s*")


def clean_byline(value: str | None, sitename: str | None = None,
                 page_text: str = "") -> str | None:
    """The people a byline names, without publishers, job titles, dates or photo credits.

    Page metadata joins whatever it calls an author: "Manoj Jain; Jagpreet Chhatwal;
    The Commercial Appeal", "Tina Flint Huffman; Tina Huffman; Greenhouse Studio",
    "Nicoletta Richardson Trending Editor", a photographer credited under a picture.
    A site or organisation name is kept only when no person is named.
    """
    if not value or not value.strip():
        return None
    value = BYLINE_PREFIX.sub("", " ".join(value.split()))
    people: list[str] = []
    organisations: list[str] = []
    site = glued(sitename)
    value = p.BYLINE_NON_NAME.sub("", value)
    for piece in BYLINE_SPLIT.split(value):
        piece = re.sub(r"^\s*by\s+", "", piece, flags=re.IGNORECASE)
        piece = p.BYLINE_DATE_TAIL.sub("", piece).strip(" .,-–—")
        role = p.BYLINE_ROLE.search(piece)
        if role:
            before_role = piece[: role.start()].strip(" .,-–—")
            if len(before_role.split()) < 2 or people:
                # a bare job title ("Sr Director", "Shipping Expert"), or the title of the
                # person named before it ("Cara Dumaplin; Certified Sleep Consultant")
                continue
            piece = before_role
        piece = without_avatar_initials(piece)
        if not re.search(r"[^\W\d_]", piece) or re.search(r"\d", piece):
            continue  # no name has digits in it: "2025•5 min read", an avatar's "3"
        if (p.PUBLISHER_GROUP.match(piece) or p.BYLINE_NON_NAME.match(piece)
                or p.COOKIE_LINE.search(piece) or p.COPYRIGHT_LINE.search(piece)
                or re.search(r"[*:@]", piece)):
            continue  # "Condé Nast", "About the Author", "Privacy Policy", a form's "Name *"
        key = glued(re.sub(r"^the\s+", "", piece, flags=re.IGNORECASE))
        if site and (key in site or site in key):
            organisations.append(piece)
        elif is_photo_credit_name(piece, page_text):
            continue
        else:
            people.append(piece)
    if any(len(name.split()) > 1 for name in people):
        # Beside a full name, a one-word piece is a section or a tag ("Hardware", "Home"),
        # unless it is a credential ("Jane Doe, MS, RD").
        people = [name for name in people if len(name.split()) > 1 or name.isupper()]
    names = [name for name in dict.fromkeys(people) if not is_shorter_form(name, people)]
    return join_names(names) or join_names(list(dict.fromkeys(organisations)))


def without_avatar_initials(name: str) -> str:
    """ "CM Craig McCarthy" → "Craig McCarthy": an avatar's initials glued before the name."""
    first, _, rest = name.partition(" ")
    initials = "".join(word[0] for word in rest.split() if word[:1].isupper())
    return rest if first.isupper() and len(first) > 1 and first == initials else name


def is_shorter_form(name: str, names: list[str]) -> bool:
    """ "Tina Huffman" beside "Tina Flint Huffman": the same person, written shorter."""
    words = set(name.casefold().split())
    return any(other != name and words < set(other.casefold().split()) for other in names)


def is_photo_credit_name(name: str, page_text: str) -> bool:
    """Is this name credited for a picture on the page ("Tomas Ried/AFP", "Photo: Tomas Ried")?"""
    if not page_text or name not in page_text:
        return False
    quoted = re.escape(name)
    if re.search(rf"\bBy\s+{quoted}", page_text, re.IGNORECASE):
        return False  # the reporter took the picture too
    return bool(re.search(
        rf"{quoted}\s*/\s*[A-Z]|{quoted}\s+(?:for|via)\s+{alternation(PHOTOGRAPHER_AGENCIES)}\b"
        rf"|(?:Photo(?:graph)?|Image|Picture|Credit|Illustration)s?\s*(?:by|:)\s*{quoted}",
        page_text,
    ))


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
    """The dateline opening the clean text, as a place: "NIAMEY, Niger —" → "Niamey, Niger".

    Agency slugs ("(Reuters)", "(AP)") and a wire date ("SAN JOSE, Dec 31") are not
    part of the place; "—", "–", "--" and "-" all end a dateline.
    """
    head = text[:200]
    match = p.DATELINE.match(head)
    if match and sum(ch.isupper() for ch in match["city"]) >= 3:
        city = smart_title(match["city"])
    else:
        match = p.DATELINE_WITH_AGENCY.match(head)
        if not match:
            return None
        city = match["city"].strip()
    region = match["region"].strip() if match["region"] else None
    if region and p.DATELINE_DATE.match(region):
        region = None  # "SAN JOSE, Dec 31 (Reuters)": the place is San Jose
    place = f"{city}, {smart_title(region) if region and region.isupper() else region}" \
        if region else city
    region_span = match.span("region") if region else None
    return Dateline(place, match["agency"], match.span("city"), region_span, match.end())


def smart_title(value: str) -> str:
    """ "NIAMEY" → "Niamey", "NEW YORK" → "New York", "LILONGWE/LUSAKA" → "Lilongwe/Lusaka"."""
    return re.sub(r"[^\W\d_][\w'’]*", lambda m: m.group().capitalize(), value.strip()) \
        if not re.search(r"\b[A-Z]\.", value) else value.strip()


def find_published(raw: RawArticle, header: dict[str, str], html_date: str | None,
                   removed: list[RemovedBlock],
                   html_date_source: str = "html-meta") -> tuple[str | None, str | None]:
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
            return stated, html_date_source
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
    numeric = DAY_FIRST.match(value) or MONTH_FIRST.match(value)
    if numeric:
        try:
            stated = date(int(numeric["y"]), int(numeric["m"]), int(numeric["d"]))
        except ValueError:
            return None
        return stated.isoformat() if stated <= date.today() else None
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
