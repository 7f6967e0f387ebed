"""The whole store's list endpoints page in the query: a page carries its own items with a
bounded number of evidence spans each, and says how many items there are in all.

The store is filled with rows we write (articles, their actors, stance cues), as an
ingest and the actor-merging step would leave them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.config import Settings
from dossier.store import connect
from dossier.web import create_app

TEXT = ("Senator Vale backed the harbour bill on Monday. "
        "The dockworkers union condemned the harbour authority. ")


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    db = tmp_path / "stances.db"
    conn = connect(db)
    conn.execute("INSERT INTO actors(id, name, kind, merge_key) VALUES"
                 " (1, 'Maria Vale', 'person', 'person:maria vale'),"
                 " (2, 'Harbour Bill', 'organisation', 'harbour bill')")
    for n in range(5):
        article = f"a-{n}"
        conn.execute("INSERT INTO articles(id, source_path, outlet, title, published, text)"
                     " VALUES (?, ?, 'Coast Times', 'Harbour', ?, ?)",
                     (article, f"{article}.txt", f"2025-03-0{n + 1}", TEXT))
        # the senator is "Vale" in some articles, "Maria Vale" in others: one actor
        name = "Vale" if n % 2 else "Maria Vale"
        conn.execute("INSERT INTO article_actors(article_id, actor_key, name, kind, mentions,"
                     " start, end, actor_id) VALUES (?, 'k1', ?, 'person', 1, 8, 12, 1),"
                     " (?, 'k2', 'harbour bill', 'organisation', 1, 24, 36, 2)",
                     (article, name, article))
        conn.execute("INSERT INTO stance_cues(article_id, start, end, source, target, polarity,"
                     " cue) VALUES (?, 0, 47, ?, 'harbour bill', 1, 'backed')", (article, name))
        if n < 2:
            conn.execute("INSERT INTO stance_cues(article_id, start, end, source, target,"
                         " polarity, cue) VALUES (?, 48, 102, 'dockworkers union',"
                         " 'harbour authority', -1, 'condemned')", (article,))
    conn.commit()
    conn.close()
    return db


def test_the_store_stances_page_groups_by_canonical_actor_with_bounded_evidence(store) -> None:
    app = create_app(Settings(db_path=store, api_evidence_per_item=2))
    with TestClient(app, base_url="http://localhost") as client:
        body = client.get("/api/stances").json()
    assert body["total"] == 2
    first, second = body["items"]
    assert (first["source"], first["target"], first["polarity"]) == (
        "Maria Vale", "Harbour Bill", 1)
    assert first["reports"] == 5 and len(first["evidence"]) == 2  # all counted, two shown
    assert [e["article_id"] for e in first["evidence"]] == ["a-0", "a-1"]
    assert first["label"] == "backed"
    assert (second["source"], second["polarity"], second["reports"]) == (
        "dockworkers union", -1, 2)


def test_the_store_stances_pages_follow_on(store) -> None:
    app = create_app(Settings(db_path=store))
    with TestClient(app, base_url="http://localhost") as client:
        page = client.get("/api/stances?limit=1&offset=1").json()
    assert page["total"] == 2 and [i["source"] for i in page["items"]] == ["dockworkers union"]


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    """A strike reported in 2019 and one reported this March: an archive and its news."""
    db = tmp_path / "archive.db"
    conn = connect(db)
    for article, day in (("old", "2019-06-02"), ("new-1", "2025-03-01"), ("new-2", "2025-03-20")):
        conn.execute("INSERT INTO articles(id, source_path, outlet, title, published, text)"
                     " VALUES (?, ?, 'Coast Times', 'Strike', ?, ?)",
                     (article, f"{article}.txt", day, "Dockworkers struck at the port."))
        conn.execute("INSERT INTO events(article_id, start, end, trigger_start, trigger_end,"
                     " type, modality, source_actor, confidence, method)"
                     " VALUES (?, 0, 30, 12, 18, 'PROTEST', 'asserted', ?, 0.9, 'rules')",
                     (article, f"dockworkers of {article}"))
        conn.execute("INSERT INTO stance_cues(article_id, start, end, source, target, polarity,"
                     " cue) VALUES (?, 0, 30, ?, 'port authority', -1, 'struck')",
                     (article, f"union of {article}"))
    conn.commit()
    conn.close()
    return db


def _sources(client: TestClient, path: str) -> set[str]:
    body = client.get(path).json()
    return {i.get("actor") or i.get("source") for i in body["items"]}


def test_the_store_timeline_and_stances_show_the_latest_days_unless_asked(archive) -> None:
    app = create_app(Settings(db_path=archive, store_list_days=31))
    with TestClient(app, base_url="http://localhost") as client:
        assert _sources(client, "/api/timeline") == {"dockworkers of new-1",
                                                     "dockworkers of new-2"}
        assert _sources(client, "/api/stances") == {"union of new-1", "union of new-2"}
        # the archive is one date filter away
        assert _sources(client, "/api/timeline?until=2019-12-31") == {"dockworkers of old"}
        assert _sources(client, "/api/stances?since=2019-01-01&until=2019-12-31") == {
            "union of old"}
        assert len(client.get("/api/timeline?since=2019-01-01").json()["items"]) == 3
