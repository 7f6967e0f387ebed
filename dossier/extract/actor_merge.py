"""Corpus step: merge each new article's actors into canonical actors across the corpus.

Incremental: only article actors without an ``actor_id`` are looked at. Rules, in order:
a known alias ("EU" = "European Union", "U.S." = "United States"); the same full name;
the same surname with a compatible first name and no conflicting country. A bare
surname joins only when exactly one compatible person has it; two different people
with one surname (Joe Biden, Hunter Biden) never merge. Unnamed nominals ("the army")
merge only when their country is known, and role-only mentions never do.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from dossier.config import Settings
from dossier.extract.countries import country_name
from dossier.lexicon.actors import canonical_alias, known_aliases, normalize_name
from dossier.registry import CorpusStep, register_corpus_step


def _first_names_compatible(a: list[str], b: list[str]) -> bool:
    """"Joe Biden" ~ "Joseph R. Biden"? Only by initial; "Joe" ~ "J." yes, "Joe" ~ "Hunter" no."""
    if len(a) < 2 or len(b) < 2:
        return True
    fa, fb = a[0].rstrip("."), b[0].rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    return False


def _alias_actor(conn: sqlite3.Connection, alias: str, kind: str | None) -> int | None:
    rows = conn.execute(
        "SELECT DISTINCT a.id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        " WHERE al.alias = ?" + (" AND a.kind = ?" if kind else ""),
        (alias, kind) if kind else (alias,),
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _person_actor(conn: sqlite3.Connection, name: str, country: str | None) -> int | None:
    tokens = name.split()
    exact = _alias_actor(conn, name, "person") if len(tokens) > 1 else None
    if exact is not None:
        return exact
    compatible = []
    for row in conn.execute(
        "SELECT id, merge_key, country FROM actors WHERE kind = 'person'"
        " AND (merge_key = ? OR merge_key LIKE ?)",
        (f"person:{tokens[-1]}", f"person:% {tokens[-1]}"),
    ):
        other = row["merge_key"].removeprefix("person:").split()
        if row["country"] and country and row["country"] != country:
            continue
        if _first_names_compatible(tokens, other):
            compatible.append(row["id"])
    return compatible[0] if len(compatible) == 1 else None


def _merge_key(row: sqlite3.Row) -> tuple[str, str] | None:
    """(merge key, display name) for an article actor, or None when it must not merge."""
    key: str = row["actor_key"]
    kind, _, rest = key.partition(":")
    if key.startswith("person:role:"):
        return None
    if kind == "person":
        return f"person:{rest}", row["name"]
    if kind == "country":
        return key, country_name(row["country"]) or row["name"]
    if kind == "org":
        name = canonical_alias(row["name"]) or row["name"]
        return f"org:{normalize_name(name)}", name
    if json.loads(row["aliases"]):  # a named group ("Nigeriens")
        return key, row["name"]
    return (key, row["name"]) if row["country"] else None


def merge_actors(conn: sqlite3.Connection, article_ids: Sequence[str], settings: Settings) -> None:
    """Give every new article actor a canonical ``actor_id`` (creating actors as needed)."""
    del settings  # merging has no tunables yet; the signature is the CorpusStep contract
    if not article_ids:
        return
    marks = ",".join("?" for _ in article_ids)
    rows = conn.execute(
        f"SELECT * FROM article_actors WHERE actor_id IS NULL AND article_id IN ({marks})"
        " ORDER BY length(name) DESC",  # full names first, so "Bazoum" finds "Mohamed Bazoum"
        list(article_ids),
    ).fetchall()
    for row in rows:
        found = _merge_key(row)
        if found is None:
            continue
        merge_key, display = found
        aliases = {normalize_name(a) for a in json.loads(row["aliases"])} | {
            normalize_name(display)
        }
        if row["kind"] == "person":
            actor_id = _person_actor(conn, merge_key.removeprefix("person:"), row["country"])
        else:
            actor_id = next(
                (i for a in sorted(aliases)
                 if (i := _alias_actor(conn, normalize_name(canonical_alias(a) or a), None))),
                None,
            )
            if actor_id is None:
                hit = conn.execute("SELECT id FROM actors WHERE merge_key = ?", (merge_key,))
                actor_id = next((r[0] for r in hit), None)
        if actor_id is None:
            actor_id = conn.execute(
                "INSERT INTO actors (name, kind, country, merge_key) VALUES (?,?,?,?)",
                (display, row["kind"], row["country"], merge_key),
            ).lastrowid
        else:
            _improve(conn, actor_id, display, merge_key, row["country"])
        aliases |= {normalize_name(canonical_alias(a) or a) for a in aliases}
        aliases |= known_aliases(display)  # "eu" for European Union even if unwritten
        conn.executemany(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias) VALUES (?, ?)",
            [(actor_id, a) for a in aliases if a],
        )
        conn.execute(
            "UPDATE article_actors SET actor_id = ? WHERE article_id = ? AND actor_key = ?",
            (actor_id, row["article_id"], row["actor_key"]),
        )


def _improve(conn: sqlite3.Connection, actor_id: int, name: str, merge_key: str,
             country: str | None) -> None:
    """A longer name ("Mohamed Bazoum" over "Bazoum") and a known country win."""
    current = conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if merge_key.startswith("person:") and len(name.split()) > len(current["name"].split()):
        conn.execute("UPDATE actors SET name = ?, merge_key = ? WHERE id = ?",
                     (name, merge_key, actor_id))
    if country:
        conn.execute("UPDATE actors SET country = COALESCE(country, ?) WHERE id = ?",
                     (country, actor_id))


register_corpus_step(CorpusStep(name="actors", run=merge_actors, order=10))
