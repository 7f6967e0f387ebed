"""Who supports / opposes whom within a story, each cell with the sentences that say so.

Cells come from the stance cues of the story's articles (statements: "voiced their
support for", "demanded the release of", "condemn") and, when the event extractor
ran, from its events (SUPPORT/AID/AGREE/... against ACCUSE/REJECT/THREATEN/...).
Names are folded so "Bazoum" and "Mohamed Bazoum", "Defence and Security Forces"
and "Defense and Security forces" share a row.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from dossier.config import Settings
from dossier.extract.text import is_actor_name, name_key
from dossier.store import story_material as material
from dossier.store.db import has_table
from dossier.store.story_facts import asserted_events_between_actors, statement_cues_of

POSITIVE_EVENTS = {"SUPPORT", "AID", "AGREE", "COOPERATE", "CONCEDE", "RETREAT"}
NEGATIVE_EVENTS = {"ACCUSE", "REJECT", "THREATEN", "SANCTION", "ASSAULT", "COERCE", "PROTEST"}


def _rows(conn: sqlite3.Connection, story_id: str) -> list[dict[str, Any]]:
    rows = [dict(r) | {"via": "statement"} for r in statement_cues_of(conn, story_id)]
    # A sentence with a statement cue is read from the statement: the cue words say
    # who backs whom ("a show of support for"), an event type only guesses it.
    statements = list(rows)
    if has_table(conn, "events"):
        for r in asserted_events_between_actors(conn, story_id):
            polarity = (1 if r["type"] in POSITIVE_EVENTS
                        else -1 if r["type"] in NEGATIVE_EVENTS else 0)
            told = any(c["article_id"] == r["article_id"] and c["start"] < r["end"]
                       and r["start"] < c["end"] for c in statements)
            if (polarity and not told and is_actor_name(r["source_actor"])
                    and is_actor_name(r["target_actor"])):
                rows.append({"article_id": r["article_id"], "start": r["start"],
                             "end": r["end"], "source": r["source_actor"],
                             "target": r["target_actor"], "polarity": polarity,
                             "cue": r["type"], "via": "event"})
    return rows


def _canonical(names: list[str]) -> dict[str, str]:
    """name → display name of its row: a one-word key joins the longer name ending in it
    ("Bazoum" → "Mohamed Bazoum"); otherwise same folded key, same row."""
    keys = {n: name_key(n) for n in names}
    full = sorted(set(keys.values()), key=len, reverse=True)
    display: dict[str, str] = {}
    for key in full:
        if " " not in key:
            longer = [k for k in full if k.endswith(" " + key)]
            if len(longer) == 1:
                display.setdefault(key, longer[0])
                continue
        display.setdefault(key, key)
    best: dict[str, str] = {}
    for name, key in keys.items():
        row = display[key]
        if row not in best or (name_key(name) == row and len(name) >= len(best[row])):
            best[row] = name if name_key(name) == row else best.get(row, name)
    return {name: best[display[key]] for name, key in keys.items()}


def stance_matrix(conn: sqlite3.Connection, story_id: str, settings: Settings,
                  mat: material.Material | None = None) -> dict[str, Any]:
    """``{actors, cells}``; a cell is ``{source, target, polarity, supports, opposes,
    evidence: [{article_id, start, end, text, outlet, cue, via}]}``. ``mat``: the story's
    material, when the caller loaded it."""
    mat = mat or material.load(conn, story_id, settings.speech_date_window)
    if mat is None:
        return {"story_id": story_id, "actors": [], "cells": []}
    rows = _rows(conn, story_id)
    names = _canonical([r["source"] for r in rows] + [r["target"] for r in rows])
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        source, target = names[r["source"]], names[r["target"]]
        if source == target:
            continue
        cell = cells.setdefault((source, target), {
            "source": source, "target": target, "supports": 0, "opposes": 0, "evidence": []})
        cell["supports" if r["polarity"] > 0 else "opposes"] += 1
        src = mat.sources.get(r["article_id"])
        cell["evidence"].append({
            "article_id": r["article_id"], "start": r["start"], "end": r["end"],
            "text": src.text[r["start"] : r["end"]].strip() if src else None,
            "outlet": src.label if src else None, "cue": r["cue"], "via": r["via"]})
    for cell in cells.values():
        # Mixed evidence leans to the majority; a tie is shown as 0, not hidden.
        pro, con = cell["supports"], cell["opposes"]
        cell["polarity"] = (pro > con) - (con > pro)
    ordered = sorted(cells.values(), key=lambda c: (-len(c["evidence"]), c["source"]))
    actors = sorted({c["source"] for c in ordered} | {c["target"] for c in ordered})
    return {"story_id": story_id, "actors": actors, "cells": ordered}
