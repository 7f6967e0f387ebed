"""Errors a person reads: an HTML page for the pages, JSON for the API and for machines.

A missing story opened from a link should say so on a page with the desk around it,
not print ``{"detail": "Not Found"}``; an API client keeps getting JSON.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException

from dossier.web.render import render

TITLES = {404: "Not found", 405: "Not allowed", 413: "Too large", 422: "Not understood"}


def wants_html(request: Request) -> bool:
    """A page request (not /api, not /static) from a client that accepts HTML."""
    path = request.url.path
    if path.startswith(("/api/", "/static/", "/openapi.json", "/docs")):
        return False
    return "text/html" in request.headers.get("accept", "")


def install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(HTTPException)
    async def page_or_json(request: Request, exc: HTTPException):
        if not wants_html(request):
            return await http_exception_handler(request, exc)
        detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "")
        return _page(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError):
        if not wants_html(request):
            return await request_validation_exception_handler(request, exc)
        wrong = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
        return _page(request, 422, "this page does not understand the value of "
                     + (", ".join(wrong) or "a parameter")
                     + " (dates are written YYYY-MM-DD)")


def _page(request: Request, code: int, detail: str):
    return render(request, "error.html", status_code=code,
                  title=TITLES.get(code, f"Error {code}"), detail=detail, code=code)
