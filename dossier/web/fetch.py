"""Fetch a client-given URL on the server: only with --allow-fetch, only http(s), bounded.

A desk that fetches whatever URL a browser sends is a proxy into the analyst's
network, so this is off unless the person starting the server turns it on.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import httpx

TIMEOUT_SECONDS = 15.0


class FetchRefused(ValueError):
    """The URL is not one the server will fetch."""


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("only http:// and https:// URLs can be fetched")
    return url.strip()


def fetch_to_file(url: str, dest: Path, max_bytes: int) -> Path:
    """Stream the page into ``dest``; refuse bodies over ``max_bytes``."""
    url = check_url(url)
    size = 0
    with httpx.stream("GET", url, timeout=TIMEOUT_SECONDS, follow_redirects=True) as resp:
        resp.raise_for_status()
        with dest.open("wb") as out:
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchRefused(f"{url} is larger than {max_bytes} bytes")
                out.write(chunk)
    return dest
