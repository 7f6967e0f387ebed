"""What an analyst takes away: event/timex/place/POLECAT exports and the events/timeline CLI.

Two short articles written for these tests go through the configured extractors
into a real store (as an ingest would, minus the process pool); the exports and
the ``dossier events`` / ``dossier timeline`` commands are then read back.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import dossier.cli.events  # noqa: F401 - registers its commands
import dossier.cli.export  # noqa: F401
from dossier.cli.app import app
from dossier.config import Settings
from dossier.extract import extract
from dossier.models import Article
from dossier.store.db import connect
from dossier.store.events import export_events, export_places, export_polecat, export_timexes
from dossier.store.facts import save_facts

ARTICLES = {
    # Friday 2024-03-15.
    "coup": ("2024-03-15",
             "NIAMEY, Niger — Soldiers of the presidential guard detained President Amadou Kane "
             "on Wednesday in Niamey. On Thursday, the foreign minister of Ghana, Kofi Mensah, "
             "called for the immediate release of Kane."),
    # Wednesday 2024-03-20.
    "sugar": ("2024-03-20",
              "LUSAKA, Zambia — Zambia suspended import permits for Malawian sugar on Tuesday. "
              "The foreign ministers of Zambia and Malawi will meet on Monday in Lusaka."),
}
EVENT_FIELDS = {"article_id", "type", "mode", "source_actor", "target_actor", "place", "country",
                "lat", "lon", "date", "evidence_span", "confidence"}
runner = CliRunner()


@pytest.fixture(scope="module")
def db(nlp, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("events") / "d.db"
    conn = connect(path)
    settings = Settings()
    for article_id, (published, text) in ARTICLES.items():
        conn.execute("INSERT INTO articles (id, source_path, text, published) VALUES (?,?,?,?)",
                     (article_id, f"{article_id}.txt", text, published))
        article = Article(article_id, f"{article_id}.txt", text, published=published)
        save_facts(conn, article_id, extract(article, nlp(text), settings))
    # One story holding only the sugar article, as the clustering step would record it.
    conn.execute("INSERT INTO stories (id, title, n_articles, centroid) VALUES "
                 "('ssugar', 'Sugar row', 1, '{}')")
    conn.execute("INSERT INTO story_articles (story_id, article_id) VALUES ('ssugar', 'sugar')")
    conn.commit()
    conn.close()
    return path


@pytest.fixture
def conn(db: Path):
    connection = connect(db)
    yield connection
    connection.close()


def cli(*args: str):
    result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def text_of(conn: sqlite3.Connection, article_id: str) -> str:
    return conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()[0]


def test_event_export_has_every_field_the_issue_lists(conn):
    rows = list(export_events(conn))
    assert rows
    for row in rows:
        assert set(row) >= EVENT_FIELDS, EVENT_FIELDS - set(row)


def test_event_evidence_span_is_the_sentence_that_states_the_event(conn):
    rows = list(export_events(conn))
    for row in rows:
        start, end = row["evidence_span"]
        text = text_of(conn, row["article_id"])
        trigger = text[row["trigger_start"]:row["trigger_end"]]
        assert start <= row["trigger_start"] < row["trigger_end"] <= end
        assert trigger and trigger in text[start:end]
    detention = next(r for r in rows if r["type"] == "COERCE")
    start, end = detention["evidence_span"]
    assert "detained President Amadou Kane" in text_of(conn, "coup")[start:end]


def test_exported_detention_is_dated_wednesday_and_placed_in_niamey_with_coordinates(conn):
    detention = next(r for r in export_events(conn) if r["type"] == "COERCE")
    assert detention["date"] == "2024-03-13"
    assert (detention["place"], detention["country"]) == ("Niamey", "NE")
    assert abs(detention["lat"] - 13.5) < 0.5 and abs(detention["lon"] - 2.1) < 0.5
    assert detention["source_actor"].lower() in ("soldiers", "presidential guard")
    assert "Kane" in detention["target_actor"]


def test_sugar_permit_suspension_exports_as_a_sanction_by_zambia(conn):
    sanction = next(r for r in export_events(conn) if r["type"] == "SANCTION")
    assert sanction["source_country"] == "ZMB" or "Zambia" in sanction["source_actor"]
    assert sanction["date"] == "2024-03-19"


def test_timex_export_carries_values_anchored_on_publication(conn):
    values = {(r["article_id"], r["text"]): r["value"] for r in export_timexes(conn)}
    assert values[("coup", "Wednesday")] == "2024-03-13"
    assert values[("sugar", "Monday")] == "2024-03-25"  # "will meet on Monday": ahead


def test_timex_and_place_exports_write_their_records_columns(conn):
    from dossier.store.records import PlaceRecord, TimexRecord

    timexes, places = list(export_timexes(conn)), list(export_places(conn))
    assert timexes and all(list(r) == list(TimexRecord.model_fields) for r in timexes)
    assert places and all(list(r) == list(PlaceRecord.columns) for r in places)
    assert places[0]["article_id"] and "id" not in places[0]  # the row id is no fact


def test_place_export_resolves_toponyms_to_gazetteer_entries(conn):
    places = [r for r in export_places(conn) if r["article_id"] == "coup"]
    niamey = next(p for p in places if p["text"] == "Niamey" and not p["is_dateline"])
    assert (niamey["country"], niamey["feature"]) == ("NE", "city")
    assert niamey["geonameid"] and niamey["lat"] is not None
    assert any(p["is_dateline"] for p in places)


def test_polecat_export_has_the_polecat_columns_and_lowercase_types(conn):
    rows = list(export_polecat(conn))
    assert rows
    for row in rows:
        assert {"Event ID", "Event Date", "Event Type", "Event Mode", "Actor Name",
                "Actor Country", "Recipient Name", "Recipient Country", "Placename",
                "Latitude", "Longitude", "Story ID", "Publication Date"} <= set(row)
        assert row["Event Type"] == row["Event Type"].lower()
    assert len({r["Event ID"] for r in rows}) == len(rows)


def test_events_command_filters_by_type(db):
    out = cli("events", "--db", db, "--type", "coerce")
    lines = out.strip().splitlines()
    assert lines[:-1] and all("COERCE" in line for line in lines[:-1])


def test_events_command_filters_by_actor_and_since(db):
    rows = json.loads(cli("events", "--db", db, "--actor", "Mensah", "--json"))
    assert rows and all("Mensah" in (r["source_actor"] or "") + (r["target_actor"] or "")
                        for r in rows)
    later = json.loads(cli("events", "--db", db, "--since", "2024-03-18", "--json"))
    assert later and {r["article_id"] for r in later} == {"sugar"}


def test_timeline_lists_acts_in_the_order_they_happened(db):
    rows = json.loads(cli("timeline", "--db", db, "--json", "--no-statements", "--all"))
    whens = [r["when"] for r in rows if r["when"]]
    assert whens == sorted(whens)
    assert whens[0] == "2024-03-13"  # the detention, reported two days later


def test_timeline_for_one_story_keeps_only_its_articles(db):
    rows = json.loads(cli("timeline", "--db", db, "--story", "ssugar", "--json", "--all"))
    assert rows
    assert {e["article_id"] for r in rows for e in r["evidence"]} == {"sugar"}
    text = cli("timeline", "--db", db, "--story", "ssugar", "--all")
    assert "SANCTION" in text and "2024-03-25" in text


def test_export_command_writes_event_csv_with_the_issue_columns(db):
    out = cli("export", "--db", db, "--what", "events", "--format", "csv")
    header = next(csv.reader(io.StringIO(out)))
    assert set(header) >= EVENT_FIELDS


def test_events_below_the_confidence_threshold_are_hidden_unless_all_is_asked(db):
    floor = Settings().event_min_confidence
    conn = connect(db)
    # A weak event as the extractor would store one it doubts.
    conn.execute("INSERT INTO events (article_id, start, end, trigger_start, trigger_end, type,"
                 " modality, source_actor, date, confidence, method) VALUES"
                 " ('sugar', 0, 10, 0, 6, 'AID', 'asserted', 'Nobody', '2024-03-19', ?,"
                 " 'rules')", (floor / 2,))
    conn.commit()
    conn.close()
    try:
        shown = json.loads(cli("events", "--db", db, "--json"))
        assert shown and all(r["confidence"] >= floor for r in shown)
        assert "Nobody" in cli("events", "--db", db, "--all")
        timeline = json.loads(cli("timeline", "--db", db, "--json", "--no-statements"))
        assert all(r["source_actor"] != "Nobody" for r in timeline)
        assert any(r["source_actor"] == "Nobody" for r in json.loads(
            cli("timeline", "--db", db, "--json", "--no-statements", "--all")))
        export = [json.loads(line) for line in cli(
            "export", "--db", db, "--what", "events").splitlines() if line.startswith("{")]
        assert export and all(r["source_actor"] != "Nobody" for r in export)
        every = cli("export", "--db", db, "--what", "polecat", "--all")
        assert "Nobody" in every
    finally:
        conn = connect(db)
        conn.execute("DELETE FROM events WHERE source_actor = 'Nobody'")
        conn.commit()
        conn.close()


def test_every_event_confidence_is_a_probability(conn):
    rows = list(export_events(conn))
    assert rows and all(0.0 < r["confidence"] < 1.0 for r in rows)


def test_events_not_stated_as_fact_are_hidden_unless_all_is_asked(db):
    conn = connect(db)
    # A sure but conditional act ("troops could attack"), as the extractor stores one.
    conn.execute("INSERT INTO events (article_id, start, end, trigger_start, trigger_end, type,"
                 " modality, source_actor, date, confidence, method) VALUES"
                 " ('sugar', 0, 10, 0, 6, 'ASSAULT', 'hypothetical', 'Maybe Troops',"
                 " '2024-03-19', 0.99, 'rules')")
    conn.commit()
    conn.close()
    try:
        assert "Maybe Troops" not in cli("events", "--db", db)
        assert "Maybe Troops" in cli("events", "--db", db, "--all")
        export = cli("export", "--db", db, "--what", "events")
        assert export.strip() and "Maybe Troops" not in export
        assert "Maybe Troops" not in cli("export", "--db", db, "--what", "polecat")
        assert "Maybe Troops" in cli("export", "--db", db, "--what", "polecat", "--all")
        timeline = json.loads(cli("timeline", "--db", db, "--json", "--no-statements"))
        assert all(r["source_actor"] != "Maybe Troops" for r in timeline)
    finally:
        conn = connect(db)
        conn.execute("DELETE FROM events WHERE source_actor = 'Maybe Troops'")
        conn.commit()
        conn.close()


def test_a_threat_made_is_stated_and_shown(db):
    conn = connect(db)
    conn.execute("INSERT INTO events (article_id, start, end, trigger_start, trigger_end, type,"
                 " modality, source_actor, date, confidence, method) VALUES"
                 " ('sugar', 0, 10, 0, 6, 'THREATEN', 'announced', 'Loud Rebels',"
                 " '2024-03-19', 0.99, 'rules')")
    conn.commit()
    conn.close()
    try:
        assert "Loud Rebels" in cli("events", "--db", db)
        assert "Loud Rebels" in cli("export", "--db", db, "--what", "events")
    finally:
        conn = connect(db)
        conn.execute("DELETE FROM events WHERE source_actor = 'Loud Rebels'")
        conn.commit()
        conn.close()
