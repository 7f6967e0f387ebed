"""JSON endpoints under /api: every list pages and filters, every fact carries evidence."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from dossier.web.data import DeskDep
from dossier.web.data.articles import BadSearch
from dossier.web.deps import FiltersDep, iso_date
from dossier.web.schemas import (
    ActorDetailOut,
    ActorOut,
    ArticleDetailOut,
    ArticleOut,
    ContradictionOut,
    DigestOut,
    EventOut,
    EvidenceOut,
    IngestErrorOut,
    Page,
    PlaceOut,
    QuoteOut,
    StanceOut,
    StoryOut,
    TimelineItemOut,
)

router = APIRouter(prefix="/api", tags=["dossier"])
# A span names an article (its id) and a [start, end) character range of its clean text.
SPAN = re.compile(r"[A-Za-z0-9_.-]{1,64}:\d{1,9}:\d{1,9}")
MAX_SPANS = 100


def _found(item, what: str):
    if item is None:
        raise HTTPException(status_code=404, detail=f"{what} not found")
    return item


@router.get("/articles", response_model=Page[ArticleOut], summary="Articles, newest first")
def list_articles(f: FiltersDep, desk: DeskDep):
    return desk.articles(f)


@router.get("/articles/{article_id}", response_model=ArticleDetailOut)
def get_article(article_id: str, desk: DeskDep):
    """Clean text, what the cleaner removed, and every extracted item at its span."""
    return _found(desk.article(article_id), "article")


@router.get("/evidence", response_model=list[EvidenceOut],
            summary="The sentences behind fact spans (what the desk's drawer shows)")
def evidence(
    desk: DeskDep,
    span: Annotated[list[str], Query(min_length=1, max_length=MAX_SPANS,
                                     description="article_id:start:end, repeatable")],
):
    """Each span as readable evidence: the sentence around it, its outlet, date and link."""
    out = []
    for item in span:
        if not SPAN.fullmatch(item):
            raise HTTPException(status_code=422, detail=f"not a span (article_id:start:end): "
                                                        f"{item[:80]!r}")
        article_id, start, end = item.split(":")
        if desk.resolver.article(article_id) is None:
            raise HTTPException(status_code=404, detail=f"article {article_id} not found")
        out.append(desk.resolver.evidence(article_id, int(start), int(end)))
    return out


@router.get("/search", response_model=Page[ArticleOut], summary="Full-text search (FTS5)")
def search(
    q: Annotated[str, Query(min_length=1, max_length=200)],
    f: FiltersDep,
    desk: DeskDep,
):
    try:
        return desk.search(q, f)
    except BadSearch as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from exc


@router.get("/stories", response_model=Page[StoryOut], summary="Stories, most recent first")
def list_stories(f: FiltersDep, desk: DeskDep):
    return desk.stories(f)


@router.get("/stories/{story_id}", response_model=StoryOut)
def get_story(story_id: str, desk: DeskDep):
    return _found(desk.story(story_id), "story")


@router.get("/stories/{story_id}/digest", response_model=DigestOut)
def get_digest(
    story_id: str,
    desk: DeskDep,
    since: Annotated[str | None, Query(description="ISO date: mark newer reports")] = None,
    only_new: Annotated[bool, Query(description="with since: only the new sentences")] = False,
):
    """The merged, attributed digest; with ``since``, what changed since that date."""
    since = since if since == "last" else iso_date(since, "since")
    return _found(desk.digest(story_id, since, only_new=only_new), "story")


@router.get("/stories/{story_id}/contradictions", response_model=list[ContradictionOut])
def get_contradictions(story_id: str, desk: DeskDep):
    """Facts the story's outlets report differently, each claim with its evidence."""
    return _found(desk.contradictions(story_id), "story")


Unstated = Annotated[bool, Query(description="also events the text does not state as fact "
                                            "(future, hypothetical), hidden by default")]


@router.get("/events", response_model=Page[EventOut], summary="PLOVER events")
def list_events(f: FiltersDep, desk: DeskDep, unstated: Unstated = False):
    desk.show_unstated = desk.show_unstated or unstated
    return desk.events(f)


@router.get(
    "/timeline", response_model=Page[TimelineItemOut], summary="Events and dated statements"
)
def timeline(f: FiltersDep, desk: DeskDep, unstated: Unstated = False):
    """In order of when things happened, not when they were reported."""
    desk.show_unstated = desk.show_unstated or unstated
    return desk.timeline(f)


@router.get("/quotes", response_model=Page[QuoteOut], summary="Who said what")
def list_quotes(f: FiltersDep, desk: DeskDep):
    return desk.quotes(f)


@router.get("/actors", response_model=Page[ActorOut], summary="Canonical actors")
def list_actors(f: FiltersDep, desk: DeskDep):
    return desk.actors(f)


@router.get("/actors/{actor_id}", response_model=ActorDetailOut)
def get_actor(actor_id: str, desk: DeskDep):
    return _found(desk.actor(actor_id), "actor")


@router.get("/stances", response_model=Page[StanceOut], summary="Who backs or opposes whom")
def list_stances(f: FiltersDep, desk: DeskDep):
    return desk.stances(f)


@router.get("/places", response_model=Page[PlaceOut], summary="Resolved places")
def list_places(f: FiltersDep, desk: DeskDep):
    return desk.places(f)


@router.get("/errors", response_model=Page[IngestErrorOut], summary="Refused input")
def list_errors(f: FiltersDep, desk: DeskDep):
    return desk.errors(f)
