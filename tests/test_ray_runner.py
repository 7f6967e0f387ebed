"""The Ray runner maps the same per-batch function as the local pool (skipped without ray)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_corpus import snapshot, write_text_corpus

from dossier.config import Settings
from dossier.pipeline import ingest


def test_ray_runner_builds_the_same_store_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("ray")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    monkeypatch.setattr("dossier.pipeline.corpus_steps", list)
    corpus = tmp_path / "corpus"
    write_text_corpus(corpus, 6)
    ingest([corpus], Settings(db_path=tmp_path / "one.db", extractors=(), commit_every=3))
    report = ingest(
        [corpus],
        Settings(db_path=tmp_path / "ray.db", extractors=(), commit_every=3, runner="ray",
                 workers=2),
    )
    assert report.new == 6
    ids = lambda db: [r[0] for r in snapshot(db)["articles"]]  # noqa: E731
    assert ids(tmp_path / "one.db") == ids(tmp_path / "ray.db")
