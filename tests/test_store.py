"""The store: idempotent re-ingest, the queries the CLI and API share, and the export writers."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from ingest_corpus import PROBE, article_text, snapshot, write_text_corpus

from dossier.config import Settings
from dossier.models import Article, RemovedBlock
from dossier.pipeline import ingest
from dossier.registry import CorpusStep
from dossier.store import articles as store
from dossier.store.db import connect
from dossier.store.formats import WRITERS

REQUIRED_EXPORT_FIELDS = {
    "id", "source_path", "url", "outlet", "title", "byline", "dateline", "published",
    "language", "text", "removed",
}


@pytest.fixture
def seen_by_step(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Replace other features' corpus steps by one that records the ids it is given."""
    calls: list[list[str]] = []

    def record(conn: sqlite3.Connection, ids: Sequence[str], settings: Settings) -> None:
        calls.append(list(ids))

    monkeypatch.setattr("dossier.pipeline.corpus_steps", lambda: [CorpusStep("probe", record)])
    return calls


def settings(db: Path, **overrides: object) -> Settings:
    return Settings(db_path=db, extractors=(PROBE.name,), commit_every=3, **overrides)


def test_reingesting_the_same_input_changes_nothing(
    tmp_path: Path, seen_by_step: list[list[str]]
) -> None:
    corpus = tmp_path / "corpus"
    paths = write_text_corpus(corpus, 7)
    (corpus / "wire.jsonl").write_text(
        json.dumps({"id": "w", "text": article_text(100), "outlet": "Kelvale Wire"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "d.db"
    first = ingest([corpus], settings(db))
    assert (first.new, first.already_present, first.failed) == (8, 0, False)
    before = snapshot(db)
    assert len(before["articles"]) == 8
    assert len(before["probe_facts"]) >= 8 * 3  # three sentences per article at least
    assert sorted(sum(seen_by_step, [])) == sorted(r[0] for r in before["articles"])

    again = ingest([corpus], settings(db))  # finished files are skipped
    assert (again.new, again.files_skipped, again.files_read) == (0, 8, 0)

    for path in paths:  # new mtimes: files are re-read, every article is already present
        os.utime(path, (1, 1))
    seen_by_step.clear()
    reread = ingest([corpus], settings(db))
    assert (reread.new, reread.already_present, reread.files_read) == (0, 7, 7)
    after = snapshot(db)
    assert {k: v for k, v in after.items() if k != "sources"} == {
        k: v for k, v in before.items() if k != "sources"
    }
    assert seen_by_step == [[], [], []]  # corpus steps ran, on no new article


def test_edited_file_is_reread_and_its_new_version_stored(
    tmp_path: Path, seen_by_step: list[list[str]]
) -> None:
    corpus = tmp_path / "corpus"
    [path] = write_text_corpus(corpus, 1)
    db = tmp_path / "d.db"
    ingest([corpus], settings(db))
    path.write_text(article_text(5), encoding="utf-8")
    report = ingest([corpus], settings(db))
    assert report.new == 1
    assert len(snapshot(db)["articles"]) == 2


def test_process_pool_builds_the_same_store_as_one_process(
    tmp_path: Path, seen_by_step: list[list[str]]
) -> None:
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 10)
    ingest([corpus], settings(tmp_path / "one.db"))
    report = ingest([corpus], settings(tmp_path / "pool.db", workers=2))
    assert report.new == 10
    one, pool = snapshot(tmp_path / "one.db"), snapshot(tmp_path / "pool.db")
    drop_time = lambda rows: [r[:-1] for r in rows]  # noqa: E731 - ingested_at differs
    assert drop_time(one["articles"]) == drop_time(pool["articles"])
    assert one["probe_facts"] == pool["probe_facts"]


def stored(conn: sqlite3.Connection, index: int, **fields: object) -> Article:
    article = Article(
        id=f"{index:016x}", source_path=f"in/{index}.txt", text=article_text(index), **fields
    )
    assert store.save_article(conn, article, {})
    return article


def test_listing_filters_by_outlet_and_date_and_pages(tmp_path: Path) -> None:
    conn = connect(tmp_path / "d.db")
    for i in range(6):
        stored(conn, i, outlet="Velland Post" if i % 2 else "Kelvale Wire",
               published=f"2024-05-0{i + 1}T12:00:00Z", title=f"Story {i}")
    stored(conn, 9, outlet="Velland Post")  # undated
    conn.commit()
    titles = [a["title"] for a in store.list_articles(conn, outlet="velland post")]
    assert titles == ["Story 5", "Story 3", "Story 1", None]  # newest first, undated last
    in_range = store.list_articles(conn, since="2024-05-02", until="2024-05-04")
    assert [a["title"] for a in in_range] == ["Story 3", "Story 2", "Story 1"]
    page = store.list_articles(conn, limit=2, offset=2)
    assert [a["title"] for a in page] == ["Story 3", "Story 2"]
    assert store.count_articles(conn, outlet="Kelvale Wire") == 3


def test_show_gives_removed_blocks_with_reasons_and_accepts_an_id_prefix(tmp_path: Path) -> None:
    conn = connect(tmp_path / "d.db")
    removed = [RemovedBlock("You May Also Like: ...", "teaser", 900),
               RemovedBlock("Photo: Velland Post", "photo-credit", 120)]
    article = stored(conn, 0xABC, removed=removed, title="T")
    stored(conn, 0xA00)
    conn.commit()
    shown = store.get_article(conn, article.id[:15])
    assert shown["text"] == article.text
    assert [(b["reason"], b["position"]) for b in shown["removed"]] == [
        ("teaser", 900), ("photo-credit", 120),
    ]
    assert store.get_article(conn, article.id[:14]) is None  # ambiguous prefix


def test_search_finds_words_with_snippets_and_survives_punctuation(tmp_path: Path) -> None:
    conn = connect(tmp_path / "d.db")
    for i in range(4):
        stored(conn, i, title=f"Ferry {i}")
    conn.commit()
    hits = store.search_articles(conn, "ferry route 2")
    assert [h["title"] for h in hits] == ["Ferry 2"]
    assert "[route]" in hits[0]["snippet"] and "[2]" in hits[0]["snippet"]
    assert store.search_articles(conn, "U.S. co-op") == []  # punctuation is no FTS5 syntax error
    assert len(store.search_articles(conn, "quay")) == 4


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_article_export_has_the_promised_fields_in_every_format(tmp_path: Path, fmt: str) -> None:
    conn = connect(tmp_path / "d.db")
    stored(conn, 1, removed=[RemovedBlock("Share this", "share", 5)], outlet="Velland Post")
    stored(conn, 2)
    conn.commit()
    buffer = io.BytesIO()
    assert WRITERS[fmt](store.export_articles(conn), buffer) == 2
    data = buffer.getvalue()
    if fmt == "jsonl":
        rows = [json.loads(line) for line in data.decode().splitlines()]
        assert rows[0]["removed"] == [{"reason": "share", "text": "Share this", "position": 5}]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(data.decode())))
        assert json.loads(rows[0]["removed"])[0]["reason"] == "share"
    else:
        rows = pq.read_table(io.BytesIO(data)).to_pylist()
        assert json.loads(rows[0]["removed"])[0]["reason"] == "share"
    assert set(rows[0]) >= REQUIRED_EXPORT_FIELDS
    assert rows[1]["text"] == article_text(2)
