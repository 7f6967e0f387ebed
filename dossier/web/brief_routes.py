"""The story page's "Download brief": the brief file, served as an attachment."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from dossier.web.brief import build_brief, render_brief
from dossier.web.data import DeskDep

router = APIRouter(include_in_schema=False)
MEDIA_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8"}
# The brief carries its own inline styles and never a script: this policy lets the styles
# apply if a browser shows the file in place, and nothing else load or run.
BRIEF_POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9]+")


def brief_filename(title: str | None, story_id: str, fmt: str) -> str:
    """A file name a person recognises: the headline's words, then the story id."""
    words = UNSAFE_IN_NAME.sub("-", title or "").strip("-").lower()[:60].rstrip("-")
    return f"brief-{words + '-' if words else ''}{story_id[:12]}.{fmt}"


@router.get("/stories/{story_id}/brief")
def story_brief(story_id: str, desk: DeskDep,
                format: Annotated[str, Query(pattern="^(html|md)$")] = "html"):
    brief = build_brief(desk, story_id)
    if brief is None:
        raise HTTPException(404, "story not found")
    name = brief_filename(brief.story.title, story_id, format)
    return Response(render_brief(brief, format), media_type=MEDIA_TYPES[format], headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "Content-Security-Policy": BRIEF_POLICY,
    })
