"""Every list endpoint pages in its query: a page holds ``limit`` items from ``offset``,
``total`` counts them all, and a grouped item carries a bounded sample of its evidence.

The store is filled with rows we write: one article naming the same city many times,
so the grouped place would otherwise carry every mention.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from dossier.config import Settings
from dossier.store import connect
from dossier.web import create_app

CITIES = ["Port Elma", "Kisumu", "Nakuru"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("paging") / "paging.db"
    conn = connect(db)
    for day in range(1, 13):
        aid = f"a-{day:02d}"
        text = " ".join(f"Crowds gathered in {c} on day {day}." for c in CITIES * 3)
        conn.execute("INSERT INTO articles(id, source_path, outlet, published, text)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (aid, f"{aid}.txt", "Harbor Ledger" if day % 2 else "Coast Times",
                      f"2025-03-{day:02d}", text))
        for city in CITIES:
            for found in re.finditer(city, text):
                conn.execute("INSERT INTO places(article_id, start, end, text, name, feature,"
                             " confidence,"
                             " country) VALUES (?, ?, ?, ?, ?, 'city', 0.9, 'KE')",
                             (aid, found.start(), found.end(), city, city))
        start = text.index("gathered")
        conn.execute("INSERT INTO events(article_id, start, end, trigger_start, trigger_end,"
                     " type, modality, source_actor, confidence, method) VALUES"
                     " (?, ?, ?, ?, ?, 'PROTEST', 'asserted', 'Crowds', 0.9, 'rules')",
                     (aid, 0, 40, start, start + 8))
        conn.execute("INSERT INTO quotes(article_id, seq, kind, content, content_start,"
                     " content_end, speaker) VALUES (?, 0, 'direct', 'Crowds gathered', 0, 15,"
                     " 'A witness')", (aid,))
    for n in range(1, 8):  # stories of one article each, and actors named in them
        conn.execute("INSERT INTO stories(id, title, first_seen, last_seen, n_articles,"
                     " centroid) VALUES (?, ?, ?, ?, 1, '{}')",
                     (f"s-{n}", f"Day {n}", f"2025-03-{n:02d}", f"2025-03-{n:02d}"))
        conn.execute("INSERT INTO story_articles(story_id, article_id) VALUES (?, ?)",
                     (f"s-{n}", f"a-{n:02d}"))
        conn.execute("INSERT INTO actors(id, name, kind, merge_key) VALUES (?, ?, 'person', ?)",
                     (n, f"Witness {n}", f"witness {n}"))
        conn.execute("INSERT INTO article_actors(article_id, actor_key, name, kind, mentions,"
                     " start, end, actor_id) VALUES (?, ?, ?, 'person', ?, 0, 6, ?)",
                     (f"a-{n:02d}", f"witness {n}", f"Witness {n}", n, n))
    conn.commit()
    conn.close()
    settings = Settings(db_path=db, api_evidence_per_item=4)
    with TestClient(create_app(settings), base_url="http://localhost") as c:
        yield c


@pytest.mark.parametrize("endpoint", ["/api/events", "/api/quotes", "/api/places",
                                      "/api/stories", "/api/actors"])
def test_pages_walk_the_list_once_without_overlap(client: TestClient, endpoint: str) -> None:
    whole = client.get(endpoint, params={"limit": 500}).json()
    seen = []
    for offset in range(0, whole["total"], 5):
        page = client.get(endpoint, params={"limit": 5, "offset": offset}).json()
        assert page["total"] == whole["total"] and page["limit"] == 5
        seen += page["items"]
    assert seen == whole["items"]
    assert len(seen) == whole["total"] > 2


def test_default_page_is_bounded(client: TestClient) -> None:
    page = client.get("/api/events").json()
    assert page["limit"] == 50 and len(page["items"]) <= 50
    assert client.get("/api/events", params={"limit": 501}).status_code == 422


def test_a_place_carries_a_bounded_sample_of_its_mentions(client: TestClient) -> None:
    places = client.get("/api/places").json()["items"]
    assert [p["name"] for p in places] == sorted(CITIES)  # 36 mentions each: by name
    for place in places:
        assert place["mentions"] == 36
        assert len(place["evidence"]) == 4  # Settings.api_evidence_per_item
        assert [e["article_id"] for e in place["evidence"]] == ["a-01"] * 3 + ["a-02"]


def test_filters_narrow_the_counted_total(client: TestClient) -> None:
    assert client.get("/api/events").json()["total"] == 12
    assert client.get("/api/events", params={"outlet": "coast times"}).json()["total"] == 6
    assert client.get("/api/quotes", params={"since": "2025-03-10"}).json()["total"] == 3
    places = client.get("/api/places", params={"until": "2025-03-02"}).json()["items"]
    assert {p["mentions"] for p in places} == {6}
    stories = client.get("/api/stories", params={"since": "2025-03-05"}).json()
    assert stories["total"] == 3 and [s["id"] for s in stories["items"]] == ["s-7", "s-6", "s-5"]
    actors = client.get("/api/actors", params={"limit": 2}).json()
    assert actors["total"] == 7 and [a["name"] for a in actors["items"]] == ["Witness 7",
                                                                            "Witness 6"]
