"""The story timeline: the same act across articles only when everything agrees; key acts first.

Events are written into a real store the way the extractor stores them (our own
made-up acts); the timeline query is read back.
"""

from __future__ import annotations

import pytest

from dossier.config import Settings
from dossier.store.db import connect
from dossier.store.timeline import timeline

TEXT = "x" * 2000


@pytest.fixture
def conn(tmp_path):
    connection = connect(tmp_path / "t.db")
    for i, outlet in enumerate(("Harbor Ledger", "Meridian Wire", "Coast Daily")):
        connection.execute("INSERT INTO articles (id, source_path, text, published, outlet)"
                           " VALUES (?, ?, ?, '2024-09-16', ?)", (f"a{i}", f"a{i}.txt", TEXT,
                                                                  outlet))
    yield connection
    connection.close()


def add(conn, article: str, start: int, type_: str, source: str | None, target: str | None,
        date: str | None, source_country: str | None = None, place: str | None = None,
        mode: str | None = None, confidence: float = 0.9) -> None:
    conn.execute(
        "INSERT INTO events (article_id, start, end, trigger_start, trigger_end, type, mode,"
        " modality, source_actor, source_country, target_actor, place, date, confidence,"
        " method) VALUES (?, ?, ?, ?, ?, ?, ?, 'asserted', ?, ?, ?, ?, ?, ?, 'rules')",
        (article, start, start + 50, start + 5, start + 10, type_, mode, source, source_country,
         target, place, date, confidence))


def events(conn, **kwargs):
    rows = timeline(conn, with_statements=False,
                    statement_window=Settings().statement_date_window, **kwargs)
    return [r for r in rows if r["kind"] == "event"]


def test_one_act_told_by_three_outlets_is_one_row_with_three_reports(conn):
    for i in range(3):
        add(conn, f"a{i}", 100, "ASSAULT", "North Korea", "Japan", "2024-08-29", "PRK",
            mode="heavy-weapons")
    rows = events(conn)
    assert len(rows) == 1
    assert {e["article_id"] for e in rows[0]["evidence"]} == {"a0", "a1", "a2"}


def test_launches_on_different_days_are_two_acts(conn):
    add(conn, "a0", 100, "ASSAULT", "North Korea", "Japan", "2024-08-29", "PRK")
    add(conn, "a1", 100, "ASSAULT", "North Korea", "Japan", "2024-09-15", "PRK")
    assert len(events(conn)) == 2


def test_the_same_day_act_by_another_country_is_another_act(conn):
    add(conn, "a0", 100, "ASSAULT", "North Korea", "the sea", "2024-09-15", "PRK")
    add(conn, "a1", 100, "ASSAULT", "South Korea", "the sea", "2024-09-15", "KOR")
    assert len(events(conn)) == 2


def test_one_shared_word_does_not_make_the_same_participant(conn):
    # No countries recorded: only the names can tell the acts apart.
    add(conn, "a0", 100, "ACCUSE", "the opposition", "North Korea", "2024-09-15")
    add(conn, "a1", 100, "ACCUSE", "the opposition", "South Korea", "2024-09-15")
    add(conn, "a2", 100, "ACCUSE", "U.S. Navy", "the port", "2024-09-15")
    add(conn, "a2", 300, "ACCUSE", "U.S. Army", "the port", "2024-09-15")
    assert len(events(conn)) == 4


def test_a_name_with_and_without_its_title_is_the_same_participant(conn):
    add(conn, "a0", 100, "ACCUSE", "President Donald Trump", "North Korea", "2024-09-15")
    add(conn, "a1", 100, "ACCUSE", "Trump", "North Korea", "2024-09-15")
    assert len(events(conn)) == 1


def test_the_same_act_in_another_place_is_another_act(conn):
    add(conn, "a0", 100, "PROTEST", "students", "the government", "2024-09-15", place="Lusaka")
    add(conn, "a1", 100, "PROTEST", "students", "the government", "2024-09-15", place="Ndola")
    assert len(events(conn)) == 2


def test_a_report_that_omits_the_place_still_joins_its_act(conn):
    add(conn, "a0", 100, "PROTEST", "students", "the government", "2024-09-15", place="Lusaka")
    add(conn, "a1", 100, "PROTEST", "students", "the government", "2024-09-15")
    rows = events(conn)
    assert len(rows) == 1 and rows[0]["place"] == "Lusaka"


def test_timeline_shows_only_the_most_salient_rows_and_folds_the_rest(conn):
    for i in range(3):  # the act every outlet leads with
        add(conn, f"a{i}", 10, "ASSAULT", "North Korea", "Japan", "2024-08-29", "PRK")
    for n in range(60):  # many single mentions deep in one article
        add(conn, "a0", 1000 + n * 10, "CONSULT", f"Envoy{n}", f"Minister{n}",
            f"2024-09-{1 + n % 28:02d}", confidence=0.85)
    rows = events(conn, shown=40)
    shown = [r for r in rows if not r["folded"]]
    assert len(shown) == 40 and len(rows) == 61
    lead = next(r for r in rows if r["type"] == "ASSAULT")
    assert not lead["folded"] and lead["salience"] == max(r["salience"] for r in rows)
    whens = [r["when"] for r in rows]
    assert whens == sorted(whens)  # still in the order things happened
