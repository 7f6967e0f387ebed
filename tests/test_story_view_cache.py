"""Story views (digest, contradictions, stances) are kept per story version: computed once
while the story stays as it is, recomputed as soon as an ingest touches it.

The store is filled with rows we write, as an ingest commit writes them (article,
digest units, story membership, copies, outlet renames), so each test can say exactly
what changed between two requests.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.config import Settings
from dossier.store import connect
from dossier.store.outlet_names import rename_outlet
from dossier.store.story_index import story_version
from dossier.stories import digest as digest_module
from dossier.stories.view_cache import ArticleMemo, StoryViewCache
from dossier.web import create_app

FIRST = ("Dockworkers at the port of Elma walked off the job on Monday over unpaid wages. "
         "The harbour authority said ships were being diverted to the northern terminal.")
SECOND = ("The port of Elma stayed shut on Tuesday as striking dockworkers picketed the gates. "
          "Union leaders demanded that the harbour authority pay three months of wages.")


def _terms(sentence: str) -> list[str]:
    stop = {"the", "of", "at", "on", "as", "that", "over", "were", "was", "to", "be", "being"}
    return [w for w in re.findall(r"[a-z]+", sentence.lower()) if w not in stop]


def add_article(conn, article_id: str, outlet: str, published: str, text: str,
                story: str = "s-port") -> None:
    """What an ingest commit stores for a story's new article: the article, its digest
    units and its membership (the clusterer also refreshes the story's row)."""
    conn.execute("INSERT INTO articles(id, source_path, outlet, title, published, text)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
                 (article_id, f"{article_id}.txt", outlet, text[:30], published, text))
    start = 0
    for seq, sentence in enumerate(re.findall(r"[^.]+\.", text)):
        begin = text.index(sentence.strip(), start)
        end = begin + len(sentence.strip())
        conn.execute("INSERT INTO story_sentences(article_id, seq, start, end, terms)"
                     " VALUES (?, ?, ?, ?, ?)",
                     (article_id, seq, begin, end, json.dumps(_terms(sentence))))
        start = end
    conn.execute("INSERT OR IGNORE INTO stories(id, title, first_seen, last_seen, n_articles,"
                 " centroid) VALUES (?, 'Port strike', ?, ?, 0, '{}')",
                 (story, published, published))
    conn.execute("INSERT INTO story_articles(story_id, article_id) VALUES (?, ?)",
                 (story, article_id))
    conn.execute("UPDATE stories SET n_articles = n_articles + 1, last_seen = ? WHERE id = ?",
                 (published, story))


@pytest.fixture()
def desk(tmp_path: Path):
    db = tmp_path / "desk.db"
    conn = connect(db)
    add_article(conn, "a-one", "Harbor Ledger", "2025-03-03", FIRST)
    conn.commit()
    app = create_app(Settings(db_path=db))
    with TestClient(app, base_url="http://localhost") as client:
        yield client, conn, app.state.story_views
    conn.close()


def digest_text(client: TestClient) -> str:
    response = client.get("/api/stories/s-port/digest")
    assert response.status_code == 200
    return " ".join(s["text"] for s in response.json()["sentences"])


def test_a_story_digest_is_computed_once_while_the_story_is_unchanged(desk) -> None:
    client, _, cache = desk
    first = client.get("/api/stories/s-port/digest").json()
    before = cache.computed
    assert client.get("/api/stories/s-port/digest").json() == first
    assert cache.computed == before
    page = client.get("/stories/s-port").text  # its digest is the one computed above
    after_page = cache.computed
    assert client.get("/stories/s-port").text == page
    assert cache.computed == after_page


def test_an_article_joining_the_story_shows_in_the_next_digest(desk) -> None:
    client, conn, _ = desk
    assert "three months" not in digest_text(client)
    add_article(conn, "a-two", "Coast Times", "2025-03-04", SECOND)
    conn.commit()
    assert "three months" in digest_text(client)
    outlets = {o for s in client.get("/api/stories/s-port/digest").json()["sentences"]
               for o in s["outlets"]}
    assert outlets == {"Harbor Ledger", "Coast Times"}


def test_an_article_of_another_story_leaves_the_story_cached(desk) -> None:
    client, conn, cache = desk
    digest_text(client)
    before = cache.computed
    add_article(conn, "a-other", "Coast Times", "2025-03-04", SECOND, story="s-other")
    conn.commit()
    digest_text(client)
    assert cache.computed == before


def test_a_renamed_outlet_is_named_in_the_next_digest(desk) -> None:
    client, conn, _ = desk
    digest_text(client)
    rename_outlet(conn, "Harbor Ledger", "The Harbor Ledger")
    conn.commit()
    outlets = {o for s in client.get("/api/stories/s-port/digest").json()["sentences"]
               for o in s["outlets"]}
    assert outlets == {"The Harbor Ledger"}


def test_an_article_made_a_copy_changes_the_story_version(desk) -> None:
    _, conn, _ = desk
    add_article(conn, "a-two", "Coast Times", "2025-03-04", SECOND)
    conn.commit()
    before = story_version(conn, "s-port")
    conn.execute("INSERT INTO article_copies(article_id, original_id, similarity)"
                 " VALUES ('a-two', 'a-one', 0.9)")
    assert story_version(conn, "s-port") != before
    assert story_version(conn, "s-missing") is None


def test_the_cache_recomputes_a_stale_version_and_forgets_the_least_recent_story() -> None:
    cache = StoryViewCache(size=2)
    calls: list[str] = []

    def view(name: str):
        return lambda: calls.append(name) or name

    assert cache.get("a", "digest", "v1", view("a1")) == "a1"
    assert cache.get("a", "digest", "v1", view("a1 again")) == "a1"  # same version: kept
    assert cache.get("a", "stances", "v1", view("a stances")) == "a stances"  # another view
    assert cache.get("a", "digest", "v2", view("a2")) == "a2"  # the story changed
    assert cache.get("a", "stances", "v2", view("a stances 2")) == "a stances 2"
    cache.get("b", "digest", "v1", view("b1"))
    cache.get("c", "digest", "v1", view("c1"))  # a third story: "a" was used least recently
    assert cache.get("a", "digest", "v2", view("a2 again")) == "a2 again"
    assert cache.get("x", "digest", None, view("none")) == "none"  # no such story: not kept
    assert calls == ["a1", "a stances", "a2", "a stances 2", "b1", "c1", "a2 again", "none"]


def test_a_story_keeps_a_bounded_number_of_views() -> None:
    cache = StoryViewCache(size=4, views_per_story=2)
    for n in range(3):  # three filtered pages of one story
        cache.get("a", ("page", n), "v1", lambda n=n: n)
    assert cache.get("a", ("page", 0), "v1", lambda: "again") == "again"  # the oldest went
    assert cache.get("a", ("page", 2), "v1", lambda: "kept?") == 2


def test_a_renamed_or_merged_actor_changes_the_story_version(desk) -> None:
    _, conn, _ = desk
    conn.execute("INSERT INTO actors(id, name, kind, merge_key) VALUES"
                 " (1, 'Duarte', 'person', 'duarte'), (2, 'Ana Duarte', 'person', 'ana duarte')")
    conn.execute("INSERT INTO article_actors(article_id, actor_key, name, kind, mentions, start,"
                 " end, actor_id) VALUES ('a-one', 'duarte', 'Duarte', 'person', 1, 0, 6, 1)")
    first = story_version(conn, "s-port")
    conn.execute("UPDATE actors SET name = 'Ana M. Duarte' WHERE id = 1")  # a fuller name
    renamed = story_version(conn, "s-port")
    conn.execute("UPDATE article_actors SET actor_id = 2 WHERE actor_id = 1")  # merged
    assert len({first, renamed, story_version(conn, "s-port")}) == 3


def test_the_story_page_shows_an_article_that_joined_since_it_was_last_shown(desk) -> None:
    client, conn, _ = desk
    before = client.get("/stories/s-port").text
    assert "Coast Times" not in before and client.get("/stories/s-port").text == before
    add_article(conn, "a-two", "Coast Times", "2025-03-04", SECOND)
    conn.commit()
    assert "Coast Times" in client.get("/stories/s-port").text


def test_a_story_that_gains_an_article_judges_only_the_new_articles_units(desk,
                                                                         monkeypatch) -> None:
    client, conn, _ = desk
    judged: list[str] = []
    real = digest_module.hygiene.stands_alone

    def counting(text, *args, **kwargs):
        judged.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(digest_module.hygiene, "stands_alone", counting)
    digest_text(client)
    assert judged and all(t in FIRST for t in judged)
    judged.clear()
    add_article(conn, "a-two", "Coast Times", "2025-03-04", SECOND)
    conn.commit()
    assert "three months" in digest_text(client)  # the new version of the story
    assert judged and all(t in SECOND for t in judged)  # a-one's units were not judged again


def test_digest_and_contradictions_group_the_story_once(desk, monkeypatch) -> None:
    client, conn, _ = desk
    add_article(conn, "a-two", "Coast Times", "2025-03-04", SECOND)
    conn.commit()
    groupings: list[str] = []
    real = digest_module._group_units

    def counting(mat, settings):
        groupings.append(mat.story_id)
        return real(mat, settings)

    monkeypatch.setattr(digest_module, "_group_units", counting)
    assert client.get("/api/stories/s-port/digest").status_code == 200
    assert client.get("/api/stories/s-port/contradictions").status_code == 200
    assert groupings == ["s-port"]


def test_the_unit_memo_keeps_the_most_recently_used_entries() -> None:
    memo = ArticleMemo(size=2)
    memo["a"], memo["b"] = True, False
    assert memo["a"] is True  # "a" used: "b" is now the least recent
    memo["c"] = True
    assert "b" not in memo and memo.get("a") is True and len(memo) == 2


def test_a_story_that_gains_a_newer_article_groups_only_its_units(desk, monkeypatch) -> None:
    client, conn, _ = desk
    grouped: list[list[str]] = []
    real = digest_module.ParaphraseIndex.first_match

    def counting(self, terms):
        grouped.append(list(terms))
        return real(self, terms)

    monkeypatch.setattr(digest_module.ParaphraseIndex, "first_match", counting)
    digest_text(client)
    assert grouped and all(set(t) <= set(_terms(FIRST)) for t in grouped)
    grouped.clear()
    add_article(conn, "a-two", "Coast Times", "2025-03-04", SECOND)  # the newest report
    conn.commit()
    continued = client.get("/api/stories/s-port/digest").json()
    assert grouped and all(set(t) <= set(_terms(SECOND)) for t in grouped)
    # the same digest as grouping the whole story afresh
    fresh = create_app(Settings(db_path=conn.execute("PRAGMA database_list").fetchone()[2]))
    with TestClient(fresh, base_url="http://localhost") as other:
        assert other.get("/api/stories/s-port/digest").json() == continued
