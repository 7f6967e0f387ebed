"""Core records that flow from ingest to the store: raw input, clean articles, errors, evidence."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """Where a fact comes from: an article and a character span of its clean text."""

    article_id: str
    start: int
    end: int


@dataclass
class RawArticle:
    """One article as a reader found it, before any cleaning.

    Readers fill what their format tells them (a JSONL record has a title, a WARC
    record has a URL); the cleaner fills the rest from the content itself.
    """

    source_path: str
    content: str  # decoded text or HTML
    is_html: bool
    locator: str = ""  # line number, WARC offset, feed item index ... within source_path
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO 8601 when known
    byline: str | None = None
    external_id: str | None = None  # the id a JSONL record claims for itself
    encoding: str | None = None
    header: dict[str, str] = field(default_factory=dict)  # leading "date ..." style lines
    # Problems the reader worked around (a page missing its last ">"): kept, not refused.
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class RemovedBlock:
    """A piece of the input the cleaner dropped, kept so a user can see and override it."""

    text: str
    reason: str  # e.g. "teaser", "photo-caption", "photo-credit", "source-footer"
    position: int  # char offset in the original (pre-clean) text


@dataclass
class Article:
    """A clean article: the text every fact's character span points into."""

    id: str
    source_path: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    dateline: str | None = None
    published: str | None = None
    published_source: str | None = None  # "header", "html-meta", "jsonl", "text", ...
    language: str | None = None
    locator: str = ""
    removed: list[RemovedBlock] = field(default_factory=list)
    # What the cleaner doubted and did not do ("the rules would remove most of the prose:
    # kept"), or what the reader worked around: stored as rows, shown by `dossier show`.
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IngestError:
    """Bad input made into data: which file, where in it, and why it was refused."""

    source_path: str
    reason: str
    locator: str = ""


# Reason prefix of errors caused by our code rather than the input: the file stays
# unfinished, so a rerun retries it.
INTERNAL_ERROR = "internal error"


@dataclass(frozen=True)
class Outcome:
    """What one input record became, as the run decided it (the ingest page lists these).

    ``new``: stored now; ``duplicate``: the same content is already stored under
    ``article_id`` (ids are content hashes), so nothing changed; ``refused``: the reader,
    the cleaner or a later stage said no, with ``reason``.
    """

    source_path: str
    locator: str
    kind: str  # "new" | "duplicate" | "refused"
    article_id: str | None = None
    reason: str = ""
