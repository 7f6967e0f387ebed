"""Assemble the FastAPI application: API, pages, static files, safety headers."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from dossier import __version__
from dossier.config import Settings
from dossier.store import connect
from dossier.store.db import failure_message
from dossier.stories.view_cache import StoryViewCache
from dossier.web import api, brief_routes, ingest_routes, pages
from dossier.web.docs import mount_docs
from dossier.web.error_pages import install_error_pages
from dossier.web.guards import refusal
from dossier.web.jobs import IngestJobs

# Articles are untrusted HTML. Output is escaped by the templates; this policy is the
# second wall: even a slipped-through <script> could not run (no inline scripts, no
# foreign origins), and nothing on a page can reach out to the network.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

DESCRIPTION = """Read the story dossier: articles, stories with their attributed digest,
events, a timeline, quotes, actors, stances and places. Every fact carries its evidence:
the article id, the [start, end) character span of the clean text, and the sentence."""


def create_app(settings: Settings | None = None, *, allow_fetch: bool | None = None) -> FastAPI:
    """The desk over the store at ``settings.db_path``.

    The store is opened once read-write here so every feature's migrations are applied
    before requests arrive; requests then get read-only connections.
    """
    settings = settings or Settings()
    if allow_fetch is not None:
        settings = replace(settings, allow_fetch=allow_fetch)
    connect(Path(settings.db_path)).close()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.jobs.shutdown()

    app = FastAPI(
        title="Dossier",
        version=__version__,
        description=DESCRIPTION,
        # FastAPI's Swagger UI and ReDoc load from a CDN, which an offline desk cannot
        # reach: dossier.web.docs serves a vendored Swagger UI at /docs instead.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.jobs = IngestJobs(settings)
    app.state.story_views = StoryViewCache(settings.story_view_cache, settings.story_views_each,
                                            settings.article_memo_entries)
    static = resources.files("dossier.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    mount_docs(app)
    app.include_router(api.router)
    app.include_router(ingest_routes.router)
    app.include_router(brief_routes.router)
    app.include_router(pages.router)
    install_error_pages(app)

    @app.exception_handler(sqlite3.DatabaseError)
    async def store_failed(request: Request, exc: sqlite3.DatabaseError):
        """A damaged or unusable store is the desk's failure, said so, not a bare 500."""
        message = failure_message(exc, settings.db_path) or f"store error: {exc}"
        return JSONResponse({"detail": message}, status_code=503)

    @app.middleware("http")
    async def safety_headers(request: Request, call_next):
        refused = refusal(request, settings.allowed_hosts)
        response = refused or await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # same-origin: the desk's own forms carry their origin (CSRF check), and no
        # article URL a user follows learns where they came from.
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
