"""Actors in the store: per-article writes, canonical actors, and the queries CLI/web/export share.

Queries return plain dicts. A role row is the evidence for a role: article, span,
and the publication date of the article that states it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from dossier.extract.actor_names import name_words
from dossier.extract.actor_records import ActorMention, ArticleActor
from dossier.lexicon.actors import normalize_name
from dossier.store.exports import register_export
from dossier.store.records import ActorRecord


def save_article_actors(
    conn: sqlite3.Connection,
    article_id: str,
    mentions: list[ActorMention],
    actors: list[ArticleActor],
) -> None:
    """Write one article's actors, mentions and roles (actor_id is set by the corpus step)."""
    conn.executemany(
        "INSERT OR REPLACE INTO article_actors (article_id, actor_key, name, kind, country,"
        " aliases, mentions, start, end) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (article_id, a.key, a.name, a.kind, a.country, json.dumps(a.aliases),
             a.mentions, a.first_start, a.first_end)
            for a in actors
        ],
    )
    conn.executemany(
        "INSERT INTO actor_mentions (article_id, start, end, text, actor_key, kind,"
        " mention_type, country, role) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (article_id, m.start, m.end, m.text, m.actor_key, m.kind, m.mention_type,
             m.country, m.role)
            for m in mentions
        ],
    )
    conn.executemany(
        "INSERT INTO actor_roles (article_id, actor_key, title, country, organisation, start,"
        " end, date) VALUES (?,?,?,?,?,?,?,?)",
        [
            (article_id, a.key, r.title, r.country, r.organisation, r.start, r.end, r.date)
            for a in actors
            for r in a.roles
        ],
    )


_QUOTES_OF = ("(SELECT COUNT(*) FROM quotes q JOIN article_actors s"
              "   ON s.article_id = q.article_id AND s.actor_key = q.speaker_key"
              "   WHERE s.actor_id = {actor}) AS quotes")


def _mention_counts_sql(where: str = "") -> str:
    return (
        "SELECT a.id, a.name, a.kind, a.country,"
        " COUNT(DISTINCT aa.article_id) AS articles, COALESCE(SUM(aa.mentions), 0) AS mentions"
        " FROM actors a LEFT JOIN article_actors aa ON aa.actor_id = a.id"
        f" {where} GROUP BY a.id"
    )


def _counts_sql(where: str = "") -> str:
    return (
        "SELECT a.id, a.name, a.kind, a.country,"
        " COUNT(DISTINCT aa.article_id) AS articles, COALESCE(SUM(aa.mentions), 0) AS mentions,"
        f" {_QUOTES_OF.format(actor='a.id')}"
        " FROM actors a LEFT JOIN article_actors aa ON aa.actor_id = a.id"
        f" {where} GROUP BY a.id"
    )


def list_actors(
    conn: sqlite3.Connection, kind: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Canonical actors, most mentioned first (``offset``: a page further on)."""
    where, params = ("WHERE a.kind = ?", [kind]) if kind else ("", [])
    # the page first, then its quotes: counting every actor's quotes to show fifty
    # doubled the cost of a page of a 20,000-article store
    rows = conn.execute(
        f"SELECT p.*, {_QUOTES_OF.format(actor='p.id')} FROM ("
        + _mention_counts_sql(where) + " ORDER BY mentions DESC, a.name LIMIT ? OFFSET ?) p"
        " ORDER BY p.mentions DESC, p.name",
        [*params, limit, offset],
    )
    return [dict(r) for r in rows]


def count_actors(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM actors").fetchone()[0]


def find_actors(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Actors that go by ``name`` as a whole name or alias, most mentioned first.

    Whole names only: "AI" is not American Airlines, "Trump" is not Trump Tower. A
    person's name also matches without honorific, initials or hyphens ("Mr. Trump",
    "Donald J. Trump" and "Kim Jong-un" find Trump and Kim Jong Un).
    """
    key = normalize_name(name)
    person = " ".join(name_words(name))
    rows = conn.execute(
        _counts_sql(
            "WHERE a.id IN (SELECT actor_id FROM actor_aliases WHERE alias IN (?, ?))"
            " OR a.merge_key = ? OR lower(a.name) = ?"
        ) + " ORDER BY mentions DESC",
        (key, person, f"person:{person}", name.strip().lower()),
    )
    return [dict(r) for r in rows]


def actor_names(conn: sqlite3.Connection, actor_id: int) -> list[dict[str, Any]]:
    """Every name an actor is written under, with how often and where first (evidence)."""
    rows = conn.execute(
        "SELECT m.text AS name, COUNT(*) AS mentions, COUNT(DISTINCT m.article_id) AS articles,"
        " MIN(m.article_id || ':' || printf('%09d', m.start) || ':' || printf('%09d', m.end))"
        "   AS first"
        " FROM actor_mentions m JOIN article_actors aa"
        "   ON aa.article_id = m.article_id AND aa.actor_key = m.actor_key"
        " WHERE aa.actor_id = ? AND m.mention_type = 'name'"
        " GROUP BY m.text ORDER BY mentions DESC, m.text",
        (actor_id,),
    )
    out = []
    for r in rows:
        article_id, start, end = r["first"].rsplit(":", 2)
        out.append({"name": r["name"], "mentions": r["mentions"], "articles": r["articles"],
                    "evidence": {"article_id": article_id, "start": int(start),
                                 "end": int(end)}})
    return out


def actor_detail(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any] | None:
    """One actor with aliases, dated roles with evidence, quotes, and mentions by date."""
    row = conn.execute(_counts_sql("WHERE a.id = ?"), (actor_id,)).fetchone()
    if row is None:
        return None
    detail = dict(row)
    detail["aliases"] = [
        r[0] for r in conn.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor_id,))
    ]
    detail["names"] = actor_names(conn, actor_id)
    detail["roles"] = [dict(r) for r in conn.execute(
        "SELECT r.title, r.country, r.organisation, r.date, r.article_id, r.start, r.end,"
        " substr(ar.text, r.start + 1, r.end - r.start) AS evidence"
        " FROM actor_roles r JOIN article_actors aa"
        "   ON aa.article_id = r.article_id AND aa.actor_key = r.actor_key"
        " JOIN articles ar ON ar.id = r.article_id"
        " WHERE aa.actor_id = ? ORDER BY r.date, r.article_id, r.start",
        (actor_id,),
    )]
    from dossier.store.quotes import list_quotes

    detail["quotes"] = list_quotes(conn, actor_id=actor_id, limit=1000)
    detail["mentions_by_date"] = [dict(r) for r in conn.execute(
        "SELECT COALESCE(substr(ar.published, 1, 10), '') AS date, COUNT(*) AS mentions,"
        " COUNT(DISTINCT m.article_id) AS articles"
        " FROM actor_mentions m JOIN article_actors aa"
        "   ON aa.article_id = m.article_id AND aa.actor_key = m.actor_key"
        " JOIN articles ar ON ar.id = m.article_id"
        " WHERE aa.actor_id = ? GROUP BY date ORDER BY date",
        (actor_id,),
    )]
    return detail


def article_actors(conn: sqlite3.Connection, article_id: str) -> list[dict[str, Any]]:
    """The actors of one article with their canonical ids."""
    rows = conn.execute(
        "SELECT actor_key, name, kind, country, aliases, mentions, start, end, actor_id"
        " FROM article_actors WHERE article_id = ? ORDER BY start",
        (article_id,),
    )
    return [{**dict(r), "aliases": json.loads(r["aliases"])} for r in rows]


@register_export("actors")
def export_actors(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One :class:`ActorRecord` per canonical actor (``ActorFields`` shared with the API):
    names, kind, country, roles, and how much it appears."""
    roles: dict[int, list[str]] = {}
    for r in conn.execute(
        "SELECT DISTINCT aa.actor_id, r.title FROM actor_roles r JOIN article_actors aa"
        " ON aa.article_id = r.article_id AND aa.actor_key = r.actor_key"
        " WHERE aa.actor_id IS NOT NULL ORDER BY r.title"
    ):
        roles.setdefault(r[0], []).append(r[1])
    aliases: dict[int, list[str]] = {}
    for r in conn.execute("SELECT actor_id, alias FROM actor_aliases ORDER BY alias"):
        aliases.setdefault(r[0], []).append(r[1])
    for row in conn.execute(_counts_sql() + " ORDER BY a.id"):
        yield ActorRecord.of({**dict(row), "aliases": aliases.get(row["id"], []),
                              "roles": roles.get(row["id"], [])}).row()
