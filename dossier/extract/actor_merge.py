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
from dossier.extract.actor_names import name_words, same_person_name, surname_of
from dossier.extract.countries import country_name
from dossier.lexicon.actors import canonical_alias, known_aliases, normalize_name
from dossier.registry import CorpusStep, register_corpus_step


def _alias_actor(conn: sqlite3.Connection, alias: str, kind: str | None) -> int | None:
    rows = conn.execute(
        "SELECT DISTINCT a.id FROM actor_aliases al JOIN actors a ON a.id = al.actor_id"
        " WHERE al.alias = ?" + (" AND a.kind = ?" if kind else ""),
        (alias, kind) if kind else (alias,),
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _articles(conn: sqlite3.Connection, actor_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM article_actors WHERE actor_id = ?",
                        (actor_id,)).fetchone()[0]


def _dominant(conn: sqlite3.Connection, ids: list[int], ratio: float) -> int | None:
    """The one candidate, or the one with ``ratio`` times the articles of the next."""
    if len(ids) <= 1:
        return ids[0] if ids else None
    ranked = sorted(((_articles(conn, i), i) for i in ids), reverse=True)
    return ranked[0][1] if ranked[0][0] >= ratio * max(ranked[1][0], 1) else None


def _people_named(conn: sqlite3.Connection, surname: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, merge_key, country FROM actors WHERE kind = 'person' AND surname_key = ?",
        (surname,),
    ).fetchall()


def _lone_name_target(conn: sqlite3.Connection, word: str, ratio: float) -> int | None:
    """The full-name person a lone word names: the one (or dominant) person with that
    surname; failing any, the one (or dominant) person whose given name it is ("Hillary")."""
    full = [r["id"] for r in _people_named(conn, word) if " " in r["merge_key"]]
    if full:
        return _dominant(conn, full, ratio)
    # A range on the indexed merge key, not a LIKE scan.
    prefix = f"person:{word} "
    starting = [r[0] for r in conn.execute(
        "SELECT id FROM actors WHERE merge_key >= ? AND merge_key < ? AND kind = 'person'",
        (prefix, prefix[:-1] + "!"),
    )]
    return _dominant(conn, starting, ratio)


def _person_actor(conn: sqlite3.Connection, words: list[str], country: str | None,
                  ratio: float) -> int | None:
    """The canonical person a name joins: the same full name; else the one compatible
    full name (or the dominant one) with that surname; a lone word, see above."""
    if not words:
        return None  # an actor named "." has no name to match
    key = "person:" + " ".join(words)
    if len(words) == 1:
        found = _lone_name_target(conn, words[0], ratio)
        hit = conn.execute("SELECT id FROM actors WHERE kind = 'person' AND merge_key = ?",
                           (key,))
        return found if found is not None else next((r[0] for r in hit), None)
    # A country blocks two full names (a role's country is evidence).
    people = [r for r in _people_named(conn, surname_of(words))
              if not (r["country"] and country and r["country"] != country)]
    exact = [r["id"] for r in people if r["merge_key"] == key]
    if exact:
        return exact[0]
    full = [(r["id"], r["merge_key"].removeprefix("person:").split()) for r in people]
    found = _dominant(conn, [i for i, w in full if len(w) > 1 and same_person_name(words, w)],
                      ratio)
    if found is None and len(words) > 2:
        # "Vermonter Bernie Sanders", "Bernie Sanders Suffered": a word glued on a name
        # the corpus already knows whole.
        for part in (words[1:], words[:-1]):
            hit = conn.execute("SELECT id FROM actors WHERE kind = 'person'"
                               " AND merge_key = ?", ("person:" + " ".join(part),))
            found = next((r[0] for r in hit), None)
            if found is not None:
                break
    return found


def _absorb_lone_names(conn: sqlite3.Connection, people: set[int], ratio: float) -> set[int]:
    """A lone-word person stored before the full name it belongs to ("Trump" from an
    earlier batch) moves to that person once there is one; returns the actors grown."""
    grown = set()
    words = set()
    for actor_id in people:
        row = conn.execute("SELECT merge_key FROM actors WHERE id = ?", (actor_id,)).fetchone()
        key = row[0].removeprefix("person:").split() if row else []
        if len(key) > 1:
            words |= {surname_of(key), key[0]}
    for word in sorted(words):
        lone = conn.execute("SELECT id FROM actors WHERE kind = 'person' AND merge_key = ?",
                            (f"person:{word}",)).fetchone()
        target = _lone_name_target(conn, word, ratio) if lone else None
        if lone is None or target is None or target == lone[0]:
            continue
        conn.execute("UPDATE article_actors SET actor_id = ? WHERE actor_id = ?",
                     (target, lone[0]))
        conn.execute("INSERT OR IGNORE INTO actor_aliases (actor_id, alias)"
                     " SELECT ?, alias FROM actor_aliases WHERE actor_id = ?", (target, lone[0]))
        conn.execute("DELETE FROM actors WHERE id = ?", (lone[0],))
        grown.add(target)
    return grown


def _merge_key(row: sqlite3.Row) -> tuple[str, str] | None:
    """(merge key, display name) for an article actor, or None when it must not merge."""
    key: str = row["actor_key"]
    kind, _, rest = key.partition(":")
    if key.startswith("person:role:"):
        return None
    if kind == "person":
        words = name_words(row["name"])
        return (f"person:{' '.join(words)}", row["name"]) if words else None
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
    if not article_ids:
        return
    _fill_surname_keys(conn)
    marks = ",".join("?" for _ in article_ids)
    rows = conn.execute(
        f"SELECT * FROM article_actors WHERE actor_id IS NULL AND article_id IN ({marks})"
        " ORDER BY length(name) DESC",
        list(article_ids),
    ).fetchall()
    # Two-word names first, then longer ones (so a glued "Vermonter Bernie Sanders" finds
    # "Bernie Sanders"), lone surnames last (so "Bazoum" finds "Mohamed Bazoum").
    width = {r["actor_key"]: len(r["name"].split()) for r in rows}
    rows = sorted(rows, key=lambda r: {2: 0, 1: 2}.get(width[r["actor_key"]], 1))
    people: set[int] = set()
    for row in rows:
        found = _merge_key(row)
        if found is None:
            continue
        merge_key, display = found
        aliases = {normalize_name(a) for a in json.loads(row["aliases"])} | {
            normalize_name(display)
        }
        if row["kind"] == "person":
            actor_id = _person_actor(conn, merge_key.removeprefix("person:").split(),
                                     row["country"], settings.actor_dominance)
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
                "INSERT INTO actors (name, kind, country, merge_key, surname_key)"
                " VALUES (?,?,?,?,?)",
                (display, row["kind"], row["country"], merge_key, _surname_key(merge_key)),
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
        if row["kind"] == "person":
            people.add(actor_id)
    _rename(conn, people | _absorb_lone_names(conn, people, settings.actor_dominance))


def _rename(conn: sqlite3.Connection, actor_ids: set[int]) -> None:
    """A person's display name: the full name most of its articles write (not the longest,
    which is where a glued word or a middle name hides); on a tie, the one its key spells."""
    for actor_id in actor_ids:
        row = conn.execute("SELECT merge_key FROM actors WHERE id = ?", (actor_id,)).fetchone()
        if row is None:
            continue  # a lone name absorbed into its full name
        key = row[0].removeprefix("person:").split()
        names = [r[0] for r in conn.execute(
            "SELECT name FROM article_actors WHERE actor_id = ?", (actor_id,))]
        full = [n for n in names if len(name_words(n)) > 1] or names
        if full:
            best = max(dict.fromkeys(full),
                       key=lambda n: (full.count(n), name_words(n) == key, -len(n)))
            conn.execute("UPDATE actors SET name = ? WHERE id = ?", (best, actor_id))


def _surname_key(merge_key: str) -> str | None:
    if not merge_key.startswith("person:"):
        return None
    return surname_of(merge_key.removeprefix("person:").split()) or None


def _fill_surname_keys(conn: sqlite3.Connection) -> None:
    """People stored before the surname_key column existed get theirs (once)."""
    rows = conn.execute("SELECT id, merge_key FROM actors WHERE kind = 'person'"
                        " AND surname_key IS NULL").fetchall()
    conn.executemany("UPDATE actors SET surname_key = ? WHERE id = ?",
                     [(_surname_key(r["merge_key"]), r["id"]) for r in rows])


def _improve(conn: sqlite3.Connection, actor_id: int, name: str, merge_key: str,
             country: str | None) -> None:
    """A fuller name ("Mohamed Bazoum" over "Bazoum") and a known country win."""
    current = conn.execute("SELECT name, merge_key FROM actors WHERE id = ?",
                           (actor_id,)).fetchone()
    if merge_key.startswith("person:") and len(merge_key.split()) > 1 == len(
        current["merge_key"].split()
    ):
        conn.execute("UPDATE actors SET name = ?, merge_key = ?, surname_key = ? WHERE id = ?",
                     (name, merge_key, _surname_key(merge_key), actor_id))
    if country:
        conn.execute("UPDATE actors SET country = COALESCE(country, ?) WHERE id = ?",
                     (country, actor_id))


register_corpus_step(CorpusStep(name="actors", run=merge_actors, order=10))
