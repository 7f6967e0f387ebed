"""Stance cues of the whole store, grouped by who backs or opposes whom, one page at a time.

A story's stances are its stance matrix (``dossier.stories.stance``); the store's are
every stored cue grouped by (source, target, polarity), the actors named by their
canonical actor as ``canonical_actors.with_canonical_names`` names them. Grouped,
ordered and paged in the query, each group with its first few cues as evidence: a page
costs its own rows in Python, and a pair stated in every article does not carry the
whole store in one item.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.store.db import has_table

# The canonical actor's name of the actor an article calls ``column``, when that name is
# one canonical actor's in that article (else the name as written): the same rule as
# canonical_actors.canonical_names, looked up through the article's own actors.
_CANONICAL = (
    "coalesce((SELECT CASE WHEN count(DISTINCT ca.name) = 1 THEN min(ca.name) END"
    " FROM article_actors aa JOIN actors ca ON ca.id = aa.actor_id"
    " WHERE aa.article_id = c.article_id AND aa.name = c.{column}), c.{column})"
)


def stance_page(conn: sqlite3.Connection, *, published: tuple[str, str] | None, evidence: int,
                limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
    """One page of the stance groups of the articles published on the days ``published``
    (first, last; read through the publication index; None: every article), most often
    stated first (then by source and target), and how many groups there are. Each group:
    ``{source, target, polarity, reports, cues, evidence: [{article_id, start, end}]}``
    with its first ``evidence`` cues by article and position and ``cues`` the words
    that state it, first seen first.
    """
    if not has_table(conn, "stance_cues"):
        return [], 0
    if has_table(conn, "actors") and has_table(conn, "article_actors"):
        source, target = (_CANONICAL.format(column=c) for c in ("source", "target"))
    else:
        source, target = "c.source", "c.target"
    named = (f"WITH n AS (SELECT c.id, c.article_id, c.start, c.end, c.cue, c.polarity,"
             f" {source} AS src, {target} AS tgt FROM stance_cues c"
             " JOIN articles a ON a.id = c.article_id"
             + (" WHERE a.published >= ? AND a.published < ?" if published else "") + "),"
             " r AS (SELECT n.*, row_number() OVER (PARTITION BY src, tgt, polarity"
             " ORDER BY article_id, start, id) AS rn,"
             " count(*) OVER (PARTITION BY src, tgt, polarity) AS reports FROM n) ")
    days = [published[0], published[1] + "\uffff"] if published else []
    total = conn.execute(named + "SELECT count(*) FROM r WHERE rn = 1", days).fetchone()[0]
    groups = [dict(r) for r in conn.execute(
        named + "SELECT src, tgt, polarity, reports FROM r WHERE rn = 1"
        " ORDER BY reports DESC, src, tgt, polarity LIMIT ? OFFSET ?", [*days, limit, offset])]
    if not groups:
        return [], total
    keys = {(g["src"], g["tgt"], g["polarity"]): g for g in groups}
    for g in groups:
        g.update(evidence=[], cues=[])
    triples = ", ".join("(?, ?, ?)" for _ in groups)
    page = named + f", pg(s, t, p) AS (VALUES {triples}),"
    page += (" q AS (SELECT r.* FROM r JOIN pg"
             " ON r.src = pg.s AND r.tgt = pg.t AND r.polarity = pg.p) ")
    params = [*days, *(v for g in groups for v in (g["src"], g["tgt"], g["polarity"]))]
    for r in conn.execute(page + "SELECT src, tgt, polarity, article_id, start, end FROM q"
                          " WHERE rn <= ? ORDER BY rn", [*params, evidence]):
        keys[(r["src"], r["tgt"], r["polarity"])]["evidence"].append(
            {"article_id": r["article_id"], "start": r["start"], "end": r["end"]})
    for r in conn.execute(page + "SELECT src, tgt, polarity, cue FROM q WHERE cue != ''"
                          " GROUP BY src, tgt, polarity, cue ORDER BY min(rn)", params):
        keys[(r["src"], r["tgt"], r["polarity"])]["cues"].append(r["cue"])
    return [{"source": g["src"], "target": g["tgt"], "polarity": g["polarity"],
             "reports": g["reports"], "cues": g["cues"], "evidence": g["evidence"]}
            for g in groups], total
