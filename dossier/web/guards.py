"""The desk's walls against other sites and other hosts: CSRF and allowed hosts.

A desk on 127.0.0.1 is still reachable from any page the analyst opens: a cross-site
form can POST an article into the store (CSRF), and a rebinding DNS name can point at
127.0.0.1 and read the API under the attacker's origin. So every request must name an
allowed host, and every state-changing request must come from the desk's own origin.

The origin check is strict: a browser sends ``Origin`` (or at least ``Referer``, which
the desk's ``Referrer-Policy: same-origin`` lets through to itself) on every POST; one
that names another origin, or ``null``, is refused. A request with neither is not from a
browser form (curl, a script) and cannot ride on the analyst's browser, so it passes.
The desk sets no cookies, so there is no session to steal; ``SameSite`` has nothing to
guard.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def host_name(value: str) -> str | None:
    """The host of a ``Host`` header or an origin, lower-cased, without port or brackets."""
    try:
        return urlsplit("//" + value.strip() if "//" not in value else value).hostname
    except ValueError:
        return None


def _origin(value: str) -> tuple[str, str, int | None] | None:
    try:
        parts = urlsplit(value)
        return (parts.scheme, (parts.hostname or "").lower(), parts.port)
    except ValueError:
        return None


def refusal(request: Request, allowed_hosts: Iterable[str]) -> Response | None:
    """Why this request must not be served (a 400 or 403 response), or None."""
    host_header = request.headers.get("host", "")
    host = host_name(host_header)
    allowed = {h.strip("[]").lower() for h in allowed_hosts}
    if "*" not in allowed and (host is None or host not in allowed):
        return PlainTextResponse(f"host not allowed: {host_header[:100]!r}", status_code=400)
    if request.method in SAFE_METHODS:
        return None
    claimed = request.headers.get("origin") or request.headers.get("referer")
    if claimed is None:
        return None
    own = _origin(f"{request.url.scheme}://{host_header}")
    theirs = _origin(claimed)
    if claimed == "null" or theirs is None or own is None:
        return PlainTextResponse("cross-site request refused: origin 'null'", status_code=403)
    default = {"http": 80, "https": 443}
    same = (theirs[0] == own[0] and theirs[1] == own[1]
            and (theirs[2] or default.get(theirs[0])) == (own[2] or default.get(own[0])))
    if not same:
        return PlainTextResponse(
            f"cross-site request refused: origin {claimed[:100]!r} is not this desk",
            status_code=403,
        )
    return None
