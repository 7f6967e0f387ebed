"""One article's facts into the store, inside the batch transaction: one writer per fact kind.

Extractors return records and never see a connection; here each kind of record becomes
rows. ``save_facts`` runs in the ingesting process, inside the article's savepoint, so a
writer that fails loses its article and not the batch. Writers keyed by extractor name;
a plugin extractor registers its own with :func:`register_writer`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from dossier.store.actors import save_article_actors
from dossier.store.quotes import save_quotes

FactWriter = Callable[[sqlite3.Connection, str, list[Any]], None]
WRITERS: dict[str, FactWriter] = {}


def register_writer(name: str) -> Callable[[FactWriter], FactWriter]:
    """Decorator: the function stores the records of the extractor called ``name``."""

    def add(writer: FactWriter) -> FactWriter:
        WRITERS[name] = writer
        return writer

    return add


def save_facts(conn: sqlite3.Connection, article_id: str, facts: Mapping[str, list[Any]]) -> None:
    """Write every extractor's records in extraction order; a kind with no writer is a bug."""
    for name, records in facts.items():
        writer = WRITERS.get(name)
        if writer is None:
            raise LookupError(f"no store writer for the facts of extractor {name!r}")
        writer(conn, article_id, records)


@register_writer("actors")
def save_actors(conn: sqlite3.Connection, article_id: str, records: list) -> None:
    # Imported here: the extractor module loads spaCy, and read commands import this store.
    from dossier.extract.actors import actors_of, mentions_of

    save_article_actors(conn, article_id, mentions_of(records), actors_of(records))


register_writer("quotes")(save_quotes)


@register_writer("timex")
def save_timexes(conn: sqlite3.Connection, article_id: str, records: list) -> None:
    conn.execute("DELETE FROM timexes WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO timexes (article_id, start, end, text, type, value, mod, signal, tense,"
        " zone, utc_offset, anchored_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article_id, t.start, t.end, t.text, t.type, t.value, t.mod, t.signal, t.tense,
          t.zone, t.utc_offset, t.anchored_on) for t in records],
    )


@register_writer("places")
def save_places(conn: sqlite3.Connection, article_id: str, records: list) -> None:
    conn.execute("DELETE FROM places WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO places (article_id, start, end, text, name, feature, country, lat, lon,"
        " geonameid, is_dateline, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article_id, p.start, p.end, p.text, p.name, p.feature, p.country, p.lat, p.lon,
          p.geonameid, int(p.is_dateline), p.confidence) for p in records],
    )


@register_writer("events")
def save_events(conn: sqlite3.Connection, article_id: str, records: list) -> None:
    conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    conn.executemany(
        "INSERT INTO events (article_id, start, end, trigger_start, trigger_end, type, mode,"
        " modality, in_quote, source_actor, source_country, target_actor, target_country,"
        " place, country, lat, lon, date, date_text, confidence, method)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(article_id, e.start, e.end, e.trigger_start, e.trigger_end, e.type, e.mode,
          e.modality, int(e.in_quote), e.source_actor, e.source_country, e.target_actor,
          e.target_country, e.place, e.country, e.lat, e.lon, e.date, e.date_text,
          e.confidence, e.method) for e in records],
    )


@register_writer("stories")
def save_story_features(conn: sqlite3.Connection, article_id: str, records: list) -> None:
    """Story features, digest units and stance cues; replaces what an earlier run stored."""
    for table in ("story_features", "story_sentences", "stance_cues"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
    for feats in records:
        conn.execute(
            "INSERT INTO story_features(article_id, terms, entities, n_words) VALUES (?,?,?,?)",
            (article_id, json.dumps(feats.terms), json.dumps(feats.entities), feats.n_words),
        )
        conn.executemany(
            "INSERT INTO story_sentences(article_id, seq, start, end, truncated, is_quote,"
            " terms, numbers, negated, acts) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(article_id, i, u.start, u.end, int(u.truncated), int(u.is_quote),
              json.dumps(u.terms), json.dumps(u.numbers), json.dumps(u.negated),
              json.dumps(u.acts))
             for i, u in enumerate(feats.units)],
        )
        conn.executemany(
            "INSERT INTO stance_cues(article_id, start, end, source, target, polarity, cue)"
            " VALUES (?,?,?,?,?,?,?)",
            [(article_id, c.start, c.end, c.source, c.target, c.polarity, c.cue)
             for c in feats.stances],
        )
