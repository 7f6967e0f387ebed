"""Cleaning: raw scraped input in, one clean Article (text + metadata + removed blocks) out.

HTML goes through trafilatura (clean/html.py), plain text through our own clutter
remover (clean/text_clutter.py); both end in the same metadata step
(clean/metadata.py). ``clean_article`` refuses an input with ValueError(reason).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from dossier.clean.html import extract_html
from dossier.clean.language import detect_language
from dossier.clean.metadata import (
    find_byline,
    find_dateline,
    find_outlet,
    find_published,
    find_title,
    header_values,
)
from dossier.clean.text_clutter import remove_clutter
from dossier.config import CleanSettings, Settings
from dossier.models import Article, RawArticle

# Control characters other than tab/newline/CR: their share tells binary from text.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
WORD_CHAR = re.compile(r"\w")


def article_id(content: str) -> str:
    """Stable id of an input record: 16 hex chars of sha256 over its normalized content.

    Why the *input* and not the clean text: the id must not move when the cleaner
    improves, so re-ingesting the same file changes nothing. Why normalized (NFC,
    whitespace collapsed): the same article saved twice with different line endings
    or Unicode composition is one article, so copies dedup to one id. 64 bits keep
    accidental collisions out of reach for any corpus a laptop holds.
    """
    normalized = " ".join(unicodedata.normalize("NFC", content).split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def refuse_non_text(content: str, limits: CleanSettings) -> None:
    """Raise ValueError for input that is empty or not text at all (binary, mis-decoded)."""
    if not content or not WORD_CHAR.search(content):
        raise ValueError("empty input: no text at all")
    sample = content[:100_000]
    controls = len(CONTROL_CHARS.findall(sample))
    if "\x00" in sample or controls > limits.max_binary_share * len(sample):
        raise ValueError("binary content: not text")
    if sample.count("\ufffd") > limits.max_replacement_share * len(sample):
        raise ValueError("undecodable content: too many invalid characters for any encoding")


def clean_article(raw: RawArticle, settings: Settings) -> Article:
    """Turn one raw input into a clean Article, or refuse it with ValueError(reason).

    Every bound the cleaner applies is ``settings.clean`` (the run's own settings).

    Removed-block positions are offsets into the NFC-normalized input for plain text
    and into the flattened page text (``flatten_html``) for HTML.
    """
    limits = settings.clean
    refuse_non_text(raw.content, limits)
    html_title = html_author = html_date = sitename = page_url = None
    html_date_source = "html-meta"
    warnings = list(raw.warnings)
    if raw.is_html:
        page = extract_html(raw.content, raw.url, limits)
        text, removed = page.text, page.removed
        warnings.extend(page.warnings)
        html_title, html_author, html_date = page.title, page.author, page.date
        html_date_source = page.date_source
        sitename, page_url = page.sitename, page.url
        if not WORD_CHAR.search(text):
            raise ValueError("no article text found in the HTML (empty or truncated page)")
    else:
        cleaned = remove_clutter(unicodedata.normalize("NFC", raw.content), limits,
                                 title=raw.title)
        text, removed = cleaned.text, cleaned.removed
        warnings.extend(cleaned.warnings)
        if not WORD_CHAR.search(text):
            # The prose guard keeps every prose-like line when the rules would take most
            # of them: an empty result means no line of the input reads like prose.
            raise ValueError(
                "nothing left after cleaning: the input is all clutter (no line reads like "
                "prose: menus, credits, share or subscribe lines only)"
            )
    header = header_values(raw, removed)
    url = raw.url or header.get("url") or page_url
    published, published_source = find_published(raw, header, html_date, removed, html_date_source)
    dateline = find_dateline(text)
    return Article(
        id=article_id(raw.content),
        source_path=raw.source_path,
        text=text,
        title=find_title(raw, header, html_title, removed),
        url=url,
        outlet=find_outlet(raw, header, sitename, url, removed, limits),
        byline=find_byline(raw, html_author, removed),
        dateline=dateline.place if dateline else None,
        published=published,
        published_source=published_source,
        language=detect_language(text, limits),
        locator=raw.locator,
        removed=removed,
        warnings=warnings,
    )
