"""The ingest page tells the analyst what became of every input, through the HTTP layer.

Each upload outcome the pipeline decides is shown on the job: a new article (linked), a
duplicate (linked to the stored one), a refused text file and a refused binary (with the
reader's reason), and a pasted date that does not parse refused before anything is stored.
"""

from __future__ import annotations

import re
import struct
import threading
import time
import zlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from ingest_corpus import article_text
from test_faults_desk import wait_for_job

from dossier import pipeline
from dossier.config import Settings
from dossier.store import connect
from dossier.web import create_app


def tiny_png() -> bytes:
    """A valid 1×1 PNG, made here (a photo an analyst might drop by mistake)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store already holding article 1 (so uploading it again is a duplicate)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "stored.txt").write_text(
        f" date 2024-05-02 \ntitle Ferry route 1 to reopen\nsource Velland Post\n\n"
        f"{article_text(1)}\n", encoding="utf-8")
    db = tmp_path / "desk.db"
    pipeline.ingest([corpus], Settings(db_path=db, extractors=()))
    return db


@pytest.fixture
def client(store: Path):
    with TestClient(create_app(Settings(db_path=store, extractors=())),
                    base_url="http://localhost") as c:
        yield c


def finished(client: TestClient, job_id: str) -> dict:
    return wait_for_job(client, job_id, polls=1200)


def upload(client: TestClient, files: list[tuple[str, bytes]]) -> tuple[dict, str]:
    """Post through the page's form, follow to the job page; (job JSON, job page HTML)."""
    resp = client.post("/ingest", files=[("files", f) for f in files], follow_redirects=False)
    assert resp.status_code == 303, resp.text
    job_id = resp.headers["location"].rsplit("/", 1)[1]
    job = finished(client, job_id)
    return job, client.get(f"/ingest/jobs/{job_id}").text


def only_input(job: dict, name: str) -> dict:
    return next(i for i in job["inputs"] if i["name"] == name)


def article_count(db: Path) -> int:
    conn = connect(db, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    finally:
        conn.close()


def test_a_new_article_is_listed_with_a_link_to_it(client: TestClient) -> None:
    text = f" date 2024-05-09 \ntitle Ferry route 9 reopens\n\n{article_text(9)}\n"
    job, page = upload(client, [("route9.txt", text.encode())])
    [outcome] = only_input(job, "route9.txt")["outcomes"]
    assert outcome["kind"] == "new" and outcome["article"]["title"] == "Ferry route 9 reopens"
    assert job["done"] == job["total"] == 1
    link = f'href="/articles/{outcome["article_id"]}"'
    assert link in page and "New article" in page
    assert client.get(f"/articles/{outcome['article_id']}").status_code == 200


def test_a_duplicate_links_to_the_stored_article_and_stores_nothing(
        client: TestClient, store: Path) -> None:
    before = article_count(store)
    again = f" date 2024-05-02 \ntitle Another headline\n\n{article_text(1)}\n"
    job, page = upload(client, [("again.txt", again.encode())])
    [outcome] = only_input(job, "again.txt")["outcomes"]
    assert outcome["kind"] == "duplicate"
    assert outcome["article"]["title"] == "Ferry route 1 to reopen", "the stored one, linked"
    assert article_count(store) == before
    assert f'href="/articles/{outcome["article_id"]}"' in page
    assert re.search(r"Duplicate</span>\s*already stored as", page)


def test_an_empty_text_file_is_refused_with_its_reason(client: TestClient) -> None:
    job, page = upload(client, [("blank.txt", b"  \n\n")])
    [outcome] = only_input(job, "blank.txt")["outcomes"]
    assert outcome["kind"] == "refused" and "empty input" in outcome["reason"]
    assert "blank.txt" in page and outcome["reason"] in page


def test_an_uploaded_png_is_refused_as_binary_not_lost(client: TestClient) -> None:
    text = f" date 2024-05-10 \n\n{article_text(10)}\n"
    job, page = upload(client, [("photo.png", tiny_png()), ("route10.txt", text.encode())])
    [photo] = only_input(job, "photo.png")["outcomes"]
    assert photo["kind"] == "refused" and "binary" in photo["reason"]
    assert "photo.png" in page and photo["reason"] in page
    [route] = only_input(job, "route10.txt")["outcomes"]
    assert route["kind"] == "new", "the rest of the batch goes on"


def test_a_pasted_date_that_does_not_parse_is_refused_and_the_text_kept(
        client: TestClient, store: Path) -> None:
    before = article_count(store)
    form = {"text": article_text(11), "title": "Route 11", "date": "next tuesday-ish"}
    page = client.post("/ingest", data=form, follow_redirects=False)
    assert page.status_code == 400
    assert "next tuesday-ish" in page.text and "is not a date" in page.text
    assert 'aria-invalid="true"' in page.text
    assert "harbour master Ines Calder" in page.text, "the pasted text is given back"
    api = client.post("/api/ingest", data=form)
    assert api.status_code == 400 and "is not a date" in api.json()["detail"]
    assert article_count(store) == before


def test_a_pasted_date_in_words_is_stored_as_that_date(client: TestClient) -> None:
    form = {"text": article_text(12), "title": "Route 12", "date": "4 March 2025"}
    resp = client.post("/api/ingest", data=form)
    assert resp.status_code == 202
    [outcome] = only_input(finished(client, resp.json()["id"]), "pasted.txt")["outcomes"]
    assert outcome["kind"] == "new" and outcome["article"]["published"] == "2025-03-04"


def test_progress_moves_file_by_file_with_each_outcome_shown_as_it_lands(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    real_ingest, gate = pipeline.ingest, threading.Event()

    def second_file_waits(paths, settings, progress=None):
        if Path(paths[0]).name == "second.txt":
            assert gate.wait(30)
        return real_ingest(paths, settings, progress)

    monkeypatch.setattr(pipeline, "ingest", second_file_waits)
    files = [("files", (name, f" date 2024-05-1{i} \n\n{article_text(20 + i)}\n".encode()))
             for i, name in enumerate(["first.txt", "second.txt"])]
    job_id = client.post("/api/ingest", files=files).json()["id"]
    try:
        for _ in range(600):
            job = client.get(f"/api/ingest/jobs/{job_id}").json()
            if job["done"]:
                break
            time.sleep(0.05)
        first, second = job["inputs"]
        assert (job["done"], job["total"], job["status"]) == (1, 2, "running")
        assert first["state"] == "done" and first["outcomes"][0]["kind"] == "new"
        assert first["outcomes"][0]["article"]["id"] == first["outcomes"][0]["article_id"]
        assert second["state"] == "working" and second["outcomes"] == []
        assert "2 of 2: second.txt" in job["message"]
    finally:
        gate.set()
    job = finished(client, job_id)
    assert job["done"] == 2 and [i["state"] for i in job["inputs"]] == ["done", "done"]


def test_cancelling_a_running_job_reports_what_was_stored_before_it_stopped(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    real_ingest, started, gate = pipeline.ingest, threading.Event(), threading.Event()

    def second_file_waits(paths, settings, progress=None):
        if Path(paths[0]).name == "second.txt":
            started.set()
            assert gate.wait(30)
        return real_ingest(paths, settings, progress)

    monkeypatch.setattr(pipeline, "ingest", second_file_waits)
    files = [("files", (name, f" date 2024-06-1{i} \n\n{article_text(30 + i)}\n".encode()))
             for i, name in enumerate(["first.txt", "second.txt", "third.txt"])]
    job_id = client.post("/api/ingest", files=files).json()["id"]
    try:
        assert started.wait(60)
        assert client.post(f"/api/ingest/jobs/{job_id}/cancel").json()["status"] == "running"
    finally:
        gate.set()
    job = finished(client, job_id)
    assert job["status"] == "cancelled"
    states = {i["name"]: (i["state"], [o["kind"] for o in i["outcomes"]]) for i in job["inputs"]}
    assert states == {"first.txt": ("done", ["new"]), "second.txt": ("done", ["new"]),
                      "third.txt": ("cancelled", [])}, "the input in flight is reported"
