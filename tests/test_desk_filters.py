"""The story and search pages narrow by event confidence (and search by actor and event).

Events carry a calibrated confidence; the desk hides those below
``Settings.event_min_confidence``. An analyst can ask for surer ones only, or for all of
them, the unsure ones then marked as such, on the story page and in search.
"""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from test_api import fill

from dossier.config import Settings
from dossier.store import connect
from dossier.web import create_app


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    """The API tests' store, plus one THREATEN event found with confidence 0.4 (unsure)."""
    db = tmp_path_factory.mktemp("filters") / "desk.db"
    fill(db)
    conn = connect(db)
    conn.execute(
        "INSERT INTO events(article_id, start, end, trigger_start, trigger_end, type,"
        " modality, source_actor, confidence, method) VALUES ('a-strike', 55, 100, 60, 65,"
        " 'THREATEN', 'asserted', 'Ana Duarte', 0.4, 'rules')")
    conn.commit()
    conn.close()
    with TestClient(create_app(Settings(db_path=db, event_min_confidence=0.6)),
                    base_url="http://localhost") as c:
        yield c


def timeline_events(client: TestClient, **params: str) -> dict[str, str]:
    """The story timeline's events: label → what follows it on the row (chips)."""
    page = client.get("/stories/s-strike", params=params).text
    timeline = page[page.index('id="timeline"'):page.index('id="map"')]
    rows = re.findall(r'data-fact="event">.*?<span class="what">(.*?)</span>(.*?)<template',
                      timeline, re.S)
    return {label: rest for label, rest in rows}


def test_the_story_page_hides_events_below_the_desk_floor_by_default(client) -> None:
    shown = timeline_events(client)
    assert "PROTEST (strike): Dockworkers" in shown
    assert not any(label.startswith("THREATEN") for label in shown)


def test_the_story_page_hides_acts_not_stated_as_fact_until_all_is_asked(client) -> None:
    assert "COERCE: Police [hypothetical]" not in timeline_events(client)
    assert "COERCE: Police [hypothetical]" in timeline_events(client, confidence="0")


def test_a_surer_floor_keeps_only_the_surer_events(client) -> None:
    shown = timeline_events(client, confidence="0.85")
    assert list(shown) == ["PROTEST (strike): Dockworkers"]  # 0.9 stays, 0.8 goes


def test_asking_for_all_events_shows_the_unsure_ones_marked(client) -> None:
    shown = timeline_events(client, confidence="0")
    assert "unsure · 0.40" in shown["THREATEN: Ana Duarte"]
    assert "unsure" not in shown["PROTEST (strike): Dockworkers"]
    page = client.get("/stories/s-strike", params={"confidence": "0"}).text
    assert '<option value="0.00" selected>all, unsure ones marked</option>' in page
    assert 'id="filter-note"' in page


def test_a_confidence_outside_zero_to_one_is_refused(client) -> None:
    assert client.get("/stories/s-strike", params={"confidence": "1.5"}).status_code == 422


def search(client: TestClient, **params: str) -> bool:
    """Whether a search for "dockworkers" with these filters finds the strike article."""
    resp = client.get("/search", params={"q": "dockworkers", **params})
    assert resp.status_code == 200
    return "/articles/a-strike" in resp.text


def test_search_narrows_to_articles_reporting_an_event_that_sure(client) -> None:
    assert search(client, type="PROTEST")  # found with 0.9 ≥ the desk's 0.6
    assert not search(client, type="PROTEST", confidence="0.95")
    assert not search(client, type="ASSAULT")
    assert not search(client, type="THREATEN"), "0.4 is below the desk's floor"
    assert search(client, type="THREATEN", confidence="0")


def test_search_narrows_to_articles_naming_an_actor(client) -> None:
    assert search(client, actor="ana duarte")
    assert not search(client, actor="Nobody Known")
