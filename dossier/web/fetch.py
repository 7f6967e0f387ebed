"""Fetch a client-given URL on the server: only with --allow-fetch, only public http(s).

A desk that fetches whatever URL a browser sends is a proxy into the analyst's network
(SSRF): ``http://127.1/``, ``http://0x7f000001/``, a name that resolves to 10.0.0.5, or a
public page that redirects to ``http://169.254.169.254/`` would all be fetched and
become searchable articles. So every address is checked *after* DNS resolution, at the
moment of connecting (a rebinding DNS answer cannot slip in between check and connect),
on every redirect hop; only globally routable addresses pass, never the desk's own.
Proxies from the environment are not used (the check must see the real peer). The
whole fetch — connects, redirects, body — has one deadline, however slowly a server
drips its bytes.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

MAX_REDIRECTS = 5
READ_TIMEOUT = 5.0  # between two chunks; the deadline bounds the total


class FetchRefused(ValueError):
    """The URL is not one the server will fetch."""


def check_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchRefused("only http:// and https:// URLs can be fetched")
    return url.strip()


def _own_addresses() -> set[str]:
    """This machine's addresses (the desk's own), as far as its name resolves."""
    own: set[str] = set()
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None):
            own.add(str(info[4][0]))
    except OSError:
        pass
    return own


def refusal(address: str) -> str | None:
    """Why ``address`` (an IP) must not be fetched, or None for a public address."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private:
        return "a private-network address"
    if not ip.is_global or ip.is_multicast:
        return "not a public address"
    if str(ip) in _own_addresses():
        return "the desk's own address"
    return None


def public_address(host: str, port: int) -> str:
    """The address to connect to for ``host``: resolved, and refused unless all are public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise FetchRefused(f"{host} does not resolve: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]
    for address in addresses:
        why = refusal(address)
        if why:
            raise FetchRefused(f"{host} resolves to {address}, {why}: not fetched")
    return addresses[0]


class _PublicOnlyBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to vetted public addresses."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        address = public_address(host, port)
        return super().connect_tcp(address, port, timeout, local_address, socket_options)


def _client(timeout: float) -> httpx.Client:
    transport = httpx.HTTPTransport(retries=0)
    # httpx offers no public hook for the network backend; the pool's is the connect point.
    transport._pool._network_backend = _PublicOnlyBackend()
    return httpx.Client(
        transport=transport, trust_env=False, follow_redirects=False,
        timeout=httpx.Timeout(timeout, read=min(timeout, READ_TIMEOUT)),
    )


def fetch_to_file(url: str, dest: Path, max_bytes: int, total_seconds: float = 15.0) -> Path:
    """Stream the page into ``dest``; refuse private targets, bodies over ``max_bytes``
    and fetches past ``total_seconds`` (redirects followed by hand, each one checked)."""
    url = check_url(url)
    deadline = time.monotonic() + total_seconds
    with _client(total_seconds) as client:
        for _ in range(MAX_REDIRECTS + 1):
            with client.stream("GET", url) as resp:
                if resp.is_redirect and "location" in resp.headers:
                    url = check_url(urljoin(url, resp.headers["location"]))
                    continue
                resp.raise_for_status()
                size = 0
                with dest.open("wb") as out:
                    for chunk in resp.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchRefused(f"{url} is larger than {max_bytes} bytes")
                        if time.monotonic() > deadline:
                            raise FetchRefused(
                                f"{url} took longer than {total_seconds:g} s: not fetched"
                            )
                        out.write(chunk)
                return dest
    raise FetchRefused(f"{url}: more than {MAX_REDIRECTS} redirects")
