"""A digest names a speaker only on a sentence that speaker said."""

from __future__ import annotations

from pathlib import Path

from dossier.store.db import connect
from dossier.store.story_material import Unit, _speakers

TEXT = ("The lab tested a capsule in the desert tube. \"It will carry people by 2030,\" "
        "it said. Ocean eddies carried the warm water north that month. \"We are ready,\" "
        "he said.")


def _store(tmp_path: Path, quotes: list[tuple[str, str | None, int, int]]):
    conn = connect(tmp_path / "d.db")
    conn.execute("INSERT INTO articles (id, source_path, text) VALUES ('a', 'a.txt', ?)", (TEXT,))
    conn.execute("INSERT INTO stories (id, title, n_articles, centroid) VALUES "
                 "('s', 'Tube', 1, '{}')")
    conn.execute("INSERT INTO story_articles (story_id, article_id) VALUES ('s', 'a')")
    conn.execute("INSERT INTO article_actors (article_id, actor_key, name, kind, mentions,"
                 " start, end) VALUES ('a', 'org:lab', 'Tube Lab', 'organisation', 2, 4, 7)")
    for seq, (surface, key, start, end) in enumerate(quotes):
        conn.execute("INSERT INTO quotes (article_id, seq, kind, content, content_start,"
                     " content_end, speaker, speaker_key) VALUES ('a', ?, 'direct', ?, ?, ?, ?, ?)",
                     (seq, TEXT[start:end], start, end, surface, key))
    return conn


def _units() -> list[Unit]:
    bounds, start = [], 0
    for sentence in ("The lab tested a capsule in the desert tube. ",
                     "\"It will carry people by 2030,\" it said. ",
                     "Ocean eddies carried the warm water north that month. ",
                     "\"We are ready,\" he said."):
        bounds.append((start, start + len(sentence.rstrip())))
        start += len(sentence)
    return [Unit("a", i, s, e, False, False, []) for i, (s, e) in enumerate(bounds)]


def test_a_quote_that_spills_into_a_sentence_does_not_tag_it(tmp_path):
    # A quote whose span starts a few words early, in the sentence before it.
    start, end = TEXT.index("that month"), TEXT.index("We are") + 13
    conn = _store(tmp_path, [("the lab", "org:lab", start, end)])
    units = _units()
    _speakers(conn, ["a"], units)
    conn.close()
    assert units[2].speaker is None  # the eddies are nobody's words
    assert units[3].speaker == "Tube Lab"  # the sentence the quote is


def test_unresolved_or_group_pronouns_name_no_speaker(tmp_path):
    q1 = TEXT.index("It will")
    q2 = TEXT.index("We are")
    conn = _store(tmp_path, [("it", "org:lab", q1, q1 + 29), ("he", None, q2, q2 + 12)])
    units = _units()
    _speakers(conn, ["a"], units)
    conn.close()
    assert units[1].speaker is None and units[3].speaker is None
