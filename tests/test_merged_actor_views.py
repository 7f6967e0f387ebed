"""The views that show actors by name (timeline, events list, the desk's event rows and the
actor graph) show the merged actor: one person, one node, whatever each article wrote."""

from __future__ import annotations

from dossier.config import Settings
from dossier.extract import extract
from dossier.models import Article
from dossier.store.db import connect
from dossier.store.desk import fact_rows
from dossier.store.events import list_events
from dossier.store.facts import save_facts
from dossier.store.timeline import timeline
from dossier.stories.actor_merge import merge_actors
from dossier.web.graph import build_graph
from dossier.web.schemas import EventOut, EvidenceOut

TEXTS = {
    "a1": "Donald Trump criticized Mexico on Monday. Trump said the wall would be built.",
    "a2": "Mr. Trump criticized Mexico again on Tuesday, aides said.",
}


def _store(tmp_path, nlp):
    conn = connect(tmp_path / "views.db")
    for article_id, text in TEXTS.items():
        conn.execute("INSERT INTO articles (id, source_path, text, published) VALUES (?,?,?,?)",
                     (article_id, "fixture", text, "2016-09-01"))
        article = Article(id=article_id, source_path="fixture", text=text,
                          published="2016-09-01")
        save_facts(conn, article_id, extract(article, nlp(text), Settings()))
    merge_actors(conn, list(TEXTS), Settings())
    conn.commit()
    return conn


def test_an_article_that_writes_only_the_surname_shows_the_merged_person(tmp_path, nlp):
    conn = _store(tmp_path, nlp)
    rows = timeline(conn, with_statements=False, include_unasserted=True,
                    statement_window=Settings().statement_date_window)
    assert {r["source_actor"] for r in rows if r["type"] == "ACCUSE"} == {"Donald Trump"}
    assert {e["source_actor"] for e in list_events(conn)} == {"Donald Trump"}
    assert {e["source_actor"] for e in fact_rows(conn, "events")} == {"Donald Trump"}


def test_the_actor_graph_has_one_node_for_one_person(tmp_path, nlp):
    conn = _store(tmp_path, nlp)
    events = [EventOut(type=e["type"], source_actor=e["source_actor"],
                       target_actor=e["target_actor"],
                       evidence=EvidenceOut(article_id=e["article_id"], start=e["start"],
                                            end=e["end"], text="", sentence="",
                                            sentence_start=0, href=""))
              for e in fact_rows(conn, "events")]
    graph = build_graph(events, [])
    # a pair linked to no one else is drawn as one line of text (issue 18), not two nodes
    assert [(p.source, p.target) for p in graph.pairs] == [("Donald Trump", "Mexico")]
    assert [p.weight for p in graph.pairs] == [2]
