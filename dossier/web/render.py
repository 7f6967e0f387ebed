"""The Jinja environment: autoescape on for every template, and the desk's filters."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from dossier.web.evidence import evidence_parts

OUTLET_COLORS = 12


def nicedate(value: str | None) -> str:
    """'2023-07-28' → '28 Jul 2023'; times keep their clock; anything else as written."""
    if not value:
        return "undated"
    text = str(value)
    try:
        if len(text) == 10:
            return date.fromisoformat(text).strftime("%-d %b %Y")
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if moment.hour == moment.minute == 0:
            return moment.strftime("%-d %b %Y")
        return moment.strftime("%-d %b %Y, %H:%M")
    except ValueError:
        return text


def outlet_color(name: str | None) -> int:
    """A stable colour slot per outlet, so one outlet looks the same on every page."""
    digest = hashlib.sha1((name or "").casefold().encode("utf-8")).digest()
    return digest[0] % OUTLET_COLORS


def outlet_initials(name: str | None) -> str:
    """A short monogram beside the colour: twelve colours for seventy outlets repeat, the
    pair (colour, monogram) rarely does. "NBC News" → "NBC", "The New York Times" → "NYT",
    "Harbor Ledger" → "HL", "Reuters" → "Re"."""
    words = re.findall(r"[^\W\d_][\w'’]*|\d+", name or "")
    if len(words) > 1 and words[0].casefold() == "the":
        words = words[1:]
    if not words:
        return "?"
    head = words[0]
    if head.isupper() and 2 <= len(head) <= 4:  # an acronym names the outlet itself
        return head
    capitals = [w[0].upper() for w in words if w[0].isupper() or w[0].isdigit()]
    if len(capitals) >= 2:
        return "".join(capitals[:3])
    return head[:2].capitalize()


SNIPPET_MARK = re.compile(r"\[([^\[\]]{1,80})\]")


def marked_snippet(snippet: str | None) -> Markup:
    """A search snippet with its [matched words] as <mark>; every piece escaped first."""
    text = str(escape(snippet or ""))
    return Markup(SNIPPET_MARK.sub(r"<mark>\1</mark>", text))


@lru_cache(maxsize=1)
def templates() -> Jinja2Templates:
    folder = Path(str(resources.files("dossier.web") / "templates"))
    # autoescape=True for every template, whatever its extension: article text is untrusted.
    env = Environment(loader=FileSystemLoader(folder), autoescape=True)
    env.filters.update(nicedate=nicedate, outlet_color=outlet_color,
                       outlet_initials=outlet_initials, evparts=evidence_parts,
                       snippet=marked_snippet)
    return Jinja2Templates(env=env)


def render(request: Request, name: str, status_code: int = 200, **context: Any):
    db = request.app.state.settings.db_path
    context.setdefault("nav", "")
    context.setdefault("q", "")
    return templates().TemplateResponse(
        request, name, {"db_name": Path(db).name, **context}, status_code=status_code
    )
