"""The desk's JSON API and pages through FastAPI's TestClient, on a store we fill ourselves.

The store is filled with rows we write (articles, removed clutter, errors) so these
tests check the web layer itself: paging, filters, evidence, escaping, limits.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dossier.config import Settings
from dossier.store import connect
from dossier.stories.view_cache import StoryViewCache
from dossier.web import create_app
from dossier.web.clutter import place_removed
from dossier.web.evidence import sentence_bounds
from dossier.web.highlight import segments
from dossier.web.schemas import HighlightOut, RemovedBlockOut

STRIKE = (
    "PORT ELMA — Dockworkers walked off the job on Monday. "
    "\"We will not go back until the wages are paid,\" union leader Ana Duarte said.\n\n"
    "Police said they would not use force. Talks resume on Thursday."
)
FLOOD = "The river burst its banks on Tuesday. Thousands fled the valley."
HOSTILE = "An article that quotes code: <script>alert(1)</script> and <b>bold</b> & more."

ARTICLES = [
    ("a-strike", "Harbor Ledger", "Dockworkers strike", "2025-03-03", STRIKE),
    ("a-flood", "Valley Courier", "River bursts its banks", "2025-03-05", FLOOD),
    ("a-hostile", "Coastal Times", "<img src=x onerror=alert(2)>", "2025-03-06", HOSTILE),
]


def fill(db: Path) -> None:
    conn = connect(db)
    for aid, outlet, title, published, text in ARTICLES:
        conn.execute(
            "INSERT INTO articles(id, source_path, outlet, title, published, text)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (aid, f"{aid}.txt", outlet, title, published, text),
        )
    conn.execute("UPDATE articles SET url = 'https://harborledger.example/strike'"
                 " WHERE id = 'a-strike'")
    conn.execute("UPDATE articles SET url = 'javascript:alert(4)' WHERE id = 'a-hostile'")
    conn.execute(
        "INSERT INTO removed_blocks VALUES ('a-strike', 0, 'teaser', 'You May Also Like', 900)"
    )
    conn.execute(  # clutter is untrusted text too
        "INSERT INTO removed_blocks VALUES"
        " ('a-hostile', 0, 'teaser', '<script>alert(3)</script> Read more', 90)"
    )
    conn.execute(
        "INSERT INTO ingest_errors(source_path, locator, reason)"
        " VALUES ('broken.jsonl', 'line 3', 'malformed JSON')"
    )
    fill_facts(conn)
    conn.execute(
        "INSERT INTO stories(id, title, first_seen, last_seen, n_articles, centroid)"
        " VALUES ('s-strike', 'Dockworkers strike', '2025-03-03', '2025-03-06', 2, '{}')"
    )
    conn.executemany("INSERT INTO story_articles(story_id, article_id) VALUES ('s-strike', ?)",
                     [("a-strike",), ("a-hostile",)])
    conn.commit()
    conn.close()


def at(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def fill_facts(conn) -> None:
    """One fact of each kind, at spans of the texts above, as the extractors store them."""
    walked, monday, port = at(STRIKE, "walked off"), at(STRIKE, "Monday"), at(STRIKE, "PORT ELMA")
    police = at(STRIKE, "would not use force")
    conn.execute(
        "INSERT INTO events(article_id, start, end, trigger_start, trigger_end, type, mode,"
        " modality, source_actor, target_actor, place, country, lat, lon, date, confidence,"
        " method) VALUES ('a-strike', ?, ?, ?, ?, 'PROTEST', 'strike', 'asserted',"
        " 'Dockworkers', NULL, 'Port Elma', 'KE', -4.05, 39.67, '2025-03-03', 0.9, 'rules')",
        (0, len(STRIKE.split("\n")[0]), *walked),
    )
    conn.execute(
        "INSERT INTO events(article_id, start, end, trigger_start, trigger_end, type,"
        " modality, source_actor, target_actor, date, confidence, method)"
        " VALUES ('a-flood', 0, 37, 10, 15, 'ASSAULT', 'asserted', 'The river', 'the valley',"
        " '2025-03-04', 0.85, 'rules')"
    )
    conn.execute(
        "INSERT INTO events(article_id, start, end, trigger_start, trigger_end, type,"
        " modality, source_actor, confidence, method)"
        " VALUES ('a-strike', ?, ?, ?, ?, 'COERCE', 'hypothetical', 'Police', 0.8, 'rules')",
        (*police, *police),
    )
    conn.execute(
        "INSERT INTO places(article_id, start, end, text, name, feature, country, lat, lon,"
        " confidence) VALUES ('a-strike', ?, ?, 'PORT ELMA', 'Port Elma', 'city', 'KE',"
        " -4.05, 39.67, 0.8)",
        port,
    )
    conn.execute(
        "INSERT INTO timexes(article_id, start, end, text, type, value, tense)"
        " VALUES ('a-strike', ?, ?, 'Monday', 'DATE', '2025-03-03', 'past')",
        monday,
    )
    content = at(STRIKE, "We will not go back until the wages are paid,")
    speaker, said = at(STRIKE, "Ana Duarte"), at(STRIKE, "said.")
    conn.execute("INSERT INTO actors(id, name, kind, country, merge_key)"
                 " VALUES (7, 'Ana Duarte', 'person', 'KEN', 'ana duarte')")
    conn.execute(
        "INSERT INTO article_actors(article_id, actor_key, name, kind, mentions, start, end,"
        " actor_id) VALUES ('a-strike', 'ana duarte', 'Ana Duarte', 'person', 1, ?, ?, 7)",
        speaker,
    )
    conn.execute(
        "INSERT INTO actor_mentions(article_id, start, end, text, actor_key, kind, mention_type)"
        " VALUES ('a-strike', ?, ?, 'Ana Duarte', 'ana duarte', 'person', 'name')",
        speaker,
    )
    conn.execute(
        "INSERT INTO quotes(article_id, seq, kind, content, content_start, content_end, cue,"
        " cue_start, cue_end, speaker, speaker_start, speaker_end, speaker_key)"
        " VALUES ('a-strike', 0, 'direct', ?, ?, ?, 'said', ?, ?, 'Ana Duarte', ?, ?,"
        " 'ana duarte')",
        (STRIKE[content[0]:content[1]], *content, said[0], said[0] + 4, *speaker),
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("desk") / "desk.db"
    fill(db)
    return db


@pytest.fixture(scope="module")
def client(store: Path) -> TestClient:
    with TestClient(create_app(Settings(db_path=store, max_upload_bytes=4096)),
                    base_url="http://localhost") as c:
        yield c


def test_articles_come_newest_first_with_a_total(client: TestClient) -> None:
    page = client.get("/api/articles").json()
    assert page["total"] == 3
    assert [a["id"] for a in page["items"]] == ["a-hostile", "a-flood", "a-strike"]


def test_pagination_walks_the_list_without_overlap(client: TestClient) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(set(ids)) == 3


def test_outlet_and_date_filters_narrow_the_articles(client: TestClient) -> None:
    by_outlet = client.get("/api/articles", params={"outlet": "valley courier"}).json()
    assert [a["id"] for a in by_outlet["items"]] == ["a-flood"]
    ranged = client.get("/api/articles", params={"since": "2025-03-04", "until": "2025-03-05"})
    assert [a["id"] for a in ranged.json()["items"]] == ["a-flood"]


def test_limit_above_the_maximum_is_refused(client: TestClient) -> None:
    assert client.get("/api/articles", params={"limit": 100000}).status_code == 422


def test_article_detail_has_clean_text_and_removed_clutter(client: TestClient) -> None:
    art = client.get("/api/articles/a-strike").json()
    assert art["text"] == STRIKE
    assert art["removed"] == [{"reason": "teaser", "text": "You May Also Like", "position": 900}]


def test_unknown_article_is_404(client: TestClient) -> None:
    assert client.get("/api/articles/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404


def test_search_finds_stemmed_words_and_reports_broken_syntax(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "dockworker"}).json()
    assert [h["id"] for h in hits["items"]] == ["a-strike"]
    # Plain words with FTS5 punctuation are searched as words ...
    assert client.get("/api/search", params={"q": "U.S. co-op"}).status_code == 200
    # ... and a query FTS5 cannot parse is a 400 saying why, never a silent "0 hits" (no 500)
    odd = client.get("/api/search", params={"q": 'wages" OR NEAR(( *'})
    assert odd.status_code == 400 and "bad search query" in odd.json()["detail"]


def test_errors_say_which_file_where_and_why(client: TestClient) -> None:
    errors = client.get("/api/errors").json()["items"]
    assert errors[0]["source_path"] == "broken.jsonl"
    assert errors[0]["locator"] == "line 3"
    assert errors[0]["reason"] == "malformed JSON"


def test_openapi_schema_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/search", "/api/stories",
                 "/api/stories/{story_id}/digest", "/api/events", "/api/timeline",
                 "/api/quotes", "/api/actors", "/api/actors/{actor_id}", "/api/stances",
                 "/api/places", "/api/errors", "/api/ingest", "/api/ingest/jobs/{job_id}",
                 "/api/evidence"):
        assert path in paths, path
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"limit", "offset", "story", "actor", "type", "since", "until", "outlet"} <= params


def test_every_event_carries_its_evidence_sentence(client: TestClient) -> None:
    events = client.get("/api/events").json()["items"]
    protest = next(e for e in events if e["type"] == "PROTEST")
    ev = protest["evidence"]
    assert ev["article_id"] == "a-strike" and ev["outlet"] == "Harbor Ledger"
    assert "Dockworkers walked off the job on Monday." in ev["sentence"]
    assert ev["href"] == f"/articles/a-strike?hl={ev['start']}-{ev['end']}#hl"


def test_events_filter_by_type_actor_and_date(client: TestClient) -> None:
    def types(**params: str) -> list[str]:
        return [e["type"] for e in client.get("/api/events", params=params).json()["items"]]

    assert types(type="protest") == ["PROTEST"]
    assert types(actor="The river") == ["ASSAULT"]
    assert types(since="2025-03-04", until="2025-03-04") == ["ASSAULT"]
    assert types(outlet="Harbor Ledger") == ["PROTEST"]  # the COERCE is hypothetical
    assert types(outlet="Harbor Ledger", unstated="true") == ["PROTEST", "COERCE"]


def test_timeline_orders_by_when_it_happened_not_when_reported(client: TestClient) -> None:
    items = client.get("/api/timeline").json()["items"]
    dated = [(i["date"], i["kind"]) for i in items]
    assert dated == sorted(dated, key=lambda d: d[0])
    assert [i["kind"] for i in items].count("quote") == 1
    flood = next(i for i in items if i["evidence"][0]["article_id"] == "a-flood")
    assert flood["date"] == "2025-03-04"  # happened the day before it was reported


def test_quotes_carry_speaker_actor_and_content_span(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"actor": "Ana Duarte"}).json()["items"]
    assert len(quotes) == 1
    q = quotes[0]
    assert q["speaker_actor_id"] == "7" and q["cue"] == "said"
    assert STRIKE[q["evidence"]["start"]:q["evidence"]["end"]] == q["content"]
    assert client.get("/api/quotes", params={"actor": "Nobody Here"}).json()["total"] == 0


def test_places_group_mentions_with_coordinates(client: TestClient) -> None:
    places = client.get("/api/places").json()["items"]
    assert places[0]["name"] == "Port Elma" and places[0]["mentions"] == 1
    assert places[0]["lat"] == pytest.approx(-4.05)
    assert places[0]["evidence"][0]["text"] == "PORT ELMA"


def test_actor_detail_lists_quotes_and_mentions(client: TestClient) -> None:
    actors = client.get("/api/actors").json()["items"]
    assert [a["name"] for a in actors] == ["Ana Duarte"]
    detail = client.get("/api/actors/7").json()
    assert len(detail["quotes"]) == 1
    assert detail["mention_evidence"][0]["text"] == "Ana Duarte"
    assert client.get("/api/actors/999").status_code == 404


def test_article_highlights_every_kind_of_fact_at_its_span(client: TestClient) -> None:
    art = client.get("/api/articles/a-strike").json()
    kinds = {h["kind"] for h in art["highlights"]}
    assert kinds == {"event", "place", "timex", "quote", "actor"}
    for h in art["highlights"]:
        assert 0 <= h["start"] < h["end"] <= len(STRIKE)
    page = client.get("/articles/a-strike").text
    assert 'class="hl k-timex"' in page


def test_actor_and_article_pages_render_facts(client: TestClient) -> None:
    import re

    page = client.get("/actors/7").text
    assert "We will not go back until the wages are paid" in page
    # each fact names its evidence spans; the drawer fetches them when it is opened
    spans = re.findall(r'data-spans="([^"]+)"', page)
    assert spans and all(s.startswith("a-") for s in " ".join(spans).split())
    first = spans[0].split()[0]
    (evidence,) = client.get("/api/evidence", params={"span": first}).json()
    assert evidence["href"].startswith(f"/articles/{first.split(':')[0]}?hl=")


def test_story_lists_its_outlets_and_filters_facts_to_its_articles(client: TestClient) -> None:
    stories = client.get("/api/stories").json()["items"]
    assert stories[0]["id"] == "s-strike"
    assert set(stories[0]["outlets"]) == {"Harbor Ledger", "Coastal Times"}
    in_story = client.get("/api/events", params={"story": "s-strike"}).json()["items"]
    assert {e["evidence"]["article_id"] for e in in_story} == {"a-strike"}
    articles = client.get("/api/articles", params={"story": "s-strike"}).json()
    assert {a["id"] for a in articles["items"]} == {"a-strike", "a-hostile"}
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/stories/nope/digest").status_code == 404
    assert client.get("/api/stories/nope/contradictions").status_code == 404
    assert client.get("/api/stories/s-strike/contradictions").status_code == 200


def test_story_page_shows_timeline_map_and_quotes(client: TestClient) -> None:
    page = client.get("/stories/s-strike").text
    assert "PROTEST (strike): Dockworkers" in page
    assert "Port Elma" in page and 'class="map"' in page
    assert "We will not go back until the wages are paid" in page
    assert "River" not in page  # the flood article is another story


def test_untrusted_article_html_is_escaped_on_the_page(client: TestClient) -> None:
    page = client.get("/articles/a-hostile").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page


def test_pages_forbid_inline_scripts_as_a_second_wall(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_every_page_renders_on_the_store(client: TestClient) -> None:
    for path in ("/", "/articles", "/search?q=river", "/errors", "/actors", "/ingest",
                 "/api-reference", "/articles/a-strike?hl=5-20"):
        assert client.get(path).status_code == 200, path


def test_focus_span_is_marked_on_the_article_page(client: TestClient) -> None:
    start = STRIKE.index("Dockworkers")
    page = client.get(f"/articles/a-strike?hl={start}-{start + 11}").text
    assert 'class="hl focus" data-items="" id="hl">Dockworkers</span>' in page


def test_get_requests_cannot_write_to_the_store(store: Path) -> None:
    from dossier.web.deps import get_conn

    opened = get_conn(Settings(db_path=store))
    conn = next(opened)
    with pytest.raises(Exception, match="readonly"):
        conn.execute("DELETE FROM articles")
    opened.close()


def test_upload_over_the_limit_is_refused(client: TestClient) -> None:
    big = b"x" * 5000
    resp = client.post("/api/ingest", files={"files": ("big.txt", big, "text/plain")})
    assert resp.status_code == 413


def test_fetching_a_url_needs_allow_fetch(client: TestClient) -> None:
    resp = client.post("/api/ingest", data={"url": "http://127.0.0.1:9/article"})
    assert resp.status_code == 403
    assert "--allow-fetch" in resp.json()["detail"]


def test_allow_fetch_still_refuses_non_http_urls(store: Path) -> None:
    app = create_app(replace(Settings(db_path=store), allow_fetch=True))
    with TestClient(app, base_url="http://localhost") as c:
        resp = c.post("/api/ingest", data={"url": "file:///etc/passwd"})
    assert resp.status_code == 400


def test_empty_submission_is_refused_with_a_reason(client: TestClient) -> None:
    resp = client.post("/api/ingest", data={"text": "   "})
    assert resp.status_code == 400
    page = client.post("/ingest", data={"text": ""})
    assert page.status_code == 400 and "nothing to ingest" in page.text


def test_sentence_around_a_span_stops_at_sentence_ends() -> None:
    start = STRIKE.index("would not")
    a, b = sentence_bounds(STRIKE, start, start + 9)
    assert STRIKE[a:b] == "Police said they would not use force."


def test_highlight_segments_cover_the_text_once_with_overlaps() -> None:
    text = "Ana Duarte said on Monday."
    hs = [HighlightOut(kind="quote", start=0, end=25, label="q"),
          HighlightOut(kind="actor", start=0, end=10, label="a"),
          HighlightOut(kind="timex", start=19, end=25, label="t")]
    segs = segments(text, hs)
    assert "".join(s.text for s in segs) == text
    assert segs[0].text == "Ana Duarte" and set(segs[0].kinds) == {"quote", "actor"}
    assert segs[-2].text == "Monday" and set(segs[-2].kinds) == {"quote", "timex"}


def test_removed_clutter_goes_back_between_the_paragraphs_it_stood_between() -> None:
    paragraphs = ["PORT ELMA — Dockworkers walked off the job.", "Talks resume on Thursday.",
                  "Police kept their distance."]
    caption, teaser = "Cranes stand idle at the terminal.", "You May Also Like"
    raw = "\n\n".join([paragraphs[0], caption, paragraphs[1], paragraphs[2], teaser])
    clean = "\n\n".join(paragraphs)
    blocks = [RemovedBlockOut(reason="photo-caption", text=caption, position=raw.index(caption)),
              RemovedBlockOut(reason="teaser", text=teaser, position=raw.index(teaser))]
    placed = place_removed(clean, blocks)
    assert [b.reason for b in placed[clean.index(paragraphs[1])]] == ["photo-caption"]
    assert [b.reason for b in placed[len(clean)]] == ["teaser"]
    text = "".join(s.text for s in segments(clean, [], None, placed))
    assert text == clean  # clutter is drawn beside the text, never spliced into it


def test_article_page_shows_removed_clutter_dimmed_after_the_text(client: TestClient) -> None:
    page = client.get("/articles/a-strike").text
    body = page[page.index('id="article-text"'):page.index('id="facts-data"')]
    assert 'class="clutter"' in body and "You May Also Like" in body
    assert body.index("Talks resume on Thursday") < body.index("You May Also Like")
    hostile = client.get("/articles/a-hostile").text
    assert "&lt;script&gt;alert(3)&lt;/script&gt; Read more" in hostile
    assert "<script>alert(3)" not in hostile


def test_interactive_docs_are_served_from_this_machine(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    links = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert links and all(u.startswith(("http://localhost/", "data:")) for u in links), links
    assert "<script>" not in page.text  # started by a file, as the CSP demands
    for asset in ("/docs/assets/swagger-ui-bundle.js", "/docs/assets/swagger-ui.css",
                  "/static/docs.js"):
        assert client.get(asset).status_code == 200, asset


def test_evidence_endpoint_gives_the_sentence_behind_each_span(client: TestClient) -> None:
    event = client.get("/api/events").json()["items"][0]["evidence"]
    span = f"{event['article_id']}:{event['start']}:{event['end']}"
    r = client.get("/api/evidence", params=[("span", span), ("span", span)])
    assert r.status_code == 200
    got = r.json()
    assert len(got) == 2 and got[0]["sentence"] == event["sentence"]
    assert got[0]["text"] == event["text"] and got[0]["href"] == event["href"]


def test_evidence_endpoint_refuses_malformed_unknown_and_too_many_spans(
        client: TestClient) -> None:
    assert client.get("/api/evidence", params={"span": "a-strike:1"}).status_code == 422
    assert client.get("/api/evidence", params={"span": "a<b>:1:2"}).status_code == 422
    assert client.get("/api/evidence").status_code == 422
    missing = client.get("/api/evidence", params={"span": "0123456789abcdef:0:4"})
    assert missing.status_code == 404 and "not found" in missing.json()["detail"]
    event = client.get("/api/events").json()["items"][0]["evidence"]
    span = f"{event['article_id']}:{event['start']}:{event['end']}"
    assert client.get("/api/evidence", params=[("span", span)] * 101).status_code == 422


def test_a_missing_page_is_an_html_page_and_a_missing_resource_json(client: TestClient) -> None:
    html = {"accept": "text/html,application/xhtml+xml"}
    page = client.get("/stories/nope", headers=html)
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Not found</h1>" in page.text and 'href="/"' in page.text
    api = client.get("/api/stories/nope", headers=html)
    assert api.status_code == 404 and api.json()["detail"] == "story not found"
    bad = client.get("/stories/s-strike", params={"after": "next tuesday-ish"}, headers=html)
    assert bad.status_code == 422 and "after" in bad.text and "YYYY-MM-DD" in bad.text


def test_story_page_filters_narrow_its_facts_and_keep_the_digest(client: TestClient) -> None:
    whole = client.get("/stories/s-strike").text
    narrow = client.get("/stories/s-strike", params={"outlet": "No Such Outlet"}).text
    assert whole.count('data-fact="quote"') > 0
    assert narrow.count('data-fact="quote"') == 0 and 'id="filter-note"' in narrow
    assert whole.count('data-fact="digest"') == narrow.count('data-fact="digest"')
    assert 'name="outlet"' in whole and "<option>Harbor Ledger</option>" in whole


def test_article_url_is_a_link_only_when_it_is_http(client: TestClient) -> None:
    page = client.get("/articles/a-strike").text
    assert '<a href="https://harborledger.example/strike" rel="noopener noreferrer nofollow"' \
        in page
    hostile = client.get("/articles/a-hostile").text
    assert "javascript:alert(4)" in hostile and 'href="javascript:' not in hostile


def test_search_page_filters_by_outlet_and_date(client: TestClient) -> None:
    found = client.get("/search", params={"q": "dockworkers"}).text
    assert 'id="search-filters"' in found and "/articles/a-strike" in found
    other = client.get("/search", params={"q": "dockworkers", "outlet": "Valley Courier"}).text
    assert "/articles/a-strike" not in other
    later = client.get("/search", params={"q": "dockworkers", "since": "2025-03-04"}).text
    assert "/articles/a-strike" not in later


def test_a_story_page_reads_the_timeline_of_its_story_not_of_the_store(
        client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import dossier.store.timeline as timeline_store

    asked: list[object] = []
    real = timeline_store.list_events

    def recording(conn, **kwargs):
        asked.append(kwargs.get("story"))
        return real(conn, **kwargs)

    monkeypatch.setattr(timeline_store, "list_events", recording)
    # an empty view cache, so the page reads its timeline now (earlier tests opened it)
    monkeypatch.setattr(client.app.state, "story_views", StoryViewCache(8))
    assert client.get("/stories/s-strike").status_code == 200
    assert asked and set(asked) == {"s-strike"}, "the whole store's events were read"
