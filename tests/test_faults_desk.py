"""Fault suite, the desk: nobody plants an article, and every page reads one snapshot.

Issue 16, items 13-17: cross-site form posts, foreign Host headers (DNS rebinding),
server-side fetches of internal addresses, uploads spooled before their limit, unbounded
offsets and dates, FTS syntax errors, a damaged search index, reads that mix two commits,
an unbounded job queue; and a bounded load test on loopback while an ingest runs.
"""

from __future__ import annotations

import http.server
import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from ingest_corpus import article_text, write_text_corpus

from dossier import pipeline
from dossier.config import Settings
from dossier.store import connect
from dossier.web import create_app, fetch
from dossier.web.deps import get_conn
from dossier.web.jobs import IngestJobs

EVIL = "http://evil.example"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 3)
    db = tmp_path / "desk.db"
    pipeline.ingest([corpus], Settings(db_path=db, extractors=()))
    return db


def articles_in(db: Path) -> int:
    conn = connect(db, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def client_for(db: Path, **settings) -> TestClient:
    return TestClient(create_app(Settings(db_path=db, **settings)), base_url="http://localhost")


def wait_for_job(client: TestClient, job_id: str, polls: int = 600) -> dict:
    """The job once it has ended, polling every 50 ms at most ``polls`` times."""
    for _ in range(polls):
        job = client.get(f"/api/ingest/jobs/{job_id}").json()
        if job["status"] not in ("queued", "running"):
            return job
        time.sleep(0.05)
    raise AssertionError("job did not finish")


# ------------------------------------------------------------------ 13. CSRF, hosts


def test_cross_site_form_post_is_refused_and_stores_nothing(store: Path) -> None:
    before = articles_in(store)
    with client_for(store) as client:
        form = client.post("/ingest", data={"text": article_text(7)}, headers={"Origin": EVIL},
                           follow_redirects=False)
        api = client.post("/api/ingest", files={"files": ("a.txt", article_text(8).encode())},
                          headers={"Origin": EVIL})
        referer = client.post("/api/ingest", data={"text": article_text(9)},
                              headers={"Referer": EVIL + "/page"})
        null = client.post("/api/ingest", data={"text": article_text(9)},
                           headers={"Origin": "null"})
    assert (form.status_code, api.status_code, referer.status_code, null.status_code) == (
        403, 403, 403, 403)
    assert "cross-site" in api.text
    assert articles_in(store) == before


def test_same_origin_form_post_is_accepted(store: Path) -> None:
    with client_for(store) as client:
        resp = client.post("/api/ingest", data={"text": article_text(7)},
                           headers={"Origin": "http://localhost"})
        assert resp.status_code == 202
        assert wait_for_job(client, resp.json()["id"])["status"] == "done"


def test_a_foreign_host_header_is_refused(store: Path) -> None:
    with client_for(store) as client:
        rebound = client.get("/api/articles", headers={"Host": "evil.example"})
        own = client.get("/api/articles", headers={"Host": "127.0.0.1:8000"})
    assert rebound.status_code == 400 and own.status_code == 200


# ------------------------------------------------------------------ 15. upload limit


def test_upload_limit_is_enforced_while_the_body_arrives(
    store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from starlette import formparsers

    parsed = {"bytes": 0}
    real = formparsers.MultiPartParser.on_part_data

    def counting(self, data: bytes, start: int, end: int) -> None:
        parsed["bytes"] += end - start
        return real(self, data, start, end)

    monkeypatch.setattr(formparsers.MultiPartParser, "on_part_data", counting)

    def chunked():  # no Content-Length: the limit must hold while reading
        boundary = b"--b0und\r\n"
        yield boundary + b'Content-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'
        for _ in range(256):
            yield b"x" * 65536  # 16 MiB in all
        yield b"\r\n--b0und--\r\n"

    with client_for(store, max_upload_bytes=100_000) as client:
        resp = client.post("/api/ingest", content=chunked(),
                           headers={"Content-Type": "multipart/form-data; boundary=b0und"})
    assert resp.status_code == 413
    assert parsed["bytes"] < 1_000_000


# ------------------------------------------------------------------ 14. SSRF


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/", "http://0x7f000001/", "http://127.1/",
    "http://[::1]/", "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest",
    "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/",
])
def test_fetch_refuses_internal_addresses_after_resolving_them(tmp_path: Path, url: str) -> None:
    with pytest.raises(fetch.FetchRefused, match="address"):
        fetch.fetch_to_file(url, tmp_path / "page.html", 1_000_000)
    assert not (tmp_path / "page.html").exists()


class _Handler(http.server.BaseHTTPRequestHandler):
    redirect_to = ""

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        try:
            for _ in range(200):  # a slow drip: one byte every 0.1 s
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def local_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_redirect_to_an_internal_address_is_refused(
    tmp_path: Path, local_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend 127.0.0.1 were public, so the first hop is fetched; its redirect is not.
    monkeypatch.setattr(fetch, "refusal", lambda a: None if a == "127.0.0.1" else "internal")
    _Handler.redirect_to = "http://127.0.0.2/secret"
    with pytest.raises(fetch.FetchRefused, match="127.0.0.2"):
        fetch.fetch_to_file(local_server + "/redirect", tmp_path / "p.html", 1_000_000)


def test_a_slow_drip_is_cut_at_the_total_time_limit(
    tmp_path: Path, local_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "refusal", lambda a: None)
    start = time.monotonic()
    with pytest.raises(fetch.FetchRefused, match="longer than"):
        fetch.fetch_to_file(local_server + "/drip", tmp_path / "p.html", 1_000_000, 1.0)
    assert time.monotonic() - start < 4


def test_the_desk_fetching_itself_is_an_error_row_not_an_article(store: Path) -> None:
    before = articles_in(store)
    with client_for(store, allow_fetch=True) as client:
        resp = client.post("/api/ingest", data={"url": "http://127.0.0.1:8000/api/articles",
                                                "text": article_text(11)})
        job = wait_for_job(client, resp.json()["id"])
    assert job["status"] == "done"
    [error] = job["errors"]
    assert "loopback" in error["reason"]
    assert articles_in(store) == before + 1  # the pasted text, not the fetched page


# ------------------------------------------------------------------ 16. parameters


def test_parameters_out_of_range_are_422_not_500(store: Path) -> None:
    with client_for(store) as client:
        for path in ("/api/articles", "/api/events", "/api/quotes", "/api/errors"):
            assert client.get(path, params={"offset": 9223372036854775808}).status_code == 422
        for value in ("' OR '1'='1", "2024-13-45", "yesterday"):
            resp = client.get("/api/articles", params={"since": value})
            assert resp.status_code == 422, value
            assert "ISO date" in resp.json()["detail"]
        assert client.get("/api/articles", params={"since": "2020-01-01"}).status_code == 200


def test_an_fts_syntax_error_is_a_400_with_the_reason(store: Path) -> None:
    with client_for(store) as client:
        api = client.get("/api/search", params={"q": '"unbalanced'})
        page = client.get("/search", params={"q": "harbour AND"})
    assert api.status_code == 400 and "bad search query" in api.json()["detail"]
    assert page.status_code == 400 and "bad search query" in page.text


def test_a_damaged_search_index_is_a_503_that_says_what_to_do(store: Path) -> None:
    conn = sqlite3.connect(store)
    conn.execute("UPDATE articles_fts_data SET block = substr(block, 1, 20) WHERE id > 10")
    conn.commit()
    conn.close()
    with client_for(store) as client:
        resp = client.get("/api/search", params={"q": "harbour"})
    assert resp.status_code == 503 and "dossier check" in resp.json()["detail"]


# ------------------------------------------------------------------ 17. snapshots, queue


def test_one_request_reads_one_snapshot_while_an_ingest_commits(store: Path) -> None:
    settings = Settings(db_path=store)
    deps = get_conn(settings)
    conn = next(deps)
    before = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    writer = connect(store)
    writer.execute("INSERT INTO articles(id, source_path, text) VALUES ('late', 'l.txt', 'x')")
    writer.commit()
    writer.close()
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == before
    deps.close()


def test_the_job_queue_is_bounded_and_a_queued_job_can_be_cancelled(
    tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    ran: list[str] = []

    def slow_ingest(paths, settings, progress=None):
        ran.append(str(paths[0]))
        release.wait(10)
        return pipeline.IngestReport(db_path=str(settings.db_path))

    from dossier.web.jobs import QueueFull

    monkeypatch.setattr(pipeline, "ingest", slow_ingest)
    jobs = IngestJobs(Settings(db_path=store, max_queued_jobs=2))
    folders = []
    for i in range(4):
        folders.append(tmp_path / f"job{i}")
        folders[-1].mkdir()
        (folders[-1] / "a.txt").write_text(article_text(i), encoding="utf-8")
    # Each job has one input, so the worker sits in the slow ingest of the first one.
    first = jobs.submit(folders[0], ["a.txt"])
    for _ in range(500):
        if ran:
            break
        time.sleep(0.02)
    assert ran, "the worker never started the first job"
    second, third = jobs.submit(folders[1], ["a.txt"]), jobs.submit(folders[2], ["a.txt"])
    with pytest.raises(QueueFull):
        jobs.submit(folders[3], ["a.txt"])
    assert jobs.cancel(second.id).status == "cancelled"
    release.set()
    jobs.pool.shutdown(wait=True)
    assert first.status == third.status == "done" and second.status == "cancelled"
    assert not any(str(folders[1]) in path for path in ran)


def test_a_full_queue_is_a_503_on_the_api(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    monkeypatch.setattr(pipeline, "ingest", lambda *a, **k: release.wait(10) and None)
    with client_for(store, max_queued_jobs=1) as client:
        codes = [client.post("/api/ingest", data={"text": article_text(i)}).status_code
                 for i in range(4)]
        release.set()
    assert codes[:2] == [202, 202] and 503 in codes[2:]


# ------------------------------------------------------------------ load on loopback


@pytest.mark.slow
def test_no_5xx_under_load_while_an_ingest_commits(tmp_path: Path, store: Path) -> None:
    """20 concurrent clients on a real server (loopback), bounded to 200 requests."""
    import uvicorn

    app = create_app(replace(Settings(db_path=store), allowed_hosts=("127.0.0.1",)))
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    for _ in range(200):
        if server.started:
            break
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    more = tmp_path / "more"
    write_text_corpus(more, 30, start=100)
    ingesting = threading.Thread(
        target=pipeline.ingest, args=([more], Settings(db_path=store, commit_every=1,
                                                       extractors=("actors", "stories"))))
    ingesting.start()
    paths = ["/api/articles", "/api/stories", "/api/search?q=harbour", "/", "/api/errors"]

    def get(i: int) -> int:
        with httpx.Client(base_url=base, timeout=30) as client:
            return client.get(paths[i % len(paths)]).status_code

    try:
        with ThreadPoolExecutor(20) as pool:
            codes = list(pool.map(get, range(200)))
    finally:
        ingesting.join(120)
        server.should_exit = True
        thread.join(10)
    assert not [c for c in codes if c >= 500]
    assert codes.count(200) == len(codes)
