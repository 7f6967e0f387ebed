"""Canonical actors in the store: the reads and writes the actors corpus step merges with.

Only the store speaks SQL; the merge rules (which names are one person, which alias is
whose) live in :mod:`dossier.stories.actor_merge` and call these. Rows are
``sqlite3.Row``; a person's ``merge_key`` is ``"person:" + name words``, and its
``surname_key`` (indexed with kind) is the family name the key is filed under.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from dossier.extract.actor_names import surname_of
from dossier.store.db import has_table


def surname_key(merge_key: str) -> str | None:
    """The indexed family name of a person's merge key; None for any other actor."""
    if not merge_key.startswith("person:"):
        return None
    return surname_of(merge_key.removeprefix("person:").split()) or None


def fill_surname_keys(conn: sqlite3.Connection) -> None:
    """People stored before the surname_key column existed get theirs (once)."""
    rows = conn.execute("SELECT id, merge_key FROM actors WHERE kind = 'person'"
                        " AND surname_key IS NULL").fetchall()
    conn.executemany("UPDATE actors SET surname_key = ? WHERE id = ?",
                     [(surname_key(r["merge_key"]), r["id"]) for r in rows])


def unmerged_article_actors(conn: sqlite3.Connection,
                            article_ids: Sequence[str]) -> list[sqlite3.Row]:
    """The article actors of these articles that have no canonical actor yet, longest
    name first."""
    marks = ",".join("?" for _ in article_ids)
    return conn.execute(
        f"SELECT * FROM article_actors WHERE actor_id IS NULL AND article_id IN ({marks})"
        " ORDER BY length(name) DESC",
        list(article_ids),
    ).fetchall()


def bodies_with_alias(conn: sqlite3.Connection, alias: str) -> list[int]:
    """Ids of the canonical actors other than people that go by this alias ("eu")."""
    rows = conn.execute(
        "SELECT DISTINCT a.id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        " WHERE al.alias = ? AND a.kind != 'person'",
        (alias,),
    ).fetchall()
    return [r[0] for r in rows]


def article_count(conn: sqlite3.Connection, actor_id: int) -> int:
    """In how many articles an actor appears (how the merge weighs two candidates)."""
    return conn.execute("SELECT COUNT(*) FROM article_actors WHERE actor_id = ?",
                        (actor_id,)).fetchone()[0]


def people_with_surname(conn: sqlite3.Connection, surname: str) -> list[sqlite3.Row]:
    """Canonical people filed under a surname: id, merge_key, country."""
    return conn.execute(
        "SELECT id, merge_key, country FROM actors WHERE kind = 'person' AND surname_key = ?",
        (surname,),
    ).fetchall()


def people_with_key_prefix(conn: sqlite3.Connection, prefix: str) -> list[int]:
    """Ids of people whose merge key starts with ``prefix`` ("person:hillary ").
    A range on the indexed merge key, not a LIKE scan."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM actors WHERE merge_key >= ? AND merge_key < ? AND kind = 'person'",
        (prefix, prefix[:-1] + "!"),
    )]


def actor_with_key(conn: sqlite3.Connection, merge_key: str,
                   kind: str | None = None) -> int | None:
    """The (first) canonical actor with this merge key, of ``kind`` if given."""
    row = conn.execute(
        "SELECT id FROM actors WHERE merge_key = ?" + (" AND kind = ?" if kind else ""),
        (merge_key, kind) if kind else (merge_key,),
    ).fetchone()
    return row[0] if row else None


def articles_writing(conn: sqlite3.Connection, actor_id: int, name: str) -> int:
    """In how many articles this canonical actor is written ``name`` (one of the article
    actor's surface names, as stored in its JSON ``aliases``)."""
    quoted = json.dumps(name).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return conn.execute(
        "SELECT COUNT(*) FROM article_actors WHERE actor_id = ? AND aliases LIKE ? ESCAPE '\\'",
        (actor_id, f"%{quoted}%"),
    ).fetchone()[0]


def merge_key_of(conn: sqlite3.Connection, actor_id: int) -> str | None:
    row = conn.execute("SELECT merge_key FROM actors WHERE id = ?", (actor_id,)).fetchone()
    return row[0] if row else None


def create_actor(conn: sqlite3.Connection, name: str, kind: str, country: str | None,
                 merge_key: str) -> int:
    """A new canonical actor; returns its id."""
    return conn.execute(
        "INSERT INTO actors (name, kind, country, merge_key, surname_key) VALUES (?,?,?,?,?)",
        (name, kind, country, merge_key, surname_key(merge_key)),
    ).lastrowid


def improve_actor(conn: sqlite3.Connection, actor_id: int, name: str, merge_key: str,
                  country: str | None) -> None:
    """A fuller name ("Mohamed Bazoum" over "Bazoum") and a known country win."""
    current = conn.execute("SELECT name, merge_key FROM actors WHERE id = ?",
                           (actor_id,)).fetchone()
    if merge_key.startswith("person:") and len(merge_key.split()) > 1 == len(
        current["merge_key"].split()
    ):
        conn.execute("UPDATE actors SET name = ?, merge_key = ?, surname_key = ? WHERE id = ?",
                     (name, merge_key, surname_key(merge_key), actor_id))
    if country:
        conn.execute("UPDATE actors SET country = COALESCE(country, ?) WHERE id = ?",
                     (country, actor_id))


def add_aliases(conn: sqlite3.Connection, actor_id: int, aliases: Iterable[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)",
        [(actor_id, a) for a in aliases if a],
    )


def assign_article_actor(conn: sqlite3.Connection, article_id: str, actor_key: str,
                         actor_id: int) -> None:
    """Tie one article's actor to its canonical actor."""
    conn.execute(
        "UPDATE article_actors SET actor_id = ? WHERE article_id = ? AND actor_key = ?",
        (actor_id, article_id, actor_key),
    )


def set_kind(conn: sqlite3.Connection, actor_id: int, kind: str) -> None:
    """Correct the kind every article gave a canonical actor (and its mentions) once the
    corpus knows better ("Trump" tagged ORG in one article is the person)."""
    conn.execute("UPDATE actor_mentions SET kind = ? WHERE (article_id, actor_key) IN"
                 " (SELECT article_id, actor_key FROM article_actors WHERE actor_id = ?)"
                 " AND kind != ?", (kind, actor_id, kind))
    conn.execute("UPDATE article_actors SET kind = ? WHERE actor_id = ? AND kind != ?",
                 (kind, actor_id, kind))


def actor_row(conn: sqlite3.Connection, actor_id: int) -> sqlite3.Row | None:
    """One canonical actor: id, name, kind, country, merge_key."""
    return conn.execute("SELECT id, name, kind, country, merge_key FROM actors WHERE id = ?",
                        (actor_id,)).fetchone()


def fold_actor(conn: sqlite3.Connection, source: int, target: int) -> None:
    """Move every article actor and alias of ``source`` to ``target``; drop ``source``."""
    conn.execute("UPDATE article_actors SET actor_id = ? WHERE actor_id = ?", (target, source))
    conn.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias)"
                 " SELECT ?, alias FROM actor_aliases WHERE actor_id = ?", (target, source))
    conn.execute("DELETE FROM actors WHERE id = ?", (source,))


def article_names(conn: sqlite3.Connection, actor_id: int) -> list[str]:
    """The name each article gives a canonical actor, one per article actor."""
    return [r[0] for r in conn.execute(
        "SELECT name FROM article_actors WHERE actor_id = ?", (actor_id,))]


def rename_actor(conn: sqlite3.Connection, actor_id: int, name: str) -> None:
    conn.execute("UPDATE actors SET name = ? WHERE id = ?", (name, actor_id))


def canonical_names(conn: sqlite3.Connection,
                    article_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """(article id, the name that article gives an actor) → the canonical actor's name, for
    facts that hold an article's actor by name (events, stance cues): "Trump" in one article
    and "Donald Trump" in another are one node. A name that two canonical actors share in
    one article is left out (kept as written)."""
    ids = list(dict.fromkeys(article_ids))
    found: dict[tuple[str, str], set[str]] = {}
    for n in range(0, len(ids), 500):
        chunk = ids[n:n + 500]
        rows = conn.execute(
            "SELECT aa.article_id, aa.name, ca.name AS canonical FROM article_actors aa"
            " JOIN actors ca ON ca.id = aa.actor_id"
            f" WHERE aa.article_id IN ({','.join('?' * len(chunk))})", chunk)
        for r in rows:
            found.setdefault((r["article_id"], r["name"]), set()).add(r["canonical"])
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def with_canonical_names(conn: sqlite3.Connection, rows: list[dict[str, Any]],
                         columns: Sequence[str]) -> list[dict[str, Any]]:
    """The rows with each actor-name column set to its canonical actor's name (in place)."""
    if not rows or not has_table(conn, "actors"):
        return rows
    names = canonical_names(conn, (r["article_id"] for r in rows))
    for r in rows:
        for col in columns:
            if r.get(col):
                r[col] = names.get((r["article_id"], r[col]), r[col])
    return rows
