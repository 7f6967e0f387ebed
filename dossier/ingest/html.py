"""HTML pages (``.html``/``.htm``): one page, one article; the cleaner extracts the body.

The reader's job is only to get the right characters (declared charset first) and
to refuse pages that were cut off mid-download: trafilatura happily extracts half
an article from a truncated page, and a half article would enter the dossier as if
it were whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from dossier.ingest.source import SourceFile
from dossier.models import IngestError, RawArticle

OPENS_DOCUMENT = re.compile(r"<(?:html|body)[\s>]", re.I)
CLOSES_DOCUMENT = re.compile(r"</(?:html|body)\s*>", re.I)
# A page saved without its last closing tags but past its footer, or ending in the scripts
# and styles pages load last, holds the whole article.
CLOSES_FOOTER = re.compile(r"</footer\s*>|</(?:script|style)\s*>\s*$", re.I)
LOOKS_LIKE_HTML = re.compile(r"<(?:!doctype\s+html|html|head|body|article|p|div)[\s>]", re.I)


# The page's last tag cut short after the document was closed ("</body></html", "</ht"):
# every word of the page is there, only markup is missing.
CUT_CLOSING_TAG = re.compile(r"</(?:ht(?:ml?)?|bo(?:dy?)?)\s*", re.I)


def truncation(html: str) -> str | None:
    """Why this page looks cut off, or None if it looks complete."""
    tail = html.rstrip()
    last_open, last_close = tail.rfind("<"), tail.rfind(">")
    if last_open > last_close and not CUT_CLOSING_TAG.fullmatch(tail[last_open:]):
        return f"truncated HTML: ends inside a tag at char {last_open}"
    if (
        OPENS_DOCUMENT.search(html)
        and not CLOSES_DOCUMENT.search(html[-4096:])
        and not CLOSES_FOOTER.search(html.rstrip())
    ):
        return "truncated HTML: <html>/<body> opened but never closed"
    return None


def read_html(source: SourceFile) -> Iterator[RawArticle | IngestError]:
    decoded = source.decode()
    if isinstance(decoded, IngestError):
        yield decoded
        return
    html = decoded.text.lstrip("\ufeff")
    problem = truncation(html)
    if problem:
        yield source.error(problem)
        return
    yield RawArticle(
        source_path=source.display, content=html, is_html=True, encoding=decoded.encoding,
        warnings=malformed_ending(html),
    )


def malformed_ending(html: str) -> list[str]:
    """A warning for a readable page that ends badly (cut last tag, no closing </html>)."""
    tail = html.rstrip()
    last_open = tail.rfind("<")
    if last_open > tail.rfind(">"):
        return [f"malformed HTML: ends in a cut closing tag {tail[last_open:]!r}; cleaned anyway"]
    if OPENS_DOCUMENT.search(html) and not CLOSES_DOCUMENT.search(html[-4096:]):
        return ["malformed HTML: <html>/<body> never closed (the page ends after its footer or "
                "scripts); cleaned anyway"]
    return []
