"""Merging an article's actors costs the same at 50,000 stored people as at 1,000.

The look-ups go through indexes (surname key, merge key, aliases), never a scan of
``actors``: measured here as the SQLite virtual-machine steps the merge runs (a
progress handler counts them), which a scan makes grow with the store and an index
does not. No wall time: the speed itself is ``benchmarks/scale.py``'s.
"""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import pytest

from dossier.config import Settings
from dossier.extract.actor_names import surname_of
from dossier.store.db import connect
from dossier.stories.actor_merge import merge_actors

GIVEN = ("Adaeze", "Bongani", "Chipo", "Dawit", "Esi", "Farid", "Gugu", "Hamza", "Imani", "Jabu")
STEP = 10  # VM instructions per progress-handler call


SYLLABLES = [c + v for c in "bdgkmnrstz" for v in "aeiou"]  # 50


def surname(i: int) -> str:
    """A made-up surname per ten people: "Kbaba", "Kbabe", ... (letters only, one per i)."""
    return "K" + "".join(SYLLABLES[(i // 50**k) % 50] for k in range(3))


def store_with_people(path: Path, people: int) -> sqlite3.Connection:
    conn = connect(path)
    rows = []
    for i in range(people):
        given, family = GIVEN[i % len(GIVEN)], surname(i // len(GIVEN))
        words = [given.casefold(), family.casefold()]
        rows.append((f"{given} {family}", "person", None, "person:" + " ".join(words),
                     surname_of(words)))
    conn.executemany("INSERT INTO actors (name, kind, country, merge_key, surname_key)"
                     " VALUES (?,?,?,?,?)", rows)
    conn.execute("INSERT INTO articles (id, source_path, text) VALUES ('new', 'n.txt', 'x')")
    # One new article: a person of a stored surname, a new person and her lone surname,
    # and an organisation.
    named = [("person:ngozi", f"Ngozi {surname(3)}", "person"),
             ("person:amara", "Amara Okonkwo", "person"),
             ("person:okonkwo", "Okonkwo", "person"),
             ("org:harbour", "Harbour Authority", "organisation")]
    conn.executemany("INSERT INTO article_actors (article_id, actor_key, name, kind, mentions,"
                     " start, end) VALUES ('new', ?, ?, ?, 1, 0, 1)", named)
    conn.commit()
    return conn


def merge_steps(conn: sqlite3.Connection) -> int:
    counter = itertools.count()
    conn.set_progress_handler(lambda: next(counter) and 0, STEP)
    try:
        merge_actors(conn, ["new"], Settings())
    finally:
        conn.set_progress_handler(None, 0)
    return next(counter)


@pytest.mark.slow  # builds a 50,000-person store: ~2 s idle, ~5 s on a busy machine
def test_merging_an_article_does_not_grow_with_the_people_stored(tmp_path: Path) -> None:
    small = store_with_people(tmp_path / "1k.db", 1_000)
    large = store_with_people(tmp_path / "50k.db", 50_000)
    small_steps, large_steps = merge_steps(small), merge_steps(large)
    # Indexed look-ups grow with log(n): a little. A scan of actors would be ~50x.
    assert large_steps <= 1.5 * small_steps, (small_steps, large_steps)
    # And the merge did its work: the lone surname joined the new full name.
    names = {r[0]: r[1] for r in large.execute(
        "SELECT aa.name, a.name FROM article_actors aa JOIN actors a ON a.id = aa.actor_id"
        " WHERE aa.article_id = 'new'")}
    assert names["Okonkwo"] == names["Amara Okonkwo"] == "Amara Okonkwo"
    assert names[f"Ngozi {surname(3)}"] == f"Ngozi {surname(3)}"
