"""Every fact is dated from its own evidence: its own sentence, else its article's publication
day (said so), else nothing — never from another outlet's sentence, never a sentinel year.

The texts are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.extract.timex import extract_timexes
from dossier.pipeline import ingest
from dossier.store import connect
from dossier.store.story_material import Material, Source, Unit
from dossier.store.timeline import timeline
from dossier.stories import corroboration, digest, views

SEIZED = "On Thursday the coast guard seized the tanker Marlow Star off Port Ferrin for fuel."
VISITED = "The tanker Marlow Star visited Port Ferrin harbour on Oct. 11 for fuel, officials said."
UNDATED = "The coast guard seized the tanker Marlow Star off Port Ferrin on suspicion."


def _source(aid: str, published: str | None, text: str, outlet: str) -> Source:
    return Source(aid, outlet, None, published, None, text, ingest_seq=0, original_id=aid)


def _unit(aid: str, text: str, day: str | None = None, act_day: str | None = None) -> Unit:
    unit = Unit(aid, 0, 0, len(text), False, False, text.lower().strip(".").split())
    unit.event_day, unit.act_day = day, act_day
    return unit


def _material(*rows: tuple[str, str | None, str, str | None, str | None]) -> Material:
    sources = {aid: _source(aid, pub, text, f"Outlet {aid}") for aid, pub, text, _, _ in rows}
    units = [_unit(aid, text, day, act) for aid, _, text, day, act in rows]
    return Material("s1", "Tanker seized", sources, units)


def test_another_outlets_matched_sentence_never_redates_a_digest_sentence() -> None:
    mat = _material(("a", "2024-11-15", SEIZED, "2024-11-14", "2024-11-14"),
                    ("b", "2024-11-15", VISITED, "2024-10-11", "2024-10-11"))
    group = digest.Group(list(mat.units))  # b's sentence matched as support of a's
    shown = digest._sentence(mat, group, mat.units[0], None)
    assert (shown["date"], shown["date_basis"]) == ("2024-11-14", "text")
    assert shown["outlets"] == ["Outlet a", "Outlet b"]


def test_a_sentence_without_a_date_of_its_own_takes_its_publication_day_marked_so() -> None:
    mat = _material(("a", "2024-11-15T08:00:00+00:00", UNDATED, None, None),
                    ("b", "2024-11-13", VISITED, "2024-10-11", "2024-10-11"))
    shown = digest._sentence(mat, digest.Group(list(mat.units)), mat.units[0], None)
    assert (shown["date"], shown["date_basis"]) == ("2024-11-15", "reported")


def test_an_undated_article_stays_undated_and_sorts_last() -> None:
    mat = _material(("a", None, UNDATED, None, None),
                    ("b", "2024-11-15", SEIZED, "2024-11-14", "2024-11-14"))
    pairs = [(digest.Group([u]), u) for u in mat.units]
    pairs.sort(key=lambda gu: digest._when(mat, *gu))
    shown = [digest._sentence(mat, g, u, None) for g, u in pairs]
    assert [s["article_ids"] for s in shown] == [["b"], ["a"]]
    assert (shown[-1]["date"], shown[-1]["date_basis"], shown[-1]["reported"]) == \
        (None, None, None)
    assert "9999" not in json.dumps(shown)


def test_a_speaker_day_against_another_reports_act_day_is_no_date_conflict() -> None:
    # "On Thursday he tweeted ..." dates the tweet (no act day); the other report dates a visit.
    tweet = "On Thursday he tweeted that the tanker Marlow Star was caught at Port Ferrin."
    mat = _material(("a", "2024-11-15", tweet, "2024-11-14", None),
                    ("b", "2024-11-15", VISITED, "2024-10-11", "2024-10-11"))
    assert corroboration.date_conflicts(mat, Settings(paraphrase_threshold=0.1)) == []


def test_the_same_act_on_two_days_in_two_reports_is_still_a_conflict() -> None:
    mat = _material(("a", "2024-11-15", SEIZED, "2024-11-14", "2024-11-14"),
                    ("b", "2024-11-15", SEIZED.replace("On Thursday", "On Wednesday"),
                     "2024-11-13", "2024-11-13"))
    found = corroboration.date_conflicts(mat, Settings(paraphrase_threshold=0.5))
    assert [sorted(c["value"] for c in f["claims"]) for f in found] == \
        [["2024-11-13", "2024-11-14"]]


def test_the_first_since_a_year_does_not_give_the_day_its_year(nlp) -> None:
    doc = nlp("The ministry offered to hold talks on January 9 - the first since 2015 - on trade.")
    found = {t.text: t for t in extract_timexes(doc, "2018-01-03", settings=Settings())}
    assert found["January 9"].value == "2018-01-09"
    assert all(t.day != "2015-01-09" for t in found.values())
    assert found["2015"].day is None  # a bound, never an event's day


def test_talks_offered_for_a_day_lie_ahead_of_the_offer(nlp) -> None:
    doc = nlp("The ministry offered to hold talks on January 9 with the owners.")
    found = extract_timexes(doc, "2024-11-15", settings=Settings())
    assert [t.value for t in found] == ["2025-01-09"]


def test_ages_and_durations_are_not_days(nlp) -> None:
    doc = nlp("The 63-year-old harbour master, who has worked there for 20 years, quit.")
    assert [t.day for t in extract_timexes(doc, "2024-11-15", settings=Settings())] == [None]


ARTICLES = {
    "dated.txt": " date 2024-11-15 \nsource Velland Post\n\nPORT FERRIN, Velland — The coast "
                 "guard detained the crew of the tanker Marlow Star on Wednesday off Port Ferrin, "
                 "the harbour office said.\n\nThe ministry offered to hold talks on January 9 - "
                 "the first since 2015 - with the owners of the tanker.\n",
    "undated.txt": "source Harbour Times\n\nPORT FERRIN, Velland — The coast guard detained the "
                   "crew of the tanker Marlow Star off Port Ferrin, the harbour office said.\n\n"
                   "Officials said the tanker had been moving fuel in breach of the embargo.\n",
}


@pytest.fixture(scope="module")
def dated_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fact_dates")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "dates.db"
    ingest(sorted(folder.glob("*.txt")), Settings(db_path=db))
    return db


def test_timeline_dates_come_from_each_reports_own_text(dated_store: Path) -> None:
    conn = connect(dated_store)
    rows = timeline(conn, statement_window=Settings().statement_date_window)
    assert rows and all(r["when"] is None or not r["when"].startswith("2015") for r in rows)
    undated = [r for r in rows if r["when"] is None]
    assert all(r["date_basis"] in ("unknown", None) or r["kind"] == "statement"
               for r in undated)
    # The undated report is never dated by the dated report of the same detention.
    undated_id = conn.execute("SELECT id FROM articles WHERE published IS NULL").fetchone()[0]
    for row in rows:
        if all(e["article_id"] == undated_id for e in row["evidence"]):
            assert row["when"] is None, row
    # Undated rows sort last.
    whens = [r["when"] for r in rows]
    assert whens == sorted(whens, key=lambda w: (w is None, w or ""))


def test_no_output_of_a_store_with_an_undated_article_carries_a_sentinel_year(
        dated_store: Path) -> None:
    conn = connect(dated_store)
    outputs = [timeline(conn, statement_window=Settings().statement_date_window)]
    for (story_id,) in conn.execute("SELECT id FROM stories"):
        outputs.append(views.story_digest(conn, story_id, Settings()))
        outputs.append(views.story_corroboration(conn, story_id, Settings()))
    text = json.dumps(outputs)
    assert "9999" not in text and "99-99" not in text
