"""Flatten an HTML page to its full visible text, one block element per paragraph.

This is what a scraper that "just takes the text" produces (menus, footers and
all): the input of the plain-text path when trafilatura finds nothing, the base
of the HTML path's removed-block summary, and the benchmark's "no cleaning" text.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Elements whose content is never visible text.
INVISIBLE_TAGS = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
# Elements that start a new block on screen: each becomes its own paragraph.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
        "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "summary", "table", "tr", "td", "th", "ul", "caption", "title", "body",
    }
)
SPACE_RUN = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
BLANK_LINES = re.compile(r"\n\s*\n\s*")


def flatten_html(html: str) -> str:
    """Visible text of a page: block elements separated by a blank line, <br> by a newline.

    How: lxml parses the page (leniently, so truncated HTML still parses), drops
    invisible elements, pads every block element with paragraph breaks and every
    <br> with a newline, then takes ``text_content()`` and collapses spaces.
    """
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    for element in list(root.iter(*INVISIBLE_TAGS)):
        if element.getparent() is not None:  # the root itself cannot be dropped
            element.drop_tree()
    for element in root.iter(etree.Element):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in BLOCK_TAGS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    text = SPACE_RUN.sub(" ", root.text_content())
    lines = "\n".join(line.strip() for line in text.split("\n"))
    return BLANK_LINES.sub("\n\n", lines).strip()
