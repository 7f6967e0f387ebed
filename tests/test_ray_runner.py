"""The Ray runner maps the same per-batch function as the local pool and builds the same store.

Ray is in the ``test`` extra, so CI runs this; it skips only where ray is not installed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from ingest_corpus import snapshot, write_text_corpus

from dossier.config import Settings
from dossier.pipeline import ingest

# A real extractor (not the tests' probe): Ray workers are fresh processes that only see
# what the dossier package registers, and its records must come back through Ray.
EXTRACTOR = "timex"


def settings(db: Path, **overrides: object) -> Settings:
    return Settings(db_path=db, extractors=(EXTRACTOR,), commit_every=3, **overrides)


def store_rows(db: Path) -> dict[str, list[tuple]]:
    """Articles, removed blocks, errors, finished files and timexes, without run timestamps."""
    rows = snapshot(db)
    rows["articles"] = [r[:-1] for r in rows["articles"]]  # ingested_at
    # finished_at (then display, a later column: the path as spelled, the same both runs)
    rows["sources"] = [r[:-2] + r[-1:] for r in rows["sources"]]
    rows["ingest_errors"] = [r[1:-1] for r in rows["ingest_errors"]]  # row id, created_at
    with sqlite3.connect(db) as conn:
        rows["timexes"] = sorted(
            conn.execute("SELECT article_id, start, end, text, type, value FROM timexes")
        )
    return rows


@pytest.mark.slow  # starts a local Ray cluster
def test_ray_runner_builds_the_same_store_as_the_local_pool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ray = pytest.importorskip("ray", reason="ray is in the test extra: pip install -e '.[test]'")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    monkeypatch.setattr("dossier.pipeline.corpus_steps", list)
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 6)
    (corpus / "broken.html").write_bytes(b"\x00\x01\x02 not a page")  # an error row both ways
    pool = ingest([corpus], settings(tmp_path / "pool.db", workers=2))
    fetched: list[object] = []  # proves the batches really came back from Ray tasks
    real_get = ray.get
    monkeypatch.setattr(ray, "get", lambda ref, **kw: fetched.append(ref) or real_get(ref, **kw))
    ray_run = ingest([corpus], settings(tmp_path / "ray.db", runner="ray", workers=2))

    assert len(fetched) >= 2  # six articles in batches of three
    assert (ray_run.new, len(ray_run.errors)) == (pool.new, len(pool.errors)) == (6, 1)
    local, distributed = store_rows(tmp_path / "pool.db"), store_rows(tmp_path / "ray.db")
    assert len(local["timexes"]) >= 6  # every article says "on Tuesday", "next week"
    assert distributed == local
