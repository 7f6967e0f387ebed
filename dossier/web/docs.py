"""Interactive API docs at /docs (Swagger UI) that work offline and under the desk's CSP.

FastAPI's own /docs page loads Swagger UI from a CDN and starts it with an inline
script; an offline desk can reach no CDN, and its Content-Security-Policy refuses
inline scripts. So Swagger UI 5's files come from the ``fastapi-offline`` package
(its ``static`` folder, served under /docs/assets; the package's own app class is not
used) and a static script of ours starts it on /openapi.json. Swagger UI 5 is needed
for FastAPI's OpenAPI 3.1 schema (4.x refuses to render it).
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI, Request
from fastapi.staticfiles import StaticFiles

from dossier.web.render import templates

SWAGGER_UI = Path(fastapi_offline.__file__).parent / "static"
router = APIRouter(include_in_schema=False)


@router.get("/docs")
def swagger_ui(request: Request):
    return templates().TemplateResponse(request, "docs.html", {})


def mount_docs(app: FastAPI) -> None:
    app.mount("/docs/assets", StaticFiles(directory=SWAGGER_UI), name="swagger-ui")
    app.include_router(router)
