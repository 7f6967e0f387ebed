"""The giveme5w1h news clusters (../shared/eval) as the story benchmarks read them.

Shared by ``cluster.py`` and ``digest.py``: load the 247 labelled articles, write a
day of them as a temporary JSONL file (never in the repository) that Dossier's own
ingest reads, and map stored articles back to the benchmark's records. The
outlets' ``description`` fields are never written: they are the digest's references.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CLUSTERS = REPO.parent / "shared" / "eval" / "giveme5w1h-clusters"


@dataclass(frozen=True)
class Record:
    """One labelled article: what Dossier reads, the gold event, the outlet's summary."""

    key: str  # file name stem (the dataset's dId)
    url: str
    title: str
    text: str
    published: str
    outlet: str
    description: str | None
    event: str  # gold: newsCluster.Event


def _field(value: object) -> str | None:
    return None if value in (None, "", "None") else str(value)


def load() -> list[Record]:
    """All records in stream order: by publication time, then key (deterministic)."""
    records = []
    for path in sorted(CLUSTERS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        records.append(Record(
            key=path.stem, url=data["url"], title=_field(data["title"]) or "",
            text=data["text"], published=data["date_publish"],
            outlet=data["source_domain"], description=_field(data["description"]),
            event=data["newsCluster"]["Event"],
        ))
    return sorted(records, key=lambda r: (r.published, r.key))


def by_day(records: list[Record]) -> list[list[Record]]:
    """Daily batches in stream order: what a news reader would ingest each evening."""
    days: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        days[record.published[:10]].append(record)
    return [days[d] for d in sorted(days)]


def write_jsonl(records: list[Record], path: Path) -> Path:
    """The records as Dossier's JSONL input; the description stays out."""
    with path.open("w", encoding="utf-8") as handle:
        for r in records:
            handle.write(json.dumps({"id": r.key, "url": r.url, "title": r.title,
                                     "text": r.text, "published": r.published,
                                     "outlet": r.outlet}) + "\n")
    return path


def stored_ids(conn: sqlite3.Connection, records: list[Record]) -> dict[str, str | None]:
    """Benchmark key → stored article id (by URL). An input whose text duplicates an
    earlier one is stored once (content-hashed ids): it maps to its twin's article."""
    by_url = {url: aid for aid, url in conn.execute("SELECT id, url FROM articles")}
    by_text = {r.text: by_url[r.url] for r in records if r.url in by_url}
    return {r.key: by_url.get(r.url) or by_text.get(r.text) for r in records}
