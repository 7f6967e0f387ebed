"""The sample corpus's key events (examples/answers.json) against what an ingest extracts.

examples/ is written for Dossier (invented outlets and people, real places); its
answer key lists 40 events with PLOVER type (plus types also acceptable), mode and,
where the text gives one, the day. This ingests examples/ into a temporary store
with the real pipeline and, for each key event, looks at the events whose trigger
lies inside the key's snippet or whose sentence contains it:

  type   an event of the key's type (or an also-acceptable one) is there; for a
         'negated' key, no asserted event of that type is there
  day    its day as the timeline shows it (the text's date, else the publication
         day, marked 'reported') equals the key's, where the key has one

A small, hand-written check of the rules on text unlike the PLOVER GSR's; the
lexicon was extended after reading its misses, so it is a development set, not a test.

    python benchmarks/examples_events.py
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2019": "'"})


def ingest(db: Path) -> None:
    command = [sys.executable, "-c", "from dossier.cli import main; main()"]
    subprocess.run([*command, "ingest", str(EXAMPLES), "--db", str(db)],
                   check=True, capture_output=True)


def article_for(conn: sqlite3.Connection, snippet: str, title: str) -> tuple[str, int] | None:
    """(article id, snippet offset); syndicated copies share text, so prefer the key's title."""
    rows = [(r[0], r[1], r[2].translate(QUOTES)) for r in
            conn.execute("SELECT id, title, text FROM articles")]
    hits = sorted((r for r in rows if snippet in r[2]), key=lambda r: r[1] != title)
    return (hits[0][0], hits[0][2].index(snippet)) if hits else None


def main() -> None:
    key = json.loads((EXAMPLES / "answers.json").read_text(encoding="utf-8"))
    titles = {a["key"]: a["title"] for a in key["articles"]}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "examples.db"
        ingest(db)
        conn = sqlite3.connect(db)
        conn.row_factory = sqlite3.Row
        typed = dated = with_day = 0
        misses = []
        for want in key["events"]:
            snippet = want["snippet"].translate(QUOTES)
            found = article_for(conn, snippet, titles[want["article"]])
            if found is None:
                misses.append(f"snippet not in the store: {want['snippet']}")
                continue
            article_id, start = found
            end = start + len(snippet)
            events = conn.execute(
                "SELECT e.type, e.modality, coalesce(e.date, substr(a.published, 1, 10)) AS day"
                " FROM events e JOIN articles a ON a.id = e.article_id WHERE e.article_id = ?"
                " AND ((e.trigger_start >= ? AND e.trigger_start < ?)"
                " OR (e.start <= ? AND e.end >= ?))", (article_id, start, end, start, end),
            ).fetchall()
            types = {want["plover"], *want["also_acceptable"]}
            good = [e for e in events if e["type"] in types]
            if want["mode"] == "negated":
                good = [] if any(e["modality"] == "asserted" for e in good) else [None]
            if not good:
                misses.append(f"{want['article']} {want['plover']}: {want['snippet']}")
                continue
            typed += 1
            if want["date"] and good[0] is not None:
                with_day += 1
                dated += any(e["day"] == want["date"] for e in good)
                if not any(e["day"] == want["date"] for e in good):
                    misses.append(f"{want['article']} day ≠ {want['date']}: {want['snippet']}")
        conn.close()
    total = len(key["events"])
    print("| examples/answers.json events | found | of |\n|---|---|---|")
    print(f"| PLOVER type (or an also-acceptable one) | {typed} | {total} |")
    print(f"| day, where the key gives one | {dated} | {with_day} |")
    for miss in misses:
        print(f"\nmissed: {miss}", end="")
    print()


if __name__ == "__main__":
    main()
